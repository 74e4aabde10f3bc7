//! JSON: an array of row objects, or one object of key → value facts.
//!
//! Values are read from their JSON text as written, so `1.50` keeps its two decimals and a
//! 30-digit integer every digit. A key written twice in one object, and a value that is
//! itself an object or array, are errors: JSON readers silently keep one of them.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::{Cell, Place, RawTable, parse_cell};

/// One object: its keys and their values' JSON text, in order.
type Object = Vec<(String, Box<RawValue>)>;

enum Document {
    Rows(Vec<Object>),
    Facts(Object),
}

/// Reads an object's entries, refusing a key written twice.
fn entries<'de, A: MapAccess<'de>>(mut map: A, what: &str) -> Result<Object, A::Error> {
    let mut out: Object = Vec::new();
    while let Some(key) = map.next_key::<String>()? {
        if out.iter().any(|(k, _)| *k == key) {
            return Err(de::Error::custom(format!(
                "{what}里键「{key}」出现了两次；同一对象的键不能重复（否则只会读到其中一个），请删除或改名"
            )));
        }
        let value = map.next_value::<Box<RawValue>>()?;
        out.push((key, value));
    }
    Ok(out)
}

struct Row(Object);

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Row, D::Error> {
        struct RowVisitor;
        impl<'de> Visitor<'de> for RowVisitor {
            type Value = Row;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "一个对象（数组的每一项是一行数据），例如 {\"年份\": 2024, \"出口额\": 1079.6}",
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Row, A::Error> {
                entries(map, "这一项").map(Row)
            }
        }
        d.deserialize_map(RowVisitor)
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Document, D::Error> {
        struct DocumentVisitor;
        impl<'de> Visitor<'de> for DocumentVisitor {
            type Value = Document;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("对象数组（每项一行）或一个“键: 值”对象")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Document, A::Error> {
                let mut rows = Vec::new();
                while let Some(Row(row)) = seq.next_element::<Row>()? {
                    rows.push(row);
                }
                Ok(Document::Rows(rows))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Document, A::Error> {
                entries(map, "对象").map(Document::Facts)
            }
        }
        d.deserialize_any(DocumentVisitor)
    }
}

/// Parses JSON: an array of row objects, or one object of key → value facts.
pub(super) fn parse_json(text: &str, file: &str) -> Result<RawTable, String> {
    let document: Document = serde_json::from_str(text).map_err(|e| {
        // serde_json counts bytes; writers count characters.
        let line = text.lines().nth(e.line().saturating_sub(1)).unwrap_or("");
        let mut byte = e.column().saturating_sub(1).min(line.len());
        while !line.is_char_boundary(byte) {
            byte -= 1;
        }
        format!(
            "{file} 第{}行第{}列不是有效的 JSON：{}",
            e.line(),
            line[..byte].chars().count() + 1,
            json_problem(&e)
        )
    })?;
    let cell = |item: usize, key: &str, raw: &RawValue| -> Result<Cell, String> {
        let text = raw.get();
        match text.as_bytes().first() {
            Some(b'"') => Ok(parse_cell(
                &serde_json::from_str::<String>(text).map_err(|e| e.to_string())?,
            )),
            Some(b'n') => Ok(Cell::Missing),
            Some(b'{' | b'[') => Err(format!(
                "{file} 第{item}项「{key}」的值是嵌套的{}；每个值只能是数字、文字或 null，请把它拆成单独的列",
                if text.starts_with('{') {
                    "对象"
                } else {
                    "数组"
                }
            )),
            _ => Ok(parse_cell(text)),
        }
    };
    match document {
        Document::Rows(items) => {
            let mut header: Vec<String> = Vec::new();
            for item in &items {
                for (k, _) in item {
                    if !header.contains(k) {
                        header.push(k.clone());
                    }
                }
            }
            let mut records = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let mut cells = vec![Cell::Missing; header.len()];
                for (k, v) in item {
                    let at = header.iter().position(|h| h == k).expect("collected above");
                    cells[at] = cell(i + 1, k, v)?;
                }
                records.push((i + 1, cells));
            }
            Ok(RawTable {
                header,
                header_line: 0,
                records,
                place: Place::Items,
            })
        }
        Document::Facts(facts) => {
            let mut records = Vec::with_capacity(facts.len());
            for (i, (k, v)) in facts.iter().enumerate() {
                records.push((i + 1, vec![Cell::Text(k.clone()), cell(i + 1, k, v)?]));
            }
            Ok(RawTable {
                header: vec!["键".to_string(), "值".to_string()],
                header_line: 0,
                records,
                place: Place::Items,
            })
        }
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
        "EOF while parsing a value" => "文件在一个值的中间结束了".to_string(),
        "trailing comma" => "最后一项后面多了逗号".to_string(),
        "expected value" => "这里应当是一个值（数字、\"文字\"、null、对象或数组）".to_string(),
        "expected `,` or `]`" => "这里缺少逗号或 ]".to_string(),
        "expected `,` or `}`" => "这里缺少逗号或 }".to_string(),
        "expected `:`" => "键后面缺少冒号 :".to_string(),
        "key must be a string" => "键必须用英文双引号括起来".to_string(),
        "trailing characters" => "JSON 结束后还有多余的内容".to_string(),
        "control character (\u{0000}-\u{001F}) found while parsing a string" => {
            "字符串里有换行或制表符；请写成 \\n 或删去".to_string()
        }
        other if other.starts_with("invalid type") => match other.split_once(", expected ") {
            Some((_, expected)) => format!("这里应当是{expected}"),
            None => other.to_string(),
        },
        other => other.to_string(),
    }
}
