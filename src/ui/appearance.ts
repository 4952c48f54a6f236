import type { Settings } from '../core/settings/schema';

/** Applies the theme and motion settings to a page (the stylesheet reads these attributes). */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'reducedMotion'>): void {
  const root = document.documentElement;
  if (settings.theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = settings.theme;
  if (settings.reducedMotion === 'reduce') root.dataset['motion'] = 'reduce';
  else delete root.dataset['motion'];
}
