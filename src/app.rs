//! The app shell: navigation, alerts, the status line and the current screen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use kindred_core::settings::Theme;

use crate::alerts::Alerts;
use crate::dom::focus;
use crate::routes::current_screen;
use crate::screen::Screen;
use crate::screens;
use crate::state::AppState;
use crate::text;

pub fn start() {
    // The page's first paint (index.html) stood in for the app until now; both change in one
    // task, so the browser never paints them together.
    if let Some(first_paint) = document().get_element_by_id(FIRST_PAINT) {
        first_paint.remove();
    }
    mount_to_body(App);
    // Marks the moment the app is on screen and usable, for the start-up benchmark.
    if let Some(performance) = window().performance() {
        let _ = performance.mark(STARTED_MARK);
    }
}

/// The name of the performance mark set once the app has started.
const STARTED_MARK: &str = "kindred:started";

/// The id of the frame index.html shows while the app's code arrives.
const FIRST_PAINT: &str = "first-paint";

#[component]
fn App() -> impl IntoView {
    let failed_screen = crate::crash::failed_last_time();
    if failed_screen.is_some() {
        // The last start stopped on a screen: open Settings, where the backup is, instead.
        let _ = window().history().and_then(|h| {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#/settings"))
        });
    }
    let state = AppState::start();
    if let Some(address) = failed_screen {
        let screen = Screen::from_fragment(&address).title().to_string();
        state
            .alerts
            .update(|alerts| alerts.push(crate::state::Alert::ScreenFailed(screen)));
    }
    provide_context(state);
    provide_context(crate::group_folder::GroupFolder::start(state));
    Effect::new(move |_| {
        let (theme, large_text) = state
            .model
            .with(|m| (m.settings.theme, m.settings.large_text));
        apply_display_settings(theme, large_text);
    });
    // A new language redraws the whole interface: every text is read while drawing, so
    // nothing can be left in the old language. The data and what is unsaved live in the
    // state, outside what is redrawn.
    move || {
        let language = state.language.get();
        kindred_i18n::set_language(language);
        crate::crash::install(
            text::screen_failed().to_string(),
            text::start_again().to_string(),
        );
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", kindred_i18n::tag(language));
        }
        view! { <Shell /> }
    }
}

/// Puts the colour and text-size settings on the page's root element, where the style sheet
/// reads them: `data-theme` only when the person chose one over the device's.
fn apply_display_settings(theme: Theme, large_text: bool) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        Theme::Light => root.set_attribute("data-theme", "light"),
        Theme::Dark => root.set_attribute("data-theme", "dark"),
    };
    let _ = root
        .class_list()
        .toggle_with_force("large-text", large_text);
}

#[component]
fn Shell() -> impl IntoView {
    let state = expect_context::<AppState>();
    let screen = current_screen();
    let follow_ups_due = Memo::new(move |_| {
        let today = state.today.get();
        state
            .model
            .with(|m| m.needs.live().filter(|n| n.follow_up_due(today)).count())
    });
    let any_due = move || follow_ups_due.get() > 0;
    // The installed app's icon shows the same count, where the browser can.
    Effect::new(move |_| set_app_badge(follow_ups_due.get()));

    // Moves focus to the new screen's heading after navigation, so that screen-reader and
    // keyboard users land where sighted users look; and names the tab after the screen.
    Effect::new(move |previous: Option<Screen>| {
        let current = screen.get();
        document().set_title(&format!("{} · {}", current.title(), text::app_name()));
        if previous.is_some_and(|p| p != current) {
            request_animation_frame(focus_heading);
        }
        current
    });

    view! {
        <button class="skip-link" on:click=move |_| focus_heading()>
            {text::skip_to_content()}
        </button>
        <header class="app-header">
            <p class="brand">
                <span class="brand-name">{text::app_name()}</span>
                <span class="tagline">{text::tagline()}</span>
            </p>
            <nav aria-label=text::main_nav()>
                <ul>
                    {Screen::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <a
                                        href=s.href()
                                        aria-current=move || (screen.get() == s).then_some("page")
                                        aria-describedby=move || {
                                            (s == Screen::Needs && any_due())
                                                .then_some("follow-ups-due")
                                        }
                                    >
                                        {s.title()}
                                        {(s == Screen::Needs)
                                            .then(|| {
                                                view! {
                                                    <Show when=any_due>
                                                        <span class="nav-badge" aria-hidden="true">
                                                            {move || follow_ups_due.get()}
                                                        </span>
                                                    </Show>
                                                }
                                            })}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <span id="follow-ups-due" class="visually-hidden">
                {move || text::follow_ups_due(follow_ups_due.get())}
            </span>
        </header>
        <Show when=move || state.update_ready.get()>
            <div class="update-notice" role="status">
                <p>{text::update_ready()}</p>
                <button class="primary" on:click=|_| crate::offline::apply_update()>
                    {text::reload_to_update()}
                </button>
            </div>
        </Show>
        <Alerts />
        <main id="content">
            {move || screens::view(screen.get())}
        </main>
        <div class="status-bar" class:shown=move || state.status.with(|s| !s.is_empty())>
            <p class="status" role="status">
                {move || state.status.get()}
            </p>
            <Show when=move || state.status.with(|s| !s.is_empty())>
                <button
                    class="quiet hide-status"
                    aria-label=text::hide_message()
                    title=text::hide_message()
                    on:click=move |_| state.status.set(String::new())
                >
                    <span aria-hidden="true">"×"</span>
                </button>
            </Show>
        </div>
    }
}

/// Shows a count on the installed app's icon (the Badging API), where the browser has it.
fn set_app_badge(count: usize) {
    let navigator = window().navigator();
    let name = if count > 0 {
        "setAppBadge"
    } else {
        "clearAppBadge"
    };
    let Ok(function) = js_sys::Reflect::get(&navigator, &name.into()) else {
        return;
    };
    if let Some(function) = function.dyn_ref::<js_sys::Function>() {
        // A refused badge is of no consequence: the count is on the Needs link too.
        let _ = function.call1(&navigator, &(count as f64).into());
    }
}

/// Puts keyboard focus on the screen's heading (which has `tabindex="-1"` for this).
fn focus_heading() {
    focus("main h1");
}
