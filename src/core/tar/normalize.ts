// Tar paths → the canonical form the model uses: absolute, no "./" prefix, no trailing slash,
// "." and ".." resolved without escaping the root, repeated slashes collapsed
// ("./bin/" → "/bin", "../../etc" → "/etc", "" → "/"). Layer tars are rooted at the image's "/"
// whatever their spelling (OCI image spec, layer.md "Changeset over filesystem").

/** True when `raw` needs the slow path: a "." or ".." segment, an empty segment, a trailing "/". */
function needsWork(raw: string): boolean {
  const n = raw.length;
  let segStart = 0;
  for (let i = 0; i <= n; i++) {
    if (i === n || raw.charCodeAt(i) === 0x2f) {
      const len = i - segStart;
      // "" (repeated / or trailing /), "." or ".."
      if (len === 0 && !(i === 0 && n > 0)) return true;
      if (len === 1 && raw.charCodeAt(segStart) === 0x2e) return true;
      if (len === 2 && raw.charCodeAt(segStart) === 0x2e && raw.charCodeAt(segStart + 1) === 0x2e) return true;
      segStart = i + 1;
    }
  }
  return false;
}

export function normalizePath(raw: string): string {
  if (!needsWork(raw)) return raw.charCodeAt(0) === 0x2f ? raw : `/${raw}`;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/**
 * normalizePath's fast case for ASCII path bytes b[0, n) (the tar reader's raw names): when they
 * are canonical but for an optional leading "/" and one trailing "/" (how tar writes
 * directories), the length without that trailing slash, so that "/" + those bytes (without the
 * "/" when b[0] is one) is exactly normalizePath of the path; else -1 (an empty, "." or ".."
 * segment, or nothing left).
 */
export function canonicalLength(b: Uint8Array, n: number): number {
  const end = n > 0 && b[n - 1] === 0x2f ? n - 1 : n;
  let seg = n > 0 && b[0] === 0x2f ? 1 : 0;
  if (seg >= end) return -1;
  for (let i = seg; i <= end; i++) {
    if (i === end || b[i] === 0x2f) {
      const len = i - seg;
      if (len === 0 || (len <= 2 && b[seg] === 0x2e && (len === 1 || b[seg + 1] === 0x2e))) return -1;
      seg = i + 1;
    }
  }
  return end;
}
