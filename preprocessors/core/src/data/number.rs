//! Numbers as written: a cell's exact decimal value, the text it was written as and the
//! decimals it shows, so that the printed figure is exactly the written one.

use std::str::FromStr;

use crate::format::Decimal;

/// A number in a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The exact value, in the unit of its column (a `73.1%` cell holds 73.1).
    value: Decimal,
    /// The cell as written (`1,079.6`, `73.1%`): its label when it names a row.
    text: String,
    /// The decimals it was written with (or that its workbook cell's format shows).
    decimals: usize,
    /// Written with `%`: a percentage whatever its column's unit.
    percent: bool,
}

/// The decimals a workbook cell's number format shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// `0.00`: always this many.
    Fixed(usize),
    /// `0.0#`: at least and at most.
    Between(usize, usize),
    /// `General`: as many as the value has.
    General,
}

/// Why a cell that looks like a figure is not one, for the message at the place it is used.
#[derive(Debug, Clone, PartialEq)]
pub enum NotANumber {
    /// Anything else: a word, a date, a range.
    Text,
    /// `1e3`, `1.23457E+11`: Excel writes these when a column is too narrow, losing digits.
    Scientific,
    /// A figure with its unit in the cell: `1079.6亿`, `30万元`.
    WithUnit(String),
    /// An Excel error value such as `#DIV/0!`.
    ExcelError,
    /// Thousands separators in the wrong places: `1,07,9`.
    BadGrouping,
}

/// Excel's error values, as CSV exports write them.
const EXCEL_ERRORS: &[&str] = &[
    "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
];

impl Number {
    /// Reads a written number: an optional sign (`-`, `－`, `−`, `+`), digits (full-width
    /// digits too) with optional thousands separators in groups of three (`,` or `，`), an
    /// optional fraction, and an optional trailing `%`.
    pub fn parse(written: &str) -> Result<Number, NotANumber> {
        let text = written.trim();
        let mut plain = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        match chars.peek() {
            Some('-' | '－' | '−') => {
                plain.push('-');
                chars.next();
            }
            Some('+' | '＋') => {
                chars.next();
            }
            _ => {}
        }
        let mut groups: Vec<usize> = vec![0];
        let mut fraction: Option<usize> = None;
        let mut percent = false;
        let mut rest = String::new();
        for c in chars.by_ref() {
            let digit = match c {
                '0'..='9' => Some(c),
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
                _ => None,
            };
            match (digit, c) {
                (Some(d), _) => {
                    plain.push(d);
                    match fraction.as_mut() {
                        Some(n) => *n += 1,
                        None => *groups.last_mut().expect("never empty") += 1,
                    }
                }
                (None, ',' | '，') if fraction.is_none() => groups.push(0),
                (None, '.' | '．') if fraction.is_none() => {
                    plain.push('.');
                    fraction = Some(0);
                }
                (None, '%' | '％') => {
                    percent = true;
                    break;
                }
                (None, c) => {
                    rest.push(c);
                    break;
                }
            }
        }
        rest.extend(chars);
        let digits: usize = groups.iter().sum();
        if digits == 0 || fraction == Some(0) {
            return Err(NotANumber::Text);
        }
        if !rest.is_empty() {
            return Err(NotANumber::Text);
        }
        if groups.len() > 1
            && (groups[0] == 0 || groups[0] > 3 || groups[1..].iter().any(|&g| g != 3))
        {
            return Err(NotANumber::BadGrouping);
        }
        let value = Decimal::from_str(&plain).map_err(|_| NotANumber::Text)?;
        Ok(Number {
            value,
            text: text.to_string(),
            decimals: fraction.unwrap_or(0),
            percent,
        })
    }

    /// A number as a workbook stores it: a binary double, read to Excel's own precision of
    /// 15 significant digits (so 0.1+0.2 is 0.3, as Excel shows it). `decimals` are those
    /// the cell's number format shows; `percent` that it shows the value as a percentage
    /// (0.731 shown as 73.1%).
    pub fn from_excel(value: f64, decimals: Shown, percent: bool) -> Option<Number> {
        if !value.is_finite() {
            return None;
        }
        let exact = Decimal::from_str(&format!("{value:.14e}")).ok()?;
        Some(Number::from_decimal(exact, decimals, percent))
    }

    /// A number from a workbook cell's exact value, shown as its number format says.
    pub fn from_decimal(value: Decimal, decimals: Shown, percent: bool) -> Number {
        let mut exact = value.normalized();
        if percent {
            exact = (exact * Decimal::from(100)).normalized();
        }
        let own = exact.fractional_digit_count().max(0) as usize;
        let decimals = match decimals {
            Shown::Fixed(n) => n,
            Shown::Between(lo, hi) => own.clamp(lo, hi),
            Shown::General => own,
        };
        let mut text = crate::format::plain(&exact, decimals, crate::format::Rounding::HalfUp);
        if percent {
            text.push('%');
        }
        Number {
            value: exact,
            text,
            decimals,
            percent,
        }
    }

    pub fn value(&self) -> &Decimal {
        &self.value
    }

    /// The value for drawing (charts are geometry, never text).
    pub fn to_f64(&self) -> f64 {
        crate::format::to_f64(&self.value)
    }

    /// The cell as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn decimals(&self) -> usize {
        self.decimals
    }

    pub fn is_percent(&self) -> bool {
        self.percent
    }
}

/// Why `text` is not a number.
pub fn classify(text: &str) -> NotANumber {
    let t = text.trim();
    if EXCEL_ERRORS.iter().any(|e| t.eq_ignore_ascii_case(e)) {
        return NotANumber::ExcelError;
    }
    if let Err(NotANumber::BadGrouping) = Number::parse(t) {
        return NotANumber::BadGrouping;
    }
    let lead: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | ',' | '－' | '−'))
        .collect();
    let tail = &t[lead.len()..];
    if !lead.is_empty()
        && lead.chars().any(|c| c.is_ascii_digit())
        && let Some(exp) = tail.strip_prefix(['e', 'E'])
        && !exp.is_empty()
        && exp
            .trim_start_matches(['+', '-'])
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        return NotANumber::Scientific;
    }
    if Number::parse(&lead).is_ok() && !tail.is_empty() && !tail.contains(char::is_whitespace) {
        let unit_like = tail
            .chars()
            .all(|c| !c.is_ascii_digit() && !matches!(c, '-' | '—' | '~' | '～' | '/' | '.'));
        if unit_like && tail.chars().count() <= 4 {
            return NotANumber::WithUnit(tail.to_string());
        }
    }
    NotANumber::Text
}

impl NotANumber {
    /// What to do about it, in the writer's words.
    pub fn hint(&self) -> String {
        match self {
            NotANumber::Text => "请填写数字，或留空/写“待补充”表示缺失".to_string(),
            NotANumber::Scientific => "这是科学计数法，Excel 在列宽不够时会这样另存并丢掉位数；请把该列设为“数值”格式、写出全部数字后重新保存".to_string(),
            NotANumber::WithUnit(unit) => format!(
                "单元格里只写数字，单位「{unit}」写在元数据的 unit 中（例如 unit = \"亿美元\"）"
            ),
            NotANumber::ExcelError => {
                "这是 Excel 的错误值，请在工作簿中修正公式后重新保存".to_string()
            }
            NotANumber::BadGrouping => {
                "千分位逗号的位置不对（应每三位一组，如 1,079.6）；请检查是否把两个数写进了一个单元格".to_string()
            }
        }
    }
}
