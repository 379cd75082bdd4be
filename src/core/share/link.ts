// Share links: the page's state in the URL fragment (never sent to a server), as
//   #v=1&s=<base64url of raw-DEFLATE of the state's JSON>
// `v` stays outside the compressed part, so a later version knows how to read an older link
// before it unpacks it. Decoding is a pure function of the fragment that never throws: every way
// a link can be wrong (cut short in a chat, edited by hand, made by a newer version, a crafted
// bomb) ends as a sentence a person can act on (DESIGN.md "Share links", STYLE.md #6, #7).

import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { deflateRaw, inflateRaw } from './deflate.ts';
import { checkShareV1, type ShareState } from './schema-v1.ts';
import { shown } from './validate.ts';
import { CURRENT_VERSION, OLDEST_VERSION, UPGRADERS, upgrade, type Upgraders } from './upgrade.ts';

/** A link's JSON may not unpack to more than this (a 100-line Dockerfile is ≈ 4 KB). */
export const MAX_INFLATED_BYTES = 4 << 20;
/** Longer fragments are refused before any work (browsers keep ≈ 2 MB of URL). */
export const MAX_FRAGMENT_CHARS = 2 << 20;

export type DecodeResult =
  | { ok: true; state: ShareState; version: number }
  | { ok: false; problem: string };

export interface FragmentParts {
  version: string;
  payload: string;
  /** how many `v` and `s` parameters the fragment holds (a link the app makes has one of each) */
  versions: number;
  payloads: number;
}

/**
 * The share parts of a fragment ("#v=1&s=…"), or null when it is not a share link at all (no `s`),
 * so the page can tell "not a link" (show nothing) from "a broken link" (say what is wrong).
 */
export function shareParts(hash: string): FragmentParts | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body || body.length > MAX_FRAGMENT_CHARS) return body ? { version: '', payload: '', versions: 0, payloads: 0 } : null;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(body);
  } catch {
    return null;
  }
  const payload = params.get('s');
  if (payload === null) return null;
  return { version: params.get('v') ?? '', payload, versions: params.getAll('v').length, payloads: params.getAll('s').length };
}

export async function encodeShare(state: ShareState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  const packed = await deflateRaw(json);
  return `#v=${CURRENT_VERSION}&s=${encodeBase64url(packed)}`;
}

const PREFIX = 'This share link cannot be opened: ';

/** Text from the link shown in a message, cut to `max` characters, on one line (validate.ts `shown`). */
function quoted(s: string, max: number): string {
  return shown(s.length > max ? `${s.slice(0, max)}…` : s);
}

export async function decodeShare(hash: string, upgraders: Upgraders = UPGRADERS, current: number = CURRENT_VERSION, oldest: number = OLDEST_VERSION): Promise<DecodeResult> {
  const bad = (problem: string): DecodeResult => ({ ok: false, problem: PREFIX + problem });
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.length > MAX_FRAGMENT_CHARS) return bad(`it is ${body.length.toLocaleString('en-US')} characters long, more than any link this app makes.`);
  const parts = shareParts(hash);
  if (!parts) return bad('it holds no shared state (no "s=" part).');
  // Two of either would let two readers see two different links in one; none the app makes has that.
  if (parts.versions > 1 || parts.payloads > 1) return bad(`it holds ${parts.versions} versions ("v=") and ${parts.payloads} data parts ("s="), where a link has one of each; it may have been edited.`);
  if (!/^\d{1,6}$/.test(parts.version)) return bad(`its version "v=${quoted(parts.version, 12)}" is not a number; it may have been cut or edited.`);
  const version = Number(parts.version);
  if (version > current) return bad(`it was made by a newer layerscope (link version ${version}; this one reads up to ${current}). Open it with a newer version.`);
  if (version < oldest) return bad(`its version ${version} is older than any layerscope release.`);
  const packed = decodeBase64url(parts.payload);
  if (!packed || packed.length === 0) return bad('its data is not valid base64url; it may have been cut short or changed when it was copied.');
  const inflated = await inflateRaw(packed, MAX_INFLATED_BYTES);
  if (!inflated.ok) {
    return bad(inflated.problem === 'too-large' ? `its data unpacks to more than ${MAX_INFLATED_BYTES >> 20} MiB.` : 'its data does not unpack; the link was probably cut short or changed when it was copied.');
  }
  let text: string;
  let data: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
    data = JSON.parse(text);
  } catch {
    return bad('its data is not the JSON this app writes.');
  }
  const up = upgrade(data, version, current, upgraders);
  if (!up.ok) return bad(`${up.problem}.`);
  const checked = checkShareV1(up.data);
  if (!checked.ok) return bad(`its contents are not what this app writes (${checked.problem}).`);
  return { ok: true, state: checked.value, version };
}
