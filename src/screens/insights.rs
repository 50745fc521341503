//! Insights: how kindness and help have gone over the last months. Every chart is drawn for
//! the eye and repeated as a table for screen readers and for paper.

use chrono::Datelike;
use kindred_core::insights::{
    by_category, median_days_to_done, needs_by_month, people, weekly, MonthNeeds, Span, WeekBar,
};
use kindred_core::journal::Kind;
use leptos::prelude::*;

use super::ScreenHeading;
use crate::clock;
use crate::components::form_parts::ChoiceSelect;
use crate::screen::Screen;
use crate::state::AppState;
use crate::text;

/// How many people the reciprocity table lists.
const PEOPLE_SHOWN: usize = 10;

#[component]
pub fn InsightsScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let span = RwSignal::new(Span::SixMonths);
    let weeks = Memo::new(move |_| {
        state
            .model
            .with(|m| weekly(m.journal.live(), span.get(), today.get()))
    });
    let categories = Memo::new(move |_| {
        state
            .model
            .with(|m| by_category(m.journal.live(), span.get(), today.get()))
    });
    let people = Memo::new(move |_| {
        state
            .model
            .with(|m| people(m.journal.live(), span.get(), today.get(), PEOPLE_SHOWN))
    });
    let months = Memo::new(move |_| {
        state
            .model
            .with(|m| needs_by_month(m.needs.live(), span.get(), today.get(), clock::local_date))
    });
    let median = Memo::new(move |_| {
        state.model.with(|m| {
            median_days_to_done(m.needs.live(), span.get(), today.get(), clock::local_date)
        })
    });

    view! {
        <ScreenHeading screen=Screen::Insights />
        <ChoiceSelect
            id="insights-span"
            label=text::period_label()
            options=Span::ALL.into_iter().map(|s| (s, text::span(s).to_string())).collect()
            chosen=Signal::derive(move || Some(span.get()))
            on_change=Callback::new(move |chosen: Option<Span>| {
                if let Some(s) = chosen {
                    span.set(s);
                }
            })
        />
        <section aria-labelledby="per-week" class="insight">
            <h2 id="per-week">{text::kindness_per_week()}</h2>
            {move || {
                let weeks = weeks.get();
                if weeks.iter().all(|w| w.total() == 0) {
                    view! { <p>{text::no_kindness_in_period()}</p> }.into_any()
                } else {
                    week_chart(weeks).into_any()
                }
            }}
            <ByKind weeks />
        </section>
        <section aria-labelledby="per-category" class="insight">
            <h2 id="per-category">{text::counts_by_category()}</h2>
            {move || {
                let counts = categories.get();
                let mut rows: Vec<(String, u32)> = counts
                    .categories
                    .iter()
                    .map(|(c, n)| (text::category_name(c).to_string(), *n))
                    .collect();
                if counts.uncategorised > 0 {
                    rows.push((text::no_category().to_string(), counts.uncategorised));
                }
                if rows.is_empty() {
                    view! { <p>{text::no_categories_yet()}</p> }.into_any()
                } else {
                    bar_table(text::category(), rows).into_any()
                }
            }}
        </section>
        <section aria-labelledby="people" class="insight">
            <h2 id="people">{text::people_heading()}</h2>
            <p class="hint">{text::people_hint()}</p>
            {move || {
                let people = people.get();
                if people.is_empty() {
                    return view! { <p>{text::no_people()}</p> }.into_any();
                }
                view! {
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{text::person()}</th>
                                <th scope="col" class="number">{text::you_helped()}</th>
                                <th scope="col" class="number">{text::helped_you()}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {people
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <tr>
                                            <th scope="row">{p.name}</th>
                                            <td class="number">{p.you_helped}</td>
                                            <td class="number">{p.helped_you}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                    .into_any()
            }}
        </section>
        <section aria-labelledby="needs-per-month" class="insight">
            <h2 id="needs-per-month">{text::needs_per_month()}</h2>
            {move || {
                let months = months.get();
                if months.iter().all(|m| m.opened == 0 && m.done == 0) {
                    view! { <p>{text::no_needs_in_period()}</p> }.into_any()
                } else {
                    month_chart(months).into_any()
                }
            }}
            <p>
                {move || match median.get() {
                    Some(days) => text::median_days_to_done(days),
                    None => text::no_needs_done().to_string(),
                }}
            </p>
        </section>
    }
}

/// Width and height of a chart's drawing area, in SVG units: the same for every chart, so
/// that their labels come out the same size.
const CHART_WIDTH: u32 = 360;
const CHART_HEIGHT: u32 = 120;
/// Room under the bars for the month names.
const AXIS: u32 = 18;

/// Bars per week, stacked by kind, with the same figures as a table below (hidden on screen,
/// where the chart says it, and printed).
fn week_chart(weeks: Vec<WeekBar>) -> impl IntoView {
    let bar = CHART_WIDTH / (weeks.len() as u32).max(1);
    let tallest = weeks.iter().map(WeekBar::total).max().unwrap_or(0).max(1);
    let scale = |n: u32| n * CHART_HEIGHT / tallest;
    let bars = weeks
        .iter()
        .enumerate()
        .flat_map(|(i, week)| {
            let x = i as u32 * bar;
            let mut top = CHART_HEIGHT;
            [
                (Kind::Given, week.given),
                (Kind::Received, week.received),
                (Kind::Witnessed, week.witnessed),
            ]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(move |(kind, n)| {
                let height = scale(n).max(2);
                top = top.saturating_sub(height);
                view! {
                    <rect
                        x=x + 1
                        y=top
                        width=bar - 2
                        height=height
                        class=format!("bar kind-{}", kind.as_str())
                    ></rect>
                }
            })
            .collect::<Vec<_>>()
        })
        .collect_view();
    let week_rows = weeks
        .iter()
        .map(|w| {
            (
                text::full_date(w.week),
                vec![w.given, w.received, w.witnessed],
            )
        })
        .collect();
    // A month's name under its first week, unless the one before is too close to it.
    let mut last_label: Option<usize> = None;
    let month_names = weeks
        .iter()
        .enumerate()
        .filter(|(i, week)| {
            let new_month = *i == 0 || week.week.month() != weeks[i - 1].week.month();
            let room = last_label.is_none_or(|last| i - last >= 3);
            if new_month && room {
                last_label = Some(*i);
            }
            new_month && room
        })
        .map(|(i, week)| {
            view! {
                <text x=i as u32 * bar y=CHART_HEIGHT + AXIS - 4 class="chart-label">
                    {text::month_short(week.week.month0())}
                </text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {CHART_WIDTH} {}", CHART_HEIGHT + AXIS)
                preserveAspectRatio="xMinYMid meet"
                aria-hidden="true"
                focusable="false"
            >
                <text x=0 y=10 class="chart-label">{tallest}</text>
                {bars}
                {month_names}
            </svg>
            <figcaption class="legend" aria-hidden="true">
                {Kind::ALL
                    .into_iter()
                    .map(|kind| {
                        view! {
                            <span class="legend-item">
                                <span class=format!("swatch kind-{}", kind.as_str())></span>
                                {text::kind(kind)}
                            </span>
                        }
                    })
                    .collect_view()}
            </figcaption>
            <ChartTable
                caption=text::kindness_per_week()
                headings=vec![text::week_of(), text::kind(Kind::Given), text::kind(Kind::Received), text::kind(Kind::Witnessed)]
                rows=week_rows
            />
        </figure>
    }
}

/// The period's totals by kind, under the weekly chart.
#[component]
fn ByKind(
    /// The weekly bars whose totals are shown.
    weeks: Memo<Vec<WeekBar>>,
) -> impl IntoView {
    move || {
        let weeks = weeks.get();
        let total = |count: fn(&WeekBar) -> u32| weeks.iter().map(count).sum::<u32>();
        let rows = vec![
            (text::kind(Kind::Given).to_string(), total(|w| w.given)),
            (
                text::kind(Kind::Received).to_string(),
                total(|w| w.received),
            ),
            (
                text::kind(Kind::Witnessed).to_string(),
                total(|w| w.witnessed),
            ),
        ];
        view! {
            <h3>{text::counts_by_kind()}</h3>
            {bar_table(text::kind_label(), rows)}
        }
    }
}

/// A table of names and counts with a bar beside each count, for the eye.
fn bar_table(name_heading: &'static str, rows: Vec<(String, u32)>) -> impl IntoView {
    let most = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    view! {
        <table class="data-table bar-table">
            <thead>
                <tr>
                    <th scope="col">{name_heading}</th>
                    <th scope="col" class="number">{text::count()}</th>
                    <td aria-hidden="true"></td>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(name, n)| {
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td class="number">{n}</td>
                                <td class="bar-cell" aria-hidden="true">
                                    <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                                        <rect x=0 y=0 width=n * 100 / most height=10 class="bar"></rect>
                                    </svg>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Needs opened and done per month, side by side, with the same figures as a table.
fn month_chart(months: Vec<MonthNeeds>) -> impl IntoView {
    let group = CHART_WIDTH / (months.len() as u32).max(1);
    let bar = (group / 3).min(16);
    let tallest = months
        .iter()
        .map(|m| m.opened.max(m.done))
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = |n: u32| {
        if n == 0 {
            0
        } else {
            (n * CHART_HEIGHT / tallest).max(2)
        }
    };
    let bars = months
        .iter()
        .enumerate()
        .map(|(i, month)| {
            let x = i as u32 * group + 2;
            view! {
                <rect x=x y=CHART_HEIGHT - scale(month.opened) width=bar height=scale(month.opened) class="bar opened"></rect>
                <rect x=x + bar y=CHART_HEIGHT - scale(month.done) width=bar height=scale(month.done) class="bar done"></rect>
                <text x=x y=CHART_HEIGHT + AXIS - 4 class="chart-label">
                    {text::month_short(month.month.month0())}
                </text>
            }
        })
        .collect_view();
    let month_rows = months
        .iter()
        .map(|m| (text::month_year(m.month), vec![m.opened, m.done]))
        .collect();
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {CHART_WIDTH} {}", CHART_HEIGHT + AXIS)
                preserveAspectRatio="xMinYMid meet"
                aria-hidden="true"
                focusable="false"
            >
                <text x=0 y=10 class="chart-label">{tallest}</text>
                {bars}
            </svg>
            <figcaption class="legend" aria-hidden="true">
                <span class="legend-item">
                    <span class="swatch opened"></span>
                    {text::needs_opened()}
                </span>
                <span class="legend-item">
                    <span class="swatch done"></span>
                    {text::needs_done()}
                </span>
            </figcaption>
            <ChartTable
                caption=text::needs_per_month()
                headings=vec![text::month(), text::needs_opened(), text::needs_done()]
                rows=month_rows
            />
        </figure>
    }
}

/// A chart's figures as a table: what screen readers read and what is printed, while the
/// drawing above it is for the eye.
#[component]
fn ChartTable(
    /// The table's name: the chart's heading.
    caption: &'static str,
    /// The column headings, the row headings' first.
    headings: Vec<&'static str>,
    /// Each row's heading and figures.
    rows: Vec<(String, Vec<u32>)>,
) -> impl IntoView {
    view! {
        <div class="chart-table visually-hidden">
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {headings
                            .into_iter()
                            .enumerate()
                            .map(|(i, heading)| {
                                let figures = i > 0;
                                view! { <th scope="col" class:number=figures>{heading}</th> }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(heading, figures)| {
                            view! {
                                <tr>
                                    <th scope="row">{heading}</th>
                                    {figures
                                        .into_iter()
                                        .map(|n| view! { <td class="number">{n}</td> })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
