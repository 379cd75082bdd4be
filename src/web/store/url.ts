// State kept in the URL fragment (never sent to a server). Parsing is a pure function of the
// hash: it never throws, ignores what it does not know, and leaves defaults out (STYLE.md #7,
// speedscope's getHashParams). Today the fragment holds which built-in example is open.

export interface HashParams {
  /** a built-in example to open, e.g. "seed-a-bloated" */
  example?: string;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function parseHash(hash: string): HashParams {
  const out: HashParams = {};
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body) return out;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(body);
  } catch {
    return out;
  }
  const example = params.get('example');
  if (example !== null && NAME.test(example)) out.example = example;
  return out;
}

export function formatHash(p: HashParams): string {
  const params = new URLSearchParams();
  if (p.example) params.set('example', p.example);
  const s = params.toString();
  return s ? `#${s}` : '';
}
