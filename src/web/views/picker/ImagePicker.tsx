// Shown when an archive holds several images (a multi-platform index, `podman save -m`, several
// tags): lists them, says which one is shown and why, and re-reads the archive for another one.

import type { ImageArchive } from '../../../core/model/image.ts';
import { shortDigest } from '../../format.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { imageLabel, shownReason } from './default-reason.ts';

const selectReading = (s: AppState) => s.status === 'reading';
const selectPicked = (s: AppState) => s.pickedImage;

export function ImagePicker({ archive }: { archive: ImageArchive }) {
  const reading = useApp(selectReading);
  const picked = useApp(selectPicked);
  if (archive.images.length < 2) return null;
  return (
    <section aria-label="Images in this archive" className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 className="text-sm font-semibold">
          {archive.images.length} images in this archive
        </h2>
        <div role="radiogroup" aria-label="Image" className="flex flex-wrap gap-2">
          {archive.images.map((img) => {
            const on = img.index === archive.selected;
            return (
              <button
                key={img.index}
                type="button"
                role="radio"
                aria-checked={on}
                disabled={reading}
                data-testid="image-choice"
                data-image-index={img.index}
                title={img.digest ?? undefined}
                onClick={() => !on && useApp.getState().pickImage(img.index)}
                className={`rounded-lg border px-3 py-1 text-left text-sm focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-60 ${
                  on
                    ? 'border-sky-500 bg-sky-50 font-medium text-sky-900 dark:bg-sky-950 dark:text-sky-100'
                    : 'border-zinc-300 hover:border-sky-500 dark:border-zinc-700'
                }`}
              >
                <span className="font-mono">{imageLabel(img)}</span>
                <span className="ml-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">{shortDigest(img.digest)}</span>
              </button>
            );
          })}
        </div>
      </div>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{shownReason(archive, picked)}</p>
    </section>
  );
}
