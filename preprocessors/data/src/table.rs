//! `{{#table DATASET ...}}`: a captioned, numbered table with its source line and a link to
//! the data file.

use report_core::args::Args;
use report_core::calc;
use report_core::config::Target;
use report_core::data::{Dataset, MissingCell};
use report_core::format::{Decimal, MISSING, NumberFormat, format_decimal};
use report_core::scan::Placeholder;
use report_core::text::{escape_html, escape_markdown};

use crate::download::{self, Cell};
use crate::{Chapter, Context, Rendered, Request, markdown_caption, request, source_line};
use crate::{search, select};

/// One formatted cell: its text, or `None` when the value is missing.
pub(crate) type Formatted = Option<String>;

/// What a column of the rendered table holds.
enum Kind {
    /// The row labels or another text column.
    Label,
    Number,
    /// 同比 of a column, against the previous row of the data.
    Yoy,
    /// 占比 of a column in its total over the shown rows.
    Share,
}

struct ColumnOut {
    heading: String,
    kind: Kind,
    unit: String,
    cells: Vec<Formatted>,
    total: Option<Formatted>,
    /// The cells as the download holds them: numbers as numbers.
    data: Vec<Cell>,
    total_data: Option<Cell>,
}

pub(crate) fn render(
    ctx: &Context,
    chapter: &Chapter,
    p: &Placeholder,
) -> Result<Rendered, String> {
    let Request { args, ds, fmt } = request(ctx, p)?;
    let rows = select::rows(&ds, &args)?;
    if rows.is_empty() {
        return Err(if ds.rows.is_empty() {
            format!(
                "{} 只有表头，没有数据行，表格会是空的；请补充数据，或暂时改用 {{{{#pending}}}} 标出待补充",
                ds.file
            )
        } else {
            format!(
                "筛选后没有任何行（数据集「{}」共{}行）；请检查 rows= 和 where=",
                ds.id,
                ds.rows.len()
            )
        });
    }
    let mut missing = Vec::new();
    let mut notes = Vec::new();
    let columns = build_columns(&ds, &args, &fmt, &rows, &mut missing, &mut notes)?;
    let number = ctx.numbering.of(chapter.path, p);
    let title = args.get("title").unwrap_or(&ds.meta.title);
    let caption_unit = common_unit(&columns);
    let mut caption = format!("{} {title}", number.label);
    if let Some(u) = &caption_unit {
        caption.push_str(&format!("（单位：{u}）"));
    }
    let shown = download::Shown {
        title: format!("{} {title}", number.label),
        unit: caption_unit.clone(),
        headings: columns
            .iter()
            .map(|c| heading(c, caption_unit.is_some()))
            .collect(),
        rows: download_rows(&columns),
    };
    let source = source_line(ctx, chapter, p, &ds, &args, shown, &notes);
    let text = match ctx.target {
        Target::Html => {
            format!(
                "\n\n{}\n\n",
                html(
                    &columns,
                    &caption,
                    caption_unit.is_some(),
                    &number.anchor,
                    &source
                )
            )
        }
        Target::Markdown => format!(
            "\n\n{}\n\n",
            markdown(
                &columns,
                &markdown_caption(&number.anchor, &caption),
                caption_unit.is_some(),
                &source
            )
        ),
    };
    Ok(Rendered { text, missing })
}

