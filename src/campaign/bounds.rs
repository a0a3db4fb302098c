//! How many points a plan may give: enough for any real plan, few enough
//! that every total stays exact and never prints `inf` (`points: 1e308`
//! once graded every unit "Xuất sắc").

/// The most points a criterion, a penalty, `max_total`, the criteria
/// together or a `--weights` overlay may give: far above any plan (100, or
/// 1.000 on the largest scales), far below where totals would stop being
/// exact and print `inf`. The messages `PointsTooLarge` and
/// `PointsSumTooLarge` say it in words.
pub const MAX_POINTS: f64 = 1_000_000.0;

/// Points too large for a plan, and how to write them in a message: 1e308
/// as `1e308`, not as 309 digits.
pub(super) fn too_many_points(x: f64) -> Option<String> {
    (x > MAX_POINTS).then(|| {
        if x.is_finite() && x < 1e15 {
            format!("{x}")
        } else {
            format!("{x:e}")
        }
    })
}
