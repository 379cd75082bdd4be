// The drop zone: takes an image archive by drag-and-drop or the file picker and hands the File to
// the store (the worker reads it; nothing is uploaded). `full` fills the empty page; `compact`
// sits in the header once an image is shown, so another file can be dropped at any time.
// A folder (dropped, or picked with `folder-input`) or several files holding a Dockerfile are
// simulated with the folder as the build context and an image archive beside it as the base.

import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useApp } from '../store/store.ts';
import { clearHash } from './hash-sync.ts';
import { droppedFiles, isMultiDrop, pickedFiles } from './dropped-files.ts';
import type { DroppedFile } from '../store/drop-plan.ts';

function openFiles(files: FileList | null): void {
  const file = files?.[0];
  if (!file) return;
  clearHash();
  useApp.getState().openFile(file, file.name);
}

function openDropped(files: DroppedFile[]): void {
  if (files.length === 0) return;
  clearHash();
  void useApp.getState().openFiles(files);
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function DropZone({ variant, children }: { variant: 'full' | 'compact'; children?: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDragLeave = (e: DragEvent) => {
    // Leaving for a child element is not leaving the zone.
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (isMultiDrop(e.dataTransfer)) void droppedFiles(e.dataTransfer).then(openDropped);
    else openFiles(e.dataTransfer.files);
  };

  const picker = (
    <input
      ref={input}
      data-testid="file-input"
      type="file"
      multiple
      accept=".tar,.tar.gz,.tgz,application/x-tar,application/gzip"
      className="sr-only"
      tabIndex={-1}
      aria-hidden="true" // the visible "choose a file" button opens it
      onChange={(e) => {
        const files = e.currentTarget.files;
        if (files && files.length > 1) openDropped(pickedFiles(files));
        else openFiles(files);
        e.currentTarget.value = ''; // so choosing the same file again reads it again
      }}
    />
  );
  const folderPicker = (
    <input
      ref={(el) => {
        folder.current = el;
        if (el) el.webkitdirectory = true; // not in React's attribute types; the DOM property is
      }}
      data-testid="folder-input"
      type="file"
      className="sr-only"
      tabIndex={-1}
      aria-hidden="true" // the visible "choose a folder" button opens it
      onChange={(e) => {
        if (e.currentTarget.files) openDropped(pickedFiles(e.currentTarget.files));
        e.currentTarget.value = '';
      }}
    />
  );
  const choose = (label: string, cls: string, which = input) => (
    <button type="button" className={cls} onClick={() => which.current?.click()}>
      {label}
    </button>
  );
  const ring = over ? 'border-sky-500 bg-sky-50 dark:bg-sky-950/50' : 'border-zinc-300 dark:border-zinc-700';

  if (variant === 'compact') {
    return (
      <div
        data-testid="drop-zone"
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        className={`flex items-center gap-3 rounded-lg border border-dashed px-3 py-1.5 text-sm ${ring}`}
      >
        {picker}
        {folderPicker}
        <span className="text-zinc-500 dark:text-zinc-400">Drop another image or</span>
        {choose('choose a file', 'rounded-md bg-zinc-900 px-2.5 py-1 font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300')}
        {choose('a folder', 'rounded-md px-2.5 py-1 font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:text-zinc-200 dark:ring-zinc-700 dark:hover:bg-zinc-800', folder)}
      </div>
    );
  }

  return (
    <div
      data-testid="drop-zone"
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      className={`flex flex-1 flex-col items-center justify-center gap-5 rounded-2xl border-2 border-dashed p-10 text-center ${ring}`}
    >
      {picker}
      {folderPicker}
      <svg aria-hidden="true" viewBox="0 0 32 32" className="h-14 w-14">
        <rect x="4" y="20" width="24" height="6" rx="1.5" className="fill-sky-600" />
        <rect x="6" y="12.5" width="20" height="6" rx="1.5" className="fill-sky-400" />
        <rect x="8" y="5" width="16" height="6" rx="1.5" className="fill-sky-300" />
      </svg>
      <div className="space-y-2">
        <p className="text-2xl font-semibold">Drop an image archive here</p>
        <p className="text-zinc-600 dark:text-zinc-400">
          A <code className="font-mono text-sm">docker save</code>, <code className="font-mono text-sm">podman save</code> or{' '}
          <code className="font-mono text-sm">skopeo copy … docker-archive:/oci-archive:</code> tarball (.tar or .tar.gz)
        </p>
      </div>
      <div className="flex gap-3">
        {choose('Choose a file', 'rounded-lg bg-sky-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-sky-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500')}
        {choose('Choose a folder', 'rounded-lg px-5 py-2.5 font-semibold text-sky-700 ring-1 ring-sky-600 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:text-sky-300 dark:hover:bg-sky-950/50', folder)}
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A folder with a Dockerfile is simulated with the folder as its build context; drop an image archive with it to use as the base.
      </p>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">The file is read right here in your browser. Nothing is uploaded.</p>
      {children}
    </div>
  );
}
