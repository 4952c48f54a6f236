// One local HTTPS server that plays Okta, AWS sign-in (global, regional, GovCloud, China), regional STS,
// the federation endpoint and the AWS console for end-to-end tests and the demo (docs/saml-signin.md,
// docs/testing.md, docs/sts-federation.md). Chromium reaches it through --host-resolver-rules (see chromium.ts), so pages keep their
// real host names and the extension's rules and host permissions apply unchanged. Each host can be
// taken down, black-holed, slowed or made to fail, to test failover. It plays AWS as AWS documents it:
// a mock kinder than AWS hides our bugs. The assertions it serves are generated, or other projects'
// real IdP responses (`/app/fixture/<file>`, never our own captures); it never logs one in full.
import { execFile } from 'node:child_process';
import { constants, createHash, randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request } from 'node:https';
import type { Server } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSecureContext } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { PARTITIONS, type PartitionInfo } from '../../src/core/aws/catalog';
import {
  ASSERTION_NS,
  DEFAULT_ROLES,
  PROTOCOL_NS,
  ROLE_ATTRIBUTE,
  ROLE_SESSION_NAME_ATTRIBUTE,
  buildSamlResponse,
  makeRoles,
} from '../fixtures/assertion-builder';
import type { RolePair } from '../fixtures/assertion-builder';

/** STS's domain per partition (docs/sts-federation.md); the region codes come from the catalog. */
const STS_DOMAINS: Readonly<Record<string, string>> = {
  aws: 'amazonaws.com',
  'aws-us-gov': 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
};

interface StsHostInfo {
  host: string;
  region: string;
  partition: PartitionInfo;
}

// Written out here rather than taken from the extension's own STS helpers: the mock is the oracle.
const STS_ENDPOINTS: readonly StsHostInfo[] = PARTITIONS.flatMap((partition) => {
  const domain = STS_DOMAINS[partition.id];
  if (!domain) return [];
  const regional = partition.regions.map((r) => ({ host: `sts.${r.code}.${domain}`, region: r.code, partition }));
  // sts.amazonaws.com is us-east-1's endpoint.
  return partition.id === 'aws' ? [{ host: `sts.${domain}`, region: partition.globalRegion, partition }, ...regional] : regional;
});
const STS_BY_HOST = new Map(STS_ENDPOINTS.map((endpoint) => [endpoint.host, endpoint]));

/**
 * Every STS host the server answers for: `sts.amazonaws.com`, `sts.<region>.amazonaws.com` for each
 * region of `aws`, the GovCloud and China regional hosts. Listed one by one in MOCK_HOSTS: a
 * certificate wildcard covers one label only.
 */
export const STS_HOSTS: readonly string[] = STS_ENDPOINTS.map((endpoint) => endpoint.host);

/** Host names (and one-label wildcards) the server answers for; chromium.ts maps each to it. */
export const MOCK_HOSTS: readonly string[] = [
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
  ...STS_HOSTS,
  'localhost',
];

export const GLOBAL_SIGNIN_HOST = 'signin.aws.amazon.com';
export const DEFAULT_ACS = `https://${GLOBAL_SIGNIN_HOST}/saml`;

/**
 * `reject`: the endpoint is up (probes answer) but refuses sign-ins with AWS's error page.
 * `region-disabled`: an STS host answers `RegionDisabledException` (an admin switched STS off there).
 */
export type HostMode = 'up' | 'down' | 'blackhole' | 'slow' | 'error500' | 'reject' | 'region-disabled';
const HOST_MODES: readonly HostMode[] = ['up', 'down', 'blackhole', 'slow', 'error500', 'reject', 'region-disabled'];

export interface HostModeOptions {
  /** For 'slow': how long each response waits. Default 3000 ms. */
  delayMs?: number;
  /** For 'reject': the error AWS's page shows. Default: the invalid-SAML-response message. */
  message?: string;
}

/** The sentence AWS's sign-in page shows for an assertion it refuses (e.g. Recipient/SAML:aud mismatch). */
export const AWS_INVALID_SAML_MESSAGE = 'Your request included an invalid SAML response. To logout, click here.';

/**
 * `SAML:aud` values the mock roles' trust policy lists: the default `/saml` endpoint of each partition
 * and eu-west-1's, as an admin who set up the dashboard's two AWS apps would list them.
 */
export const DEFAULT_TRUSTED_AUDIENCES: readonly string[] = [
  'https://signin.aws.amazon.com/saml',
  'https://eu-west-1.signin.aws.amazon.com/saml',
  'https://signin.amazonaws-us-gov.com/saml',
  'https://signin.amazonaws.cn/saml',
];

/** A role's MaxSessionDuration when nobody changed it (IAM's default, one hour). */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

/** The cookie the mock federation endpoint sets for the console (on the partition's parent domain). */
export const CONSOLE_SESSION_COOKIE = 'mock-aws-console-session';

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

/** Any request to a mock STS host, as it arrived (tests check the assertion never travels in a URL). */
export interface StsRequest {
  method: string;
  host: string;
  path: string;
  /** Form fields of the body (empty unless form-encoded). */
  fields: Record<string, string>;
  /** Parameters of the query string. */
  query: Record<string, string>;
  contentType: string | undefined;
  at: Date;
}

/** Temporary credentials the mock STS handed out. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  roleArn: string;
  /** `arn:<partition>:sts::<account>:assumed-role/<role name>/<RoleSessionName>`. */
  assumedRoleArn: string;
  partition: string;
  /** Region of the STS endpoint that issued them. */
  region: string;
  expiresAt: Date;
}

/** A call to a mock federation endpoint. Keeps no secret: not the session key, token or sign-in token. */
export interface FederationRequest {
  method: string;
  host: string;
  action: string | undefined;
  /** Where the `Session` parameter came: the form body of a POST, or the query string. */
  sessionIn: 'body' | 'query' | undefined;
  /** `sessionId` of the Session (an access key id, not a secret). */
  accessKeyId: string | undefined;
  sessionDuration: string | undefined;
  /** login: the Destination asked for. */
  destination: string | undefined;
  /** The HTTP status the mock answered with. */
  status: number;
  at: Date;
}

