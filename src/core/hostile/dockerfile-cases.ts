// Hostile Dockerfiles: a 10 MB line, 100,000 instructions, heredocs and JSON left open, shell
// nested thousands deep, binary garbage, and every instruction given arguments it refuses. Each
// goes through the parser, the stage resolver (the expander) and the simulator.

import { errorCase, eitherCase, resultCase, slug, type HostileCase } from './case.ts';

const enc = new TextEncoder();

function df(name: string, text: () => string | Uint8Array, extra: Partial<HostileCase> = {}): Omit<HostileCase, 'expect'> {
  return {
    name: `dockerfile-${slug(name)}`,
    group: 'dockerfile',
    kind: 'dockerfile',
    fileName: 'Dockerfile',
    bytes: async () => {
      const t = text();
      return typeof t === 'string' ? enc.encode(t) : t;
    },
    ...extra,
  };
}

const MB = 1 << 20;
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

/** Instructions that refuse what they are given, as BuildKit refuses them. */
const BAD_ARGUMENTS: [string, string][] = [
  ['from-nothing', 'FROM'],
  ['from-as-nothing', 'FROM alpine AS'],
  ['from-bad-name', 'FROM alpine AS 1nvalid!name'],
  ['from-unknown-flag', 'FROM --bogus=1 alpine'],
  ['from-stage-cycle', 'FROM b AS a\nFROM a AS b'],
  ['run-nothing', 'FROM alpine\nRUN'],
  ['run-bad-mount', 'FROM alpine\nRUN --mount=type=bogus true'],
  ['run-bad-network', 'FROM alpine\nRUN --network=moon true'],
  ['copy-one-arg', 'FROM alpine\nCOPY onlyone'],
  ['copy-from-unknown', 'FROM alpine\nCOPY --from=nowhere /a /b'],
  ['copy-from-empty', 'FROM alpine\nCOPY --from= /a /b'],
  ['copy-bad-chmod', 'FROM alpine\nCOPY --chmod=999 a b'],
  ['add-bad-checksum', 'FROM alpine\nADD --checksum=md5:zz http://x/y /y'],
  ['env-no-value', 'FROM alpine\nENV'],
  ['env-blank-name', 'FROM alpine\nENV =x'],
  ['arg-blank-name', 'FROM alpine\nARG ='],
  ['label-blank', 'FROM alpine\nLABEL =v'],
  ['expose-nothing', 'FROM alpine\nEXPOSE'],
  ['expose-garbage', 'FROM alpine\nEXPOSE abc/xyz 99999999'],
  ['workdir-nothing', 'FROM alpine\nWORKDIR'],
  ['user-nothing', 'FROM alpine\nUSER'],
  ['volume-open-json', 'FROM alpine\nVOLUME ["/data"'],
  ['shell-not-json', 'FROM alpine\nSHELL /bin/bash -c'],
  ['stopsignal-nothing', 'FROM alpine\nSTOPSIGNAL'],
  ['healthcheck-bad-interval', 'FROM alpine\nHEALTHCHECK --interval=soon CMD true'],
  ['healthcheck-none-extra', 'FROM alpine\nHEALTHCHECK NONE extra'],
  ['onbuild-from', 'FROM alpine\nONBUILD FROM busybox'],
  ['onbuild-onbuild', 'FROM alpine\nONBUILD ONBUILD RUN true'],
  ['maintainer-nothing', 'FROM alpine\nMAINTAINER'],
  ['cmd-json-numbers', 'FROM alpine\nCMD [1, 2, {"a": 3}]'],
  ['entrypoint-open-json', 'FROM alpine\nENTRYPOINT ["/bin/sh", "-c'],
  ['unknown-instruction', 'FROM alpine\nFROBNICATE the image'],
  ['instruction-before-from', 'RUN echo first\nFROM alpine'],
  ['required-arg-missing', 'ARG IMG\nFROM ${IMG:?must be set}'],
  ['bad-substitution', 'FROM alpine\nENV A=${B:Z}'],
  ['bad-escape-directive', '# escape=x\nFROM alpine'],
  ['copy-chown-unknown-user', 'FROM alpine\nCOPY --chown=nobody-here:nogroup a /a'],
];

