// The image at a glance: what it is (ref, platform, created, digest), what was read (file, format,
// size words), and how it runs (config: env, cmd, entrypoint, workdir, user, ports, labels).

import { platformString, type ImageArchive } from '../../../core/model/image.ts';
import { exactBytes, formatBytes, formatCount, formatDate, shortDigest } from '../../format.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { Argv, Field, Lines, Text } from './Field.tsx';

const selectReadMs = (s: AppState) => s.readMs;

const FORMAT_NAMES = { 'docker-archive': 'docker save', 'oci-layout': 'OCI image layout', 'filesystem-tar': 'filesystem tar', dockerfile: 'Dockerfile' } as const;

function sum(archive: ImageArchive, key: 'compressedSize' | 'tarSize' | 'fileBytes' | 'fileCount'): number {
  return archive.image.layers.reduce((n, l) => n + l[key], 0);
}

export function ImageSummary({ archive }: { archive: ImageArchive }) {
  const readMs = useApp(selectReadMs);
  const { image, input } = archive;
  const c = image.config;
  const compressed = sum(archive, 'compressedSize');
  const tar = sum(archive, 'tarSize');
  return (
    <section aria-label="Image summary" className="grid gap-x-8 gap-y-3 rounded-xl border border-zinc-200 px-4 py-3 text-sm lg:grid-cols-2 dark:border-zinc-800">
      <div className="min-w-0">
        <h2 className="mb-1.5 min-w-0 font-mono text-base font-semibold break-all" data-testid="image-ref">
          {image.ref ?? '(untagged image)'}
        </h2>
        <dl className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-3 gap-y-0.5">
          <Field label="Platform">{platformString(image.platform) ?? '–'}</Field>
          <Field label="Created">{formatDate(image.created)}</Field>
          <Field label="Config digest">
            <span className="font-mono text-xs" title={image.configDigest ?? undefined}>
              {shortDigest(image.configDigest)}
            </span>
          </Field>
          <Field label="File">
            <span className="font-mono text-xs break-all" data-testid="input-name">{input.name}</span>{' '}
            <span className="text-zinc-500 dark:text-zinc-400" title={exactBytes(input.bytes)}>
              ({FORMAT_NAMES[input.format]}, {formatBytes(input.bytes)}
              {readMs !== null ? `, read in ${formatCount(Math.round(readMs))} ms` : ''})
            </span>
          </Field>
          <Field label="Layers" title="compressed: blob bytes in the archive; tar: uncompressed layer tar bytes">
            {image.layers.length} layers, {image.history.length} history entries ·{' '}
            <span title={exactBytes(compressed)}>{formatBytes(compressed)} compressed</span> ·{' '}
            <span title={exactBytes(tar)}>{formatBytes(tar)} as tar</span> · {formatCount(sum(archive, 'fileCount'))} files
          </Field>
        </dl>
      </div>
      <div className="min-w-0">
        <h2 className="mb-1.5 text-base font-semibold">Config</h2>
        <dl className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-3 gap-y-0.5">
          <Field label="Entrypoint"><Argv argv={c.entrypoint} /></Field>
          <Field label="Cmd"><Argv argv={c.cmd} /></Field>
          <Field label="Workdir"><Text value={c.workdir} /></Field>
          <Field label="User"><Text value={c.user} /></Field>
          <Field label="Ports"><Lines items={c.exposedPorts} /></Field>
          <Field label="Env"><Lines items={c.env} /></Field>
          <Field label="Labels"><Lines items={Object.entries(c.labels).map(([k, v]) => `${k}=${v}`)} /></Field>
        </dl>
      </div>
    </section>
  );
}
