//! The store: finds datasets under the data folder and parses each at most once per build.

use std::cell::{Cell as Counter, RefCell};
use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use super::workbook::{self, Workbook};
use super::{Dataset, Meta, csv_file, decode, json_file, sidecar};
use crate::suggest::did_you_mean;

/// The data file kinds, in the order the guide lists them.
pub const EXTENSIONS: &[&str] = &["csv", "json", "xlsx", "xls", "ods"];
const WORKBOOKS: &[&str] = &["xlsx", "xls", "ods"];

/// Files that office programs keep beside an open document: Excel's and WPS's `~$NAME.xlsx`,
/// LibreOffice's `.~lock.NAME.ods#`, and hidden files in general. Never datasets.
pub fn is_lock_file(name: &str) -> bool {
    name.starts_with("~$") || name.starts_with('.')
}

/// A file read once per build, or why it could not be.
type Loaded<T> = Result<Rc<T>, String>;
/// A dataset id, with the sheet a placeholder picked.
type SheetKey = (String, Option<String>);

/// Loads datasets on demand and parses each at most once per build.
pub struct Store {
    /// The book's source folder on disk.
    src_dir: PathBuf,
    /// The source folder as the writer knows it (`book`), for messages.
    src_name: String,
    data_dir: String,
    /// Datasets by id and sheet. Failures are kept too: a broken file is read once and
    /// reported the same way by every placeholder that uses it.
    cache: RefCell<HashMap<SheetKey, Loaded<Dataset>>>,
    /// Open workbooks, so that a second sheet does not open the file again.
    workbooks: RefCell<HashMap<String, Loaded<RefCell<Workbook>>>>,
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
            workbooks: RefCell::new(HashMap::new()),
            available: RefCell::new(None),
            parses: Counter::new(0),
        }
    }

    /// The book's source folder on disk.
    pub fn src_dir(&self) -> &Path {
        &self.src_dir
    }

    /// How many data files have been parsed (opened and read) so far.
    pub fn parses(&self) -> usize {
        self.parses.get()
    }

    /// The dataset `id` (`trade/totals`, with or without its extension).
    pub fn get(&self, id: &str) -> Result<Rc<Dataset>, String> {
        self.get_sheet(id, None)
    }

    /// The dataset `id`, from sheet `sheet` of its workbook (a name, else a number from 1)
    /// instead of the sidecar's.
    pub fn get_sheet(&self, id: &str, sheet: Option<&str>) -> Result<Rc<Dataset>, String> {
        let id = normalize_id(id)?;
        let key = (id, sheet.map(str::to_string));
        if let Some(loaded) = self.cache.borrow().get(&key) {
            return loaded.clone();
        }
        let loaded = self.load(&key.0, sheet).map(Rc::new);
        self.cache.borrow_mut().insert(key, loaded.clone());
        loaded
    }

    /// The size in bytes of dataset `id`'s data file, without reading it; `None` when the
    /// dataset has no single data file (loading it reports why).
    pub fn file_len(&self, id: &str) -> Option<u64> {
        let id = normalize_id(id).ok()?;
        let (path, _) = self.find(&id).ok()?;
        std::fs::metadata(path).ok().map(|m| m.len())
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

    /// The one data file of dataset `id`, with its extension.
    fn find(&self, id: &str) -> Result<(PathBuf, &'static str), String> {
        let dir = self.src_dir.join(&self.data_dir);
        let lock = Path::new(id)
            .file_name()
            .is_some_and(|n| is_lock_file(&n.to_string_lossy()));
        let found: Vec<(PathBuf, &str)> = EXTENSIONS
            .iter()
            .map(|ext| (dir.join(format!("{id}.{ext}")), *ext))
            .filter(|(p, _)| p.is_file() && !lock)
            .collect();
        match found.as_slice() {
            [one] => Ok(one.clone()),
            [] => {
                let ids = self.ids();
                let mut msg = format!(
                    "找不到数据集「{id}」（应为 {}，或同名的 .json、.xlsx、.xls、.ods）",
                    self.writer_path(&format!("{id}.csv"))
                );
                match did_you_mean(id, ids.iter().map(String::as_str)) {
                    Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
                    None if !ids.is_empty() && ids.len() <= 20 => {
                        msg.push_str(&format!("。现有的数据集：{}", ids.join("、")))
                    }
                    None => {}
                }
                Err(msg)
            }
            many => {
                let files: Vec<String> = many
                    .iter()
                    .map(|(_, ext)| self.writer_path(&format!("{id}.{ext}")))
                    .collect();
                Err(format!(
                    "数据集「{id}」有{}个数据文件：{}；不知道该用哪一个，请只保留一个（把其余的改名或移出 {}/{}/）",
                    many.len(),
                    files.join(" 和 "),
                    self.src_name,
                    self.data_dir
                ))
            }
        }
    }

    fn load(&self, id: &str, sheet: Option<&str>) -> Result<Dataset, String> {
        let (path, ext) = self.find(id)?;
        // Links inside the data folder must not lead out of the book.
        if !crate::paths::is_inside(&path, &self.src_dir) {
            return Err(format!(
                "数据集「{id}」指向 {} 目录之外的文件，出于安全考虑不予读取",
                self.src_name
            ));
        }
        let rel = format!("{id}.{ext}");
        let file = self.writer_path(&rel);
        let meta = self.meta(id)?;
        let is_workbook = WORKBOOKS.contains(&ext);
        if !is_workbook && (sheet.is_some() || meta.sheet.is_some() || meta.range.is_some()) {
            return Err(format!(
                "{file} 不是工作簿：sheet 和 range 只用于 .xlsx、.xls、.ods 文件；请删去它们"
            ));
        }
        let table = if is_workbook {
            let book = self.workbook(&path, &file)?;
            let mut book = book.borrow_mut();
            let sheet = match sheet {
                Some(s) => workbook::SheetChoice::Written(s.to_string()),
                None => workbook::SheetChoice::from_meta(meta.sheet.as_ref()),
            };
            book.table(&sheet, meta.range.as_deref())?
        } else {
            let bytes = fs::read(&path).map_err(|e| format!("无法读取 {file}：{e}"))?;
            let text = decode(&bytes, &file)?;
            self.parses.set(self.parses.get() + 1);
            if ext == "csv" {
                csv_file::parse_csv(&text, &file)?
            } else {
                json_file::parse_json(&text, &file)?
            }
        };
        Dataset::from_table(id, file, format!("{}/{rel}", self.data_dir), meta, table)
    }

    /// The workbook at `path`, opened once per build.
    fn workbook(&self, path: &Path, file: &str) -> Result<Rc<RefCell<Workbook>>, String> {
        if let Some(open) = self.workbooks.borrow().get(file) {
            return open.clone();
        }
        let open = Workbook::open(path, file).map(|w| Rc::new(RefCell::new(w)));
        if open.is_ok() {
            self.parses.set(self.parses.get() + 1);
        }
        self.workbooks
            .borrow_mut()
            .insert(file.to_string(), open.clone());
        open
    }

    /// The sidecar of dataset `id`.
    fn meta(&self, id: &str) -> Result<Meta, String> {
        let meta_rel = format!("{id}.toml");
        let meta_path = self.src_dir.join(&self.data_dir).join(&meta_rel);
        let meta_file = self.writer_path(&meta_rel);
        if meta_path.exists() && !crate::paths::is_inside(&meta_path, &self.src_dir) {
            return Err(format!(
                "{meta_file} 指向 {} 目录之外的文件，出于安全考虑不予读取",
                self.src_name
            ));
        }
        let Ok(bytes) = fs::read(&meta_path) else {
            return Err(format!(
                "数据集「{id}」缺少元数据文件 {meta_file}（至少写明 title、unit、source）"
            ));
        };
        let text = decode(&bytes, &meta_file)?;
        sidecar::read(&meta_file, &text)
    }
}

/// Normalises a dataset id and refuses paths that would leave the data folder.
fn normalize_id(id: &str) -> Result<String, String> {
    let mut trimmed = id.trim().replace('\\', "/");
    for ext in EXTENSIONS {
        if let Some(stem) = trimmed.strip_suffix(&format!(".{ext}")) {
            trimmed = stem.to_string();
            break;
        }
    }
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
        if is_lock_file(&name) {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            collect_ids(&path, &format!("{prefix}{name}/"), out);
        } else if let Some((stem, ext)) = name.rsplit_once('.')
            && EXTENSIONS.contains(&ext)
        {
            out.push(format!("{prefix}{stem}"));
        }
    }
}
