import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type LaunchedFirefox } from '../support/firefox';
import { startMockServer, type MockServer } from '../support/mock-server';
import { releaseZip } from '../support/release';
import { US_EAST_1, addressedTo, assertionCalls } from './flows';
import { DEPLOY_ARN, extensionStorage, openPickerFromTile, reachesConsole, signInAsDeploy } from './firefox-flows';
import { tileUrl } from './helpers';

// The addons.mozilla.org package as users get it: release/…-firefox.zip installed as it is (the
// archive, not the folder it was made from), as a temporary add-on of Firefox ESR.
let server: MockServer;
let firefox: LaunchedFirefox;

beforeAll(async () => {
  server = await startMockServer();
  firefox = await launchFirefoxWithExtension({ server, extensionDir: releaseZip('firefox') });
  console.log(`addons.mozilla.org package: add-on id ${firefox.extensionId}`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

beforeEach(() => {
  server.clearReceived();
  for (const host of US_EAST_1) server.setHostMode(host, 'up');
  server.redirectSignins(false);
});

describe('the addons.mozilla.org package in Firefox', () => {
  it('re-posts an assertion addressed to eu-west-1 there, and AWS signs the user in to that console', async () => {
    server.redirectSignins(true);
    const page = await firefox.browser.newPage();
    await openPickerFromTile(page, tileUrl(addressedTo('eu-west-1'), 'acme.okta.com', 'exk1ffstorerepost'));
    const origin = await page.evaluate(() => location.origin);
    console.log(`addons.mozilla.org package: extension pages at ${origin}`);
    await signInAsDeploy(page, 'eu-west-1');
    const post = await server.waitForPost((p) => p.host === 'eu-west-1.signin.aws.amazon.com', 15_000);
    expect(post.fields.SAMLResponse).toBe(server.issued.at(-1)!.samlResponse);
    expect(post.fields.roleIndex).toBe(DEPLOY_ARN);
    await reachesConsole(page, 'eu-west-1');
    expect(server.received).toHaveLength(1);
    expect(assertionCalls(server)).toEqual([]);
    expect(await extensionStorage(firefox.browser, origin)).not.toContain(post.fields.SAMLResponse);
    await page.close();
  });

  it('signs in to eu-west-1 through its STS while us-east-1 is down and eu-west-1 refuses the re-post', async () => {
    for (const host of US_EAST_1) server.setHostMode(host, 'down');
    const page = await firefox.browser.newPage();
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1ffstorests'));
    await signInAsDeploy(page, 'eu-west-1');
    await reachesConsole(page, 'eu-west-1');
    await expect(page.evaluate(() => document.getElementById('console-identity')?.textContent)).resolves.toMatch(/assumed-role\/Deploy\//);
    expect(server.received.map((p) => p.host)).toEqual(['eu-west-1.signin.aws.amazon.com']);
    expect(assertionCalls(server)).toEqual(['POST sts.eu-west-1.amazonaws.com']);
    await page.close();
  });
});
