//! Dates written the Indonesian way (`18 Januari 2021`) and in English.
//!
//! Formatted here rather than with the browser's `Intl.DateTimeFormat`
//! because its output for `id-ID` varies between browsers and versions, and
//! these strings are tested. Only calendar dates (`NaiveDate`) are handled:
//! signing and contract dates are days, not instants, so no time zone (WIB,
//! WITA, WIT) can shift them by one.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::lang::Lang;

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Name of month `month` (1 = January), `None` outside 1..=12.
pub fn month_name(month: u32, lang: Lang) -> Option<&'static str> {
    let idx = usize::try_from(month.checked_sub(1)?).ok()?;
    match lang {
        Lang::Id => MONTHS_ID.get(idx).copied(),
        Lang::En => MONTHS_EN.get(idx).copied(),
    }
}

/// Day name. Indonesian weeks are usually listed from Senin (Monday); note
/// the spelling "Jumat" (EYD), not "Jum'at".
pub fn weekday_name(day: Weekday, lang: Lang) -> &'static str {
    match (day, lang) {
        (Weekday::Mon, Lang::Id) => "Senin",
        (Weekday::Tue, Lang::Id) => "Selasa",
        (Weekday::Wed, Lang::Id) => "Rabu",
        (Weekday::Thu, Lang::Id) => "Kamis",
        (Weekday::Fri, Lang::Id) => "Jumat",
        (Weekday::Sat, Lang::Id) => "Sabtu",
        (Weekday::Sun, Lang::Id) => "Minggu",
        (Weekday::Mon, Lang::En) => "Monday",
        (Weekday::Tue, Lang::En) => "Tuesday",
        (Weekday::Wed, Lang::En) => "Wednesday",
        (Weekday::Thu, Lang::En) => "Thursday",
        (Weekday::Fri, Lang::En) => "Friday",
        (Weekday::Sat, Lang::En) => "Saturday",
        (Weekday::Sun, Lang::En) => "Sunday",
    }
}

/// `18 Januari 2021` / `18 January 2021`: day without leading zero, month
/// in words, so the date cannot be misread as US month/day order. Years
/// before 1 or after 9999 are printed as chrono gives them (signed).
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    // A NaiveDate's month is always 1..=12; the fallback is unreachable.
    let month = month_name(date.month(), lang).unwrap_or("?");
    format!("{} {} {}", date.day(), month, date.year())
}

/// `Senin, 18 Januari 2021` / `Monday, 18 January 2021`.
pub fn format_date_long(date: NaiveDate, lang: Lang) -> String {
    format!(
        "{}, {}",
        weekday_name(date.weekday(), lang),
        format_date(date, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn signing_day_was_a_monday() {
        let signing = d(2021, 1, 18);
        assert_eq!(signing.weekday(), Weekday::Mon);
        assert_eq!(format_date(signing, Lang::Id), "18 Januari 2021");
        assert_eq!(format_date(signing, Lang::En), "18 January 2021");
        assert_eq!(
            format_date_long(signing, Lang::Id),
            "Senin, 18 Januari 2021"
        );
        assert_eq!(
            format_date_long(signing, Lang::En),
            "Monday, 18 January 2021"
        );
    }

    #[test]
    fn all_indonesian_months() {
        let expected = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        for (i, name) in expected.iter().enumerate() {
            assert_eq!(month_name(i as u32 + 1, Lang::Id), Some(*name));
        }
        assert_eq!(month_name(5, Lang::En), Some("May"));
        assert_eq!(month_name(0, Lang::Id), None);
        assert_eq!(month_name(13, Lang::En), None);
        assert_eq!(month_name(u32::MAX, Lang::Id), None);
    }

    #[test]
    fn all_indonesian_days() {
        // 18..=24 January 2021 runs Monday to Sunday.
        let expected = [
            "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
        ];
        for (i, name) in expected.iter().enumerate() {
            let day = d(2021, 1, 18 + i as u32);
            assert_eq!(weekday_name(day.weekday(), Lang::Id), *name);
        }
        assert_eq!(weekday_name(Weekday::Sun, Lang::En), "Sunday");
    }

    #[test]
    fn other_dates() {
        // PMK 112/PMK.03/2022: 16-digit NPWP from 14 July 2022 (a Thursday).
        assert_eq!(
            format_date_long(d(2022, 7, 14), Lang::Id),
            "Kamis, 14 Juli 2022"
        );
        assert_eq!(format_date(d(2021, 12, 31), Lang::Id), "31 Desember 2021");
        assert_eq!(format_date(d(2024, 2, 29), Lang::En), "29 February 2024");
        assert_eq!(format_date(d(2021, 1, 1), Lang::Id), "1 Januari 2021");
        assert_eq!(format_date(NaiveDate::MAX, Lang::Id), "31 Desember 262142");
    }
}
