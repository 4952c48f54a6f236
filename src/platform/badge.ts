// The badge, browser half: draws it on the toolbar icon. What it says is decided in src/background/badge.ts.
import { browser } from './browser-api';
import type { HealthBadge } from '../core/health/probe';
import { tMessage } from './i18n';

/** Shows endpoint health on the toolbar button (from any of our pages; the worker has no settings). */
export async function showBadge(badge: HealthBadge): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: tMessage(badge.title, '\n') }),
  ]);
}
