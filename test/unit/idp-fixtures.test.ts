// Real identity providers' responses, written by other projects' authors (../shared/fixtures/README.md),
// decoded as the extension meets them: the SAMLResponse field exactly as the browser posts it, through
// xmldom (service worker) and through a DOMParser that behaves like the browser's (the picker). What
// AWS would offer is written out by hand from reading each file, not computed by the decoder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { rankRoles } from '../../src/core/roles/ranking';
import { layoutSections } from '../../src/core/roles/sections';
import { SamlResponseError, decodeSamlResponse, parseSamlResponse } from '../../src/core/saml/parse';
import type { SamlAssertionInfo, SamlResponseErrorReason } from '../../src/core/saml/parse';
import {
  IDP_FIXTURES_DIR,
  decodeHtmlEntities,
  idpFixtureNames,
  oktaAttributeEscape,
  readIdpFixture,
  withFreshTimestamps,
} from '../support/mock-server';
import { renderMessage } from '../support/render-message';

const GLOBAL_ACS = 'https://signin.aws.amazon.com/saml';

/** `[account, role name, provider name]`, in assertion order; ARNs are written out from these. */
type Role = [account: string, roleName: string, provider: string];

type Expected =
  | { roles: Role[]; notOnOrAfter: string; roleSessionName: string; sessionDuration?: number; warnings?: RegExp[] }
  | { error: SamlResponseErrorReason; message: RegExp };

const NOT_WELL_FORMED = /^This sign-in data decodes to XML that is not well-formed, so AWS would refuse it too\./;
const GOOGLE: Role[] = [
  ['123456789012', 'admin', 'GoogleApps'],
  ['123456789012', 'read-only', 'GoogleApps'],
  ['123456789012', 'test', 'GoogleApps'],
];
const NETIQ_ACCOUNTS = { a: '863369430055', b: '169267451285', c: '401252830686' } as const;

const EXPECTED: Record<string, Expected> = {
  // Role first, provider second.
  'awsgoogleauth_google_valid.xml': {
    roles: GOOGLE,
    notOnOrAfter: '2017-07-24T10:36:41.125Z',
    roleSessionName: 'first.last@example.com',
    sessionDuration: 28800,
  },
  // The same with `role,provider,` in every value: the empty part after the provider carries nothing.
  'awsgoogleauth_google_trailing_comma.xml': {
    roles: GOOGLE,
    notOnOrAfter: '2017-07-24T10:36:41.125Z',
    roleSessionName: 'first.last@example.com',
    sessionDuration: 28800,
  },
  // Account IDs "1" and "2": no valid role ARN, so AWS has nothing to offer either.
  'awsoktaprocessor_okta_SAML_RESPONSE.html': {
    roles: [],
    notOnOrAfter: '2018-08-25T03:20:40.422Z',
    roleSessionName: 'user@organization.com',
    sessionDuration: 3600,
    warnings: [
      /^Skipped the role value "arn:aws:iam::1:saml-provider\/OktaIDP,arn:aws:iam::1:role\/Role-One": .* \(the account ID "1" does not have 12 digits\)\.$/,
      /"arn:aws:iam::1:saml-provider\/OktaIDP,arn:aws:iam::1:role\/Role-Two".*"1" does not have 12 digits/,
      /"arn:aws:iam::2:saml-provider\/OktaIDP,arn:aws:iam::2:role\/Role-One".*"2" does not have 12 digits/,
    ],
  },
  // Okta Identity Engine: pretty-printed XML (values padded with newlines and spaces), provider first,
  // periods in role names, base64 without its padding.
  'gimme_okta_oie_appForm.html': {
    roles: [
      ['123456789012', 'SSO.AdminRole', 'Okta'],
      ['123456789012', 'SSO.ReadOnlyRole', 'Okta'],
    ],
    notOnOrAfter: '2023-03-29T17:52:56.177Z',
    roleSessionName: 'test@example.com',
    sessionDuration: 7200,
  },
  // Okta classic, provider first; the second account's roles come after the first's.
  'gimme_okta_resolver_saml.b64': {
    roles: [
      ['987654321987', 'testrole3', 'OKTA-IDP'],
      ['987654321987', 'testrole4', 'OKTA-IDP'],
      ['987654321987', 'testrole5', 'OKTA-IDP'],
      ['012345678901', 'testrole1', 'OKTA-IDP'],
      ['012345678901', 'testrole2', 'OKTA-IDP'],
    ],
    notOnOrAfter: '2018-03-14T22:23:41.839Z',
    roleSessionName: 'john.doe@mycorp.com',
    sessionDuration: 3600,
  },
  // Entra ID: the AWS Role attribute (Microsoft's own role claim beside it is not AWS's).
  'saml2aws_aad_SAMLResponse.xml': {
    roles: [
      ['012345678901', 'example_role', 'EXAMPLE_PROVIDER'],
      ['123456789012', 'example_role', 'EXAMPLE_PROVIDER'],
    ],
    notOnOrAfter: '2020-01-01T00:00:00.000Z',
    roleSessionName: 'exampleuser@exampledomain.com',
  },
  // The form's field holds two Response documents one after the other: one XML document has one root.
  'saml2aws_aad_autopost_form.html': { error: 'not-xml', message: NOT_WELL_FORMED },
  // `<saml2:Attribute>` with the prefix saml2 declared nowhere.
  'saml2aws_adfs_assertion.xml': { error: 'not-xml', message: NOT_WELL_FORMED },
  // NetIQ: one account's roles spread over the list (169267451285's read-only role comes last).
  'saml2aws_netiq_autopost_form.html': {
    roles: [
      [NETIQ_ACCOUNTS.a, 'wbc-admin', 'westpacidp'],
      [NETIQ_ACCOUNTS.a, 'wbc-engineer', 'westpacidp'],
      [NETIQ_ACCOUNTS.a, 'wbc-manager', 'westpacidp'],
      [NETIQ_ACCOUNTS.a, 'wbc-viewonly', 'westpacidp'],
      [NETIQ_ACCOUNTS.a, 'wbc-readonly', 'westpacidp'],
      [NETIQ_ACCOUNTS.b, 'wbc-admin', 'westpacidp'],
      [NETIQ_ACCOUNTS.b, 'wbc-engineer', 'westpacidp'],
      [NETIQ_ACCOUNTS.b, 'wbc-viewonly', 'westpacidp'],
      [NETIQ_ACCOUNTS.c, 'wbc-admin', 'westpacidp'],
      [NETIQ_ACCOUNTS.c, 'wbc-engineer', 'westpacidp'],
      [NETIQ_ACCOUNTS.c, 'wbc-viewonly', 'westpacidp'],
      [NETIQ_ACCOUNTS.c, 'wbc-readonly', 'westpacidp'],
      [NETIQ_ACCOUNTS.b, 'wbc-readonly', 'westpacidp'],
    ],
    notOnOrAfter: '2020-03-05T02:10:18.000Z',
    roleSessionName: 'L122893',
  },
  // `<Response>` with only xmlns:samlp declared, so the Response itself is in no namespace.
  'saml2aws_pingfed_assertion.xml': {
    error: 'not-saml',
    message: /^This sign-in data has a <Response> in no namespace instead of the SAML 2\.0 protocol namespace \(urn:oasis:names:tc:SAML:2\.0:protocol\), so AWS would not read it as a SAML response\./,
  },
  // What Shibboleth's ECP profile answers a command-line client, not what a browser posts.
  'saml2aws_shibboleth_ecp_soap.xml': {
    error: 'not-saml',
    message: /^This sign-in data is a SOAP message \(the ECP profile that command-line tools use\), not the bare SAML response a browser posts to AWS/,
  },
};

