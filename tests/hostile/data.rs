//! Data files as they arrive: encodings, malformed CSV/JSON/TOML, number spellings,
//! traversal.

use crate::harness::*;

const META: &str = "title = \"出口额\"\nunit = \"亿美元\"\nsource = \"商会\"\n";

fn table_of(name: &'static str, csv: &str, expect: Expect) -> Case {
    Case::chapter(name, "# 甲\n\n{{#table t}}\n", expect).data(
        "book/data/t.csv",
        csv.to_string(),
        META,
    )
}

pub fn cases() -> Vec<Case> {
    vec![
        table_of(
            "thousands-separator",
            "年份,出口额\n2024,\"1,079.6\"\n",
            text(&["1079.6"]),
        ),
        Case::chapter("gbk", "# 甲\n\n{{#table t}}\n", text(&["原料药", "429.9"])).data(
            "book/data/t.csv",
            encoding_rs::GBK
                .encode("类别,出口额\n原料药,429.9\n")
                .0
                .into_owned(),
            META,
        ),
        Case::chapter(
            "dataset-outside-the-book",
            "# 甲\n\n{{#table ../../secret}}\n",
            error("book/a.md:3", "不允许"),
        ),
        Case::chapter(
            "missing-dataset",
            "# 甲\n\n{{#table trade/totls}}\n",
            error("book/a.md:3", "找不到数据集「trade/totls」"),
        )
        .mode(Mode::Publish),
        Case::chapter(
            "sidecar-must-name-a-source",
            "# 甲\n\n{{#table t}}\n",
            error("book/a.md:3", "book/data/t.toml 没有写 source"),
        )
        .file("book/data/t.csv", "年份,出口额\n2024,1\n")
        .file("book/data/t.toml", "title = \"出口额\"\n"),
    ]
}
