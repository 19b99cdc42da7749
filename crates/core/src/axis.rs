//! The value axis of a money chart: its range, whether it is logarithmic,
//! and its tick values.
//!
//! Ticks are whole rupiah chosen with integer math (1, 2 or 5 times a power
//! of ten on a linear axis, powers of ten on a log axis), so an axis label
//! is formatted by `money::format_short` like every other amount and never
//! passes through a float. Only the position of a value on the axis
//! ([`Axis::position`]) is a float, because it becomes a pixel.

use crate::Rupiah;

/// Above this ratio of the largest to the smallest positive value, a linear
/// axis squashes the small values into one line: use a log axis.
pub const LOG_RATIO: i64 = 1_000;

/// A chart's value axis: its range, scale and ticks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Axis {
    /// The bottom of the axis: 0 on a linear axis, a power of ten on a log
    /// axis.
    pub min: Rupiah,
    /// The top of the axis, at or above the largest value.
    pub max: Rupiah,
    /// True for a logarithmic axis (see [`LOG_RATIO`]).
    pub log: bool,
    /// Tick values from the bottom up, all within `min..=max`.
    pub ticks: Vec<Rupiah>,
}

const MAX: i128 = i64::MAX as i128;

/// The smallest "nice" step (1, 2 or 5 times a power of ten) not below
/// `raw`.
fn nice_step(raw: i128) -> i128 {
    let raw = raw.max(1);
    let mut pow: i128 = 1;
    loop {
        for m in [1, 2, 5] {
            if m * pow >= raw {
                return m * pow;
            }
        }
        pow *= 10;
    }
}

/// The largest power of ten not above `v` (v >= 1).
fn floor_pow10(v: i128) -> i128 {
    let mut p: i128 = 1;
    while p * 10 <= v {
        p *= 10;
    }
    p
}

impl Axis {
    /// An axis for `values`, with about `max_ticks` ticks (at least 2).
    ///
    /// A linear axis starts at 0. When the next of `thresholds` above the
    /// largest value is at most twice that value, the axis reaches it, so
    /// the reader sees how far the next class is (Rp10 miliar on an axis to
    /// Rp15 miliar). A log axis is used when the largest value is more than
    /// [`LOG_RATIO`] times the smallest positive one; zeros then sit at the
    /// bottom. Values of `i64::MAX` (saturated) end the axis there.
    pub fn for_values(values: &[Rupiah], thresholds: &[Rupiah], max_ticks: usize) -> Axis {
        let max_ticks = max_ticks.max(2);
        let vmax = values.iter().map(|v| v.0).max().unwrap_or(0).max(0);
        let vmin_pos = values.iter().map(|v| v.0).filter(|v| *v > 0).min();
        match vmin_pos {
            Some(lo) if i128::from(vmax) > i128::from(lo) * i128::from(LOG_RATIO) => {
                Axis::log(lo, vmax, max_ticks)
            }
            _ => Axis::linear(vmax, thresholds, max_ticks),
        }
    }

    fn linear(vmax: i64, thresholds: &[Rupiah], max_ticks: usize) -> Axis {
        let mut top = i128::from(vmax);
        if top == 0 {
            // Nothing to show: a small axis so the chart is not empty.
            top = 1_000_000;
        }
        if let Some(next) = thresholds
            .iter()
            .map(|t| i128::from(t.0))
            .filter(|t| *t > top)
            .min()
        {
            if next <= top * 2 {
                top = next;
            }
        }
        let step = nice_step((top + (max_ticks as i128 - 2)) / (max_ticks as i128 - 1));
        let steps = (top + step - 1) / step;
        let max = (steps * step).min(MAX);
        let mut ticks = Vec::new();
        let mut t: i128 = 0;
        while t <= max {
            ticks.push(Rupiah(t as i64));
            t += step;
        }
        Axis {
            min: Rupiah::ZERO,
            max: Rupiah(max as i64),
            log: false,
            ticks,
        }
    }

    fn log(lo: i64, hi: i64, max_ticks: usize) -> Axis {
        let min = floor_pow10(i128::from(lo));
        let floor_hi = floor_pow10(i128::from(hi));
        let max = if floor_hi == i128::from(hi) {
            floor_hi
        } else {
            (floor_hi * 10).min(MAX)
        };
        let mut decades = Vec::new();
        let mut p = min;
        while p <= max {
            decades.push(p);
            p *= 10;
        }
        // Every k-th decade, counted from the top, so the largest is labelled.
        let k = decades.len().div_ceil(max_ticks).max(1);
        let n = decades.len();
        let ticks = decades
            .iter()
            .enumerate()
            .filter(|(i, _)| (n - 1 - i) % k == 0)
            .map(|(_, v)| Rupiah(*v as i64))
            .collect();
        Axis {
            min: Rupiah(min as i64),
            max: Rupiah(max as i64),
            log: true,
            ticks,
        }
    }

