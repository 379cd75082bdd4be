// Byte chunks joined into one array: read heads, small payloads, inflated share links, test
// archives. One copy; a single chunk is returned as it is.

export function concatBytes(parts: readonly Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 1 && (total === undefined || total === parts[0].length)) return parts[0];
  let n = total;
  if (n === undefined) {
    n = 0;
    for (const p of parts) n += p.length;
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
