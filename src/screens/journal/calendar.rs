//! The year at a glance: a calendar heatmap of the last twelve months, readable by keyboard
//! and screen reader, and the counts by kind and category for a chosen period.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use kindred_core::habits::{day_counts, tally, week_start, year_before, Period};
use kindred_core::journal::Kind;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::components::form_parts::ChoiceSelect;
use crate::state::AppState;
use crate::text;

/// Size of a day's square and the gap between squares, in SVG units.
const CELL: i64 = 12;
const GAP: i64 = 3;
/// Room for the weekday labels on the left and the month labels on top.
const LEFT: i64 = 30;
const TOP: i64 = 16;

#[component]
pub fn YourYear() -> impl IntoView {
    view! {
        <section class="your-year" aria-labelledby="your-year-heading">
            <h2 id="your-year-heading">{text::your_year()}</h2>
            // One of the two shows, by the width of the screen (the style sheet).
            <div class="year-view">
                <Calendar />
            </div>
            <div class="month-view">
                <super::month::MonthCalendar />
            </div>
            <Counts />
        </section>
    }
}

/// How dark a day's square is for its number of entries.
pub(super) fn level(count: u32) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        _ => 3,
    }
}

/// The calendar of the twelve months up to today, drawn again when the day changes.
#[component]
fn Calendar() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let today = state.today.get();
        view! { <CalendarTo today /> }
    }
}

/// The calendar of the twelve months up to `today`.
#[component]
fn CalendarTo(
    /// The last day shown.
    today: NaiveDate,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let first = year_before(today);
    let grid_start = week_start(first);
    let columns = (week_start(today) - grid_start).num_days() / 7 + 1;
    let counts = Memo::new(move |_| {
        state
            .model
            .with(|m| day_counts(m.journal.live(), first, today))
    });
    let count_on = move |day: NaiveDate| counts.with(|c| c.get(&day).copied().unwrap_or(0));
    let selected = RwSignal::new(today);
    let position = move |day: NaiveDate| {
        let offset = (day - grid_start).num_days();
        let row = i64::from(day.weekday().num_days_from_monday());
        (LEFT + (offset / 7) * (CELL + GAP), TOP + row * (CELL + GAP))
    };

    let move_by = move |ev: KeyboardEvent| {
        let current = selected.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowUp" => current.checked_sub_days(Days::new(1)),
            "ArrowDown" => current.checked_add_days(Days::new(1)),
            "ArrowLeft" => current.checked_sub_days(Days::new(7)),
            "ArrowRight" => current.checked_add_days(Days::new(7)),
            "Home" => Some(first),
            "End" => Some(today),
            _ => return,
        };
        ev.prevent_default();
        if let Some(next) = next {
            selected.set(next.clamp(first, today));
        }
    };

    let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= today).collect();
    let month_labels: Vec<(i64, &'static str)> = days
        .iter()
        .filter(|d| d.day() == 1)
        .map(|d| (position(*d).0, text::month_short(d.month0())))
        .collect();
    let width = LEFT + columns * (CELL + GAP);
    let height = TOP + 7 * (CELL + GAP);

    view! {
        <div
            class="calendar"
            tabindex="0"
            role="group"
            aria-label=text::calendar()
            aria-describedby="calendar-help calendar-day"
            on:keydown=move_by
        >
            <svg viewBox=format!("0 0 {width} {height}") aria-hidden="true" focusable="false">
                {month_labels
                    .into_iter()
                    .map(|(x, label)| view! { <text x=x y=TOP - 5 class="calendar-label">{label}</text> })
                    .collect_view()}
                {[(0, Weekday::Mon), (2, Weekday::Wed), (4, Weekday::Fri)]
                    .into_iter()
                    .map(|(row, day)| {
                        view! {
                            <text x=0 y=TOP + row * (CELL + GAP) + CELL - 2 class="calendar-label">
                                {text::weekday_short(day)}
                            </text>
                        }
                    })
                    .collect_view()}
                {move || {
                    days.iter()
                        .map(|&day| {
                            let (x, y) = position(day);
                            view! {
                                <rect
                                    x=x
                                    y=y
                                    width=CELL
                                    height=CELL
                                    rx=2
                                    class=format!("day level-{}", level(count_on(day)))
                                    on:click=move |_| selected.set(day)
                                ></rect>
                            }
                        })
                        .collect_view()
                }}
                {move || {
                    let (x, y) = position(selected.get());
                    view! {
                        <rect
                            x=x - 1
                            y=y - 1
                            width=CELL + 2
                            height=CELL + 2
                            rx=3
                            class="day-selected"
                        ></rect>
                    }
                }}
            </svg>
        </div>
        <p id="calendar-help" class="hint">{text::calendar_help()}</p>
        <p id="calendar-day" class="calendar-day" aria-live="polite">
            {move || text::calendar_day(selected.get(), count_on(selected.get()))}
        </p>
    }
}

/// Counts by kind and by category for a chosen period.
#[component]
fn Counts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let period = RwSignal::new(Period::Last12Months);
    let counts = Memo::new(move |_| {
        let (from, to) = period.get().days(state.today.get());
        state.model.with(|m| tally(m.journal.live(), from, to))
    });
    view! {
        <ChoiceSelect
            id="counts-period"
            label=text::period_label()
            options=Period::ALL.into_iter().map(|p| (p, text::period(p).to_string())).collect()
            chosen=Signal::derive(move || Some(period.get()))
            on_change=Callback::new(move |chosen: Option<Period>| {
                if let Some(p) = chosen {
                    period.set(p);
                }
            })
        />
        <div class="counts">
            <table>
                <caption>{text::counts_by_kind()}</caption>
                <tbody>
                    {Kind::ALL
                        .into_iter()
                        .enumerate()
                        .map(|(i, kind)| {
                            view! {
                                <tr>
                                    <th scope="row">{text::kind(kind)}</th>
                                    <td>{move || counts.with(|c| c.by_kind[i].1)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <table>
                <caption>{text::counts_by_category()}</caption>
                <tbody>
                    {move || {
                        let rows = counts.with(|c| c.by_category.clone());
                        if rows.is_empty() {
                            view! {
                                <tr>
                                    <td colspan="2">{text::no_categories_yet()}</td>
                                </tr>
                            }
                            .into_any()
                        } else {
                            rows.into_iter()
                                .map(|(category, n)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{text::category_name(&category).to_string()}</th>
                                            <td>{n}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }
                    }}
                </tbody>
            </table>
        </div>
    }
}
