// The store packages `npm run package` writes to release/, as users get them: the Chrome Web Store
// zip unpacked into a folder of its own (no manifest `key`, so Chrome derives the id from the folder's
// path), the addons.mozilla.org zip installed as it is.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './chromium';
import { extractZip } from './zip';

export type Store = 'chrome' | 'firefox';

/** The path of a store package of the version in manifest.json; fails when `npm run package` did not run. */
export function releaseZip(store: Store): string {
  const { name } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string };
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'manifest.json'), 'utf8')) as { version: string };
  const path = join(REPO_ROOT, 'release', `${name}-${version}-${store}.zip`);
  if (!existsSync(path)) throw new Error(`No store package at ${path}: run \`npm run package\` first.`);
  return path;
}

/** The Chrome Web Store zip unpacked into a fresh temporary folder; `remove` deletes it. */
export async function unpackChromeZip(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'frp-store-chrome-'));
  extractZip(releaseZip('chrome'), dir);
  return { dir, remove: () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }) };
}

/** The development id: the one dist/chrome's manifest `key` gives (the store build has another). */
export function developmentKey(): string {
  const { key } = JSON.parse(readFileSync(join(REPO_ROOT, 'dist/chrome/manifest.json'), 'utf8')) as { key?: string };
  if (!key) throw new Error('dist/chrome/manifest.json has no "key": the development build is expected to carry one.');
  return key;
}
