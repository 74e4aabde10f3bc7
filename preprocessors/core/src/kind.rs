//! The one registry of placeholder kinds: every `{{#name}}` the report expands is listed
//! here once, with its options, switches and layout.
//!
//! The scanner recognises exactly these names (anything else is reported with a
//! did-you-mean), argument checking reads their options, and each crate dispatches on
//! [`Kind`] with an exhaustive `match`, so a kind added here does not compile until every
//! expander has said whether it handles it: a kind cannot be half-registered.

/// Declares the kinds and their names once; `Kind::ALL` cannot miss one.
macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)+) => {
        /// A placeholder kind.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $($(#[$doc])* $variant,)+
        }

        impl Kind {
            /// Every kind, in the order writers meet them in the guide.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)+];

            /// The name written after `{{#`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)+
                }
            }
        }
    };
}

kinds! {
    /// `{{#table DATASET …}}`: a captioned, numbered table.
    Table => "table",
    /// `{{#value DATASET …}}`: one number or text in a sentence.
    Value => "value",
    /// `{{#chart DATASET …}}`: a numbered SVG chart.
    Chart => "chart",
    /// `{{#ref ID}}`: a link to a numbered table or figure.
    Ref => "ref",
    /// `{{#pending NOTE}}`: a pending marker.
    Pending => "pending",
    /// `{{#remark TEXT}}`: a remark for the progress page's 备注 column; prints nothing.
    Remark => "remark",
    /// `{{#progress}}`: the generated progress page.
    Progress => "progress",
}

/// Where a placeholder may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Alone on its line (it expands to a block: a table, a figure, a page).
    Block,
    /// Anywhere: alone on its line it is a block, in a sentence inline.
    Any,
}

/// What a kind accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub layout: Layout,
    /// Its own `key=value` options.
    pub options: &'static [&'static str],
    /// Its own switches (bare words after the first).
    pub switches: &'static [&'static str],
    /// Options that may be written more than once; every other option only once.
    pub repeatable: &'static [&'static str],
    /// The first word is a dataset, and the row-selection and number-format options apply.
    pub data: bool,
    /// What follows the name is free text (a note), not arguments.
    pub text: bool,
    /// What it does, for writers (the guide's overview and the unknown-name message).
    pub summary: &'static str,
}

const NO_WORDS: &[&str] = &[];

impl Kind {
    /// What this kind accepts.
    pub fn spec(self) -> Spec {
        let base = Spec {
            layout: Layout::Any,
            options: NO_WORDS,
            switches: NO_WORDS,
            repeatable: NO_WORDS,
            data: false,
            text: false,
            summary: "",
        };
        match self {
            Kind::Table => Spec {
                layout: Layout::Block,
                options: &[
                    "cols", "yoy", "share", "total", "title", "id", "note", "notes",
                ],
                switches: &["total"],
                repeatable: &["where", "yoy", "share"],
                data: true,
                summary: "带编号、标题、来源和数据下载（Excel、CSV）的表格",
                ..base
            },
            Kind::Value => Spec {
                options: &["row", "key", "col", "calc", "from", "to", "of", "years"],
                repeatable: &["where"],
                data: true,
                summary: "句子中的一个数，或由数据计算的增速、占比",
                ..base
            },
            Kind::Chart => Spec {
                layout: Layout::Block,
                options: &[
                    "kind", "x", "y", "line", "label", "group", "title", "id", "note", "notes",
                ],
                repeatable: &["where"],
                data: true,
                summary: "带编号的图表，附数据表和来源",
                ..base
            },
            Kind::Ref => Spec {
                summary: "引用某张表或某幅图，显示为“表3-1”“图4-2”并可点击跳转",
                ..base
            },
            Kind::Pending => Spec {
                text: true,
                summary: "标出尚未完成的内容",
                ..base
            },
            Kind::Remark => Spec {
                text: true,
                summary: "给编写进度页“备注”列的一句话，正文中不显示",
                ..base
            },
            Kind::Progress => Spec {
                layout: Layout::Block,
                summary: "生成编写进度页",
                ..base
            },
        }
    }

    /// The kind named `name`, exactly as written (names are lower case).
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// Every name, for did-you-mean suggestions and messages.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Kind::ALL.iter().map(|k| k.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_found_by_its_name_and_says_what_it_does() {
        for &kind in Kind::ALL {
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
            let spec = kind.spec();
            assert!(!spec.summary.is_empty(), "{kind:?}");
            assert!(
                spec.switches.iter().all(|s| !spec.repeatable.contains(s)),
                "{kind:?}: a switch is written once"
            );
            assert!(!(spec.data && spec.text), "{kind:?}: a dataset or a note");
        }
        assert_eq!(Kind::from_name("Table"), None);
        assert_eq!(Kind::names().count(), Kind::ALL.len());
    }
}