    /// Where `v` sits on the axis, from 0.0 (bottom) to 1.0 (top); values
    /// outside are clamped. For drawing only.
    pub fn position(&self, v: Rupiah) -> f64 {
        let (min, max) = (self.min.0 as f64, self.max.0 as f64);
        let f = if self.log {
            let v = (v.0 as f64).max(min);
            (v.log10() - min.log10()) / (max.log10() - min.log10())
        } else {
            (v.0 as f64 - min) / (max - min)
        };
        if f.is_finite() {
            f.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::size_class::SALES_LIMITS;

    fn m(n: i64) -> Rupiah {
        Rupiah::miliar(n)
    }

    #[test]
    fn the_presidents_path_reaches_the_next_class() {
        let a = Axis::for_values(&[m(1), m(5), m(10)], &SALES_LIMITS, 5);
        assert!(!a.log);
        assert_eq!(a.max, m(15));
        assert_eq!(a.ticks, vec![m(0), m(5), m(10), m(15)]);
        assert_eq!(a.position(m(15)), 1.0);
        assert_eq!(a.position(Rupiah::ZERO), 0.0);
    }

    #[test]
    fn a_far_threshold_is_not_reached() {
        let a = Axis::for_values(&[Rupiah::juta(300)], &SALES_LIMITS, 5);
        assert_eq!(a.max, Rupiah::juta(300));
        assert_eq!(a.ticks.len(), 4);
        assert_eq!(a.ticks[1], Rupiah::juta(100));
    }

    #[test]
    fn linear_ticks_are_nice_and_cover_the_top() {
        let a = Axis::for_values(&[Rupiah(7_300_000)], &[], 6);
        assert_eq!(a.ticks.last(), Some(&a.max));
        assert!(a.max >= Rupiah(7_300_000));
        assert!(a.ticks.len() <= 7);
        assert_eq!(a.ticks[1], Rupiah(2_000_000));
    }

    #[test]
    fn all_zero_still_gives_an_axis() {
        let a = Axis::for_values(&[Rupiah::ZERO, Rupiah::ZERO], &[], 5);
        assert!(a.max > Rupiah::ZERO);
        assert!(a.ticks.len() >= 2);
        let a = Axis::for_values(&[], &[], 5);
        assert!(a.max > Rupiah::ZERO);
    }

    #[test]
    fn wide_ranges_are_logarithmic() {
        let a = Axis::for_values(&[m(1), Rupiah(i64::MAX)], &SALES_LIMITS, 6);
        assert!(a.log);
        assert_eq!(a.min, m(1));
        assert_eq!(a.max, Rupiah(i64::MAX));
        assert!(a.ticks.len() <= 6);
        assert_eq!(a.ticks.last(), Some(&Rupiah(1_000_000_000_000_000_000)));
        assert!(a.ticks.iter().all(|t| *t >= a.min && *t <= a.max));
        assert_eq!(a.position(Rupiah::ZERO), 0.0);
        assert_eq!(a.position(Rupiah(i64::MAX)), 1.0);
        let mid = a.position(Rupiah(1_000_000_000_000_000));
        assert!(mid > 0.5 && mid < 1.0);
        // 1000x exactly is still linear.
        assert!(!Axis::for_values(&[Rupiah::juta(1), m(1)], &[], 5).log);
        assert!(Axis::for_values(&[Rupiah::juta(1), Rupiah(1_000_000_001)], &[], 5).log);
    }

    #[test]
    fn saturated_linear_axis_does_not_overflow() {
        let a = Axis::for_values(&[Rupiah(i64::MAX)], &[], 5);
        assert_eq!(a.max, Rupiah(i64::MAX));
        assert!(a.ticks.iter().all(|t| *t <= a.max));
        let p = a.position(Rupiah(i64::MAX));
        assert!(p.is_finite());
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(1), 1);
        assert_eq!(nice_step(3), 5);
        assert_eq!(nice_step(11), 20);
        assert_eq!(nice_step(3_000_000_000), 5_000_000_000);
    }
}
