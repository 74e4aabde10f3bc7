use std::fs;
use std::io::Cursor;
use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx};

use super::*;

fn number(value: f64, decimals: usize) -> Cell {
    Cell::Number {
        value,
        decimals,
        signed: false,
        grouped: true,
        unit: None,
    }
}

fn sample() -> Slice {
    Slice {
        dataset: "trade/totals".into(),
        title: "表3-1 中国药械产品进出口额".into(),
        unit: Some("亿美元".into()),
        source: "数据来源：中国医药保健品进出口商会（数据截至2024年）。".into(),
        notes: vec!["2023年进口额待补充".into()],
        headings: vec!["年份".into(), "出口额".into(), "出口额同比（%）".into()],
        rows: vec![
            vec![Cell::Text("2023".into()), number(1020.56, 2), Cell::Missing],
            vec![
                Cell::Text("2024".into()),
                number(12345.6, 1),
                Cell::Number {
                    value: 5.7142857,
                    decimals: 1,
                    signed: true,
                    grouped: true,
                    unit: None,
                },
            ],
            vec![Cell::Text("=SUM(A1)".into()), Cell::Missing, Cell::Missing],
        ],
    }
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-download-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_workbook_holds_title_unit_source_and_numbers_with_the_shown_decimals() {
    let bytes = xlsx::write(&sample()).unwrap();
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), vec!["表3-1".to_string()]);
    let range = book.worksheet_range("表3-1").unwrap();
    let cell = |row: u32, col: u32| range.get_value((row, col)).cloned();
    let text = |s: &str| Some(Data::String(s.to_string()));
    assert_eq!(cell(0, 0), text("表3-1 中国药械产品进出口额"));
    assert_eq!(cell(1, 0), text("单位：亿美元"));
    assert_eq!(
        cell(2, 0),
        text("数据来源：中国医药保健品进出口商会（数据截至2024年）。")
    );
    assert_eq!(cell(3, 0), text("注：2023年进口额待补充"));
    assert_eq!(cell(4, 0), Some(Data::Empty));
    assert_eq!(cell(5, 1), text("出口额"));
    assert_eq!(cell(6, 0), text("2023"));
    assert_eq!(cell(6, 1), Some(Data::Float(1020.56)));
    assert_eq!(cell(6, 2), text("—"));
    assert_eq!(cell(7, 1), Some(Data::Float(12345.6)));
    assert_eq!(cell(7, 2), Some(Data::Float(5.7142857)));
    // Text that looks like a formula stays text.
    assert_eq!(cell(8, 0), text("=SUM(A1)"));

    let styles = book.worksheet_style("表3-1").unwrap();
    let format = |row: u32, col: u32| {
        styles
            .get((row, col))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone())
    };
    assert_eq!(format(6, 1).as_deref(), Some("#,##0.00"));
    assert_eq!(format(7, 1).as_deref(), Some("#,##0.0"));
    assert_eq!(format(7, 2).as_deref(), Some("+#,##0.0;-#,##0.0;#,##0.0"));
}

#[test]
fn number_formats_follow_the_page() {
    assert_eq!(xlsx::number_format(0, false, false, None), "0");
    assert_eq!(xlsx::number_format(2, false, true, None), "#,##0.00");
    assert_eq!(xlsx::number_format(1, true, false, None), "+0.0;-0.0;0.0");
    assert_eq!(
        xlsx::number_format(0, false, true, Some("亿\"元")),
        "#,##0\\亿\\\"\\元"
    );
}

#[test]
fn the_workbook_is_the_same_bytes_on_every_build() {
    let first = xlsx::write(&sample()).unwrap();
    // The creation time has a resolution of a second: cross one.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(first == xlsx::write(&sample()).unwrap());
}

#[test]
fn the_csv_has_a_bom_chinese_intact_and_plain_numbers() {
    let bytes = csv::write(&sample()).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with("表3-1 中国药械产品进出口额\r\n单位：亿美元\r\n"));
    let records: Vec<Vec<String>> = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(records[3], vec!["注：2023年进口额待补充"]);
    assert_eq!(records[5], vec!["年份", "出口额", "出口额同比（%）"]);
    assert_eq!(records[6], vec!["2023", "1020.56", "—"]);
    assert_eq!(records[7], vec!["2024", "12345.6", "5.7"]);
    // Excel would run this as a formula: it stays text.
    assert_eq!(records[8][0], "'=SUM(A1)");
}

#[test]
fn identical_slices_share_their_files_and_names_are_stable() {
    let downloads = Downloads::new();
    let a = downloads.add(sample());
    let b = downloads.add(sample());
    assert_eq!(a, b);
    assert_eq!(downloads.len(), 1);
    assert!(a.stem.starts_with("trade-totals-"), "{}", a.stem);
    assert_eq!(a.save_as, "表3-1 中国药械产品进出口额");
    let mut other = sample();
    other.title = "表3-2 中国药械产品进出口额".into();
    assert_ne!(downloads.add(other).stem, a.stem);
    // Another build names the same slice the same way.
    assert_eq!(Downloads::new().add(sample()), a);
}

