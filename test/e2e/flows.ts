// The user's flows through the picker in Chromium, step by step, shared by the tests of the
// development build and of the store package (release-chrome.test.ts): one way to do each thing.
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MockServer } from '../support/mock-server';
import { openPickerFromTile, tileUrl } from './helpers';

export const GLOBAL = 'signin.aws.amazon.com';
/** us-east-1 down: its sign-in endpoint and both its STS hosts. */
export const US_EAST_1 = [GLOBAL, 'us-east-1.signin.aws.amazon.com', 'sts.amazonaws.com', 'sts.us-east-1.amazonaws.com'];
export const consoleUrl = (region: string): string => `https://${region}.console.aws.amazon.com/console/home?region=${region}`;
/** The IdP app query of an assertion addressed to `region`'s own SAML endpoint. */
export const addressedTo = (region: string): Record<string, string> => ({ acs: `https://${region}.signin.aws.amazon.com/saml` });

/** STS calls that carried an assertion, as "METHOD host". */
export const assertionCalls = (server: MockServer): string[] =>
  server.stsRequests.filter((r) => r.fields.SAMLAssertion !== undefined || r.query.SAMLAssertion !== undefined).map((r) => `${r.method} ${r.host}`);

/** Opens the picker from the IdP app's tile, chooses the region and role, and clicks Sign in; returns the assertion. */
export async function signInAs(
  page: Page,
  server: MockServer,
  app: string,
  region: string,
  role = /Deploy.*444455556666/,
  query: Record<string, string> = {},
): Promise<string> {
  await openPickerFromTile(page, tileUrl(query, 'acme.okta.com', app));
  await page.getByLabel(/^Region/).selectOption(region);
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: /^Sign in/ }).click();
  return server.issued.at(-1)!.samlResponse;
}

/** The tab reaches `region`'s console, signed in as `roleName`. */
export async function landsInConsole(page: Page, region: string, roleName: string, timeout = 20_000): Promise<void> {
  await page.waitForURL(consoleUrl(region), { timeout });
  await expect(page.locator('#console-identity').textContent()).resolves.toMatch(new RegExp(`^Signed in as arn:aws:sts::\\d{12}:assumed-role/${roleName}/`));
}

/** "Continue to AWS's own page": the assertion goes as the IdP posted it, once, with no role, and is not caught again. */
export async function continueToAws(page: Page, server: MockServer, app = 'exk1'): Promise<void> {
  await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', app));
  await page.getByRole('button', { name: /^Continue to AWS/ }).click();
  const post = await server.waitForPost(undefined, 15_000);
  expect(post.host).toBe(GLOBAL);
  expect(post.fields.roleIndex).toBeUndefined();
  expect(post.fields.SAMLResponse).toBe(server.issued.at(-1)!.samlResponse);
  await page.waitForURL(`https://${GLOBAL}/saml`);
  expect(server.received).toHaveLength(1);
}

/**
 * Deploy (444455556666) and Admin (111122223333) at once in `region`: "Open 2 consoles"; the picker's
 * tab takes one console and a new tab the other. Returns the new tab, once both have landed.
 */
export async function openTwoConsoles(page: Page, context: BrowserContext, server: MockServer, app: string, region: string): Promise<Page> {
  await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', app));
  await page.getByLabel(/^Region/).selectOption(region);
  await page.getByRole('radio', { name: /Deploy.*444455556666/ }).check();
  await page.getByRole('checkbox', { name: /^Open Admin in 111122223333 too/ }).check();
  await expect(page.locator('#many-note').textContent()).resolves.toMatch(/multi-session setting/);
  const opened = context.waitForEvent('page', { timeout: 20_000 });
  await page.getByRole('button', { name: `Open 2 consoles in ${region}` }).click();
  const other = await opened;
  await page.waitForURL(consoleUrl(region), { timeout: 20_000 });
  await other.waitForURL(consoleUrl(region), { timeout: 20_000 });
  const calls = server.stsRequests.filter((r) => r.fields.SAMLAssertion);
  expect(calls.map((r) => `${r.method} ${r.host} ${r.fields.RoleArn}`).sort()).toEqual([
    `POST sts.${region}.amazonaws.com arn:aws:iam::111122223333:role/Admin`,
    `POST sts.${region}.amazonaws.com arn:aws:iam::444455556666:role/team/Deploy`,
  ]);
  // No re-post: several roles go straight through STS. Each login made a console session as its role.
  expect(server.received).toEqual([]);
  const sessions = server.consoleSessions.slice(-2).map((c) => `${c.assumedRoleArn.split('/')[1]} ${c.destination}`).sort();
  expect(sessions).toEqual([`Admin ${consoleUrl(region)}`, `Deploy ${consoleUrl(region)}`]);
  return other;
}
