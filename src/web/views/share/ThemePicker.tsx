// The theme switch: system, light, dark or presentation (large type for a projector). The choice
// travels in share links.

import { useApp, type AppState } from '../../store/store.ts';
import { THEME_CHOICES, type ThemeChoice } from './theme.ts';

const selectTheme = (s: AppState) => s.theme;

export function ThemePicker() {
  const theme = useApp(selectTheme);
  return (
    <label className="flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      Theme
      <select
        data-testid="theme"
        value={theme}
        onChange={(e) => useApp.getState().setTheme(e.currentTarget.value as ThemeChoice)}
        className="rounded-md border border-zinc-300 bg-white px-1 py-0.5 text-xs text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {THEME_CHOICES.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
    </label>
  );
}