#[test]
fn links_name_the_files_and_what_readers_save() {
    let link = Link {
        stem: "trade-totals-0123".into(),
        save_as: "表3-1 <进出口>".into(),
    };
    assert_eq!(
        link.html("../"),
        "<span class=\"report-downloads\"><span class=\"report-downloads-label\">下载数据：</span>\
         <a class=\"report-download report-download-xlsx\" href=\"../downloads/trade-totals-0123.xlsx\" download=\"表3-1 &lt;进出口&gt;.xlsx\">Excel</a> \
         <a class=\"report-download report-download-csv\" href=\"../downloads/trade-totals-0123.csv\" download=\"表3-1 &lt;进出口&gt;.csv\">CSV</a></span>"
    );
}

#[test]
fn file_names_are_safe() {
    assert_eq!(slug("trade/totals"), "trade-totals");
    assert_eq!(slug("贸易/进出口"), "data");
    assert_eq!(slug("tech/license_out 2024"), "tech-license_out-2024");
    assert_eq!(file_name("表1 A/B: \"C\"\n"), "表1 A_B_ _C_");
}

#[test]
fn publishing_makes_each_file_once_and_ships_nothing_stale() {
    let dir = temp("publish");
    let (folder, html) = (dir.join("report"), dir.join("html"));
    fs::create_dir_all(&html).unwrap();
    let build = |slices: &[Slice]| {
        let downloads = Downloads::new();
        for s in slices {
            downloads.add(s.clone());
        }
        downloads.write_list(&folder).unwrap();
        let published = publish(&folder, &html).unwrap();
        assert!(!folder.join(LIST_FILE).exists(), "the list is consumed");
        let mut files: Vec<String> = fs::read_dir(html.join(FOLDER))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        (published, files)
    };
    let mut second = sample();
    second.title = "图3-1 中国药械产品进出口额".into();

    let (published, files) = build(&[sample(), second.clone(), sample()]);
    assert_eq!(published, Published { files: 4, made: 4 });
    assert_eq!(files.len(), 4);
    let first_bytes = fs::read(html.join(FOLDER).join(&files[0])).unwrap();

    // A rebuild with the same data reuses every file, byte for byte.
    let (published, again) = build(&[sample(), second.clone()]);
    assert_eq!(published, Published { files: 4, made: 0 });
    assert_eq!(again, files);
    assert_eq!(
        fs::read(html.join(FOLDER).join(&files[0])).unwrap(),
        first_bytes
    );

    // A slice no page shows any more leaves the output and the kept files.
    let (published, last) = build(&[second]);
    assert_eq!(published, Published { files: 2, made: 0 });
    assert_eq!(last.len(), 2);
    let kept = fs::read_dir(folder.join(FOLDER)).unwrap().count();
    assert_eq!(kept, 3, "two files and the stamp");

    // No list (the preprocessor did not run for HTML): nothing is published.
    assert_eq!(publish(&folder, &html).unwrap(), Published::default());
    let _ = fs::remove_dir_all(&dir);
}

/// Many slices, each made on some thread: every file holds the bytes its maker gives alone.
#[test]
fn files_made_on_several_threads_are_the_bytes_of_each_slice() {
    let dir = temp("make-all");
    fs::create_dir_all(&dir).unwrap();
    let slices: Vec<Slice> = (0..40)
        .map(|i| Slice {
            title: format!("表{i} 第{i}个表"),
            rows: vec![vec![
                Cell::Text(format!("{}", 2000 + i)),
                number(i as f64, 1),
            ]],
            ..sample()
        })
        .collect();
    let jobs: Vec<make::Job> = slices
        .iter()
        .enumerate()
        .flat_map(|(i, slice)| {
            let dir = &dir;
            MAKERS.map(|(ext, make)| make::Job {
                path: dir.join(format!("{i}.{ext}")),
                slice,
                make,
            })
        })
        .collect();
    make::make_all(&jobs).unwrap();
    for (i, slice) in slices.iter().enumerate() {
        for (ext, make) in MAKERS {
            let made = fs::read(dir.join(format!("{i}.{ext}"))).unwrap();
            assert_eq!(made, make(slice).unwrap(), "{i}.{ext}");
        }
    }
}

/// When files cannot be written, the error names the first of them in list order, whichever
/// thread got there first.
#[test]
fn the_first_failing_file_in_list_order_is_reported() {
    let dir = temp("make-all-fails");
    fs::create_dir_all(&dir).unwrap();
    let slice = sample();
    let missing = dir.join("no-such-folder");
    let jobs: Vec<make::Job> = (0..30)
        .map(|i| make::Job {
            path: if i == 7 || i >= 20 {
                missing.join(format!("{i}.csv"))
            } else {
                dir.join(format!("{i}.csv"))
            },
            slice: &slice,
            make: MAKERS[1].1,
        })
        .collect();
    let error = make::make_all(&jobs).unwrap_err();
    assert!(error.contains("7.csv"), "{error}");
    assert!(dir.join("6.csv").is_file());
}
