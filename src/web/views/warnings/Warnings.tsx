// Problems that did not stop the read (STYLE.md #12): history and layer counts that differ,
// media types that disagree with the bytes, and the like.

export function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <section
      aria-label="Warnings"
      data-testid="warnings"
      className="rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <h2 className="font-semibold">
        {warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}
      </h2>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {warnings.map((w, i) => (
          <li key={i} className="break-words">
            {w}
          </li>
        ))}
      </ul>
    </section>
  );
}
