import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension } from '../support/chromium';
import { startMockServer, type MockServer } from '../support/mock-server';
import { unpackChromeZip } from '../support/release';
import { addressedTo, consoleUrl, signInAs } from './flows';
import { warmUpCapture } from './helpers';

// The Chrome Web Store package after a browser restart: the same profile and the same installed
// folder, as a user's browser starts again. Our own re-post must still pass (the allow rule names
// the id this install runs under, whatever the store assigned).
let server: MockServer;
let folder: { dir: string; remove(): Promise<void> };
let profile: string;

beforeAll(async () => {
  server = await startMockServer();
  folder = await unpackChromeZip();
  profile = await mkdtemp(join(tmpdir(), 'frp-restart-profile-'));
});

afterAll(async () => {
  await server?.close();
  await folder?.remove();
  if (profile) await rm(profile, { recursive: true, force: true });
});

it('re-posts into the addressed region after the browser started again with the same profile', async () => {
  const first = await launchWithExtension({ server, headless: true, userDataDir: profile, extensionDir: folder.dir });
  const id = first.extensionId;
  await first.close();

  const again = await launchWithExtension({ server, headless: true, userDataDir: profile, extensionDir: folder.dir });
  try {
    console.log(`store package after a restart: extension id ${again.extensionId}`);
    expect(again.extensionId).toBe(id);
    await warmUpCapture(again.context);
    const rules = await again.serviceWorker!.evaluate(() => chrome.declarativeNetRequest.getDynamicRules());
    expect(rules.map((rule) => rule.condition.initiatorDomains)).toEqual([[id]]);

    server.redirectSignins(true);
    const page = await again.context.newPage();
    const assertion = await signInAs(page, server, 'exk1storerestart', 'eu-west-1', /Deploy.*444455556666/, addressedTo('eu-west-1'));
    const post = await server.waitForPost((p) => p.host === 'eu-west-1.signin.aws.amazon.com', 15_000);
    expect(post.fields.SAMLResponse).toBe(assertion);
    await page.waitForURL(consoleUrl('eu-west-1'), { timeout: 20_000 });
    expect(server.received).toHaveLength(1);
  } finally {
    await again.close();
  }
});
