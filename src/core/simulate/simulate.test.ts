// The simulator end to end with BuildKit's rules (the default): which instructions make layers,
// created_by as BuildKit writes it, stages and --target, COPY/ADD against a context in memory,
// size hints, bases from the catalog and unknown ones, and the model the views read.

import { describe, expect, it } from 'vitest';
import { LayerStack } from '../layerstack/stack.ts';
import { toAnalysisJson } from '../export/analysis-json.ts';
import { MemoryContext } from './context/context-source.ts';
import { simulateDockerfile } from './simulate.ts';
import { writeTar, gzip } from '../tar/testing/write-tar.ts';
import { HINT_ROOT } from './hints.ts';

const history = (s: Awaited<ReturnType<typeof simulateDockerfile>>) => s.image.history.slice(s.base.source === 'catalog' ? s.image.history.findIndex((h) => h.comment === null) : 0).map((h) => `${h.emptyLayer ? '-' : 'L'} ${h.createdBy}`);

describe('BuildKit layers and history', () => {
  it('RUN/COPY/ADD and WORKDIR make layers; the rest are empty history entries; ONBUILD records none', async () => {
    const df = [
      'FROM scratch',
      'ARG V=1',
      'ENV A=x B=${V}',
      'LABEL l=v',
      'WORKDIR /app',
      'COPY a.txt .',
      'RUN echo hi > /app/b',
      'USER 1000',
      'EXPOSE 80 443/udp',
      'VOLUME /data',
      'STOPSIGNAL SIGTERM',
      'SHELL ["/bin/sh", "-c"]',
      'HEALTHCHECK --interval=5s CMD ["true"]',
      'ONBUILD RUN echo',
      'ENTRYPOINT ["/app/run"]',
      'CMD ls -l',
      'WORKDIR /',
    ].join('\n');
    const s = await simulateDockerfile(df, { context: new MemoryContext('ctx', { 'a.txt': 'aaa' }) });
    expect(history(s)).toEqual([
      '- ARG V=1',
      '- ENV A=x B=1',
      '- LABEL l=v',
      'L WORKDIR /app',
      'L COPY a.txt . # buildkit',
      'L RUN |1 V=1 /bin/sh -c echo hi > /app/b # buildkit',
      '- USER 1000',
      '- EXPOSE map[443/udp:{} 80/tcp:{}]',
      '- VOLUME [/data]',
      '- STOPSIGNAL SIGTERM',
      '- SHELL [/bin/sh -c]',
      '- HEALTHCHECK {Test:[CMD true] Interval:5s Timeout:0s StartPeriod:0s StartInterval:0s Retries:0}',
      '- ENTRYPOINT ["/app/run"]',
      '- CMD ["/bin/sh" "-c" "ls -l"]',
      '- WORKDIR /',
    ]);
    expect(s.image.layers.map((l) => l.table.count)).toEqual([1, 2, 2]);
    expect(s.image.config).toMatchObject({ cmd: ['/bin/sh', '-c', 'ls -l'], entrypoint: ['/app/run'], user: '1000', exposedPorts: ['443/udp', '80/tcp'], env: ['A=x', 'B=1'] });
    const onbuild = s.steps.find((x) => x.keyword === 'onbuild')!;
    expect([onbuild.historyIndex, onbuild.why]).toEqual([null, expect.stringMatching(/no history entry/)]);
  });

  it('WORKDIR of an existing directory still makes a layer (an empty one)', async () => {
    const s = await simulateDockerfile('FROM scratch\nRUN mkdir /x\nWORKDIR /x\n');
    expect(s.image.layers.map((l) => l.entryCount)).toEqual([1, 0]);
  });

  it('a recreated directory gets per-child whiteouts with BuildKit and an opaque marker with buildah', async () => {
    const df = 'FROM scratch\nCOPY d/ /data/\nRUN rm -rf /data && mkdir /data && touch /data/n\n';
    const ctx = () => new MemoryContext('c', { 'd/a': 'a', 'd/b': 'b' });
    const kit = await simulateDockerfile(df, { context: ctx() });
    const bah = await simulateDockerfile(df, { context: ctx(), builder: 'buildah' });
    expect(kit.image.layers[1].whiteouts).toEqual(['/data/a', '/data/b']);
    expect(bah.image.layers[1].opaqueDirs).toEqual(['/data']);
  });
});