/** A console session the mock federation endpoint opened with `Action=login`. */
export interface ConsoleSession {
  /** The cookie value. */
  id: string;
  assumedRoleArn: string;
  /** Region of the federation endpoint that signed in. */
  region: string;
  /** The sign-in host that signed in. */
  host: string;
  destination: string;
  /** The cookie's Domain, e.g. `.aws.amazon.com`. */
  cookieDomain: string;
  expiresAt: Date;
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
  stsRequests: StsRequest[];
  issuedCredentials: IssuedCredentials[];
  /** Every sign-in token getSigninToken issued, in order (to search a profile for them). */
  issuedSigninTokens: string[];
  federationRequests: FederationRequest[];
  consoleSessions: ConsoleSession[];
  /** Empties the request logs: received, stsRequests, federationRequests (what was issued stays). */
  clearReceived(): void;
  /** First POST matching `predicate`, counting those already received; rejects after `timeoutMs`. */
  waitForPost(predicate?: (post: ReceivedPost) => boolean, timeoutMs?: number): Promise<ReceivedPost>;
  /** Calls `listener` for every POST from now on; returns the unsubscribe function. */
  onPost(listener: (post: ReceivedPost) => void): () => void;
  setHostMode(host: string, mode: HostMode, options?: HostModeOptions): void;
  hostMode(host: string): HostMode;
  /**
   * Let a sign-in host take assertions addressed to another endpoint (an admin setup with several
   * ACS URLs). By default a `/saml` endpoint refuses them, as AWS documents (docs/saml-signin.md#the-recipient-check).
   */
  acceptAnyRecipient(host: string, accept: boolean): void;
  /**
   * When on, an accepted SAML sign-in with a role answers as AWS does, with a redirect to its
   * RelayState console URL, instead of the landing page that shows what arrived (for the bench).
   */
  redirectSignins(on: boolean): void;
  /**
   * Account aliases AWS knows (docs/account-names.md#awss-role-page). When set, a multi-role assertion posted without a role
   * is answered with AWS's legacy role page naming each account ("Account: alias (id)").
   */
  setAccountAliases(aliases: Record<string, string> | undefined): void;
  /**
   * A role page to answer with instead (one of ../shared/fixtures/aws-role-pages, AWS's own HTML):
   * served as is for a multi-role assertion posted without a role. undefined: back to the above.
   */
  setRolePage(html: string | undefined): void;
  /** The `SAML:aud` values the roles' trust policy lists (default DEFAULT_TRUSTED_AUDIENCES). */
  setTrustedAudiences(values: string[]): void;
  resetTrustedAudiences(): void;
  /** Roles whose trust policy refuses every assertion (AccessDenied at every STS endpoint); [] for none. */
  denyRoles(roleArns: string[]): void;
  /** Every role's MaxSessionDuration, 3600..43200 s as IAM allows (default 3600). */
  setMaxSessionDuration(seconds: number): void;
  /** When on, POST `Action=getSigninToken` answers 405 (to test a client's GET fallback). */
  refuseFederationPost(refuse: boolean): void;
  /**
   * `/federation` on these sign-in hosts answers `status` (a 5xx: an incident at that endpoint) to
   * every method and action, while the rest of the host (its `/saml`, its metadata) stays up; [] to end.
   */
  failFederation(hosts: string[], status?: number): void;
  /**
   * As if `ms` had passed for everything issued so far: assertions (their issue time), credentials,
   * sign-in tokens and console sessions. An assertion's own NotOnOrAfter cannot move.
   */
  ageIssued(ms: number): void;
  close(): Promise<void>;
}

