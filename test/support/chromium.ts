// Debian's Chromium driven by playwright-core, with every host of the flow mapped to the mock server
// and everything else unresolvable, so no test ever touches the network (docs/testing.md#how-the-end-to-end-tests-run).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Worker } from 'playwright-core';
import { GLOBAL_SIGNIN_HOST, MOCK_HOSTS } from './mock-server';
import type { MockServer } from './mock-server';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_EXTENSION_DIR = join(REPO_ROOT, 'dist/chrome');
const SERVICE_WORKER_TIMEOUT_MS = 15_000;

export interface BrowserOptions {
  server: Pick<MockServer, 'port'>;
  /** Default true. Uses --headless=new, which runs extensions. */
  headless?: boolean;
  /** Resolve signin.aws.amazon.com to 127.0.0.1:1: nothing listens there, connections are refused. */
  globalDown?: boolean;
  /** A profile folder to reuse; kept on close. Default: a fresh temporary profile, deleted on close. */
  userDataDir?: string;
  /** Extra Chromium switches. */
  args?: string[];
}

export interface ExtensionBrowserOptions extends BrowserOptions {
  /** Default dist/chrome of this repository. */
  extensionDir?: string;
  /** Default true: return only once the extension's service worker runs. */
  waitForServiceWorker?: boolean;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface LaunchedExtension extends LaunchedBrowser {
  extensionId: string;
  serviceWorker?: Worker;
}

/** The --host-resolver-rules value: our hosts to the mock server, everything else NOTFOUND. */
export function hostResolverRules(port: number, options: { globalDown?: boolean } = {}): string {
  const rules = MOCK_HOSTS.map((host) =>
    options.globalDown && host === GLOBAL_SIGNIN_HOST ? `MAP ${host} 127.0.0.1:1` : `MAP ${host} 127.0.0.1:${port}`,
  );
  return [...rules, 'MAP * ~NOTFOUND'].join(', ');
}

/** Chromium without the extension (to test the harness itself). */
export function launchChromium(options: BrowserOptions): Promise<LaunchedBrowser> {
  return launch(options, []);
}

export async function launchWithExtension(options: ExtensionBrowserOptions): Promise<LaunchedExtension> {
  const extensionDir = resolve(options.extensionDir ?? DEFAULT_EXTENSION_DIR);
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built extension at ${extensionDir} (manifest.json missing): run \`npm run build\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key?: string };
  const browser = await launch(options, [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ]);
  try {
    let extensionId = manifest.key ? extensionIdFromKey(manifest.key) : undefined;
    let serviceWorker: Worker | undefined;
    if (options.waitForServiceWorker ?? true) {
      serviceWorker = await extensionServiceWorker(browser.context, extensionId);
      extensionId ??= new URL(serviceWorker.url()).hostname;
    }
    if (!extensionId) {
      throw new Error('The manifest has no "key", so the extension id is only known from its service worker: wait for it.');
    }
    return { ...browser, extensionId, serviceWorker };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Loads an unpacked extension through the DevTools protocol (Extensions.loadUnpacked, which needs
 * --enable-unsafe-extension-debugging and Playwright's pipe connection), as "Load unpacked" does.
 * Loading a path that is already installed again is Chrome's reload: an update when the version
 * changed, with `runtime.onInstalled` fired as { reason: 'update', previousVersion }. Returns the
 * id and the service worker of the loaded copy (a new one after an update).
 */
export async function loadUnpacked(context: BrowserContext, dir: string): Promise<{ extensionId: string; serviceWorker: Worker }> {
  const browser = context.browser();
  if (!browser) throw new Error('loadUnpacked needs the browser behind the context');
  const before = new Set(context.serviceWorkers());
  const session = await browser.newBrowserCDPSession();
  const { id } = (await session.send('Extensions.loadUnpacked' as never, { path: resolve(dir) } as never)) as { id: string };
  await session.detach();
  const prefix = `chrome-extension://${id}/`;
  for (let i = 0; i < SERVICE_WORKER_TIMEOUT_MS / 50; i++) {
    const fresh = context.serviceWorkers().find((w) => !before.has(w) && w.url().startsWith(prefix));
    if (fresh) return { extensionId: id, serviceWorker: await extensionServiceWorker(context, id, fresh) };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`The service worker of ${dir} did not start within ${SERVICE_WORKER_TIMEOUT_MS} ms.`);
}

/** Chrome derives an unpacked extension's id from the manifest key: SHA-256 of the DER, a–p for 0–f. */
export function extensionIdFromKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

async function extensionServiceWorker(context: BrowserContext, extensionId: string | undefined, known?: Worker): Promise<Worker> {
  const prefix = extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://';
  const matches = (worker: Worker) => worker.url().startsWith(prefix);
  let worker = known ?? context.serviceWorkers().find(matches);
  try {
    worker ??= await context.waitForEvent('serviceworker', { predicate: matches, timeout: SERVICE_WORKER_TIMEOUT_MS });
    // The worker is reported before its first turn has registered the capture listener: a sign-in
    // in that window is redirected but not captured (docs/interception.md#catching-the-idps-post).
    for (let i = 0; i < 100; i++) {
      if (await worker.evaluate(() => chrome.webRequest?.onBeforeRequest.hasListeners() ?? true)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return worker;
  } catch {
    throw new Error(
      `The extension's service worker did not start within ${SERVICE_WORKER_TIMEOUT_MS} ms ` +
        '(is dist/chrome a complete build? does the worker throw at start-up?).',
    );
  }
}

async function launch(options: BrowserOptions, extensionArgs: string[]): Promise<LaunchedBrowser> {
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'frp-chromium-')));
  const headless = options.headless ?? true;
  const args = [
    ...(headless ? ['--headless=new'] : []),
    ...extensionArgs,
    `--host-resolver-rules=${hostResolverRules(options.server.port, options)}`,
    // Unlike Playwright's ignoreHTTPSErrors, this also covers the service worker's fetch (docs/testing.md#how-the-end-to-end-tests-run).
    '--ignore-certificate-errors',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-gpu',
    '--disable-quic',
    ...(options.args ?? []),
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: false, // headless comes from --headless=new above: Playwright's flag would pick old modes
      args,
      // Playwright adds --disable-extensions by default, which would also disable ours.
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: headless ? { width: 1280, height: 800 } : null,
    });
  } catch (error) {
    if (ownsProfile) await removeProfile(userDataDir);
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    context,
    close() {
      closed ??= (async () => {
        await context.close().catch(() => undefined);
        if (ownsProfile) await removeProfile(userDataDir);
      })();
      return closed;
    },
  };
}

async function removeProfile(dir: string): Promise<void> {
  // Chromium may still be writing for a moment after exit.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
}
