//! The markup of error boxes and pending callouts, shared by every placeholder.
//!
//! Block callouts are a single line of HTML wrapped in blank lines, so that Markdown
//! treats them as one HTML block wherever they land. Every text is escaped; `assets/`
//! styles the classes `report-error`, `report-pending` and `report-editorial`.

use crate::config::Target;
use crate::text::{escape_html, escape_markdown};

/// An error box (block) or badge (inline) with the message a writer must act on.
pub fn error(target: Target, message: &str, block: bool) -> String {
    match (target, block) {
        (Target::Html, true) => format!(
            "\n\n<div class=\"report-error\" role=\"alert\"><strong>占位符错误</strong> {}</div>\n\n",
            escape_html(message)
        ),
        (Target::Html, false) => format!(
            "<span class=\"report-error\" role=\"alert\"><strong>占位符错误</strong> {}</span>",
            escape_html(message)
        ),
        (Target::Markdown, true) => {
            format!("\n\n> **占位符错误** {}\n\n", escape_markdown(message))
        }
        // Bold inside the brackets: `**` next to CJK text and brackets only opens or closes
        // on this side of them (CommonMark's flanking rules).
        (Target::Markdown, false) => format!("〔**占位符错误**：{}〕", escape_markdown(message)),
    }
}

/// A pending callout (block) or badge (inline), with the id the progress page links to.
pub fn pending(target: Target, label: &str, note: &str, anchor: &str, block: bool) -> String {
    marked(target, "report-pending", label, note, anchor, block)
}

/// A note to co-authors, shown in draft builds only: like a pending callout, with its own
/// class so that it stands apart from the work readers may see.
pub fn editorial(target: Target, note: &str, anchor: &str, block: bool) -> String {
    marked(
        target,
        "report-pending report-editorial",
        "编辑备注",
        note,
        anchor,
        block,
    )
}

fn marked(
    target: Target,
    class: &str,
    label: &str,
    note: &str,
    anchor: &str,
    block: bool,
) -> String {
    match (target, block) {
        (Target::Html, true) => format!(
            "\n\n<div class=\"{class}\" id=\"{}\" role=\"note\"><span class=\"report-pending-label\">{}</span> {}</div>\n\n",
            escape_html(anchor),
            escape_html(label),
            escape_html(note)
        ),
        (Target::Html, false) => format!(
            "<span class=\"{class}\" id=\"{}\" role=\"note\"><span class=\"report-pending-label\">{}</span> {}</span>",
            escape_html(anchor),
            escape_html(label),
            escape_html(note)
        ),
        (Target::Markdown, true) => format!(
            "\n\n> **{}** {}\n\n",
            escape_markdown(label),
            escape_markdown(note)
        ),
        (Target::Markdown, false) => {
            format!(
                "〔**{}**：{}〕",
                escape_markdown(label),
                escape_markdown(note)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_and_editorial_callouts_escape_and_carry_their_anchor() {
        assert_eq!(
            pending(Target::Html, "待完成", "补<图>", "pending-3", false),
            "<span class=\"report-pending\" id=\"pending-3\" role=\"note\"><span class=\"report-pending-label\">待完成</span> 补&lt;图&gt;</span>"
        );
        assert_eq!(
            editorial(Target::Html, "可以用你写好的那段", "pending-9", true),
            "\n\n<div class=\"report-pending report-editorial\" id=\"pending-9\" role=\"note\"><span class=\"report-pending-label\">编辑备注</span> 可以用你写好的那段</div>\n\n"
        );
        assert_eq!(
            editorial(Target::Markdown, "分两段", "pending-9", false),
            "〔**编辑备注**：分两段〕"
        );
    }
}
