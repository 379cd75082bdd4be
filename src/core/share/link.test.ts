// Share links end to end in core: encode → decode gives the same state; a 100-line Dockerfile's
// link stays under 8 KB; every way a link can be broken gives a sentence, never an exception, and
// a damaged real link that still opens goes through the page's next steps without one either.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../errors.ts';
import { fieldPaths, flipBit, fragmentOf, linkOfJson, linkOfPacked, packedOf, readSample, setAt, type JsonPath } from '../hostile/link-make.ts';
import { openLink } from '../hostile/open-link.ts';
import { encodeBase64url } from './base64url.ts';
import { deflateRaw } from './deflate.ts';
import { decodeShare, encodeShare, shareParts } from './link.ts';
import type { ShareState } from './schema-v1.ts';

const here = (p: string) => new URL(p, import.meta.url);
const HUNDRED = readFileSync(here('./testdata/hundred-lines.Dockerfile'), 'utf8');

async function linkOf(json: unknown, v = '1'): Promise<string> {
  return `#v=${v}&s=${encodeBase64url(await deflateRaw(new TextEncoder().encode(JSON.stringify(json))))}`;
}

async function problem(hash: string): Promise<string> {
  const r = await decodeShare(hash);
  if (r.ok) throw new Error('expected the link to be refused');
  expect(r.problem).toMatch(/^This share link cannot be opened: /);
  return r.problem;
}

