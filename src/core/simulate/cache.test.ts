// Build-cache decisions before/after an edit, by BuildKit's rules.

import { describe, expect, it } from 'vitest';
import { MemoryContext } from './context/context-source.ts';
import { cacheDecisions, simulateEdit } from './cache.ts';
import { simulateDockerfile } from './simulate.ts';

const DF = ['FROM scratch', 'ARG MODE=prod', 'ENV APP=/app', 'LABEL v=1', 'COPY package.json /app/', 'RUN echo install > /app/deps', 'COPY src/ /app/src/', 'RUN echo build $MODE > /app/out', 'CMD ["run"]'].join('\n');
const files = { 'package.json': '{}', 'src/main.js': 'main', 'README.md': 'r', '.dockerignore': 'README.md\n' };
const ctx = (over: Record<string, string> = {}) => new MemoryContext('ctx', { ...files, ...over });

async function marks(before: string, after: string, beforeCtx = ctx(), afterCtx = ctx(), buildArgs?: Record<string, string>) {
  const r = await simulateEdit(before, after, { context: afterCtx, buildArgs, beforeOptions: { context: beforeCtx, buildArgs: {} } });
  return r.marks.map((m) => `${m.decision} ${m.original}`);
}

describe('build cache decisions', () => {
  it('an unchanged Dockerfile and context hit every step', async () => {
    const m = await marks(DF, DF);
    expect(m.every((x) => x.startsWith('hit'))).toBe(true);
  });
  it('a changed RUN rebuilds itself and every layer after it; the ones before hit', async () => {
    const after = DF.replace('echo install', 'echo install --frozen');
    const r = await simulateEdit(DF, after, { context: ctx(), beforeOptions: { context: ctx() } });
    const d = r.marks.map((m) => m.decision);
    expect(d).toEqual(['hit', 'hit', 'hit', 'hit', 'rebuild', 'rebuild', 'rebuild', 'hit']);
    expect(r.marks[4].reason).toBe('the instruction changed');
    expect(r.marks[5].reason).toMatch(/earlier step rebuilds \(line 6\)/);
    expect(r.rebuiltLayers).toEqual([1, 2, 3]);
  });
  it('a changed source file rebuilds the COPY that copies it and what follows, not the COPY before', async () => {
    const m = await marks(DF, DF, ctx(), ctx({ 'src/main.js': 'main v2' }));
    expect(m).toEqual([
      'hit ARG MODE=prod',
      'hit ENV APP=/app',
      'hit LABEL v=1',
      'hit COPY package.json /app/',
      'hit RUN echo install > /app/deps',
      'rebuild COPY src/ /app/src/',
      'rebuild RUN echo build $MODE > /app/out',
      'hit CMD ["run"]',
    ]);
  });
  it('a file excluded by .dockerignore does not bust the cache', async () => {
    const m = await marks(DF.replace('COPY src/', 'COPY .'), DF.replace('COPY src/', 'COPY .'), ctx(), ctx({ 'README.md': 'changed' }));
    expect(m.every((x) => x.startsWith('hit'))).toBe(true);
  });
  it('an ENV or ARG value reaches the RUN lines: they rebuild; a LABEL change rebuilds nothing', async () => {
    const env = await simulateEdit(DF, DF.replace('ENV APP=/app', 'ENV APP=/srv'), { context: ctx(), beforeOptions: { context: ctx() } });
    expect(env.marks[3].decision).toBe('hit');
    expect(env.marks[4]).toMatchObject({ decision: 'rebuild', reason: expect.stringMatching(/environment/) });
    const label = await marks(DF, DF.replace('LABEL v=1', 'LABEL v=2'));
    expect(label.filter((x) => x.startsWith('rebuild'))).toEqual(['rebuild LABEL v=2']);
    const arg = await marks(DF, DF, ctx(), ctx(), { MODE: 'dev' });
    expect(arg.filter((x) => x.startsWith('rebuild'))).toEqual(['rebuild ARG MODE=prod', 'rebuild RUN echo install > /app/deps', 'rebuild COPY src/ /app/src/', 'rebuild RUN echo build $MODE > /app/out']);
  });
  it('a change in a build stage rebuilds the COPY --from that reads it', async () => {
    const before = 'FROM scratch AS b\nRUN echo 1 > /o\nFROM scratch\nRUN touch /first\nCOPY --from=b /o /o\nRUN touch /last\n';
    const m = await marks(before, before.replace('echo 1', 'echo 2'));
    expect(m).toEqual(['rebuild RUN echo 2 > /o', 'hit RUN touch /first', 'rebuild COPY --from=b /o /o', 'rebuild RUN touch /last']);
  });
  it('compares two simulations directly', async () => {
    const a = await simulateDockerfile('FROM scratch\nRUN touch /a\n');
    const b = await simulateDockerfile('FROM scratch\nRUN touch /a\nRUN touch /b\n');
    expect(cacheDecisions(a, b).marks.map((m) => m.decision)).toEqual(['hit', 'rebuild']);
  });
});