/**
 * Stands in for the page's DOMParser, which never throws: on bad XML it returns a document holding
 * a <parsererror> (Firefox's shape; Chromium's is tested in saml.test.ts and, for real, in e2e).
 */
function browserLikeParse(xml: string): Document {
  const parse = (text: string) =>
    new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(message); } })
      .parseFromString(text, 'text/xml') as unknown as Document;
  try {
    return parse(xml);
  } catch {
    return parse('<parsererror xmlns="http://www.mozilla.org/newlayout/xml/parsererror.xml">XML Parsing Error</parsererror>');
  }
}

type Outcome = { info: SamlAssertionInfo } | { reason: SamlResponseErrorReason; message: string };

function outcome(decode: () => SamlAssertionInfo): Outcome {
  try {
    return { info: decode() };
  } catch (error) {
    if (!(error instanceof SamlResponseError)) throw error;
    // The words the picker shows, from the real messages.json.
    return { reason: error.reason, message: renderMessage(error.userMessage) };
  }
}

const roleArn = ([account, name]: Role) => `arn:aws:iam::${account}:role/${name}`;
const providerArn = ([account, , provider]: Role) => `arn:aws:iam::${account}:saml-provider/${provider}`;

describe('real IdP responses: the fixtures this file covers', () => {
  it('has an expectation for every fixture, and a fixture for every expectation', () => {
    expect(idpFixtureNames()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
  const field = () => readIdpFixture(name).samlResponse;
  const viaXmldom = () => outcome(() => parseSamlResponse(field()));
  const viaBrowserLike = () => outcome(() => decodeSamlResponse(field(), browserLikeParse));

  it('decodes the same through xmldom and a browser-like DOMParser', () => {
    expect(viaBrowserLike()).toEqual(viaXmldom());
  });

  if ('error' in expected) {
    it(`is refused as ${expected.error}, with a sentence that says why`, () => {
      for (const result of [viaXmldom(), viaBrowserLike()]) {
        expect(result).toEqual({ reason: expected.error, message: expect.stringMatching(expected.message) });
        if ('message' in result) expect(result.message).toMatch(/^[A-Z].*\.$/s);
      }
    });
    return;
  }

  it(`offers ${expected.roles.length} roles, as AWS would`, () => {
    for (const result of [viaXmldom(), viaBrowserLike()]) {
      if (!('info' in result)) throw new Error(`refused: ${result.message}`);
      const { info } = result;
      expect(info.roles.map((r) => [r.roleArn, r.principalArn])).toEqual(expected.roles.map((r) => [roleArn(r), providerArn(r)]));
      expect(info.roles.map((r) => [r.accountId, r.roleName, r.path, r.partition])).toEqual(
        expected.roles.map(([account, roleName]) => [account, roleName, '/', 'aws']),
      );
      expect(info).toMatchObject({
        recipient: GLOBAL_ACS,
        destination: GLOBAL_ACS,
        notOnOrAfter: expected.notOnOrAfter,
        roleSessionName: expected.roleSessionName,
        sessionDuration: expected.sessionDuration,
        encrypted: false,
      });
      expect(info.warnings.map((w) => renderMessage(w))).toEqual((expected.warnings ?? []).map((w) => expect.stringMatching(w)));
    }
  });
});

describe('real IdP responses: the field as the browser posts it', () => {
  it('takes an HTML form\'s field from its value attribute, entities decoded as the browser does', () => {
    const html = readFileSync(join(IDP_FIXTURES_DIR, 'gimme_okta_oie_appForm.html'), 'utf8');
    // Okta writes every attribute with hex entities; the browser decodes them before posting.
    const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
    expect(action).toBe('https&#x3a;&#x2f;&#x2f;signin.aws.amazon.com&#x2f;saml');
    expect(decodeHtmlEntities(action!)).toBe(GLOBAL_ACS);
    expect(decodeHtmlEntities('a&#61;&#x3D;&#x2b;b&amp;&quot;&#0;')).toBe('a==+b&"\ufffd');
    expect(() => decodeHtmlEntities('&bogus;')).toThrow(/unknown entity/);
  });

  it.each(idpFixtureNames().filter((n) => n.endsWith('.html')))('reads %s the same whether its page escapes every character or none', (name) => {
    const { samlResponse } = readIdpFixture(name);
    expect(samlResponse).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const escaped = oktaAttributeEscape(samlResponse);
    expect(escaped).not.toBe(samlResponse);
    expect(decodeHtmlEntities(escaped)).toBe(samlResponse);
  });

  it('keeps base64 without its padding, as the Okta Identity Engine page posts it', () => {
    const { samlResponse } = readIdpFixture('gimme_okta_oie_appForm.html');
    expect(samlResponse.length % 4).not.toBe(0);
    expect(samlResponse).not.toMatch(/=$/);
  });
});

describe('real IdP responses in the picker', () => {
  it('groups one account\'s roles together even when the assertion spreads them out (NetIQ)', () => {
    const { roles } = parseSamlResponse(readIdpFixture('saml2aws_netiq_autopost_form.html').samlResponse);
    const sections = layoutSections(rankRoles(roles, '', {}), '', [], []);
    // One section per account, each holding all of that account's roles (the ranking orders accounts).
    expect(sections.map((s) => [s.kind, s.accountId, s.rows.length])).toEqual([
      ['account', NETIQ_ACCOUNTS.b, 4],
      ['account', NETIQ_ACCOUNTS.c, 4],
      ['account', NETIQ_ACCOUNTS.a, 5],
    ]);
    for (const section of sections) expect(new Set(section.rows.map((r) => r.role.accountId))).toEqual(new Set([section.accountId]));
    expect(sections[0]!.rows.map((r) => r.role.roleName)).toContain('wbc-readonly');
  });

  it.each(['gimme_okta_oie_appForm.html', 'saml2aws_netiq_autopost_form.html'])(
    'moves only the timestamps of %s for a sign-in test (mock Okta, fresh=1)',
    (name) => {
      const { samlResponse } = readIdpFixture(name);
      const now = new Date('2031-05-06T07:08:09.010Z');
      const fresh = withFreshTimestamps(samlResponse, now);
      expect(/=$/.test(fresh)).toBe(/=$/.test(samlResponse));
      const before = atob(samlResponse);
      const after = atob(fresh);
      const timestamps = /\b(NotBefore|NotOnOrAfter|IssueInstant)="[^"]*"/g;
      expect(after.replace(timestamps, '$1=""')).toBe(before.replace(timestamps, '$1=""'));
      expect(after).toContain('IssueInstant="2031-05-06T07:08:09');

      const original = parseSamlResponse(samlResponse);
      const moved = parseSamlResponse(fresh);
      expect(moved.roles).toEqual(original.roles);
      // Valid for as long as the IdP made it: five minutes from the issue.
      expect(Date.parse(moved.notOnOrAfter!) - now.getTime()).toBeGreaterThan(299_000);
      expect(Date.parse(moved.notOnOrAfter!) - now.getTime()).toBeLessThanOrEqual(301_000);
      expect(Date.parse(moved.notOnOrAfter!) - Date.parse(moved.notBefore!)).toBe(
        Date.parse(original.notOnOrAfter!) - Date.parse(original.notBefore!),
      );
    },
  );
});
