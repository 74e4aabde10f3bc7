//! The store: finds datasets under the data folder and parses each at most once per build.

use std::cell::{Cell as Counter, RefCell};
use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use super::{Dataset, Meta, csv_file, decode, json_file, sidecar};
use crate::suggest::did_you_mean;

/// Loads datasets on demand and parses each at most once per build.
pub struct Store {
    /// The book's source folder on disk.
    src_dir: PathBuf,
    /// The source folder as the writer knows it (`book`), for messages.
    src_name: String,
    data_dir: String,
    /// Failures are kept too: a broken file is read once and reported the same way by
    /// every placeholder that uses it.
    cache: RefCell<HashMap<String, Result<Rc<Dataset>, String>>>,
    available: RefCell<Option<Vec<String>>>,
    parses: Counter<usize>,
}

impl Store {
    pub fn new(src_dir: impl Into<PathBuf>, src_name: &str, data_dir: &str) -> Store {
        Store {
            src_dir: src_dir.into(),
            src_name: src_name.trim_end_matches('/').to_string(),
            data_dir: data_dir.trim_matches('/').to_string(),
            cache: RefCell::new(HashMap::new()),
            available: RefCell::new(None),
            parses: Counter::new(0),
        }
    }

    /// The book's source folder on disk.
    pub fn src_dir(&self) -> &Path {
        &self.src_dir
    }

    /// How many files have been parsed so far.
    pub fn parses(&self) -> usize {
        self.parses.get()
    }

    /// The dataset `id` (`trade/totals`, with or without `.csv`/`.json`).
    pub fn get(&self, id: &str) -> Result<Rc<Dataset>, String> {
        let id = normalize_id(id)?;
        if let Some(loaded) = self.cache.borrow().get(&id) {
            return loaded.clone();
        }
        let loaded = self.load(&id).map(Rc::new);
        self.cache.borrow_mut().insert(id, loaded.clone());
        loaded
    }

    /// Every dataset id under the data folder, sorted.
    pub fn ids(&self) -> Vec<String> {
        if let Some(ids) = self.available.borrow().as_ref() {
            return ids.clone();
        }
        let mut ids = Vec::new();
        collect_ids(&self.src_dir.join(&self.data_dir), "", &mut ids);
        ids.sort();
        ids.dedup();
        *self.available.borrow_mut() = Some(ids.clone());
        ids
    }

    fn writer_path(&self, rel: &str) -> String {
        format!("{}/{}/{rel}", self.src_name, self.data_dir)
    }

    fn load(&self, id: &str) -> Result<Dataset, String> {
        let dir = self.src_dir.join(&self.data_dir);
        let (path, ext) = ["csv", "json"]
            .iter()
            .map(|ext| (dir.join(format!("{id}.{ext}")), *ext))
            .find(|(p, _)| p.is_file())
            .ok_or_else(|| {
                let ids = self.ids();
                let mut msg = format!(
                    "找不到数据集「{id}」（应为 {} 或 .json）",
                    self.writer_path(&format!("{id}.csv"))
                );
                match did_you_mean(id, ids.iter().map(String::as_str)) {
                    Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
                    None if !ids.is_empty() && ids.len() <= 20 => {
                        msg.push_str(&format!("。现有的数据集：{}", ids.join("、")))
                    }
                    None => {}
                }
                msg
            })?;
        // Links inside the data folder must not lead out of the book.
        if !crate::paths::is_inside(&path, &self.src_dir) {
            return Err(format!(
                "数据集「{id}」指向 {} 目录之外的文件，出于安全考虑不予读取",
                self.src_name
            ));
        }
        let rel = format!("{id}.{ext}");
        let file = self.writer_path(&rel);
        let bytes = fs::read(&path).map_err(|e| format!("无法读取 {file}：{e}"))?;
        let text = decode(&bytes, &file)?;
        let (header, records) = if ext == "csv" {
            csv_file::parse_csv(&text, &file)?
        } else {
            json_file::parse_json(text.trim_start_matches('\u{feff}'), &file)?
        };
        let meta_rel = format!("{id}.toml");
        let meta_path = dir.join(&meta_rel);
        let meta_file = self.writer_path(&meta_rel);
        if meta_path.exists() && !crate::paths::is_inside(&meta_path, &self.src_dir) {
            return Err(format!(
                "{meta_file} 指向 {} 目录之外的文件，出于安全考虑不予读取",
                self.src_name
            ));
        }
        let meta: Meta = match fs::read(&meta_path) {
            Ok(bytes) => {
                let text = decode(&bytes, &meta_file)?;
                toml::from_str(&text).map_err(|e| sidecar::meta_problem(&meta_file, &text, &e))?
            }
            Err(_) => {
                return Err(format!(
                    "数据集「{id}」缺少元数据文件 {meta_file}（至少写明 title、unit、source）"
                ));
            }
        };
        for (key, value) in [("title", &meta.title), ("source", &meta.source)] {
            if value.trim().is_empty() {
                return Err(format!(
                    "{meta_file} 没有写 {key}（{}）；例如 {key} = \"{}\"",
                    if key == "title" {
                        "标题"
                    } else {
                        "数据来源"
                    },
                    if key == "title" {
                        "中国药械产品进出口额"
                    } else {
                        "中国医药保健品进出口商会"
                    }
                ));
            }
        }
        self.parses.set(self.parses.get() + 1);
        Dataset::from_table(
            id,
            file,
            format!("{}/{rel}", self.data_dir),
            meta,
            header,
            records,
        )
    }
}

/// Normalises a dataset id and refuses paths that would leave the data folder.
fn normalize_id(id: &str) -> Result<String, String> {
    let trimmed = id
        .trim()
        .trim_end_matches(".csv")
        .trim_end_matches(".json")
        .replace('\\', "/");
    let path = Path::new(&trimmed);
    let escapes = path.is_absolute()
        || trimmed.contains(':')
        || path
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes || trimmed.is_empty() {
        return Err(format!(
            "数据集路径「{id}」不允许：只能引用 book/data/ 下的文件，且不能含 .. 或绝对路径"
        ));
    }
    Ok(trimmed.trim_start_matches("./").to_string())
}

fn collect_ids(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            collect_ids(&path, &format!("{prefix}{name}/"), out);
        } else if let Some(stem) = name
            .strip_suffix(".csv")
            .or_else(|| name.strip_suffix(".json"))
        {
            out.push(format!("{prefix}{stem}"));
        }
    }
}
