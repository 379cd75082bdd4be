// Step-by-step upgraders, as the Firefox Profiler upgrades its URLs (STYLE.md #6): a link made at
// version n is carried to n+1, then n+2, … up to the current version, one small function per
// step, and only then validated against the current schema. A step never looks further than its
// own two versions, so each stays simple and a link from any old version keeps opening.
//
// v1 is the first version: there is no step yet. When v2 comes, add `1: (v1) => v2` here, and a
// sample v1 link in samples/ keeps proving the chain (samples.test.ts).

/** upgrader[n] turns version n's decoded JSON into version n+1's. */
export type Upgraders = Readonly<Record<number, (data: unknown) => unknown>>;

export const CURRENT_VERSION = 1;
/** the oldest version this build opens */
export const OLDEST_VERSION = 1;

export const UPGRADERS: Upgraders = {};

export type UpgradeResult = { ok: true; data: unknown } | { ok: false; problem: string };

/** Runs every step from `from` up to `to`; never throws (a step that throws is a bad link). */
export function upgrade(data: unknown, from: number, to: number = CURRENT_VERSION, upgraders: Upgraders = UPGRADERS): UpgradeResult {
  let d = data;
  for (let v = from; v < to; v++) {
    const step = upgraders[v];
    if (!step) return { ok: false, problem: `no way to read a version ${v} link in this version` };
    try {
      d = step(d);
    } catch (e) {
      return { ok: false, problem: `its version ${v} data could not be upgraded: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { ok: true, data: d };
}
