// The whole flow against local stand-ins for Okta and AWS (sign-in, STS, federation, console), with
// us-east-1's sign-in and STS endpoints down and a default IdP setup (no admin change for failover).
//   npm run demo            headed when a display is available: you click, a control tab toggles the outage
//   npm run demo -- --headless (or no DISPLAY): runs itself, narrates, writes screenshots to demo-output/
// Nothing leaves the machine: Chromium resolves only the mock hosts (test/support/chromium.ts).
import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, launchWithExtension } from '../test/support/chromium';
import type { LaunchedExtension } from '../test/support/chromium';
import { GLOBAL_SIGNIN_HOST, startMockServer } from '../test/support/mock-server';
import type { MockServer, ReceivedPost } from '../test/support/mock-server';

const OUTPUT_DIR = join(REPO_ROOT, 'demo-output');
const DASHBOARD = 'https://acme.okta.com/';
const TILE = 'https://acme.okta.com/app/amazon_aws/exk1demo/sso/saml';
const TARGET_REGION = 'eu-west-1';
const TARGET_CONSOLE = `https://${TARGET_REGION}.console.aws.amazon.com/console/home?region=${TARGET_REGION}`;
/** us-east-1's SAML sign-in endpoint and its STS endpoints: what an outage takes down. */
const US_EAST_1_HOSTS = [GLOBAL_SIGNIN_HOST, 'us-east-1.signin.aws.amazon.com', 'sts.amazonaws.com', 'sts.us-east-1.amazonaws.com'];
const TARGET_HOST = `${TARGET_REGION}.signin.aws.amazon.com`;
const PICKER_PATH = '/src/pages/picker/index.html';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const started = Date.now();

