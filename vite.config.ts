// Vite config for the web app. `base: './'` makes every URL in the build relative, so dist/ works
// from any path (a subfolder, file server, GitHub Pages). Workers are ES modules so the analyze
// worker can start its nested layer workers and share code-split chunks with them.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { precacheManifest } from './src/web/offline/precache-plugin.ts';

export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), precacheManifest()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { port: 5173 },
});
