// A share link that cannot be opened: say why in a sentence, and keep the page usable (drop a
// file or pick an example).

import { DropZone } from '../../app/DropZone.tsx';
import { ExamplesStrip } from '../examples/ExamplesStrip.tsx';

export function LinkErrorPage({ problem }: { problem: string }) {
  return (
    <div className="flex flex-1 flex-col gap-4">
      <div data-testid="error" role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
        <p className="font-semibold">{problem}</p>
        <p className="mt-1 text-sm text-red-800 dark:text-red-300">Ask for the link again, or drop an image or a Dockerfile, or pick an example.</p>
      </div>
      <div className="flex flex-1 flex-col">
        <DropZone variant="full">
          <ExamplesStrip />
        </DropZone>
      </div>
    </div>
  );
}
