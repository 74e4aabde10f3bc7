//! Data files as they arrive: encodings, malformed CSV/JSON/TOML, number spellings,
//! workbooks, derived values, traversal, and the three modes. Each case states its exact
//! outcome: the text readers see, or the error writers see with its place.

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};

use crate::harness::*;

const META: &str = "title = \"出口额\"\nunit = \"亿美元\"\nsource = \"商会\"\n";
const TABLE: &str = "# 甲\n\n{{#table t}}\n";

/// A table of the CSV `book/data/t.csv`.
fn table_of(name: &'static str, csv: &str, expect: Expect) -> Case {
    Case::chapter(name, TABLE, expect).data("book/data/t.csv", csv.to_string(), META)
}

/// A table of `t.csv` written as the placeholder `{{#table t ARGS}}`.
fn table_with(name: &'static str, args: &str, csv: &str, expect: Expect) -> Case {
    Case::chapter(name, &format!("# 甲\n\n{{{{#table t {args}}}}}\n"), expect).data(
        "book/data/t.csv",
        csv.to_string(),
        META,
    )
}

/// `值为{{#value t ARGS}}。` on line 3, over `t.csv`.
fn value_of(name: &'static str, args: &str, csv: &str, expect: Expect) -> Case {
    Case::chapter(
        name,
        &format!("# 甲\n\n值为{{{{#value t {args}}}}}。\n"),
        expect,
    )
    .data("book/data/t.csv", csv.to_string(), META)
}

/// A table of `t.json`.
fn json_of(name: &'static str, json: &str, expect: Expect) -> Case {
    Case::chapter(name, TABLE, expect).data("book/data/t.json", json.to_string(), META)
}

/// A table of a plain CSV whose sidecar is `toml`.
fn sidecar_of(name: &'static str, toml: &str, expect: Expect) -> Case {
    Case::chapter(name, TABLE, expect)
        .file("book/data/t.csv", "年份,出口额\n2024,1079.6\n")
        .file("book/data/t.toml", toml.to_string())
}

/// A workbook made by `fill`, as the bytes Excel would save.
fn xlsx(fill: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    fill(book.add_worksheet());
    book.save_to_buffer().unwrap()
}

