//! Hand-made SVG charts (no chart library: a few hundred bytes of code
//! instead of tens of kilobytes). The geometry is plain functions, tested
//! natively; the SVG carries a text alternative, and the same figures are
//! always in a table beside it.

use leptos::prelude::*;

use crate::domain::Dec;

/// Points of a radar polygon: value i (0–100, None as 0) on spoke i, spokes
/// clockwise from the top, as "x,y x,y …" with one decimal.
pub fn radar_points(values: &[Option<Dec>], cx: f64, cy: f64, radius: f64) -> String {
    let n = values.len().max(1) as f64;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let share = v
                .map(|d| d.to_f64().clamp(0.0, 100.0) / 100.0)
                .unwrap_or(0.0);
            let (x, y) = spoke(i as f64, n, cx, cy, radius * share);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn spoke(i: f64, n: f64, cx: f64, cy: f64, r: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + i * std::f64::consts::TAU / n;
    (cx + r * angle.cos(), cy + r * angle.sin())
}

/// The index per field as a radar: one spoke per field, rings at 25, 50, 75
/// and 100%.
#[component]
pub fn IndexRadar(
    /// (field code, index) in the set's order.
    fields: Vec<(String, Option<Dec>)>,
    label: String,
) -> impl IntoView {
    let (cx, cy, r) = (160.0, 150.0, 110.0);
    let n = fields.len().max(1) as f64;
    let rings = [25.0, 50.0, 75.0, 100.0]
        .into_iter()
        .map(|p| {
            let ring: Vec<Option<Dec>> = vec![Some(Dec::from_int(p as i64)); fields.len()];
            view! { <polygon class="radar-ring" points=radar_points(&ring, cx, cy, r)/> }
        })
        .collect_view();
    let spokes = fields
        .iter()
        .enumerate()
        .map(|(i, (code, _))| {
            let (x, y) = spoke(i as f64, n, cx, cy, r);
            let (lx, ly) = spoke(i as f64, n, cx, cy, r + 16.0);
            view! {
                <line class="radar-spoke" x1=cx y1=cy x2=format!("{x:.1}") y2=format!("{y:.1}")/>
                <text class="radar-label" x=format!("{lx:.1}") y=format!("{:.1}", ly + 4.0) text-anchor="middle">{tf!("LV {code}", "F{code}")}</text>
            }
        })
        .collect_view();
    let values: Vec<Option<Dec>> = fields.iter().map(|(_, v)| *v).collect();
    view! {
        <svg class="radar" viewBox="0 0 320 300" role="img" aria-label=label>
            {rings}
            {spokes}
            <polygon class="radar-value" points=radar_points(&values, cx, cy, r)/>
        </svg>
    }
}

/// Length of a bar for a percentage (0–100, clamped; None is 0) on a scale
/// `width` long.
pub fn bar_length(value: Option<Dec>, width: f64) -> f64 {
    value.map_or(0.0, |v| v.to_f64().clamp(0.0, 100.0) / 100.0 * width)
}

/// Horizontal bars on a 0–100% scale: one group per row, one bar per series
/// (e.g. self-score and appraised score per field, or one index per agency),
/// with optional reference lines (the class thresholds).
#[component]
pub fn PercentBars(
    /// Series names, for the legend; each bar gets the class `bar-<i>`.
    series: Vec<&'static str>,
    /// (row label, one value per series).
    rows: Vec<(String, Vec<Option<Dec>>)>,
    /// Vertical reference lines: (percentage, label).
    #[prop(optional)]
    marks: Vec<(Dec, String)>,
    /// Width kept for the row labels, in SVG units.
    label_width: f64,
    /// The text alternative.
    label: String,
) -> impl IntoView {
    let plot = 560.0 - label_width;
    let bar = 14.0;
    let group = bar * series.len() as f64 + 10.0;
    let top = if series.len() > 1 { 26.0 } else { 8.0 };
    let height = top + group * rows.len() as f64 + 22.0;
    let x0 = label_width + 8.0;
    let legend = (series.len() > 1).then(|| {
        series
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let x = x0 + i as f64 * 170.0;
                view! {
                    <rect class=format!("bar-{i}") x=x y=4 width=12 height=12/>
                    <text class="bar-legend" x=x + 18.0 y=14>{*name}</text>
                }
            })
            .collect_view()
    });
    let grid = [0, 25, 50, 75, 100]
        .into_iter()
        .map(|p| {
            let x = x0 + plot * p as f64 / 100.0;
            view! {
                <line class="bar-grid" x1=x y1=top - 2.0 x2=x y2=height - 18.0/>
                <text class="bar-axis" x=x y=height - 4.0 text-anchor="middle">{format!("{p}%")}</text>
            }
        })
        .collect_view();
    let marks = marks
        .into_iter()
        .map(|(v, name)| {
            let x = x0 + bar_length(Some(v), plot);
            view! {
                <line class="bar-mark" x1=x y1=top - 2.0 x2=x y2=height - 18.0>
                    <title>{name}</title>
                </line>
            }
        })
        .collect_view();
    let groups = rows
        .into_iter()
        .enumerate()
        .map(|(r, (name, values))| {
            let y = top + r as f64 * group;
            let bars = values
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let w = bar_length(v, plot);
                    let by = y + i as f64 * bar;
                    let text = v.map_or("—".to_string(), |v| format!("{}%", v.shown_fixed2()));
                    view! {
                        <rect class=format!("bar-{i}") x=x0 y=by width=format!("{w:.1}") height=bar - 2.0/>
                        <text class="bar-value" x=format!("{:.1}", x0 + w + 4.0) y=by + bar - 4.0>{text}</text>
                    }
                })
                .collect_view();
            view! {
                <text class="bar-label" x=label_width y=y + group / 2.0 text-anchor="end">{name}</text>
                {bars}
            }
        })
        .collect_view();
    view! {
        <svg class="bars" viewBox=format!("0 0 640 {height:.0}") role="img" aria-label=label>
            {legend}
            {grid}
            {marks}
            {groups}
        </svg>
    }
}

