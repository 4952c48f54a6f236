import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, launchWithExtension, type LaunchedExtension } from '../support/chromium';
import { startMockServer, type MockServer } from '../support/mock-server';
import { continueToAws } from './flows';
import { openPickerFromTile, postFromIdp, saveArtifact, storageContents, tileUrl, warmUpCapture } from './helpers';

const EU_WEST_1 = 'eu-west-1.signin.aws.amazon.com';
const GLOBAL = 'signin.aws.amazon.com';

let server: MockServer;
let browser: LaunchedExtension;
let worker: Worker;

beforeAll(async () => {
  server = await startMockServer();
  browser = await launchWithExtension({ server, headless: true });
  worker = browser.serviceWorker ?? (await browser.context.waitForEvent('serviceworker'));
  await warmUpCapture(browser.context);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  server.clearReceived();
  server.setHostMode(GLOBAL, 'up');
});

/** Whether the assertion is anywhere in extension storage. */
async function assertionStored(samlResponse: string): Promise<boolean> {
  for (const area of ['session', 'local', 'sync'] as const) {
    if (JSON.stringify(await storageContents(worker, area)).includes(samlResponse)) return true;
  }
  return false;
}

describe('Okta tile → picker → regional sign-in (real Chromium, built extension)', () => {
  for (const globalMode of ['up', 'down'] as const) {
    it(`gets a default Okta assertion into the eu-west-1 console with the global endpoint ${globalMode}`, async () => {
      server.setHostMode(GLOBAL, globalMode);
      const app = `exk1global${globalMode}`;
      const page = await browser.context.newPage();
      await openPickerFromTile(page, tileUrl({ submit: 'script' }, 'acme.okta.com', app));
      const issued = server.issued.at(-1)!;

      // While the picker shows, the assertion lives in session storage only.
      expect(JSON.stringify(await storageContents(worker, 'session'))).toContain(issued.samlResponse);
      expect(JSON.stringify(await storageContents(worker, 'local'))).not.toContain(issued.samlResponse);
      expect(JSON.stringify(await storageContents(worker, 'sync'))).not.toContain(issued.samlResponse);

      const region = page.getByLabel(/^Region/);
      await expect(region.inputValue()).resolves.toBe('us-east-1');
      await region.selectOption('eu-west-1');
      // Says which way it will sign in, in one line.
      await expect(page.locator('#signin-method').textContent()).resolves.toContain(
        "Tries eu-west-1's SAML endpoint first; if AWS refuses this assertion there, continues at once through eu-west-1's STS.",
      );
      await page.getByRole('radio', { name: /Deploy.*444455556666/ }).check();
      if (globalMode === 'up') await saveArtifact(page, 'picker.png');
      await page.getByRole('button', { name: /^Sign in/ }).click();

      // The re-post goes to eu-west-1 once, untouched; AWS refuses it (the Recipient is the global endpoint) ...
      const post = await server.waitForPost((p) => p.host === EU_WEST_1, 15_000);
      expect(post.path).toBe('/saml');
      expect(post.fields.SAMLResponse).toBe(issued.samlResponse);
      expect(post.fields.RelayState).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
      expect(post.fields.roleIndex).toBe('arn:aws:iam::444455556666:role/team/Deploy');
      // ... and the same click continues through eu-west-1's STS and federation into its console.
      await page.waitForURL('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1', { timeout: 20_000 });
      await expect(page.locator('#console-identity').textContent()).resolves.toMatch(
        /^Signed in as arn:aws:sts::444455556666:assumed-role\/Deploy\//,
      );
      const sts = server.stsRequests.filter((r) => r.fields.SAMLAssertion !== undefined || r.query.SAMLAssertion !== undefined);
      expect(sts.map((r) => `${r.method} ${r.host}`)).toEqual(['POST sts.eu-west-1.amazonaws.com']);
      expect(sts[0]!.fields.SAMLAssertion).toBe(issued.samlResponse);
      expect(sts[0]!.fields.RoleArn).toBe('arn:aws:iam::444455556666:role/team/Deploy');
      expect(server.federationRequests.map((r) => `${r.method} ${r.host} ${r.action}`)).toEqual([
        'POST eu-west-1.signin.aws.amazon.com getSigninToken',
        // The picker posts the login itself: the sign-in token is in no URL.
        'POST eu-west-1.signin.aws.amazon.com login',
      ]);

      expect(server.received.filter((p) => p.host === GLOBAL)).toEqual([]);
      // The assertion is forgotten once signed in; the credentials were never stored anywhere.
      await expect.poll(() => assertionStored(issued.samlResponse), { timeout: 15_000 }).toBe(false);
      const credentials = server.issuedCredentials.at(-1)!;
      for (const area of ['session', 'local', 'sync'] as const) {
        const stored = JSON.stringify(await storageContents(worker, area));
        expect(stored).not.toContain(credentials.secretAccessKey);
        expect(stored).not.toContain(credentials.sessionToken);
      }

      // The next sign-in from this IdP app into another region goes straight to STS.
      server.clearReceived();
      await openPickerFromTile(page, tileUrl({ submit: 'script' }, 'acme.okta.com', app));
      await page.getByLabel(/^Region/).selectOption('eu-west-1');
      await expect(page.locator('#signin-method').textContent()).resolves.toMatch(/^Signs in through eu-west-1's STS and federation endpoints: other regions' SAML endpoints refused/);
      await page.getByRole('button', { name: /^Sign in/ }).click();
      await page.waitForURL('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1', { timeout: 20_000 });
      expect(server.received.filter((p) => p.host === EU_WEST_1)).toEqual([]);
      expect(server.stsRequests.filter((r) => r.fields.SAMLAssertion).map((r) => r.host)).toEqual(['sts.eu-west-1.amazonaws.com']);
      await page.close();
    });
  }

  it('loads every generated DNR rule: Chromium compiles each expression within RE2 limits', async () => {
    const rules = JSON.parse(readFileSync(join(REPO_ROOT, 'public/rules/intercept.json'), 'utf8')) as Array<{ condition: { regexFilter: string } }>;
    expect(rules.length).toBeGreaterThan(1);
    for (const rule of rules) {
      const verdict = await worker.evaluate(
        (regex) => chrome.declarativeNetRequest.isRegexSupported({ regex, isCaseSensitive: true }),
        rule.condition.regexFilter,
      );
      expect(verdict, rule.condition.regexFilter).toEqual({ isSupported: true });
    }
    await expect(worker.evaluate(() => chrome.declarativeNetRequest.getEnabledRulesets())).resolves.toEqual(['intercept-saml-post']);
    // Our own posts pass by the id this install runs under, written by the worker at its start.
    const allow = await worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules());
    expect(allow).toEqual([expect.objectContaining({ action: { type: 'allow' }, priority: 2 })]);
    expect(allow[0]?.condition.initiatorDomains).toEqual([browser.extensionId]);
  });

  it('cannot be detected by a web page through its fixed id (the picker is web-accessible only by dynamic URL)', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://acme.okta.com/');
    // The usual detection: a no-cors fetch of a known resource succeeds only when it is web-accessible there.
    const probe = (url: string) => page.evaluate((href) => fetch(href, { mode: 'no-cors' }).then(() => 'loaded', () => 'blocked'), url);
    expect(await probe(`chrome-extension://${browser.extensionId}/src/pages/picker/index.html`)).toBe('blocked');
    await page.close();
  });

  for (const submit of ['onload', 'noscript'] as const) {
    it(`intercepts Okta's ${submit} submit`, async () => {
      const page = await browser.context.newPage();
      if (submit === 'noscript') {
        await page.goto(tileUrl({ submit }, 'acme.okta.com', `exk1${submit}`));
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.getByRole('button', { name: /^Sign in/ }).waitFor();
      } else {
        await openPickerFromTile(page, tileUrl({ submit }, 'acme.okta.com', `exk1${submit}`));
      }
      await page.getByRole('radio', { name: /ReadOnly.*111122223333/ }).check();
      await page.getByRole('button', { name: /^Sign in/ }).click();
      const post = await server.waitForPost(undefined, 15_000);
      // Default region: the Recipient's, which for the global endpoint is us-east-1.
      expect(post.host).toBe(GLOBAL);
      expect(post.fields.roleIndex).toBe('arn:aws:iam::111122223333:role/ReadOnly');
      expect(post.fields.RelayState).toBe('https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1');
      expect(post.fields.SAMLResponse).toBe(server.issued.at(-1)!.samlResponse);
      expect(server.received).toHaveLength(1);
      await page.close();
    });
  }

  it('works for another Okta domain and rewrites an IdP deep link to the chosen region', async () => {
    const page = await browser.context.newPage();
    const relay = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:';
    await openPickerFromTile(page, tileUrl({ relay }, 'acme.okta-emea.com', 'exk1emea'));
    await page.getByLabel(/^Region/).selectOption('ap-southeast-2');
    await page.getByRole('button', { name: /^Sign in/ }).click();
    const post = await server.waitForPost(undefined, 15_000);
    expect(post.host).toBe('ap-southeast-2.signin.aws.amazon.com');
    expect(post.fields.RelayState).toBe('https://ap-southeast-2.console.aws.amazon.com/ec2/home?region=ap-southeast-2#Instances:');
    await page.close();
  });

  it('intercepts an IdP app whose ACS is a regional endpoint and defaults to that region', async () => {
    const page = await browser.context.newPage();
    await openPickerFromTile(page, tileUrl({ acs: `https://${EU_WEST_1}/saml` }, 'acme.okta.com', 'exk1euw1'));
    await expect(page.getByLabel(/^Region/).inputValue()).resolves.toBe('eu-west-1');
    await expect(page.getByRole('note').count()).resolves.toBe(0);
    await page.keyboard.press('Enter');
    const post = await server.waitForPost(undefined, 15_000);
    expect(post.host).toBe(EU_WEST_1);
    expect(server.received).toHaveLength(1);
    await page.close();
  });

  it('keeps two tabs signing in at once apart', async () => {
    const [first, second] = [await browser.context.newPage(), await browser.context.newPage()];
    await Promise.all([openPickerFromTile(first, tileUrl({ roles: '5' }, 'acme.okta.com', 'exk1first')), openPickerFromTile(second, tileUrl({}, 'acme.okta.com', 'exk1second'))]);
    const issuedFirst = server.issued.find((i) => i.appId === 'exk1first')!;
    const issuedSecond = server.issued.find((i) => i.appId === 'exk1second')!;
    await expect(first.getByRole('radio').count()).resolves.toBe(5);
    await expect(second.getByRole('radio').count()).resolves.toBe(3);

    await second.getByRole('button', { name: /^Sign in/ }).click();
    const secondPost = await server.waitForPost(undefined, 15_000);
    expect(secondPost.fields.SAMLResponse).toBe(issuedSecond.samlResponse);

    // The first tab's sign-in is still intact after the second one was used.
    await first.getByRole('button', { name: /^Sign in/ }).click();
    const firstPost = await server.waitForPost((p) => p.fields.SAMLResponse !== issuedSecond.samlResponse, 15_000);
    expect(firstPost.fields.SAMLResponse).toBe(issuedFirst.samlResponse);
    await expect.poll(() => assertionStored(issuedFirst.samlResponse), { timeout: 15_000 }).toBe(false);
    await Promise.all([first.close(), second.close()]);
  });

  it('is keyboard first: type to filter, arrows to move, Enter to sign in', async () => {
    const page = await browser.context.newPage();
    await openPickerFromTile(page, tileUrl({ roles: '40' }));
    await page.keyboard.type('deploy');
    const visible = await page.getByRole('radio').count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(40);
    await page.keyboard.press('ArrowDown');
    const chosen = await page.getByRole('radio', { checked: true }).getAttribute('value');
    expect(chosen).toMatch(/^arn:aws:iam::\d{12}:role\/.*/);
    await page.keyboard.press('Enter');
    const post = await server.waitForPost(undefined, 15_000);
    expect(post.fields.roleIndex).toBe(chosen);
    await page.close();
  });

  it('moves over all of 2,000 roles by keyboard although only those in view are rendered, and signs in as the last', async () => {
    const page = await browser.context.newPage();
    await openPickerFromTile(page, tileUrl({ roles: '2000' }, 'acme.okta.com', 'exk1window'));
    const radios = page.locator('#role-list input[type=radio]');
    const checked = page.getByRole('radio', { checked: true });
    // A window, not the list: every rendered radio says its place among all 2,000.
    const rendered = await radios.count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(200);
    await expect(radios.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('aria-setsize')))])).resolves.toEqual(['2000']);
    await expect(radios.first().getAttribute('aria-posinset')).resolves.toBe('1');

    await checked.focus();
    await page.keyboard.press('End');
    await expect.poll(() => checked.getAttribute('aria-posinset')).toBe('2000');
    // The last role holds the focus, is scrolled into the list's view and is the last rendered radio.
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('aria-posinset'))).resolves.toBe('2000');
    await expect(radios.last().getAttribute('aria-posinset')).resolves.toBe('2000');
    const inView = await checked.evaluate((radio) => {
      const list = document.getElementById('role-list')!.getBoundingClientRect();
      const row = radio.closest('.role')!.getBoundingClientRect();
      return row.top >= list.top && row.bottom <= list.bottom + 1;
    });
    expect(inView).toBe(true);
    await expect(radios.count()).resolves.toBeLessThan(200);

    await page.keyboard.press('ArrowUp');
    await expect.poll(() => checked.getAttribute('aria-posinset')).toBe('1999');
    await page.keyboard.press('Home');
    await expect.poll(() => checked.getAttribute('aria-posinset')).toBe('1');
    await page.keyboard.press('PageDown');
    await expect.poll(async () => Number(await checked.getAttribute('aria-posinset'))).toBeGreaterThan(2);
    await page.keyboard.press('End');
    await expect.poll(() => checked.getAttribute('aria-posinset')).toBe('2000');

    const last = await checked.getAttribute('value');
    const roleName = last!.split('/').pop()!;
    const button = page.getByRole('button', { name: /^Sign in as/ });
    await expect(button.textContent()).resolves.toContain(roleName);
    await button.click();
    const post = await server.waitForPost(undefined, 15_000);
    expect(post.fields.roleIndex).toBe(last);
    await page.close();
  });

  it('lets the user continue to AWS\'s own page without being intercepted again', async () => {
    const page = await browser.context.newPage();
    await continueToAws(page, server);
    await page.close();
  });
});

