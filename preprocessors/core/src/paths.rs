//! Keeping the build inside the book's source folder.
//!
//! mdBook's HTML renderer copies every file under `book/` into the site, following symbolic
//! links (`copy_files_except_ext`), so a link leading outside would deploy whatever it
//! points at. Such links fail every build, whatever the mode, before anything is rendered.

use std::fs;
use std::path::{Path, PathBuf};

/// A symbolic link under the source folder that leads outside it, or nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLink {
    /// The link, relative to the source folder, with `/` separators.
    pub link: String,
    /// Where it points, as written in the link.
    pub target: PathBuf,
    /// The target does not exist (so where it leads cannot be checked).
    pub dangling: bool,
}

impl BadLink {
    /// The message for writers, with the source folder as they know it (`book`).
    pub fn message(&self, src: &str) -> String {
        let target = self.target.display();
        if self.dangling {
            format!(
                "{src}/{} 是符号链接，指向不存在的文件（{target}）：请删除这个链接，或让它指向 {src} 目录里的文件",
                self.link
            )
        } else {
            format!(
                "{src}/{} 是指向 {src} 目录之外的链接（{target}）：mdBook 会把它指向的内容复制进网站。请删除这个链接，把需要的文件复制到 {src} 目录里",
                self.link
            )
        }
    }
}

/// Whether `path` (following links) lies inside `root` (following links).
pub fn is_inside(path: &Path, root: &Path) -> bool {
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(real), Ok(root)) => real.starts_with(root),
        _ => false,
    }
}

/// Every symbolic link under `root` that leads outside it or nowhere, sorted. Linked
/// folders are not entered: a link inside `root` to a folder inside `root` is checked
/// where that folder really is.
pub fn links_leaving(root: &Path) -> Vec<BadLink> {
    let mut bad = Vec::new();
    let Ok(real_root) = root.canonicalize() else {
        return bad;
    };
    walk(root, &real_root, "", &mut bad);
    bad.sort_by(|a, b| a.link.cmp(&b.link));
    bad
}

fn walk(dir: &Path, real_root: &Path, prefix: &str, bad: &mut Vec<BadLink>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        let path = entry.path();
        if kind.is_symlink() {
            let target = fs::read_link(&path).unwrap_or_default();
            match path.canonicalize() {
                Ok(real) if real.starts_with(real_root) => {}
                Ok(_) => bad.push(BadLink {
                    link: rel,
                    target,
                    dangling: false,
                }),
                Err(_) => bad.push(BadLink {
                    link: rel,
                    target,
                    dangling: true,
                }),
            }
        } else if kind.is_dir() {
            walk(&path, real_root, &format!("{rel}/"), bad);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn finds_links_that_leave_and_keeps_those_that_stay() {
        let base = std::env::temp_dir().join(format!("report-paths-{}", std::process::id()));
        let _ = fs::remove_dir_all(&base);
        let root = base.join("book");
        fs::create_dir_all(root.join("data/real")).unwrap();
        fs::write(base.join("secret.txt"), "x").unwrap();
        fs::write(root.join("data/real/t.csv"), "a\n").unwrap();
        symlink("../../secret.txt", root.join("data/leak.csv")).unwrap();
        symlink("real/t.csv", root.join("data/t.csv")).unwrap();
        symlink("real", root.join("data/alias")).unwrap();
        symlink("..", root.join("up")).unwrap();
        symlink("nowhere", root.join("gone.png")).unwrap();
        let found: Vec<(String, bool)> = links_leaving(&root)
            .into_iter()
            .map(|b| (b.link, b.dangling))
            .collect();
        assert_eq!(
            found,
            vec![
                ("data/leak.csv".to_string(), false),
                ("gone.png".to_string(), true),
                ("up".to_string(), false),
            ]
        );
        assert!(is_inside(&root.join("data/t.csv"), &root));
        assert!(!is_inside(&root.join("data/leak.csv"), &root));
        fs::remove_dir_all(&base).unwrap();
    }
}