fn build_columns(
    ds: &Dataset,
    args: &Args,
    fmt: &NumberFormat,
    rows: &[usize],
    missing: &mut Vec<MissingCell>,
    notes: &mut Vec<String>,
) -> Result<Vec<ColumnOut>, String> {
    let total_label = if args.flag("total") {
        Some("合计".to_string())
    } else if args.is_off("total") {
        None
    } else {
        args.get("total").map(str::to_string)
    };
    let shown_columns = select::columns(ds, args)?;
    // A fact sheet's own 单位 column, when shown, carries the units; otherwise each
    // number carries its row's unit.
    let units_in_cells =
        ds.unit_column.is_some() && !shown_columns.iter().any(|s| Some(s.col) == ds.unit_column);
    let mut out = Vec::new();
    for (i, shown) in shown_columns.into_iter().enumerate() {
        let col = shown.col;
        let column = &ds.columns[col];
        if !column.numeric {
            let mut cells = Vec::with_capacity(rows.len());
            for &r in rows {
                let cell = &ds.rows[r][col];
                if cell.is_missing() {
                    // An empty text cell is missing data too, never a silent blank.
                    missing.push(ds.missing_cell(r, col));
                    cells.push(None);
                } else {
                    cells.push(Some(cell.label().to_string()));
                }
            }
            let total = (i == 0).then(|| total_label.clone()).flatten().map(Some);
            out.push(ColumnOut {
                heading: shown.heading,
                kind: Kind::Label,
                unit: String::new(),
                data: cells.iter().map(Cell::text).collect(),
                total_data: total.as_ref().map(Cell::text),
                cells,
                total,
            });
            continue;
        }
        let mut unit = String::new();
        let mut cells = Vec::with_capacity(rows.len());
        let mut data = Vec::with_capacity(rows.len());
        for &r in rows {
            let cell = match ds.number(r, col)? {
                Some(v) => {
                    let (text, u) = fmt.apply(v, ds.unit(r, col), ds.decimals(r, col))?;
                    let number = Cell::number(fmt, v, ds.unit(r, col), ds.decimals(r, col), false)?;
                    data.push(if units_in_cells {
                        number.with_unit(&u)
                    } else {
                        number
                    });
                    if units_in_cells {
                        Some(format!("{text}{u}"))
                    } else {
                        if ds.unit_column.is_none() {
                            unit = u;
                        }
                        Some(text)
                    }
                }
                None => {
                    missing.push(ds.missing_cell(r, col));
                    data.push(Cell::Missing);
                    None
                }
            };
            cells.push(cell);
        }
        if unit.is_empty() && !units_in_cells && ds.unit_column.is_none() {
            unit = fmt.unit(&column.unit)?;
        }
        let total = total_label.as_ref().map(|_| {
            let t = calc::total(ds, col, rows)?;
            missing.extend(t.missing);
            let Some(v) = t.value else {
                return Ok((None, Cell::Missing));
            };
            let (text, _) = fmt.apply(&v, &column.unit, column.decimals)?;
            let cell = Cell::number(fmt, &v, &column.unit, column.decimals, false)?;
            Ok::<_, String>((Some(text), cell))
        });
        let (total, total_data) = total.transpose()?.unzip();
        out.push(ColumnOut {
            heading: shown.heading,
            kind: Kind::Number,
            unit,
            cells,
            total,
            data,
            total_data,
        });
    }
    for name in args.get_all("yoy") {
        let col = ds.column(name)?;
        let mut cells = Vec::with_capacity(rows.len());
        let mut data = Vec::with_capacity(rows.len());
        for &r in rows {
            // The first period has nothing to compare with: a dash, not a gap to fill.
            let Some(base) = calc::previous_period(ds, r)? else {
                cells.push(Some(MISSING.to_string()));
                data.push(Cell::Missing);
                continue;
            };
            let d = calc::growth(ds, r, base, col)?;
            let (cell, number) = derived_cell(d, fmt, true, missing, notes)?;
            cells.push(cell);
            data.push(number);
        }
        out.push(ColumnOut {
            heading: format!("{name}同比"),
            kind: Kind::Yoy,
            unit: "%".into(),
            cells,
            total: total_label.as_ref().map(|_| Some(String::new())),
            data,
            total_data: total_label.as_ref().map(|_| Cell::Text(String::new())),
        });
    }
    for name in args.get_all("share") {
        let col = ds.column(name)?;
        let mut cells = Vec::with_capacity(rows.len());
        let mut data = Vec::with_capacity(rows.len());
        for &r in rows {
            let d = calc::share_of_total(ds, r, col, rows)?;
            let (cell, number) = derived_cell(d, fmt, false, missing, notes)?;
            cells.push(cell);
            data.push(number);
        }
        out.push(ColumnOut {
            heading: format!("{name}占比"),
            kind: Kind::Share,
            unit: "%".into(),
            cells,
            total: total_label
                .as_ref()
                .map(|_| Some(percent(&Decimal::from(100), fmt, false))),
            data,
            total_data: total_label
                .as_ref()
                .map(|_| percent_cell(&Decimal::from(100), fmt, false))
                .transpose()?,
        });
    }
    missing.sort();
    missing.dedup();
    Ok(out)
}

/// A derived percentage, as every placeholder prints it.
pub(crate) fn percent(value: &Decimal, fmt: &NumberFormat, signed: bool) -> String {
    format_decimal(
        value,
        fmt.decimals.unwrap_or(calc::PERCENT_DECIMALS),
        fmt.rounding.unwrap_or_default(),
        signed || fmt.sign,
        fmt.grouping,
    )
}

/// The same percentage as a download cell.
pub(crate) fn percent_cell(
    value: &Decimal,
    fmt: &NumberFormat,
    signed: bool,
) -> Result<Cell, String> {
    Cell::unscaled(fmt, value, calc::PERCENT_DECIMALS, signed)
}

