// RUN --mount=type=cache,target=/root/.cache,from=build: BuildKit reads the value as one CSV
// record (encoding/csv), then each field as key=value or a bare option (ro, rw, required); every
// value is expanded except `from`, which must not contain variables.
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/instructions/commands_runmount.go
// https://docs.docker.com/reference/dockerfile/#run---mount

import { InstructionError } from './errors.ts';

export interface MountField {
  key: string;
  /** null for a bare option such as `ro` */
  value: string | null;
}

/** encoding/csv for one line: fields split on ',', "…" quoting with "" for a quote. */
export function splitCsv(s: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) throw new InstructionError(`parse error: extraneous or missing " in quoted-field`);
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += s[i++];
      }
      if (i < s.length && s[i] !== ',') throw new InstructionError(`parse error: extraneous or missing " in quoted-field`);
    } else {
      const c = s.indexOf(',', i);
      const end = c < 0 ? s.length : c;
      field = s.slice(i, end);
      if (field.includes('"')) throw new InstructionError(`parse error: bare " in non-quoted-field`);
      i = end;
    }
    fields.push(field);
    if (i >= s.length) return fields;
    i++; // the comma
  }
}

export function parseMountFields(value: string): MountField[] {
  return splitCsv(value).map((f) => {
    const eq = f.indexOf('=');
    return eq < 0 ? { key: f.toLowerCase(), value: null } : { key: f.slice(0, eq).toLowerCase(), value: f.slice(eq + 1) };
  });
}

/** Back to the flag's text, after expansion. */
export function formatMountFields(fields: readonly MountField[]): string {
  return fields.map((f) => (f.value === null ? f.key : `${f.key}=${/[",]/.test(f.value) ? `"${f.value.replace(/"/g, '""')}"` : f.value}`)).join(',');
}