const SLOW_DEFAULT_MS = 3000;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const OKTA_HOST = /^[a-z0-9-]+\.okta(?:-emea)?\.com$/;
const SIGNIN_HOST = /^(?:[a-z0-9-]+\.)?signin\.(?:aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;
const CONSOLE_HOST = /^(?:([a-z0-9-]+)\.)?console\.(?:aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;
const OKTA_APP_PATH = /^\/app\/[\w-]+\/([\w-]+)\/sso\/saml\/?$/;
const OKTA_FIXTURE_PATH = /^\/app\/fixture\/([\w.-]+)$/;
const SIGNIN_POST_PATH = /^\/saml(?:\/acs\/[\w-]+)?\/?$/;

const STS_VERSION = '2011-06-15';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
/** STS takes an assertion only within 5 minutes of its issue. */
const STS_ASSERTION_WINDOW_MS = 5 * 60_000;
const STS_DEFAULT_DURATION_SECONDS = 3600;
/** DurationSeconds and SessionDuration bounds. */
const MIN_SESSION_SECONDS = 900;
const MAX_SESSION_SECONDS = 43_200;
/** A sign-in URL is valid for 15 minutes. */
const SIGNIN_TOKEN_LIFETIME_MS = 15 * 60_000;

/** A token getSigninToken handed out, until `Action=login` uses it. */
interface SigninToken {
  credentials: IssuedCredentials;
  partition: string;
  sessionSeconds: number | undefined;
  issuedAt: Date;
  used: boolean;
}

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
  const anyRecipientHosts = new Set<string>();
  const signinTokens = new Map<string, SigninToken>();
  let trustedAudiences: readonly string[] = DEFAULT_TRUSTED_AUDIENCES;
  let deniedRoles: ReadonlySet<string> = new Set();
  let maxSessionDuration = DEFAULT_MAX_SESSION_DURATION;
  let federationPostRefused = false;
  let failingFederation = new Map<string, number>();
  let closing = false;
  let redirecting = false;
  let accountAliases: Record<string, string> | undefined;
  let rolePage: string | undefined;

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
    stsRequests: [] as StsRequest[],
    issuedCredentials: [] as IssuedCredentials[],
    issuedSigninTokens: [] as string[],
    federationRequests: [] as FederationRequest[],
    consoleSessions: [] as ConsoleSession[],
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
    const stsEndpoint = STS_BY_HOST.get(host);
    if (stsEndpoint) return sts(req, res, stsEndpoint, url);
    const consoleMatch = CONSOLE_HOST.exec(host);
    if (consoleMatch && req.method === 'GET') {
      const region = consoleMatch[1] ?? url.searchParams.get('region') ?? 'us-east-1';
      const title = `Mock AWS console, region ${region}`;
      const session = consoleSessionOf(req, host);
      const identity = session ? `Signed in as ${session.assumedRoleArn}` : 'Not signed in';
      return send(
        res,
        200,
        page(title, `<h1>${esc(title)}</h1><p id="console-identity">${esc(identity)}</p><p>${esc(url.href)}</p>`),
      );
    }
    send(res, 404, page('Not found (mock)', `<h1>Nothing here: ${esc(host)}${esc(url.pathname)}</h1>`));
  }

  function okta(req: IncomingMessage, res: ServerResponse, host: string, url: URL): void {
    if (req.method !== 'GET') return send(res, 405, page('Method not allowed', '<h1>405</h1>'));
    if (url.pathname === '/' || url.pathname === '/app/UserHome') return send(res, 200, oktaDashboard(host));
    const fixture = OKTA_FIXTURE_PATH.exec(url.pathname)?.[1];
    if (fixture !== undefined) return oktaFixture(res, host, fixture, url.searchParams);
    const app = OKTA_APP_PATH.exec(url.pathname);
    if (!app) return send(res, 404, page('Not found (mock Okta)', `<h1>No such app: ${esc(url.pathname)}</h1>`));

    const q = url.searchParams;
    const acs = q.get('acs') ?? DEFAULT_ACS;
    if (!/^https:\/\/[^/]+\//.test(acs)) return send(res, 400, page('Bad acs', '<h1>acs must be an https URL</h1>'));
    const relayState = q.get('relay') ?? '';
    const count = q.get('roles');
    const made = count === null ? DEFAULT_ROLES : makeRoles(Math.max(1, Number(count) || 1));
    // `naming=okta`: role names as an Okta org names them, `Okta-<alias>-<role>`.
    // `naming=hyphens`: role names that are mostly hyphens (valid IAM names; a naming pattern's worst case).
    const named = q.get('naming') === 'okta' ? oktaNamed(made) : q.get('naming') === 'hyphens' ? hyphenNamed(made) : made;
    const roles = inPartition(named, acs);
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

  /**
   * `GET /app/fixture/<file>`: a real IdP's response from ../shared/fixtures/idp-responses, served in
   * Okta's self-submitting form (`submit`, `relay` as for a tile). `fresh=1` moves its timestamps to
   * now (see withFreshTimestamps); without it the picker shows the response as expired, as it is.
   */
  function oktaFixture(res: ServerResponse, host: string, name: string, q: URLSearchParams): void {
    if (!idpFixtureNames().includes(name)) {
      return send(res, 404, page('Not found (mock Okta)', `<h1>No such fixture: ${esc(name)}</h1>`));
    }
    const fixture = readIdpFixture(name);
    const samlResponse = q.get('fresh') === '1' ? withFreshTimestamps(fixture.samlResponse, new Date()) : fixture.samlResponse;
    const relayState = q.get('relay') ?? fixture.relayState;
    state.issued.push({ host, appId: `fixture/${name}`, acs: DEFAULT_ACS, samlResponse, relayState, at: new Date() });
    send(res, 200, oktaPostPage({ acs: DEFAULT_ACS, samlResponse, relayState, submit: q.get('submit') ?? 'script' }));
  }

  async function signin(req: IncomingMessage, res: ServerResponse, host: string, url: URL): Promise<void> {
    if (req.method === 'GET' && url.pathname === '/static/saml-metadata.xml') {
      res.writeHead(200, { 'content-type': 'application/xml', 'cache-control': 'no-store' });
      return void res.end(spMetadata(host));
    }
    if (url.pathname === '/federation') return federation(req, res, host, url);
    if (req.method !== 'POST' || !SIGNIN_POST_PATH.test(url.pathname)) {
      return send(res, 404, page(`Mock AWS sign-in: ${host}`, `<h1>Nothing here: ${esc(url.pathname)}</h1>`));
    }
    const fields = formFields(await readBody(req));
    const post: ReceivedPost = { host, path: url.pathname, fields, headers: req.headers, at: new Date() };
    record(post);
    const rejection = modeOf(host);
    if (rejection?.mode === 'reject') return send(res, 200, awsSigninErrorPage(rejection.message));
    if (fields.SAMLResponse && !recipientAccepted(fields.SAMLResponse, host, url.pathname)) {
      return send(res, 200, awsSigninErrorPage(AWS_INVALID_SAML_MESSAGE));
    }
    if ((accountAliases || rolePage) && fields.SAMLResponse && !fields.roleIndex) {
      const roles = readAssertion(fields.SAMLResponse)?.roles ?? [];
      if (roles.length > 1) return send(res, 200, rolePage ?? awsRolePage(roles, accountAliases ?? {}));
    }
    const relay = fields.RelayState ?? '';
    if (redirecting && fields.SAMLResponse && fields.roleIndex && CONSOLE_HOST.test(safeHost(relay))) {
      res.writeHead(302, { location: relay, 'cache-control': 'no-store' });
      return void res.end();
    }
    send(res, fields.SAMLResponse ? 200 : 400, signinLanding(post));
  }

  function safeHost(url: string): string {
    try {
      return new URL(url).protocol === 'https:' ? new URL(url).hostname : '';
    } catch {
      return '';
    }
  }

  /** AWS compares the assertion's Recipient with the endpoint it was posted to (docs/saml-signin.md#the-recipient-check). */
  function recipientAccepted(samlResponse: string, host: string, path: string): boolean {
    if (anyRecipientHosts.has(canonicalSigninHost(host))) return true;
    const assertion = readAssertion(samlResponse);
    // Nothing readable (an encrypted assertion AWS would decrypt, or not SAML at all): as before.
    if (!assertion || assertion.encrypted) return true;
    const target = /^https:\/\/([^/?#]+)(\/[^?#]*)$/.exec(assertion.recipient ?? '');
    return target?.[1] !== undefined && canonicalSigninHost(target[1]) === canonicalSigninHost(host) && target[2] === path;
  }

  /** AssumeRoleWithSAML as STS's Query API answers it (docs/sts-federation.md). */
  async function sts(req: IncomingMessage, res: ServerResponse, endpoint: StsHostInfo, url: URL): Promise<void> {
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const contentType = req.headers['content-type'];
    const fields = isFormEncoded(contentType) ? formFields(body) : {};
    state.stsRequests.push({ method, host: endpoint.host, path: url.pathname, fields, query: formFields(url.search), contentType, at: new Date() });
    const fail = (status: number, code: string, message: string) => stsError(res, status, code, message);

    // The Query API would take a GET too, but an assertion never belongs in a URL (and long URLs fail).
    if (method !== 'POST') return fail(400, 'ValidationError', 'mock STS: send AssumeRoleWithSAML as a POST with a form-encoded body, not in a URL');
    const { Action: action, Version: version } = fields;
    if (!action) return fail(400, 'MissingAction', 'Missing Action');
    if (action !== 'AssumeRoleWithSAML' || version !== STS_VERSION) {
      return fail(400, 'InvalidAction', `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`);
    }
    const account = /^arn:[\w-]+:iam::(\d{12}):/.exec(fields.RoleArn ?? '')?.[1] ?? 'unknown';
    if (modeOf(endpoint.host)?.mode === 'region-disabled') {
      return fail(
        403,
        'RegionDisabledException',
        `STS is not activated in this region for account:${account}. Your account administrator can activate STS in this region using the IAM Console.`,
      );
    }
    const invalid = stsValidationError(fields);
    if (invalid) return fail(400, 'ValidationError', invalid);
    const { RoleArn: roleArn = '', PrincipalArn: principalArn = '', SAMLAssertion: samlAssertion = '' } = fields;

    // "Issued by our IdP" stands in for AWS's signature check; AWS's base64 decoder skips line breaks.
    const posted = samlAssertion.replace(/\s+/g, '');
    const issued = state.issued.find((entry) => entry.samlResponse.replace(/\s+/g, '') === posted);
    const assertion = issued && readAssertion(issued.samlResponse);
    // The mock holds no key for encrypted assertions: AWS without the IdP's key refuses them alike.
    if (!issued || !assertion || assertion.encrypted) return fail(400, 'InvalidIdentityToken', 'Response signature invalid');
    const now = Date.now();
    if (now - issued.at.getTime() > STS_ASSERTION_WINDOW_MS || (assertion.notOnOrAfter?.getTime() ?? Infinity) <= now) {
      return fail(400, 'ExpiredTokenException', 'Token must be redeemed within 5 minutes of issuance');
    }
    const partition = endpoint.partition.id;
    if (arnPartition(roleArn) !== partition || arnPartition(principalArn) !== partition) {
      return fail(400, 'InvalidIdentityToken', "Specified provider doesn't exist");
    }
    const denied = 'Not authorized to perform sts:AssumeRoleWithSAML';
    if (!assertion.roles.some((r) => r.roleArn === roleArn && r.principalArn === principalArn)) return fail(403, 'AccessDenied', denied);
    const sessionName = assertion.roleSessionName;
    if (!sessionName) return fail(400, 'InvalidIdentityToken', 'RoleSessionName is required in AuthnResponse');
    // The trust policy: SAML:aud (the Recipient) must be one it lists.
    if (assertion.recipient === undefined || !trustedAudiences.includes(assertion.recipient)) return fail(403, 'AccessDenied', denied);
    if (deniedRoles.has(roleArn)) return fail(403, 'AccessDenied', denied);
    const duration = fields.DurationSeconds === undefined ? STS_DEFAULT_DURATION_SECONDS : Number(fields.DurationSeconds);
    if (duration > maxSessionDuration) {
      return fail(400, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    }

    const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    const credentials: IssuedCredentials = {
      accessKeyId: `ASIA${randomText(UPPER_ALNUM, 16)}`,
      secretAccessKey: secretAccessKey(),
      sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(612).toString('base64')}`,
      roleArn,
      assumedRoleArn: `arn:${partition}:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      partition,
      region: endpoint.region,
      expiresAt: new Date(now + duration * 1000),
    };
    state.issuedCredentials.push(credentials);
    const provider = principalArn.slice(principalArn.lastIndexOf('/'));
    const issuer = assertion.issuer ?? '';
    const format = assertion.subjectFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:unspecified';
    stsAnswer(res, 200, assumeRoleWithSamlXml({
      credentials,
      // AWS's stable unique id of the role, here derived from its ARN.
      assumedRoleId: `AROA${hashText(roleArn, UPPER_ALNUM, 17)}:${sessionName}`,
      audience: assertion.recipient,
      subject: assertion.subject ?? '',
      subjectType: format.replace(/^urn:oasis:names:tc:SAML:2\.0:nameid-format:/, ''),
      issuer,
      nameQualifier: createHash('sha1').update(`${issuer}${account}${provider}`).digest('base64'),
    }));
  }

  /** `getSigninToken` and `login` at a sign-in host's `/federation` (docs/sts-federation.md). */
  async function federation(req: IncomingMessage, res: ServerResponse, host: string, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const form = method === 'POST' && isFormEncoded(req.headers['content-type']) ? new URLSearchParams(body) : new URLSearchParams();
    const param = (name: string) => form.get(name) ?? url.searchParams.get(name) ?? undefined;
    const action = param('Action');
    const entry: FederationRequest = {
      method,
      host,
      action,
      sessionIn: form.has('Session') ? 'body' : url.searchParams.has('Session') ? 'query' : undefined,
      accessKeyId: undefined,
      sessionDuration: param('SessionDuration'),
      destination: action === 'login' ? param('Destination') : undefined,
      status: 0,
      at: new Date(),
    };
    state.federationRequests.push(entry);
    const answer = (status: number, text: string, headers: Record<string, string> = {}) => {
      entry.status = status;
      const type = status === 200 ? 'application/json' : 'text/plain; charset=utf-8';
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(text);
    };
    const refuse = (reason: string) => answer(400, `Bad Request: ${reason}\n`);
    const partition = PARTITIONS.find((p) => host === p.signinHost || host.endsWith(`.${p.signinHost}`));
    if (!partition) return refuse('not a sign-in host');
    const failing = failingFederation.get(host);
    if (failing !== undefined) return answer(failing, `Service Unavailable (mock ${failing} at ${host})\n`);

    if (action === 'getSigninToken') {
      if (method !== 'GET' && method !== 'POST') return answer(405, 'Method Not Allowed\n', { allow: 'GET, POST' });
      if (method === 'POST' && federationPostRefused) return answer(405, 'Method Not Allowed\n', { allow: 'GET' });
      const session = parseSession(param('Session'));
      entry.accessKeyId = session?.sessionId;
      const credentials =
        session &&
        state.issuedCredentials.find(
          (c) => c.accessKeyId === session.sessionId && c.secretAccessKey === session.sessionKey && c.sessionToken === session.sessionToken,
        );
      if (!credentials) return refuse('Session is not a set of valid temporary credentials');
      if (credentials.expiresAt.getTime() <= Date.now()) return refuse('the credentials in Session have expired');
      if (credentials.partition !== partition.id) return refuse('the credentials in Session belong to another partition');
      const durationText = param('SessionDuration');
      const sessionSeconds = durationText === undefined ? undefined : Number(durationText);
      if (sessionSeconds !== undefined && !(/^\d+$/.test(durationText ?? '') && sessionSeconds >= MIN_SESSION_SECONDS && sessionSeconds <= MAX_SESSION_SECONDS)) {
        return refuse(`SessionDuration must be ${MIN_SESSION_SECONDS} to ${MAX_SESSION_SECONDS} seconds`);
      }
      const token = randomBytes(384).toString('base64url');
      signinTokens.set(token, { credentials, partition: partition.id, sessionSeconds, issuedAt: new Date(), used: false });
      state.issuedSigninTokens.push(token);
      return answer(200, JSON.stringify({ SigninToken: token }));
    }

    if (action === 'login') {
      // AWS's guide shows the login as a GET (the URL) and as a form POST.
      if (method !== 'GET' && method !== 'POST') return answer(405, 'Method Not Allowed\n', { allow: 'GET, POST' });
      const destination = consoleUrl(param('Destination'), partition);
      if (!destination) return refuse(`Destination must be an https console URL of ${partition.name}`);
      const tokenText = param('SigninToken');
      const token = tokenText === undefined ? undefined : signinTokens.get(tokenText);
      if (!token || token.used || Date.now() - token.issuedAt.getTime() > SIGNIN_TOKEN_LIFETIME_MS || token.partition !== partition.id) {
        return refuse('SigninToken is not valid');
      }
      token.used = true;
      const session: ConsoleSession = {
        id: randomBytes(24).toString('base64url'),
        assumedRoleArn: token.credentials.assumedRoleArn,
        region: host === partition.signinHost ? partition.globalRegion : host.slice(0, -partition.signinHost.length - 1),
        host,
        destination,
        cookieDomain: `.${partition.signinHost.replace(/^signin\./, '')}`,
        expiresAt: token.sessionSeconds === undefined ? token.credentials.expiresAt : new Date(Date.now() + token.sessionSeconds * 1000),
        at: new Date(),
      };
      state.consoleSessions.push(session);
      const cookie = `${CONSOLE_SESSION_COOKIE}=${session.id}; Domain=${session.cookieDomain}; Path=/; Secure; HttpOnly; SameSite=Lax`;
      return answer(302, '', { location: destination, 'set-cookie': cookie });
    }
    refuse('Action must be getSigninToken or login');
  }

  /** The console session the request's cookie names, if valid for this console host. */
  function consoleSessionOf(req: IncomingMessage, host: string): ConsoleSession | undefined {
    const id = cookieValue(req.headers.cookie, CONSOLE_SESSION_COOKIE);
    const session = id === undefined ? undefined : state.consoleSessions.find((s) => s.id === id);
    if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
    return `.${host}`.endsWith(session.cookieDomain) ? session : undefined;
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
      state.stsRequests.length = 0;
      state.federationRequests.length = 0;
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
    redirectSignins(on) {
      redirecting = on;
    },
    setRolePage(html) {
      rolePage = html;
    },
    setAccountAliases(aliases) {
      accountAliases = aliases;
    },
    acceptAnyRecipient(host, accept) {
      const name = canonicalSigninHost(host.toLowerCase());
      if (accept) anyRecipientHosts.add(name);
      else anyRecipientHosts.delete(name);
    },
    setTrustedAudiences(values) {
      trustedAudiences = [...values];
    },
    resetTrustedAudiences() {
      trustedAudiences = DEFAULT_TRUSTED_AUDIENCES;
    },
    denyRoles(roleArns) {
      deniedRoles = new Set(roleArns);
    },
    setMaxSessionDuration(seconds) {
      if (!Number.isInteger(seconds) || seconds < 3600 || seconds > MAX_SESSION_SECONDS) {
        throw new RangeError(`MaxSessionDuration must be 3600..${MAX_SESSION_SECONDS} seconds, as IAM allows`);
      }
      maxSessionDuration = seconds;
    },
    refuseFederationPost(refuse) {
      federationPostRefused = refuse;
    },
    failFederation(hosts, status = 503) {
      if (status < 500 || status > 599) throw new RangeError('failFederation plays an incident: a 5xx status');
      failingFederation = new Map(hosts.map((h) => [h.toLowerCase(), status]));
    },
    ageIssued(ms) {
      const back = (date: Date) => new Date(date.getTime() - ms);
      for (const assertion of state.issued) assertion.at = back(assertion.at);
      for (const credentials of state.issuedCredentials) credentials.expiresAt = back(credentials.expiresAt);
      for (const token of signinTokens.values()) token.issuedAt = back(token.issuedAt);
      for (const session of state.consoleSessions) session.expiresAt = back(session.expiresAt);
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

/** Other projects' real IdP responses, kept beside the repository (its README says where each is from). */
export const IDP_FIXTURES_DIR = process.env.IDP_FIXTURES_DIR ?? join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), '..', 'shared', 'fixtures', 'idp-responses');

/** A real IdP's response, as the browser posts it to AWS. */
export interface IdpFixture {
  name: string;
  /** How the file keeps it: the XML the IdP base64-encodes, the base64 field, or the IdP's HTML form. */
  stored: 'xml' | 'base64' | 'html';
  /** The SAMLResponse field as the browser posts it: HTML entities of the page decoded. */
  samlResponse: string;
  /** The form's RelayState, when the fixture is a form that has one. */
  relayState: string;
}

export function idpFixtureNames(): string[] {
  return readdirSync(IDP_FIXTURES_DIR).filter((name) => /\.(?:xml|b64|html)$/.test(name)).sort();
}

export function readIdpFixture(name: string): IdpFixture {
  const text = readFileSync(join(IDP_FIXTURES_DIR, name), 'utf8');
  if (name.endsWith('.xml')) return { name, stored: 'xml', samlResponse: Buffer.from(text, 'utf8').toString('base64'), relayState: '' };
  if (name.endsWith('.b64')) return { name, stored: 'base64', samlResponse: text, relayState: '' };
  const field = (wanted: string) =>
    [...text.matchAll(/<input\b[^>]*>/gi)].map((tag) => htmlAttributes(tag[0])).find((attributes) => attributes.name === wanted)?.value;
  const samlResponse = field('SAMLResponse');
  if (samlResponse === undefined) throw new Error(`${name} has no SAMLResponse input`);
  return { name, stored: 'html', samlResponse, relayState: field('RelayState') ?? '' };
}

/** The attributes of one HTML start tag, their values entity-decoded as a browser does. */
function htmlAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, quoted, apostrophed, bare] of tag.matchAll(/([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
    attributes[name!.toLowerCase()] ??= decodeHtmlEntities(quoted ?? apostrophed ?? bare ?? '');
  }
  return attributes;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Character references in an attribute value, decoded as the HTML parser does: numeric ones
 * (`&#x3d;`, `&#61;`) with or without their semicolon, invalid code points as U+FFFD, and the named
 * ones IdPs use. A named one it does not know throws, so a test never silently differs from a browser.
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*);)/g, (whole, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) {
      const named = NAMED_ENTITIES[name];
      if (named === undefined) throw new Error(`decodeHtmlEntities: unknown entity ${whole}`);
      return named;
    }
    const code = parseInt(hex ?? decimal ?? '', hex !== undefined ? 16 : 10);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  });
}

/**
 * The fixtures expired years ago, and the picker rightly shows them as expired. For a sign-in test,
 * this moves every NotBefore, NotOnOrAfter and IssueInstant by one amount so that the response was
 * issued now, keeping their distances (how long it is valid) and their format. Every other byte of
 * the XML stays as the IdP wrote it, and so does a missing base64 padding. The signature no longer
 * matches the content, which changes nothing here: the fixtures' never did (see their README), and
 * the extension never checks it.
 */
export function withFreshTimestamps(samlResponse: string, now: Date): string {
  const base64 = samlResponse.replace(/\s+/g, '');
  // Latin-1 maps each byte to one character and back, so bytes beyond ASCII survive untouched.
  const xml = Buffer.from(base64, 'base64').toString('latin1');
  const issued = Date.parse(/\bIssueInstant="([^"]+)"/.exec(xml)?.[1] ?? '');
  if (Number.isNaN(issued)) throw new Error('withFreshTimestamps: the response has no readable IssueInstant');
  const shift = now.getTime() - issued;
  const fresh = xml.replace(/\b(NotBefore|NotOnOrAfter|IssueInstant)="([^"]+)"/g, (whole, name: string, value: string) => {
    const time = Date.parse(value);
    if (Number.isNaN(time)) return whole;
    const iso = new Date(time + shift).toISOString();
    return `${name}="${/\.\d+Z$/.test(value) ? iso : iso.replace(/\.\d+Z$/, 'Z')}"`;
  });
  const encoded = Buffer.from(fresh, 'latin1').toString('base64');
  return base64.endsWith('=') ? encoded : encoded.replace(/=+$/, '');
}

