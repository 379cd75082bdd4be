// layerscope's service worker: once the site has been loaded, it keeps working with no network.
// It is registered only by production builds (src/web/offline/register.ts), from wherever the site
// is hosted: every URL here is relative to this file, so a sub-path works like the root.
//
// Install: fetch every file of the build (the list the build wrote to precache-manifest.js, with
// a version that changes with any file) into a cache named after that version. Activate: drop the
// caches of other versions, take over open pages. Fetch: pages network-first (a new deploy shows
// when online) falling back to the cached index.html; everything else cache-first, and files not
// in the list (none in a normal build) are cached the first time they are fetched.
// Plain script, no inline code: compatible with a CSP of script-src 'self'.

/* global importScripts */
importScripts('./precache-manifest.js');

const manifest = self.LAYERSCOPE_PRECACHE;
const CACHE = `layerscope-${manifest.version}`;
const scope = new URL('./', self.location.href).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(manifest.files.map((f) => new Request(new URL(f, scope).href, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('layerscope-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function fromNetworkThenCache(request) {
  try {
    const response = await fetch(request);
    // A fresh copy of the page itself replaces the cached one; other pages are not kept.
    const url = request.url.split(/[?#]/)[0];
    if (response.ok && (url === scope || url === `${scope}index.html`)) {
      const cache = await caches.open(CACHE);
      await cache.put(url, response.clone());
    }
    return response;
  } catch {
    const cached = (await caches.match(request, { ignoreSearch: true })) || (await caches.match(new URL('./', scope).href)) || (await caches.match(new URL('./index.html', scope).href));
    return cached || Response.error();
  }
}

async function fromCacheThenNetwork(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  // Range requests (media) and the worker's own scripts are plain GETs; ranges are left to the network.
  if (request.headers.has('range')) return;
  event.respondWith(request.mode === 'navigate' ? fromNetworkThenCache(request) : fromCacheThenNetwork(request));
});
