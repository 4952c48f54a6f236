// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the built extension
// installed as a temporary add-on (docs/testing.md#how-the-end-to-end-tests-run). Firefox has no --host-resolver-rules: every
// request goes through a local HTTP proxy that tunnels the mock server's hosts to it and answers
// 502 for anything else, so no test ever touches the network.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REPO_ROOT } from './chromium';
import { MOCK_HOSTS, type MockServer } from './mock-server';

export const DEFAULT_FIREFOX_EXTENSION_DIR = join(REPO_ROOT, 'dist/firefox');

export interface FirefoxOptions {
  server: Pick<MockServer, 'port'>;
  /** A folder or a zip archive (a store package); default dist/firefox of this repository. */
  extensionDir?: string;
  /** Default true. */
  headless?: boolean;
  /** A profile folder to use and keep (default: a temporary one puppeteer deletes). */
  userDataDir?: string;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** The add-on id (browser_specific_settings.gecko.id). */
  extensionId: string;
  /** Hosts Firefox tried to reach that the proxy refused (telemetry, updates, a leak). */
  refusedHosts: string[];
  close(): Promise<void>;
}

/** Whether the mock server answers for `host` (MOCK_HOSTS with one-label wildcards). */
export function isMockHost(host: string): boolean {
  const name = host.toLowerCase();
  return MOCK_HOSTS.some((pattern) => {
    if (!pattern.startsWith('*.')) return name === pattern;
    const suffix = pattern.slice(1);
    return name.endsWith(suffix) && /^[a-z0-9-]+$/.test(name.slice(0, -suffix.length));
  });
}

interface HostProxy {
  port: number;
  refusedHosts: string[];
  close(): Promise<void>;
}

/** An HTTP proxy that tunnels CONNECT to port 443 of a mock host to the mock server, and refuses the rest. */
export async function startHostProxy(mockPort: number): Promise<HostProxy> {
  const refusedHosts: string[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const proxy: Server = createServer((req, res) => {
    refusedHosts.push(req.headers.host ?? req.url ?? '?');
    res.writeHead(502, { 'content-type': 'text/plain' }).end('test proxy: plain HTTP is not served\n');
  });
  proxy.on('connection', track);
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    const [host = '', port = ''] = (req.url ?? '').split(/:(?=\d+$)/);
    if (port !== '443' || !isMockHost(host)) {
      refusedHosts.push(`${host}:${port}`);
      client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(mockPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('test proxy has no TCP address');
  return {
    port: address.port,
    refusedHosts,
    async close() {
      const closed = new Promise<void>((resolve) => proxy.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** Preferences that send every request through the proxy and stop Firefox's own background traffic. */
function firefoxPrefs(proxyPort: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.socks_remote_dns': true,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.http.http3.enable': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'toolkit.telemetry.enabled': false,
    // Containers, for several roles at once (contextualIdentities).
    'privacy.userContext.enabled': true,
    // Lets a page read the clipboard back without Firefox's paste prompt (CLI credentials test).
    'dom.events.testing.asyncClipboard': true,
    'toolkit.telemetry.server': '',
    // puppeteer points services.settings.server at a dummy host; Firefox reads that pref only with
    // MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in the environment (set below), else it calls home.
  };
}

export async function launchFirefoxWithExtension(options: FirefoxOptions): Promise<LaunchedFirefox> {
  const proxy = await startHostProxy(options.server.port);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: options.headless ?? true,
      // A WebDriver-wide certificate override: covers pages and the extension's own fetch alike.
      acceptInsecureCerts: true,
      extraPrefsFirefox: firefoxPrefs(proxy.port),
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(options.extensionDir ?? DEFAULT_FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close().catch(() => undefined);
    await proxy.close();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    browser,
    extensionId,
    refusedHosts: proxy.refusedHosts,
    close() {
      closed ??= (async () => {
        await browser.close().catch(() => undefined);
        await proxy.close();
      })();
      return closed;
    },
  };
}

/**
 * Polls `predicate` in the page until it holds. WebDriver BiDi reports no navigation to a
 * moz-extension: page, so neither goto nor waitForNavigation sees the redirect to the picker, and
 * waitForFunction fails when a navigation replaces the page it runs in.
 */
export async function waitInPage(page: Page, predicate: (() => boolean) | string, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(predicate as () => boolean).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Firefox: ${what} within ${timeoutMs} ms (at ${await page.evaluate(() => location.href).catch(() => '?')})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Clicks the IdP tile as a user would (from the dashboard) and waits until the picker is interactive:
 * its Sign in button is armed for a pointer click (half a second after it appears, use-arming.ts).
 */
export async function openPickerFromTile(page: Page, url: string): Promise<void> {
  await page.goto(`${new URL(url).origin}/`);
  await page.evaluate((href) => location.assign(href), url);
  await waitInPage(page, () => location.protocol === 'moz-extension:' && document.querySelector('button[type=submit]:not([aria-disabled])') !== null, 'the picker did not open');
}
