// Broken archives made from the real fixtures (../shared/fixtures, written by buildah, skopeo,
// podman, umoci): cut at every structural boundary of the outer tar (inside a header, after it,
// inside a payload, in padding, between layers, at the end marker), layer blobs cut or damaged
// inside (a layer tar's header or payload, a gzip or zstd frame), header checksums broken, and
// size fields that lie (too large, base-256 huge or negative, not octal, zero, a block off, a PAX
// `size` record that disagrees).

import { concatBytes } from '../bytes/concat.ts';
import { looksLikeTar, sniffCompression } from '../bytes/sniff.ts';
import { writeTar } from '../tar/testing/write-tar.ts';
import { errorCase, eitherCase, slug, type HostileCase } from './case.ts';
import {
  base256Field,
  flipByte,
  listMembers,
  NAME_FIELD,
  octalField,
  replacePayload,
  SIZE_FIELD,
  writeHeaderField,
  type Member,
} from './tar-surgery.ts';

export interface Fixture {
  name: string;
  bytes: Uint8Array;
}

const enc = new TextEncoder();

function kindOf(bytes: Uint8Array, m: Member): 'gzip' | 'zstd' | 'tar' | 'other' {
  if (m.type !== 'file' || m.size < 1024) return 'other';
  const head = bytes.subarray(m.dataOffset, m.dataOffset + 512);
  const c = sniffCompression(head);
  if (c !== 'none') return c;
  return looksLikeTar(head) ? 'tar' : 'other';
}

/** A PAX 'x' header with the given records, to put in front of a member. */
function paxHeader(records: Record<string, string>): Uint8Array {
  const t = writeTar([{ path: 'x', data: '', pax: records }], { endBlocks: 0 });
  return t.subarray(0, t.length - 512); // the 'x' header and its records, without the dummy entry
}

function insertAt(bytes: Uint8Array, at: number, piece: Uint8Array): Uint8Array {
  return concatBytes([bytes.subarray(0, at), piece, bytes.subarray(at)]);
}

export function fixtureCases(fixtures: Fixture[]): HostileCase[] {
  const out: HostileCase[] = [];
  for (const f of fixtures) {
    if (sniffCompression(f.bytes) === 'gzip') out.push(...compressedOuterCases(f));
    else out.push(...tarCases(f));
  }
  return out;
}

