// Checks what is cheap to check: the manifests, indexes and configs a reader already holds
// whole, hashed with WebCrypto against the digest their member names carry
// ("blobs/sha256/<hex>", docker save's "<hex>.json"). A mismatch means the archive was altered
// or damaged after it was written; the image is still shown, with a warning saying which blob.
// Layer blobs are not hashed here (that would cost a second pass over every byte).

import { digestFromMemberName } from './docker-archive.ts';

const ALGORITHMS: Record<string, string> = { sha256: 'SHA-256', sha512: 'SHA-512' };

function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Warnings for members whose content does not hash to the digest in their name. */
export async function verifyDigests(blobs: Iterable<readonly [path: string, bytes: Uint8Array]>): Promise<string[]> {
  // WebCrypto exists in workers, Node 20 and secure pages; elsewhere (a page served over plain
  // http from another host) there is nothing cheap to check with.
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const [path, bytes] of blobs) {
    if (seen.has(path)) continue;
    seen.add(path);
    const digest = digestFromMemberName(path);
    if (!digest) continue;
    const [alg, want] = digest.split(':');
    const name = ALGORITHMS[alg];
    if (!name) continue;
    const got = hex(await subtle.digest(name, bytes as Uint8Array<ArrayBuffer>));
    if (got !== want) {
      warnings.push(`${path}: its content's ${alg} is ${got.slice(0, 12)}…, not the ${want.slice(0, 12)}… its name says: the archive was altered or damaged after it was written`);
    }
  }
  return warnings;
}
