//! Text encodings of data files as Excel and WPS save them.

/// Decodes CSV bytes as Excel and WPS save them.
pub fn decode(bytes: &[u8], file: &str) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).map_err(|e| {
            format!(
                "{file} 以 UTF-8 BOM 开头，但第{}字节不是有效的 UTF-8",
                e.utf8_error().valid_up_to() + 4
            )
        });
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _, bad) = enc.decode(bytes);
        if bad {
            return Err(format!("{file} 是 UTF-16 文件，但其中有无法解码的字符"));
        }
        return Ok(text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
    if bad {
        return Err(format!(
            "{file} 的编码无法识别（既不是 UTF-8，也不是 GBK/GB18030）；请在 Excel 或 WPS 中另存为“CSV UTF-8”"
        ));
    }
    Ok(text.into_owned())
}