/// The trade totals as kept in Excel.
fn totals(s: &mut Worksheet) {
    for (c, h) in ["年份", "出口额", "进口额"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    s.write_number(1, 0, 2023).unwrap();
    s.write_number(1, 1, 1020.56).unwrap();
    s.write_number(2, 0, 2024).unwrap();
    s.write_number(2, 1, 1079.6).unwrap();
    s.write_number(2, 2, 914.1).unwrap();
}

/// A chapter over the workbook `book/data/t.xlsx`.
fn workbook(name: &'static str, chapter: &str, bytes: Vec<u8>, expect: Expect) -> Case {
    Case::chapter(name, chapter, expect).data("book/data/t.xlsx", bytes, META)
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

const CSV: &str = "年份,出口额\n2023,1020.56\n2024,1079.6\n";

pub fn cases() -> Vec<Case> {
    let mut cases = encodings();
    cases.extend(csv());
    cases.extend(json());
    cases.extend(sidecars());
    cases.extend(spellings());
    cases.extend(derived());
    cases.extend(workbooks());
    cases.extend(traversal_and_modes());
    cases
}

fn encodings() -> Vec<Case> {
    vec![
        table_of("utf8", CSV, text(&["1020.56", "1079.6"])),
        Case::chapter("utf8-bom", TABLE, text(&["年份", "1020.56"])).data(
            "book/data/t.csv",
            [b"\xEF\xBB\xBF".as_slice(), CSV.as_bytes()].concat(),
            META,
        ),
        Case::chapter("gbk", TABLE, text(&["原料药", "429.9"])).data(
            "book/data/t.csv",
            encoding_rs::GBK
                .encode("类别,出口额\n原料药,429.9\n")
                .0
                .into_owned(),
            META,
        ),
        Case::chapter("gb18030-four-byte", TABLE, text(&["𠀀药", "12"])).data(
            "book/data/t.csv",
            encoding_rs::GB18030
                .encode("类别,出口额\n𠀀药,12\n")
                .0
                .into_owned(),
            META,
        ),
        Case::chapter("utf16le-unicode-text", TABLE, text(&["1079.6"])).data(
            "book/data/t.csv",
            utf16(&CSV.replace(',', "\t"), true),
            META,
        ),
        Case::chapter("utf16be", TABLE, text(&["1020.56"])).data(
            "book/data/t.csv",
            utf16(CSV, false),
            META,
        ),
        table_of(
            "bom-mid-file",
            "年份,出口额\n2023,1\n\u{feff}年份,出口额\n2024,2\n",
            error(
                "book/a.md:3",
                "book/data/t.csv 第3行有一个多余的 UTF-8 BOM（不可见的字节顺序标记 EF BB BF，常见于把两个文件拼接在一起）",
            ),
        ),
        Case::chapter(
            "gbk-that-is-valid-utf8",
            TABLE,
            error(
                "book/a.md:3",
                "book/data/t.csv 的编码无法确定：按 UTF-8 读是「ҽҩ,ֵ」，按 GBK 读是「医药,值」；请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”",
            ),
        )
        .data(
            "book/data/t.csv",
            encoding_rs::GBK.encode("医药,值\n原药,12\n").0.into_owned(),
            META,
        ),
        Case::chapter(
            "neither-utf8-nor-gbk",
            TABLE,
            error("book/a.md:3", "book/data/t.csv 的编码无法识别（既不是 UTF-8，也不是 GBK/GB18030）"),
        )
        .data("book/data/t.csv", b"a,b\n\xff\xfe\xfd,1\n\x80\x81\n".to_vec(), META),
        Case::chapter(
            "bom-then-broken-utf8",
            TABLE,
            error("book/a.md:3", "book/data/t.csv 以 UTF-8 BOM 开头，但第2行有不是 UTF-8 的字节"),
        )
        .data("book/data/t.csv", b"\xEF\xBB\xBFa,b\n\xd6\xd0,1\n".to_vec(), META),
        Case::chapter("gbk-sidecar", TABLE, text(&["表1-1 出口额（单位：亿美元）"]))
            .file("book/data/t.csv", CSV)
            .file(
                "book/data/t.toml",
                encoding_rs::GBK.encode(META).0.into_owned(),
            ),
    ]
}

fn csv() -> Vec<Case> {
    vec![
        table_of(
            "unclosed-quote",
            "年份,出口额\n2023,\"1020.56\n2024,1079.6\n2025,1100\n",
            error(
                "book/a.md:3",
                "book/data/t.csv 第2行有一个没有配对的双引号：从这里到文件末尾的所有行都被读进了同一个单元格",
            ),
        ),
        table_of(
            "stray-quote-inside-a-cell",
            "名称,出口额\n12\"寸,1\n",
            text(&["12\"寸"]),
        ),
        table_of(
            "multi-line-quoted-cell",
            "名称,出口额\n\"原料\n药\",1\n",
            text(&["原料\n药"]),
        ),
        table_of(
            "excel-trailing-empty-column",
            "年份,出口额,\n2023,1020.56,\n2024,1079.6,\n",
            text(&["1079.6"]),
        ),
        table_of(
            "unnamed-column-with-data",
            "年份,出口额,\n2024,1079.6,9\n",
            error(
                "book/a.md:3",
                "book/data/t.csv 第1行第3列的列名为空；请为每一列起名",
            ),
        ),
        table_of(
            "more-values-than-header",
            "年份,出口额\n2024,1079.6,9,8\n",
            error(
                "book/a.md:3",
                "book/data/t.csv 第2行有4个值，但表头只有2列；请检查是否多了逗号",
            ),
        ),
        table_of(
            "fewer-values-are-missing",
            "年份,出口额,进口额\n2024,1079.6\n",
            text(&[
                "1079.6",
                "缺数据",
                "「2024」的「进口额」（book/data/t.csv 第2行）",
            ]),
        ),
        table_of(
            "duplicate-header",
            "年份,值,值\n2023,1,2\n",
            error(
                "book/a.md:3",
                "book/data/t.csv 的表头有两列都叫「值」（第1行第2列和第1行第3列）；列名不能重复",
            ),
        ),
        table_of(
            "header-only",
            "年份,出口额\n",
            error(
                "book/a.md:3",
                "book/data/t.csv 只有表头，没有数据行，表格会是空的",
            ),
        ),
        table_of(
            "empty-file",
            "",
            error("book/a.md:3", "book/data/t.csv 没有表头：第一行应为列名"),
        ),
        table_of(
            "blank-lines-between-rows",
            "年份,出口额\n\n2023,1020.56\n,\n2024,1079.6\n",
            text(&["1020.56", "1079.6"]),
        ),
        table_of(
            "crlf-line-endings",
            &CSV.replace('\n', "\r\n"),
            text(&["1079.6"]),
        ),
        table_with(
            "where-matches-no-row",
            "where=出口额>5000",
            CSV,
            error(
                "book/a.md:3",
                "筛选后没有任何行（数据集「t」共2行）；请检查 rows= 和 where=",
            ),
        ),
        table_of(
            "duplicate-row-names-still-tabulate",
            "年份,出口额\n2024,1\n2024,2\n",
            text(&["2024"]),
        ),
        value_of(
            "duplicate-row-name-cannot-be-looked-up",
            "row=2024 col=出口额",
            "年份,出口额\n2024,1\n2024,2\n",
            error(
                "book/a.md:3",
                "「2024」在数据集「t」的「年份」列出现了2次（第2行、第3行）",
            ),
        ),
    ]
}

fn json() -> Vec<Case> {
    vec![
        json_of(
            "json-rows",
            r#"[{"年份": 2023, "出口额": 1020.56}, {"年份": 2024, "出口额": 1079.6}]"#,
            text(&["1020.56", "1079.6"]),
        ),
        json_of(
            "json-decimals-as-written",
            r#"[{"类别": "甲", "出口额": 1.50}]"#,
            text(&["1.50"]),
        ),
        json_of(
            "json-thirty-digit-integer",
            r#"[{"类别": "甲", "出口额": 123456789012345678901234567890}]"#,
            text(&["123,456,789,012,345,678,901,234,567,890"]),
        ),
        json_of(
            "json-beyond-2-pow-53",
            r#"[{"类别": "甲", "出口额": 9007199254740993}]"#,
            text(&["9,007,199,254,740,993"]),
        ),
        json_of(
            "json-nested-object",
            r#"[{"类别": "甲", "出口额": {"值": 1}}]"#,
            error(
                "book/a.md:3",
                "book/data/t.json 第1项「出口额」的值是嵌套的对象；每个值只能是数字、文字或 null",
            ),
        ),
        json_of(
            "json-nested-array",
            r#"[{"类别": "甲", "出口额": [1, 2]}]"#,
            error(
                "book/a.md:3",
                "book/data/t.json 第1项「出口额」的值是嵌套的数组",
            ),
        ),
        json_of(
            "json-duplicate-key-in-row",
            "[{\"类别\": \"甲\", \"出口额\": 1, \"出口额\": 2}]",
            error(
                "book/a.md:3",
                "这一项里键「出口额」出现了两次；同一对象的键不能重复",
            ),
        ),
        json_of(
            "json-duplicate-fact",
            "{\"交易数\": 126, \"交易数\": 127}",
            error("book/a.md:3", "对象里键「交易数」出现了两次"),
        ),
        json_of(
            "json-null-is-missing",
            r#"[{"类别": "甲", "出口额": null}]"#,
            text(&["缺数据", "「甲」的「出口额」（book/data/t.json 第1项）"]),
        ),
        json_of(
            "json-trailing-comma",
            "[{\"类别\": \"甲\", \"出口额\": 1},]",
            error("book/a.md:3", "book/data/t.json 第1行"),
        ),
        json_of(
            "json-not-a-table",
            "42",
            error(
                "book/a.md:3",
                "不是有效的 JSON：这里应当是对象数组（每项一行）或一个“键: 值”对象",
            ),
        ),
        json_of(
            "json-row-not-an-object",
            "[1, 2]",
            error(
                "book/a.md:3",
                "这里应当是一个对象（数组的每一项是一行数据）",
            ),
        ),
        json_of(
            "json-unclosed-list",
            "[{\"类别\": \"甲\"}",
            error(
                "book/a.md:3",
                "book/data/t.json 第1行第12列不是有效的 JSON：列表没有结束（缺少 ]）",
            ),
        ),
        Case::chapter(
            "csv-and-json-both-present",
            TABLE,
            error(
                "book/a.md:3",
                "数据集「t」有2个数据文件：book/data/t.csv 和 book/data/t.json；不知道该用哪一个",
            ),
        )
        .data("book/data/t.csv", CSV, META)
        .file("book/data/t.json", "[{\"年份\": 2024}]"),
    ]
}

fn sidecars() -> Vec<Case> {
    let base = "title = \"出口额\"\nsource = \"商会\"\n";
    vec![
        sidecar_of(
            "sidecar-decimals-as-text",
            &format!("{base}[columns.\"出口额\"]\ndecimals = \"2\"\n"),
            error(
                "book/a.md:3",
                "book/data/t.toml 第4行：「decimals」这里写的是加了引号的文字，应为不小于 0、不加引号的整数，例如 decimals = 1",
            ),
        ),
        sidecar_of(
            "sidecar-misspelt-key",
            &format!("{base}unti = \"亿美元\"\n"),
            error(
                "book/a.md:3",
                "book/data/t.toml 第3行：不认识的键「unti」，是不是想写「unit」？",
            ),
        ),
        sidecar_of(
            "sidecar-unquoted-chinese-key",
            &format!("{base}[columns.出口额]\nunit = \"%\"\n"),
            error(
                "book/a.md:3",
                "book/data/t.toml 第3行：含中文或其他符号的键名要加英文双引号",
            ),
        ),
        sidecar_of(
            "sidecar-without-title",
            "source = \"商会\"\n",
            error("book/a.md:3", "book/data/t.toml 没有写 title（标题）"),
        ),
        sidecar_of(
            "sidecar-without-source",
            "title = \"出口额\"\n",
            error("book/a.md:3", "book/data/t.toml 没有写 source"),
        ),
        sidecar_of(
            "sidecar-duplicate-key",
            &format!("{base}title = \"又一个\"\n"),
            error("book/a.md:3", "book/data/t.toml 第3行：键「title」写了两次"),
        ),
        sidecar_of(
            "sidecar-unclosed-string",
            "title = \"出口额\nsource = \"商会\"\n",
            error("book/a.md:3", "book/data/t.toml 第1行：引号没有配对"),
        ),
        sidecar_of(
            "sidecar-unquoted-value",
            "title = 出口额\nsource = \"商会\"\n",
            error(
                "book/a.md:3",
                "book/data/t.toml 第1行：文字要加英文双引号，例如 title = ",
            ),
        ),
        sidecar_of(
            "sidecar-negative-decimals",
            &format!("{base}[columns.\"出口额\"]\ndecimals = -1\n"),
            error(
                "book/a.md:3",
                "book/data/t.toml 第4行：「decimals」的值 -1 不行",
            ),
        ),
        sidecar_of(
            "sidecar-sheet-on-a-csv",
            &format!("{base}sheet = \"Sheet1\"\n"),
            error(
                "book/a.md:3",
                "book/data/t.csv 不是工作簿：sheet 和 range 只用于 .xlsx、.xls、.ods 文件",
            ),
        ),
        sidecar_of(
            "sidecar-unknown-rounding",
            &format!("{base}round = \"银行家\"\n"),
            error(
                "book/a.md:3",
                "book/data/t.toml：round 应为 四舍五入 或 五成双",
            ),
        ),
        sidecar_of(
            "sidecar-column-that-does-not-exist",
            &format!("{base}[columns.\"出口\"]\nunit = \"%\"\n"),
            error(
                "book/a.md:3",
                "book/data/t.csv 的元数据写了 [columns.\"出口\"]，但数据里没有这一列，是不是想写「出口额」？",
            ),
        ),
        Case::chapter(
            "sidecar-rounding-half-even",
            "# 甲\n\n值为{{#value t row=甲 col=v decimals=1}}。\n",
            text(&["值为2.4亿美元。"]),
        )
        .data(
            "book/data/t.csv",
            "类别,v\n甲,2.45\n",
            "title = \"t\"\nunit = \"亿美元\"\nsource = \"s\"\nround = \"五成双\"\n",
        ),
        Case::chapter(
            "sidecar-missing",
            TABLE,
            error("book/a.md:3", "数据集「t」缺少元数据文件 book/data/t.toml"),
        )
        .file("book/data/t.csv", CSV),
    ]
}

fn spellings() -> Vec<Case> {
    let v = |name, cell: &str, args: &str, expect| {
        let csv = format!("类别,v\n甲,\"{cell}\"\n乙,1\n");
        value_of(name, &format!("row=甲 col=v {args}"), &csv, expect)
    };
    let not_a_number = |hint: &str| error("book/a.md:3", hint);
    vec![
        v(
            "thousands-separator",
            "1,079.6",
            "",
            text(&["值为1079.6亿美元。"]),
        ),
        v(
            "thousands-separator-always",
            "1079.6",
            "sep=always",
            text(&["值为1,079.6亿美元。"]),
        ),
        v(
            "number-with-its-unit",
            "1079.6亿",
            "",
            not_a_number(
                "book/data/t.csv 第2行「v」列的「1079.6亿」不是数字；单元格里只写数字，单位「亿」写在元数据的 unit 中",
            ),
        ),
        v(
            "full-width-digits",
            "１０７９．６",
            "",
            text(&["值为1079.6亿美元。"]),
        ),
        v(
            "full-width-minus",
            "－12.5",
            "",
            text(&["值为-12.5亿美元。"]),
        ),
        v("unicode-minus", "−12.5", "", text(&["值为-12.5亿美元。"])),
        v("plus-sign", "+5.9", "", text(&["值为5.9亿美元。"])),
        v(
            "scientific",
            "1e3",
            "",
            not_a_number("「1e3」不是数字；这是科学计数法"),
        ),
        v(
            "excel-scientific",
            "1.23457E+11",
            "",
            not_a_number(
                "「1.23457E+11」不是数字；这是科学计数法，Excel 在列宽不够时会这样另存并丢掉位数",
            ),
        ),
        v(
            "nan-is-missing",
            "NaN",
            "",
            text(&["值为—", "「甲」的「v」（book/data/t.csv 第2行）"]),
        ),
        v("dash-is-missing", "—", "", text(&["值为—"])),
        v("na-is-missing", "N/A", "", text(&["值为—"])),
        v(
            "excel-error-value",
            "#DIV/0!",
            "",
            not_a_number("「#DIV/0!」不是数字；这是 Excel 的错误值"),
        ),
        v(
            "thirty-digit-integer",
            "123456789012345678901234567890",
            "",
            text(&["值为123,456,789,012,345,678,901,234,567,890亿美元。"]),
        ),
        v(
            "beyond-2-pow-53",
            "9007199254740993",
            "sep=never",
            text(&["值为9007199254740993亿美元。"]),
        ),
        v(
            "misplaced-separators",
            "1,07,9",
            "",
            not_a_number("千分位逗号的位置不对"),
        ),
        v("percent-cell", "73.1%", "", text(&["值为73.1%。"])),
        v(
            "padded-with-spaces",
            "  12  ",
            "",
            text(&["值为12亿美元。"]),
        ),
        v("trailing-point", "12.", "", not_a_number("「12.」不是数字")),
        v(
            "decimal-rounding-is-exact",
            "1.005",
            "decimals=2",
            text(&["值为1.01亿美元。"]),
        ),
        v(
            "half-up-by-default",
            "2.45",
            "decimals=1",
            text(&["值为2.5亿美元。"]),
        ),
        v(
            "half-even-on-request",
            "2.45",
            "decimals=1 round=五成双",
            text(&["值为2.4亿美元。"]),
        ),
        v(
            "decimals-kept-as-written",
            "1.50",
            "",
            text(&["值为1.50亿美元。"]),
        ),
        v(
            "large-value-rounds-its-last-digit-only",
            "2251799813685248.5",
            "decimals=0 sep=never",
            text(&["值为2251799813685249亿美元。"]),
        ),
        v(
            "negative-zero-never-printed",
            "-0.04",
            "decimals=1 sign",
            text(&["值为0.0亿美元。"]),
        ),
        v(
            "text-in-a-number-column",
            "约1080",
            "",
            not_a_number("「约1080」不是数字；请填写数字，或留空/写“待补充”表示缺失"),
        ),
    ]
}

fn derived() -> Vec<Case> {
    let profit = "年份,利润\n2022,0\n2023,-10\n2024,5\n";
    let quarters = "季度,v\n2023Q1,100\n2023Q2,200\n2023Q3,300\n2023Q4,400\n2024Q1,110\n";
    vec![
        table_with(
            "growth-from-a-negative-base-is-a-dash",
            "yoy=利润",
            profit,
            text(&[
                "「2024」的「利润」增长率无法计算：基期「2023」为负数，增长率没有意义，以“—”表示",
            ]),
        )
        .forbid("-150.0"),
        table_with(
            "growth-from-zero-leaves-the-cell-not-the-table",
            "yoy=利润",
            profit,
            text(&["「2023」的「利润」增长率无法计算：基期「2022」为0"]),
        ),
        value_of(
            "value-growth-from-a-negative-base-is-an-error",
            "row=2024 col=利润 calc=yoy",
            profit,
            error(
                "book/a.md:3",
                "「2024」的「利润」增长率无法计算：基期「2023」为负数，增长率没有意义；请改写这句话，或用 from= 换一个基期",
            ),
        ),
        value_of(
            "quarterly-yoy-against-the-same-quarter",
            "row=2024Q1 col=v calc=yoy",
            quarters,
            text(&["值为10.0%。"]),
        ),
        value_of(
            "quarterly-chain-against-the-quarter-before",
            "row=2024Q1 col=v calc=环比",
            quarters,
            text(&["值为-72.5%。"]),
        ),
        table_with(
            "yoy-column-on-quarters",
            "yoy=v",
            quarters,
            text(&["+10.0"]),
        )
        .forbid("-72.5"),
        value_of(
            "yoy-on-names-that-are-not-periods",
            "row=乙 col=v calc=yoy",
            "类别,v\n甲,1\n乙,2\n",
            error(
                "book/a.md:3",
                "同比要按时期比较，但「类别」列的「乙」不是年份、半年、季度或月份",
            ),
        ),
        value_of(
            "cagr-on-rows-that-are-not-years-asks-for-years",
            "col=v calc=cagr from=起步 to=现在",
            "阶段,v\n起步,100\n现在,121\n",
            error("book/a.md:3", "请用 years= 写明年数"),
        ),
        value_of(
            "cagr-with-years",
            "col=v calc=cagr from=起步 to=现在 years=2",
            "阶段,v\n起步,100\n现在,121\n",
            text(&["值为10.0%。"]),
        ),
        value_of(
            "cagr-over-quarters-counts-years",
            "col=v calc=cagr from=2023Q1 to=2025Q1",
            "季度,v\n2023Q1,100\n2025Q1,121\n",
            text(&["值为10.0%。"]),
        ),
        value_of(
            "scale-from-wanyi",
            "row=甲 col=v scale=亿",
            "类别,v\n甲,2.5\n",
            text(&["值为25,000亿元。"]),
        )
        .file(
            "book/data/t.toml",
            "title = \"t\"\nunit = \"万亿元\"\nsource = \"s\"\n",
        ),
        value_of(
            "kilograms-are-not-a-magnitude",
            "row=甲 col=v scale=万",
            "类别,v\n甲,25000\n",
            text(&["值为2.5万千克。"]),
        )
        .file(
            "book/data/t.toml",
            "title = \"t\"\nunit = \"千克\"\nsource = \"s\"\n",
        ),
        value_of(
            "thousand-yuan-is-a-magnitude",
            "row=甲 col=v scale=万",
            "类别,v\n甲,25\n",
            text(&["值为2.5万元。"]),
        )
        .file(
            "book/data/t.toml",
            "title = \"t\"\nunit = \"千元\"\nsource = \"s\"\n",
        ),
        value_of(
            "percentages-cannot-be-rescaled",
            "row=甲 col=v scale=万",
            "类别,v\n甲,25%\n",
            error("book/a.md:3", "单位「%」是比率，不能用 scale= 换算数量级"),
        ),
        table_with(
            "sort-descending-puts-missing-last",
            "sort=-出口额",
            "类别,出口额\n甲,\n乙,5\n丙,9\n",
            text(&["丙9\n乙5\n甲—"]),
        ),
        table_with(
            "sort-ascending-puts-missing-last",
            "sort=出口额",
            "类别,出口额\n甲,\n乙,5\n丙,9\n",
            text(&["乙5\n丙9\n甲—"]),
        ),
        table_with(
            "share-of-a-zero-total",
            "share=出口额",
            "类别,出口额\n甲,0\n乙,0\n",
            text(&["「甲」的「出口额」占比无法计算：该列合计为0"]),
        ),
        table_with(
            "where-with-full-width-digits",
            "where=出口额＞＝１０５０",
            CSV,
            text(&["1079.6"]),
        )
        .forbid("1020.56</td>"),
        table_with(
            "total-is-exact",
            "total",
            "类别,出口额\n甲,0.1\n乙,0.2\n",
            text(&["合计0.3"]),
        ),
    ]
}

fn workbooks() -> Vec<Case> {
    vec![
        workbook(
            "xlsx-table",
            TABLE,
            xlsx(totals),
            text(&[
                "20231020.56—",
                "20241079.6914.1",
                "「2023」的「进口额」（book/data/t.xlsx Sheet1!C2）",
            ]),
        ),
        workbook(
            "xlsx-number-format-decimals",
            "# 甲\n\n值为{{#value t row=甲 col=金额}}。\n",
            xlsx(|s| {
                s.write_string(0, 0, "类别").unwrap();
                s.write_string(0, 1, "金额").unwrap();
                s.write_string(1, 0, "甲").unwrap();
                let f = Format::new().set_num_format("#,##0.00");
                s.write_number_with_format(1, 1, 1079.6, &f).unwrap();
            }),
            text(&["值为1079.60亿美元。"]),
        ),
        workbook(
            "xlsx-percent-format",
            "# 甲\n\n值为{{#value t row=甲 col=占比}}。\n",
            xlsx(|s| {
                s.write_string(0, 0, "类别").unwrap();
                s.write_string(0, 1, "占比").unwrap();
                s.write_string(1, 0, "甲").unwrap();
                let f = Format::new().set_num_format("0.0%");
                s.write_number_with_format(1, 1, 0.398, &f).unwrap();
            }),
            text(&["值为39.8%。"]),
        ),
        workbook(
            "xlsx-value-not-display",
            "# 甲\n\n值为{{#value t row=甲 col=金额 decimals=3}}。\n",
            xlsx(|s| {
                s.write_string(0, 0, "类别").unwrap();
                s.write_string(0, 1, "金额").unwrap();
                s.write_string(1, 0, "甲").unwrap();
                let f = Format::new().set_num_format("0.0");
                s.write_number_with_format(1, 1, 20.456, &f).unwrap();
            }),
            text(&["值为20.456亿美元。"]),
        ),
        workbook(
            "xlsx-formula-cached-result",
            "# 甲\n\n值为{{#value t row=2024 col=合计}}。\n",
            xlsx(|s| {
                totals(s);
                s.write_string(0, 3, "合计").unwrap();
                s.write_formula(2, 3, Formula::new("=B3+C3").set_result("1993.7"))
                    .unwrap();
            }),
            text(&["值为1993.7亿美元。"]),
        ),
        workbook(
            "xlsx-date-as-chinese",
            "# 甲\n\n{{#table t}}\n",
            xlsx(|s| {
                s.write_string(0, 0, "日期").unwrap();
                s.write_string(0, 1, "事件").unwrap();
                let f = Format::new().set_num_format("yyyy/m/d");
                s.write_datetime_with_format(
                    1,
                    0,
                    ExcelDateTime::from_ymd(2024, 3, 5).unwrap(),
                    &f,
                )
                .unwrap();
                s.write_string(1, 1, "发布").unwrap();
            }),
            text(&["2024年3月5日"]),
        ),
        workbook(
            "xlsx-merged-header",
            TABLE,
            xlsx(|s| {
                s.merge_range(0, 0, 0, 1, "出口", &Format::new()).unwrap();
                s.write_number(1, 0, 1).unwrap();
                s.write_number(1, 1, 2).unwrap();
            }),
            error("book/a.md:3", "book/data/t.xlsx Sheet1!A1:B1 是合并单元格"),
        ),
        workbook(
            "xlsx-empty-header-cell",
            TABLE,
            xlsx(|s| {
                s.write_string(0, 0, "年份").unwrap();
                s.write_string(0, 2, "进口额").unwrap();
                s.write_number(1, 0, 2024).unwrap();
                s.write_number(1, 1, 5).unwrap();
            }),
            error("book/a.md:3", "book/data/t.xlsx Sheet1!B1的列名为空"),
        ),
        workbook(
            "xlsx-sheet-picked-by-placeholder",
            "# 甲\n\n{{#table t sheet=2024}}\n",
            {
                let mut book = Workbook::new();
                let first = book.add_worksheet();
                first.set_name("2023").unwrap();
                first.write_string(0, 0, "类别").unwrap();
                first.write_string(0, 1, "值").unwrap();
                first.write_string(1, 0, "旧").unwrap();
                first.write_number(1, 1, 1).unwrap();
                let second = book.add_worksheet();
                second.set_name("2024").unwrap();
                second.write_string(0, 0, "类别").unwrap();
                second.write_string(0, 1, "值").unwrap();
                second.write_string(1, 0, "新").unwrap();
                second.write_number(1, 1, 2).unwrap();
                book.save_to_buffer().unwrap()
            },
            text(&["新2"]),
        )
        .forbid("旧"),
        workbook(
            "xlsx-unknown-sheet",
            "# 甲\n\n{{#table t sheet=2042}}\n",
            xlsx(totals),
            error(
                "book/a.md:3",
                "book/data/t.xlsx 里没有名为「2042」的工作表。现有的工作表：Sheet1",
            ),
        ),
        Case::chapter("xlsx-range", TABLE, text(&["20241079.6"]))
            .file(
                "book/data/t.xlsx",
                xlsx(|s| {
                    s.write_string(0, 0, "标题").unwrap();
                    totals(s);
                }),
            )
            .file("book/data/t.toml", format!("{META}range = \"A1:B3\"\n"))
            .forbid("914.1"),
        workbook(
            "xlsx-error-cell",
            "# 甲\n\n值为{{#value t row=2024 col=合计}}。\n",
            xlsx(|s| {
                totals(s);
                s.write_string(0, 3, "合计").unwrap();
                s.write_formula(2, 3, Formula::new("=B3/0").set_result("#DIV/0!"))
                    .unwrap();
            }),
            error(
                "book/a.md:3",
                "book/data/t.xlsx Sheet1!D3（「合计」列）的「#DIV/0!」不是数字；这是 Excel 的错误值",
            ),
        ),
        workbook(
            "xlsx-lock-file-ignored",
            TABLE,
            xlsx(totals),
            text(&["1079.6"]),
        )
        .file("book/data/~$t.xlsx", b"\x0cWriter".to_vec()),
        Case::chapter(
            "xlsx-lock-file-is-not-a-dataset",
            "# 甲\n\n{{#table ~$t}}\n",
            error("book/a.md:3", "找不到数据集「~$t」"),
        )
        .file("book/data/~$t.xlsx", b"\x0cWriter".to_vec()),
        workbook(
            "xlsx-and-csv-both-present",
            TABLE,
            xlsx(totals),
            error(
                "book/a.md:3",
                "数据集「t」有2个数据文件：book/data/t.csv 和 book/data/t.xlsx",
            ),
        )
        .file("book/data/t.csv", CSV),
        workbook(
            "xlsx-corrupt",
            TABLE,
            b"PK\x03\x04 not really".to_vec(),
            error("book/a.md:3", "无法读取工作簿 book/data/t.xlsx：文件已损坏"),
        ),
        workbook(
            "xlsx-csv-renamed",
            TABLE,
            CSV.as_bytes().to_vec(),
            error("book/a.md:3", "无法读取工作簿 book/data/t.xlsx"),
        ),
    ]
}

fn traversal_and_modes() -> Vec<Case> {
    let refused = |name, id: &str| {
        Case::chapter(
            name,
            &format!("# 甲\n\n{{{{#table {id}}}}}\n"),
            error("book/a.md:3", &format!("数据集路径「{id}」不允许")),
        )
    };
    vec![
        refused("dataset-outside-the-book", "../../secret"),
        refused("absolute-dataset-path", "/etc/passwd"),
        refused("dataset-path-climbing-back", "a/../../secret"),
        refused("windows-drive-path", "C:/secret"),
        refused("backslash-traversal", "..\\..\\secret"),
        Case::chapter(
            "missing-dataset",
            "# 甲\n\n{{#table trade/totls}}\n",
            error("book/a.md:3", "找不到数据集「trade/totls」"),
        )
        .mode(Mode::Publish),
        table_of(
            "header-only-fails-a-publish-build",
            "年份,出口额\n",
            error("book/a.md:3", "只有表头，没有数据行"),
        )
        .mode(Mode::Publish),
        value_of(
            "bad-cell-fails-a-final-build",
            "row=2024 col=出口额",
            "年份,出口额\n2023,1020.56\n2024,约1080\n",
            error(
                "book/a.md:3",
                "book/data/t.csv 第3行「出口额」列的「约1080」不是数字",
            ),
        )
        .mode(Mode::Final),
        table_of(
            "missing-cell-fails-a-final-build",
            "年份,出口额\n2024,\n",
            fails("「2024」的「出口额」（book/data/t.csv 第2行）"),
        )
        .mode(Mode::Final),
        table_of(
            "missing-cell-publishes-as-pending",
            "年份,出口额\n2024,\n",
            text(&["缺数据"]),
        )
        .mode(Mode::Publish),
    ]
}
