//! The browser's clock, read through JavaScript's `Date` so that chrono needs no browser
//! support of its own. The domain takes these values as arguments.

use chrono::{DateTime, NaiveDate, Utc};

/// Now, in UTC.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Today's date where the reader is (their device's time zone), read now: for the moment of
/// an action. What the screen shows reads `AppState::today`, which moves at midnight.
pub fn today() -> NaiveDate {
    let date = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_default()
}

/// The date a moment fell on where the reader is.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_default()
}

/// The time of day a moment fell on where the reader is, as a 24-hour clock shows it
/// ("09:05"), with the date before it when that was not today.
pub fn local_time(at: DateTime<Utc>) -> String {
    let (day, time) = local_moment(at);
    let time = time.format("%H:%M");
    if day == today() {
        time.to_string()
    } else {
        format!("{} {time}", day.format("%Y-%m-%d"))
    }
}

/// The date and time of day a moment fell on where the reader is.
pub fn local_moment(at: DateTime<Utc>) -> (NaiveDate, chrono::NaiveTime) {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    let time = chrono::NaiveTime::from_hms_opt(date.get_hours(), date.get_minutes(), 0)
        .unwrap_or_default();
    (local_date(at), time)
}
