//! Periods named by row labels, as Chinese statistics write them: 2024, 2024年, 2024H1,
//! 2024年上半年, 2024Q1, 2024年一季度, 2024年第1季度, 2024-03, 2024年3月.

use std::sync::LazyLock;

use regex::Regex;

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    Year,
    Half,
    Quarter,
    Month,
}

impl Span {
    fn per_year(self) -> i64 {
        match self {
            Span::Year => 1,
            Span::Half => 2,
            Span::Quarter => 4,
            Span::Month => 12,
        }
    }
}

/// One period: a year, or the `index`-th (from 1) half, quarter or month of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i64,
    pub span: Span,
    pub index: i64,
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})年?$").unwrap());
static HALF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(?:年|\s*-?\s*)(?:[Hh]([12])|([上下])半年)$").unwrap());
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})(?:年|\s*-?\s*)(?:[Qq]([1-4])|第?([1-4一二三四])季度?)$").unwrap()
});
/// A day, as workbook dates print (2024年3月5日) or ISO writes it (2024-03-05).
static DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2}))$").unwrap()
});
static MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(?:年(\d{1,2})月|[-/](\d{1,2}))$").unwrap());

impl Period {
    /// Reads a row label; `None` when it names no period.
    pub fn parse(label: &str) -> Option<Period> {
        let label = label.trim();
        let year = |c: &regex::Captures| c[1].parse::<i64>().ok();
        let period = |year, span, index| Some(Period { year, span, index });
        if let Some(c) = YEAR.captures(label) {
            return period(year(&c)?, Span::Year, 1);
        }
        if let Some(c) = HALF.captures(label) {
            let index = match (c.get(2), c.get(3).map(|m| m.as_str())) {
                (Some(n), _) => n.as_str().parse().ok()?,
                (None, Some("上")) => 1,
                _ => 2,
            };
            return period(year(&c)?, Span::Half, index);
        }
        if let Some(c) = QUARTER.captures(label) {
            let n = c.get(2).or(c.get(3))?.as_str();
            let index = match n {
                "一" => 1,
                "二" => 2,
                "三" => 3,
                "四" => 4,
                n => n.parse().ok()?,
            };
            return period(year(&c)?, Span::Quarter, index);
        }
        if let Some(c) = MONTH.captures(label) {
            let index: i64 = c.get(2).or(c.get(3))?.as_str().parse().ok()?;
            return (1..=12)
                .contains(&index)
                .then(|| Period {
                    year: year(&c).unwrap_or(0),
                    span: Span::Month,
                    index,
                })
                .filter(|p| p.year > 0);
        }
        None
    }

    /// Where a label falls in time, for sorting: its first day, and for labels that start
    /// on the same day the longer period first (2024, 2024年上半年, 2024年1月, 2024年1月1日).
    /// `None` for labels that name no period or day.
    pub fn sort_key(label: &str) -> Option<(i64, i64, i64, i64)> {
        let label = label.trim();
        if let Some(c) = DAY.captures(label) {
            let number = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
            let (month, day) = (number(2).or(number(4))?, number(3).or(number(5))?);
            return ((1..=12).contains(&month) && (1..=31).contains(&day))
                .then(|| (number(1).unwrap_or(0), month, day, 0));
        }
        let period = Period::parse(label)?;
        let months = 12 / period.span.per_year();
        Some((period.year, (period.index - 1) * months + 1, 1, -months))
    }

    /// The same period a year earlier (同比).
    pub fn year_before(&self) -> Period {
        Period {
            year: self.year - 1,
            ..*self
        }
    }

    /// The period just before (环比): 2024Q1 → 2023Q4.
    pub fn before(&self) -> Period {
        if self.index > 1 {
            Period {
                index: self.index - 1,
                ..*self
            }
        } else {
            Period {
                year: self.year - 1,
                index: self.span.per_year(),
                ..*self
            }
        }
    }

    /// Years from `self` to `later`, when both are periods of the same length.
    pub fn years_until(&self, later: &Period) -> Option<f64> {
        if self.span != later.span {
            return None;
        }
        let n = self.span.per_year();
        let steps = (later.year * n + later.index) - (self.year * n + self.index);
        Some(steps as f64 / n as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_put_periods_and_days_in_time_order() {
        let mut labels = vec![
            "2024年10月",
            "2024年3月",
            "2024年3月12日",
            "2024年3月5日",
            "2024-03-04",
            "2023年",
            "2024年二季度",
            "2024",
            "2024年上半年",
            "2023年12月",
        ];
        labels.sort_by_key(|l| Period::sort_key(l));
        assert_eq!(
            labels,
            [
                "2023年",
                "2023年12月",
                "2024",
                "2024年上半年",
                "2024年3月",
                "2024-03-04",
                "2024年3月5日",
                "2024年3月12日",
                "2024年二季度",
                "2024年10月",
            ]
        );
        assert_eq!(Period::sort_key("北京"), None);
        assert_eq!(Period::sort_key("2024年13月5日"), None);
    }

    #[test]
    fn reads_the_ways_chinese_statistics_name_periods() {
        let q = |y, i| {
            Some(Period {
                year: y,
                span: Span::Quarter,
                index: i,
            })
        };
        assert_eq!(Period::parse("2024Q1"), q(2024, 1));
        assert_eq!(Period::parse("2024年一季度"), q(2024, 1));
        assert_eq!(Period::parse("2024年第三季度"), q(2024, 3));
        assert_eq!(Period::parse("2024-Q4"), q(2024, 4));
        assert_eq!(
            Period::parse("2023H2").map(|p| (p.span, p.index)),
            Some((Span::Half, 2))
        );
        assert_eq!(
            Period::parse("2023年上半年").map(|p| (p.span, p.index)),
            Some((Span::Half, 1))
        );
        assert_eq!(
            Period::parse("2024年3月").map(|p| (p.span, p.index)),
            Some((Span::Month, 3))
        );
        assert_eq!(Period::parse("2024").map(|p| p.span), Some(Span::Year));
        assert_eq!(Period::parse("2024年").map(|p| p.span), Some(Span::Year));
        for not in ["欧盟", "2024年13月", "20245", "2024Q5", "CDMO"] {
            assert_eq!(Period::parse(not), None, "{not}");
        }
    }

    #[test]
    fn steps_back_a_year_or_one_period() {
        let p = Period::parse("2024Q1").unwrap();
        assert_eq!(p.year_before(), Period::parse("2023Q1").unwrap());
        assert_eq!(p.before(), Period::parse("2023Q4").unwrap());
        let a = Period::parse("2023Q1").unwrap();
        let b = Period::parse("2024Q3").unwrap();
        assert_eq!(a.years_until(&b), Some(1.5));
        assert_eq!(a.years_until(&Period::parse("2024").unwrap()), None);
    }
}