describe('stages and --target', () => {
  const df = ['FROM scratch AS build', 'RUN mkdir /out && dd if=/dev/zero of=/out/bin bs=1K count=8', 'FROM scratch AS unused', 'RUN touch /x', 'FROM scratch', 'COPY --from=build /out/bin /usr/bin/app', 'RUN touch /final'].join('\n');
  it('only the target chain ends in the image; COPY --from adds one layer with that stage files; unneeded stages are not built', async () => {
    const s = await simulateDockerfile(df);
    expect(s.image.layers.map((l) => l.createdBy)).toEqual(['COPY /out/bin /usr/bin/app # buildkit', 'RUN /bin/sh -c touch /final # buildkit']);
    expect(s.image.layers[0].fileBytes).toBe(8192);
    const unused = s.steps.find((x) => x.original === 'RUN touch /x')!;
    expect([unused.inImage, unused.cacheKey, unused.why]).toEqual([false, null, expect.stringMatching(/not built/)]);
    const build = s.steps.find((x) => x.stage === 0)!;
    expect([build.inImage, build.makesLayer, build.layerIndex]).toEqual([false, true, null]);
  });
  it('--target stops at a stage', async () => {
    const s = await simulateDockerfile(df, { target: 'build' });
    expect(s.image.layers).toHaveLength(1);
    expect(s.target).toBe('build');
  });
  it('FROM an earlier stage carries its layers and files', async () => {
    const s = await simulateDockerfile('FROM scratch AS a\nRUN touch /a\nFROM a\nRUN rm /a\n');
    expect(s.image.layers.map((l) => l.whiteouts)).toEqual([[], ['/a']]);
  });
});

describe('COPY and ADD', () => {
  it('directory contents, dest rules, --chown/--chmod, .dockerignore, wildcards', async () => {
    const ctx = new MemoryContext('c', {
      '.dockerignore': 'secret\n**/*.tmp\n!keep.tmp\n',
      'src/a.js': 'a',
      'src/lib/b.js': 'bb',
      'src/x.tmp': 'tmp',
      'keep.tmp': 'k',
      secret: 's',
      'one.md': '1',
      'two.md': '22',
    });
    const s = await simulateDockerfile('FROM scratch\nCOPY src /app/\nCOPY --chown=7:8 --chmod=600 *.md /docs/\nCOPY keep.tmp /k\nCOPY secret /s\n', { context: ctx });
    const rows = (i: number) => {
      const t = s.image.layers[i].table;
      return Array.from({ length: t.count }, (_, r) => `${t.path(r)} ${t.modes[r].toString(8)} ${t.uids[r]}:${t.gids[r]}`);
    };
    expect(rows(0)).toEqual(['/app 755 0:0', '/app/a.js 644 0:0', '/app/lib 755 0:0', '/app/lib/b.js 644 0:0']);
    expect(rows(1)).toEqual(['/docs 600 7:8', '/docs/one.md 600 7:8', '/docs/two.md 600 7:8']);
    expect(rows(2)).toEqual(['/k 644 0:0']);
    expect(s.image.layers[3].entryCount).toBe(0);
    expect(s.warnings.join()).toMatch(/COPY secret: not found in the build context \(or excluded by \.dockerignore\)/);
  });
  it('ADD extracts a local tar.gz, downloads a URL with an unknown size', async () => {
    const tgz = await gzip(writeTar([{ path: 'v/', type: 'dir' }, { path: 'v/LICENSE', data: 'MIT\n' }]));
    const s = await simulateDockerfile('FROM scratch\nADD v.tgz /opt/\nADD https://example.invalid/tool.bin /usr/local/bin/\n', { context: new MemoryContext('c', { 'v.tgz': tgz }) });
    expect(s.image.layers[0].table.path(s.image.layers[0].table.count - 1)).toBe('/opt/v/LICENSE');
    expect(s.image.layers[1].estimated).toBe(true);
    const t = s.image.layers[1].table;
    expect(t.modes[t.count - 1]).toBe(0o600);
    expect(s.steps[1].unknowns[0].reason).toMatch(/URL/);
  });
  it('without a context, sizes are unknown and the step says so', async () => {
    const s = await simulateDockerfile('FROM scratch\nCOPY . /app\n');
    expect(s.steps[0].estimated).toBe(true);
    expect(s.steps[0].unknowns[0].reason).toMatch(/no build context/);
    expect(s.image.layers[0].estimated).toBe(true);
  });
  it('a heredoc COPY writes the document', async () => {
    const s = await simulateDockerfile('FROM scratch\nCOPY <<EOF /etc/motd\nhello\nEOF\n');
    expect(s.image.layers[0].fileBytes).toBe(6);
  });
});

