use crate::tests::{YEARS, chart, exports, imports, ranges, series};
use crate::{Chart, ChartKind, render};

fn err(chart: Chart) -> String {
    render(&chart).unwrap_err()
}

#[test]
fn unusable_data_is_refused_with_the_fix() {
    assert_eq!(
        err(chart(ChartKind::Bar, &[], vec![])),
        "图表没有数据：数据集为空或筛选后没有行，请检查 rows=/where="
    );
    assert_eq!(
        err(chart(ChartKind::Bar, YEARS, vec![])),
        "图表没有数据：数据集为空或筛选后没有行，请检查 rows=/where="
    );
    let empty = series("出口额", &[None; 6], 1);
    assert_eq!(
        err(chart(ChartKind::Line, YEARS, vec![empty])),
        "系列「出口额」的数值全部缺失，无法作图：请补充数据，或用 y= 去掉这一列"
    );
    assert_eq!(
        err(chart(ChartKind::BarLine, YEARS, vec![exports()])),
        "柱线图缺少折线系列：请用 line=yoy（同比）或 line=列名 指定右轴上的折线"
    );
    let mut no_growth = chart(
        ChartKind::BarLine,
        &["2024"],
        vec![series("出口额", &[Some(1.0)], 1)],
    );
    no_growth.line = Some(series("同比", &[None], 1));
    assert_eq!(
        err(no_growth),
        "折线系列「同比」的数值全部缺失，无法作图：同比需要至少两期数据；请补充数据或检查 line="
    );
    let negative = chart(
        ChartKind::Pie,
        &["原料药", "制剂"],
        vec![series("同比", &[Some(3.0), Some(-1.5)], 1)],
    );
    assert_eq!(
        err(negative),
        "饼图不能画负数：「同比」在「制剂」为 -1.5，请改用 kind=bar"
    );
    let zero = chart(ChartKind::Donut, &["a"], vec![series("x", &[Some(0.0)], 0)]);
    assert_eq!(err(zero), "环形图的数值合计为 0，无法作图：请检查数据");
    assert_eq!(
        err(chart(ChartKind::Bar, YEARS, vec![exports(), imports()])),
        "柱状图只画一个系列，但收到 2 个（出口额、进口额）：多个系列请用 kind=grouped 或 kind=stacked；上下限请用 kind=range"
    );
    let nine: Vec<String> = (1..=9).map(|i| format!("第{i}类")).collect();
    let nine: Vec<&str> = nine.iter().map(String::as_str).collect();
    assert_eq!(
        err(chart(
            ChartKind::Pie,
            &nine,
            vec![series("x", &[Some(1.0); 9], 0)]
        )),
        "饼图最多 8 块，但有 9 块：请用 rows= 或 where= 选取，或改用 kind=hbar"
    );
    let mut short = exports();
    short.values.pop();
    assert_eq!(
        err(chart(ChartKind::Bar, YEARS, vec![short])),
        "图表数据不一致：系列「出口额」有 5 个值，但有 6 个类别"
    );
    let mut infinite = exports();
    infinite.values[1] = Some(f64::INFINITY);
    assert_eq!(
        err(chart(ChartKind::Bar, YEARS, vec![infinite])),
        "系列「出口额」在「2020」的数值无效（inf），请检查数据"
    );
}

#[test]
fn a_range_needs_a_low_and_a_high_column_in_that_order() {
    let mut one = ranges();
    one.series.pop();
    assert_eq!(
        err(one),
        "区间图需要两列（下限和上限），但收到 1 个（增速下限）：请写 y=下限列,上限列"
    );
    let mut swapped = ranges();
    swapped.series.swap(0, 1);
    assert_eq!(
        err(swapped),
        "区间图「新兴市场（东南亚、非洲、拉美）」的下限（增速上限，10）大于上限（增速下限，8）：y= 请先写下限列，再写上限列"
    );
    // A range with one end missing is not refused: it is marked 缺数据.
    let mut half = ranges();
    half.series[1].values[0] = None;
    assert!(render(&half).is_ok());
}
