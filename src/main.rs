//! Kindred in the browser: a thin Leptos shell over `kindred-core`.
//!
//! The app exists only for wasm32. Natively this binary is empty: the package then only hosts
//! the browser tests in tests/, and a native `cargo test` need not compile Leptos.

#[cfg(target_arch = "wasm32")]
mod alerts;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod clock;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod crash;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
mod drafts;
#[cfg(target_arch = "wasm32")]
mod face_to_face;
#[cfg(target_arch = "wasm32")]
mod group_folder;
#[cfg(target_arch = "wasm32")]
mod kept_safe;
#[cfg(target_arch = "wasm32")]
mod lock;
#[cfg(target_arch = "wasm32")]
mod offline;
#[cfg(target_arch = "wasm32")]
mod routes;
#[cfg(target_arch = "wasm32")]
mod screen;
#[cfg(target_arch = "wasm32")]
mod screens;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod text;
#[cfg(target_arch = "wasm32")]
mod today;
#[cfg(target_arch = "wasm32")]
mod web_storage;

fn main() {
    #[cfg(target_arch = "wasm32")]
    app::start();
}
