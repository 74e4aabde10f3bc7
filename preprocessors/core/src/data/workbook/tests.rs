//! Workbooks written by the tests themselves with rust_xlsxwriter, read back as datasets.

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook as Writer, Worksheet};

use super::*;
use crate::data::tests::Book;

/// Saves a workbook built by `fill` as `book/data/NAME.xlsx`.
fn xlsx(book: &Book, name: &str, fill: impl FnOnce(&mut Writer)) {
    let mut writer = Writer::new();
    fill(&mut writer);
    let path = book.dir.join("book/data").join(format!("{name}.xlsx"));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    writer.save(&path).unwrap();
}

/// The trade totals as a writer keeps them in Excel.
fn totals(sheet: &mut Worksheet) {
    for (c, h) in ["年份", "出口额", "进口额"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_number(1, 0, 2023).unwrap();
    sheet.write_number(1, 1, 1020.56).unwrap();
    sheet.write_number(2, 0, 2024).unwrap();
    sheet.write_number(2, 1, 1079.6).unwrap();
    sheet.write_number(2, 2, 914.1).unwrap();
}

fn shown(ds: &crate::data::Dataset, row: usize, col: usize) -> String {
    ds.rows[row][col].label().to_string()
}

#[test]
fn reads_a_sheet_like_its_csv() {
    let book = Book::new("xlsx-plain");
    xlsx(&book, "t", |w| totals(w.add_worksheet()));
    book.meta("t");
    let ds = book.store().get("t").unwrap();
    assert_eq!(ds.column_names(), vec!["年份", "出口额", "进口额"]);
    assert_eq!(ds.row_label(1), "2024");
    assert_eq!(shown(&ds, 0, 1), "1020.56");
    assert_eq!(ds.number(0, 2).unwrap(), None);
    assert_eq!(ds.columns[1].decimals, 2);
    assert_eq!(ds.file, "book/data/t.xlsx");
    assert_eq!(
        ds.missing_note(0, 2),
        "「2023」的「进口额」（book/data/t.xlsx Sheet1!C2）"
    );
}

#[test]
fn a_cells_number_format_gives_its_decimals_and_percentages() {
    let book = Book::new("xlsx-formats");
    xlsx(&book, "f", |w| {
        let s = w.add_worksheet();
        s.write_string(0, 0, "类别").unwrap();
        s.write_string(0, 1, "金额").unwrap();
        s.write_string(0, 2, "占比").unwrap();
        s.write_string(1, 0, "甲").unwrap();
        let two = Format::new().set_num_format("#,##0.00");
        let pct = Format::new().set_num_format("0.0%");
        // Stored 1079.6, shown 1,079.60: the value is Excel's, the decimals the format's.
        s.write_number_with_format(1, 1, 1079.6, &two).unwrap();
        s.write_number_with_format(1, 2, 0.398, &pct).unwrap();
        s.write_string(2, 0, "乙").unwrap();
        // Shown rounded to 2 places, but the figure kept is the stored one.
        s.write_number_with_format(2, 1, 20.456, &two).unwrap();
        s.write_number_with_format(2, 2, 0.1, &pct).unwrap();
    });
    book.meta("f");
    let ds = book.store().get("f").unwrap();
    assert_eq!(shown(&ds, 0, 1), "1079.60");
    assert_eq!(ds.decimals(0, 1), 2);
    assert_eq!(
        ds.number(1, 1).unwrap().unwrap().to_plain_string(),
        "20.456"
    );
    assert_eq!(shown(&ds, 0, 2), "39.8%");
    assert_eq!(ds.unit(0, 2), "%");
    assert_eq!(ds.number(0, 2).unwrap().unwrap().to_plain_string(), "39.8");
    assert_eq!(shown(&ds, 1, 2), "10.0%");
}

#[test]
fn formulas_are_read_by_their_cached_result() {
    let book = Book::new("xlsx-formulas");
    xlsx(&book, "g", |w| {
        let s = w.add_worksheet();
        totals(s);
        s.write_string(0, 3, "合计").unwrap();
        s.write_formula(2, 3, Formula::new("=B3+C3").set_result("1993.7"))
            .unwrap();
        s.write_formula(1, 3, Formula::new("=B2/0").set_result("#DIV/0!"))
            .unwrap();
    });
    book.meta("g");
    let ds = book.store().get("g").unwrap();
    assert_eq!(
        ds.number(1, 3).unwrap().unwrap().to_plain_string(),
        "1993.7"
    );
    assert_eq!(
        ds.number(0, 3).unwrap_err(),
        "book/data/g.xlsx Sheet1!D2（「合计」列）的「#DIV/0!」不是数字；这是 Excel 的错误值，请在工作簿中修正公式后重新保存"
    );
}

#[test]
fn dates_print_as_a_chinese_report_prints_them() {
    let book = Book::new("xlsx-dates");
    xlsx(&book, "d", |w| {
        let s = w.add_worksheet();
        s.write_string(0, 0, "日期").unwrap();
        s.write_string(0, 1, "事件").unwrap();
        let day = Format::new().set_num_format("yyyy-mm-dd");
        let month = Format::new().set_num_format("yyyy\"年\"m\"月\"");
        let date = ExcelDateTime::from_ymd(2024, 3, 5).unwrap();
        s.write_datetime_with_format(1, 0, &date, &day).unwrap();
        s.write_string(1, 1, "发布").unwrap();
        s.write_datetime_with_format(2, 0, &date, &month).unwrap();
        s.write_string(2, 1, "实施").unwrap();
    });
    book.meta("d");
    let ds = book.store().get("d").unwrap();
    assert_eq!(ds.row_label(0), "2024年3月5日");
    assert_eq!(ds.row_label(1), "2024年3月");
}

#[test]
fn sheets_are_chosen_by_name_or_number_and_ranges_cut_the_table() {
    let book = Book::new("xlsx-sheets");
    xlsx(&book, "s", |w| {
        let first = w.add_worksheet();
        first.set_name("说明").unwrap();
        first.write_string(0, 0, "本工作簿的说明").unwrap();
        let data = w.add_worksheet();
        data.set_name("2024 年").unwrap();
        data.write_string(0, 0, "中国药械产品进出口额（亿美元）")
            .unwrap();
        for (c, h) in ["年份", "出口额"].iter().enumerate() {
            data.write_string(2, c as u16 + 1, *h).unwrap();
        }
        data.write_number(3, 1, 2024).unwrap();
        data.write_number(3, 2, 1079.6).unwrap();
    });
    book.write(
        "s.toml",
        "title = \"t\"\nsource = \"s\"\nsheet = \"2024 年\"\nrange = \"B3:C4\"\n".as_bytes(),
    );
    let store = book.store();
    let ds = store.get("s").unwrap();
    assert_eq!(ds.column_names(), vec!["年份", "出口额"]);
    assert_eq!(
        ds.locate(0, 1),
        "book/data/s.xlsx '2024 年'!C4（「出口额」列）"
    );
    // The placeholder may pick another sheet; a number counts from 1.
    assert_eq!(
        store.get_sheet("s", Some("3")).unwrap_err(),
        "book/data/s.xlsx 里没有名为「3」的工作表。现有的工作表：说明、2024 年"
    );
    assert_eq!(
        store.get_sheet("s", Some("说名")).unwrap_err(),
        "book/data/s.xlsx 里没有名为「说名」的工作表，是不是想写「说明」？"
    );
    // The sidecar's range applies to whichever sheet is read.
    assert_eq!(
        store.get_sheet("s", Some("1")).unwrap_err(),
        "book/data/s.xlsx 工作表「说明」的区域 B3:C4 里没有任何数据"
    );
    assert_eq!(
        store.parses(),
        1,
        "one workbook, opened once for two sheets"
    );
    // Without the range, the title row above the table is refused with the fix.
    book.write(
        "s.toml",
        "title = \"t\"\nsource = \"s\"\nsheet = 2\n".as_bytes(),
    );
    assert_eq!(
        book.store().get("s").unwrap_err(),
        "book/data/s.xlsx '2024 年'!A1 看起来是标题行（这一行只有一个单元格有内容），不是列名；请在元数据中用 range 指明表格所在的区域，例如 range = \"B3:C4\""
    );
}

#[test]
fn merged_and_empty_header_cells_are_refused() {
    let book = Book::new("xlsx-merged");
    xlsx(&book, "m", |w| {
        let s = w.add_worksheet();
        s.merge_range(0, 0, 0, 1, "出口", &Format::new()).unwrap();
        s.write_number(1, 0, 1).unwrap();
        s.write_number(1, 1, 2).unwrap();
    });
    book.meta("m");
    xlsx(&book, "e", |w| {
        let s = w.add_worksheet();
        s.write_string(0, 0, "年份").unwrap();
        s.write_string(0, 2, "进口额").unwrap();
        s.write_number(1, 0, 2024).unwrap();
        s.write_number(1, 1, 5).unwrap();
    });
    book.meta("e");
    xlsx(&book, "rows", |w| {
        let s = w.add_worksheet();
        s.write_string(0, 0, "类别").unwrap();
        s.write_string(0, 1, "值").unwrap();
        s.merge_range(1, 0, 2, 0, "原料药", &Format::new()).unwrap();
        s.write_number(1, 1, 1).unwrap();
        s.write_number(2, 1, 2).unwrap();
    });
    book.meta("rows");
    let store = book.store();
    assert_eq!(
        store.get("m").unwrap_err(),
        "book/data/m.xlsx Sheet1!A1:B1 是合并单元格：合并后只有左上角有值，其余会被读成空；表头里不能用合并单元格，请取消合并并在每个单元格里填上内容"
    );
    assert_eq!(
        store.get("e").unwrap_err(),
        "book/data/e.xlsx Sheet1!B1的列名为空；请为每一列起名；表头不能用合并单元格"
    );
    assert_eq!(
        store.get("rows").unwrap_err(),
        "book/data/rows.xlsx Sheet1!A2:A3 是合并单元格：合并后只有左上角有值，其余会被读成空；表格里不能用合并单元格，请取消合并并在每个单元格里填上内容"
    );
}

#[test]
fn workbook_errors_name_the_sheet_and_cell() {
    let book = Book::new("xlsx-errors");
    xlsx(&book, "x", |w| {
        let s = w.add_worksheet();
        s.set_name("出口").unwrap();
        s.write_string(0, 0, "年份").unwrap();
        s.write_string(0, 1, "出口额").unwrap();
        s.write_number(1, 0, 2024).unwrap();
        s.write_string(1, 1, "约1080").unwrap();
    });
    book.meta("x");
    book.write("broken.xlsx", b"not a zip file");
    book.meta("broken");
    let store = book.store();
    let ds = store.get("x").unwrap();
    assert_eq!(
        ds.number(0, 1).unwrap_err(),
        "book/data/x.xlsx 出口!B2（「出口额」列）的「约1080」不是数字；请填写数字，或留空/写“待补充”表示缺失"
    );
    assert_eq!(
        store.get("broken").unwrap_err(),
        "无法读取工作簿 book/data/broken.xlsx：文件已损坏，或不是真正的 Excel/WPS 表格（例如把 CSV 改了扩展名）；请在 Excel 或 WPS 中打开后另存为 .xlsx"
    );
}

#[test]
fn lock_files_are_never_datasets() {
    let book = Book::new("xlsx-lock");
    xlsx(&book, "t", |w| totals(w.add_worksheet()));
    book.meta("t");
    book.write("~$t.xlsx", b"\x0cwriter name");
    book.write(".~lock.t.ods#", b"lock");
    let store = book.store();
    assert_eq!(store.ids(), vec!["t".to_string()]);
    assert!(
        store
            .get("~$t")
            .unwrap_err()
            .starts_with("找不到数据集「~$t」")
    );
}

#[test]
fn number_formats_are_read_for_their_decimals() {
    assert_eq!(number_format("General"), (Shown::General, false));
    assert_eq!(number_format("0"), (Shown::Fixed(0), false));
    assert_eq!(
        number_format("#,##0.00_);[Red](#,##0.00)"),
        (Shown::Fixed(2), false)
    );
    assert_eq!(number_format("0.0%"), (Shown::Fixed(1), true));
    assert_eq!(number_format("0.0#"), (Shown::Between(1, 2), false));
    assert_eq!(number_format("\"约\"0.0\"亿元\""), (Shown::Fixed(1), false));
    assert_eq!(number_format("@"), (Shown::General, false));
    assert_eq!(parse_range("$B$3:C10"), Some((2, 1, 9, 2)));
    assert_eq!(parse_range("B3"), None);
}

#[test]
fn a_repeated_row_name_is_placed_by_sheet_and_row() {
    let book = Book::new("xlsx-dup-rows");
    xlsx(&book, "d", |w| {
        let s = w.add_worksheet();
        s.write_string(0, 0, "年份").unwrap();
        s.write_string(0, 1, "值").unwrap();
        for r in 1..3 {
            s.write_number(r, 0, 2024).unwrap();
            s.write_number(r, 1, r as f64).unwrap();
        }
    });
    book.meta("d");
    let ds = book.store().get("d").unwrap();
    assert_eq!(
        ds.row("2024").unwrap_err(),
        "「2024」在数据集「d」的「年份」列出现了2次（工作表「Sheet1」第2行、工作表「Sheet1」第3行）；请让行名唯一，或用 where= 筛选"
    );
}
