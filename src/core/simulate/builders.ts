// How each builder turns an instruction into history: whether it makes a layer, and the
// created_by text it records.
// - BuildKit (dockerfile2llb/convert.go, convert_copy.go): RUN, COPY, ADD make a layer even when
//   nothing changes; WORKDIR makes one unless the path is "/" (an empty layer when the directory
//   already exists); the rest are history entries with empty_layer; ONBUILD records nothing.
//   created_by: "RUN |N K=V … /bin/sh -c CMD # buildkit", "COPY [--chown=…] [--chmod=…] SRC… DEST
//   # buildkit", "ENV K=V …", `CMD ["a" "b"]` (Go's %q of a []string), "EXPOSE map[80/tcp:{}]",
//   "VOLUME [/data]", "SHELL [/bin/sh -c]", "HEALTHCHECK {Test:[…] Interval:30s …}".
// - Buildah 1.28 (imagebuildah/stage_executor.go getCreatedBy): WORKDIR makes no layer; RUN
//   "|N K=V … /bin/sh -c <original without RUN >" with the stage's ARGs sorted (N counts the
//   space-separated words); COPY/ADD "/bin/sh -c #(nop) COPY <file|dir|multi>:<digest> in <dest> ";
//   ARG "/bin/sh -c #(nop) ARG <names, sorted>"; others "/bin/sh -c #(nop) <original>". These
//   forms are checked against the fixtures' real history (*.truth.json, buildah 1.28.2).

import type { BuilderName, SimInstruction } from './types.ts';

export interface BuilderRules {
  name: BuilderName;
  /** does this instruction make a layer? */
  makesLayer(ins: SimInstruction, workdir: string): boolean;
  /** buildah writes `.wh..wh..opq` for a recreated directory; BuildKit writes per-child whiteouts */
  opaqueDirs: boolean;
  /** paths the builder's RUN always leaves in the layer (buildah on overlay: /run) */
  runExtraPaths: string[];
}

const LAYER_ALWAYS = new Set(['run', 'copy', 'add']);

export const BUILDKIT: BuilderRules = {
  name: 'buildkit',
  makesLayer: (ins, workdir) => LAYER_ALWAYS.has(ins.keyword) || (ins.keyword === 'workdir' && workdir !== '/'),
  opaqueDirs: false,
  runExtraPaths: [],
};

export const BUILDAH: BuilderRules = {
  name: 'buildah',
  makesLayer: (ins) => LAYER_ALWAYS.has(ins.keyword),
  opaqueDirs: true,
  runExtraPaths: ['/run'],
};

export function builderRules(name: BuilderName): BuilderRules {
  return name === 'buildah' ? BUILDAH : BUILDKIT;
}

/** Go's %q of a []string: ["a" "b"]. */
export function goQuotedList(list: string[]): string {
  return `[${list.map((s) => JSON.stringify(s)).join(' ')}]`;
}

export interface HistoryContext {
  /** RUN: the command as the builder runs it (shell + script, or the exec form) */
  runArgs: string[];
  /** BuildKit RUN: the stage's ARGs in declaration order with their values */
  buildArgs: [string, string][];
  /** buildah: every ARG the stage declared with a value, K → V */
  stageArgs: Map<string, string>;
  /** COPY/ADD: buildah's content summary ("file:…") */
  copySummary: string | null;
  /** CMD/ENTRYPOINT: the final argv */
  command: string[] | null;
  workdir: string;
  healthcheck: string | null;
}

function buildkitCreatedBy(ins: SimInstruction, h: HistoryContext): string {
  const k = ins.keyword.toUpperCase();
  switch (ins.keyword) {
    case 'run': {
      const prefix = h.buildArgs.length ? [`|${h.buildArgs.length}`, ...h.buildArgs.map(([a, v]) => `${a}=${v}`)] : [];
      return `RUN ${[...prefix, ...h.runArgs].join(' ')} # buildkit`;
    }
    case 'copy':
    case 'add': {
      const parts = [k];
      for (const name of ['parents', 'chown', 'chmod']) {
        const f = ins.flags.find((x) => x.name === name);
        if (f) parts.push(name === 'parents' ? '--parents' : `--${name}=${f.value}`);
      }
      const docs = new Set(ins.heredocs.map((d) => d.name));
      for (const src of ins.args.slice(0, -1)) {
        const m = /^<<-?["']?([^"']+)["']?$/.exec(src);
        parts.push(m && docs.has(m[1]) ? `<<${m[1]}` : src);
      }
      parts.push(ins.args[ins.args.length - 1]);
      return `${parts.join(' ')} # buildkit`;
    }
    case 'env':
    case 'label':
      return [k, ...ins.pairs.map((p) => `${p.key}=${p.value}`)].join(' ');
    case 'arg':
      return `ARG ${ins.argValues.map((a) => (a.value === null ? a.key : `${a.key}=${a.value}`)).join(' ')}`;
    case 'cmd':
    case 'entrypoint':
      return `${k} ${goQuotedList(h.command ?? [])}`;
    case 'workdir':
      return `WORKDIR ${h.workdir}`;
    case 'expose':
      return `EXPOSE map[${[...new Set(ins.args.map((p) => (p.includes('/') ? p : `${p}/tcp`)))].sort().map((p) => `${p}:{}`).join(' ')}]`;
    case 'volume':
    case 'shell':
      return `${k} [${ins.args.join(' ')}]`;
    case 'healthcheck':
      return `HEALTHCHECK ${h.healthcheck ?? ''}`;
    default:
      return `${k} ${ins.args.join(' ')}`;
  }
}

function buildahCreatedBy(ins: SimInstruction, h: HistoryContext): string {
  const body = ins.original.replace(/^\s*\S+\s?/, '');
  switch (ins.keyword) {
    case 'run': {
      const args = [...h.stageArgs].map(([k, v]) => `${k}=${v}`).sort().join(' ');
      const cmd = `/bin/sh -c ${body}`;
      return args ? `|${args.split(' ').length} ${args} ${cmd}` : cmd;
    }
    case 'copy':
    case 'add':
      return `/bin/sh -c #(nop) ${ins.keyword.toUpperCase()} ${h.copySummary ?? ''} in ${ins.args[ins.args.length - 1]} `;
    case 'arg':
      return `/bin/sh -c #(nop) ARG ${[...h.stageArgs.keys()].sort().join(' ')}`;
    default:
      return `/bin/sh -c #(nop) ${ins.original}`;
  }
}

export function createdBy(builder: BuilderName, ins: SimInstruction, h: HistoryContext): string {
  return builder === 'buildah' ? buildahCreatedBy(ins, h) : buildkitCreatedBy(ins, h);
}

/** Go's %+v of BuildKit's HealthcheckConfig. */
export function healthcheckText(ins: SimInstruction): string | null {
  const f = (n: string, d: string) => ins.flags.find((x) => x.name === n)?.value ?? d;
  if (ins.args[0]?.toUpperCase() === 'NONE') return '{Test:[NONE] Interval:0s Timeout:0s StartPeriod:0s StartInterval:0s Retries:0}';
  const test = ins.json ? ['CMD', ...ins.args.slice(1)] : ['CMD-SHELL', ins.args.slice(1).join(' ')];
  return `{Test:[${test.join(' ')}] Interval:${f('interval', '0s')} Timeout:${f('timeout', '0s')} StartPeriod:${f('start-period', '0s')} StartInterval:${f('start-interval', '0s')} Retries:${f('retries', '0')}}`;
}
