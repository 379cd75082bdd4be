// The variables a word is expanded against: BuildKit's shell.EnvGetter and EnvsFromSlice
// (frontend/dockerfile/shell/lex.go). Keys compare as written (NormalizeEnvKey is the identity
// on Linux, equal_env_unix.go); in a slice, a later KEY=value wins.
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/shell/lex.go

export interface EnvGetter {
  get(key: string): string | undefined;
  keys(): string[];
}

/** ["K=v", "K2"] → getter; an entry without '=' is set to "". */
export function envsFromSlice(env: readonly string[]): EnvGetter {
  const map = new Map<string, string>();
  const keys: string[] = [];
  for (const e of env) {
    const i = e.indexOf('=');
    const k = i < 0 ? e : e.slice(0, i);
    keys.push(k);
    map.set(k, i < 0 ? '' : e.slice(i + 1));
  }
  return { get: (k) => map.get(k), keys: () => keys };
}

export function envsFromMap(env: ReadonlyMap<string, string> | Readonly<Record<string, string>>): EnvGetter {
  const map = env instanceof Map ? new Map(env) : new Map(Object.entries(env));
  return { get: (k) => map.get(k), keys: () => [...map.keys()] };
}

export const emptyEnv: EnvGetter = { get: () => undefined, keys: () => [] };
