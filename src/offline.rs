//! Working offline: the service worker that keeps this build's files, the notice that a new
//! version is ready, and asking the browser to keep Kindred's storage.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How often an open Kindred asks whether a new version was deployed.
const UPDATE_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// Registers the service worker. Sets `update_ready` once a new version is installed and
/// waiting for this page to let it take over.
pub fn register(update_ready: RwSignal<bool>) {
    let Some(container) = service_workers() else {
        return;
    };
    // When the new version takes over because the person chose to reload, load it. (A first
    // install also takes over, through `clients.claim`: that must not reload the page.)
    let on_change = Closure::<dyn Fn()>::new(|| {
        if UPDATE_CHOSEN.load(Ordering::SeqCst) {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    leptos::task::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
            return;
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        // A first install has nothing to replace; only an update waits for the person.
        let has_controller = || service_workers().and_then(|c| c.controller()).is_some();
        if registration.waiting().is_some() && has_controller() {
            update_ready.set(true);
        }
        // The browser may have started installing the new version before this page asked:
        // watch the one installing now, and any found later.
        if let Some(installing) = registration.installing() {
            announce_when_installed(installing, update_ready);
        }
        let watched = registration.clone();
        let on_update = Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = watched.installing() {
                announce_when_installed(installing, update_ready);
            }
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
        // Ask now too: a page left open for days should learn of a new version.
        let _ = registration.update();
        let _ = set_interval_with_handle(
            move || {
                let _ = registration.update();
            },
            UPDATE_CHECK_EVERY,
        );
    });
}

/// Sets `update_ready` once `worker` is installed beside a version already in control.
fn announce_when_installed(worker: web_sys::ServiceWorker, update_ready: RwSignal<bool>) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        let in_control = service_workers().and_then(|c| c.controller()).is_some();
        if watched.state() == web_sys::ServiceWorkerState::Installed && in_control {
            update_ready.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Set once the person chose to take the new version.
static UPDATE_CHOSEN: AtomicBool = AtomicBool::new(false);

/// Lets the waiting new version take over; the page reloads when it has.
pub fn apply_update() {
    UPDATE_CHOSEN.store(true, Ordering::SeqCst);
    let waiting =
        service_workers().and_then(|c| c.get_registration().dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = waiting {
        leptos::task::spawn_local(async move {
            let Ok(registration) = JsFuture::from(promise).await else {
                return;
            };
            let registration: Option<web_sys::ServiceWorkerRegistration> =
                registration.dyn_into().ok();
            match registration.and_then(|r| r.waiting()) {
                Some(waiting) => {
                    let _ = waiting.post_message(&"skip-waiting".into());
                }
                None => {
                    let _ = window().location().reload();
                }
            }
        });
    }
}

fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Missing where the page is not a secure context (plain http on another host).
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Asks the browser to keep Kindred's storage even when space runs short, and says whether it
/// agreed. `None` where the browser has no such choice.
pub async fn request_persistent_storage() -> Option<bool> {
    let storage = window().navigator().storage();
    let already = JsFuture::from(storage.persisted().ok()?).await.ok()?;
    if already.as_bool() == Some(true) {
        return Some(true);
    }
    JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}
