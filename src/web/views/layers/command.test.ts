import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitCommand } from './command.ts';

describe('splitCommand', () => {
  it.each([
    ['/bin/sh -c #(nop) CMD ls -alh /data', '/bin/sh -c #(nop) ', 'CMD ls -alh /data', ''],
    ['/bin/sh -c mkdir /data', '/bin/sh -c ', 'mkdir /data', ''],
    ['|2 UNUSED_ARG=not-recorded VERSION=1.2.3 /bin/sh -c echo hi > /x', '|2 UNUSED_ARG=not-recorded VERSION=1.2.3 /bin/sh -c ', 'echo hi > /x', ''],
    ['RUN /bin/sh -c apk add curl # buildkit', 'RUN /bin/sh -c ', 'apk add curl', ' # buildkit'],
    ['COPY app /app # buildkit', '', 'COPY app /app', ' # buildkit'],
    ['/bin/sh -c #(nop) COPY file:06212 in /usr/local/bin/entrypoint.sh ', '/bin/sh -c #(nop) ', 'COPY file:06212 in /usr/local/bin/entrypoint.sh ', ''],
    ['', '', '', ''],
    ['/bin/sh -c ', '', '/bin/sh -c ', ''],
  ])('%j', (input, prefix, body, suffix) => {
    expect(splitCommand(input)).toEqual({ prefix, body, suffix });
  });

  it('keeps every character: the parts join back to the input', () => {
    const words = fc.constantFrom('/bin/sh -c ', '#(nop) ', '|2 A=b ', 'RUN ', ' # buildkit', 'echo x', '\n', '  ', 'CMD ["sh"]');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string()), { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        const p = splitCommand(s);
        return p.prefix + p.body + p.suffix === s;
      }),
    );
  });
});
