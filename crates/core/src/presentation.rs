//! Presentation mode (`/presentasi`): the sequence of slides, their URLs,
//! and what each key does.
//!
//! Slides are numbered from 1 in the URL (`/presentasi/3`); `/presentasi`
//! is slide 1. Keys follow presentation software and clickers:
//! ArrowRight, Space and PageDown go forward; ArrowLeft and PageUp back;
//! Home and End to the first and last slide; Escape leaves for `/`.

use crate::Lang;

/// The slides, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slide {
    /// The program's headline figures.
    Headline,
    /// The featured signing event.
    Event,
    /// The provinces chart.
    Provinces,
    /// The largest partnership's history.
    Pair,
    /// The President's path, simulated.
    President,
}

impl Slide {
    /// Every slide, in order.
    pub const ALL: [Slide; 5] = [
        Slide::Headline,
        Slide::Event,
        Slide::Provinces,
        Slide::Pair,
        Slide::President,
    ];

    /// The slide at a 1-based number.
    pub fn at(number: usize) -> Option<Slide> {
        Slide::ALL.get(number.checked_sub(1)?).copied()
    }

    /// The 1-based number.
    pub fn number(self) -> usize {
        Slide::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// The slide's route.
    pub fn path(self) -> String {
        slide_path(self.number())
    }

    /// The slide's heading.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Slide::Headline, Lang::Id) => "Angka utama program kemitraan",
            (Slide::Headline, Lang::En) => "The partnership program in figures",
            (Slide::Event, Lang::Id) => "Penandatanganan 18 Januari 2021",
            (Slide::Event, Lang::En) => "The signing of 18 January 2021",
            (Slide::Provinces, Lang::Id) => "Provinsi UMKM dengan nilai komitmen terbesar",
            (Slide::Provinces, Lang::En) => "UMKM provinces with the largest committed value",
            (Slide::Pair, Lang::Id) => "Riwayat kemitraan terbesar",
            (Slide::Pair, Lang::En) => "The largest partnership, year by year",
            (Slide::President, Lang::Id) => "Jalur Presiden: Rp1 M, Rp5 M, Rp10 M",
            (Slide::President, Lang::En) => "The President's path: IDR 1B, 5B, 10B",
        }
    }
}

/// The URL of slide `number` (1-based).
pub fn slide_path(number: usize) -> String {
    format!("/presentasi/{number}")
}

/// Reads the `:n` of `/presentasi/:n`; `None` for anything that is not a
/// slide's number (the page says so and offers slide 1).
pub fn parse_slide(param: Option<&str>) -> Option<usize> {
    let n = match param {
        None => 1,
        Some(s) => {
            let s = s.trim();
            if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse::<usize>().ok()?
        }
    };
    Slide::at(n).map(|_| n)
}

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Go to the next slide.
    Next,
    /// Go to the slide before.
    Previous,
    /// Go to the first slide.
    First,
    /// Go to the last slide.
    Last,
    /// Leave the presentation.
    Leave,
}

/// The action of a `KeyboardEvent.key`; `None` for keys the mode leaves to
/// the browser.
pub fn key_action(key: &str) -> Option<Action> {
    match key {
        "ArrowRight" | " " | "Spacebar" | "PageDown" => Some(Action::Next),
        "ArrowLeft" | "PageUp" => Some(Action::Previous),
        "Home" => Some(Action::First),
        "End" => Some(Action::Last),
        "Escape" | "Esc" => Some(Action::Leave),
        _ => None,
    }
}

/// Where an action leads from slide `current` of `total`: `Some(n)` for a
/// slide (the same one at either end), `None` to leave the mode.
pub fn apply(action: Action, current: usize, total: usize) -> Option<usize> {
    let total = total.max(1);
    let current = current.clamp(1, total);
    match action {
        Action::Next => Some((current + 1).min(total)),
        Action::Previous => Some(current.saturating_sub(1).max(1)),
        Action::First => Some(1),
        Action::Last => Some(total),
        Action::Leave => None,
    }
}

/// "2 / 5" for the counter, and its spoken form.
pub fn counter(current: usize, total: usize, lang: Lang) -> (String, String) {
    let spoken = match lang {
        Lang::Id => format!("Salindia {current} dari {total}"),
        Lang::En => format!("Slide {current} of {total}"),
    };
    (format!("{current} / {total}"), spoken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slides_have_numbers_and_paths() {
        assert_eq!(Slide::at(1), Some(Slide::Headline));
        assert_eq!(Slide::at(5), Some(Slide::President));
        assert_eq!(Slide::at(0), None);
        assert_eq!(Slide::at(6), None);
        for (i, s) in Slide::ALL.iter().enumerate() {
            assert_eq!(s.number(), i + 1);
            assert_eq!(Slide::at(s.number()), Some(*s));
        }
        assert_eq!(Slide::Provinces.path(), "/presentasi/3");
    }

    #[test]
    fn slide_params() {
        assert_eq!(parse_slide(None), Some(1));
        assert_eq!(parse_slide(Some("3")), Some(3));
        assert_eq!(parse_slide(Some("05")), Some(5));
        assert_eq!(parse_slide(Some("0")), None);
        assert_eq!(parse_slide(Some("6")), None);
        assert_eq!(parse_slide(Some("-1")), None);
        assert_eq!(parse_slide(Some("+2")), None);
        assert_eq!(parse_slide(Some("x")), None);
        assert_eq!(parse_slide(Some("")), None);
        assert_eq!(parse_slide(Some("99999999999999999999")), None);
    }

    #[test]
    fn keys_step_and_stop_at_the_ends() {
        let go = |k: &str, at: usize| key_action(k).and_then(|a| apply(a, at, 5));
        assert_eq!(go("ArrowRight", 1), Some(2));
        assert_eq!(go(" ", 2), Some(3));
        assert_eq!(go("PageDown", 5), Some(5));
        assert_eq!(go("ArrowLeft", 3), Some(2));
        assert_eq!(go("PageUp", 1), Some(1));
        assert_eq!(go("Home", 4), Some(1));
        assert_eq!(go("End", 2), Some(5));
        assert_eq!(key_action("Escape"), Some(Action::Leave));
        assert_eq!(apply(Action::Leave, 2, 5), None);
        assert_eq!(key_action("a"), None);
        assert_eq!(key_action("Enter"), None);
        assert_eq!(apply(Action::Next, 9, 5), Some(5));
    }

    #[test]
    fn counter_reads_in_both_languages() {
        assert_eq!(
            counter(2, 5, Lang::Id),
            ("2 / 5".to_string(), "Salindia 2 dari 5".to_string())
        );
        assert_eq!(counter(2, 5, Lang::En).1, "Slide 2 of 5");
    }
}
