// Build-time only (runs in Node inside `vite build`, never in the page): writes
// dist/precache-manifest.js, the list of every file of the build that public/sw.js caches on
// install, and a version hashed from their contents, so a new build replaces the old cache.
// Source maps are left out (the page never fetches them); so are the service worker's own files.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const SKIP = /\.map$|^sw\.js$|^precache-manifest\.js$|(^|\/)\.[^/]+$/;

function listFiles(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const rel = base ? `${base}/${name}` : name;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, rel));
    else if (!SKIP.test(rel)) out.push(rel);
  }
  return out;
}

export function precacheManifest(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'layerscope-precache-manifest',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const files = listFiles(outDir);
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update('\0').update(readFileSync(path.join(outDir, f)));
      const version = hash.digest('hex').slice(0, 16);
      // './' first: the page itself, as a navigation to the site's folder asks for it.
      const list = ['./', ...files.map((f) => `./${f}`)];
      const body = `// Written by the build (src/web/offline/precache-plugin.ts): what public/sw.js caches.\nself.LAYERSCOPE_PRECACHE = ${JSON.stringify({ version, files: list }, null, 1)};\n`;
      writeFileSync(path.join(outDir, 'precache-manifest.js'), body);
    },
  };
}