describe('picker states', () => {
  it('explains an expired assertion and offers the way back to the IdP', async () => {
    const page = await browser.context.newPage();
    await page.goto(tileUrl({ expired: '1' }));
    await expect(page.getByRole('heading', { name: 'This sign-in has expired' }).waitFor()).resolves.toBeUndefined();
    await expect(page.getByRole('button', { name: /^Sign in/ }).count()).resolves.toBe(0);
    expect(server.received).toEqual([]);
    // Chrome hides the IdP's origin from the extension; the tab's history leads back to it.
    await page.getByRole('button', { name: 'Go back to your identity provider' }).waitFor();
    await page.close();
  });

  it('posts an encrypted assertion as AWS would, to its recipient', async () => {
    const page = await browser.context.newPage();
    await page.goto(tileUrl({ encrypted: '1' }));
    await page.getByRole('heading', { name: 'Encrypted assertion' }).waitFor();
    await page.getByRole('button', { name: /^Sign in at signin\.aws\.amazon\.com/ }).click();
    const post = await server.waitForPost(undefined, 15_000);
    expect(post.host).toBe(GLOBAL);
    expect(post.fields.roleIndex).toBeUndefined();
    expect(post.fields.SAMLResponse).toBe(server.issued.at(-1)!.samlResponse);
    await page.close();
  });

  it('shows the decode error in words and the escape hatch for unreadable sign-in data', async () => {
    const page = await browser.context.newPage();
    await postFromIdp(page, '%%% not base64 %%%');
    await page.getByRole('heading', { name: 'This sign-in could not be read' }).waitFor();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/base64/i);
    await page.getByRole('button', { name: /^Continue to AWS's own page/ }).waitFor();
    expect(server.received).toEqual([]);
    await page.close();
  });

  it('says so when no sign-in was captured, instead of spinning forever', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/src/pages/picker/index.html`);
    await page.getByRole('heading', { name: 'No sign-in was captured' }).waitFor({ timeout: 10_000 });
    await page.close();
  });
});

describe('account names from AWS itself', () => {
  it("learns them from AWS's role page on one click, and shows them later while that endpoint is down", async () => {
    server.setAccountAliases({ '111122223333': 'sandbox-prod', '444455556666': 'payments' });
    try {
      const page = await browser.context.newPage();
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1names-aws'));
      expect(server.received).toEqual([]);
      await page.getByRole('button', { name: 'Get account names from AWS' }).click();
      await page.getByRole('heading', { name: /sandbox-prod\s*1111-2222-3333/ }).waitFor({ timeout: 5_000 });
      await page.getByRole('heading', { name: /payments\s*4444-5555-6666/ }).waitFor();
      // Exactly one POST, to the endpoint the assertion is addressed to, without a role and without cookies.
      expect(server.received.map((p) => `${p.host} ${p.fields.roleIndex ?? '(no role)'} ${p.headers.cookie ?? '(no cookie)'}`)).toEqual([
        `${GLOBAL} (no role) (no cookie)`,
      ]);
      await page.close();

      // Another day, that endpoint is down: the names learned before are still there, with no click.
      server.setHostMode(GLOBAL, 'down');
      server.clearReceived();
      const later = await browser.context.newPage();
      await openPickerFromTile(later, tileUrl({}, 'acme.okta.com', 'exk1names-aws'));
      await later.getByRole('heading', { name: /sandbox-prod\s*1111-2222-3333/ }).waitFor({ timeout: 5_000 });
      expect(server.received).toEqual([]);
      await later.close();
    } finally {
      server.setAccountAliases(undefined);
      server.setHostMode(GLOBAL, 'up');
      await worker.evaluate(() => chrome.storage.local.remove('learned:account-names'));
    }
  });
});

describe("account names learned on AWS's own role page", () => {
  const PAGES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'aws-role-pages');
  // The fixtures' account 012345678901 becomes the mock assertion's 111122223333; the page stays AWS's.
  const legacy = () => readFileSync(join(PAGES, 'aws_rolepage_legacy_gimme.html'), 'utf8').replaceAll('012345678901', '111122223333');
  const nextjs = () =>
    readFileSync(join(PAGES, 'aws_rolepage_nextjs_gimme.html'), 'utf8').replace(/(<meta\s+name="data"\s+content=")([^"]+)"/, (_, head: string, data: string) => {
      const json = Buffer.from(data.replace(/\s+/g, ''), 'base64').toString('utf8').replaceAll('012345678901', '111122223333');
      return `${head}${Buffer.from(json, 'utf8').toString('base64')}"`;
    });

  for (const [layout, html] of [['legacy', legacy], ['Next.js', nextjs]] as const) {
    it(`learns them passively from the ${layout} page the user went to, and a later picker shows them`, async () => {
      server.setRolePage(html());
      try {
        const page = await browser.context.newPage();
        await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', `exk1rolepage${layout.length}`));
        await expect(page.getByRole('heading', { name: /testaccount1/ }).count()).resolves.toBe(0);
        await page.getByRole('button', { name: /^Continue to AWS/ }).click();
        await page.waitForURL(`https://${GLOBAL}/saml`);
        // The user's own way to AWS's page, once: nothing else was sent.
        expect(server.received.map((p) => `${p.host} ${p.fields.roleIndex ?? '(no role)'}`)).toEqual([`${GLOBAL} (no role)`]);
        await expect
          .poll(async () => (await storageContents(worker, 'local'))['learned:account-names'], { timeout: 5_000 })
          .toMatchObject({ '111122223333': { name: 'testaccount1' } });
        await page.close();

        server.clearReceived();
        const later = await browser.context.newPage();
        await openPickerFromTile(later, tileUrl({}, 'acme.okta.com', `exk1rolepage${layout.length}`));
        await later.getByRole('heading', { name: /testaccount1\s*1111-2222-3333/ }).waitFor({ timeout: 5_000 });
        // A name AWS gave, not one read from role names: not styled as derived.
        await expect(later.locator('.account-name.derived').count()).resolves.toBe(0);
        expect(server.received).toEqual([]);
        await later.close();
      } finally {
        server.setRolePage(undefined);
        await worker.evaluate(() => chrome.storage.local.remove('learned:account-names'));
      }
    });
  }
});

