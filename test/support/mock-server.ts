// One local HTTPS server that plays Okta, AWS sign-in (global, regional, GovCloud, China) and the AWS
// console for end-to-end tests and the demo (REFERENCE.md §1, §3, §6). Chromium reaches it through
// --host-resolver-rules (see chromium.ts), so pages keep their real host names and the extension's
// rules and host permissions apply unchanged. Each host can be taken down, black-holed, slowed or made
// to fail, to test failover. The assertions it serves are generated; it never logs one in full.
import { execFile } from 'node:child_process';
import { constants, createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request } from 'node:https';
import type { Server } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { DEFAULT_ROLES, buildSamlResponse, makeRoles } from '../fixtures/assertion-builder';
import type { RolePair } from '../fixtures/assertion-builder';

/** Host names (and one-label wildcards) the server answers for; chromium.ts maps each to it. */
export const MOCK_HOSTS = [
  '*.okta.com',
  '*.okta-emea.com',
  'signin.aws.amazon.com',
  '*.signin.aws.amazon.com',
  'console.aws.amazon.com',
  '*.console.aws.amazon.com',
  'signin.amazonaws-us-gov.com',
  '*.signin.amazonaws-us-gov.com',
  'console.amazonaws-us-gov.com',
  'signin.amazonaws.cn',
  '*.signin.amazonaws.cn',
  'console.amazonaws.cn',
  'localhost',
] as const;

export const GLOBAL_SIGNIN_HOST = 'signin.aws.amazon.com';
export const DEFAULT_ACS = `https://${GLOBAL_SIGNIN_HOST}/saml`;

/** `reject`: the endpoint is up (probes answer) but refuses sign-ins with AWS's error page. */
export type HostMode = 'up' | 'down' | 'blackhole' | 'slow' | 'error500' | 'reject';
const HOST_MODES: readonly HostMode[] = ['up', 'down', 'blackhole', 'slow', 'error500', 'reject'];

export interface HostModeOptions {
  /** For 'slow': how long each response waits. Default 3000 ms. */
  delayMs?: number;
  /** For 'reject': the error AWS's page shows. Default: the invalid-SAML-response message. */
  message?: string;
}

/** The sentence AWS's sign-in page shows for an assertion it refuses (e.g. Recipient/SAML:aud mismatch). */
export const AWS_INVALID_SAML_MESSAGE = 'Your request included an invalid SAML response. To logout, click here.';

/** A form POST that reached a mock sign-in endpoint. */
export interface ReceivedPost {
  host: string;
  path: string;
  fields: Record<string, string>;
  headers: IncomingHttpHeaders;
  at: Date;
}

/** An assertion the mock Okta handed out (so tests can compare what arrives with what left). */
export interface IssuedAssertion {
  host: string;
  appId: string;
  acs: string;
  samlResponse: string;
  relayState: string;
  at: Date;
}

/** A connection or request the server refused, held or delayed because of a host mode. */
export interface FaultEvent {
  host: string;
  mode: Exclude<HostMode, 'up'>;
  stage: 'tls' | 'http';
  at: Date;
}

export interface MockServer {
  port: number;
  /** base64 SHA-256 of the certificate's SPKI, for --ignore-certificate-errors-spki-list. */
  spki: string;
  /** PEM of the self-signed certificate (for clients that want to pin it). */
  certificate: string;
  /** https://localhost:<port>/__control: works with and without host mapping. */
  controlUrl: string;
  received: ReceivedPost[];
  issued: IssuedAssertion[];
  faults: FaultEvent[];
  clearReceived(): void;
  /** First POST matching `predicate`, counting those already received; rejects after `timeoutMs`. */
  waitForPost(predicate?: (post: ReceivedPost) => boolean, timeoutMs?: number): Promise<ReceivedPost>;
  /** Calls `listener` for every POST from now on; returns the unsubscribe function. */
  onPost(listener: (post: ReceivedPost) => void): () => void;
  setHostMode(host: string, mode: HostMode, options?: HostModeOptions): void;
  hostMode(host: string): HostMode;
  close(): Promise<void>;
}

