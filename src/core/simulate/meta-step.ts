// Instructions that change the image config, not the filesystem (except WORKDIR): ENV, LABEL,
// ARG, USER, WORKDIR, CMD, ENTRYPOINT, EXPOSE, VOLUME, STOPSIGNAL, SHELL, HEALTHCHECK,
// MAINTAINER, ONBUILD, as BuildKit's dispatch* functions apply them (dockerfile2llb/convert.go).

import { healthcheckText } from './builders.ts';
import type { StageState } from './stage-state.ts';
import type { SimInstruction } from './types.ts';
import { absolutePath } from './vfs/paths.ts';

/** CMD/ENTRYPOINT/RUN in shell form run through the SHELL (withShell). */
function withShell(st: StageState, ins: SimInstruction): string[] {
  return ins.json ? ins.args.slice() : [...st.config.shell, ins.args.join(' ')];
}

export function applyMeta(st: StageState, ins: SimInstruction): void {
  const c = st.config;
  switch (ins.keyword) {
    case 'env':
      for (const p of ins.pairs) {
        c.env.delete(p.key);
        c.env.set(p.key, p.value);
      }
      break;
    case 'label':
      for (const p of ins.pairs) c.labels[p.key] = p.value;
      break;
    case 'arg':
      for (const a of ins.argValues) {
        if (!st.declaredArgs.some((d) => d.key === a.key)) st.declaredArgs.push(a);
        else st.declaredArgs = st.declaredArgs.map((d) => (d.key === a.key ? a : d));
        if (a.value !== null) st.stageArgs.set(a.key, a.value);
      }
      break;
    case 'user':
      c.user = ins.args[0] ?? null;
      break;
    case 'workdir':
      c.workdir = absolutePath(c.workdir, ins.args[0] ?? '/');
      break;
    case 'cmd':
      c.cmd = withShell(st, ins);
      st.cmdSet = true;
      break;
    case 'entrypoint':
      c.entrypoint = withShell(st, ins);
      if (!st.cmdSet) c.cmd = null;
      break;
    case 'expose':
      for (const p of ins.args) {
        const port = p.includes('/') ? p : `${p}/tcp`;
        if (!c.exposedPorts.includes(port)) c.exposedPorts.push(port);
      }
      break;
    case 'volume':
      for (const v of ins.args) if (!c.volumes.includes(v)) c.volumes.push(v);
      break;
    case 'stopsignal':
      c.stopSignal = ins.args[0] ?? null;
      break;
    case 'shell':
      c.shell = ins.args.slice();
      break;
    case 'healthcheck':
      c.healthcheck = healthcheckText(ins);
      break;
    default:
      break;
  }
}