function say(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[demo ${seconds}s] ${message}`);
}

function fingerprint(samlResponse: string): string {
  return `${samlResponse.length} chars, sha256 ${createHash('sha256').update(samlResponse).digest('hex').slice(0, 12)}…`;
}

function describePost(post: ReceivedPost): string {
  return `${post.host}${post.path} role=${post.fields.roleIndex ?? '(none)'} RelayState=${post.fields.RelayState || '(empty)'}`;
}

async function main(): Promise<void> {
  const server = await startMockServer();
  let browser: LaunchedExtension | undefined;
  const shutdown = async () => {
    await browser?.close();
    await server.close();
  };
  try {
    say(`mock Okta and AWS endpoints listening on 127.0.0.1:${server.port}`);
    for (const host of US_EAST_1_HOSTS) server.setHostMode(host, 'down');
    say(`outage simulated: us-east-1 (${US_EAST_1_HOSTS.join(', ')}) refuses every connection`);
    browser = await launchWithExtension({ server, headless });
    say(`Chromium${headless ? ' (headless)' : ''} started with the extension ${browser.extensionId}`);
    if (headless) await runAutomatically(server, browser);
    else await runInteractively(server, browser, shutdown);
  } catch (error) {
    await shutdown().catch(() => undefined);
    throw error;
  }
  await shutdown();
}

async function runAutomatically(server: MockServer, browser: LaunchedExtension): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  await rm(join(OUTPUT_DIR, 'failure.png'), { force: true });
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  const step = async <T>(title: string, action: () => Promise<T>): Promise<T> => {
    say(title);
    try {
      return await action();
    } catch (error) {
      const shot = join(OUTPUT_DIR, 'failure.png');
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      const text = (await page.locator('body').innerText({ timeout: 1000 }).catch(() => '')).slice(0, 600);
      throw new Error(
        `step "${title}" failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n` +
          `  page: ${page.url()}\n  screenshot: ${shot}${text ? `\n  page text: ${text.replace(/\s+/g, ' ')}` : ''}`,
        { cause: error },
      );
    }
  };

  await step(`1. Okta dashboard ${DASHBOARD}`, async () => {
    await page.goto(DASHBOARD);
    await page.getByRole('link', { name: 'AWS (us-east-1)' }).waitFor();
  });

  // Okta's page submits itself in a blink; this variant waits for Continue so it can be photographed.
  const issued = await step(`2. AWS tile ${TILE} (auto-submit off for the screenshot)`, async () => {
    await page.goto(`${TILE}?submit=noscript`);
    const samlResponse = await page.locator('input[name="SAMLResponse"]').inputValue();
    await page.screenshot({ path: join(OUTPUT_DIR, '01-okta.png'), fullPage: true });
    say(`   Okta handed out an assertion (${fingerprint(samlResponse)}) addressed to https://${GLOBAL_SIGNIN_HOST}/saml`);
    return samlResponse;
  });

  const pickerUrl = `chrome-extension://${browser.extensionId}${PICKER_PATH}`;
  const pickerShownIn = await step('3. Continue: the extension should catch the POST and open its picker', async () => {
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.href.startsWith(pickerUrl), { timeout: 15_000 });
    await page.getByRole('radio').first().waitFor({ timeout: 15_000 });
    const shownIn = Date.now() - clicked;
    // The picker is usable at once; the screenshot waits for the probes to show the outage.
    await page.locator('option[value="us-east-1"][data-health="down"]').waitFor({ state: 'attached', timeout: 5_000 });
    await page.getByRole('button', { name: 'Check again' }).waitFor({ timeout: 5_000 });
    say(`   health: ${(await page.locator('#region-status').innerText()).replace(/\s+/g, ' ')}`);
    await page.screenshot({ path: join(OUTPUT_DIR, '02-picker.png'), fullPage: true });
    return shownIn;
  });
  say(`   picker shown ${pickerShownIn} ms after the click, with ${await page.getByRole('radio').count()} roles`);

  await step(`4. choose Admin in 111122223333, region ${TARGET_REGION}, Sign in`, async () => {
    const account = '1111-?2222-?3333';
    const role = page.getByRole('radio', {
      name: new RegExp(`\\bAdmin\\b[\\s\\S]*${account}|${account}[\\s\\S]*\\bAdmin\\b`),
    });
    await role.first().check();
    const region = page
      .getByRole('combobox', { name: /^Region/ })
      .or(page.getByRole('listbox', { name: /^Region/ }))
      .first();
    await region.selectOption(TARGET_REGION);
    await page.getByRole('button', { name: /^Sign in/ }).click();
  });

  const post = await step(`5. the re-post at https://${TARGET_HOST}/saml, then ${TARGET_REGION}'s STS and federation into its console`, async () => {
    const received = await server.waitForPost((p) => p.host === TARGET_HOST, 15_000);
    // AWS refuses an assertion addressed to signin.aws.amazon.com there; the same click goes on through STS.
    await page.waitForURL(TARGET_CONSOLE, { timeout: 20_000 });
    say(`   console: ${(await page.locator('#console-identity').innerText()).trim()}`);
    await page.screenshot({ path: join(OUTPUT_DIR, '03-console.png'), fullPage: true });
    return received;
  });
  const stsCalls = server.stsRequests.filter((r) => r.fields.SAMLAssertion !== undefined);
  say(`   STS: ${stsCalls.map((r) => `${r.method} https://${r.host}/ (AssumeRoleWithSAML, assertion in the form body)`).join('; ') || 'none'}`);
  say(`   federation: ${server.federationRequests.map((r) => `${r.method} ${r.host} ${r.action ?? ''} → ${r.status}`).join('; ')}`);

  const samlResponse = post.fields.SAMLResponse ?? '';
  const identical = samlResponse === issued;
  say('6. what the regional SAML endpoint received (and refused, as AWS does for a foreign Recipient):');
  say(`   host          ${post.host}${post.path}`);
  say(`   roleIndex     ${post.fields.roleIndex ?? '(none)'}`);
  say(`   RelayState    ${post.fields.RelayState || '(empty)'}`);
  say(`   SAMLResponse  ${fingerprint(samlResponse)}; identical to Okta's: ${identical ? 'yes' : 'NO'}`);
  say(`   Origin        ${String(post.headers.origin ?? '(none)')}`);
  const atGlobal = server.received.filter((p) => p.host === GLOBAL_SIGNIN_HOST);
  const globalFaults = server.faults.filter((f) => f.host === GLOBAL_SIGNIN_HOST);
  const requests = globalFaults.filter((f) => f.stage === 'http').length;
  const handshakes = globalFaults.length - requests;
  say(`   requests that reached ${GLOBAL_SIGNIN_HOST}: ${atGlobal.length + requests}`);
  // Chromium preconnects to a navigation's destination as it starts, before the extension's redirect:
  // a bare TLS handshake, no request and no assertion.
  say(`   (TLS connection attempts it refused: ${handshakes}, Chromium's preconnects; they carry no request)`);
  say(`screenshots: ${OUTPUT_DIR}/01-okta.png, 02-picker.png, 03-console.png`);

  const problems = [
    identical ? '' : 'the SAMLResponse that arrived differs from the one Okta issued',
    atGlobal.length + requests === 0 ? '' : `${atGlobal.length + requests} request(s) reached ${GLOBAL_SIGNIN_HOST}`,
    post.fields.roleIndex?.endsWith(':role/Admin') ? '' : `roleIndex is ${post.fields.roleIndex ?? 'missing'}, expected the Admin role`,
    stsCalls.length === 1 && stsCalls[0]?.fields.SAMLAssertion === issued ? '' : 'STS did not get the untouched assertion exactly once',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(problems.join('; '));
  say(`success: in the ${TARGET_REGION} console as Admin while us-east-1 was down, with no admin change`);
}

async function runInteractively(server: MockServer, browser: LaunchedExtension, shutdown: () => Promise<void>): Promise<void> {
  const dashboard = browser.context.pages()[0] ?? (await browser.context.newPage());
  await dashboard.goto(DASHBOARD);
  const control = await browser.context.newPage();
  await control.goto('https://localhost/__control');
  await dashboard.bringToFront();
  server.onPost((post) => say(`POST received: ${describePost(post)} (SAMLResponse ${fingerprint(post.fields.SAMLResponse ?? '')})`));
  console.log(`
  Chromium is open with the extension loaded. Nothing here reaches the internet.
  - Tab 1, mock Okta (${DASHBOARD}): click "AWS (us-east-1)". The extension catches the sign-in POST
    and shows its picker. Pick a role and a region, then "Sign in": AWS refuses the assertion at another
    region's SAML endpoint (it is addressed to ${GLOBAL_SIGNIN_HOST}), so the extension continues through
    that region's STS and federation endpoints and the tab lands in that region's (mock) console.
  - Tab 2, control (https://localhost/__control): us-east-1 (${US_EAST_1_HOSTS.join(', ')}) starts DOWN;
    switch hosts up or down there, or slow/black-hole any endpoint, and watch the picker's health change.
  - Every POST the mock endpoints receive is printed here (never the assertion itself).
  Press Ctrl+C to quit.
`);
  const stop = async (code: number) => {
    await shutdown().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  browser.context.once('close', () => {
    say('browser closed');
    void stop(0);
  });
  await new Promise<never>(() => undefined); // until Ctrl+C or the window closes
}

function helpfulMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Failed to launch|spawn .*ENOENT|executable doesn't exist/i.test(message)) {
    return `${message}\nChromium could not start: run \`npm run setup -- --browser\` or set CHROMIUM_PATH.`;
  }
  if (/Missing X server|\$DISPLAY/i.test(message)) {
    return `${message}\nNo usable display: run with --headless.`;
  }
  return message;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[demo] FAILED: ${helpfulMessage(error)}`);
    process.exit(1);
  },
);