const SLOW_DEFAULT_MS = 3000;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const OKTA_HOST = /^[a-z0-9-]+\.okta(?:-emea)?\.com$/;
const SIGNIN_HOST = /^(?:[a-z0-9-]+\.)?signin\.(?:aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;
const CONSOLE_HOST = /^(?:([a-z0-9-]+)\.)?console\.(?:aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;
const OKTA_APP_PATH = /^\/app\/[\w-]+\/([\w-]+)\/sso\/saml\/?$/;
const SIGNIN_POST_PATH = /^\/saml(?:\/acs\/[\w-]+)?\/?$/;

export async function startMockServer(options: { port?: number } = {}): Promise<MockServer> {
  const { key, cert } = await makeCertificate();
  const spki = createHash('sha256')
    .update(new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  // No session resumption: a resumed handshake skips SNICallback, where 'down' cuts connections.
  const secureOptions = constants.SSL_OP_NO_TICKET;
  const secureContext = createSecureContext({ key, cert, secureOptions });

  const modes = new Map<string, { mode: Exclude<HostMode, 'up'>; delayMs: number; message: string }>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const listeners = new Set<(post: ReceivedPost) => void>();
  let closing = false;

  // The control host is never faulted, so the demo can always switch a host back up.
  const modeOf = (host: string) => (host === 'localhost' ? undefined : modes.get(host));
  const noteFault = (host: string, mode: FaultEvent['mode'], stage: FaultEvent['stage']) =>
    void state.faults.push({ host, mode, stage, at: new Date() });

  const httpsServer: Server = createServer({
    key,
    cert,
    secureOptions,
    // 'down' must look like a dead endpoint to the browser: kill the connection during the handshake.
    SNICallback: (servername, done) => {
      const host = servername.toLowerCase();
      const mode = modeOf(host)?.mode;
      if (mode === 'down' || mode === 'blackhole') noteFault(host, mode, 'tls');
      if (mode === 'down') done(new Error(`mock: ${host} is down`));
      else if (mode !== 'blackhole') done(null, secureContext);
      // blackhole: never answer; close() destroys the socket
    },
  });
  httpsServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  httpsServer.on('tlsClientError', (_error, socket) => socket.destroy());
  const hostSockets = new Map<string, Set<TLSSocket>>();
  httpsServer.on('secureConnection', (socket: TLSSocket) => {
    const host = typeof socket.servername === 'string' ? socket.servername.toLowerCase() : '';
    const set = hostSockets.get(host) ?? new Set<TLSSocket>();
    hostSockets.set(host, set.add(socket));
    socket.on('close', () => set.delete(socket));
  });

  const state = {
    received: [] as ReceivedPost[],
    issued: [] as IssuedAssertion[],
    faults: [] as FaultEvent[],
  };

  const record = (post: ReceivedPost) => {
    state.received.push(post);
    for (const listener of [...listeners]) listener(post);
  };

  httpsServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const host = hostOf(req);
    const entry = modeOf(host);
    if (entry) noteFault(host, entry.mode, 'http');
    // A connection opened before the host went down is cut too, so the browser retries and fails.
    if (entry?.mode === 'down' || closing) return void req.socket.destroy();
    if (entry?.mode === 'blackhole') return; // hold the request; close() destroys the socket
    if (entry?.mode === 'error500') {
      return void send(res, 500, page(`Mock 500: ${host}`, `<h1>500 Internal Server Error (mock) at ${esc(host)}</h1>`));
    }
    const go = () => {
      route(req, res, host).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, page('Mock server error', `<pre>${esc(String(error))}</pre>`));
        else res.destroy();
      });
    };
    if (entry?.mode === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        go();
      }, entry.delayMs);
      timers.add(timer);
    } else {
      go();
    }
  });

  async function route(req: IncomingMessage, res: ServerResponse, host: string): Promise<void> {
    const url = new URL(req.url ?? '/', `https://${host}`);
    if (host === 'localhost') return control(req, res, url);
    if (OKTA_HOST.test(host)) return okta(req, res, host, url);
    if (SIGNIN_HOST.test(host)) return signin(req, res, host, url);
    const consoleMatch = CONSOLE_HOST.exec(host);
    if (consoleMatch && req.method === 'GET') {
      const region = consoleMatch[1] ?? url.searchParams.get('region') ?? 'us-east-1';
      const title = `Mock AWS console, region ${region}`;
      return send(res, 200, page(title, `<h1>${esc(title)}</h1><p>${esc(url.href)}</p>`));
    }
    send(res, 404, page('Not found (mock)', `<h1>Nothing here: ${esc(host)}${esc(url.pathname)}</h1>`));
  }

  function okta(req: IncomingMessage, res: ServerResponse, host: string, url: URL): void {
    if (req.method !== 'GET') return send(res, 405, page('Method not allowed', '<h1>405</h1>'));
    if (url.pathname === '/' || url.pathname === '/app/UserHome') return send(res, 200, oktaDashboard(host));
    const app = OKTA_APP_PATH.exec(url.pathname);
    if (!app) return send(res, 404, page('Not found (mock Okta)', `<h1>No such app: ${esc(url.pathname)}</h1>`));

    const q = url.searchParams;
    const acs = q.get('acs') ?? DEFAULT_ACS;
    if (!/^https:\/\/[^/]+\//.test(acs)) return send(res, 400, page('Bad acs', '<h1>acs must be an https URL</h1>'));
    const relayState = q.get('relay') ?? '';
    const count = q.get('roles');
    const roles = inPartition(count === null ? DEFAULT_ROLES : makeRoles(Math.max(1, Number(count) || 1)), acs);
    const samlResponse = buildSamlResponse({
      roles,
      // Okta gives every app its own issuer; the extension remembers choices per app by it.
      issuer: `http://www.okta.com/${app[1] ?? 'exk1'}`,
      recipient: q.get('recipient') ?? acs,
      destination: q.get('destination') ?? q.get('recipient') ?? acs,
      notOnOrAfter: q.get('expired') === '1' ? new Date(Date.now() - 60_000) : undefined,
      encrypted: q.get('encrypted') === '1',
    });
    state.issued.push({ host, appId: app[1] ?? '', acs, samlResponse, relayState, at: new Date() });
    const submit = q.get('submit') ?? 'script';
    send(res, 200, oktaPostPage({ acs, samlResponse, relayState, submit }));
  }

  async function signin(req: IncomingMessage, res: ServerResponse, host: string, url: URL): Promise<void> {
    if (req.method === 'GET' && url.pathname === '/static/saml-metadata.xml') {
      res.writeHead(200, { 'content-type': 'application/xml', 'cache-control': 'no-store' });
      return void res.end(spMetadata(host));
    }
    if (req.method !== 'POST' || !SIGNIN_POST_PATH.test(url.pathname)) {
      return send(res, 404, page(`Mock AWS sign-in: ${host}`, `<h1>Nothing here: ${esc(url.pathname)}</h1>`));
    }
    const body = await readBody(req);
    const fields: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(body)) if (!(name in fields)) fields[name] = value;
    const post: ReceivedPost = { host, path: url.pathname, fields, headers: req.headers, at: new Date() };
    record(post);
    const rejection = modeOf(host);
    if (rejection?.mode === 'reject') return send(res, 200, awsSigninErrorPage(rejection.message));
    send(res, fields.SAMLResponse ? 200 : 400, signinLanding(post));
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/__control' });
      return void res.end();
    }
    if (url.pathname === '/__control/state') return json(res, 200, snapshot());
    if (url.pathname !== '/__control') return send(res, 404, page('Not found (mock)', '<h1>404</h1>'));
    if (req.method === 'GET') return send(res, 200, controlPage(snapshot(), state.received));
    if (req.method !== 'POST') return json(res, 405, { error: 'GET or POST' });
    let input: unknown;
    try {
      input = JSON.parse(await readBody(req));
    } catch {
      return json(res, 400, { error: 'body must be JSON {host, mode, delayMs?}' });
    }
    const { host, mode, delayMs } = (input ?? {}) as { host?: unknown; mode?: unknown; delayMs?: unknown };
    if (typeof host !== 'string' || !/^[a-z0-9.-]+$/i.test(host) || !HOST_MODES.includes(mode as HostMode)) {
      return json(res, 400, { error: `host must be a host name, mode one of ${HOST_MODES.join(', ')}` });
    }
    server.setHostMode(host, mode as HostMode, { delayMs: typeof delayMs === 'number' ? delayMs : undefined });
    json(res, 200, snapshot());
  }

  const snapshot = () => ({
    modes: Object.fromEntries([...modes].map(([host, entry]) => [host, entry])),
    received: state.received.length,
  });

  await new Promise<void>((resolve, reject) => {
    httpsServer.once('error', reject);
    httpsServer.listen(options.port ?? 0, '127.0.0.1', () => {
      httpsServer.off('error', reject);
      resolve();
    });
  });
  const address = httpsServer.address();
  if (address === null || typeof address === 'string') throw new Error('mock server has no TCP address');
  const port = address.port;

  const server: MockServer = {
    port,
    spki,
    certificate: cert,
    controlUrl: `https://localhost:${port}/__control`,
    ...state, // the same arrays: the handlers push into what callers read
    clearReceived() {
      state.received.length = 0;
    },
    waitForPost(predicate = () => true, timeoutMs = 10_000) {
      const seen = state.received.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise<ReceivedPost>((resolve, reject) => {
        const timer = setTimeout(() => {
          unsubscribe();
          const hosts = state.received.map((p) => `${p.host}${p.path}`).join(', ') || 'none';
          reject(new Error(`mock server: no matching POST within ${timeoutMs} ms (received: ${hosts})`));
        }, timeoutMs);
        const unsubscribe = server.onPost((post) => {
          if (!predicate(post)) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(post);
        });
      });
    },
    onPost(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    setHostMode(host, mode, modeOptions = {}) {
      const name = host.toLowerCase();
      if (mode === 'up') modes.delete(name);
      else
        modes.set(name, { mode, delayMs: modeOptions.delayMs ?? SLOW_DEFAULT_MS, message: modeOptions.message ?? AWS_INVALID_SAML_MESSAGE });
      // Kept-alive connections would dodge the handshake check: the next request must open a new one.
      if (mode === 'down' || mode === 'blackhole') for (const socket of hostSockets.get(name) ?? []) socket.destroy();
    },
    hostMode(host) {
      return modes.get(host.toLowerCase())?.mode ?? 'up';
    },
    async close() {
      if (closing) return;
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      listeners.clear();
      const closed = new Promise<void>((resolve) => httpsServer.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
  return server;
}

/**
 * A request to the mock server from Node, as if to the real host: `url` keeps its host name (used for
 * SNI and Host), the connection goes to 127.0.0.1:<port>.
 */
export function requestMock(
  server: Pick<MockServer, 'port'>,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        servername: target.hostname === 'localhost' ? undefined : target.hostname,
        path: `${target.pathname}${target.search}`,
        method: init.method ?? 'GET',
        headers: { host: target.hostname, ...init.headers },
        rejectUnauthorized: false,
        agent: false,
        timeout: init.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${init.timeoutMs ?? 10_000} ms: ${url}`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

async function makeCertificate(): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mock-cert-'));
  try {
    const names = [...MOCK_HOSTS, 'acme.okta.com', 'acme.okta-emea.com'];
    const san = [...names.map((name) => `DNS:${name}`), 'IP:127.0.0.1'].join(',');
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '7',
      '-subj', '/CN=Failover Role Picker test server',
      '-addext', `subjectAltName=${san}`,
      '-addext', 'extendedKeyUsage=serverAuth',
    ]);
    const [key, cert] = await Promise.all([
      readFile(join(dir, 'key.pem'), 'utf8'),
      readFile(join(dir, 'cert.pem'), 'utf8'),
    ]);
    return { key, cert };
  } catch (error) {
    throw new Error(`mock server: could not create a certificate with the openssl CLI: ${String(error)}`, { cause: error });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function hostOf(req: IncomingMessage): string {
  const sni = (req.socket as TLSSocket).servername;
  const header = req.headers.host ?? (typeof sni === 'string' ? sni : '');
  return header.replace(/:\d+$/, '').toLowerCase();
}

/** GovCloud and China endpoints only ever receive roles of their own partition (REFERENCE.md §2). */
function inPartition(roles: RolePair[], acs: string): RolePair[] {
  const host = new URL(acs).hostname;
  const partition = host.endsWith('amazonaws-us-gov.com') ? 'aws-us-gov' : host.endsWith('amazonaws.cn') ? 'aws-cn' : 'aws';
  if (partition === 'aws') return roles;
  const swap = (arn: string) => arn.replace(/^arn:aws:/, `arn:${partition}:`);
  return roles.map((r) => ({ roleArn: swap(r.roleArn), principalArn: swap(r.principalArn) }));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Okta encodes every attribute character but letters and digits as a hex entity (`https&#x3a;&#x2f;…`). */
export function oktaAttributeEscape(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, (c) => `&#x${c.codePointAt(0)?.toString(16)};`);
}

function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:48rem}dt{font-weight:600}
dd{margin:0 0 .5rem;word-break:break-all}code{font-size:.9em}button{font:inherit;margin:.25rem}</style>${head}
</head><body>${body}</body></html>`;
}

function oktaPostPage(input: { acs: string; samlResponse: string; relayState: string; submit: string }): string {
  const continueButton = '<div><input type="submit" value="Continue"></div>';
  const noscript = `<noscript><p>Since your browser does not support JavaScript, you must press the Continue button once to proceed.</p>${continueButton}</noscript>`;
  const form = `<form id="appForm" action="${oktaAttributeEscape(input.acs)}" method="POST">
<input name="SAMLResponse" type="hidden" value="${oktaAttributeEscape(input.samlResponse)}"/>
<input name="RelayState" type="hidden" value="${oktaAttributeEscape(input.relayState)}"/>
${input.submit === 'noscript' ? `<p>Signing in to AWS: press Continue.</p>${continueButton}` : noscript}
</form>`;
  const script =
    input.submit === 'script'
      ? `<script type="text/javascript">(function(){document.getElementById('appForm').submit();})();</script>`
      : '';
  const bodyOpen = input.submit === 'onload' ? '<body id="app" onload="document.forms[0].submit()">' : '<body id="app">';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Signing in...</title></head>
${bodyOpen}
${form}
${script}
</body></html>`;
}

function oktaDashboard(host: string): string {
  const app = '/app/amazon_aws';
  const euAcs = 'https://eu-west-1.signin.aws.amazon.com/saml';
  const euRelay = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';
  const tiles: Array<[string, string]> = [
    ['AWS (us-east-1)', `${app}/exk1demo/sso/saml`],
    ['AWS (eu-west-1)', `${app}/exk1euw1/sso/saml?acs=${encodeURIComponent(euAcs)}&relay=${encodeURIComponent(euRelay)}`],
    ['AWS (us-east-1, 40 roles)', `${app}/exk1demo/sso/saml?roles=40`],
    ['AWS (us-east-1, press Continue)', `${app}/exk1demo/sso/saml?submit=noscript`],
  ];
  const links = tiles.map(([name, href]) => `<li><a href="${esc(href)}">${esc(name)}</a></li>`).join('');
  return page(
    `My Apps - ${host}`,
    `<h1>My Apps (mock Okta: ${esc(host)})</h1><nav aria-label="Apps"><ul>${links}</ul></nav>`,
  );
}

function signinLanding(post: ReceivedPost): string {
  const saml = post.fields.SAMLResponse ?? '';
  const digest = createHash('sha256').update(saml).digest('hex').slice(0, 16);
  const rows: Array<[string, string]> = [
    ['Host', post.host],
    ['Path', post.path],
    ['Role chosen (roleIndex)', post.fields.roleIndex ?? '(none: AWS would show its own role list)'],
    ['RelayState', post.fields.RelayState || '(empty)'],
    ['SAMLResponse', saml ? `${saml.length} characters, SHA-256 ${digest}…` : '(missing)'],
    ['Origin header', String(post.headers.origin ?? '(none)')],
    ['Sec-Fetch-Site', String(post.headers['sec-fetch-site'] ?? '(none)')],
  ];
  const heading = saml ? `Signed in (mock) via ${post.host}` : `Sign-in failed (mock) at ${post.host}: no SAMLResponse`;
  const list = rows.map(([name, value]) => `<dt>${esc(name)}</dt><dd><code>${esc(value)}</code></dd>`).join('');
  return page(`Mock AWS sign-in: ${post.host}`, `<h1>${esc(heading)}</h1><dl>${list}</dl>`);
}

function spMetadata(host: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:amazon:webservices">
<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
<md:AssertionConsumerService index="1" isDefault="true" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://${esc(host)}/saml"/>
</md:SPSSODescriptor>
</md:EntityDescriptor>
`;
}

function controlPage(snapshot: { modes: Record<string, { mode: string; delayMs: number }> }, received: ReceivedPost[]): string {
  const globalMode = snapshot.modes[GLOBAL_SIGNIN_HOST]?.mode ?? 'up';
  const modeRows = Object.entries(snapshot.modes)
    .map(([host, entry]) => `<li><code>${esc(host)}</code>: ${esc(entry.mode)}</li>`)
    .join('') || '<li>every host is up</li>';
  const posts = received
    .slice(-10)
    .reverse()
    .map((p) => `<li>${esc(p.at.toISOString())} <code>${esc(p.host)}${esc(p.path)}</code> role ${esc(p.fields.roleIndex ?? '(none)')}</li>`)
    .join('') || '<li>none yet</li>';
  const options = HOST_MODES.map((m) => `<option>${m}</option>`).join('');
  const script = `<script>
async function setMode(host, mode) {
  const res = await fetch('/__control', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ host, mode }) });
  if (!res.ok) alert(await res.text());
  location.reload();
}
document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-mode]');
  if (b) setMode(b.dataset.host || document.getElementById('host').value, b.dataset.mode || document.getElementById('mode').value);
});
</script>`;
  return page(
    'Mock endpoints: control',
    `<h1>Mock endpoints: control</h1>
<p>Global endpoint <code>${GLOBAL_SIGNIN_HOST}</code> is <strong id="global-mode">${esc(globalMode)}</strong>.</p>
<button type="button" data-host="${GLOBAL_SIGNIN_HOST}" data-mode="down">Take the global endpoint down</button>
<button type="button" data-host="${GLOBAL_SIGNIN_HOST}" data-mode="up">Bring the global endpoint up</button>
<h2>Any host</h2>
<label>Host <input id="host" value="eu-west-1.signin.aws.amazon.com" size="36"></label>
<label>Mode <select id="mode">${options}</select></label>
<button type="button" data-mode="">Apply</button>
<h2>Host modes</h2><ul>${modeRows}</ul>
<h2>Last POSTs received (reload to refresh)</h2><ul>${posts}</ul>`,
    script,
  );
}

/** Shaped like AWS's sign-in error page: the message sits in the page body after "Error:". */
function awsSigninErrorPage(message: string): string {
  return page(
    'Amazon Web Services Sign-In',
    `<div id="container"><div id="content"><h1>Amazon Web Services Sign In</h1><p class="error"><b>Error:</b> ${esc(message)}</p></div></div>`,
  );
}
