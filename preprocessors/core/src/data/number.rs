//! Numbers as written: a cell's exact decimal value, the text it was written as and the
//! decimals it shows, so that the printed figure is exactly the written one.

use std::cmp::Ordering;
use std::str::FromStr;
use std::sync::OnceLock;

use crate::format::Decimal;

/// A number in a dataset.
#[derive(Debug, Clone)]
pub struct Number {
    /// The exact value as `mantissa × 10^-scale` when it fits (nearly every figure does):
    /// parsing, comparing and sorting a large dataset then cost no big-number arithmetic.
    small: Option<(i64, u32)>,
    /// The exact value, in the unit of its column (a `73.1%` cell holds 73.1); made from
    /// `small` on first use.
    value: OnceLock<Decimal>,
    /// The cell as written (`1,079.6`, `73.1%`): its label when it names a row.
    text: String,
    /// The decimals it was written with (or that its workbook cell's format shows).
    decimals: usize,
    /// Written with `%`: a percentage whatever its column's unit.
    percent: bool,
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        self.cmp_value(other) == Ordering::Equal
            && self.text == other.text
            && self.decimals == other.decimals
            && self.percent == other.percent
    }
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

/// 10^0 ..= 10^18, every power of ten an `i64` holds.
const POWERS_OF_TEN: [i64; 19] = {
    let mut table = [1i64; 19];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// Excel's error values, as CSV exports write them.
const EXCEL_ERRORS: &[&str] = &[
    "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
];

impl Number {
    /// Reads a written number: an optional sign (`-`, `－`, `−`, `+`), digits (full-width
    /// digits too) with optional thousands separators in groups of three (`,` or `，`), an
    /// optional fraction, and an optional trailing `%`.
    pub fn parse(written: &str) -> Result<Number, NotANumber> {
        Number::parse_trimmed(written.trim())
    }

    /// [`Number::parse`] of a text already trimmed: a data file's cells are trimmed once,
    /// by [`super::parse_cell`].
    pub(super) fn parse_trimmed(text: &str) -> Result<Number, NotANumber> {
        let mut chars = text.chars().peekable();
        let negative = match chars.peek() {
            Some('-' | '－' | '−') => {
                chars.next();
                true
            }
            Some('+' | '＋') => {
                chars.next();
                false
            }
            _ => false,
        };
        // Digits in the first group, the number of groups, whether every later group has
        // three digits; the digits after the point.
        let (mut first_group, mut groups, mut later_groups_of_three) = (0usize, 1usize, true);
        let mut current_group = 0usize;
        let mut fraction: Option<usize> = None;
        let mut percent = false;
        let mut mantissa: Option<u64> = Some(0);
        // Digits before the point: `.5` is not a figure.
        let mut digits = 0usize;
        for c in chars.by_ref() {
            let digit = match c {
                '0'..='9' => Some(c as u32 - '0' as u32),
                '０'..='９' => Some(c as u32 - '０' as u32),
                _ => None,
            };
            match (digit, c) {
                (Some(d), _) => {
                    mantissa = mantissa
                        .and_then(|m| m.checked_mul(10))
                        .and_then(|m| m.checked_add(u64::from(d)));
                    match fraction.as_mut() {
                        Some(n) => *n += 1,
                        None => {
                            current_group += 1;
                            digits += 1;
                        }
                    }
                }
                (None, ',' | '，') if fraction.is_none() => {
                    if groups == 1 {
                        first_group = current_group;
                    } else {
                        later_groups_of_three &= current_group == 3;
                    }
                    groups += 1;
                    current_group = 0;
                }
                (None, '.' | '．') if fraction.is_none() => fraction = Some(0),
                (None, '%' | '％') => {
                    percent = true;
                    break;
                }
                (None, _) => return Err(NotANumber::Text),
            }
        }
        if groups == 1 {
            first_group = current_group;
        } else {
            later_groups_of_three &= current_group == 3;
        }
        if digits == 0 || fraction == Some(0) || chars.next().is_some() {
            return Err(NotANumber::Text);
        }
        if groups > 1 && (first_group == 0 || first_group > 3 || !later_groups_of_three) {
            return Err(NotANumber::BadGrouping);
        }
        let scale = fraction.unwrap_or(0);
        let small = mantissa
            .and_then(|m| i64::try_from(m).ok())
            .zip(u32::try_from(scale).ok())
            .map(|(m, scale)| (if negative { -m } else { m }, scale));
        let value = OnceLock::new();
        if small.is_none() {
            // Too many digits for the compact form: the written digits as they are.
            let mut plain = String::with_capacity(text.len());
            if negative {
                plain.push('-');
            }
            for c in text.chars() {
                match c {
                    '0'..='9' | '.' => plain.push(c),
                    '０'..='９' => {
                        plain.extend(char::from_u32(c as u32 - '０' as u32 + '0' as u32))
                    }
                    '．' => plain.push('.'),
                    _ => {}
                }
            }
            let exact = Decimal::from_str(&plain).map_err(|_| NotANumber::Text)?;
            let _ = value.set(exact);
        }
        Ok(Number {
            small,
            value,
            text: text.to_string(),
            decimals: scale,
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
            small: None,
            value: OnceLock::from(exact),
            text,
            decimals,
            percent,
        }
    }

    /// The exact value.
    pub fn value(&self) -> &Decimal {
        self.value.get_or_init(|| {
            let (mantissa, scale) = self.small.expect("a number without its value is small");
            Decimal::new(mantissa.into(), i64::from(scale))
        })
    }

    /// Compares the values exactly; cheaply when both are small. Inlined into the callers
    /// in other crates: a `where=` filter calls it for every row of a dataset.
    #[inline]
    pub fn cmp_value(&self, other: &Number) -> Ordering {
        if let (Some((a, sa)), Some((b, sb))) = (self.small, other.small) {
            // Both as integers at the larger scale; exact within i128, else the slow way.
            if sa == sb {
                return a.cmp(&b);
            }
            let scale = sa.max(sb);
            // A table look-up and a product that cannot overflow (|m| < 2^63, factor < 2^60):
            // filters compare every row of a dataset, and `checked_pow` on `i128` loops.
            let widen = |m: i64, s: u32| {
                let factor = POWERS_OF_TEN.get(usize::try_from(scale - s).ok()?)?;
                Some(i128::from(m) * i128::from(*factor))
            };
            if let (Some(a), Some(b)) = (widen(a, sa), widen(b, sb)) {
                return a.cmp(&b);
            }
        }
        self.cmp_exact(other)
    }

    /// The slow way, out of line so that the fast path above stays small enough to inline.
    #[cold]
    #[inline(never)]
    fn cmp_exact(&self, other: &Number) -> Ordering {
        self.value().cmp(other.value())
    }

    /// The value for drawing (charts are geometry, never text).
    pub fn to_f64(&self) -> f64 {
        // The same f64 as from the exact value, without building it.
        if let Some((mantissa, scale)) = self.small
            && let Some(value) = crate::format::small_f64(mantissa, i64::from(scale))
        {
            return value;
        }
        crate::format::to_f64(self.value())
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
    // Every other kind starts like a number (a sign, a digit, a point or a comma) or, for
    // Excel's error values, with `#`: names and labels are plain text at a glance.
    let number_like = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || matches!(
                c,
                '#' | '-' | '－' | '−' | '+' | '＋' | ',' | '，' | '.' | '．'
            )
    };
    if !t.starts_with(number_like) {
        return NotANumber::Text;
    }
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
