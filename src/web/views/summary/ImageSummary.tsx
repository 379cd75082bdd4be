// The image at a glance, in one strip so the layers and the treemap fit a 720-pixel screen: what
// it is (ref, platform, created, digest), what was read (file, format, size), and, one click
// away, how it runs (config: env, cmd, entrypoint, workdir, user, ports, labels). The layer
// list's total row says the size words summed.

import { platformString, type ImageArchive } from '../../../core/model/image.ts';
import { exactBytes, formatBytes, formatCount, formatDate, shortDigest } from '../../format.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { Argv, Field, Lines, Text } from './Field.tsx';

const selectReadMs = (s: AppState) => s.readMs;

const FORMAT_NAMES = { 'docker-archive': 'docker save', 'oci-layout': 'OCI image layout', 'filesystem-tar': 'filesystem tar', dockerfile: 'Dockerfile' } as const;

const dot = <span className="text-zinc-300 dark:text-zinc-600" aria-hidden="true">·</span>;

export function ImageSummary({ archive }: { archive: ImageArchive }) {
  const readMs = useApp(selectReadMs);
  const { image, input } = archive;
  const c = image.config;
  return (
    <section aria-label="Image summary" className="rounded-xl border border-zinc-200 px-4 py-2 text-sm dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline gap-x-2.5 gap-y-1">
        <h2 className="min-w-0 font-mono text-base font-semibold break-all" data-testid="image-ref">
          {image.ref ?? '(untagged image)'}
        </h2>
        <span title="platform">{platformString(image.platform) ?? '–'}</span>
        {dot}
        <span title="created">{formatDate(image.created)}</span>
        {dot}
        <span className="font-mono text-xs" title={`config digest ${image.configDigest ?? '–'}`}>
          {shortDigest(image.configDigest)}
        </span>
        {dot}
        <span>
          <span className="font-mono text-xs break-all" data-testid="input-name">{input.name}</span>{' '}
          <span className="text-zinc-500 dark:text-zinc-400" title={exactBytes(input.bytes)}>
            ({FORMAT_NAMES[input.format]}, {formatBytes(input.bytes)}
            {readMs !== null ? `, read in ${formatCount(Math.round(readMs))} ms` : ''})
          </span>
        </span>
      </div>
      <details className="group mt-1">
        <summary className="cursor-pointer text-xs text-sky-700 select-none hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400">
          Config: {c.entrypoint || c.cmd ? <code className="font-mono">{JSON.stringify([...(c.entrypoint ?? []), ...(c.cmd ?? [])])}</code> : 'no command'}
          {c.env.length ? `, ${c.env.length} env` : ''}
          {Object.keys(c.labels).length ? `, ${Object.keys(c.labels).length} labels` : ''}
        </summary>
        <dl className="mt-2 grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-3 gap-y-0.5 lg:w-2/3">
          <Field label="Entrypoint"><Argv argv={c.entrypoint} /></Field>
          <Field label="Cmd"><Argv argv={c.cmd} /></Field>
          <Field label="Workdir"><Text value={c.workdir} /></Field>
          <Field label="User"><Text value={c.user} /></Field>
          <Field label="Ports"><Lines items={c.exposedPorts} /></Field>
          <Field label="Env"><Lines items={c.env} /></Field>
          <Field label="Labels"><Lines items={Object.entries(c.labels).map(([k, v]) => `${k}=${v}`)} /></Field>
          <Field label="Config digest"><span className="font-mono text-xs break-all">{image.configDigest ?? '–'}</span></Field>
        </dl>
      </details>
    </section>
  );
}
