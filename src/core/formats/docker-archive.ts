// `docker save` / `podman save` / `skopeo copy docker-archive:` layout: a manifest.json listing
// images ({Config, RepoTags, Layers}) with layer tars as archive members, in the manifest's order.
// Docker 25+ writes the same manifest.json beside an OCI layout, pointing into blobs/.
// https://github.com/moby/moby/blob/master/image/tarexport/ (save.go, load.go)

import { Fields, isObject, parseJson } from './json-fields.ts';
import { memberName, type ArchiveMembers, type ArchivePlan, type ImagePlan } from './image-plan.ts';

const HEX64 = /^[a-f0-9]{64}$/;

/** The digest a member's name implies: "blobs/sha256/<hex>" or skopeo's "<hex>.tar" / "<hex>.json". */
export function digestFromMemberName(path: string): string | null {
  const blob = /^blobs\/(sha256|sha512)\/([a-f0-9]+)$/.exec(path);
  if (blob) return `${blob[1]}:${blob[2]}`;
  const base = path.replace(/\.(tar|json)$/, '');
  return HEX64.test(base) ? `sha256:${base}` : null;
}

/** Returns null when the archive has no manifest.json ("not mine"). */
export function planDockerArchive(members: ArchiveMembers): ArchivePlan | null {
  const bytes = members.bytes('manifest.json');
  if (!bytes) return null;
  const f = new Fields(members.fileName, 'manifest.json');
  const list = f.array(parseJson(members.fileName, 'manifest.json', bytes, members.limits), 'manifest.json');
  const warnings: string[] = [];
  const images: ImagePlan[] = list.map((item, i) => {
    const where = `manifest.json[${i}]`;
    const g = new Fields(members.fileName, where);
    const o = g.object(item, 'each entry');
    const configPath = memberName(g.string(o.Config, 'Config'));
    const layerPaths = g.array(o.Layers, 'Layers').map((l, j) => memberName(g.string(l, `Layers[${j}]`)));
    const refs = g.stringList(o.RepoTags);
    const sources = isObject(o.LayerSources) ? o.LayerSources : {};
    for (const p of [configPath, ...layerPaths]) {
      if (p.split('/').includes('..')) g.fail(`names "${p}", which leaves the archive`);
    }
    const configDigest = digestFromMemberName(configPath);
    return {
      ref: refs[0] ?? null,
      refs,
      platform: null,
      digest: configDigest,
      configPath,
      configDigest,
      origin: where,
      layers: layerPaths.map((path) => {
        const digest = digestFromMemberName(path);
        const src = digest && isObject(sources[digest]) ? sources[digest] : null;
        return {
          path,
          digest,
          mediaType: src ? g.optString(src.mediaType) : null,
          declaredSize: src ? g.optNumber(src.size) : null,
        };
      }),
    };
  });
  if (images.length === 0) warnings.push('manifest.json lists no images');
  return { format: 'docker-archive', images, warnings };
}
