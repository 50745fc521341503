//! The calendar one month at a time, for a phone: days large enough to read and to tap, in
//! text that grows with Large text. The year's heatmap takes its place on wider screens.

use chrono::{Datelike, Months, NaiveDate, Weekday};
use kindred_core::habits::{day_counts, year_before};
use leptos::prelude::*;

use super::calendar::level;
use crate::state::AppState;
use crate::text;

/// The month with `day` in it, as its first day.
fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The month calendar of the twelve months up to today, opening on this month.
#[component]
pub fn MonthCalendar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let first = Memo::new(move |_| year_before(today.get()));
    // Until the person moves, the month and the day chosen follow today, past midnight too.
    let month_chosen = RwSignal::new(None::<NaiveDate>);
    let day_chosen = RwSignal::new(None::<NaiveDate>);
    let month = Memo::new(move |_| month_chosen.get().unwrap_or(first_of_month(today.get())));
    let selected = Memo::new(move |_| day_chosen.get().unwrap_or(today.get()));
    let step = move |forward: bool| {
        let now = month.get_untracked();
        let next = if forward {
            now.checked_add_months(Months::new(1))
        } else {
            now.checked_sub_months(Months::new(1))
        };
        month_chosen.set(Some(next.unwrap_or(now)));
    };
    let counts = Memo::new(move |_| {
        let (first, today) = (first.get(), today.get());
        state
            .model
            .with(|m| day_counts(m.journal.live(), first, today))
    });
    let count_on = move |day: NaiveDate| counts.with(|c| c.get(&day).copied().unwrap_or(0));
    let can_go_back = move || month.get() > first_of_month(first.get());
    let can_go_on = move || month.get() < first_of_month(today.get());
    let weeks = move || {
        let start = month.get();
        let lead = start.weekday().num_days_from_monday() as usize;
        let mut cells: Vec<Option<NaiveDate>> = vec![None; lead];
        cells.extend(
            start
                .iter_days()
                .take_while(|d| d.month() == start.month())
                .map(Some),
        );
        while !cells.len().is_multiple_of(7) {
            cells.push(None);
        }
        cells.chunks(7).map(<[_]>::to_vec).collect::<Vec<_>>()
    };
    let week = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    view! {
        <div class="month-calendar">
            <div class="month-nav">
                <button
                    disabled=move || !can_go_back()
                    on:click=move |_| step(false)
                >
                    {text::previous_month()}
                </button>
                <button
                    disabled=move || !can_go_on()
                    on:click=move |_| step(true)
                >
                    {text::next_month()}
                </button>
            </div>
            <table>
                <caption>{move || text::month_year(month.get())}</caption>
                <thead>
                    <tr>
                        {week
                            .into_iter()
                            .map(|d| view! { <th scope="col" abbr=text::weekday(d)>{text::weekday_short(d)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        weeks()
                            .into_iter()
                            .map(|days| {
                                view! {
                                    <tr>
                                        {days
                                            .into_iter()
                                            .map(|day| {
                                                let shown = day.filter(|d| *d >= first.get() && *d <= today.get());
                                                view! {
                                                    <td>
                                                        {match (day, shown) {
                                                            (_, Some(day)) => {
                                                                let count = count_on(day);
                                                                view! {
                                                                    <button
                                                                        class=format!("month-day level-{}", level(count))
                                                                        aria-label=text::calendar_day(day, count)
                                                                        aria-pressed=move || (selected.get() == day).to_string()
                                                                        on:click=move |_| day_chosen.set(Some(day))
                                                                    >
                                                                        {day.day()}
                                                                    </button>
                                                                }
                                                                    .into_any()
                                                            }
                                                            (Some(day), None) => {
                                                                view! { <span class="month-day outside">{day.day()}</span> }.into_any()
                                                            }
                                                            (None, _) => ().into_any(),
                                                        }}
                                                    </td>
                                                }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <p class="calendar-day" aria-live="polite">
                {move || text::calendar_day(selected.get(), count_on(selected.get()))}
            </p>
        </div>
    }
}
