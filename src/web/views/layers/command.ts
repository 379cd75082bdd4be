// Splits a history `created_by` into builder noise (shown muted) and the instruction itself, so
// the eye lands on `dd if=/dev/zero …` rather than `/bin/sh -c #(nop) `. The three parts always
// concatenate back to the original text: nothing is cut or rewritten.
//
// Forms seen in the wild:
//   /bin/sh -c #(nop) CMD ["sh"]                 buildah, classic docker: a config-only step
//   /bin/sh -c mkdir /data                        a RUN
//   |2 A=1 B=2 /bin/sh -c make                    a RUN with build args (classic builder)
//   RUN /bin/sh -c apk add curl # buildkit        BuildKit
//   COPY file.txt / # buildkit                    BuildKit

export interface CommandParts {
  prefix: string;
  body: string;
  suffix: string;
}

const PREFIX = /^(?:\|\d+ (?:.*? )?)?\/bin\/sh -c (?:#\(nop\) ?)?/s;
const BUILDKIT_RUN = /^RUN (?:\|\d+ (?:.*? )?)?\/bin\/sh -c /s;
const BUILDKIT_SUFFIX = / # buildkit$/;

export function splitCommand(createdBy: string): CommandParts {
  let prefix = '';
  let rest = createdBy;
  const bk = BUILDKIT_RUN.exec(rest);
  const m = bk ?? PREFIX.exec(rest);
  if (m && m[0].length < rest.length) {
    prefix = m[0];
    rest = rest.slice(m[0].length);
  }
  let suffix = '';
  const s = BUILDKIT_SUFFIX.exec(rest);
  if (s && s.index > 0) {
    suffix = s[0];
    rest = rest.slice(0, s.index);
  }
  return { prefix, body: rest, suffix };
}
