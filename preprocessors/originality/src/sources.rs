//! Reading the source documents: every `.txt`, `.md` or `.markdown` file under the configured
//! folders, in UTF-8 (with or without a BOM) or, as Chinese Windows saves plain text, GB18030.

use std::fs;
use std::path::{Path, PathBuf};

/// One source document, read.
#[derive(Debug)]
pub(crate) struct File {
    /// The path as the writer configured it, joined with the file's path in its folder:
    /// `../shared/seeds/002_….txt`.
    pub name: String,
    pub text: String,
}

/// Extensions of the files read in a source folder.
const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Reads every source under `root` (the book's root). Problems that leave a source unread
/// (a missing folder, an unreadable file) are returned as messages, not errors: the seeds of
/// one machine may be absent on another. A source inside `src_dir` is an error: it would be
/// published with the book.
pub(crate) fn read(
    root: &Path,
    src_dir: &Path,
    sources: &[String],
) -> Result<(Vec<File>, Vec<String>), String> {
    let book = src_dir
        .canonicalize()
        .unwrap_or_else(|_| src_dir.to_path_buf());
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for source in sources {
        let path = root.join(source);
        let Ok(real) = path.canonicalize() else {
            problems.push(format!(
                "查重来源「{source}」不存在（{}），本次没有对照它查重",
                path.display()
            ));
            continue;
        };
        if real.starts_with(&book) {
            return Err(format!(
                "book.toml 的 preprocessor.report.originality.sources 中「{source}」在书稿文件夹里面：查重来源不能随书发布，请把它放在书稿文件夹之外"
            ));
        }
        if book.starts_with(&real) {
            return Err(format!(
                "book.toml 的 preprocessor.report.originality.sources 中「{source}」包含了书稿文件夹：请只写存放来源文件的那个文件夹"
            ));
        }
        let mut found = Vec::new();
        if real.is_dir() {
            walk(&real, &mut found);
            found.sort();
        } else {
            found.push(real.clone());
        }
        if found.is_empty() {
            problems.push(format!(
                "查重来源「{source}」里没有 .txt、.md 文件，本次没有对照它查重"
            ));
        }
        for file in found {
            let name = match file.strip_prefix(&real) {
                Ok(rel) if !rel.as_os_str().is_empty() => {
                    format!(
                        "{}/{}",
                        source.trim_end_matches('/'),
                        rel.to_string_lossy().replace('\\', "/")
                    )
                }
                _ => source.clone(),
            };
            match fs::read(&file) {
                Ok(bytes) => files.push(File {
                    name,
                    text: decode(&bytes),
                }),
                Err(e) => problems.push(format!("查重来源「{name}」无法读取：{e}")),
            }
        }
    }
    Ok((files, problems))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
}

/// UTF-8 (a BOM removed), else GB18030, as Excel and Notepad save text on Chinese Windows.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("originality-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("book")).unwrap();
        dir
    }

    #[test]
    fn reads_text_and_markdown_files_in_order_in_utf8_or_gbk() {
        let root = temp("read");
        fs::create_dir_all(root.join("seeds/sub")).unwrap();
        fs::write(root.join("seeds/b.md"), "\u{feff}乙").unwrap();
        fs::write(root.join("seeds/a.txt"), encoding_rs::GBK.encode("甲").0).unwrap();
        fs::write(root.join("seeds/sub/c.TXT"), "丙").unwrap();
        fs::write(root.join("seeds/d.pdf"), "丁").unwrap();
        let (files, problems) = read(&root, &root.join("book"), &["seeds/".to_string()]).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let got: Vec<(&str, &str)> = files
            .iter()
            .map(|f| (f.name.as_str(), f.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("seeds/a.txt", "甲"),
                ("seeds/b.md", "乙"),
                ("seeds/sub/c.TXT", "丙")
            ]
        );
        let _ = fs::remove_dir_all(root);
    }

    #[test]
    fn a_missing_folder_is_a_message_and_a_folder_in_the_book_an_error() {
        let root = temp("missing");
        let (files, problems) =
            read(&root, &root.join("book"), &["../nowhere".to_string()]).unwrap();
        assert!(files.is_empty());
        assert!(problems[0].contains("「../nowhere」不存在"), "{problems:?}");
        fs::create_dir_all(root.join("book/seeds")).unwrap();
        let err = read(&root, &root.join("book"), &["book/seeds".to_string()]).unwrap_err();
        assert!(err.contains("不能随书发布"), "{err}");
        let err = read(&root, &root.join("book"), &[".".to_string()]).unwrap_err();
        assert!(err.contains("包含了书稿文件夹"), "{err}");
        let _ = fs::remove_dir_all(root);
    }
}
