// Starts Kindred's QR reader in this Web Worker: wasm-bindgen's loader for the worker's wasm
// (Trunk builds both into this folder, index.html), then the wasm, whose main() tells the
// page it is ready. A wasm that cannot be fetched or compiled is reported to the page, which
// then says so to the person; a missing loader reaches the page as the worker's error event.
importScripts("./qr-reader.js");
wasm_bindgen({ module_or_path: "./qr-reader_bg.wasm" }).catch((error) => {
  postMessage({ failed: String(error) });
});
