// Option parsing as coreutils/busybox do it: short flags in clusters (`-rf`), short options with
// a value attached or next (`-m755`, `-m 755`), long options (`--mode=755`, `--recursive`), and
// `--` ending the options. Unknown options are kept (a simulation should not fail on them).

export interface OptSpec {
  /** short options that take a value, e.g. "m" for mkdir -m MODE */
  withValue?: string;
  /** long option name → short letter it means (or itself); with a value when listed in longValue */
  long?: Record<string, string>;
  longValue?: string[];
}

export interface Parsed {
  opts: Map<string, string | true>;
  rest: string[];
}

export function getopt(args: string[], spec: OptSpec = {}): Parsed {
  const opts = new Map<string, string | true>();
  const rest: string[] = [];
  const withValue = spec.withValue ?? '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const key = spec.long?.[name] ?? name;
      if (eq > 0) opts.set(key, a.slice(eq + 1));
      else if (spec.longValue?.includes(name) && i + 1 < args.length) opts.set(key, args[++i]);
      else opts.set(key, true);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        if (withValue.includes(c)) {
          const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
          if (v !== undefined) opts.set(c, v);
          break;
        }
        opts.set(c, true);
      }
      continue;
    }
    rest.push(a);
  }
  return { opts, rest };
}

/** Parses sizes as coreutils does: 10, 10K (1024), 10KB (1000), 1M, 2G, 1KiB, 512c/w/b (dd). */
export function parseSize(s: string, ddUnits = false): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(s.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2];
  if (unit === '') return n;
  if (ddUnits) {
    if (unit === 'c') return n;
    if (unit === 'w') return n * 2;
    if (unit === 'b') return n * 512;
  }
  const pow = 'KMGTPE'.indexOf(unit[0].toUpperCase()) + 1;
  if (pow === 0) return null;
  const rest = unit.slice(1);
  if (rest === '' || rest === 'iB' || rest === 'ib') return n * 1024 ** pow;
  if (rest === 'B' || rest === 'b') return n * 1000 ** pow;
  return null;
}
