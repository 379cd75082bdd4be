// fast-check fuzzing of the readers that take input from strangers: the tar parser, the format
// detector (archive layouts, manifests, indexes, configs), the JSON reader and the shell
// simulator. Each may only succeed or throw its own typed error (TarFormatError, InputError and
// its subclasses, SimulationError); anything else is a bug, and fast-check shrinks the input that
// shows it. The Dockerfile parser and expander are fuzzed in src/core/dockerfile/robustness.test.ts.

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { MemorySource } from '../bytes/source.ts';
import { InputError } from '../errors.ts';
import { readArchive } from '../formats/read-archive.ts';
import { parseJson } from '../formats/json-fields.ts';
import { planArchive } from '../formats/detect.ts';
import { scanLayer } from '../layers/scan.ts';
import { TarFormatError } from '../tar/errors.ts';
import { TarParser } from '../tar/parser.ts';
import { writeTar, type EntrySpec } from '../tar/testing/write-tar.ts';
import { simulateDockerfile } from '../simulate/simulate.ts';
import { SimulationError } from '../simulate/types.ts';
import { dockerSave, gzip, ociLayout } from './build-archive.ts';

type ErrorClass = abstract new (...args: never[]) => Error;

function typedOnly(e: unknown, ...allowed: ErrorClass[]): void {
  if (!allowed.some((k) => e instanceof k)) throw e;
}

const enc = new TextEncoder();

/** Small tars in the dialects real tools write, for mutation. */
const entry = fc.record({
  path: fc.oneof(fc.constantFrom('a', 'etc/passwd', 'd/', '../x', '/abs', '.wh.f', 'd/.wh..wh..opq', 'x'.repeat(150)), fc.string({ maxLength: 20 })),
  type: fc.constantFrom('file', 'dir', 'symlink', 'hardlink', 'fifo') as fc.Arbitrary<EntrySpec['type']>,
  size: fc.nat(2000),
  linkname: fc.constantFrom('', 'a', '../../etc', 'loop'),
  pax: fc.option(fc.dictionary(fc.constantFrom('path', 'size', 'mtime', 'uid', 'linkpath', 'SCHILY.xattr.x'), fc.string({ maxLength: 12 })), { nil: undefined }),
});
const tarOf = (es: { path: string; type?: EntrySpec['type']; size: number; linkname: string; pax?: Record<string, string> }[], longNames: 'gnu' | 'pax' | 'ustar') => {
  try {
    return writeTar(es.map((e) => ({ ...e, path: e.path || 'empty' })), { longNames });
  } catch {
    return writeTar([{ path: 'fallback', data: 'x' }]);
  }
};
const smallTar = fc.tuple(fc.array(entry, { maxLength: 6 }), fc.constantFrom('gnu', 'pax', 'ustar') as fc.Arbitrary<'gnu' | 'pax' | 'ustar'>).map(([es, l]) => tarOf(es, l));

/** A byte array damaged the ways files get damaged: bytes flipped, cut short, spliced. */
function mutated(base: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.tuple(base, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.option(fc.nat(), { nil: undefined }), fc.uint8Array({ maxLength: 64 })).map(([b, flips, cut, splice]) => {
    let out = b.slice();
    for (const [at, v] of flips) if (out.length) out[at % out.length] = v;
    if (cut !== undefined && out.length) out = out.slice(0, cut % out.length);
    if (splice.length && out.length) {
      const at = splice[0] % out.length;
      out = Uint8Array.from([...out.subarray(0, at), ...splice, ...out.subarray(at)]);
    }
    return out;
  });
}

