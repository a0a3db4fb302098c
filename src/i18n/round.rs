//! Rounding as the national portal and Excel's ROUND do — half away from
//! zero at the campaign's precision — as floats for scores and as integers
//! for comparing and printing, all agreeing to the last digit.

/// Rounds half away from zero at `precision` decimals, as the national portal
/// and Excel's ROUND do. A value a hair below .5 only because of binary
/// floating point (1.005 is stored as 1.00499…) still rounds up.
pub fn round_to(x: f64, precision: u32) -> f64 {
    let out = scaled_round(x, precision) / 10f64.powi(precision as i32);
    if out == 0.0 { 0.0 } else { out }
}

/// `x × 10^precision`, rounded half away from zero to a whole number.
fn scaled_round(x: f64, precision: u32) -> f64 {
    round_scaled(x, 10f64.powi(precision as i32))
}

/// `x × scale` rounded half away from zero, `scale` being `10^precision`:
/// the integer behind [`round_to`], for loops that compare rounded points as
/// integers (sensitivity draws) and must agree with scoring to the last digit.
pub fn round_scaled(x: f64, scale: f64) -> f64 {
    let y = x * scale;
    // Below 2^52 the integer part converts exactly, so `as i64` is `trunc`
    // without a libm call (the sensitivity draws round 10^8 times); above,
    // every float is already whole.
    let whole = if y.abs() < 4_503_599_627_370_496.0 {
        ((y as i64) as f64).copysign(y)
    } else {
        y.trunc()
    };
    let frac = (y - whole).abs();
    let tol = (8.0 * f64::EPSILON * y.abs()).max(1e-9);
    // Half away from zero, and a hair under .5 from binary noise counts as .5.
    if frac >= 0.5 || (frac - 0.5).abs() < tol {
        whole + y.signum()
    } else {
        whole
    }
}

/// [`round_scaled`] as an integer, without a branch on the digits: the
/// sensitivity draws round 10^8 points, and a coin-flip branch per point
/// costs more than the arithmetic. `0.5 − frac < tol` is exactly
/// `frac ≥ 0.5 or |frac − 0.5| < tol` (the subtraction is exact near 0.5).
#[inline]
pub fn round_scaled_int(x: f64, scale: f64) -> i64 {
    let y = x * scale;
    #[allow(clippy::neg_cmp_op_on_partial_ord)] // NaN must take the slow path too
    if !(y.abs() < 4_503_599_627_370_496.0) {
        return round_scaled(x, scale) as i64;
    }
    let whole = y as i64;
    let frac = (y - whole as f64).abs();
    let tol = (8.0 * f64::EPSILON * y.abs()).max(1e-9);
    let sign = 1 - 2 * (y.to_bits() >> 63) as i64;
    whole + sign * i64::from(0.5 - frac < tol)
}

/// Formats `x` rounded to `precision` decimals (half away from zero).
pub fn fmt_num(x: f64, precision: u32) -> String {
    let mut s = String::with_capacity(12);
    write_num(&mut s, x, precision);
    s
}

/// Appends `x` rounded to `precision` decimals, through integer digits:
/// exact, and far cheaper than float formatting in the hot output loops.
pub fn write_num(out: &mut String, x: f64, precision: u32) {
    use std::fmt::Write;
    let r = scaled_round(x, precision);
    if !r.is_finite() || r.abs() >= 9.0e15 || precision > 9 {
        let _ = write!(out, "{:.*}", precision as usize, round_to(x, precision));
        return;
    }
    let r = r as i64;
    if r < 0 {
        out.push('-');
    }
    // Digits of |r| right to left, with the decimal point `precision` from the end.
    let mut buf = [0u8; 24];
    let (mut a, mut i, mut written) = (r.unsigned_abs(), buf.len(), 0u32);
    while a > 0 || written <= precision {
        if written == precision && precision > 0 {
            i -= 1;
            buf[i] = b'.';
        }
        i -= 1;
        buf[i] = b'0' + (a % 10) as u8;
        a /= 10;
        written += 1;
    }
    out.push_str(std::str::from_utf8(&buf[i..]).expect("ASCII digits"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_rounding_agrees_with_trunc_and_round_everywhere() {
        // What `round_scaled` computed with libm's trunc and round.
        fn reference(x: f64, scale: f64) -> f64 {
            let y = x * scale;
            let frac = (y - y.trunc()).abs();
            let tol = (8.0 * f64::EPSILON * y.abs()).max(1e-9);
            if (frac - 0.5).abs() < tol {
                y.trunc() + y.signum()
            } else {
                y.round()
            }
        }
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut xs = vec![
            0.0, -0.0, 0.5, -0.5, 1.005, 2.675, 18.125, -18.125, 4.5e15, -9.1e18,
        ];
        xs.extend([
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN_POSITIVE,
        ]);
        for _ in 0..200_000 {
            let r = next();
            let x = match r % 4 {
                0 => (r >> 11) as f64 / (1u64 << 53) as f64 * 100.0,
                1 => ((r >> 20) % 100_000) as f64 / 1000.0 + 0.0005,
                2 => -(((r >> 20) % 10_000) as f64 + 0.5) / 100.0,
                _ => f64::from_bits(r),
            };
            xs.push(x);
        }
        for x in xs {
            for scale in [1.0, 10.0, 100.0, 1e6] {
                let (got, want) = (round_scaled(x, scale), reference(x, scale));
                assert!(
                    got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                    "{x} × {scale}: {got} vs {want}"
                );
                if want.abs() < 9.0e18 {
                    assert_eq!(round_scaled_int(x, scale), want as i64, "{x} × {scale}");
                }
            }
        }
    }
}
