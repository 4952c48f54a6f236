import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Worker } from 'playwright-core';
export const ARTIFACTS_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'test-results');

export function tileUrl(query: Record<string, string> = {}, host = 'acme.okta.com', appId = 'exk1e2e'): string {
  const params = new URLSearchParams(query).toString();
  return `https://${host}/app/amazon_aws/${appId}/sso/saml${params ? `?${params}` : ''}`;
}

/** Opens the IdP tile and waits until the picker is interactive (its Sign in button shows). */
export async function openPickerFromTile(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForURL(/^chrome-extension:\/\/[a-p]{32}\/src\/pages\/picker\/index\.html/, { timeout: 15_000 });
  await page.getByRole('button', { name: /^Sign in/ }).waitFor({ timeout: 15_000 });
}

/** Everything the extension keeps in one storage area, read from its own service worker. */
export async function storageContents(worker: Worker, area: 'session' | 'local' | 'sync'): Promise<Record<string, unknown>> {
  return worker.evaluate((name) => chrome.storage[name].get(null), area);
}

export async function saveArtifact(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}
