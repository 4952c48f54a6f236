// The harness itself, without the extension: if these fail, the extension's e2e failures mean nothing.
import { createHash, X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSamlResponse } from '../fixtures/assertion-builder';
import { hostResolverRules, launchChromium } from '../support/chromium';
import type { LaunchedBrowser } from '../support/chromium';
import { isMockHost } from '../support/firefox';
import {
  AWS_INVALID_SAML_MESSAGE,
  CONSOLE_SESSION_COOKIE,
  DEFAULT_TRUSTED_AUDIENCES,
  STS_HOSTS,
  requestMock,
  startMockServer,
} from '../support/mock-server';
import type { IssuedCredentials, MockServer } from '../support/mock-server';

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

function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return requestMock(server, url, {
    method: 'POST',
    headers: { 'content-type': FORM, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const EU_SAML = 'https://eu-west-1.signin.aws.amazon.com/saml';
const STS_EU = 'https://sts.eu-west-1.amazonaws.com/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const ADMIN = { RoleArn: 'arn:aws:iam::111122223333:role/Admin', PrincipalArn: 'arn:aws:iam::111122223333:saml-provider/Okta' };

/** A fresh assertion from the mock Okta (`query`: acs, recipient, encrypted, expired …). */
async function oktaAssertion(query: Record<string, string> = {}, app = OKTA_APP): Promise<string> {
  const res = await requestMock(server, `${app}?${new URLSearchParams(query)}`);
  return inputValue(res.body, 'SAMLResponse') ?? '';
}

function assume(url: string, samlAssertion: string, extra: Record<string, string> = {}) {
  return postForm(url, { Action: 'AssumeRoleWithSAML', Version: '2011-06-15', ...ADMIN, SAMLAssertion: samlAssertion, ...extra });
}

/** The text of the first element `name` in STS's namespace. */
function stsField(xml: string, name: string): string | undefined {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  return doc.getElementsByTagNameNS(STS_NS, name).item(0)?.textContent ?? undefined;
}

function expectStsError(res: { status: number; headers: Record<string, unknown>; body: string }, status: number, code: string, message?: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('text/xml');
  expect(res.body).toMatch(new RegExp(`^<ErrorResponse xmlns="${STS_NS}">`));
  expect(stsField(res.body, 'Type')).toBe('Sender');
  expect(stsField(res.body, 'Code')).toBe(code);
  expect(stsField(res.body, 'RequestId')).toMatch(/^[0-9a-f-]{36}$/);
  if (message !== undefined) expect(stsField(res.body, 'Message')).toBe(message);
}

/** Credentials from the mock STS at eu-west-1 for the Admin role. */
async function freshCredentials(stsUrl = STS_EU): Promise<IssuedCredentials> {
  const res = await assume(stsUrl, await oktaAssertion());
  expect(res.status).toBe(200);
  const credentials = server.issuedCredentials.at(-1);
  if (!credentials) throw new Error('no credentials issued');
  return credentials;
}

function sessionOf(c: Pick<IssuedCredentials, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>): string {
  return JSON.stringify({ sessionId: c.accessKeyId, sessionKey: c.secretAccessKey, sessionToken: c.sessionToken });
}

const FEDERATION_EU = 'https://eu-west-1.signin.aws.amazon.com/federation';
const EU_CONSOLE = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';

async function signinToken(credentials: IssuedCredentials, url = FEDERATION_EU): Promise<string> {
  const res = await postForm(url, { Action: 'getSigninToken', Session: sessionOf(credentials) });
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { SigninToken: string }).SigninToken;
}

function loginUrl(token: string, destination = EU_CONSOLE, base = FEDERATION_EU): string {
  return `${base}?${new URLSearchParams({ Action: 'login', Issuer: 'https://acme.okta.com/', Destination: destination, SigninToken: token })}`;
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
      ...STS_HOSTS,
    ]) {
      expect(cert.checkHost(host), host).toBeDefined();
    }
    const spki = createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
    expect(spki).toBe(server.spki);
  });
});

