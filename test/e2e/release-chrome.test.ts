import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extensionIdFromKey } from '../support/chromium';
import { developmentKey, unpackChromeZip } from '../support/release';
import { US_EAST_1, addressedTo, assertionCalls, consoleUrl, continueToAws, landsInConsole, openTwoConsoles, signInAs } from './flows';
import { extensionSuite } from './helpers';

// The Chrome Web Store package as a user installs it: release/…-chrome.zip unpacked into a folder of
// its own. It has no manifest `key`, so Chrome gives it another id than the development build's
// (derived from the folder's path here, assigned by the store there): nothing may depend on that id.
const suite = extensionSuite({ unpack: unpackChromeZip });
const DEVELOPMENT_ID = extensionIdFromKey(developmentKey());

beforeEach(() => suite.server.clearReceived());

afterEach(async () => {
  for (const host of [...US_EAST_1, 'eu-west-1.signin.aws.amazon.com']) suite.server.setHostMode(host, 'up');
  suite.server.redirectSignins(false);
  for (const page of suite.browser.context.pages()) await page.close();
});

describe('the Chrome Web Store package', () => {
  it('runs under an id of its own, not the development build\'s', async () => {
    console.log(`Chrome Web Store package: extension id ${suite.browser.extensionId}; development build (manifest key): ${DEVELOPMENT_ID}`);
    expect(suite.browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(suite.browser.extensionId).not.toBe(DEVELOPMENT_ID);
    await expect(suite.worker.evaluate(() => chrome.runtime.getManifest().key)).resolves.toBeUndefined();
  });

  it('re-posts an assertion addressed to eu-west-1 there, and AWS signs the user in to that console', async () => {
    suite.server.redirectSignins(true);
    const page = await suite.browser.context.newPage();
    const assertion = await signInAs(page, suite.server, 'exk1storerepost', 'eu-west-1', /Deploy.*444455556666/, addressedTo('eu-west-1'));
    const post = await suite.server.waitForPost((p) => p.host === 'eu-west-1.signin.aws.amazon.com', 15_000);
    expect(post.fields.SAMLResponse).toBe(assertion);
    expect(post.fields.roleIndex).toBe('arn:aws:iam::444455556666:role/team/Deploy');
    expect(post.fields.RelayState).toBe(consoleUrl('eu-west-1'));
    // Our own re-post is not caught again: AWS received it once, and the tab is in the console.
    await page.waitForURL(consoleUrl('eu-west-1'), { timeout: 20_000 });
    expect(suite.server.received).toHaveLength(1);
    expect(assertionCalls(suite.server)).toEqual([]);
  });

  it('signs in to eu-west-1 through its STS while us-east-1 is down and eu-west-1 refuses the re-post', async () => {
    for (const host of US_EAST_1) suite.server.setHostMode(host, 'down');
    const page = await suite.browser.context.newPage();
    await signInAs(page, suite.server, 'exk1storests', 'eu-west-1');
    await landsInConsole(page, 'eu-west-1', 'Deploy');
    expect(suite.server.received.map((p) => p.host)).toEqual(['eu-west-1.signin.aws.amazon.com']);
    expect(assertionCalls(suite.server)).toEqual(['POST sts.eu-west-1.amazonaws.com']);
  });

  it("continues to AWS's own page without being caught again", async () => {
    await continueToAws(await suite.browser.context.newPage(), suite.server, 'exk1storecontinue');
  });

  it('opens two consoles at once, each as its role', async () => {
    for (const host of US_EAST_1) suite.server.setHostMode(host, 'down');
    const page = await suite.browser.context.newPage();
    const other = await openTwoConsoles(page, suite.browser.context, suite.server, 'exk1storemany', 'eu-west-1');
    await landsInConsole(other, 'eu-west-1', '(Admin|Deploy)');
  });
});
