// Registers the service worker (public/sw.js) that keeps the site working offline, in production
// builds only: in development it would cache files the dev server rewrites on every edit. The
// script and its scope are relative to the page, so the site works from any host path.

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(new URL('./sw.js', document.baseURI), { scope: './' }).catch((e: unknown) => {
      // Offline use is a bonus: the page works without it (file:// URLs, private windows).
      console.warn('layerscope: offline mode is not available here:', e);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
