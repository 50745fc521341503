// Kindred's service worker: keeps exactly the files of this build so that Kindred works with
// no network at all after the first visit. The build (tools/post-build) fills in the cache
// name, which changes with every build, and the list of files.
//
// It never touches anyone's data: that lives in localStorage, which a service worker cannot
// reach. It only answers requests for the app's own files, from its own origin.

const CACHE = "__KINDRED_CACHE__";
const FILES = __KINDRED_FILES__;

self.addEventListener("install", (event) => {
  // "reload" asks the host itself, past the browser's HTTP cache: a host that lets browsers
  // keep files a while (GitHub Pages: max-age=600) would otherwise hand this build the
  // previous build's index.html, which names files this deployment no longer has.
  const requests = FILES.map((url) => new Request(url, { cache: "reload" }));
  // Every file or none: a half-cached build would fail offline.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("kindred-") && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The page asks a waiting new version to take over once the person agreed to reload.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // Every screen is the one page (screens live in the fragment).
    event.respondWith(
      caches
        .match("./index.html", { ignoreSearch: true })
        .then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches
      .match(request, { ignoreSearch: true })
      .then((cached) => cached || fetch(request)),
  );
});
