//! Today's date from the browser clock, for agreement status.

use chrono::NaiveDate;

/// The user's local calendar date. Falls back to the Unix epoch only if the
/// browser reports an impossible date, which would show every agreement as
/// upcoming rather than crash the page.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}
