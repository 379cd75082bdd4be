// Surgery on real tar archives, to make broken ones from good ones: list where every member's
// header and payload sit, cut anywhere, replace a member's payload (its header's size and
// checksum made to match, so only the payload is broken), write raw header fields with or
// without a valid checksum. For the hostile-input corpus; production code never imports it.

import { TarParser } from '../tar/parser.ts';
import type { TarEntryType } from '../tar/entry.ts';

export interface Member {
  path: string;
  type: TarEntryType;
  /** first byte of the member's headers (PAX / GNU meta headers included) */
  start: number;
  /** its own header */
  headerOffset: number;
  dataOffset: number;
  size: number;
  /** first byte after its padded payload */
  end: number;
}

const BLOCK = 512;
const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;

/** Every member of an uncompressed tar, in order, and where the end-of-archive marker starts. */
export function listMembers(tar: Uint8Array): { members: Member[]; endMarker: number } {
  const members: Member[] = [];
  let start = 0;
  const parser = new TarParser({
    onEntry(e) {
      const end = e.dataOffset + padded(e.size);
      members.push({ path: e.path, type: e.type, start, headerOffset: e.headerOffset, dataOffset: e.dataOffset, size: e.size, end });
      start = end;
    },
  });
  const r = parser.push(tar);
  if (r) throw new Error('tar-surgery: the parser waited, which no sink here asks for');
  return { members, endMarker: start };
}

/** Recomputes a header's checksum in place (POSIX ustar: the sum of the block, field as spaces). */
export function fixChecksum(tar: Uint8Array, headerOffset: number): void {
  tar.fill(0x20, headerOffset + 148, headerOffset + 156);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += tar[headerOffset + i];
  const text = sum.toString(8).padStart(6, '0');
  for (let i = 0; i < 6; i++) tar[headerOffset + 148 + i] = text.charCodeAt(i);
  tar[headerOffset + 154] = 0;
  tar[headerOffset + 155] = 0x20;
}

/** A copy with `bytes` written at `offset` of the header at `headerOffset`; the checksum fixed or left stale. */
export function writeHeaderField(tar: Uint8Array, headerOffset: number, offset: number, bytes: Uint8Array, checksum: 'fix' | 'stale'): Uint8Array {
  const out = tar.slice();
  out.set(bytes, headerOffset + offset);
  if (checksum === 'fix') fixChecksum(out, headerOffset);
  return out;
}

/** An octal size field (12 bytes: 11 digits and a NUL), as ustar writes it. */
export function octalField(value: number, len = 12): Uint8Array {
  const out = new Uint8Array(len);
  const text = value.toString(8).padStart(len - 1, '0').slice(-(len - 1));
  for (let i = 0; i < len - 1; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** A GNU base-256 field: big-endian two's complement with the high bit of the first byte set. */
export function base256Field(value: bigint, len = 12): Uint8Array {
  const out = new Uint8Array(len);
  let x = value < 0n ? (1n << BigInt(8 * len)) + value : value;
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  out[0] |= 0x80;
  return out;
}

export const SIZE_FIELD = 124;
export const NAME_FIELD = 0;
export const TYPE_FIELD = 156;

/**
 * The tar with member `m`'s payload replaced by `payload`: its header says the new size (checksum
 * fixed), everything after it moves. The archive stays well-formed; only the member's content is
 * what the caller made it.
 */
export function replacePayload(tar: Uint8Array, m: Member, payload: Uint8Array): Uint8Array {
  const head = tar.slice(0, m.dataOffset);
  const sized = writeHeaderField(head, m.headerOffset, SIZE_FIELD, octalField(payload.length), 'fix');
  const rest = tar.subarray(m.end);
  const out = new Uint8Array(sized.length + padded(payload.length) + rest.length);
  out.set(sized, 0);
  out.set(payload, sized.length);
  out.set(rest, sized.length + padded(payload.length));
  return out;
}

/** Flips every bit of one byte: a copy. */
export function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] ^= 0xff;
  return out;
}

