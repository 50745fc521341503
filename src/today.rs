//! Today's date where the reader is, as one signal that moves while the page stays open.
//!
//! A tab or an installed app is often left open for days. Everything the screen shows about
//! "today" (the journal's Today and Yesterday, follow-ups due and the app's badge, the weekly
//! goal, the day's idea, the calendar, insights, the date a new form starts with) reads this
//! one signal, [`crate::state::AppState::today`], inside its reactive closures, so that it all
//! moves together at local midnight. A date a button writes on a record (*Mark done*, *Log it*,
//! a helper chosen for a need) reads the signal too, so that the day written down is the one
//! the screen called today. Only what runs at the moment of an action and shows nothing reads
//! the clock itself ([`clock::today`]): a file's name, a form's check that a date is not in
//! the future.
//!
//! The date is read again from the clock:
//! - by a timer set for just after the next local midnight, set again each time the date is
//!   read. It never waits longer than [`LONGEST_WAIT`], so that a clock that changed under it
//!   (a new time zone, the clock set by hand, a device waking from sleep, while timers stood
//!   still) is caught within that time even if nothing else happens;
//! - when the page becomes visible again (`visibilitychange`) and when the window gets focus:
//!   a hidden tab's timers are throttled, and a phone freezes pages in the background.

use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::clock;

/// How long after local midnight the timer looks at the clock: timers are never early by
/// the spec, but the clock a timer counts by and `Date` can drift apart by a little.
const AFTER_MIDNIGHT: Duration = Duration::from_secs(1);
/// The longest the timer waits before it reads the clock again.
const LONGEST_WAIT: Duration = Duration::from_secs(10 * 60);

/// Starts following the date: today's date now, moved at local midnight and when the page
/// comes back into view. Call once, from the app's state.
pub fn follow() -> ReadSignal<NaiveDate> {
    let today = RwSignal::new(clock::today());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    set_timer(today, timer);
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            look_again(today, timer);
        }
    });
    let _ = window_event_listener(leptos::ev::focus, move |_| look_again(today, timer));
    today.read_only()
}

/// Reads the date from the clock, moves the signal if the day has changed, and sets the
/// timer again from the clock as it is now.
fn look_again(today: RwSignal<NaiveDate>, timer: StoredValue<Option<TimeoutHandle>>) {
    let date = clock::today();
    // Only a new day notifies: everything that reads the date is worked out again then.
    if today.get_untracked() != date {
        today.set(date);
    }
    set_timer(today, timer);
}

/// Replaces the pending timer with one for just after the next local midnight (or
/// [`LONGEST_WAIT`], if that is sooner).
fn set_timer(today: RwSignal<NaiveDate>, timer: StoredValue<Option<TimeoutHandle>>) {
    if let Some(pending) = timer.get_value() {
        pending.clear();
    }
    let wait = (until_midnight() + AFTER_MIDNIGHT).min(LONGEST_WAIT);
    let handle = set_timeout_with_handle(move || look_again(today, timer), wait).ok();
    timer.set_value(handle);
}

/// The time from now to the next local midnight, by the device's time zone (a day that
/// skips midnight for daylight saving ends when `Date` says the next day begins).
fn until_midnight() -> Duration {
    let now = js_sys::Date::new_0();
    let next_day = js_sys::Date::new_with_year_month_day(
        now.get_full_year(),
        now.get_month() as i32,
        now.get_date() as i32 + 1,
    );
    let millis = next_day.get_time() - now.get_time();
    if millis.is_finite() && millis > 0.0 {
        Duration::from_millis(millis as u64)
    } else {
        Duration::ZERO
    }
}