/// The rows of a table as its download holds them, the totals row last.
fn download_rows(columns: &[ColumnOut]) -> Vec<Vec<Cell>> {
    let rows = columns.first().map_or(0, |c| c.data.len());
    let mut out: Vec<Vec<Cell>> = (0..rows)
        .map(|r| columns.iter().map(|c| c.data[r].clone()).collect())
        .collect();
    if columns.iter().any(|c| c.total_data.is_some()) {
        out.push(
            columns
                .iter()
                .map(|c| c.total_data.clone().unwrap_or(Cell::Text(String::new())))
                .collect(),
        );
    }
    out
}

/// A derived cell, as the page shows it and as its download holds it: its value, `—`
/// with the reason in `notes` when it is undefined, or missing (listed in `missing`) when
/// an input is.
pub(crate) fn derived_cell(
    d: calc::Derived,
    fmt: &NumberFormat,
    signed: bool,
    missing: &mut Vec<MissingCell>,
    notes: &mut Vec<String>,
) -> Result<(Formatted, Cell), String> {
    missing.extend(d.missing);
    if let Some(reason) = d.undefined {
        let note = format!("{reason}，以“{MISSING}”表示");
        if !notes.contains(&note) {
            notes.push(note);
        }
        return Ok((Some(MISSING.to_string()), Cell::Missing));
    }
    match d.value {
        Some(v) => Ok((
            Some(percent(&v, fmt, signed)),
            percent_cell(&v, fmt, signed)?,
        )),
        None => Ok((None, Cell::Missing)),
    }
}

/// The one unit every plain numeric column shares, for the caption.
fn common_unit(columns: &[ColumnOut]) -> Option<String> {
    let mut units = columns
        .iter()
        .filter(|c| matches!(c.kind, Kind::Number))
        .map(|c| c.unit.as_str());
    let first = units.next()?;
    (!first.is_empty() && units.all(|u| u == first)).then(|| first.to_string())
}

fn heading(c: &ColumnOut, unit_in_caption: bool) -> String {
    let show_unit = match c.kind {
        Kind::Label => false,
        Kind::Number => !unit_in_caption && !c.unit.is_empty(),
        Kind::Yoy | Kind::Share => true,
    };
    if show_unit {
        format!("{}（{}）", c.heading, c.unit)
    } else {
        c.heading.clone()
    }
}

