//! Choosing rows and columns: `rows=`, `where=`, `sort=` and `cols=`, shared by tables and
//! charts so that both read the same data the same way.

use std::cmp::Ordering;

use report_core::args::Args;
use report_core::calc::Period;
use report_core::data::{Cell, Dataset, Number};

/// The options read here.
pub const SELECT_OPTIONS: &[&str] = &["rows", "where", "sort"];

/// The rows a placeholder shows, in order.
pub fn rows(ds: &Dataset, args: &Args) -> Result<Vec<usize>, String> {
    let listed = args.list("rows");
    let mut rows: Vec<usize> = match listed {
        Some(list) => list.iter().map(|k| ds.row(k)).collect::<Result<_, _>>()?,
        None => (0..ds.rows.len()).collect(),
    };
    for (i, condition) in args.get_all("where").enumerate() {
        let filter = Filter::parse(ds, condition)?;
        if i == 0 && listed.is_none() {
            // Every row, in order: look the kept ones up in the column's sorted rows.
            rows = filter.kept_rows(ds);
        } else {
            rows.retain(|&r| filter.keeps(ds, r));
        }
    }
    if let Some(spec) = args.get("sort") {
        let (descending, name) = match spec.strip_prefix('-') {
            Some(name) => (true, name),
            None => (false, spec),
        };
        let col = ds.column(name)?;
        // Each cell's key made once (a label is read as a period or day only here).
        let keys: Vec<Option<SortKey>> = rows
            .iter()
            .map(|&r| SortKey::of(&ds.rows[r][col]))
            .collect();
        let mut order: Vec<usize> = (0..rows.len()).collect();
        // Missing values go last in both directions: a ranking starts with what is known.
        order.sort_by(|&i, &j| match (&keys[i], &keys[j]) {
            (Some(x), Some(y)) if descending => x.cmp(y).reverse(),
            (Some(x), Some(y)) => x.cmp(y),
            (x, y) => x.is_none().cmp(&y.is_none()),
        });
        rows = order.into_iter().map(|i| rows[i]).collect();
    }
    Ok(rows)
}

/// A column to show, with its heading.
pub struct Shown {
    pub col: usize,
    pub heading: String,
}

/// The columns a table shows: `cols=年份,出口额:出口（亿美元）`, else all.
pub fn columns(ds: &Dataset, args: &Args) -> Result<Vec<Shown>, String> {
    match args.list("cols") {
        None => Ok((0..ds.columns.len())
            .filter(|&c| Some(c) != ds.unit_column)
            .map(|col| Shown {
                col,
                heading: ds.columns[col].name.clone(),
            })
            .collect()),
        Some(list) => list
            .iter()
            .map(|item| {
                let (name, heading) = match item.split_once([':', '：']) {
                    Some((n, h)) => (n.trim(), h.trim()),
                    None => (item.as_str(), item.as_str()),
                };
                Ok(Shown {
                    col: ds.column(name)?,
                    heading: heading.to_string(),
                })
            })
            .collect(),
    }
}

/// Where a present cell sorts: numbers by value, then labels that name a period or day in
/// time order (2024年3月 before 2024年10月), then other text by code point. A total
/// order, whatever the cells hold.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey<'a> {
    Number(NumberKey<'a>),
    Time((i64, i64, i64, i64), &'a str),
    Text(&'a str),
}

impl SortKey<'_> {
    fn of(cell: &Cell) -> Option<SortKey<'_>> {
        match cell {
            Cell::Number(n) => Some(SortKey::Number(NumberKey(n))),
            Cell::Text(t) => Some(match Period::sort_key(t) {
                Some(time) => SortKey::Time(time, t),
                None => SortKey::Text(t),
            }),
            Cell::Missing => None,
        }
    }
}

/// A number ordered by its exact value.
#[derive(Debug)]
struct NumberKey<'a>(&'a Number);

impl PartialEq for NumberKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for NumberKey<'_> {}

impl PartialOrd for NumberKey<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for NumberKey<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp_value(other.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Eq,
    Ne,
    Ge,
    Le,
    Gt,
    Lt,
}

struct Filter {
    col: usize,
    op: Op,
    value: String,
    /// The value as a number, parsed once rather than for every row.
    number: Option<Number>,
}

