// How stages refer to each other (dockerfile2llb convert.go toCommand / hasCircularDependency /
// isReachable): FROM names an EARLIER stage (the latest of that name); COPY --from takes a stage
// name (the last of that name), a 0-based index, else an image; RUN --mount from= a name or an
// image. A cycle through --from is an error; the stages built are the target and, transitively,
// its base and what it copies or mounts from.
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/dockerfile2llb/convert.go

import { InstructionError } from './errors.ts';
import { parseFlags } from './flags.ts';
import { parseMountFields } from './mount.ts';
import type { Instruction } from './node.ts';

export interface StageHeader {
  index: number;
  /** lowercased AS name, or null */
  name: string | null;
  from: Instruction;
  body: Instruction[];
}

export const stageLabel = (s: StageHeader) => s.name ?? `stage-${s.index}`;

/** The last stage with this name (lowercased), or undefined. */
export function stageByName(stages: readonly StageHeader[], name: string): StageHeader | undefined {
  const n = name.toLowerCase();
  for (let i = stages.length - 1; i >= 0; i--) if (stages[i].name === n) return stages[i];
  return undefined;
}

/** strconv.Atoi: an optional sign and decimal digits. */
const atoi = (s: string): number | null => (/^[+-]?[0-9]+$/.test(s) ? Number(s) : null);

export interface Reference {
  /** the instruction that makes it */
  at: Instruction;
  kind: 'copy' | 'mount';
  raw: string;
  /** the stage it names, or null for an image */
  stage: number | null;
}

/** The --from references of one instruction (flags as written; --from never expands). */
export function referencesOf(ins: Instruction, stages: readonly StageHeader[]): Reference[] {
  const out: Reference[] = [];
  if (ins.keyword === 'copy' || ins.keyword === 'run') {
    for (const f of parseFlags(ins.keyword, ins.flags)) {
      if (ins.keyword === 'copy' && f.name === 'from' && f.value !== '') {
        const idx = atoi(f.value);
        if (idx !== null) {
          if (idx < 0 || idx >= stages.length) throw new InstructionError(`invalid stage index ${idx}`);
          out.push({ at: ins, kind: 'copy', raw: f.value, stage: idx });
        } else out.push({ at: ins, kind: 'copy', raw: f.value, stage: stageByName(stages, f.value)?.index ?? null });
      }
      if (ins.keyword === 'run' && f.name === 'mount') {
        for (const m of parseMountFields(f.value)) {
          if (m.key === 'from' && m.value) out.push({ at: ins, kind: 'mount', raw: m.value, stage: stageByName(stages, m.value)?.index ?? null });
        }
      }
    }
  }
  return out;
}

/** hasCircularDependency over the --from edges: the first stage found on a cycle, or null. */
export function findCycle(deps: readonly number[][]): number | null {
  const state = new Uint8Array(deps.length); // 0 new, 1 on the path, 2 done
  for (let root = 0; root < deps.length; root++) {
    if (state[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [node, i] = top;
      if (i >= deps[node].length) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      top[1]++;
      const next = deps[node][i];
      if (state[next] === 1) return root;
      if (state[next] === 0) {
        state[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  return null;
}

/** isReachable: the target and everything it builds on or reads from, in file order. */
export function reachableFrom(target: number, edges: readonly number[][]): number[] {
  const seen = new Set<number>([target]);
  const todo = [target];
  while (todo.length) {
    for (const n of edges[todo.pop()!]) {
      if (!seen.has(n)) {
        seen.add(n);
        todo.push(n);
      }
    }
  }
  return [...seen].sort((a, b) => a - b);
}
