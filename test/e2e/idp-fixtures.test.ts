// Real identity providers' responses (../shared/fixtures, other projects' test data) through the mock
// Okta's fixture route, the built extension and the picker's own DOMParser in real Chromium: the
// picker reads each as the decoder does in Node, and signs in with what the page posted, unchanged.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { groupedAccountId } from '../../src/core/roles/shown-name';
import { parseSamlResponse, SamlResponseError, type SamlAssertionInfo } from '../../src/core/saml/parse';
import { renderMessage } from '../support/render-message';
import { idpFixtureNames } from '../support/mock-server';
import { extensionSuite, openPickerFromTile, saveArtifact } from './helpers';

const GLOBAL = 'signin.aws.amazon.com';
const PICKER_URL = /^chrome-extension:\/\/[a-p]{32}\/src\/pages\/picker\/index\.html/;

const suite = extensionSuite();

beforeEach(() => {
  suite.server.clearReceived();
  suite.server.setHostMode(GLOBAL, 'up');
});

/** The mock Okta page for one fixture; `fresh` moves its timestamps to now (see the route). */
function fixtureUrl(name: string, fresh = true): string {
  return `https://acme.okta.com/app/fixture/${encodeURIComponent(name)}${fresh ? '?fresh=1' : ''}`;
}

const roleValues = (page: Page) => page.locator('#role-list input[type=radio]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

describe('real IdP responses in the picker (real Chromium, built extension)', () => {
  it.each([
    ['gimme_okta_oie_appForm.html', 'arn:aws:iam::123456789012:role/SSO.ReadOnlyRole', /^SSO\.ReadOnlyRole/],
    ['saml2aws_netiq_autopost_form.html', 'arn:aws:iam::169267451285:role/wbc-readonly', /^wbc-readonly.*169267451285/],
  ])('%s: shows its roles and signs in at the global endpoint with what the page posted', async (name, chosen, label) => {
    const page = await suite.browser.context.newPage();
    await openPickerFromTile(page, fixtureUrl(name));
    const issued = suite.server.issued.at(-1)!;
    expect(issued.appId).toBe(`fixture/${name}`);
    const expected = parseSamlResponse(issued.samlResponse).roles;
    expect(expected.length).toBeGreaterThan(1);
    expect((await roleValues(page)).sort()).toEqual(expected.map((r) => r.roleArn).sort());

    // One section per account, however the assertion orders the roles.
    const accounts = [...new Set(expected.map((r) => r.accountId))];
    for (const account of accounts) {
      // Headings write an account ID grouped as 1234-5678-9012.
      const section = page.getByRole('group', { name: new RegExp(groupedAccountId(account)) });
      await expect(section.getByRole('radio').count()).resolves.toBe(expected.filter((r) => r.accountId === account).length);
    }

    await expect(page.getByLabel(/^Region/).inputValue()).resolves.toBe('us-east-1');
    await page.getByRole('radio', { name: label }).check();
    await saveArtifact(page, `picker-fixture-${name.replace(/\.\w+$/, '')}.png`);
    await page.getByRole('button', { name: /^Sign in/ }).click();

    const post = await suite.server.waitForPost((p) => p.host === GLOBAL, 15_000);
    expect(post.path).toBe('/saml');
    // Exactly the field the IdP's page posted (HTML entities decoded by the browser, padding as it was).
    expect(post.fields.SAMLResponse).toBe(issued.samlResponse);
    expect(post.fields.roleIndex).toBe(chosen);
    expect(post.fields.RelayState).toBe('https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1');
    expect(suite.server.received).toHaveLength(1);
    // Signed in by the plain re-post: no assertion went to STS (health probes may have).
    expect(suite.server.stsRequests.filter((r) => r.fields.SAMLAssertion !== undefined || r.query.SAMLAssertion !== undefined)).toEqual([]);
    await page.getByRole('heading', { name: `Signed in (mock) via ${GLOBAL}` }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('reads every fixture as the decoder does in Node: the same roles, or the same sentence', async () => {
    for (const name of idpFixtureNames()) {
      const page = await suite.browser.context.newPage();
      await page.goto(fixtureUrl(name));
      await page.waitForURL(PICKER_URL, { timeout: 15_000 });
      const { samlResponse } = suite.server.issued.at(-1)!;
      let message: string | undefined;
      let info: SamlAssertionInfo | undefined;
      try {
        info = parseSamlResponse(samlResponse);
      } catch (error) {
        if (!(error instanceof SamlResponseError)) throw error;
        message = renderMessage(error.userMessage);
      }
      const roleArns = info?.roles.map((r) => r.roleArn) ?? [];
      if (roleArns.length > 0 && Date.parse(info!.notOnOrAfter!) <= Date.now()) {
        // Entra ID's fixture is valid for no time at all (NotOnOrAfter = IssueInstant), fresh or not;
        // the picker only says so once it has read roles from it.
        await page.getByRole('heading', { name: 'This sign-in has expired' }).waitFor({ timeout: 15_000 });
      } else if (roleArns.length > 0) {
        await page.getByRole('button', { name: /^Sign in/ }).waitFor({ timeout: 15_000 });
        // The picker orders them its own way (by account, then name).
        expect((await roleValues(page)).sort(), name).toEqual(roleArns.sort());
      } else {
        await page.getByRole('heading', { name: 'This sign-in could not be read' }).waitFor({ timeout: 15_000 });
        // No roles: the picker says so in its own words; else the decoder's sentence, word for word.
        const expected = message ?? 'This assertion offers no AWS role you can sign in as.';
        await expect(page.getByRole('alert').textContent(), name).resolves.toContain(expected);
        // The way on is still there: AWS's own page, or back to the IdP.
        await page.getByRole('button', { name: `Continue to AWS's own page (${GLOBAL})` }).waitFor();
      }
      await page.close();
    }
    expect(suite.server.received).toEqual([]);
  });

  it('shows a fixture as it is, expired, when its timestamps are left alone', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(fixtureUrl('saml2aws_netiq_autopost_form.html', false));
    await page.waitForURL(PICKER_URL, { timeout: 15_000 });
    await page.getByRole('heading', { name: 'This sign-in has expired' }).waitFor({ timeout: 15_000 });
    expect(suite.server.received).toEqual([]);
    await page.close();
  });
});
