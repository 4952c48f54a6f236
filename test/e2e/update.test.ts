import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_VERSION } from '../../src/core/settings/fields';
import { joinFromSync } from '../../src/core/settings/sync';
import { EARLIER_RELEASES, LEARNED } from '../fixtures/earlier-releases';
import { launchChromium, loadUnpacked, type LaunchedBrowser } from '../support/chromium';
import { startMockServer, type MockServer } from '../support/mock-server';
import { releaseZip, unpackChromeZip } from '../support/release';
import { extractZip } from '../support/zip';
import { storageContents } from './helpers';

// An update keeps what users have. The Chrome Web Store package is installed as an earlier version
// (its manifest version set back to 0.0.1), storage is filled as an earlier release left it, then
// the current package is put in the same folder and loaded again through the DevTools protocol:
// Chrome's reload of an unpacked extension, an update under the same id that fires
// runtime.onInstalled with { reason: 'update', previousVersion: '0.0.1' }. That is the closest to the
// store's update a test can drive (the store's needs a signed package from its own server).
// Relaunching a profile with --load-extension pointing at a newer copy is no update: Chromium reports
// reason 'install' at every such start. The worker writes the settings back in the current shape only
// on 'update' (the earlier copy's start came before the seeding), so settings in the current shape
// prove the update event ran.
let server: MockServer;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  server = await startMockServer();
  chromium = await launchChromium({ server, args: ['--enable-unsafe-extension-debugging'] });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** Sets the manifest version of the package unpacked in `dir` (an earlier release's number). */
function setVersion(dir: string, version: string): string {
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { version: string };
  writeFileSync(path, JSON.stringify({ ...manifest, version }));
  return manifest.version;
}

/** Removes an unpacked extension and its storage (the next case starts as a new user). */
async function uninstall(context: BrowserContext, extensionId: string): Promise<void> {
  const session = await context.browser()!.newBrowserCDPSession();
  await session.send('Extensions.uninstall' as never, { id: extensionId } as never);
  await session.detach();
}

const settingsIn = async (worker: Worker) => joinFromSync(await storageContents(worker, 'sync'));

it('has the storage of every settings version an earlier release wrote', () => {
  expect(EARLIER_RELEASES.map((r) => r.version)).toEqual([...Array(SETTINGS_VERSION + 1).keys()]);
});

describe.each(EARLIER_RELEASES)('an update from a release with settings $what', (release) => {
  it('keeps every setting, migrated, and what the extension learned; our own requests still pass', { timeout: 90_000 }, async () => {
    const folder = await unpackChromeZip();
    const current = setVersion(folder.dir, '0.0.1');
    const old = await loadUnpacked(chromium.context, folder.dir);
    try {
      await expect(old.serviceWorker.evaluate(() => chrome.runtime.getManifest().version)).resolves.toBe('0.0.1');
      await old.serviceWorker.evaluate(
        async ({ sync, local }) => {
          await Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]);
          await Promise.all([chrome.storage.sync.set(sync), chrome.storage.local.set(local)]);
        },
        { sync: release.sync, local: release.local },
      );

      // The current package over the earlier one, as the store's update replaces the files.
      extractZip(releaseZip('chrome'), folder.dir);
      const updated = await loadUnpacked(chromium.context, folder.dir);
      console.log(`update ${release.version}: extension id ${updated.extensionId}, 0.0.1 → ${current}`);
      expect(updated.extensionId).toBe(old.extensionId);
      const worker = updated.serviceWorker;
      await expect(worker.evaluate(() => chrome.runtime.getManifest().version)).resolves.toBe(current);

      // Every setting, in the current shape: an earlier version's are written back by the update.
      await expect.poll(() => settingsIn(worker).then((s) => (s as { version?: number } | undefined)?.version), { timeout: 10_000 }).toBe(SETTINGS_VERSION);
      expect(await settingsIn(worker)).toEqual(release.settings);
      const local = await storageContents(worker, 'local');
      expect(local).toMatchObject({ ...LEARNED, settingsLocation: 'sync' });
      if (release.version === SETTINGS_VERSION) expect(await storageContents(worker, 'sync')).toEqual(release.sync);

      // The switch as the user left it, and the rule that lets our own re-post through, for this id.
      const interception = (release.settings as { interceptionEnabled: boolean }).interceptionEnabled;
      await expect.poll(() => worker.evaluate(() => chrome.declarativeNetRequest.getEnabledRulesets())).toEqual(interception ? ['intercept-saml-post'] : []);
      const dynamic = await worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules());
      expect(dynamic).toEqual([
        expect.objectContaining({ action: { type: 'allow' }, condition: expect.objectContaining({ initiatorDomains: [updated.extensionId] }) }),
      ]);

      // The settings page of the new version shows them.
      const options = await chromium.context.newPage();
      await options.goto(`chrome-extension://${updated.extensionId}/src/pages/options/index.html`);
      await options.getByRole('cell', { name: 'sandbox' }).first().waitFor({ timeout: 10_000 });
      await expect(options.getByRole('alert').count()).resolves.toBe(0);
      await options.close();
    } finally {
      await uninstall(chromium.context, old.extensionId);
      await folder.remove();
    }
  });
});