describe('the tar parser throws nothing but TarFormatError', () => {
  it('on random and damaged tars, fed in random chunks', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 3000 }), mutated(smallTar)), fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }), (bytes, sizes) => {
        const p = new TarParser({ onEntry: () => ({ data() {}, end() {} }), maxMetaSize: 4096 });
        try {
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const n = sizes[k % sizes.length];
            const r = p.push(bytes.subarray(at, at + n));
            if (r) throw new Error('a sink that never waits made the parser wait');
            at += n;
          }
          p.end();
        } catch (e) {
          typedOnly(e, TarFormatError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('as a layer scan (uncompressed and gzip): InputError only', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(smallTar), fc.boolean(), async (bytes, gz) => {
        const blob = gz ? await gzip(bytes) : bytes;
        try {
          await scanLayer(new MemorySource('fuzz.tar', blob), { fileName: 'fuzz.tar', entryName: 'layer' });
        } catch (e) {
          typedOnly(e, InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the format detector throws nothing but InputError', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  const digest = fc.oneof(fc.constant(`sha256:${'a'.repeat(64)}`), fc.string({ maxLength: 30 }), fc.constant('sha256:../../x'));
  const manifestish = fc.oneof(
    json,
    fc.array(fc.record({ Config: fc.oneof(fc.string(), json), Layers: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), json), RepoTags: json }, { requiredKeys: [] }), { maxLength: 3 }),
  );
  const indexish = fc.oneof(
    json,
    fc.record({ manifests: fc.oneof(json, fc.array(fc.record({ digest, mediaType: fc.oneof(fc.string(), json), platform: json, annotations: json }, { requiredKeys: [] }), { maxLength: 3 })) }, { requiredKeys: [] }),
  );

  it('planning any manifest.json / index.json / blob contents', () => {
    fc.assert(
      fc.property(fc.option(manifestish, { nil: undefined }), fc.option(indexish, { nil: undefined }), fc.dictionary(fc.constantFrom(`blobs/sha256/${'a'.repeat(64)}`, 'x.json'), json), (manifest, index, blobs) => {
        const files = new Map<string, Uint8Array>();
        if (manifest !== undefined) files.set('manifest.json', enc.encode(JSON.stringify(manifest)));
        if (index !== undefined) files.set('index.json', enc.encode(JSON.stringify(index)));
        for (const [k, v] of Object.entries(blobs)) files.set(k, enc.encode(JSON.stringify(v)));
        try {
          planArchive({ fileName: 'fuzz.tar', has: (p) => files.has(p), bytes: (p) => files.get(p) ?? null });
        } catch (e) {
          typedOnly(e, InputError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reading damaged docker save and OCI archives, plain and gzipped', async () => {
    const layer = writeTar([{ path: 'etc/', type: 'dir' }, { path: 'etc/hostname', data: 'fuzz\n' }]);
    const bases = await Promise.all([dockerSave({ layers: [layer] }), ociLayout({ layers: [await gzip(layer)] }), ociLayout({ layers: [layer] })]);
    await fc.assert(
      fc.asyncProperty(mutated(fc.constantFrom(...bases)), fc.boolean(), async (bytes, gz) => {
        try {
          await readArchive(new MemorySource('fuzz.tar', gz ? await gzip(bytes) : bytes));
        } catch (e) {
          typedOnly(e, InputError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('JSON of any shape and depth', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.nat(3000).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`)), (text) => {
        try {
          parseJson('fuzz.tar', 'x.json', enc.encode(text));
        } catch (e) {
          typedOnly(e, InputError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the shell simulator throws nothing but its typed errors', () => {
  const TOKENS = [
    'echo', 'touch', 'mkdir -p', 'rm -rf', 'cp', 'mv', 'ln -s', 'cat', 'apt-get install -y', 'apk add', 'pip install', 'tar xzf', 'curl -o', 'cd', 'export',
    'f() {', '}', 'f', '|', '||', '&&', ';', '&', '(', ')', '$(', '`', '$((', '))', '${', '}', ':-', '"', "'", '<<EOF', 'EOF', '>', '>>', '<', '2>&1',
    'for i in 1 2 3; do', 'done', 'while false; do', 'if true; then', 'fi', 'else', 'case $x in', 'esac', '*)', ';;', '/a', '/a/b', '..', '*', '?', '~',
    '\\\n', '\n', ' ', 'x=1', '$x', '$@', '!', '[[', ']]', 'test -f /a', 'sh -c', 'set -e', 'exit 3', 'dd if=/dev/zero of=/big bs=1M count=10',
  ];
  const script = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })), { maxLength: 30 }).map((t) => t.join(' '));

  it('on arbitrary RUN lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(script, { minLength: 1, maxLength: 3 }), async (runs) => {
        const df = `FROM scratch\n${runs.map((r) => `RUN ${r.replace(/\n(?!$)/g, ' \\\n')}`).join('\n')}\n`;
        try {
          await simulateDockerfile(df, { signal: AbortSignal.timeout(5000) });
        } catch (e) {
          typedOnly(e, InputError, SimulationError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