describe('share links', () => {
  it('round-trips a Dockerfile with its view', async () => {
    const state: ShareState = { kind: 'dockerfile', name: 'Dockerfile', text: HUNDRED, builder: 'buildah', view: { layer: 3, file: '/srv/app/config.yaml', theme: 'presentation' } };
    const hash = await encodeShare(state);
    expect(hash).toMatch(/^#v=1&s=[A-Za-z0-9_-]+$/);
    const r = await decodeShare(hash);
    expect(r).toEqual({ ok: true, state, version: 1 });
  });

  it('keeps a 100-line Dockerfile link under 8 KB', async () => {
    const docker = readFileSync(here('../dockerfile/testdata/buildkit/docker/Dockerfile'), 'utf8');
    const nagios = readFileSync(here('../dockerfile/testdata/buildkit/cpuguy83-nagios/Dockerfile'), 'utf8');
    const real100 = `${docker}\n${nagios}`.split('\n').slice(0, 100).join('\n');
    for (const text of [HUNDRED, real100]) {
      expect(text.trimEnd().split('\n').length).toBe(100);
      const hash = await encodeShare({ kind: 'dockerfile', name: 'Dockerfile', text, view: { layer: 12, zoom: { layer: 12, path: '/usr/lib' }, file: '/etc/passwd', theme: 'dark' } });
      const url = `https://layerscope.example/app/${hash}`;
      console.log(`100-line Dockerfile, ${text.length} characters: link ${url.length} characters`);
      expect(url.length).toBeLessThan(8 * 1024);
    }
  });

  it('is not a share link without s=', () => {
    expect(shareParts('')).toBeNull();
    expect(shareParts('#example=seed-a-bloated')).toBeNull();
    expect(shareParts('#v=1&s=abc')).toEqual({ version: '1', payload: 'abc', versions: 1, payloads: 1 });
    expect(shareParts('#v=1&v=2&s=abc')).toMatchObject({ version: '1', versions: 2, payloads: 1 });
  });

  it('says what is wrong with a broken link', async () => {
    const good = await encodeShare({ kind: 'dockerfile', name: 'Dockerfile', text: 'FROM busybox\nRUN true\n', view: {} });
    const payload = shareParts(good)!.payload;
    expect(await problem('#v=9&s=' + payload)).toMatch(/newer layerscope/);
    expect(await problem('#v=x&s=' + payload)).toMatch(/version "v=x" is not a number/);
    expect(await problem('#s=' + payload)).toMatch(/version "v=" is not a number/);
    expect(await problem('#v=0&s=' + payload)).toMatch(/older than any/);
    expect(await problem('#v=1&v=2&s=' + payload)).toMatch(/holds 2 versions/);
    expect(await problem('#v=1&s=' + payload + '&s=' + payload)).toMatch(/and 2 data parts/);
    // What the link holds is shown on one line: a newline or a right-to-left override is escaped.
    expect(await problem('#v=1%0A%E2%80%AE&s=' + payload)).toMatch(/version "v=1\\u000a\\u202e" is not a number/);
    expect(await problem(await linkOf({ kind: 'dockerfile', name: 'D', text: 'FROM x', view: { theme: 'a\u2028b' } }))).toMatch(/found "a\\u2028b"/);
    expect(await problem('#v=1&s=')).toMatch(/not valid base64url/);
    expect(await problem('#v=1&s=' + payload.slice(0, -7))).toMatch(/does not unpack|not the JSON/);
    expect(await problem('#v=1&s=' + payload.replace(/^.{6}/, 'AAAAAA'))).toMatch(/does not unpack|not the JSON|contents/);
    expect(await problem('#v=1&s=%%%')).toMatch(/not valid base64url/);
    expect(await problem(await linkOf('just text'))).toMatch(/kind: expected "dockerfile" or "image", found undefined/);
    expect(await problem(await linkOf({ kind: 'dockerfile', name: 'D', text: 42, view: {} }))).toMatch(/text: expected a text, found 42/);
    expect(await problem(await linkOf({ kind: 'dockerfile', name: 'D', text: 'FROM x', view: { theme: 'neon' } }))).toMatch(/view\.theme/);
    expect(await problem(await linkOf({ kind: 'dockerfile', name: 'D', text: 'FROM x' }))).toMatch(/view: missing/);
    const bomb = `#v=1&s=${encodeBase64url(await deflateRaw(new Uint8Array(16 << 20)))}`;
    expect(bomb.length).toBeLessThan(40_000);
    expect(await problem(bomb)).toMatch(/unpacks to more than 4 MiB/);
    const notUtf8 = `#v=1&s=${encodeBase64url(await deflateRaw(new Uint8Array([0xff, 0xfe, 0x7b])))}`;
    expect(await problem(notUtf8)).toMatch(/not the JSON/);
  });

  it('drops fields it does not know', async () => {
    const r = await decodeShare(await linkOf({ kind: 'dockerfile', name: 'D', text: 'FROM x', view: { layer: 1, evil: '<script>' }, extra: true }));
    expect(r).toEqual({ ok: true, version: 1, state: { kind: 'dockerfile', name: 'D', text: 'FROM x', view: { layer: 1 } } });
  });

  it('upgrades an older version step by step before checking it (a fake v0 → v1)', async () => {
    // v0 (never released) kept the Dockerfile under `df` and the selection as `sel`.
    const v0 = { df: 'FROM busybox\nRUN mkdir /data\n', sel: 1 };
    const up = { 0: (d: unknown) => {
      const o = d as { df: string; sel?: number };
      return { kind: 'dockerfile', name: 'Dockerfile', text: o.df, view: o.sel === undefined ? {} : { layer: o.sel } };
    } };
    const hash = await linkOf(v0, '0');
    expect(await decodeShare(hash, up, 1, 0)).toEqual({ ok: true, version: 0, state: { kind: 'dockerfile', name: 'Dockerfile', text: v0.df, view: { layer: 1 } } });
    // Without the step, the same link is refused, and a step that throws is a bad link, not a crash.
    expect((await decodeShare(hash, {}, 1, 0)).ok).toBe(false);
    const r = await decodeShare(hash, { 0: () => { throw new Error('no df'); } }, 1, 0);
    expect(r).toEqual({ ok: false, problem: 'This share link cannot be opened: its version 0 data could not be upgraded: no df.' });
  });

  it('never throws, whatever the fragment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((b) => `#v=1&s=${encodeBase64url(b)}`)), async (hash) => {
        const r = await decodeShare(hash);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

const SAMPLE_DIR = new URL('./samples/', import.meta.url);
const samples = await Promise.all(
  readdirSync(SAMPLE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readSample(f, readFileSync(new URL(f, SAMPLE_DIR), 'utf8').trim())),
);

/**
 * Opens a link as the page does (open-link.ts: decode, then the summary page or the simulated
 * Dockerfile with the view put back). Only a one-line refusal, or the Dockerfile's own typed
 * error when its build fails, may come out.
 */
async function opensCleanly(hash: string): Promise<void> {
  try {
    const r = await openLink(hash, AbortSignal.timeout(5000));
    if (!r.ok) expect(r.problem).toMatch(/^This share link cannot be opened: [^\r\n\u2028\u2029]+$/);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
}

/** Values a JSON edit puts in: any JSON, and the ones a validator is most likely to let by. */
const editValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(-1, -0, 0, 1, 3, 7, 1.5, 1e300, 2 ** 53, Number.MAX_SAFE_INTEGER, 'NaN', '', '.', '..', '/', '/\0', 'a/b', '__proto__', 'constructor', [], {}, ['x', 1], ['x', 1, 1, []]),
);

describe('damaged real links (fast-check)', () => {
  it('never throw, with bits flipped in their compressed bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: samples.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 7 })), { minLength: 1, maxLength: 4 }), async (si, flips) => {
        let packed = packedOf(fragmentOf(samples[si].url));
        for (const [at, bit] of flips) packed = flipBit(packed, at, bit);
        await opensCleanly(linkOfPacked(packed));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('never throw, with random edits of their JSON packed again', async () => {
    const fields = samples.map((s) => [[], ...fieldPaths(s.json)] as JsonPath[]);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: samples.length - 1 }), fc.array(fc.tuple(fc.nat(), editValue), { minLength: 1, maxLength: 3 }), async (si, edits) => {
        let json = samples[si].json;
        for (const [pick, value] of edits) {
          // A path of the real JSON; an earlier edit may have removed it, then the edit is skipped.
          const path = fields[si][pick % fields[si].length];
          try {
            json = setAt(json, path, value);
          } catch {
            continue;
          }
        }
        await opensCleanly(await linkOfJson(json));
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