describe('host mapping', () => {
  it('lists every STS host, and Chromium and the Firefox proxy send them to the mock', () => {
    expect(STS_HOSTS).toContain('sts.amazonaws.com');
    expect(STS_HOSTS).toContain('sts.us-east-1.amazonaws.com');
    expect(STS_HOSTS).toContain('sts.eu-west-1.amazonaws.com');
    expect(STS_HOSTS).toContain('sts.mx-central-1.amazonaws.com');
    expect(STS_HOSTS).toContain('sts.us-gov-west-1.amazonaws.com');
    expect(STS_HOSTS).toContain('sts.us-gov-east-1.amazonaws.com');
    expect(STS_HOSTS).toContain('sts.cn-north-1.amazonaws.com.cn');
    expect(STS_HOSTS).toContain('sts.cn-northwest-1.amazonaws.com.cn');
    expect(STS_HOSTS.length).toBeGreaterThan(35);
    const rules = hostResolverRules(4443);
    for (const host of STS_HOSTS) {
      expect(rules, host).toContain(`MAP ${host} 127.0.0.1:4443,`);
      expect(isMockHost(host), host).toBe(true);
    }
    expect(isMockHost('s3.eu-west-1.amazonaws.com')).toBe(false);
    expect(isMockHost('sts.eu-west-1.amazonaws.com.evil.example')).toBe(false);
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

describe('mock AWS sign-in: the Recipient must name the endpoint', () => {
  it('refuses an assertion addressed to the global endpoint at eu-west-1, takes it at the global one', async () => {
    server.clearReceived();
    const global = await oktaAssertion();
    const refused = await postForm(EU_SAML, { SAMLResponse: global, RelayState: '' });
    expect(refused.status).toBe(200);
    expect(refused.body).toContain('<title>Amazon Web Services Sign-In</title>');
    expect(refused.body).toContain('Your request included an invalid SAML response.');
    expect(refused.body).not.toContain('Signed in (mock)');
    expect(server.received.at(-1)).toMatchObject({ host: 'eu-west-1.signin.aws.amazon.com', fields: { SAMLResponse: global } });

    for (const host of ['signin.aws.amazon.com', 'us-east-1.signin.aws.amazon.com']) {
      const res = await postForm(`https://${host}/saml`, { SAMLResponse: global });
      expect(res.body, host).toContain(`Signed in (mock) via ${host}`);
    }
  });

  it('takes an eu-west-1 assertion at eu-west-1 only', async () => {
    const eu = await oktaAssertion({ acs: EU_SAML });
    expect((await postForm(EU_SAML, { SAMLResponse: eu })).body).toContain('Signed in (mock) via eu-west-1.signin.aws.amazon.com');
    expect((await postForm('https://signin.aws.amazon.com/saml', { SAMLResponse: eu })).body).toContain(AWS_INVALID_SAML_MESSAGE.slice(0, 40));
    expect((await postForm('https://eu-west-2.signin.aws.amazon.com/saml', { SAMLResponse: eu })).body).toContain('invalid SAML response');
  });

  it('compares the path too, and treats each partition\'s global host and its region-named twin as one', async () => {
    const acs = 'https://signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D558H46';
    const withAcs = await oktaAssertion({ acs });
    expect((await postForm(acs, { SAMLResponse: withAcs })).body).toContain('Signed in (mock)');
    expect((await postForm('https://signin.aws.amazon.com/saml', { SAMLResponse: withAcs })).body).toContain('invalid SAML response');

    const gov = await oktaAssertion({ acs: 'https://signin.amazonaws-us-gov.com/saml' });
    expect((await postForm('https://us-gov-west-1.signin.amazonaws-us-gov.com/saml', { SAMLResponse: gov })).body).toContain('Signed in (mock)');
    expect((await postForm('https://us-gov-east-1.signin.amazonaws-us-gov.com/saml', { SAMLResponse: gov })).body).toContain('invalid SAML response');
    const cn = await oktaAssertion({ acs: 'https://cn-north-1.signin.amazonaws.cn/saml' });
    expect((await postForm('https://signin.amazonaws.cn/saml', { SAMLResponse: cn })).body).toContain('Signed in (mock)');
  });

  it('refuses an assertion without a Recipient, accepts an encrypted one anywhere', async () => {
    const bare = buildSamlResponse({ recipient: null, destination: EU_SAML });
    expect((await postForm(EU_SAML, { SAMLResponse: bare })).body).toContain('invalid SAML response');
    const encrypted = await oktaAssertion({ encrypted: '1' });
    expect((await postForm(EU_SAML, { SAMLResponse: encrypted })).body).toContain('Signed in (mock) via eu-west-1');
  });

  it('accepts foreign Recipients on a host an admin set up for them (acceptAnyRecipient)', async () => {
    const global = await oktaAssertion();
    server.acceptAnyRecipient('eu-west-1.signin.aws.amazon.com', true);
    try {
      expect((await postForm(EU_SAML, { SAMLResponse: global })).body).toContain('Signed in (mock) via eu-west-1');
      expect((await postForm('https://eu-west-2.signin.aws.amazon.com/saml', { SAMLResponse: global })).body).toContain('invalid SAML response');
    } finally {
      server.acceptAnyRecipient('eu-west-1.signin.aws.amazon.com', false);
    }
    expect((await postForm(EU_SAML, { SAMLResponse: global })).body).toContain('invalid SAML response');
  });

  it('keeps the reject mode\'s own message', async () => {
    server.setHostMode('signin.aws.amazon.com', 'reject', { message: 'Something else went wrong.' });
    try {
      const res = await postForm('https://signin.aws.amazon.com/saml', { SAMLResponse: await oktaAssertion() });
      expect(res.body).toContain('Something else went wrong.');
    } finally {
      server.setHostMode('signin.aws.amazon.com', 'up');
    }
  });
});

describe('mock STS: AssumeRoleWithSAML', () => {
  it('answers a regional POST with credentials in STS\'s XML and records the request', async () => {
    server.clearReceived();
    const saml = await oktaAssertion();
    const started = Date.now();
    const res = await assume(STS_EU, saml, { DurationSeconds: '900' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml');
    expect(res.body).toMatch(new RegExp(`^<AssumeRoleWithSAMLResponse xmlns="${STS_NS}">`));
    const root = new DOMParser().parseFromString(res.body, 'text/xml').documentElement;
    const child = (parent: XmlElement | undefined, name: string) =>
      Array.from(parent?.getElementsByTagNameNS(STS_NS, name) ?? []).find((element) => element.parentNode === parent);
    const path = (...names: string[]) => names.reduce<XmlElement | undefined>(child, root ?? undefined)?.textContent ?? undefined;
    const result = ['AssumeRoleWithSAMLResult'];
    const accessKeyId = path(...result, 'Credentials', 'AccessKeyId');
    const secret = path(...result, 'Credentials', 'SecretAccessKey') ?? '';
    const token = path(...result, 'Credentials', 'SessionToken') ?? '';
    expect(accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(secret).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(secret).toContain('/');
    expect(secret).toContain('+');
    expect(token.length).toBeGreaterThan(400);
    const expiration = path(...result, 'Credentials', 'Expiration') ?? '';
    expect(expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(expiration) - started).toBeGreaterThan(898_000);
    expect(Date.parse(expiration) - started).toBeLessThan(902_000);
    expect(path(...result, 'AssumedRoleUser', 'Arn')).toBe('arn:aws:sts::111122223333:assumed-role/Admin/jane.doe@example.com');
    expect(path(...result, 'AssumedRoleUser', 'AssumedRoleId')).toMatch(/^AROA[A-Z0-9]{17}:jane\.doe@example\.com$/);
    expect(path(...result, 'Audience')).toBe('https://signin.aws.amazon.com/saml');
    expect(path(...result, 'Subject')).toBe('jane.doe@example.com');
    expect(path(...result, 'SubjectType')).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified');
    expect(path(...result, 'Issuer')).toBe('http://www.okta.com/exk1test');
    const qualifier = createHash('sha1').update('http://www.okta.com/exk1test111122223333/Okta').digest('base64');
    expect(path(...result, 'NameQualifier')).toBe(qualifier);
    expect(path('ResponseMetadata', 'RequestId')).toMatch(/^[0-9a-f-]{36}$/);

    expect(server.issuedCredentials.at(-1)).toMatchObject({
      accessKeyId,
      secretAccessKey: secret,
      sessionToken: token,
      roleArn: ADMIN.RoleArn,
      assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/Admin/jane.doe@example.com',
      region: 'eu-west-1',
    });
    expect(server.stsRequests).toHaveLength(1);
    expect(server.stsRequests[0]).toMatchObject({
      method: 'POST',
      host: 'sts.eu-west-1.amazonaws.com',
      path: '/',
      contentType: FORM,
      query: {},
      fields: { Action: 'AssumeRoleWithSAML', Version: '2011-06-15', ...ADMIN, SAMLAssertion: saml, DurationSeconds: '900' },
    });
  });

  it('takes the same assertion again, at any endpoint of its partition, and drops the role path from the ARN', async () => {
    const saml = await oktaAssertion();
    const deploy = { RoleArn: 'arn:aws:iam::444455556666:role/team/Deploy', PrincipalArn: 'arn:aws:iam::444455556666:saml-provider/Okta' };
    const global = await assume('https://sts.amazonaws.com/', saml, deploy);
    expect(global.status).toBe(200);
    expect(stsField(global.body, 'Arn')).toBe('arn:aws:sts::444455556666:assumed-role/Deploy/jane.doe@example.com');
    expect(server.issuedCredentials.at(-1)?.region).toBe('us-east-1');
    // The default duration is one hour.
    expect(Date.parse(stsField(global.body, 'Expiration') ?? '') - Date.now()).toBeGreaterThan(3_590_000);
    expect((await assume('https://sts.ap-southeast-2.amazonaws.com/', saml)).status).toBe(200);
    // Line breaks in the base64 do not matter to AWS.
    expect((await assume(STS_EU, saml.replace(/(.{76})/g, '$1\r\n'))).status).toBe(200);
  });

  it('works in GovCloud and China with their own roles and audiences', async () => {
    const gov = await oktaAssertion({ acs: 'https://signin.amazonaws-us-gov.com/saml' });
    const govRole = { RoleArn: 'arn:aws-us-gov:iam::111122223333:role/Admin', PrincipalArn: 'arn:aws-us-gov:iam::111122223333:saml-provider/Okta' };
    const res = await assume('https://sts.us-gov-east-1.amazonaws.com/', gov, govRole);
    expect(res.status).toBe(200);
    expect(stsField(res.body, 'Arn')).toBe('arn:aws-us-gov:sts::111122223333:assumed-role/Admin/jane.doe@example.com');
    const cn = await oktaAssertion({ acs: 'https://signin.amazonaws.cn/saml' });
    const cnRole = { RoleArn: 'arn:aws-cn:iam::111122223333:role/Admin', PrincipalArn: 'arn:aws-cn:iam::111122223333:saml-provider/Okta' };
    expect((await assume('https://sts.cn-northwest-1.amazonaws.com.cn/', cn, cnRole)).status).toBe(200);
  });

  it('InvalidIdentityToken: an assertion the IdP did not issue, altered, encrypted, or for another partition', async () => {
    const message = 'Response signature invalid';
    expectStsError(await assume(STS_EU, buildSamlResponse()), 400, 'InvalidIdentityToken', message);
    const saml = await oktaAssertion();
    // A `+` sent unencoded arrives as a space: the bytes differ, the signature fails.
    expect(saml).toContain('+');
    expectStsError(await assume(STS_EU, saml.replace(/\+/g, ' ')), 400, 'InvalidIdentityToken', message);
    const tampered = `${saml.slice(0, 100)}${saml[100] === 'A' ? 'B' : 'A'}${saml.slice(101)}`;
    expectStsError(await assume(STS_EU, tampered), 400, 'InvalidIdentityToken', message);
    expectStsError(await assume(STS_EU, await oktaAssertion({ encrypted: '1' })), 400, 'InvalidIdentityToken', message);
    expectStsError(await assume('https://sts.us-gov-west-1.amazonaws.com/', saml), 400, 'InvalidIdentityToken', "Specified provider doesn't exist");
  });

  it('ExpiredTokenException: more than 5 minutes after issue, or past NotOnOrAfter', async () => {
    const message = 'Token must be redeemed within 5 minutes of issuance';
    const saml = await oktaAssertion();
    server.ageIssued(4 * 60_000);
    expect((await assume(STS_EU, saml)).status).toBe(200);
    server.ageIssued(61_000);
    expectStsError(await assume(STS_EU, saml), 400, 'ExpiredTokenException', message);
    expectStsError(await assume(STS_EU, await oktaAssertion({ expired: '1' })), 400, 'ExpiredTokenException', message);
  });

  it('AccessDenied: a role not in the assertion, or a Recipient the trust policy does not list', async () => {
    const message = 'Not authorized to perform sts:AssumeRoleWithSAML';
    const saml = await oktaAssertion();
    const res = await assume(STS_EU, saml, { RoleArn: 'arn:aws:iam::111122223333:role/Nope' });
    expectStsError(res, 403, 'AccessDenied', message);
    expectStsError(await assume(STS_EU, saml, { PrincipalArn: 'arn:aws:iam::444455556666:saml-provider/Okta' }), 403, 'AccessDenied', message);

    const sydney = await oktaAssertion({ acs: 'https://ap-southeast-2.signin.aws.amazon.com/saml' });
    expectStsError(await assume(STS_EU, sydney), 403, 'AccessDenied', message);
    expect((await assume(STS_EU, await oktaAssertion({ acs: EU_SAML }))).status).toBe(200);
    server.setTrustedAudiences([...DEFAULT_TRUSTED_AUDIENCES, 'https://ap-southeast-2.signin.aws.amazon.com/saml']);
    try {
      expect((await assume(STS_EU, sydney)).status).toBe(200);
      server.setTrustedAudiences(['https://ap-southeast-2.signin.aws.amazon.com/saml']);
      expectStsError(await assume(STS_EU, saml), 403, 'AccessDenied', message);
    } finally {
      server.resetTrustedAudiences();
    }
    expect((await assume(STS_EU, saml)).status).toBe(200);
  });

  it("AccessDenied for the roles whose trust policy refuses, while the assertion's other roles still get credentials", async () => {
    const saml = await oktaAssertion();
    const deploy = { RoleArn: 'arn:aws:iam::444455556666:role/team/Deploy', PrincipalArn: 'arn:aws:iam::444455556666:saml-provider/Okta' };
    server.denyRoles([ADMIN.RoleArn]);
    try {
      expectStsError(await assume(STS_EU, saml), 403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML');
      expect((await assume(STS_EU, saml, deploy)).status).toBe(200);
    } finally {
      server.denyRoles([]);
    }
    expect((await assume(STS_EU, saml)).status).toBe(200);
  });

  it('ValidationError: DurationSeconds out of bounds or above the role\'s MaxSessionDuration, missing parameters', async () => {
    const saml = await oktaAssertion();
    const tooLong = await assume(STS_EU, saml, { DurationSeconds: '7200' });
    expectStsError(tooLong, 400, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    server.setMaxSessionDuration(43_200);
    try {
      expect((await assume(STS_EU, saml, { DurationSeconds: '7200' })).status).toBe(200);
    } finally {
      server.setMaxSessionDuration(3600);
    }
    expect(() => server.setMaxSessionDuration(900)).toThrow(RangeError);
    const short = await assume(STS_EU, saml, { DurationSeconds: '899' });
    expectStsError(short, 400, 'ValidationError');
    expect(stsField(short.body, 'Message')).toMatch(/^1 validation error detected: Value '899' at 'durationSeconds'.*greater than or equal to 900$/);
    expectStsError(await assume(STS_EU, saml, { DurationSeconds: '43201' }), 400, 'ValidationError');
    const missing = await postForm(STS_EU, { Action: 'AssumeRoleWithSAML', Version: '2011-06-15', SAMLAssertion: saml });
    expectStsError(missing, 400, 'ValidationError');
    expect(stsField(missing.body, 'Message')).toMatch(/^2 validation errors detected: Value null at 'roleArn'/);
  });

  it('refuses other actions, versions and non-form bodies', async () => {
    const saml = await oktaAssertion();
    expectStsError(await assume(STS_EU, saml, { Action: 'AssumeRole' }), 400, 'InvalidAction', 'Could not find operation AssumeRole for version 2011-06-15');
    expectStsError(await assume(STS_EU, saml, { Version: '2010-01-01' }), 400, 'InvalidAction');
    const asJson = await requestMock(server, STS_EU, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Action: 'AssumeRoleWithSAML', Version: '2011-06-15', ...ADMIN, SAMLAssertion: saml }),
    });
    expectStsError(asJson, 400, 'MissingAction');
  });

  it('RegionDisabledException when an admin switched STS off in the region; other host modes apply too', async () => {
    const saml = await oktaAssertion();
    server.setHostMode('sts.eu-west-1.amazonaws.com', 'region-disabled');
    try {
      expectStsError(
        await assume(STS_EU, saml),
        403,
        'RegionDisabledException',
        'STS is not activated in this region for account:111122223333. Your account administrator can activate STS in this region using the IAM Console.',
      );
      expect((await assume('https://sts.eu-west-2.amazonaws.com/', saml)).status).toBe(200);
      server.setHostMode('sts.eu-west-2.amazonaws.com', 'down');
      await expect(assume('https://sts.eu-west-2.amazonaws.com/', saml)).rejects.toThrow(/socket disconnected|ECONNRESET|socket hang up/);
      server.setHostMode('sts.eu-west-2.amazonaws.com', 'error500');
      expect((await assume('https://sts.eu-west-2.amazonaws.com/', saml)).status).toBe(500);
    } finally {
      server.setHostMode('sts.eu-west-1.amazonaws.com', 'up');
      server.setHostMode('sts.eu-west-2.amazonaws.com', 'up');
    }
    const control = await requestMock(server, 'https://localhost/__control', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ host: 'sts.eu-west-1.amazonaws.com', mode: 'region-disabled' }),
    });
    expect(control.status).toBe(200);
    expect(server.hostMode('sts.eu-west-1.amazonaws.com')).toBe('region-disabled');
    server.setHostMode('sts.eu-west-1.amazonaws.com', 'up');
    expect((await requestMock(server, 'https://localhost/__control')).body).toContain('<option>region-disabled</option>');
  });

  it('refuses a GET (the assertion in a URL) and records it', async () => {
    server.clearReceived();
    const saml = await oktaAssertion();
    const query = new URLSearchParams({ Action: 'AssumeRoleWithSAML', Version: '2011-06-15', ...ADMIN, SAMLAssertion: saml });
    const issuedBefore = server.issuedCredentials.length;
    const res = await requestMock(server, `${STS_EU}?${query}`);
    expectStsError(res, 400, 'ValidationError');
    expect(server.issuedCredentials).toHaveLength(issuedBefore);
    expect(server.stsRequests).toEqual([
      expect.objectContaining({ method: 'GET', host: 'sts.eu-west-1.amazonaws.com', fields: {}, query: expect.objectContaining({ SAMLAssertion: saml }) }),
    ]);
  });
});

describe('mock federation endpoint', () => {
  it('getSigninToken by POST: a sign-in token for valid credentials, nothing secret recorded', async () => {
    const credentials = await freshCredentials();
    server.clearReceived();
    const res = await postForm(FEDERATION_EU, { Action: 'getSigninToken', SessionDuration: '43200', Session: sessionOf(credentials) });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const { SigninToken } = JSON.parse(res.body) as { SigninToken: string };
    expect(SigninToken.length).toBeGreaterThan(100);
    expect(server.federationRequests).toEqual([
      expect.objectContaining({
        method: 'POST',
        host: 'eu-west-1.signin.aws.amazon.com',
        action: 'getSigninToken',
        sessionIn: 'body',
        accessKeyId: credentials.accessKeyId,
        sessionDuration: '43200',
        status: 200,
      }),
    ]);
    const recorded = JSON.stringify(server.federationRequests);
    expect(recorded).not.toContain(credentials.secretAccessKey);
    expect(recorded).not.toContain(credentials.sessionToken.slice(0, 40));
  });

  it('getSigninToken by GET, and GET only when POST is refused', async () => {
    const credentials = await freshCredentials();
    const query = new URLSearchParams({ Action: 'getSigninToken', Session: sessionOf(credentials) });
    const byGet = await requestMock(server, `${FEDERATION_EU}?${query}`);
    expect(byGet.status).toBe(200);
    expect(JSON.parse(byGet.body)).toEqual({ SigninToken: expect.any(String) });
    expect(server.federationRequests.at(-1)).toMatchObject({ method: 'GET', sessionIn: 'query', status: 200 });

    server.refuseFederationPost(true);
    try {
      const refused = await postForm(FEDERATION_EU, { Action: 'getSigninToken', Session: sessionOf(credentials) });
      expect(refused.status).toBe(405);
      expect(server.federationRequests.at(-1)).toMatchObject({ method: 'POST', status: 405 });
      expect((await requestMock(server, `${FEDERATION_EU}?${query}`)).status).toBe(200);
    } finally {
      server.refuseFederationPost(false);
    }
  });

  it("failFederation: that host's /federation answers the 5xx to every method and action, its /saml and other hosts stay up", async () => {
    const credentials = await freshCredentials();
    server.failFederation(['eu-west-1.signin.aws.amazon.com']);
    try {
      const post = await postForm(FEDERATION_EU, { Action: 'getSigninToken', Session: sessionOf(credentials) });
      expect(post.status).toBe(503);
      expect(post.body).not.toContain(credentials.secretAccessKey);
      expect(server.federationRequests.at(-1)).toMatchObject({ method: 'POST', host: 'eu-west-1.signin.aws.amazon.com', status: 503 });
      expect((await requestMock(server, `${FEDERATION_EU}?${new URLSearchParams({ Action: 'login' })}`)).status).toBe(503);
      expect((await requestMock(server, 'https://eu-west-1.signin.aws.amazon.com/static/saml-metadata.xml')).status).toBe(200);
      const elsewhere = await postForm('https://eu-north-1.signin.aws.amazon.com/federation', { Action: 'getSigninToken', Session: sessionOf(credentials) });
      expect(elsewhere.status).toBe(200);
      expect(server.issuedSigninTokens.at(-1)).toBe(JSON.parse(elsewhere.body).SigninToken);
    } finally {
      server.failFederation([]);
    }
    expect(() => server.failFederation(['eu-west-1.signin.aws.amazon.com'], 404)).toThrow(RangeError);
    expect((await signinToken(credentials)).length).toBeGreaterThan(100);
  });

  it('login by a form POST, as AWS\'s guide also shows it', async () => {
    const credentials = await freshCredentials();
    const token = await signinToken(credentials);
    const res = await postForm(FEDERATION_EU, { Action: 'login', Issuer: 'https://acme.okta.com/', Destination: EU_CONSOLE, SigninToken: token });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(EU_CONSOLE);
    expect(server.federationRequests.at(-1)).toMatchObject({ method: 'POST', action: 'login', status: 302 });
  });

  it('refuses a Session the mock STS did not issue, expired credentials, another partition, a bad SessionDuration', async () => {
    const credentials = await freshCredentials();
    const get = (fields: Record<string, string>, url = FEDERATION_EU) =>
      requestMock(server, `${url}?${new URLSearchParams({ Action: 'getSigninToken', ...fields })}`);
    for (const session of [
      sessionOf({ ...credentials, secretAccessKey: `${credentials.secretAccessKey.slice(0, -1)}A` }),
      sessionOf({ ...credentials, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' }),
      'not json',
      JSON.stringify({ sessionId: credentials.accessKeyId }),
    ]) {
      const res = await get({ Session: session });
      expect(res.status, session).toBe(400);
      expect(res.body.length).toBeLessThan(200);
    }
    expect((await get({})).status).toBe(400);
    for (const duration of ['899', '43201', '1h']) {
      expect((await get({ Session: sessionOf(credentials), SessionDuration: duration })).status, duration).toBe(400);
    }
    expect((await get({ Session: sessionOf(credentials) }, 'https://signin.amazonaws-us-gov.com/federation')).status).toBe(400);
    expect((await get({ Session: sessionOf(credentials) })).status).toBe(200);
    server.ageIssued(3600_000);
    expect((await get({ Session: sessionOf(credentials) })).status).toBe(400);
  });

  it('login: a 302 to the console with a session cookie on the partition\'s parent domain', async () => {
    const credentials = await freshCredentials();
    const token = await signinToken(credentials);
    const res = await requestMock(server, loginUrl(token));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(EU_CONSOLE);
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${CONSOLE_SESSION_COOKIE}=[\\w-]{20,}; Domain=\\.aws\\.amazon\\.com; Path=/; Secure; HttpOnly; SameSite=Lax$`));
    expect(server.consoleSessions.at(-1)).toMatchObject({
      assumedRoleArn: credentials.assumedRoleArn,
      region: 'eu-west-1',
      host: 'eu-west-1.signin.aws.amazon.com',
      destination: EU_CONSOLE,
    });
    expect(server.federationRequests.at(-1)).toMatchObject({ method: 'GET', action: 'login', destination: EU_CONSOLE, status: 302 });
    expect(JSON.stringify(server.federationRequests)).not.toContain(token);
  });

  it('login: a sign-in token is single use, expires after 15 minutes and stays in its partition', async () => {
    const credentials = await freshCredentials();
    const token = await signinToken(credentials);
    expect((await requestMock(server, loginUrl(token))).status).toBe(302);
    expect((await requestMock(server, loginUrl(token))).status).toBe(400);
    expect((await requestMock(server, loginUrl('made-up'))).status).toBe(400);

    const other = await signinToken(credentials);
    // Any sign-in host of the partition takes it.
    expect((await requestMock(server, loginUrl(other, EU_CONSOLE, 'https://signin.aws.amazon.com/federation'))).status).toBe(302);

    const late = await signinToken(credentials);
    server.ageIssued(15 * 60_000 + 1000);
    expect((await requestMock(server, loginUrl(late))).status).toBe(400);

    const gov = await signinToken(credentials);
    const govLogin = loginUrl(gov, 'https://console.amazonaws-us-gov.com/console/home', 'https://signin.amazonaws-us-gov.com/federation');
    expect((await requestMock(server, govLogin)).status).toBe(400);
  });

  it('login: refuses a Destination that is not an https console URL of the partition', async () => {
    const token = await signinToken(await freshCredentials());
    for (const destination of [
      'http://eu-west-1.console.aws.amazon.com/console/home',
      'https://evil.example/console.aws.amazon.com',
      'https://console.aws.amazon.com.evil.example/',
      'https://console.amazonaws-us-gov.com/console/home',
      'https://nowhere-9.console.aws.amazon.com/',
      'https://eu-west-1.console.aws.amazon.com:8443/',
      'not a url',
    ]) {
      expect((await requestMock(server, loginUrl(token, destination))).status, destination).toBe(400);
    }
    // The refusals did not use the token up.
    const ok = await requestMock(server, loginUrl(token, 'https://console.aws.amazon.com/console/home'));
    expect(ok.status).toBe(302);
    // Single use, by either method AWS's guide shows.
    const post = await postForm(FEDERATION_EU, { Action: 'login', SigninToken: token, Destination: EU_CONSOLE });
    expect(post.status).toBe(400);
  });

  it('the console shows who is signed in with the session cookie', async () => {
    const credentials = await freshCredentials();
    const login = await requestMock(server, loginUrl(await signinToken(credentials)));
    const cookie = (login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const withCookie = await requestMock(server, EU_CONSOLE, { headers: { cookie: `other=1; ${cookie}` } });
    expect(withCookie.body).toContain('Mock AWS console, region eu-west-1');
    expect(withCookie.body).toContain(`<p id="console-identity">Signed in as ${credentials.assumedRoleArn}</p>`);
    expect(withCookie.body).toContain(EU_CONSOLE.replace(/&/g, '&#38;'));
    // The cookie's domain covers every console host of the partition, not the others.
    const home = await requestMock(server, 'https://console.aws.amazon.com/console/home', { headers: { cookie } });
    expect(home.body).toContain('Signed in as arn:aws:sts::111122223333:assumed-role/Admin/');
    const gov = await requestMock(server, 'https://console.amazonaws-us-gov.com/console/home', { headers: { cookie } });
    expect(gov.body).toContain('<p id="console-identity">Not signed in</p>');
    const without = await requestMock(server, EU_CONSOLE);
    expect(without.body).toContain('<p id="console-identity">Not signed in</p>');
    const forged = await requestMock(server, EU_CONSOLE, { headers: { cookie: `${CONSOLE_SESSION_COOKIE}=forged` } });
    expect(forged.body).toContain('Not signed in');
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

  it('reaches STS, and the federation login sets a console cookie the browser sends', { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    const sts = await page.goto(STS_EU);
    expect(sts?.status()).toBe(400);
    await expect(page.content()).resolves.toContain('ValidationError');
    const credentials = await freshCredentials('https://sts.eu-central-1.amazonaws.com/');
    await page.goto(loginUrl(await signinToken(credentials)));
    await page.waitForURL(EU_CONSOLE);
    await expect(page.locator('#console-identity').textContent()).resolves.toBe(`Signed in as ${credentials.assumedRoleArn}`);
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
