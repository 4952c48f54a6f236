// The harness itself, without the extension: if these fail, the extension's e2e failures mean nothing.
import { createHash, X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import type { LaunchedBrowser } from '../support/chromium';
import { requestMock, startMockServer } from '../support/mock-server';
import type { MockServer } from '../support/mock-server';

const OKTA_APP = 'https://acme.okta.com/app/amazon_aws/exk1test/sso/saml';
const FORM = 'application/x-www-form-urlencoded';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});

afterAll(async () => {
  await server?.close();
});

/** What a browser would make of an attribute: decode HTML entities. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function inputValue(html: string, name: string): string | undefined {
  const match = new RegExp(`<input name="${name}" type="hidden" value="([^"]*)"`).exec(html);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
}

function formAction(html: string): string | undefined {
  const match = /<form id="appForm" action="([^"]*)" method="POST">/.exec(html);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
}

function decodedXml(html: string): string {
  return Buffer.from(inputValue(html, 'SAMLResponse') ?? '', 'base64').toString('utf8');
}

function postForm(url: string, fields: Record<string, string>) {
  return requestMock(server, url, {
    method: 'POST',
    headers: { 'content-type': FORM },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('certificate', () => {
  it('covers every mapped host and matches the published SPKI hash', async () => {
    const pem = await new Promise<string>((resolve, reject) => {
      const socket = connect(
        { host: '127.0.0.1', port: server.port, servername: 'eu-west-1.signin.aws.amazon.com', rejectUnauthorized: false },
        () => {
          resolve(socket.getPeerX509Certificate()?.toString() ?? '');
          socket.end();
        },
      );
      socket.on('error', reject);
    });
    const cert = new X509Certificate(pem);
    for (const host of [
      'acme.okta.com',
      'acme.okta-emea.com',
      'signin.aws.amazon.com',
      'eu-west-1.signin.aws.amazon.com',
      'eu-west-1.console.aws.amazon.com',
      'signin.amazonaws-us-gov.com',
      'us-gov-east-1.signin.amazonaws-us-gov.com',
      'cn-northwest-1.signin.amazonaws.cn',
      'localhost',
    ]) {
      expect(cert.checkHost(host), host).toBeDefined();
    }
    const spki = createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
    expect(spki).toBe(server.spki);
  });
});

describe('mock Okta', () => {
  it('serves an Okta-shaped auto-submitting form with a fresh, entity-escaped assertion', async () => {
    const res = await requestMock(server, `${OKTA_APP}?submit=script`);
    expect(res.status).toBe(200);
    expect(formAction(res.body)).toBe('https://signin.aws.amazon.com/saml');
    expect(res.body).toContain('action="https&#x3a;&#x2f;&#x2f;signin');
    expect(res.body).toMatch(/<script[^>]*>[^<]*getElementById\('appForm'\)\.submit\(\)/);
    expect(res.body).toContain('<noscript>');

    const issued = server.issued.at(-1);
    expect(issued?.appId).toBe('exk1test');
    expect(inputValue(res.body, 'SAMLResponse')).toBe(issued?.samlResponse);
    expect(inputValue(res.body, 'RelayState')).toBe('');
    const xml = decodedXml(res.body);
    expect(xml).toContain('Recipient="https://signin.aws.amazon.com/saml"');
    expect(xml.match(/saml-provider\/Okta,arn:aws:iam::/g)).toHaveLength(3);
  });

  it('submits on load, or only by the Continue button', async () => {
    const onload = await requestMock(server, `${OKTA_APP}?submit=onload`);
    expect(onload.body).toContain('<body id="app" onload="document.forms[0].submit()">');
    expect(onload.body).not.toMatch(/<script/);

    const manual = await requestMock(server, `${OKTA_APP}?submit=noscript`);
    expect(manual.body).toContain('<input type="submit" value="Continue">');
    expect(manual.body).not.toMatch(/<script|onload=|<noscript>/);
  });

  it('takes the ACS URL, relay state, role count, recipient, expiry and encryption from the query', async () => {
    const acs = 'https://eu-west-1.signin.aws.amazon.com/saml';
    const relay = 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:';
    const query = new URLSearchParams({ acs, relay, roles: '7', expired: '1' });
    const res = await requestMock(server, `${OKTA_APP}?${query}`);
    expect(formAction(res.body)).toBe(acs);
    expect(inputValue(res.body, 'RelayState')).toBe(relay);
    const xml = decodedXml(res.body);
    expect(xml).toContain(`Recipient="${acs}"`);
    expect(xml).toContain(`Destination="${acs}"`);
    expect(xml.match(/:role\//g)).toHaveLength(7);
    const notOnOrAfter = /SubjectConfirmationData NotOnOrAfter="([^"]+)"/.exec(xml)?.[1];
    expect(Date.parse(notOnOrAfter ?? '')).toBeLessThan(Date.now());

    const other = await requestMock(server, `${OKTA_APP}?${new URLSearchParams({ recipient: acs, encrypted: '1' })}`);
    expect(formAction(other.body)).toBe('https://signin.aws.amazon.com/saml');
    expect(decodedXml(other.body)).toContain(`Destination="${acs}"`); // the Recipient is encrypted
    expect(decodedXml(other.body)).toContain('EncryptedAssertion');
  });

  it('issues GovCloud roles for a GovCloud ACS', async () => {
    const acs = 'https://signin.amazonaws-us-gov.com/saml';
    const res = await requestMock(server, `https://acme.okta.com/app/amazon_aws/exk1gov/sso/saml?acs=${encodeURIComponent(acs)}`);
    expect(decodedXml(res.body)).toContain('arn:aws-us-gov:iam::');
    expect(decodedXml(res.body)).not.toContain('arn:aws:iam::');
  });

  it('shows a dashboard with AWS tiles on any org, okta-emea.com included', async () => {
    const res = await requestMock(server, 'https://acme.okta-emea.com/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('>AWS (us-east-1)</a>');
    expect(res.body).toContain('href="/app/amazon_aws/exk1demo/sso/saml"');
  });
});

describe('mock AWS sign-in', () => {
  it('records a POST to a regional endpoint and shows what it received, never the assertion', async () => {
    server.clearReceived();
    const samlResponse = `${'PD94bWwg'.repeat(200)}+/=`;
    const waiting = server.waitForPost((p) => p.host === 'eu-west-1.signin.aws.amazon.com', 5000);
    const res = await postForm('https://eu-west-1.signin.aws.amazon.com/saml', {
      SAMLResponse: samlResponse,
      RelayState: 'https://eu-west-1.console.aws.amazon.com/',
      roleIndex: 'arn:aws:iam::111122223333:role/Admin',
    });
    const post = await waiting;
    expect(post.path).toBe('/saml');
    expect(post.fields).toEqual({
      SAMLResponse: samlResponse,
      RelayState: 'https://eu-west-1.console.aws.amazon.com/',
      roleIndex: 'arn:aws:iam::111122223333:role/Admin',
    });
    expect(post.headers['content-type']).toBe(FORM);
    expect(server.received).toEqual([post]);

    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Mock AWS sign-in: eu-west-1.signin.aws.amazon.com</title>');
    expect(res.body).toContain('Signed in (mock) via eu-west-1.signin.aws.amazon.com');
    expect(res.body).toContain('arn:aws:iam::111122223333:role/Admin');
    expect(res.body).toContain(`${samlResponse.length} characters`);
    expect(res.body).not.toContain(samlResponse.slice(0, 64));
  });

  it('accepts the /saml/acs/<id> path of encrypted assertions and finds earlier posts', async () => {
    server.clearReceived();
    await postForm('https://signin.amazonaws.cn/saml/acs/SAMLSP4SHN3UIS2D558H46', { SAMLResponse: 'eA==' });
    const post = await server.waitForPost((p) => p.path.startsWith('/saml/acs/'), 1000);
    expect(post.host).toBe('signin.amazonaws.cn');
    expect(post.path).toBe('/saml/acs/SAMLSP4SHN3UIS2D558H46');
    await expect(server.waitForPost((p) => p.host === 'nowhere', 50)).rejects.toThrow(/no matching POST/);
  });

  it('answers health probes with SP metadata and serves console pages', async () => {
    const probe = await requestMock(server, 'https://ap-southeast-2.signin.aws.amazon.com/static/saml-metadata.xml');
    expect(probe.status).toBe(200);
    expect(probe.headers['content-type']).toBe('application/xml');
    expect(probe.body).toContain('entityID="urn:amazon:webservices"');

    const console = await requestMock(server, 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
    expect(console.body).toContain('Mock AWS console, region eu-west-1');
  });
});

describe('faults', () => {
  const PROBE = 'https://signin.aws.amazon.com/static/saml-metadata.xml';

  it('down cuts the connection in the TLS handshake, up restores it', async () => {
    server.setHostMode('signin.aws.amazon.com', 'down');
    try {
      await expect(requestMock(server, PROBE)).rejects.toThrow(/socket disconnected|ECONNRESET|socket hang up/);
      expect(server.faults.at(-1)).toMatchObject({ host: 'signin.aws.amazon.com', mode: 'down', stage: 'tls' });
      // Other hosts are unaffected.
      expect((await requestMock(server, 'https://eu-west-1.signin.aws.amazon.com/static/saml-metadata.xml')).status).toBe(200);
    } finally {
      server.setHostMode('signin.aws.amazon.com', 'up');
    }
    expect((await requestMock(server, PROBE)).status).toBe(200);
  });

  it('error500 fails, slow delays', async () => {
    server.setHostMode('signin.aws.amazon.com', 'error500');
    expect((await requestMock(server, PROBE)).status).toBe(500);
    server.setHostMode('signin.aws.amazon.com', 'slow', { delayMs: 400 });
    const started = Date.now();
    expect((await requestMock(server, PROBE)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    server.setHostMode('signin.aws.amazon.com', 'up');
    expect(server.hostMode('signin.aws.amazon.com')).toBe('up');
  });

  it('blackhole never answers, and close() ends held connections at once', async () => {
    const own = await startMockServer();
    own.setHostMode('signin.aws.amazon.com', 'blackhole');
    await expect(requestMock(own, PROBE, { timeoutMs: 300 })).rejects.toThrow(/timeout/);
    const held = requestMock(own, PROBE, { timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await own.close();
    await expect(held).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('is switchable over HTTP from the control endpoint', async () => {
    const page = await requestMock(server, 'https://localhost/__control');
    expect(page.body).toContain('Take the global endpoint down');
    const res = await requestMock(server, 'https://localhost/__control', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ host: 'signin.aws.amazon.com', mode: 'down' }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ modes: { 'signin.aws.amazon.com': { mode: 'down' } } });
    expect(server.hostMode('signin.aws.amazon.com')).toBe('down');
    const bad = await requestMock(server, 'https://localhost/__control', {
      method: 'POST',
      body: JSON.stringify({ host: 'signin.aws.amazon.com', mode: 'sideways' }),
    });
    expect(bad.status).toBe(400);
    server.setHostMode('signin.aws.amazon.com', 'up');
  });
});

describe('real Chromium, no extension', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    browser = await launchChromium({ server });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('follows the Okta page to the mapped global endpoint with the exact assertion', { timeout: 60_000 }, async () => {
    server.clearReceived();
    const page = await browser.context.newPage();
    await page.goto(`${OKTA_APP}?submit=script&relay=${encodeURIComponent('https://us-east-1.console.aws.amazon.com/')}`);
    const post = await server.waitForPost((p) => p.host === 'signin.aws.amazon.com', 10_000);
    const issued = server.issued.at(-1);
    expect(post.path).toBe('/saml');
    expect(post.fields.SAMLResponse).toBe(issued?.samlResponse);
    expect(post.fields.RelayState).toBe('https://us-east-1.console.aws.amazon.com/');
    expect(post.headers.origin).toBe('https://acme.okta.com');
    await page.waitForURL('https://signin.aws.amazon.com/saml');
    await expect(page.title()).resolves.toBe('Mock AWS sign-in: signin.aws.amazon.com');
    await page.close();
  });

  it('sees a down host as a connection failure and unmapped hosts as unresolvable', { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    server.setHostMode('signin.aws.amazon.com', 'down');
    try {
      await expect(page.goto('https://signin.aws.amazon.com/static/saml-metadata.xml')).rejects.toThrow(
        /ERR_CONNECTION_CLOSED|ERR_EMPTY_RESPONSE|ERR_SSL_PROTOCOL_ERROR/,
      );
    } finally {
      server.setHostMode('signin.aws.amazon.com', 'up');
    }
    await page.close();
    const other = await browser.context.newPage();
    await expect(other.goto('https://www.example.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    await other.close();
  });
});
