//! Text encodings of data files as Excel and WPS save them: UTF-8 (with or without BOM),
//! UTF-16 with BOM ("Unicode text"), else GB18030 (a superset of GBK, what "CSV" means on
//! Chinese Windows). A file whose bytes read sensibly both ways is refused with both
//! readings rather than guessed.

/// What to do when the encoding is in doubt: Excel's and WPS's "CSV UTF-8" writes a BOM,
/// which settles it.
const SAVE_AS_UTF8: &str = "请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”";

/// Decodes a data file's bytes.
pub fn decode(bytes: &[u8], file: &str) -> Result<String, String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        std::str::from_utf8(rest)
            .map_err(|e| {
                format!(
                    "{file} 以 UTF-8 BOM 开头，但第{}行有不是 UTF-8 的字节；{SAVE_AS_UTF8}",
                    line_at(&rest[..e.valid_up_to()])
                )
            })?
            .to_string()
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let encoding = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _, bad) = encoding.decode(bytes);
        if bad {
            return Err(format!(
                "{file} 是 UTF-16（Unicode 文本）文件，但其中有无法解码的字符；{SAVE_AS_UTF8}"
            ));
        }
        text.into_owned()
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        if let Some((utf8, gbk)) = ambiguous(text, bytes) {
            return Err(format!(
                "{file} 的编码无法确定：按 UTF-8 读是「{utf8}」，按 GBK 读是「{gbk}」；{SAVE_AS_UTF8}"
            ));
        }
        text.to_string()
    } else {
        let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
        if bad {
            return Err(format!(
                "{file} 的编码无法识别（既不是 UTF-8，也不是 GBK/GB18030）；{SAVE_AS_UTF8}"
            ));
        }
        text.into_owned()
    };
    // A BOM after the start is almost always two files pasted together.
    if let Some(at) = text.find('\u{feff}') {
        return Err(format!(
            "{file} 第{}行有一个多余的 UTF-8 BOM（不可见的字节顺序标记 EF BB BF，常见于把两个文件拼接在一起）；请删除它所在行开头的不可见字符和多余的表头，或{}",
            line_at(&text.as_bytes()[..at]),
            SAVE_AS_UTF8.trim_start_matches('请')
        ));
    }
    Ok(text)
}

/// The line that byte `prefix.len()` is on.
fn line_at(prefix: &[u8]) -> usize {
    prefix.iter().filter(|&&b| b == b'\n').count() + 1
}

/// GBK bytes that happen to be valid UTF-8 read as a few Latin, Greek, Cyrillic, Hebrew or
/// Arabic letters and no Chinese; read as GBK they are Chinese. Returns the first line that
/// reads differently, both ways, when the file looks like that.
fn ambiguous(text: &str, bytes: &[u8]) -> Option<(String, String)> {
    let odd = |c: char| ('\u{80}'..='\u{7ff}').contains(&c);
    // Chinese first: it settles a Chinese file at its first characters, where looking
    // for letters that are not there reads the whole file.
    if text.chars().any(is_cjk) || !text.chars().any(odd) {
        return None;
    }
    let (gbk, _, bad) = encoding_rs::GB18030.decode(bytes);
    if bad || !gbk.chars().any(is_cjk) || gbk.chars().any(odd) {
        return None;
    }
    text.lines()
        .zip(gbk.lines())
        .find(|(a, b)| a != b)
        .map(|(a, b)| (a.to_string(), b.to_string()))
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
}