export function dockerfileCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const long = (n: number, unit: string) => unit.repeat(Math.ceil(n / unit.length));
  out.push(
    errorCase(df('10MB-physical-line', () => `FROM alpine\nRUN ${long(10 * MB, 'echo hello; ')}\n`, { cli: true }), /max allowed size/),
    resultCase(df('10MB-logical-line', () => `FROM alpine\nRUN ${long(10 * MB, 'echo a b c \\\n')}true\n`, { cli: true }), /too long to simulate|longer than the simulator reads/),
    errorCase(df('100k-instructions', () => `FROM alpine\n${lines(100_000, (i) => `RUN echo ${i}`)}\n`, { cli: true }), /over the limit maxInstructions = 2,000/),
    errorCase(df('100k-env', () => `FROM alpine\n${lines(100_000, (i) => `ENV A${i}=${'$'}{A${i - 1}}x`)}\n`), /maxInstructions/),
    // The same limits raised or lowered, as the CLI's --limit / --max-instructions set them.
    resultCase(df('2500-labels-limit-raised', () => `FROM scratch\n${lines(2_500, (i) => `LABEL l${i}=${i}`)}\n`, { limits: { maxInstructions: 3_000 }, cli: true })),
    resultCase(df('run-over-lowered-script-limit', () => `FROM scratch\nRUN touch /made && echo ${'x'.repeat(2_000)}\n`, { limits: { maxScriptBytes: 1_024 }, cli: true }), /the limit maxScriptBytes = 1 KiB/),
    resultCase(df('1900-env-chain', () => `FROM alpine\n${lines(1_900, (i) => `ENV A${i}=${'$'}{A${i - 1}}x`)}\n`)),
    resultCase(df('1000-run-layers', () => `FROM scratch\n${lines(1_000, (i) => `RUN echo ${i} > /f${i % 10}`)}\n`)),
    eitherCase(df('unterminated-heredoc', () => 'FROM alpine\nRUN <<EOF\necho never ends\n')),
    eitherCase(df('unterminated-heredoc-copy', () => 'FROM alpine\nCOPY <<EOF /x\nhello')),
    eitherCase(df('heredoc-100k-lines', () => `FROM alpine\nRUN <<EOF\n${lines(100_000, (i) => `echo ${i}`)}\nEOF\n`)),
    eitherCase(df('unterminated-json-cmd', () => 'FROM alpine\nCMD ["a", "b', { cli: true })),
    eitherCase(df('unterminated-quote-run', () => 'FROM alpine\nRUN echo "never closed')),
    resultCase(df('deep-arith-10000', () => `FROM alpine\nRUN echo ${'$(('.repeat(10_000)}1${'))'.repeat(10_000)}\n`.replace(/(.{60000})/g, '$1\\\n')), /could not be parsed|nests too deeply|not known/),
    resultCase(df('deep-subshell-5000', () => `FROM alpine\nRUN ${'('.repeat(5_000)}true${')'.repeat(5_000)}\n`)),
    resultCase(df('chained-6000-and', () => `FROM alpine\nRUN ${long(6_000 * 16, 'touch /f && \\\n')}true\n`)),
    resultCase(df('deep-command-subst', () => `FROM alpine\nRUN echo ${'$('.repeat(3_000)}x${')'.repeat(3_000)}\n`)),
    eitherCase(df('deep-var-nesting', () => `FROM alpine\nARG A=${'${B:-'.repeat(5_000)}x${'}'.repeat(5_000)}\nRUN echo $A\n`)),
    resultCase(df('while-true-loop', () => 'FROM alpine\nRUN while true; do echo x >> /log; done\n')),
    resultCase(df('fork-bomb', () => 'FROM alpine\nRUN f() { f | f & }; f\n')),
    resultCase(df('recursive-function', () => 'FROM alpine\nRUN f() { f; }; f\n')),
    resultCase(df('symlink-loop-in-run', () => 'FROM scratch\nRUN ln -s /a /b && ln -s /b /a && cat /a/x; mkdir -p /a/b/c\n')),
    resultCase(df('huge-seq', () => 'FROM alpine\nRUN for i in $(seq 1 100000000); do touch /f$i; done\n')),
    resultCase(df('dd-petabyte', () => 'FROM alpine\nRUN dd if=/dev/zero of=/big bs=1M count=1000000000\n')),
    eitherCase(df('binary-garbage', () => garbage(100_000, 17), { cli: true })),
    eitherCase(df('nul-bytes', () => 'FROM alpine\0\nRUN echo \0\0\0\n')),
    eitherCase(df('invalid-utf8', () => Uint8Array.of(0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x0a, 0x52, 0x55, 0x4e, 0x20, 0xc3, 0x28))),
    errorCase(df('empty', () => ''), /no|empty|stage/),
    errorCase(df('only-comments', () => '# just a comment\n# syntax=docker/dockerfile:1\n'), /no|empty|stage/),
  );
  for (const [name, text] of BAD_ARGUMENTS) out.push(eitherCase(df(`bad-${name}`, () => `${text}\n`)));
  return out;
}

function garbage(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
