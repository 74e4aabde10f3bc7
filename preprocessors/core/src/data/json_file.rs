//! JSON: an array of row objects, or one object of key → value facts.

use super::RawTable;

/// Parses JSON: an array of row objects, or one object of key → value facts.
pub(super) fn parse_json(text: &str, file: &str) -> Result<RawTable, String> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "{file} 第{}行第{}列不是有效的 JSON：{}",
            e.line(),
            e.column(),
            json_problem(&e)
        )
    })?;
    let cell = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match value {
        Value::Array(items) => {
            let mut header: Vec<String> = Vec::new();
            for item in &items {
                let Value::Object(map) = item else {
                    return Err(format!(
                        "{file} 的数组里应当每项都是对象（一行数据），例如 {{\"年份\": 2024, \"出口额\": 1079.6}}"
                    ));
                };
                for k in map.keys() {
                    if !header.contains(k) {
                        header.push(k.clone());
                    }
                }
            }
            let rows = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let map = item.as_object().expect("checked above");
                    let cells = header
                        .iter()
                        .map(|h| map.get(h).map(cell).unwrap_or_default())
                        .collect();
                    (i + 1, cells)
                })
                .collect();
            Ok((header, rows))
        }
        Value::Object(map) => {
            let rows = map
                .iter()
                .enumerate()
                .map(|(i, (k, v))| (i + 1, vec![k.clone(), cell(v)]))
                .collect();
            Ok((vec!["键".to_string(), "值".to_string()], rows))
        }
        _ => Err(format!(
            "{file} 应当是对象数组（每项一行）或一个“键: 值”对象"
        )),
    }
}

/// A JSON syntax error in words a writer can act on.
fn json_problem(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    let raw = raw.split(" at line ").next().unwrap_or(&raw);
    match raw {
        "EOF while parsing a list" => "列表没有结束（缺少 ]）".to_string(),
        "EOF while parsing an object" => "对象没有结束（缺少 }）".to_string(),
        "EOF while parsing a string" => "字符串没有结束（缺少 \"）".to_string(),
        "trailing comma" => "最后一项后面多了逗号".to_string(),
        other => other.to_string(),
    }
}
