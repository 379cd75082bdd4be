// Content sniffing from the first bytes of an input or a blob: compression by magic number and
// "is this a tar / JSON" checks. Formats are told by content, never by file name or media type
// (DESIGN.md "Detect compression by magic bytes").

export type SniffedCompression = 'gzip' | 'zstd' | 'none';

/** gzip: 1f 8b (RFC 1952 §2.3.1); zstd frame: 28 b5 2f fd (RFC 8878 §3.1.1). */
export function sniffCompression(head: Uint8Array): SniffedCompression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

/**
 * True when `head` starts with a tar header: the ustar magic at byte 257 ("ustar\0" POSIX,
 * "ustar  \0" GNU), or, for old v7 archives without magic, a header checksum that adds up.
 * An empty archive (a zero block) is not called a tar here: there is nothing to show.
 */
export function looksLikeTar(head: Uint8Array): boolean {
  if (head.length < 512) return false;
  const m = head.subarray(257, 265);
  if (m[0] === 0x75 && m[1] === 0x73 && m[2] === 0x74 && m[3] === 0x61 && m[4] === 0x72) {
    if (m[5] === 0 || (m[5] === 0x20 && m[6] === 0x20 && m[7] === 0)) return true;
  }
  return v7ChecksumOk(head);
}

function v7ChecksumOk(h: Uint8Array): boolean {
  // Stored checksum: octal digits in 148..155, ended by NUL or space.
  let stored = 0;
  let digits = 0;
  let i = 148;
  while (i < 156 && h[i] === 0x20) i++;
  for (; i < 156; i++) {
    const c = h[i];
    if (c >= 0x30 && c <= 0x37) {
      stored = stored * 8 + (c - 0x30);
      digits++;
    } else if (c === 0 || c === 0x20) break;
    else return false;
  }
  if (digits === 0) return false;
  let sum = 0;
  for (let j = 0; j < 512; j++) sum += j >= 148 && j < 156 ? 0x20 : h[j];
  // A zero block sums to 256 with the checksum field as spaces; it has no digits, so it failed above.
  return sum === stored;
}

/** First non-whitespace byte is `{` or `[` (UTF-8 BOM allowed): a JSON document, not a tar or blob. */
export function looksLikeJson(head: Uint8Array): boolean {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  for (; i < head.length; i++) {
    const c = head[i];
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x7b || c === 0x5b;
  }
  return false;
}
