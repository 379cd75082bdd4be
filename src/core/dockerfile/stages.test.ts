// resolveStages: ARG scoping, build args, the stage environment, which words expand, stage
// references and their errors — each case as BuildKit's docs and dockerfile2llb describe it.

import { describe, expect, it } from 'vitest';
import { DockerfileError } from './errors.ts';
import { parseDockerfile } from './parser.ts';
import { resolveStages, type ResolveOptions } from './stages.ts';

const resolve = (text: string, o: ResolveOptions = {}) => resolveStages(parseDockerfile(text), o);
const errorOf = (text: string, o: ResolveOptions = {}) => {
  try {
    resolve(text, o);
  } catch (e) {
    if (e instanceof DockerfileError) return e;
    throw e;
  }
  throw new Error('expected a DockerfileError');
};
const argsOf = (text: string, stage = 0, o: ResolveOptions = {}) => resolve(text, o).stages[stage].instructions.map((i) => i.args);

describe('ARG scoping', () => {
  it('global ARGs expand in FROM but not inside a stage until re-declared', () => {
    const r = resolve('ARG V=3.19\nARG IMG=alpine:${V}\nFROM $IMG\nRUN echo\nWORKDIR /a/$V\nARG V\nWORKDIR /b/$V\n');
    expect(r.stages[0].baseName).toBe('alpine:3.19');
    expect(r.globalArgs).toEqual([{ key: 'V', value: '3.19' }, { key: 'IMG', value: 'alpine:3.19' }]);
    const [, w1, arg, w2] = r.stages[0].instructions;
    expect(w1.args).toEqual(['/a/']);
    expect(arg.argValues).toEqual([{ key: 'V', value: '3.19' }]);
    expect(w2.args).toEqual(['/b/3.19']);
  });
  it('--build-arg overrides global and stage defaults; a default is then not evaluated', () => {
    const r = resolve('ARG V=1\nFROM img:$V\nARG W=${MISSING:?unset}\nENV w=$W', { buildArgs: { V: '2', W: 'given' } });
    expect(r.stages[0].baseName).toBe('img:2');
    expect(r.stages[0].instructions[1].pairs).toEqual([{ key: 'w', value: 'given', legacy: false }]);
    expect(errorOf('FROM a\nARG W=${MISSING:?unset}').detail).toBe('failed to process "${MISSING:?unset}": MISSING: unset');
  });
  it('each stage has its own ARGs; a child stage inherits its parent\'s', () => {
    const r = resolve('FROM a AS one\nARG X=1\nFROM one AS two\nRUN x\nFROM a\nRUN y\n');
    expect(r.stages[1].instructions[0].env).toContain('X=1');
    expect(r.stages[2].instructions[0].env.some((e) => e.startsWith('X='))).toBe(false);
  });
  it('platform ARGs are global, linux/amd64 by default, and overridable', () => {
    const r = resolve('FROM --platform=$BUILDPLATFORM golang AS b\nARG TARGETARCH\nARG TARGETPLATFORM\nRUN echo\n');
    expect(r.stages[0].platform).toBe('linux/amd64');
    expect(r.stages[0].instructions[2].env).toEqual(expect.arrayContaining(['TARGETARCH=amd64', 'TARGETPLATFORM=linux/amd64']));
    const arm = resolve('FROM x\nARG TARGETPLATFORM\nARG TARGETVARIANT\nARG TARGETSTAGE', { targetPlatform: 'linux/arm/v7' });
    expect(arm.stages[0].instructions.map((i) => i.argValues[0].value)).toEqual(['linux/arm/v7', 'v7', 'default']);
  });
  it('an ARG default sees earlier ARGs and ENVs of the stage', () => {
    const r = resolve('FROM a\nENV base=/opt\nARG dir=$base/app sub=${dir}/x\nWORKDIR $sub');
    expect(r.stages[0].instructions[2].args).toEqual(['/opt/app/x']);
  });
  it('proxy build args reach RUN without an ARG, and nothing else', () => {
    const r = resolve('FROM a\nRUN x\nWORKDIR /$HTTP_PROXY', { buildArgs: { HTTP_PROXY: 'http://p', other: 'o' } });
    expect(r.stages[0].instructions[0].env).toContain('HTTP_PROXY=http://p');
    expect(r.stages[0].instructions[0].env.some((e) => e.startsWith('other='))).toBe(false);
    expect(r.stages[0].instructions[1].args).toEqual(['/']);
  });
});