describe('bases', () => {
  it('a catalog base: its layers first, estimated, with the source cited; /bin/sh resolves', async () => {
    const s = await simulateDockerfile('FROM debian:bookworm\nRUN rm /bin/sh\n');
    expect(s.base.source).toBe('catalog');
    expect(s.image.layers[0].estimated).toBe(true);
    expect(s.image.layers[0].fileBytes).toBe(116_570_000);
    expect(s.image.history[0].comment).toMatch(/repo-info/);
    expect(s.image.layers[1].whiteouts).toEqual(['/usr/bin/sh']);
  });
  it('an unknown base is one layer of unknown size, said plainly', async () => {
    const s = await simulateDockerfile('FROM example.invalid/mystery:1\nRUN touch /x\n');
    expect(s.image.layers[0]).toMatchObject({ estimated: true, fileBytes: 0 });
    expect(s.warnings.join()).toMatch(/not in the built-in catalog/);
  });
});

describe('size hints and the model', () => {
  it('# layerscope: size= gives unknown parts a size', async () => {
    const s = await simulateDockerfile('FROM scratch\n# layerscope: size=40MB\nRUN curl -o /opt/tool https://example.invalid/t\nRUN make # layerscope: size=1K\n');
    expect(s.image.layers[0].fileBytes).toBe(40_000_000);
    expect(s.image.layers[1].table.path(s.image.layers[1].table.count - 1)).toBe(`${HINT_ROOT}/line-4`);
    expect(s.image.layers[1].fileBytes).toBe(1024);
  });
  it('works with LayerStack and the analysis JSON unchanged', async () => {
    const s = await simulateDockerfile('FROM scratch\nRUN mkdir /d && echo a > /d/f\nRUN rm /d/f\n');
    const stack = new LayerStack(s.image.layers.map((l) => l.table));
    expect(stack.readPath('/d/f').steps.map((x) => x.outcome)).toEqual(['whiteout', 'shadowed']);
    const json = toAnalysisJson(s);
    expect(json.input.format).toBe('dockerfile');
    expect(json.totals.reclaimableBytes).toBe(2);
    expect(json.history.map((h) => h.layerIndex)).toEqual([0, 1]);
  });
});

describe('build errors', () => {
  it('an unreadable COPY --chmod stops the simulation as it stops the build', async () => {
    await expect(simulateDockerfile('FROM scratch\nCOPY --chmod=999 a /a\n', { context: new MemoryContext('c', { a: 'a' }) })).rejects.toThrow(/line 2: invalid chmod parameter/);
  });
  it('a RUN that fails is a warning: a real build stops there', async () => {
    const s = await simulateDockerfile('FROM scratch\nRUN rm /nope\n');
    expect(s.warnings.join()).toMatch(/line 2: .*exit status 1: a real build stops here/);
  });
});