/** `signin.aws.amazon.com` and `us-east-1.signin.aws.amazon.com` are one endpoint (likewise per partition). */
function canonicalSigninHost(host: string): string {
  const partition = PARTITIONS.find((p) => host === `${p.globalRegion}.${p.signinHost}`);
  return partition ? partition.signinHost : host;
}

/** What the mock AWS reads from an assertion. */
interface AssertionFacts {
  encrypted: boolean;
  recipient?: string;
  /** The earlier of SubjectConfirmationData's and Conditions' NotOnOrAfter. */
  notOnOrAfter?: Date;
  issuer?: string;
  subject?: string;
  subjectFormat?: string;
  roleSessionName?: string;
  roles: RolePair[];
}

/** Decodes a SAMLResponse field; undefined when it is not a SAML response. */
function readAssertion(samlResponse: string): AssertionFacts | undefined {
  const base64 = samlResponse.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const xml = Buffer.from(base64, 'base64').toString('utf8');
  let root: XmlElement | null;
  try {
    root = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml').documentElement;
  } catch {
    return undefined;
  }
  if (!root || root.namespaceURI !== PROTOCOL_NS || root.localName !== 'Response') return undefined;
  const first = (parent: XmlElement, name: string) => parent.getElementsByTagNameNS(ASSERTION_NS, name).item(0) ?? undefined;
  const attribute = (element: XmlElement | undefined, name: string) => element?.getAttribute(name) || undefined;
  if (first(root, 'EncryptedAssertion')) return { encrypted: true, roles: [] };
  const assertion = first(root, 'Assertion');
  if (!assertion) return undefined;

  const confirmation = first(assertion, 'SubjectConfirmationData');
  const deadlines = [attribute(confirmation, 'NotOnOrAfter'), attribute(first(assertion, 'Conditions'), 'NotOnOrAfter')]
    .map((text) => (text === undefined ? NaN : Date.parse(text)))
    .filter((time) => !Number.isNaN(time));
  const nameId = first(assertion, 'NameID');
  const values = (name: string) =>
    Array.from(assertion.getElementsByTagNameNS(ASSERTION_NS, 'Attribute'))
      .filter((element) => element.getAttribute('Name') === name)
      .flatMap((element) => Array.from(element.getElementsByTagNameNS(ASSERTION_NS, 'AttributeValue')))
      .map((element) => (element.textContent ?? '').trim());
  const roles = values(ROLE_ATTRIBUTE).flatMap((value): RolePair[] => {
    const parts = value.split(',').map((part) => part.trim());
    const roleArn = parts.find((part) => /^arn:[\w-]+:iam::\d{12}:role\//.test(part));
    const principalArn = parts.find((part) => /^arn:[\w-]+:iam::\d{12}:saml-provider\//.test(part));
    return parts.length === 2 && roleArn && principalArn ? [{ roleArn, principalArn }] : [];
  });
  return {
    encrypted: false,
    recipient: attribute(confirmation, 'Recipient'),
    notOnOrAfter: deadlines.length ? new Date(Math.min(...deadlines)) : undefined,
    issuer: first(assertion, 'Issuer')?.textContent?.trim() || undefined,
    subject: nameId?.textContent?.trim() || undefined,
    subjectFormat: attribute(nameId, 'Format'),
    roleSessionName: values(ROLE_SESSION_NAME_ATTRIBUTE)[0] || undefined,
    roles,
  };
}

function arnPartition(arn: string): string | undefined {
  return /^arn:([\w-]+):/.exec(arn)?.[1];
}

/** STS's parameter constraints (API reference), worded as its ValidationError words them. */
function stsValidationError(fields: Record<string, string>): string | undefined {
  const problems: string[] = [];
  const lengths: Array<[string, string, number, number]> = [
    ['RoleArn', 'roleArn', 20, 2048],
    ['PrincipalArn', 'principalArn', 20, 2048],
    ['SAMLAssertion', 'sAMLAssertion', 4, 100_000],
  ];
  for (const [field, member, min, max] of lengths) {
    const value = fields[field];
    const at = `at '${member}' failed to satisfy constraint: Member`;
    if (value === undefined) problems.push(`Value null ${at} must not be null`);
    else if (value.length < min) problems.push(`Value '${value}' ${at} must have length greater than or equal to ${min}`);
    else if (value.length > max) problems.push(`Value ${at} must have length less than or equal to ${max}`);
  }
  const duration = fields.DurationSeconds;
  if (duration !== undefined) {
    const at = `Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member`;
    const seconds = Number(duration);
    if (!/^\d+$/.test(duration)) problems.push(`${at} must be an integer`);
    else if (seconds < MIN_SESSION_SECONDS) problems.push(`${at} must have value greater than or equal to ${MIN_SESSION_SECONDS}`);
    else if (seconds > MAX_SESSION_SECONDS) problems.push(`${at} must have value less than or equal to ${MAX_SESSION_SECONDS}`);
  }
  if (!problems.length) return undefined;
  return `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`;
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function randomText(alphabet: string, length: number): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

function hashText(input: string, alphabet: string, length: number): string {
  return Array.from(createHash('sha256').update(input).digest().subarray(0, length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** 40 base64 characters, never `=`, always with a `/` and a `+` (clients must encode both). */
function secretAccessKey(): string {
  const chars = randomText(BASE64_CHARS, 40).split('');
  const [slash = 0, plus = 1] = randomBytes(2);
  const slashAt = slash % 40;
  chars[slashAt] = '/';
  chars[plus % 40 === slashAt ? (slashAt + 1) % 40 : plus % 40] = '+';
  return chars.join('');
}

function parseSession(text: string | undefined): { sessionId: string; sessionKey: string; sessionToken: string } | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { sessionId, sessionKey, sessionToken } = value as Record<string, unknown>;
  if (typeof sessionId !== 'string' || typeof sessionKey !== 'string' || typeof sessionToken !== 'string') return undefined;
  return { sessionId, sessionKey, sessionToken };
}

/** The Destination as an https console URL of `partition`, or undefined. */
function consoleUrl(text: string | undefined, partition: PartitionInfo): string | undefined {
  let url: URL;
  try {
    url = new URL(text ?? '');
  } catch {
    return undefined;
  }
  const hosts = new Set([partition.consoleDomain]);
  if (partition.consoleHost.includes('{region}')) {
    for (const region of partition.regions) hosts.add(partition.consoleHost.replace('{region}', region.code));
  }
  const ok = url.protocol === 'https:' && url.port === '' && !url.username && !url.password && hosts.has(url.hostname);
  return ok ? url.href : undefined;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function isFormEncoded(contentType: string | undefined): boolean {
  return /^application\/x-www-form-urlencoded\s*(?:;|$)/i.test(contentType ?? '');
}

/** First value of each name, as AWS reads a form or query string. */
function formFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) if (!(name in fields)) fields[name] = value;
  return fields;
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** ISO 8601 without milliseconds, as STS writes Expiration. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function stsAnswer(res: ServerResponse, status: number, xml: string, requestId = randomUUID()): void {
  res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, 'cache-control': 'no-store' });
  res.end(xml);
}

function stsError(res: ServerResponse, status: number, code: string, message: string): void {
  const requestId = randomUUID();
  stsAnswer(
    res,
    status,
    `<ErrorResponse xmlns="${STS_NS}">
  <Error>
    <Type>Sender</Type>
    <Code>${xmlText(code)}</Code>
    <Message>${xmlText(message)}</Message>
  </Error>
  <RequestId>${requestId}</RequestId>
</ErrorResponse>
`,
    requestId,
  );
}

function assumeRoleWithSamlXml(input: {
  credentials: IssuedCredentials;
  assumedRoleId: string;
  audience: string;
  subject: string;
  subjectType: string;
  issuer: string;
  nameQualifier: string;
}): string {
  const { credentials: c } = input;
  return `<AssumeRoleWithSAMLResponse xmlns="${STS_NS}">
  <AssumeRoleWithSAMLResult>
    <Issuer>${xmlText(input.issuer)}</Issuer>
    <AssumedRoleUser>
      <AssumedRoleId>${xmlText(input.assumedRoleId)}</AssumedRoleId>
      <Arn>${xmlText(c.assumedRoleArn)}</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${c.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${c.secretAccessKey}</SecretAccessKey>
      <SessionToken>${c.sessionToken}</SessionToken>
      <Expiration>${isoSeconds(c.expiresAt)}</Expiration>
    </Credentials>
    <Audience>${xmlText(input.audience)}</Audience>
    <SubjectType>${xmlText(input.subjectType)}</SubjectType>
    <NameQualifier>${input.nameQualifier}</NameQualifier>
    <Subject>${xmlText(input.subject)}</Subject>
  </AssumeRoleWithSAMLResult>
  <ResponseMetadata>
    <RequestId>${randomUUID()}</RequestId>
  </ResponseMetadata>
</AssumeRoleWithSAMLResponse>
`;
}

function hostOf(req: IncomingMessage): string {
  const sni = (req.socket as TLSSocket).servername;
  const header = req.headers.host ?? (typeof sni === 'string' ? sni : '');
  return header.replace(/:\d+$/, '').toLowerCase();
}

/** GovCloud and China endpoints only ever receive roles of their own partition (docs/saml-signin.md#what-the-assertion-carries). */
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
  const suggestions = [GLOBAL_SIGNIN_HOST, 'eu-west-1.signin.aws.amazon.com', 'sts.amazonaws.com', 'sts.eu-west-1.amazonaws.com']
    .map((host) => `<option value="${host}">`)
    .join('');
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
<label>Host <input id="host" list="hosts" value="eu-west-1.signin.aws.amazon.com" size="36"></label>
<datalist id="hosts">${suggestions}</datalist>
<label>Mode <select id="mode">${options}</select></label>
<button type="button" data-mode="">Apply</button>
<p><code>region-disabled</code> is for STS hosts (<code>sts.&lt;region&gt;.amazonaws.com</code>): STS answers RegionDisabledException.</p>
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

/** AWS's legacy role-selection page (as in the fixtures): accounts with their alias where known. */
const OKTA_ALIASES = ['sandbox', 'payments', 'data', 'web', 'ops', 'audit', 'billing', 'search'];

/** The same roles with names of 56 hyphens and the name's end (IAM allows `-` anywhere in a role name). */
function hyphenNamed(roles: readonly RolePair[]): RolePair[] {
  return roles.map((role) => ({ ...role, roleArn: role.roleArn.replace(/[^/]+$/, (name) => `${'-'.repeat(56)}${name}`.slice(-64)) }));
}

/** The same roles named `Okta-<alias>-<role>`, one alias per account in order of appearance. */
function oktaNamed(roles: readonly RolePair[]): RolePair[] {
  const aliases = new Map<string, string>();
  return roles.map((role) => {
    const [head, name] = [role.roleArn.slice(0, role.roleArn.indexOf(':role/')), role.roleArn.split('/').pop() ?? 'Role'];
    const id = head.split(':')[4] ?? '';
    if (!aliases.has(id)) aliases.set(id, OKTA_ALIASES[aliases.size % OKTA_ALIASES.length] + (aliases.size >= OKTA_ALIASES.length ? `${aliases.size}` : ''));
    return { ...role, roleArn: `${head}:role/Okta-${aliases.get(id)}-${name}` };
  });
}

function awsRolePage(roles: readonly RolePair[], aliases: Readonly<Record<string, string>>): string {
  const accounts = new Map<string, string[]>();
  for (const role of roles) {
    const id = role.roleArn.split(':')[4] ?? '';
    accounts.set(id, [...(accounts.get(id) ?? []), role.roleArn]);
  }
  const blocks = [...accounts]
    .map(([id, arns]) => {
      const label = Object.hasOwn(aliases, id) ? `Account: ${esc(aliases[id] ?? '')} (${id})` : `Account: ${id}`;
      const radios = arns.map((arn) => `<div class="saml-role"><input type="radio" name="roleIndex" value="${esc(arn)}"><label>${esc(arn.split('/').pop() ?? '')}</label></div>`).join('');
      return `<fieldset><div class="saml-account"><div class="saml-account-name">${label}</div>${radios}</div></fieldset>`;
    })
    .join('');
  return page('Amazon Web Services Sign-In', `<form id="saml_form" method="post" action="/saml"><p>Select a role:</p>${blocks}</form>`);
}