describe('the stage environment', () => {
  it('PATH is there by default, an image Env seeds it, ENV pairs all see the old values', () => {
    const r = resolve('FROM img\nENV a=1\nENV a=2 b=$a\nRUN x', { baseImageEnv: (ref) => (ref === 'img' ? ['HOME=/root'] : undefined) });
    const run = r.stages[0].instructions[2];
    expect(run.env).toEqual(['HOME=/root', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'a=2', 'b=1']);
  });
  it('a redefined name moves to the end', () => {
    expect(resolve('FROM scratch\nENV a=1 b=2\nENV a=3').stages[0].env.slice(1)).toEqual(['b=2', 'a=3']);
  });
});

describe('what expands', () => {
  it('ENV/LABEL keys and values, USER, STOPSIGNAL, VOLUME, EXPOSE (raw words sorted, then split again)', () => {
    const out = argsOf('FROM a\nENV k=v\nLABEL "$k"="x $k"\nUSER ${k}:g\nSTOPSIGNAL SIG$k\nVOLUME ["/d/$k", "/e"]\nENV ports="80 443/udp"\nEXPOSE $ports 22');
    expect(out).toEqual([['k', 'v', '='], ['v', 'x v', '='], ['v:g'], ['SIGv'], ['/d/v', '/e'], ['ports', '80 443/udp', '='], ['80', '443/udp', '22']]);
  });
  it('COPY/ADD sources, destination, --chown, --chmod, --checksum; not --exclude', () => {
    const r = resolve('FROM a\nENV u=app d=/srv\nCOPY --chown=$u --chmod=0755 --exclude=$d *.txt $d/\nADD --checksum=sha256:$u https://x/$u.tgz /');
    const [, copy, add] = r.stages[0].instructions;
    expect(copy.args).toEqual(['*.txt', '/srv/']);
    expect(copy.flags.map((f) => [f.name, f.value])).toEqual([['chown', 'app'], ['chmod', '0755'], ['exclude', '$d']]);
    expect(add.args).toEqual(['https://x/app.tgz', '/']);
    expect(add.flags[0].value).toBe('sha256:app');
  });
  it('not RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, ONBUILD; RUN --mount values do', () => {
    const r = resolve('FROM a\nENV c=/cache\nRUN --mount=type=cache,target=$c echo $c\nCMD echo $c\nENTRYPOINT ["$c"]\nONBUILD RUN $c');
    const [, run, cmd, ep, ob] = r.stages[0].instructions;
    expect([run.args, run.flags[0].value]).toEqual([['echo $c'], 'type=cache,target=/cache']);
    expect([cmd.args, ep.args, ob.sub?.args]).toEqual([['echo $c'], ['$c'], ['$c']]);
  });
  it('COPY heredoc bodies expand unless the delimiter is quoted; <<- strips tabs', () => {
    const r = resolve('FROM a\nENV who=world\nCOPY <<-EOF <<"RAW" /x/\n\thello $who "q" \\$who\n\tEOF\n$who\nRAW\n');
    expect(r.stages[0].instructions[1].heredocs.map((h) => h.content)).toEqual(['hello world "q" $who\n', '$who\n']);
  });
  it('the escape directive applies to expansion', () => {
    expect(argsOf('# escape=`\nFROM a\nENV v=x\nWORKDIR C:\\`$v\\$v')[1]).toEqual(['C:\\$v\\x']);
  });
});

