//! Kindred in the browser: a thin Leptos shell over `kindred-core`.

#[cfg(target_arch = "wasm32")]
mod app;

fn main() {
    // Natively this binary is empty: the package only hosts the browser tests in tests/.
    #[cfg(target_arch = "wasm32")]
    app::start();
}
