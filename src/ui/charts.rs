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
                <text class="radar-label" x=format!("{lx:.1}") y=format!("{:.1}", ly + 4.0) text-anchor="middle">{format!("LV {code}")}</text>
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

#[cfg(test)]
mod tests {
    use super::radar_points;
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