describe('stages', () => {
  it('FROM an earlier stage; --target; what the target needs', () => {
    const text = 'FROM alpine AS base\nRUN a\nFROM base AS build\nRUN b\nFROM alpine AS other\nFROM scratch\nCOPY --from=build /x /x\nCOPY --from=nginx:1 /y /y\n';
    const r = resolve(text);
    expect(r.stages.map((s) => [s.name, s.baseName, s.baseStage])).toEqual([['base', 'alpine', null], ['build', 'base', 0], ['other', 'alpine', null], [null, 'scratch', null]]);
    expect(r.target).toBe(3);
    expect(r.reachable).toEqual([0, 1, 3]);
    expect(r.stages[3].instructions.map((i) => [i.fromStages, i.fromImages])).toEqual([[[1], []], [[], ['nginx:1']]]);
    expect(resolve(text, { target: 'BUILD' }).reachable).toEqual([0, 1]);
  });
  it('COPY --from by index, and its errors', () => {
    expect(resolve('FROM a\nFROM b\nCOPY --from=0 /a /a').stages[1].dependsOn).toEqual([0]);
    expect(errorOf('FROM a\nCOPY --from=5 /a /a').detail).toBe('invalid stage index 5');
    expect(errorOf('FROM busybox AS stage0\nCOPY --from=stage0 f1 /sub/').detail).toBe('circular dependency detected on stage: stage0');
    const cyc = 'FROM busybox AS stage0\nCOPY --from=stage2 f1 /sub/\nFROM busybox AS stage1\nCOPY --from=stage0 f2 /sub/\nFROM busybox AS stage2\nCOPY --from=stage1 f2 /sub/\n';
    expect(errorOf(cyc).detail).toBe('circular dependency detected on stage: stage0');
    expect(errorOf('FROM a\nCOPY --from=later /x /x\nFROM b AS later').detail).toBe('cannot copy from stage "later", it needs to be defined before current stage "stage-0"');
    expect(errorOf('FROM a\nARG S=x\nCOPY --from=$S /x /x').detail).toContain('variable expansion is not supported for --from');
    expect(errorOf('FROM a\nRUN --mount=from=${S},target=/m x').detail).toBe("'from' doesn't support variable expansion, define alias stage instead");
  });
  it('runs the parent stage\'s ONBUILD triggers first, expanded in the child', () => {
    const r = resolve('FROM a AS p\nONBUILD WORKDIR /$n\nFROM p\nENV n=1\nFROM p\nARG n=2\n');
    expect(r.stages[1].instructions.map((i) => [i.keyword, i.trigger, i.args])).toEqual([['workdir', true, ['/']], ['env', false, ['n', '1', '=']]]);
  });
  it('errors', () => {
    expect(errorOf('ARG x\nRUN y').detail).toBe('no build stage in current context');
    expect(errorOf('ARG x=1').detail).toBe('dockerfile contains no stages to build');
    expect(errorOf('FROM a b').detail).toBe('FROM requires either one or three arguments');
    expect(errorOf('FROM a AS 1x').detail).toBe('invalid name for build stage: "1x", name can\'t start with a number or contain symbols');
    expect(errorOf('ARG img\nFROM $img').detail).toBe('base name ($img) should not be blank');
    expect(errorOf('FROM a AS build\nRUN x', { target: 'buidl' }).detail).toBe('target stage "buidl" could not be found (did you mean build?)');
    const e = errorOf('FROM a\n\nCOPY --chown=1 \\\n  only-one');
    expect([e.line, e.endLine, e.detail]).toEqual([3, 4, 'COPY requires at least two arguments, but only one was provided. Destination could not be determined']);
    expect(errorOf('FROM a\nCOPY --form=x a b').detail).toBe('unknown flag: form (did you mean from?)');
    expect(errorOf('FROM a\nWORKDIR ${x:-y').detail).toBe('failed to process "${x:-y": syntax error: missing \'}\'');
    expect(errorOf('FROM a\nWORKDIR ${x').detail).toBe('failed to process "${x": unsupported modifier (\ufffd) in substitution');
    expect(errorOf('FROM a\nSHELL bash -c').detail).toBe('SHELL requires the arguments to be in JSON form');
  });
});