impl Filter {
    fn parse(ds: &Dataset, condition: &str) -> Result<Filter, String> {
        // Chinese input methods type full-width signs: ＞＝ is >=.
        let condition: String = condition
            .chars()
            .map(|c| match c {
                '＞' => '>',
                '＜' => '<',
                '＝' => '=',
                '！' => '!',
                c => c,
            })
            .collect();
        let condition = condition.as_str();
        const OPS: &[(&str, Op)] = &[
            (">=", Op::Ge),
            ("<=", Op::Le),
            ("!=", Op::Ne),
            ("≥", Op::Ge),
            ("≤", Op::Le),
            ("≠", Op::Ne),
            ("=", Op::Eq),
            (">", Op::Gt),
            ("<", Op::Lt),
        ];
        let found = OPS
            .iter()
            .filter_map(|(s, op)| condition.find(s).map(|i| (i, *s, *op)))
            .min_by_key(|(i, s, _)| (*i, std::cmp::Reverse(s.len())));
        let Some((i, s, op)) = found else {
            return Err(format!(
                "筛选条件「{condition}」缺少比较符号；请写成 where=列名=值 或 where=列名>=值"
            ));
        };
        let col = ds.column(condition[..i].trim())?;
        let value = condition[i + s.len()..].trim().to_string();
        let number = Number::parse(&value).ok();
        if !matches!(op, Op::Eq | Op::Ne) && number.is_none() {
            return Err(format!("筛选条件「{condition}」的 {s} 只能与数字比较"));
        }
        Ok(Filter {
            col,
            op,
            value,
            number,
        })
    }

    /// The rows of the whole dataset that [`Filter::keeps`], ascending: the same rows,
    /// found by binary search in the column's sorted rows (a table filters 100k rows).
    fn kept_rows(&self, ds: &Dataset) -> Vec<usize> {
        let col = self.col;
        let label_is = |r: &usize| ds.rows[*r][col].label() == self.value;
        let equal_labels = || {
            let by_label = ds.rows_by_label(col);
            let from = by_label.partition_point(|r| ds.rows[*r][col].label() < self.value.as_str());
            let to = from + by_label[from..].partition_point(label_is);
            &by_label[from..to]
        };
        let mut kept: Vec<usize> = match &self.number {
            // Numbers compare by value; text (a stray 约1080 in a number column) only
            // matches when written exactly as the filter's value.
            Some(w) => {
                let by_number = ds.rows_by_number(col);
                let order = |r: &usize| match &ds.rows[*r][col] {
                    Cell::Number(n) => n.cmp_value(w),
                    _ => unreachable!("rows_by_number holds numbers only"),
                };
                let less = by_number.partition_point(|r| order(r) == Ordering::Less);
                let not_greater = by_number.partition_point(|r| order(r) != Ordering::Greater);
                let range = match self.op {
                    Op::Eq | Op::Ne => less..not_greater,
                    Op::Ge => less..by_number.len(),
                    Op::Gt => not_greater..by_number.len(),
                    Op::Le => 0..not_greater,
                    Op::Lt => 0..less,
                };
                let mut kept = by_number[range].to_vec();
                if !matches!(self.op, Op::Gt | Op::Lt) && ds.has_text(col) {
                    let texts = equal_labels().iter();
                    kept.extend(texts.filter(|r| matches!(ds.rows[**r][col], Cell::Text(_))));
                }
                kept
            }
            // Not a number: only `=` and `!=`, on every present cell's label.
            None => equal_labels().to_vec(),
        };
        kept.sort_unstable();
        if self.op == Op::Ne {
            // `!=` keeps every row `=` does not, missing cells included.
            let mut equal = kept.into_iter().peekable();
            return (0..ds.rows.len())
                .filter(|&r| equal.next_if_eq(&r).is_none())
                .collect();
        }
        kept
    }

    fn keeps(&self, ds: &Dataset, row: usize) -> bool {
        let cell = &ds.rows[row][self.col];
        let ordering = match (cell, &self.number) {
            (Cell::Number(n), Some(w)) => Some(n.cmp_value(w)),
            (Cell::Missing, _) => None,
            (c, _) => (c.label() == self.value).then_some(Ordering::Equal),
        };
        match self.op {
            Op::Eq => ordering == Some(Ordering::Equal),
            Op::Ne => ordering != Some(Ordering::Equal),
            Op::Ge => matches!(ordering, Some(Ordering::Greater | Ordering::Equal)),
            Op::Le => matches!(ordering, Some(Ordering::Less | Ordering::Equal)),
            Op::Gt => ordering == Some(Ordering::Greater),
            Op::Lt => ordering == Some(Ordering::Less),
        }
    }
}

#[cfg(test)]
mod tests;
