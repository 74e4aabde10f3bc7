use std::fs;

use report_core::data::{Cell, Dataset, Store};

use super::*;

/// A dataset with what a filter must tell apart: equal values written differently,
/// missing cells, stray text in a number column, and a text cell that reads like a number.
fn dataset(test: &str) -> Dataset {
    let csv = "名称,值\n甲,1\n乙,1.0\n丙,\n丁,-3\n戊,约5\n己,1.00\n庚,待补充\n辛,10\n壬,0.5\n癸,5\n子,abc\n丑,2\n寅,5\n";
    let mut ds = load(test, csv, "");
    // A workbook or JSON file can hold the text "5" where a number is expected.
    ds.rows[12][1] = Cell::Text("5".into());
    ds
}

/// The dataset `t` of one CSV file and its sidecar (title, unit and source, then `extra`).
fn load(test: &str, csv: &str, extra: &str) -> Dataset {
    let dir = std::env::temp_dir().join(format!("report-select-{test}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("book/data")).unwrap();
    fs::write(dir.join("book/data/t.csv"), csv).unwrap();
    fs::write(
        dir.join("book/data/t.toml"),
        format!("title = \"T\"\nunit = \"个\"\nsource = \"S\"\n{extra}"),
    )
    .unwrap();
    let store = Store::new(dir.join("book"), "book", "data");
    let ds = Dataset::clone(&store.get("t").unwrap());
    let _ = fs::remove_dir_all(&dir);
    ds
}

/// What the filters kept before the sorted index: a pass over the rows with `keeps`.
fn scanned(ds: &Dataset, listed: Option<Vec<usize>>, conditions: &[&str]) -> Vec<usize> {
    let mut rows = listed.unwrap_or_else(|| (0..ds.rows.len()).collect());
    for condition in conditions {
        let filter = Filter::parse(ds, condition).unwrap();
        rows.retain(|&r| filter.keeps(ds, r));
    }
    rows
}

#[test]
fn index_keeps_exactly_the_rows_a_scan_keeps() {
    let ds = dataset("index");
    let values = [
        "-4", "-3", "0", "0.5", "1", "1.000", "2", "5", "5.0", "10", "11",
    ];
    let ops = ["=", "!=", ">=", "<=", ">", "<", "＞＝", "≠"];
    for value in values {
        for op in ops {
            let condition = format!("值{op}{value}");
            let args = Args::parse(&format!("t where={condition}")).unwrap();
            let expected = scanned(&ds, None, &[&condition]);
            assert_eq!(rows(&ds, &args).unwrap(), expected, "{condition}");
        }
    }
    for value in ["abc", "约5", "1.0", "甲"] {
        for op in ["=", "!="] {
            for column in ["值", "名称"] {
                let condition = format!("{column}{op}{value}");
                let args = Args::parse(&format!("t where={condition}")).unwrap();
                let expected = scanned(&ds, None, &[&condition]);
                assert_eq!(rows(&ds, &args).unwrap(), expected, "{condition}");
            }
        }
    }
}

#[test]
fn filters_keep_the_rows_the_writer_means() {
    let ds = dataset("spot");
    // Spot checks that the comparison above compares something real.
    let kept = |w: &str| rows(&ds, &Args::parse(&format!("t where={w}")).unwrap()).unwrap();
    assert_eq!(kept("值=1"), [0, 1, 5]);
    assert_eq!(kept("值>=5"), [7, 9, 12]);
    assert_eq!(kept("值>5"), [7]);
    assert_eq!(kept("值!=1"), [2, 3, 4, 6, 7, 8, 9, 10, 11, 12]);
    assert_eq!(kept("值=约5"), [4]);
}

#[test]
fn later_filters_and_listed_rows_still_filter_in_order() {
    let ds = dataset("later");
    let args = Args::parse("t where=值>=1 where=值<10 sort=-值").unwrap();
    assert_eq!(rows(&ds, &args).unwrap(), [9, 11, 0, 1, 5]);
    let args = Args::parse("t rows=辛,甲,壬,丙 where=值<=1").unwrap();
    assert_eq!(
        rows(&ds, &args).unwrap(),
        scanned(&ds, Some(vec![7, 0, 8, 2]), &["值<=1"])
    );
    assert_eq!(rows(&ds, &args).unwrap(), [0, 8]);
}

#[test]
fn comparing_with_text_is_still_refused() {
    let ds = dataset("text");
    let err = rows(&ds, &Args::parse("t where=值>=abc").unwrap()).unwrap_err();
    assert!(err.contains("只能与数字比较"), "{err}");
}

#[test]
fn sorting_puts_month_and_day_labels_in_time_order() {
    // Labels that sort wrongly by code point (10月 before 3月), a day, a missing cell and
    // text that names no period, which sorts after the periods.
    let csv = "月份,值\n2024年10月,1\n2024年3月,2\n其他,3\n2023年12月,4\n,5\n2024年3月5日,6\n2024年9月,7\n";
    let ds = load("months", csv, "key = \"值\"\n");
    let sorted = |spec: &str| -> Vec<String> {
        rows(&ds, &Args::parse(&format!("t sort={spec}")).unwrap())
            .unwrap()
            .into_iter()
            .map(|r| ds.rows[r][0].label().to_string())
            .collect()
    };
    assert_eq!(
        sorted("月份"),
        [
            "2023年12月",
            "2024年3月",
            "2024年3月5日",
            "2024年9月",
            "2024年10月",
            "其他",
            "—"
        ]
    );
    assert_eq!(
        sorted("-月份"),
        [
            "其他",
            "2024年10月",
            "2024年9月",
            "2024年3月5日",
            "2024年3月",
            "2023年12月",
            "—"
        ]
    );
}