function tarCases(f: Fixture): HostileCase[] {
  const out: HostileCase[] = [];
  const { members, endMarker } = listMembers(f.bytes);
  const at = (what: string) => `${slug(f.name)}-${what}`;
  const base = (name: string, group: HostileCase['group'], make: () => Uint8Array) => ({
    name: `${group}-${at(name)}`,
    group,
    kind: 'archive' as const,
    fileName: f.name,
    bytes: async () => make(),
  });
  const first = members[0];
  const layers = members.filter((m) => kindOf(f.bytes, m) !== 'other');
  const biggest = layers.reduce((a, b) => (b.size > a.size ? b : a), layers[0]);
  const manifest = members.find((m) => m.path.replace(/^\.\//, '') === 'manifest.json' || m.path.replace(/^\.\//, '') === 'index.json') ?? members[members.length - 1];
  const cut = (n: number) => () => f.bytes.slice(0, n);
  const TRUNC = /truncated|not in the archive|no manifest|ended inside/;

  // ---- truncated at every kind of boundary of the outer tar
  out.push(errorCase(base('in-first-header', 'truncated', cut(100)), /not an image archive|truncated/));
  out.push(eitherCase(base('after-first-header', 'truncated', cut(first.dataOffset))));
  out.push(errorCase(base('in-biggest-payload', 'truncated', cut(biggest.dataOffset + Math.floor(biggest.size / 2))), TRUNC));
  out.push(errorCase(base('in-manifest-header', 'truncated', cut(manifest.headerOffset + 300)), TRUNC));
  out.push(eitherCase(base('before-manifest', 'truncated', cut(manifest.start))));
  if (biggest.end > biggest.dataOffset + biggest.size) {
    out.push(errorCase(base('in-padding', 'truncated', cut(biggest.end - 1)), TRUNC));
  }
  layers.slice(0, 3).forEach((m, i) => out.push(eitherCase(base(`between-layers-${i}`, 'truncated', cut(m.end)))));
  out.push(eitherCase(base('no-end-marker', 'truncated', cut(endMarker))));
  out.push(eitherCase(base('in-end-marker', 'truncated', cut(endMarker + 700))));
  out.push(eitherCase(base('half', 'truncated', cut(Math.floor(f.bytes.length / 2)))));

  // ---- layer blobs broken inside, the outer tar intact
  for (const m of layers.slice(0, 2)) {
    const blob = f.bytes.subarray(m.dataOffset, m.dataOffset + m.size);
    const kind = kindOf(f.bytes, m);
    const swap = (what: string, group: HostileCase['group'], payload: () => Uint8Array, says?: RegExp, outcome: 'error' | 'either' = says ? 'error' : 'either') => {
      const c = base(`${what}-${slug(m.path.split("/").pop() ?? m.path).slice(0, 12)}`, group, () => replacePayload(f.bytes, m, payload()));
      out.push(outcome === 'error' ? errorCase(c, says) : eitherCase(c, says));
    };
    // Cut at an entry boundary, a layer tar still reads (GNU tar and Go read it too, and umoci
    // writes layers without end blocks): nothing can tell it from a whole one.
    swap('layer-cut-half', 'truncated', () => blob.slice(0, Math.floor(blob.length / 2)));
    swap('layer-empty', 'truncated', () => new Uint8Array(0));
    if (kind === 'tar') {
      const inner = listMembers(blob).members;
      // A regular file with content: a directory's size field means nothing (header-only type).
      const mid = inner.find((x, i) => i >= 2 && x.type === 'file' && x.size > 0) ?? inner[inner.length - 1];
      swap('layer-cut-in-inner-header', 'truncated', () => blob.slice(0, mid.headerOffset + 200), /truncated/);
      swap('layer-cut-at-inner-boundary', 'truncated', () => blob.slice(0, mid.start));
      swap('layer-inner-bad-checksum', 'checksum', () => flipByte(blob, mid.headerOffset + NAME_FIELD + 1), /checksum/);
      swap('layer-inner-size-too-big', 'sizes', () => writeHeaderField(blob, mid.headerOffset, SIZE_FIELD, octalField(0o77777777777), 'fix'), /truncated|checksum/);
      swap('layer-inner-size-negative', 'sizes', () => writeHeaderField(blob, mid.headerOffset, SIZE_FIELD, base256Field(-4096n), 'fix'), /bad size/);
      swap('layer-inner-pax-size-lie', 'sizes', () => insertAt(blob, mid.start, paxHeader({ size: String(mid.size + 4096 * 1024) })), /truncated|checksum/);
    } else {
      swap('layer-flip-mid', 'compression', () => flipByte(blob, Math.floor(blob.length / 2)), /corrupt|checksum|truncated|incorrect|invalid/i);
      swap('layer-flip-last', 'compression', () => flipByte(blob, blob.length - 2), /corrupt|checksum|incorrect|invalid|size/i);
      swap('layer-trailing-garbage', 'compression', () => concatBytes([blob, enc.encode('not a second frame, just junk after the first')]), /corrupt|junk|unknown|invalid|trailing/i);
      swap('layer-cut-in-frame-header', 'compression', () => blob.slice(0, 6), /truncated|corrupt|unexpected|ended/i);
    }
  }

  // ---- header checksums
  for (const [what, m] of [['first', first], ['manifest', manifest], ['biggest', biggest]] as const) {
    out.push(errorCase(base(`flip-name-${what}`, 'checksum', () => flipByte(f.bytes, m.headerOffset + NAME_FIELD + 2)), /checksum/));
  }
  out.push(errorCase(base('checksum-not-octal', 'checksum', () => writeHeaderField(f.bytes, manifest.headerOffset, 148, enc.encode('zzzzzz\0 '), 'stale')), /checksum/));

  // ---- sizes that lie (checksums fixed, so the size is the only lie)
  const size = (what: string, m: Member, field: Uint8Array, says: RegExp) =>
    out.push(errorCase(base(`size-${what}`, 'sizes', () => writeHeaderField(f.bytes, m.headerOffset, SIZE_FIELD, field, 'fix')), says));
  size('larger-than-file', biggest, octalField(0o77777777777), /truncated/);
  size('base256-huge', biggest, base256Field(1n << 80n), /bad size/);
  size('base256-negative', manifest, base256Field(-1n), /bad size/);
  size('not-octal', manifest, enc.encode('12345678z9\0\0'), /bad size/);
  size('zero', manifest, octalField(0), /checksum|not an image|no image|JSON|not in the archive/);
  // A block off: the parser lands inside a payload, or on the zero blocks a layer tar ends with,
  // which end the outer tar early (then a warning says how much follows the marker).
  const OFF = /checksum|truncated|corrupt|not in|unexpected|bad|more bytes of data follow|not a tar/;
  out.push(eitherCase(base('size-one-block-short', 'sizes', () => writeHeaderField(f.bytes, biggest.headerOffset, SIZE_FIELD, octalField(Math.max(0, biggest.size - 512)), 'fix')), OFF));
  const firstFile = members.find((m) => m.type === 'file') ?? first;
  out.push(eitherCase(base('size-one-block-long', 'sizes', () => writeHeaderField(f.bytes, firstFile.headerOffset, SIZE_FIELD, octalField(firstFile.size + 512), 'fix')), OFF));
  const pax = (what: string, m: Member, value: string, says: RegExp) =>
    out.push(errorCase(base(`pax-size-${what}`, 'sizes', () => insertAt(f.bytes, m.start, paxHeader({ size: value }))), says));
  pax('past-the-end', biggest, String(f.bytes.length * 4), /truncated/);
  pax('negative', manifest, '-5', /bad PAX size/);
  pax('float', manifest, '1e9', /bad PAX size/);
  pax('beyond-2^53', manifest, '99999999999999999999', /bad PAX size/);
  return out;
}

/** A compressed outer archive (`docker save | gzip`): cut inside the stream, damaged inside. */
function compressedOuterCases(f: Fixture): HostileCase[] {
  const b = f.bytes;
  const base = (what: string, group: HostileCase['group'], make: () => Uint8Array) => ({
    name: `${group}-${slug(f.name)}-${what}`,
    group,
    kind: 'archive' as const,
    fileName: f.name,
    bytes: async () => make(),
    cli: true,
  });
  const BROKEN = /truncated|corrupt|compression|unexpected|ended|incorrect|invalid/i;
  return [
    errorCase(base('cut-10pc', 'truncated', () => b.slice(0, Math.floor(b.length / 10))), BROKEN),
    errorCase(base('cut-90pc', 'truncated', () => b.slice(0, Math.floor(b.length * 0.9))), BROKEN),
    eitherCase(base('cut-trailer', 'truncated', () => b.slice(0, b.length - 8))),
    errorCase(base('cut-in-header', 'truncated', () => b.slice(0, 5)), /not an image archive|truncated|corrupt|compression|unexpected|ended/i),
    errorCase(base('flip-mid', 'compression', () => flipByte(b, Math.floor(b.length / 2))), /corrupt|compression|checksum|truncated|invalid|incorrect/i),
    errorCase(base('flip-crc', 'compression', () => flipByte(b, b.length - 6)), /corrupt|compression|checksum|incorrect|invalid/i),
  ];
}