describe('diagnosis of a refused sign-in', () => {
  it("explains AWS's rejection at another region and what to ask the admin (re-post only, as set)", async () => {
    server.setHostMode(EU_WEST_1, 'reject');
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, signinMethod: 'repost' } }));
    try {
      const page = await browser.context.newPage();
      await openPickerFromTile(page, tileUrl());
      await page.getByLabel(/^Region/).selectOption('eu-west-1');
      await expect.poll(() => page.locator('#signin-method').textContent()).toContain('(your setting)');
      await expect(page.getByRole('note').textContent()).resolves.toContain('eu-west-1 accepts it only if your admin listed');
      await page.getByRole('radio', { name: /Admin.*111122223333/ }).check();
      // Re-post only means no STS at all: neither CLI credentials nor several consoles are offered.
      await expect(page.getByRole('button', { name: 'Copy CLI credentials' }).count()).resolves.toBe(0);
      await expect(page.getByRole('checkbox', { name: /^Open .* too, in a tab of its own/ }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: /^Sign in/ }).click();
      await server.waitForPost((p) => p.host === EU_WEST_1, 15_000);
      await page.getByRole('heading', { name: 'eu-west-1 did not accept this assertion' }).waitFor({ timeout: 15_000 });
      expect(page.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/src\/pages\/diagnosis\/index\.html$/);
      const body = await page.locator('main').innerText();
      expect(body).toContain('Your request included an invalid SAML response');
      expect(body).toContain('addressed to us-east-1 (https://signin.aws.amazon.com/saml)');
      expect(body).toContain('Your setting allows signing in only by re-post');
      const request = await page.getByLabel('What to ask your admin').inputValue();
      expect(request).toContain('SAML:aud condition of the trust policy of arn:aws:iam::111122223333:role/Admin');
      expect(request).toContain('"https://signin.aws.amazon.com/saml"');
      expect(request).toContain('"https://eu-west-1.signin.aws.amazon.com/saml"');
      await saveArtifact(page, 'diagnosis.png');
      // No AssumeRoleWithSAML (health probes only GET the STS root).
      expect(server.stsRequests.filter((r) => r.method !== 'GET' || r.path !== '/')).toEqual([]);
      await page.close();
    } finally {
      server.setHostMode(EU_WEST_1, 'up');
      await worker.evaluate(() => chrome.storage.sync.remove('settings'));
    }
  });

  it('leaves AWS error pages alone when the sign-in did not come from the picker', async () => {
    server.setHostMode(GLOBAL, 'reject');
    try {
      const page = await browser.context.newPage();
      await openPickerFromTile(page, tileUrl());
      // The escape hatch posts as AWS would have received it; its answer is AWS's own business.
      await page.getByRole('button', { name: /^Continue to AWS/ }).click();
      await page.waitForURL(`https://${GLOBAL}/saml`);
      await page.getByText('Your request included an invalid SAML response').waitFor();
      await page.waitForTimeout(500);
      expect(page.url()).toBe(`https://${GLOBAL}/saml`);
      await page.close();
    } finally {
      server.setHostMode(GLOBAL, 'up');
    }
  });
});