fn html(
    columns: &[ColumnOut],
    caption: &str,
    unit_in_caption: bool,
    id: &str,
    source: &str,
) -> String {
    let id = escape_html(id);
    let mut h = format!("<div class=\"report-table\" id=\"{id}\">");
    h.push_str(search::DATA_OPEN);
    // The caption stays inside the table for screen readers and the PDF's 表目录; the
    // stylesheet keeps it within the visible part of the scrolling box.
    h.push_str(&format!(
        "<div class=\"report-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}-caption\">"
    ));
    h.push_str(&format!(
        "<table><caption id=\"{id}-caption\">{}</caption><thead><tr>",
        escape_html(caption)
    ));
    let headings: Vec<String> = columns
        .iter()
        .map(|c| heading(c, unit_in_caption))
        .collect();
    let classes: Vec<&str> = columns
        .iter()
        .zip(&headings)
        .map(|(c, head)| column_class(&c.kind, head, &c.cells))
        .collect();
    for (head, class) in headings.iter().zip(&classes) {
        h.push_str(&format!(
            "<th scope=\"col\"{class}>{}</th>",
            heading_html(head)
        ));
    }
    h.push_str("</tr></thead><tbody>");
    let rows = columns.first().map_or(0, |c| c.cells.len());
    for r in 0..rows {
        h.push_str("<tr>");
        for (i, c) in columns.iter().enumerate() {
            push_cell_html(&mut h, &c.cells[r], classes[i], i == 0);
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody>");
    if columns.iter().any(|c| c.total.is_some()) {
        h.push_str("<tfoot><tr class=\"report-total\">");
        for (i, c) in columns.iter().enumerate() {
            let cell = c.total.clone().unwrap_or(Some(String::new()));
            push_cell_html(&mut h, &cell, classes[i], i == 0);
        }
        h.push_str("</tr></tfoot>");
    }
    h.push_str("</table></div>");
    h.push_str(search::DATA_CLOSE);
    h.push_str(source);
    h.push_str("</div>");
    h
}

/// A column heading: where it wraps on a narrow screen, it wraps before its unit
/// (`出口额` / `（亿美元）`), never inside a word or before a closing bracket (the
/// stylesheet keeps the rest of a heading whole).
fn heading_html(head: &str) -> String {
    escape_html(head).replace('（', "<wbr>（")
}

/// Text columns whose every cell is at most this wide (in ems) keep each cell on one line;
/// longer text wraps, so that a table fits a phone where it can.
const SHORT_TEXT_EM: f64 = 10.0;

/// The class attribute of a column's cells: `num` for numbers (right-aligned, tabular,
/// never broken), `keep` for short text (never broken), none for text that may wrap.
fn column_class(kind: &Kind, heading: &str, cells: &[Formatted]) -> &'static str {
    if !matches!(kind, Kind::Label) {
        return " class=\"num\"";
    }
    let short = |t: &str| report_core::text::display_width_em(t) <= SHORT_TEXT_EM;
    if short(heading) && cells.iter().flatten().all(|c| short(c)) {
        " class=\"keep\""
    } else {
        ""
    }
}

/// Appends one body cell to the table's HTML `h`. Pushed in place rather than built
/// with `format!`: a large table has one call per cell, and a `format!` string that
/// starts with an argument grows from nothing, a reallocation per piece.
fn push_cell_html(h: &mut String, cell: &Formatted, class: &str, first: bool) {
    let (open, close) = if first {
        ("<th scope=\"row\"", "</th>")
    } else {
        ("<td", "</td>")
    };
    h.push_str(open);
    h.push_str(class);
    h.push('>');
    match cell {
        Some(text) => h.push_str(&escape_html(text)),
        None => h.push_str(&missing_html()),
    }
    h.push_str(close);
}

/// The visible mark of a missing value.
pub(crate) fn missing_html() -> String {
    format!("<span class=\"report-missing\" title=\"数据待补充\">{MISSING}</span>")
}

/// A pipe table under `caption` (already Markdown, with its anchor).
fn markdown(columns: &[ColumnOut], caption: &str, unit_in_caption: bool, source: &str) -> String {
    let mut m = format!("{caption}\n\n|");
    for c in columns {
        m.push_str(&format!(
            " {} |",
            escape_markdown(&heading(c, unit_in_caption))
        ));
    }
    m.push_str("\n|");
    for c in columns {
        m.push_str(if matches!(c.kind, Kind::Label) {
            " --- |"
        } else {
            " ---: |"
        });
    }
    let rows = columns.first().map_or(0, |c| c.cells.len());
    let cell = |c: &Formatted| escape_markdown(c.as_deref().unwrap_or(MISSING));
    for r in 0..rows {
        m.push_str("\n|");
        for c in columns {
            m.push_str(&format!(" {} |", cell(&c.cells[r])));
        }
    }
    if columns.iter().any(|c| c.total.is_some()) {
        m.push_str("\n|");
        for c in columns {
            m.push_str(&format!(
                " {} |",
                cell(&c.total.clone().unwrap_or(Some(String::new())))
            ));
        }
    }
    m.push_str("\n\n");
    m.push_str(source);
    m
}

/// A box that scrolls `table` sideways when it is wider than the column, with shadows at
/// the edges while there is more to see (`assets/tables.css`); focusable, so that a
/// keyboard can scroll it too, and named `label` for screen readers.
pub(crate) fn scroll_box(label: &str, table: &str) -> String {
    format!(
        "<div class=\"report-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">{table}</div>",
        escape_html(label)
    )
}

/// A plain data table with no caption or number, for the data behind a chart; with
/// `numeric`, the columns after the first hold numbers and are right-aligned.
pub(crate) fn fallback_html(headings: &[String], rows: &[Vec<Formatted>], numeric: bool) -> String {
    let kind = |i: usize| {
        if i == 0 || !numeric {
            Kind::Label
        } else {
            Kind::Number
        }
    };
    let classes: Vec<&str> = headings
        .iter()
        .enumerate()
        .map(|(i, head)| {
            let cells: Vec<Formatted> = rows.iter().map(|r| r.get(i).cloned().flatten()).collect();
            column_class(&kind(i), head, &cells)
        })
        .collect();
    let mut h = String::from("<table><thead><tr>");
    for (head, class) in headings.iter().zip(&classes) {
        h.push_str(&format!(
            "<th scope=\"col\"{class}>{}</th>",
            heading_html(head)
        ));
    }
    h.push_str("</tr></thead><tbody>");
    for row in rows {
        h.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            push_cell_html(&mut h, cell, classes.get(i).copied().unwrap_or(""), i == 0);
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}
