use super::*;
use std::fs;
use std::path::PathBuf;

pub(crate) struct Book {
    pub(crate) dir: PathBuf,
}

impl Book {
    /// A throwaway book source folder with a data folder.
    pub(crate) fn new(name: &str) -> Book {
        let dir =
            std::env::temp_dir().join(format!("report-core-data-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("book/data")).unwrap();
        Book { dir }
    }
    pub(crate) fn write(&self, rel: &str, bytes: &[u8]) {
        let p = self.dir.join("book/data").join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }
    pub(crate) fn meta(&self, id: &str) {
        self.write(
            &format!("{id}.toml"),
            "title = \"进出口\"\nunit = \"亿美元\"\nsource = \"中国医药保健品进出口商会\"\nas-of = \"2024\"\n".as_bytes(),
        );
    }
    pub(crate) fn store(&self) -> Store {
        Store::new(self.dir.join("book"), "book", "data")
    }
}

impl Drop for Book {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A cell's exact value as text.
fn num(ds: &Dataset, row: usize, col: usize) -> String {
    ds.number(row, col).unwrap().unwrap().to_plain_string()
}

const CSV: &str = "年份,出口额,进口额\n2023,1020.56,\n2024,1079.6,914.1\n";

fn check_reads(book: &Book, id: &str) {
    let ds = book.store().get(id).unwrap();
    assert_eq!(ds.column_names(), vec!["年份", "出口额", "进口额"]);
    assert_eq!(num(&ds, 1, 1), "1079.6");
    assert_eq!(ds.number(0, 2).unwrap(), None);
    assert_eq!(ds.row_label(1), "2024");
    assert_eq!(ds.columns[1].decimals, 2);
    assert_eq!(ds.columns[2].unit, "亿美元");
    assert!(!ds.columns[0].numeric && ds.columns[1].numeric);
}

#[test]
fn reads_utf8_with_and_without_bom() {
    let book = Book::new("utf8");
    book.write("a.csv", CSV.as_bytes());
    book.meta("a");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(CSV.as_bytes());
    book.write("b.csv", &bom);
    book.meta("b");
    check_reads(&book, "a");
    check_reads(&book, "b");
}

#[test]
fn reads_gbk_as_saved_by_excel_on_chinese_windows() {
    let book = Book::new("gbk");
    let (bytes, _, _) = encoding_rs::GBK.encode(CSV);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "fixture must not be UTF-8"
    );
    book.write("g.csv", &bytes);
    book.meta("g");
    check_reads(&book, "g");
}

#[test]
fn reads_utf16_tab_separated_unicode_text() {
    let book = Book::new("utf16");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in CSV.replace(',', "\t").encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    book.write("u.csv", &bytes);
    book.meta("u");
    check_reads(&book, "u");
}

#[test]
fn reads_json_rows_and_facts() {
    let book = Book::new("json");
    book.write(
        "rows.json",
        r#"[{"年份": 2023, "出口额": 1020.56, "进口额": null}, {"年份": 2024, "出口额": 1079.6, "进口额": 914.1}]"#.as_bytes(),
    );
    book.meta("rows");
    check_reads(&book, "rows");
    book.write(
        "facts.json",
        r#"{"交易数": 126, "首付款": "40.99"}"#.as_bytes(),
    );
    book.meta("facts");
    let ds = book.store().get("facts").unwrap();
    assert_eq!(ds.column_names(), vec!["键", "值"]);
    assert_eq!(num(&ds, ds.row("首付款").unwrap(), 1), "40.99");
}

#[test]
fn each_dataset_is_parsed_once() {
    let book = Book::new("once");
    book.write("a.csv", CSV.as_bytes());
    book.meta("a");
    let store = book.store();
    for _ in 0..5 {
        store.get("a").unwrap();
        store.get("a.csv").unwrap();
    }
    assert_eq!(store.parses(), 1);
}

#[test]
fn a_broken_dataset_is_read_once_too() {
    let book = Book::new("broken-once");
    book.write("a.csv", CSV.as_bytes());
    let store = book.store();
    let first = store.get("a").unwrap_err();
    book.meta("a");
    assert_eq!(
        store.get("a").unwrap_err(),
        first,
        "the same build keeps its first reading"
    );
}

#[test]
fn unknown_dataset_column_and_row_suggest_the_nearest() {
    let book = Book::new("suggest");
    book.write("trade/totals.csv", CSV.as_bytes());
    book.meta("trade/totals");
    let store = book.store();
    assert_eq!(
        store.get("trade/total").unwrap_err(),
        "找不到数据集「trade/total」（应为 book/data/trade/total.csv，或同名的 .json、.xlsx、.xls、.ods），是不是想写「trade/totals」？"
    );
    let ds = store.get("trade/totals").unwrap();
    assert_eq!(
        ds.column("出口").unwrap_err(),
        "数据集「trade/totals」没有「出口」这一列，是不是想写「出口额」？"
    );
    assert_eq!(
        ds.row("2025").unwrap_err(),
        "数据集「trade/totals」的「年份」列里没有「2025」这一行，是不是想写「2023」？"
    );
}

#[test]
fn refuses_paths_outside_the_book() {
    let book = Book::new("paths");
    let store = book.store();
    for bad in ["../secret", "/etc/passwd", "a/../../b", "C:/x"] {
        assert_eq!(
            store.get(bad).unwrap_err(),
            format!(
                "数据集路径「{bad}」不允许：只能引用 book/data/ 下的文件，且不能含 .. 或绝对路径"
            )
        );
    }
}

#[cfg(unix)]
#[test]
fn refuses_links_that_leave_the_book() {
    let book = Book::new("symlink");
    let outside = book.dir.join("outside.csv");
    fs::write(&outside, CSV).unwrap();
    std::os::unix::fs::symlink(&outside, book.dir.join("book/data/leak.csv")).unwrap();
    book.meta("leak");
    assert_eq!(
        book.store().get("leak").unwrap_err(),
        "数据集「leak」指向 book 目录之外的文件，出于安全考虑不予读取"
    );
}

#[test]
fn bad_cells_name_file_row_and_column() {
    let book = Book::new("badcell");
    book.write(
        "a.csv",
        "年份,出口额\n2023,1020.56\n2024,约1080\n".as_bytes(),
    );
    book.meta("a");
    let ds = book.store().get("a").unwrap();
    assert_eq!(
        ds.number(1, 1).unwrap_err(),
        "book/data/a.csv 第3行「出口额」列的「约1080」不是数字；请填写数字，或留空/写“待补充”表示缺失"
    );
}

#[test]
fn malformed_files_get_clear_messages() {
    let book = Book::new("malformed");
    book.write("dup.csv", "年份,值,值\n2023,1,2\n".as_bytes());
    book.meta("dup");
    book.write("wide.csv", "年份,值\n2023,1,2\n".as_bytes());
    book.meta("wide");
    book.write("nometa.csv", CSV.as_bytes());
    book.write("badmeta.csv", CSV.as_bytes());
    book.write("badmeta.toml", "title = \"x\"\nsorce = \"y\"\n".as_bytes());
    book.write("bad.json", b"[1, 2");
    book.write("open.json", "[{\"年份\": 2024}".as_bytes());
    book.meta("open");
    book.meta("bad");
    book.write("latin1.csv", b"a,b\n\xff\xfe\xfd,1\n\x80\x81\n");
    book.meta("latin1");
    let store = book.store();
    assert_eq!(
        store.get("dup").unwrap_err(),
        "book/data/dup.csv 的表头有两列都叫「值」（第1行第2列和第1行第3列）；列名不能重复"
    );
    assert_eq!(
        store.get("wide").unwrap_err(),
        "book/data/wide.csv 第2行有3个值，但表头只有2列；请检查是否多了逗号"
    );
    assert_eq!(
        store.get("nometa").unwrap_err(),
        "数据集「nometa」缺少元数据文件 book/data/nometa.toml（至少写明 title、unit、source）"
    );
    assert_eq!(
        store.get("badmeta").unwrap_err(),
        "book/data/badmeta.toml 第2行：不认识的键「sorce」，是不是想写「source」？"
    );
    book.write("cn.csv", CSV.as_bytes());
    book.write(
        "cn.toml",
        "title = \"x\"\nsource = \"y\"\n[columns.出口额]\nunit = \"%\"\n".as_bytes(),
    );
    assert_eq!(
        store.get("cn").unwrap_err(),
        "book/data/cn.toml 第3行：含中文或其他符号的键名要加英文双引号，例如 [columns.\"出口额\"]、\"出口额\" = ..."
    );
    assert_eq!(
        store.get("bad").unwrap_err(),
        "book/data/bad.json 第1行第2列不是有效的 JSON：这里应当是一个对象（数组的每一项是一行数据），例如 {\"年份\": 2024, \"出口额\": 1079.6}"
    );
    assert_eq!(
        store.get("open").unwrap_err(),
        "book/data/open.json 第1行第13列不是有效的 JSON：列表没有结束（缺少 ]）"
    );
    assert_eq!(
        store.get("latin1").unwrap_err(),
        "book/data/latin1.csv 的编码无法识别（既不是 UTF-8，也不是 GBK/GB18030）；请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”"
    );
}

#[test]
fn cells_accept_separators_percent_and_missing_marks() {
    let number = |t: &str| match parse_cell(t) {
        Cell::Number(n) => (
            n.value().to_plain_string(),
            n.text().to_string(),
            n.decimals(),
        ),
        other => panic!("{t:?} read as {other:?}"),
    };
    assert_eq!(number("1,079.6"), ("1079.6".into(), "1,079.6".into(), 1));
    assert_eq!(number("73.1%"), ("73.1".into(), "73.1%".into(), 1));
    assert_eq!(number("－2"), ("-2".into(), "－2".into(), 0));
    assert_eq!(
        number("１２３．５０"),
        ("123.50".into(), "１２３．５０".into(), 2)
    );
    for m in ["", " ", "待补充", "—", "-", "NA", "NaN"] {
        assert_eq!(parse_cell(m), Cell::Missing, "{m:?}");
    }
    assert_eq!(parse_cell("欧盟"), Cell::Text("欧盟".into()));
    assert_eq!(parse_cell("2017-01"), Cell::Text("2017-01".into()));
    assert_eq!(parse_cell("1,07,9"), Cell::Text("1,07,9".into()));
}

#[test]
fn per_row_units_come_from_a_unit_column() {
    let book = Book::new("units");
    book.write(
        "f.csv",
        "指标,数值,单位\n交易数,126,起\n总金额,525.77,亿美元\n".as_bytes(),
    );
    book.meta("f");
    let ds = book.store().get("f").unwrap();
    let col = ds.column("数值").unwrap();
    assert_eq!(ds.unit(ds.row("交易数").unwrap(), col), "起");
    assert_eq!(ds.unit(ds.row("总金额").unwrap(), col), "亿美元");
    assert!(!ds.columns[2].numeric);
}

#[test]
fn a_percentage_cell_keeps_its_sign_and_unit() {
    let book = Book::new("percent");
    book.write("p.csv", "名称,数值\n甲,30%\n乙,12\n".as_bytes());
    book.meta("p");
    let ds = book.store().get("p").unwrap();
    assert_eq!(ds.rows[0][1].label(), "30%");
    assert_eq!(ds.unit(0, 1), "%");
    assert_eq!(ds.unit(1, 1), "亿美元");
}

#[test]
fn metadata_must_name_title_and_source() {
    let book = Book::new("meta-required");
    book.write("a.csv", CSV.as_bytes());
    book.write(
        "a.toml",
        "title = \"进出口\"\nunit = \"亿美元\"\n".as_bytes(),
    );
    assert_eq!(
        book.store().get("a").unwrap_err(),
        "book/data/a.toml 没有写 source（数据来源）；例如 source = \"中国医药保健品进出口商会\""
    );
}

#[test]
fn json_rows_are_counted_as_items() {
    let book = Book::new("json-items");
    book.write(
        "j.json",
        r#"[{"年份": 2023, "值": 1}, {"年份": 2024, "值": "约2"}]"#.as_bytes(),
    );
    book.meta("j");
    let ds = book.store().get("j").unwrap();
    assert_eq!(
        ds.number(1, 1).unwrap_err(),
        "book/data/j.json 第2项「值」列的「约2」不是数字；请填写数字，或留空/写“待补充”表示缺失"
    );
}

#[test]
fn a_row_name_that_repeats_cannot_be_looked_up() {
    let book = Book::new("dup-keys");
    book.write(
        "d.csv",
        "时间,事件\n2023年,甲\n2023年,乙\n2024年,丙\n".as_bytes(),
    );
    book.meta("d");
    let ds = book.store().get("d").unwrap();
    assert_eq!(
        ds.row("2023年").unwrap_err(),
        "「2023年」在数据集「d」的「时间」列出现了2次（第2行、第3行）；请让行名唯一，或用 where= 筛选"
    );
    assert_eq!(ds.row("2024年").unwrap(), 2);
}
