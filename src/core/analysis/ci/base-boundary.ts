// Which layers are the base image (FROM) and which the build added: "user" waste excludes the
// whole base, not only layer 0 as dive assumes (dive/image/image.go Analyze: userSizeBytes sums
// every layer but the first). An image does not record its base, so this is read from what the
// builders leave in the config's history, strongest evidence first:
//
//   given            the caller knows: `--base-layers N`, or a simulated Dockerfile (the simulator
//                    built the base layers itself).
//   buildah-comment  Buildah/Podman write `comment: "FROM <base ref>"` on the first history entry
//                    of a build and `FROM <12-hex id>` on the ones after it. The LAST entry whose
//                    comment names a ref (not an id) starts this build: a base built by Buildah
//                    carries its own, earlier, marker.
//   buildkit-comment BuildKit writes `comment: "buildkit.dockerfile.v0"` on every entry it makes.
//                    This build is the trailing run of such entries. When the run also holds the
//                    base's entries (a base built by BuildKit too: the official python, node, …
//                    images are, on top of a debian entry without the comment), the run is split
//                    at the largest gap (≥ 1 hour) between consecutive `created` times inside it,
//                    because a build's steps are minutes apart and its base was made before it.
//                    That is a heuristic (cached steps or SOURCE_DATE_EPOCH can fool it) and the
//                    report says so; a run that covers the whole history with no gap falls through.
//   first-layer      nothing to go on: layer 0 only, dive's assumption, said as such.
//
// Empty history entries (ENV, CMD, …) belong to whichever side they are on; only layers count.

import type { HistoryEntry, Image } from '../../model/image.ts';

export type BaseMethod = 'given' | 'buildah-comment' | 'buildkit-comment' | 'first-layer';

export interface BaseBoundary {
  /** layers 0..layers-1 are the base image */
  layers: number;
  /** the first history entry of this build, when history says it */
  historyIndex: number | null;
  method: BaseMethod;
  /** how it was decided, in words, for the report */
  detail: string;
  /** false for the fallbacks a person should double-check */
  certain: boolean;
}

const BUILDAH_FROM = /^FROM (.+)$/;
const HEX_ID = /^[0-9a-f]{12,64}$/;
const BUILDKIT = 'buildkit.dockerfile.v0';
const GAP_MS = 60 * 60 * 1000;

/** Layers made by the history entries before `h` (the base's layers when `h` starts the build). */
function layersBefore(image: Image, h: number): number {
  let n = 0;
  for (const e of image.history) if (e.index < h && !e.emptyLayer) n++;
  return Math.min(n, image.layers.length);
}

function label(e: HistoryEntry): string {
  const by = (e.createdBy ?? '').replace(/^\/bin\/sh -c (#\(nop\) )?/, '').trim();
  return by.length > 60 ? `${by.slice(0, 57)}...` : by || '(no command recorded)';
}

export function givenBase(image: Image, layers: number, why: string): BaseBoundary {
  const n = Math.max(0, Math.min(Math.trunc(layers), image.layers.length));
  const first = image.history.find((e) => e.layerIndex !== null && e.layerIndex >= n);
  return { layers: n, historyIndex: first?.index ?? null, method: 'given', detail: why, certain: true };
}

export function findBase(image: Image): BaseBoundary {
  return fromBuildah(image) ?? fromBuildKit(image) ?? firstLayer(image);
}

function fromBuildah(image: Image): BaseBoundary | null {
  for (let i = image.history.length - 1; i >= 0; i--) {
    const e = image.history[i];
    const m = BUILDAH_FROM.exec(e.comment ?? '');
    if (!m || HEX_ID.test(m[1].trim())) continue;
    const layers = layersBefore(image, e.index);
    return {
      layers,
      historyIndex: e.index,
      method: 'buildah-comment',
      detail: `history entry ${e.index} (${label(e)}) carries Buildah's comment "${e.comment}": the build starts there, ${layers} base layer${layers === 1 ? '' : 's'} below it`,
      certain: true,
    };
  }
  return null;
}

function fromBuildKit(image: Image): BaseBoundary | null {
  const h = image.history;
  let start = h.length;
  while (start > 0 && h[start - 1].comment === BUILDKIT) start--;
  if (start === h.length) return null;
  // The largest gap between consecutive created times inside the run, the entry before it included.
  let best = -1;
  let bestGap = 0;
  for (let i = Math.max(start, 1); i < h.length; i++) {
    const a = Date.parse(h[i - 1].created ?? '');
    const b = Date.parse(h[i].created ?? '');
    if (Number.isFinite(a) && Number.isFinite(b) && b - a >= GAP_MS && b - a > bestGap) {
      bestGap = b - a;
      best = i;
    }
  }
  if (best > start) {
    const e = h[best];
    const layers = layersBefore(image, e.index);
    return {
      layers,
      historyIndex: e.index,
      method: 'buildkit-comment',
      detail: `BuildKit's "${BUILDKIT}" comments run from history entry ${start}; the base was built with BuildKit too, so the build is taken to start at entry ${e.index} (${label(e)}), after the largest gap in created times (${hours(bestGap)}): ${layers} base layer${layers === 1 ? '' : 's'}`,
      certain: false,
    };
  }
  if (start === 0) return null;
  const e = h[start];
  const layers = layersBefore(image, e.index);
  return {
    layers,
    historyIndex: e.index,
    method: 'buildkit-comment',
    detail: `history entries ${start}..${h.length - 1} carry BuildKit's "${BUILDKIT}" comment and the ones before do not: the build starts at entry ${start} (${label(e)}), ${layers} base layer${layers === 1 ? '' : 's'} below it`,
    certain: true,
  };
}

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 48 ? `${(h / 24).toFixed(0)} days` : `${h.toFixed(1)} hours`;
}

function firstLayer(image: Image): BaseBoundary {
  const layers = Math.min(1, image.layers.length);
  return {
    layers,
    historyIndex: null,
    method: 'first-layer',
    detail: 'the history carries no builder marker (Buildah "FROM …" or BuildKit comments): layer 0 is taken as the base, as dive does; pass --base-layers N to say otherwise',
    certain: false,
  };
}
