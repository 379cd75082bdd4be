// Vite config for the web app. `base: './'` makes every URL in the build relative, so dist/ works
// from any path (a subfolder, file server, GitHub Pages). Workers are ES modules so the analyze
// worker can start its nested layer workers and share code-split chunks with them.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { precacheManifest } from './src/web/offline/precache-plugin.ts';

/**
 * index.html carries a strict Content-Security-Policy that the build keeps as is. The dev server
 * needs more: React refresh's inline preamble, styles injected as <style> by the HMR client, and
 * the HMR websocket. Only `vite` (serve) rewrites the policy to allow those.
 */
function devCsp(): Plugin {
  const relax: Record<string, string> = { 'script-src': " 'unsafe-inline'", 'style-src': " 'unsafe-inline'", 'connect-src': ' ws: wss:' };
  return {
    name: 'layerscope-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/, (_m, head: string, policy: string) => {
        const relaxed = policy
          .split(';')
          .map((d) => {
            const name = d.trim().split(/\s+/)[0];
            return relax[name] ? `${d.trimEnd()}${relax[name]}` : d;
          })
          .join(';');
        return `${head}${relaxed}"`;
      }),
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), precacheManifest(), devCsp()],
  worker: { format: 'es' },
  // The dev server's dependency scan starts from index.html and does not follow workers: their
  // packages (hash-wasm, fzstd, zstddec, mvdan-sh) were found only when first loaded, and Vite
  // then reloaded the page mid-read ("optimized dependencies changed"). Scan the workers too.
  optimizeDeps: { entries: ['index.html', 'src/worker/*.worker.ts'] },
  build: { target: 'es2022', sourcemap: true },
  server: { port: 5173 },
});