/// Self-score against appraised score, as the index of each field.
pub fn field_bars(
    fields: &[crate::domain::Field],
    before: &crate::domain::ScoreReport,
    after: &crate::domain::ScoreReport,
    series: [&'static str; 2],
) -> impl IntoView {
    let pct = |i: Option<Dec>| i.map_or("—".to_string(), |i| format!("{}%", i.shown_fixed2()));
    let rows: Vec<(String, Vec<Option<Dec>>)> = fields
        .iter()
        .zip(before.fields.iter().zip(&after.fields))
        .map(|(f, (b, a))| (tf!("LV {}", "F{}", f.code), vec![b.index, a.index]))
        .collect();
    let label = tf!(
        "Biểu đồ chỉ số theo lĩnh vực, {} và {}: {}",
        "Index by field chart, {} and {}: {}",
        series[0].to_lowercase(),
        series[1].to_lowercase(),
        rows.iter()
            .map(|(f, v)| tf!("{f} {} và {}", "{f} {} and {}", pct(v[0]), pct(v[1])))
            .collect::<Vec<_>>()
            .join("; ")
    );
    view! {
        <figure class="chart">
            <figcaption>{t!("Chỉ số theo lĩnh vực: tự chấm và thẩm định", "Index by field: self-score and appraisal")}</figcaption>
            <PercentBars series=series.to_vec() rows label_width=52.0 label/>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::{bar_length, radar_points};

    #[test]
    fn bars_are_proportional_and_clamped() {
        assert_eq!(bar_length(Some(Dec::from_int(50)), 400.0), 200.0);
        assert_eq!(bar_length(Some(Dec::from_int(150)), 400.0), 400.0);
        assert_eq!(bar_length(Some(Dec::from_int(-5)), 400.0), 0.0);
        assert_eq!(bar_length(None, 400.0), 0.0);
    }
    use crate::domain::Dec;

    #[test]
    fn radar_spokes_start_at_the_top_and_go_clockwise() {
        let full = vec![Some(Dec::HUNDRED); 4];
        assert_eq!(
            radar_points(&full, 100.0, 100.0, 50.0),
            "100.0,50.0 150.0,100.0 100.0,150.0 50.0,100.0"
        );
        let half = vec![
            Some(Dec::from_int(50)),
            None,
            Some(Dec::from_int(200)),
            Some(Dec::ZERO),
        ];
        assert_eq!(
            radar_points(&half, 100.0, 100.0, 50.0),
            "100.0,75.0 100.0,100.0 100.0,150.0 100.0,100.0"
        );
    }
}
