import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { extensionSuite, openPickerFromTile, saveArtifact, tileUrl } from './helpers';

const suite = extensionSuite();
const files = mkdtempSync(join(tmpdir(), 'frp-files-'));

beforeEach(() => suite.server.clearReceived());

async function openOptions(): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`chrome-extension://${suite.browser.extensionId}/src/pages/options/index.html`);
  await page.getByRole('heading', { name: 'Account names' }).waitFor();
  return page;
}

const firstRole = (page: Page) => page.locator('#role-list input[type=radio]').first();

describe('the everyday picker', () => {
  it('pins a role with its star; after a new sign-in it is first and selected', async () => {
    const page = await suite.browser.context.newPage();
    await openPickerFromTile(page, tileUrl({ roles: '40' }, 'acme.okta.com', 'exk1pins'));
    const last = page.locator('#role-list input[type=radio]').last();
    const arn = await last.getAttribute('value');
    const pin = page.getByRole('button', { name: new RegExp(`^Pin .*${arn!.split(':')[4]}`) }).last();
    await pin.click();
    await page.getByRole('heading', { name: 'Pinned' }).waitFor();
    await page.close();

    const again = await suite.browser.context.newPage();
    await openPickerFromTile(again, tileUrl({ roles: '40' }, 'acme.okta.com', 'exk1pins'));
    await again.getByRole('heading', { name: 'Pinned' }).waitFor();
    await expect(firstRole(again).getAttribute('value')).resolves.toBe(arn);
    await expect(again.getByRole('radio', { checked: true }).getAttribute('value')).resolves.toBe(arn);
    await again.close();
  });

  it('shows an account name set in the settings, and finds roles by it', async () => {
    const options = await openOptions();
    await options.getByLabel('Account ID').fill('4444-5555-6666');
    await options.getByLabel('Name', { exact: true }).fill('payments-prod');
    await options.getByRole('button', { name: 'Save name' }).click();
    await options.getByRole('cell', { name: 'payments-prod' }).waitFor();
    await options.close();

    const page = await suite.browser.context.newPage();
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1names'));
    await page.getByRole('heading', { name: /payments-prod\s*4444-5555-6666/ }).waitFor();
    await page.keyboard.type('paydep');
    await expect(page.getByRole('radio').count()).resolves.toBe(1);
    await expect(page.getByRole('radio', { name: /Deploy.*payments-prod/ }).isChecked()).resolves.toBe(true);
    await saveArtifact(page, 'picker-search.png');
    // The user's own name is shown as given, not as one read from role names.
    await expect(page.locator('.account-name.derived').count()).resolves.toBe(0);
    await page.close();
  });

  it('signs in as last time with one key press', async () => {
    const page = await suite.browser.context.newPage();
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1last'));
    await page.getByRole('radio', { name: /ReadOnly/ }).check();
    await page.getByLabel(/^Region/).selectOption('us-west-2');
    await page.getByRole('button', { name: /^Sign in/ }).click();
    await suite.server.waitForPost((p) => p.host === 'us-west-2.signin.aws.amazon.com', 15_000);
    // us-west-2's /saml refuses an assertion addressed to us-east-1: in through us-west-2's STS.
    await page.waitForURL('https://us-west-2.console.aws.amazon.com/console/home?region=us-west-2', { timeout: 20_000 });
    suite.server.clearReceived();

    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1last'));
    await page.getByText('Enter signs you in as last time.').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL('https://us-west-2.console.aws.amazon.com/console/home?region=us-west-2', { timeout: 20_000 });
    const sts = suite.server.stsRequests.filter((r) => r.fields.SAMLAssertion);
    expect(sts.map((r) => r.host)).toEqual(['sts.us-west-2.amazonaws.com']);
    expect(sts[0]!.fields.RoleArn).toBe('arn:aws:iam::111122223333:role/ReadOnly');
    // Learned the first time: this IdP app's assertions are refused elsewhere, so no re-post now.
    expect(suite.server.received).toEqual([]);
    await page.close();
  });

  it('skips the picker for a remembered pair after a visible 2-second countdown, which Escape cancels', async () => {
    const page = await suite.browser.context.newPage();
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1auto'));
    await page.getByRole('radio', { name: /Admin/ }).check();
    await page.getByLabel(/^Skip the picker next time/).check();
    await page.getByRole('button', { name: /^Sign in/ }).click();
    await suite.server.waitForPost(undefined, 15_000);
    await page.waitForURL('https://signin.aws.amazon.com/saml');
    suite.server.clearReceived();

    // The countdown lasts 2 s from its first paint, and `goto` returns only once the picker has
    // loaded: wait for the countdown from the start, not after `goto`, or a busy machine misses it.
    let shown = page.getByText(/Signing in as Admin in us-east-1 in 2 seconds/).waitFor();
    await page.goto(tileUrl({}, 'acme.okta.com', 'exk1auto'), { waitUntil: 'commit' });
    await shown;
    const post = await suite.server.waitForPost(undefined, 15_000);
    expect(post.fields.roleIndex).toBe('arn:aws:iam::111122223333:role/Admin');
    await page.waitForURL('https://signin.aws.amazon.com/saml');
    suite.server.clearReceived();

    shown = page.getByText(/Signing in as Admin/).waitFor();
    await page.goto(tileUrl({}, 'acme.okta.com', 'exk1auto'), { waitUntil: 'commit' });
    await shown;
    await page.keyboard.press('Escape');
    await page.getByText('Automatic sign-in stopped: Cancelled.').waitFor();
    await page.waitForTimeout(2_500);
    expect(suite.server.received).toEqual([]);
    await page.close();
  });

  it('turns interception off from the settings, and back on', async () => {
    const options = await openOptions();
    const toggle = options.getByLabel(/^Show the role picker/);
    await toggle.uncheck();
    await options.getByText('Saved.').waitFor();
    const page = await suite.browser.context.newPage();
    await page.goto(tileUrl({}, 'acme.okta.com', 'exk1off'));
    const post = await suite.server.waitForPost(undefined, 15_000);
    expect(post.host).toBe('signin.aws.amazon.com');
    await toggle.check();
    await options.getByText('Saved.').waitFor();
    await expect.poll(() => suite.browser.serviceWorker!.evaluate(async () => (await chrome.declarativeNetRequest.getEnabledRulesets()).length)).toBe(1);
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1off'));
    await Promise.all([page.close(), options.close()]);
  });
  it('offers the automatic failover check in the outage settings: off by default, kept when ticked', async () => {
    const options = await openOptions();
    const box = options.getByRole('checkbox', { name: 'Check failover automatically once a week' });
    await expect(box.isChecked()).resolves.toBe(false);
    await expect(box.getAttribute('aria-describedby').then((id) => options.locator(`#${id}`).textContent())).resolves.toBe(
      'After you sign in, the roles you use are checked in the background; the sign-in is never delayed. Nothing is kept but the outcome.',
    );
    // It sits under "During an outage".
    const outage = options.locator('section.group', { has: options.getByRole('heading', { level: 2, name: /outage/i }) });
    await expect(outage.getByRole('checkbox', { name: 'Check failover automatically once a week' }).count()).resolves.toBe(1);
    await box.check();
    await options.getByText('Saved.').waitFor();
    const stored = () => suite.browser.serviceWorker!.evaluate(async () => ((await chrome.storage.sync.get('settings'))['settings'] as { automaticFailoverCheck?: unknown }).automaticFailoverCheck);
    await expect.poll(stored).toBe(true);
    await options.reload();
    await expect(options.getByRole('checkbox', { name: 'Check failover automatically once a week' }).isChecked()).resolves.toBe(true);
    await options.getByRole('checkbox', { name: 'Check failover automatically once a week' }).uncheck();
    await expect.poll(stored).toBe(false);
    await options.close();
  });

  it('follows an interception switch synced from another device (no page of ours open)', async () => {
    const worker = suite.browser.serviceWorker!;
    const rulesets = () => worker.evaluate(async () => (await chrome.declarativeNetRequest.getEnabledRulesets()).length);
    const setSwitch = (on: boolean) =>
      worker.evaluate(async (interceptionEnabled) => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings as object), version: 1, interceptionEnabled } });
      }, on);
    await setSwitch(false);
    await expect.poll(rulesets).toBe(0);
    const page = await suite.browser.context.newPage();
    await page.goto(tileUrl({}, 'acme.okta.com', 'exk1syncoff'));
    const post = await suite.server.waitForPost((p) => p.fields.SAMLResponse === suite.server.issued.at(-1)!.samlResponse, 15_000);
    expect(post.host).toBe('signin.aws.amazon.com');
    await setSwitch(true);
    await expect.poll(rulesets).toBe(1);
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1syncoff'));
    await page.close();
  });

  it('shows names read from role names apart from the ones the user gave', async () => {
    const worker = suite.browser.serviceWorker!;
    // A rule that reads an alias from the first word of each role name (Admin, ReadOnly → "Admin" or "Read").
    const setPattern = (pattern: unknown) =>
      worker.evaluate(async (aliasPattern) => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings as object), version: 1, aliasPattern } });
      }, pattern);
    await setPattern({ kind: 'role-name', pattern: '^(?<alias>[A-Z][a-z]+)' });
    try {
      const page = await suite.browser.context.newPage();
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1derived'));
      const derived = page.locator('.account-heading .account-name.derived');
      await expect.poll(() => derived.count()).toBeGreaterThan(0);
      await expect(derived.first().getAttribute('title')).resolves.toBe('name read from the role names');
      await expect(derived.first().textContent()).resolves.toContain('(name read from the role names)');
      await page.close();
    } finally {
      await setPattern({ kind: 'none' });
    }
  });

  it('shows the colour of an account (set by ID or by a name rule) on its picker rows, in light and dark', async () => {
    const options = await openOptions();
    await options.getByLabel('Colour this account (ID)').fill('111122223333');
    await options.getByLabel('Colour', { exact: true }).first().selectOption({ label: 'red' });
    await options.getByRole('button', { name: 'Save colour' }).click();
    await options.getByRole('button', { name: 'Remove the colour of account 111122223333' }).waitFor();
    await options.getByLabel('Account ID').fill('444455556666');
    await options.getByLabel('Name', { exact: true }).fill('payments-prod');
    await options.getByRole('button', { name: 'Save name' }).click();
    await options.getByLabel('Words in the account name').fill('prod');
    // Before it is added, the rule says which known accounts it would colour.
    await expect.poll(() => options.locator('#rule-preview').textContent()).toBe('Colours: payments-prod (444455556666)');
    await options.getByLabel('Colour', { exact: true }).last().selectOption({ label: 'turquoise' });
    await options.getByRole('button', { name: 'Add rule' }).click();
    await options.getByRole('button', { name: 'Remove the rule prod' }).waitFor();
    await saveArtifact(options, 'options-colours.png');
    await options.close();
    try {
      const page = await suite.browser.context.newPage();
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1colours'));
      const byId = page.getByRole('group', { name: /1111-2222-3333/ });
      const byRule = page.getByRole('group', { name: /payments-prod\s*4444-5555-6666/ });
      // Named once per account, in its heading; a tooltip on each row's swatch.
      await byId.getByRole('heading').getByRole('img', { name: 'Account colour: red' }).waitFor();
      await byRule.getByRole('heading').getByRole('img', { name: 'Account colour: turquoise' }).waitFor();
      await expect(byId.locator('.role .swatch[data-colour=red][title="Account colour: red"]').count()).resolves.toBe(2);
      await expect(byRule.locator('.role .swatch[data-colour=turquoise]').count()).resolves.toBe(1);
      // The colour is seen, in a shade for each theme.
      const shade = () => byId.locator('.role .swatch').first().evaluate((e) => getComputedStyle(e).backgroundColor);
      await page.emulateMedia({ colorScheme: 'light' });
      await expect(shade()).resolves.toBe('rgb(197, 34, 31)');
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(shade()).resolves.toBe('rgb(255, 123, 114)');
      await saveArtifact(page, 'picker-colours-dark.png');
      await page.close();
    } finally {
      const again = await openOptions();
      await again.getByRole('button', { name: 'Remove the colour of account 111122223333' }).click();
      await again.getByRole('button', { name: 'Remove the rule prod' }).click();
      await again.getByRole('button', { name: 'Remove the rule prod' }).waitFor({ state: 'detached' });
      await again.close();
    }
  });

  it('offers once, inline, to show the aliases that Okta-style role names carry; never again for an app that said no', async () => {
    const offer = (page: Page) => page.getByRole('group', { name: 'Account names from role names' });
    // Earlier tests of this suite named accounts: start from no names at all.
    await suite.browser.serviceWorker!.evaluate(async () => {
      await chrome.storage.sync.set({ settings: { version: 1 } });
      await chrome.storage.local.remove('learned:account-names');
    });
    const declined = await suite.browser.context.newPage();
    await openPickerFromTile(declined, tileUrl({ naming: 'okta' }, 'acme.okta.com', 'exk1presetno'));
    // The line keeps its place, unseen, until the settings are read: wait for its words.
    await expect.poll(() => offer(declined).textContent()).toContain('Show it for 2 accounts?');
    await offer(declined).getByRole('button', { name: 'Never ask for this IdP app' }).click();
    await offer(declined).waitFor({ state: 'detached' });
    // The line goes at once; the answer is saved just after: closing the tab waits for it.
    await expect
      .poll(() => suite.browser.serviceWorker!.evaluate(async () => JSON.stringify(await chrome.storage.sync.get(null))))
      .toContain('exk1presetno');
    await declined.close();
    const again = await suite.browser.context.newPage();
    await openPickerFromTile(again, tileUrl({ naming: 'okta' }, 'acme.okta.com', 'exk1presetno'));
    await again.getByRole('heading', { name: /Account\s*1111-2222-3333/ }).waitFor();
    await expect(offer(again).count()).resolves.toBe(0);
    await again.close();

    const page = await suite.browser.context.newPage();
    try {
      await openPickerFromTile(page, tileUrl({ naming: 'okta' }, 'acme.okta.com', 'exk1presetyes'));
      await expect(page.locator('.account-name').count()).resolves.toBe(0);
      await offer(page).getByRole('button', { name: 'Show account names' }).click();
      const name = page.locator('.account-heading .account-name.derived').filter({ hasText: 'sandbox' });
      await page.getByRole('heading', { name: /sandbox\s*\(name read from the role names\)\s*1111-2222-3333/ }).waitFor({ timeout: 5_000 });
      await page.getByRole('heading', { name: /payments.*4444-5555-6666/ }).waitFor();
      // Styled as names read from role names are: in italics.
      await expect(name.evaluate((e) => getComputedStyle(e).fontStyle)).resolves.toBe('italic');
      await expect(offer(page).count()).resolves.toBe(0);
      await saveArtifact(page, 'picker-preset-accepted.png');
    } finally {
      await page.close();
      await suite.browser.serviceWorker!.evaluate(async () => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings as object), version: 1, aliasPattern: { kind: 'none' } } });
      });
    }
  });

  it('imports account names from a CSV file and reports the rows it refused', async () => {
    const csv = join(files, 'accounts.csv');
    writeFileSync(csv, 'accountId,name\r\n111122223333,sandbox\r\nnot-an-id,broken\r\n');
    const options = await openOptions();
    await options.getByLabel(/^Import names from a file/).setInputFiles(csv);
    const report = options.getByRole('status').filter({ hasText: 'Imported 1 account name' });
    await report.waitFor();
    await expect(report.textContent()).resolves.toMatch(/Line 3/);
    await options.getByRole('cell', { name: 'sandbox' }).waitFor();

    // A file that is not account names changes nothing and says why.
    const bad = join(files, 'bad.json');
    writeFileSync(bad, '{ not json');
    await options.getByLabel(/^Import settings from a file/).setInputFiles(bad);
    await expect(options.getByRole('alert').textContent()).resolves.toMatch(/bad\.json: .*Nothing was changed\./);
    await options.getByRole('cell', { name: 'sandbox' }).waitFor();
    await saveArtifact(options, 'options.png');

    // An imported IdP app link becomes a primary button one day: the report says where it goes.
    const withLink = join(files, 'with-link.json');
    writeFileSync(
      withLink,
      JSON.stringify({ format: 'failover-role-picker-settings', version: 1, idpAppLinks: { 'eu-west-1': 'https://login.example.net/app/aws-eu' } }),
    );
    await options.getByLabel(/^Import settings from a file/).setInputFiles(withLink);
    const imported = options.getByRole('status').filter({ hasText: 'IdP app links in this file' });
    await imported.waitFor();
    await expect(imported.textContent()).resolves.toContain('eu-west-1: login.example.net https://login.example.net/app/aws-eu');
    await options.close();
  });

});
