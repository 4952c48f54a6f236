import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeFindings, extensionSuite, openPickerFromTile, postFromIdp, saveArtifact, tileUrl } from './helpers';

// axe-core, a real auditor, on every page and state in light and dark: no serious or critical
// finding of the WCAG 2.1 A/AA rules. Injected through the DevTools protocol (page.evaluate), which
// our pages' CSP does not apply to; nothing of it ships in the extension.

const suite = extensionSuite();

// Every page is audited with account colours set (one account by ID, one by a name rule), so their
// swatches on the picker and in the settings are audited too.
beforeAll(async () => {
  await suite.worker.evaluate(() =>
    chrome.storage.sync.set({
      settings: { version: 1, accountNames: { '444455556666': 'payments-prod' }, accountColours: { '111122223333': 'yellow' }, colourRules: [{ words: 'prod', colour: 'pink' }] },
    }),
  );
});

type Opener = (page: Page) => Promise<void>;
const origin = () => `chrome-extension://${suite.browser.extensionId}`;

const postUnreadable: Opener = async (page) => {
  await postFromIdp(page, '%%% not base64 %%%');
  await page.getByRole('heading', { name: 'This sign-in could not be read' }).waitFor({ timeout: 15_000 });
};

const PAGES: Array<[string, Opener]> = [
  ['picker, 3 roles', (page) => openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1a11y'))],
  ['picker, 900 roles', (page) => openPickerFromTile(page, tileUrl({ roles: '900' }, 'acme.okta.com', 'exk1a11yall'))],
  [
    'picker, 900 roles, filtered',
    async (page) => {
      await openPickerFromTile(page, tileUrl({ roles: '900' }, 'acme.okta.com', 'exk1a11ybig'));
      await page.keyboard.type('adm');
    },
  ],
  ['picker, expired', async (page) => {
    await page.goto(tileUrl({ expired: '1' }, 'acme.okta.com', 'exk1a11yexp'));
    await page.getByRole('heading', { name: /expired/i }).waitFor({ timeout: 15_000 });
  }],
  ['picker, encrypted', async (page) => {
    await page.goto(tileUrl({ encrypted: '1' }, 'acme.okta.com', 'exk1a11yenc'));
    await page.getByRole('button', { name: /^Sign in/ }).waitFor({ timeout: 15_000 });
  }],
  ['picker, decode error', postUnreadable],
  ['picker, no capture', async (page) => {
    await page.goto(`${origin()}/src/pages/picker/index.html`);
    await page.getByRole('heading', { name: 'No sign-in was captured' }).waitFor({ timeout: 10_000 });
  }],
  ['options', async (page) => {
    await page.goto(`${origin()}/src/pages/options/index.html`);
    await page.getByRole('heading', { name: 'Account names' }).waitFor();
  }],
  ['popup', async (page) => {
    await page.goto(`${origin()}/src/pages/popup/index.html`);
    await page.getByRole('button').first().waitFor();
  }],
  ['diagnosis, nothing to explain', async (page) => {
    await page.goto(`${origin()}/src/pages/diagnosis/index.html`);
    await page.getByRole('heading').first().waitFor();
  }],
  ['diagnosis, STS refused, details open', async (page) => {
    // A diagnosis as the worker leaves it for the tab (diagnoseStsFailure), with the admin's details opened.
    await page.goto(`${origin()}/src/pages/diagnosis/index.html`);
    const tabId = await suite.worker.evaluate(async () => (await chrome.tabs.query({})).find((tab) => tab.url?.endsWith('/src/pages/diagnosis/index.html'))?.id);
    const said = 'Not authorized to perform sts:AssumeRoleWithSAML';
    const attempt = { partition: 'aws', region: 'eu-west-1', targetUrl: 'https://eu-west-1.signin.aws.amazon.com/saml', recipientUrl: 'https://signin.aws.amazon.com/saml', recipientRegion: 'us-east-1', roleArn: 'arn:aws:iam::444455556666:role/Admin' };
    const diagnosis = {
      cause: 'sts-refused',
      title: { code: 'diagTrustRefusedTitle', params: {} },
      explanation: [{ code: 'diagStsSaid', params: { said } }],
      adminRequest: [{ code: 'adminStsFailed', params: { role: attempt.roleArn } }],
      awsMessage: said,
      steps: [{ method: 'sts', host: 'sts.eu-west-1.amazonaws.com', said }],
    };
    await suite.worker.evaluate((value) => chrome.storage.session.set(value), { [`diagnosis:${tabId}`]: { diagnosis, attempt } });
    await page.reload();
    await page.getByText('Details for your admin').click();
    await page.getByText('Admin in payments-prod').waitFor();
  }],
];

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  // The view shown while the picker waits for the capture (at most CAPTURE_WAIT_MS, 4 s, when the
  // picker is opened with none): audited at once, and again if it had given way to the next view.
  for (const scheme of ['light', 'dark'] as const) {
    it(`picker, waiting for the capture, ${scheme}: no serious or critical finding`, async () => {
      const page = await suite.browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      try {
        for (let attempt = 0; ; attempt++) {
          await page.goto(`${origin()}/src/pages/picker/index.html`);
          const waiting = page.locator('section[aria-busy="true"] h1');
          await waiting.waitFor({ timeout: 10_000 });
          const findings = await axeFindings(page);
          if (!(await waiting.isVisible()) && attempt < 4) continue;
          expect(await waiting.isVisible(), 'the waiting view stayed while it was audited').toBe(true);
          expect(findings).toEqual([]);
          break;
        }
      } finally {
        await page.close();
      }
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, open] of PAGES) {
      it(`${name}, ${scheme}: no serious or critical finding`, async () => {
        const page = await suite.browser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        try {
          await open(page);
          // Let late notices (health) arrive: they are audited too.
          await page.waitForTimeout(400);
          const findings = await axeFindings(page);
          if (findings.length) await saveArtifact(page, `a11y-${name.replace(/\W+/g, '-')}-${scheme}.png`);
          expect(findings).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
