// Kindred's service worker: keeps exactly the files of this build so that Kindred works with
// no network at all after the first visit. The build (tools/post-build) fills in the cache
// name, which changes with every build, the list of files, and the names of the build's wasm
// and JS files, which its index.html names to start the app.
//
// It never touches anyone's data: that lives in localStorage, which a service worker cannot
// reach. It only answers requests for the app's own files, from its own origin.

const CACHE = "__KINDRED_CACHE__";
const FILES = __KINDRED_FILES__;
const CODE = __KINDRED_CODE__;

self.addEventListener("install", (event) => {
  // A rejected install leaves the worker in charge, with its cache, as it was.
  event.waitUntil(install());
});

async function install() {
  // "reload" asks the host itself, past the browser's HTTP cache: a host that lets browsers
  // keep files a while (GitHub Pages: max-age=600) would otherwise hand this build the
  // previous build's index.html, which names files this deployment no longer has.
  // Every file or none: one that fails fails the install, as a half-cached build would
  // fail offline.
  const responses = await Promise.all(
    FILES.map(async (url) => {
      const response = await fetch(url, { cache: "reload" });
      if (!response.ok) {
        throw new Error(`${url}: ${response.status}`);
      }
      // Each body is read as it arrives: in Chromium, responses left unread stall the
      // fetches after them, and the install never ends.
      const { status, statusText, headers } = response;
      return new Response(await response.blob(), { status, statusText, headers });
    }),
  );
  // A cache between here and the host (a CDN not yet caught up) can still serve the previous
  // page. Kept, it would start a blank app whose only cure, clearing site data, deletes
  // everything a person wrote; refused, the previous build goes on working and the browser
  // tries again at its next update check.
  for (const page of ["./", "./index.html"]) {
    const text = await responses[FILES.indexOf(page)].clone().text();
    const missing = CODE.filter((name) => !text.includes(name));
    if (missing.length > 0) {
      throw new Error(`${page} is not this build's page: it lacks ${missing.join(", ")}`);
    }
  }
  // Written only now that every file arrived and the page is this build's, so a refused
  // install leaves no cache behind for the fetch handler below to find.
  const cache = await caches.open(CACHE);
  await Promise.all(FILES.map((url, i) => cache.put(url, responses[i])));
}

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
