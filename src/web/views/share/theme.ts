// The page's theme: the system's (prefers-color-scheme), or one chosen on the page or by a share
// link: light, dark, or presentation (large type, light and high-contrast, for a projector).
// Classes on <html> (theme.css and index.css's `dark` variant read them).

import type { Theme } from '../../../core/share/schema-v1.ts';

export type ThemeChoice = 'system' | Theme;

export const THEME_CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'presentation', label: 'Presentation' },
];

export function applyTheme(theme: ThemeChoice): void {
  const html = document.documentElement;
  html.classList.toggle('light', theme === 'light' || theme === 'presentation');
  html.classList.toggle('dark', theme === 'dark');
  html.classList.toggle('presentation', theme === 'presentation');
  html.style.colorScheme = theme === 'system' ? '' : theme === 'dark' ? 'dark' : 'light';
  // The canvas reads its colors from CSS variables when it paints: tell open treemaps to repaint.
  window.dispatchEvent(new Event('layerscope-theme'));
}
