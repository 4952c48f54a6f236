import { describe, it, expect } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import {
  MAX_SAML_RESPONSE_BYTES,
  SamlResponseError,
  parseSamlResponse,
} from '../../src/core/saml/parse';
import type { SamlResponseErrorReason } from '../../src/core/saml/parse';
import {
  buildSamlResponse,
  buildSamlXml,
  makeRoles,
  toBase64,
  wrapBase64,
} from '../fixtures/assertion-builder';
import type { AssertionOptions } from '../fixtures/assertion-builder';
import { message } from '../../src/core/words/user-message';
import { renderMessage } from '../support/render-message';

const parse = (options?: AssertionOptions) => parseSamlResponse(buildSamlResponse(options));
const parseXml = (xml: string) => parseSamlResponse(toBase64(xml));

function failure(run: () => unknown): SamlResponseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SamlResponseError);
    return error as SamlResponseError;
  }
  throw new Error('expected a SamlResponseError, got a result');
}

function expectRefused(run: () => unknown, reason: SamlResponseErrorReason): SamlResponseError {
  const error = failure(run);
  expect(error.reason).toBe(reason);
  expect(error.name).toBe('SamlResponseError');
  // A sentence the user can act on, not a parser's message.
  expect(renderMessage(error.userMessage)).toMatch(/^[A-Z].*\.$/s);
  return error;
}

const role = (account: string, name: string, partition = 'aws') => ({
  roleArn: `arn:${partition}:iam::${account}:role/${name}`,
  principalArn: `arn:${partition}:iam::${account}:saml-provider/Okta`,
});

describe('parseSamlResponse: what a normal assertion yields', () => {
  it('reads the default Okta-style assertion', () => {
    const notOnOrAfter = new Date('2030-01-01T10:05:00.000Z');
    const notBefore = new Date('2030-01-01T09:55:00.000Z');
    const info = parse({ notOnOrAfter, notBefore });
    expect(info).toEqual({
      recipient: 'https://signin.aws.amazon.com/saml',
      destination: 'https://signin.aws.amazon.com/saml',
      issuer: 'http://www.okta.com/exk1fake',
      notOnOrAfter: '2030-01-01T10:05:00.000Z',
      notBefore: '2030-01-01T09:55:00.000Z',
      sessionDuration: 3600,
      roleSessionName: 'jane.doe@example.com',
      roles: [
        {
          roleArn: 'arn:aws:iam::111122223333:role/ReadOnly',
          principalArn: 'arn:aws:iam::111122223333:saml-provider/Okta',
          accountId: '111122223333',
          roleName: 'ReadOnly',
          partition: 'aws',
          path: '/',
        },
        expect.objectContaining({ roleName: 'Admin', accountId: '111122223333' }),
        expect.objectContaining({ roleName: 'Deploy', accountId: '444455556666', path: '/team/' }),
      ],
      encrypted: false,
      warnings: [],
    });
  });

  it.each([
    ['saml2p/saml2 (Okta)', { protocol: 'saml2p', assertion: 'saml2' }],
    ['samlp/saml (ADFS, Entra ID)', { protocol: 'samlp', assertion: 'saml' }],
    ['default namespaces', 'default' as const],
    ['a default protocol namespace with a prefixed assertion', { protocol: '', assertion: 'a' }],
    ['made-up prefixes', { protocol: 'p', assertion: 'x' }],
  ])('matches elements by namespace, whatever the prefix: %s', (_, prefix) => {
    const info = parse({ prefix });
    expect(info.roles.map((r) => r.roleName)).toEqual(['ReadOnly', 'Admin', 'Deploy']);
    expect(info.roleSessionName).toBe('jane.doe@example.com');
    expect(info.sessionDuration).toBe(3600);
    expect(info.issuer).toBe('http://www.okta.com/exk1fake');
    expect(info.warnings).toEqual([]);
  });

  it('reads values with or without xsi:type', () => {
    expect(parse({ xsiType: false }).roles).toEqual(parse({ xsiType: true }).roles);
  });

  it('reads role values in either order', () => {
    const providerFirst = parse({ providerFirst: true }).roles;
    expect(providerFirst).toHaveLength(3);
    expect(parse({ providerFirst: false }).roles).toEqual(providerFirst);
  });

  it('tolerates whitespace around the parts and the value', () => {
    const { roleArn, principalArn } = role('777788889999', 'Spacey');
    const info = parse({
      roles: [],
      extraRoleValues: [`\n   ${principalArn} ,\t${roleArn}  \r\n`, `${roleArn}  ,  ${principalArn}`],
    });
    expect(info.roles.map((r) => r.roleArn)).toEqual([roleArn]);
    expect(info.warnings).toEqual([message('samlSkippedDuplicate', { arn: roleArn })]);
  });

  it('drops empty parts around the pair, as in Google Workspace\'s trailing comma', () => {
    const { roleArn, principalArn } = role('777788889999', 'Trailing');
    const values = [
      `${roleArn},${principalArn},`,
      `${roleArn},${principalArn},\n\t, `,
      `,${roleArn},${principalArn}`,
      `${principalArn},,${roleArn}`,
      ` , ${principalArn},\t,${roleArn},`,
    ];
    for (const value of values) {
      const info = parse({ roles: [], extraRoleValues: [value] });
      expect(info.roles.map((r) => [r.roleArn, r.principalArn]), value).toEqual([[roleArn, principalArn]]);
      expect(info.warnings).toEqual([]);
    }
  });

  it('reads a value exactly before dropping empty parts: a role name may end in a comma', () => {
    const provider = 'arn:aws:iam::111122223333:saml-provider/Okta';
    const info = parse({ roles: [], extraRoleValues: [`arn:aws:iam::111122223333:role/a,,${provider}`, `${provider},arn:aws:iam::111122223333:role/,`] });
    expect(info.roles.map((r) => r.roleName)).toEqual(['a,', ',']);
  });

  it('keeps role paths and names the role by its last segment', () => {
    const info = parse({ roles: [role('111122223333', 'a/b/c/Deep'), role('111122223333', 'Flat')] });
    expect(info.roles.map(({ roleName, path }) => ({ roleName, path }))).toEqual([
      { roleName: 'Deep', path: '/a/b/c/' },
      { roleName: 'Flat', path: '/' },
    ]);
  });

  it('reads role names with commas (IAM allows them; provider names cannot have one)', () => {
    const comma = role('111122223333', 'ops,oncall/a,b');
    expect(parse({ roles: [comma], providerFirst: true }).roles[0]).toMatchObject({ roleName: 'a,b', path: '/ops,oncall/' });
    expect(parse({ roles: [comma], providerFirst: false }).roles[0]).toMatchObject({ roleName: 'a,b', path: '/ops,oncall/' });
  });

  it.each(['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc'])('reads roles of partition %s', (partition) => {
    const info = parse({ roles: [role('111122223333', 'Admin', partition)] });
    expect(info.roles).toEqual([expect.objectContaining({ partition, roleName: 'Admin' })]);
    expect(info.warnings).toEqual([]);
  });

  it('keeps 800 roles in assertion order', () => {
    const roles = makeRoles(800, { accounts: 200 });
    const info = parse({ roles });
    expect(info.roles.map((r) => [r.roleArn, r.principalArn])).toEqual(roles.map((r) => [r.roleArn, r.principalArn]));
    expect(new Set(info.roles.map((r) => r.accountId)).size).toBe(200);
  });

  it('reads text beyond ASCII as UTF-8', () => {
    expect(parse({ issuer: 'https://idp.example.com/Zürich/東京' }).issuer).toBe('https://idp.example.com/Zürich/東京');
  });
});

describe('parseSamlResponse: role values it skips, and says so', () => {
  const good = role('111122223333', 'Admin');
  const cases: Array<[string, string, RegExp]> = [
    ['a role without its provider', good.roleArn, /not a role ARN and a SAML provider ARN/],
    ['a provider without a role', good.principalArn, /not a role ARN and a SAML provider ARN/],
    ['two roles', `${good.roleArn},${good.roleArn}`, /not a role ARN and a SAML provider ARN/],
    ['two providers', `${good.principalArn},${good.principalArn}`, /not a role ARN and a SAML provider ARN/],
    ['three parts', `${good.roleArn},${good.principalArn},${good.principalArn}`, /not a role ARN/],
    ['an empty value', '', /not a role ARN/],
    ['a semicolon instead of a comma', `${good.roleArn};${good.principalArn}`, /not a role ARN/],
    ['a malformed account', 'arn:aws:iam::1234:role/Admin,arn:aws:iam::1234:saml-provider/Okta', /not a role ARN.*the account ID "1234" does not have 12 digits\)\.$/],
    ['a short account, provider first', 'arn:aws:iam::1:saml-provider/OktaIDP,arn:aws:iam::1:role/Role-One', /account ID "1" does not/],
    ['a short account in the provider only', 'arn:aws:iam::111122223333:role/Admin,arn:aws:iam::11112222333:saml-provider/Okta', /account ID "11112222333" does not/],
    ['only commas', ' , ,, ', /comma\.$/],
    [
      'a role and provider in different partitions',
      'arn:aws:iam::111122223333:role/Admin,arn:aws-cn:iam::111122223333:saml-provider/Okta',
      /partition aws but the SAML provider in aws-cn/,
    ],
  ];

  it.each(cases)('skips %s', (_, value, warning) => {
    const info = parse({ roles: [role('444455556666', 'Kept')], extraRoleValues: [value] });
    expect(info.roles.map((r) => r.roleName)).toEqual(['Kept']);
    expect(info.warnings).toHaveLength(1);
    expect(renderMessage(info.warnings[0]!)).toMatch(warning);
  });

  it('skips duplicates and keeps the first', () => {
    const info = parse({ roles: [good, role('444455556666', 'Other'), good] });
    expect(info.roles.map((r) => r.roleName)).toEqual(['Admin', 'Other']);
    expect(info.warnings).toEqual([message('samlSkippedDuplicate', { arn: good.roleArn })]);
  });

  it('lists the first twenty skipped values and counts the rest', () => {
    const info = parse({ roles: [good], extraRoleValues: Array.from({ length: 50 }, (_, i) => `junk-${i}`) });
    expect(info.roles).toHaveLength(1);
    expect(info.warnings).toHaveLength(21);
    expect(info.warnings[20]).toEqual(message('samlMoreSkipped', { count: 30 }));
  });

  it('clips long values in warnings', () => {
    const info = parse({ roles: [], extraRoleValues: ['x'.repeat(10_000)] });
    expect(renderMessage(info.warnings[0]!).length).toBeLessThan(300);
  });
});

describe('parseSamlResponse: times, recipient and session attributes', () => {
  const early = new Date('2030-01-01T10:01:00.000Z');
  const late = new Date('2030-01-01T10:05:00.000Z');

  it('takes the earliest NotOnOrAfter, whichever element holds it', () => {
    expect(parse({ notOnOrAfter: early, conditionsNotOnOrAfter: late }).notOnOrAfter).toBe(early.toISOString());
    expect(parse({ notOnOrAfter: late, conditionsNotOnOrAfter: early }).notOnOrAfter).toBe(early.toISOString());
    expect(parse({ notOnOrAfter: late, conditionsNotOnOrAfter: null }).notOnOrAfter).toBe(late.toISOString());
  });

  it('normalises other time forms to ISO, and warns about unreadable ones', () => {
    const xml = buildSamlXml({ notOnOrAfter: late, conditionsNotOnOrAfter: early })
      .replace(`NotOnOrAfter="${early.toISOString()}"`, 'NotOnOrAfter="2030-01-01T10:00:30.1234567Z"')
      .replace(`NotOnOrAfter="${late.toISOString()}"`, 'NotOnOrAfter="soon"');
    const info = parseXml(xml);
    expect(info.notOnOrAfter).toBe('2030-01-01T10:00:30.123Z');
    expect(info.warnings).toEqual([message('samlBadTime', { attribute: 'SubjectConfirmationData NotOnOrAfter', value: 'soon' })]);
  });

  it('reads a time without a zone as UTC, as SAML requires', () => {
    const xml = buildSamlXml({ notBefore: early }).replace(early.toISOString(), '2030-01-01T10:01:00');
    expect(parseXml(xml).notBefore).toBe('2030-01-01T10:01:00.000Z');
  });

  it('takes the Recipient of the subject confirmation, else the Destination', () => {
    const regional = 'https://eu-west-1.signin.aws.amazon.com/saml';
    const global = 'https://signin.aws.amazon.com/saml';
    expect(parse({ recipient: regional, destination: global })).toMatchObject({ recipient: regional, destination: global });
    expect(parse({ recipient: null, destination: regional })).toMatchObject({ recipient: regional, destination: regional });
    expect(parse({ recipient: null, destination: null })).toMatchObject({ recipient: undefined, destination: undefined });
  });

  it('reads SessionDuration as whole seconds', () => {
    expect(parse({ sessionDuration: 43_200 }).sessionDuration).toBe(43_200);
    expect(parse({ sessionDuration: ' 7200 ' }).sessionDuration).toBe(7200);
    expect(parse({ sessionDuration: null })).toMatchObject({ sessionDuration: undefined, warnings: [] });
  });

  it.each(['an hour', '3600.5', '-900', '', '1e4', '99999999999'])('ignores SessionDuration %j with a warning', (value) => {
    const info = parse({ sessionDuration: value });
    expect(info.sessionDuration).toBeUndefined();
    expect(info.warnings).toHaveLength(1);
    expect(renderMessage(info.warnings[0]!)).toMatch(/SessionDuration/);
  });

  it('keeps a SessionDuration outside what AWS accepts, with a warning', () => {
    const info = parse({ sessionDuration: 60 });
    expect(info.sessionDuration).toBe(60);
    expect(info.warnings).toEqual([message('samlSessionDurationOutOfRange', { seconds: 60, min: 900, max: 43200 })]);
  });

  it('reads RoleSessionName and warns when AWS would refuse it', () => {
    expect(parse({ roleSessionName: null }).roleSessionName).toBeUndefined();
    const info = parse({ roleSessionName: 'Jane Doe' });
    expect(info.roleSessionName).toBe('Jane Doe');
    expect(renderMessage(info.warnings[0]!)).toMatch(/RoleSessionName "Jane Doe"/);
  });
});

describe('parseSamlResponse: responses it can only partly read', () => {
  it('reports an encrypted assertion without failing', () => {
    const info = parse({ encrypted: true, destination: 'https://signin.aws.amazon.com/saml/acs/SAMLSPFAKE', recipient: null });
    expect(info).toEqual({
      recipient: 'https://signin.aws.amazon.com/saml/acs/SAMLSPFAKE',
      destination: 'https://signin.aws.amazon.com/saml/acs/SAMLSPFAKE',
      issuer: 'http://www.okta.com/exk1fake',
      notOnOrAfter: undefined,
      notBefore: undefined,
      sessionDuration: undefined,
      roleSessionName: undefined,
      roles: [],
      encrypted: true,
      warnings: [],
    });
  });

  it('flags a response with several assertions, and keys on the first Assertion\'s Issuer', () => {
    const xml = buildSamlXml({ issuer: 'http://www.okta.com/exk1real' });
    const assertion = /<saml2:Assertion .*<\/saml2:Assertion>/s.exec(xml)![0];
    const other = assertion.replace('http://www.okta.com/exk1real', 'http://evil.example/idp');
    // A Response-level Issuer that differs: the Assertion's is the one AWS trusts.
    const doubled = xml
      .replace(assertion, `${assertion}${other}`)
      .replace(/(<saml2p:Response[^>]*>)/, '$1<saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion">http://response.example/</saml2:Issuer>');
    const info = parseXml(doubled);
    expect(info.multipleAssertions).toBe(true);
    expect(info.issuer).toBe('http://www.okta.com/exk1real');
    expect(info.warnings).toContainEqual(message('samlSeveralAssertions'));
    expect(parseXml(xml).multipleAssertions).toBeUndefined();
  });

  it('warns when a successful response holds no assertion', () => {
    const xml = buildSamlXml().replace(/<saml2:Assertion .*<\/saml2:Assertion>/s, '');
    expect(parseXml(xml)).toMatchObject({ roles: [], encrypted: false, warnings: [message('samlNoAssertion')] });
  });
});

describe('parseSamlResponse: input it refuses', () => {
  it('refuses a failed status and names it', () => {
    const error = expectRefused(() => parse({ status: 'urn:oasis:names:tc:SAML:2.0:status:Responder' }), 'status');
    expect(error.userMessage).toEqual(message('samlIdpStatus', { status: 'Responder' }));
    expect(renderMessage(error.userMessage)).toContain('status Responder');
  });

  it('names the second-level status and the message too', () => {
    const xml = buildSamlXml({ status: 'urn:oasis:names:tc:SAML:2.0:status:Responder' }).replace(
      /<saml2p:StatusCode Value="([^"]+)"\/>/,
      '<saml2p:StatusCode Value="$1"><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:RequestDenied"/></saml2p:StatusCode><saml2p:StatusMessage>User not assigned</saml2p:StatusMessage>',
    );
    const error = expectRefused(() => parseXml(xml), 'status');
    expect(renderMessage(error.userMessage)).toContain('Responder / RequestDenied: User not assigned');
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE r [<!ENTITY a "x">]>'],
    ['a lower-case doctype', '<!doctype html>'],
    ['an external entity', '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'],
    ['billion laughs', `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`],
  ])('refuses %s before parsing', (_, declaration) => {
    const xml = buildSamlXml().replace('?>', `?>${declaration}`);
    expectRefused(() => parseXml(xml), 'doctype');
  });

  it('refuses an ENTITY declaration anywhere, even inside a comment', () => {
    const xml = buildSamlXml().replace('</saml2p:Response>', '<!-- <!ENTITY y "z"> --></saml2p:Response>');
    expectRefused(() => parseXml(xml), 'doctype');
  });

  it('refuses more than 2 MiB quickly, before decoding', () => {
    const huge = 'A'.repeat(MAX_SAML_RESPONSE_BYTES + 4);
    expectRefused(() => parseSamlResponse(huge), 'too-large');
    expectRefused(() => parseSamlResponse('A'.repeat(50 * 1024 * 1024)), 'too-large');
  });

  it('allows line wrapping on top of a response just under the cap', () => {
    const underCap = 'QUFB'.repeat(MAX_SAML_RESPONSE_BYTES / 4); // decodes to 1.5 MiB of "A": not XML
    expectRefused(() => parseSamlResponse(wrapBase64(underCap)), 'not-xml');
    expectRefused(() => parseSamlResponse(wrapBase64(`${underCap}QUFB`)), 'too-large');
  });

  // How fast it is refused is measured by `npm run fuzz` (a limit there), not bounded here: a busy
  // machine must not fail a test that checks behaviour.
  it('refuses absurdly deep nesting before parsing (xmldom takes seconds on it)', () => {
    expectRefused(() => parseXml('<a>'.repeat(400_000)), 'not-saml');
    const inValue = buildSamlXml().replace('jane.doe@example.com<', `${'<b>'.repeat(50_000)}${'</b>'.repeat(50_000)}<`);
    expectRefused(() => parseXml(inValue), 'not-saml');
  });

  it('does not count tags inside comments, CDATA or processing instructions as nesting', () => {
    const tags = '<a>'.repeat(500);
    const xml = buildSamlXml().replace(
      '</saml2p:Response>',
      `<!-- ${tags} --><?note ${tags}?><saml2p:Extensions><![CDATA[${tags}]]></saml2p:Extensions></saml2p:Response>`,
    );
    expect(parseXml(xml).roles).toHaveLength(3);
  });

  it('reads CRLF-wrapped base64 (and other ASCII whitespace)', () => {
    const wrapped = buildSamlResponse({ wrapLines: true });
    expect(wrapped).toContain('\r\n');
    expect(parseSamlResponse(wrapped).roles).toHaveLength(3);
    expect(parseSamlResponse(` \t${wrapped.replace(/\r\n/g, '\n ')}\n`).roles).toHaveLength(3);
  });

  it('reads base64 without its padding, as atob does', () => {
    let xml = buildSamlXml();
    while (xml.length % 3 === 0) xml += '\n';
    const base64 = toBase64(xml);
    expect(base64).toMatch(/=$/);
    expect(parseSamlResponse(base64.replace(/=+$/, '')).roles).toHaveLength(3);
  });

  it.each([
    ['URL-safe base64', () => buildSamlResponse().replace(/\+/g, '-').replace(/\//g, '_')],
    ['percent-encoded base64', () => encodeURIComponent(buildSamlResponse())],
    ['plain XML', () => buildSamlXml()],
    ['a stray character', () => `${buildSamlResponse()}!`],
    ['data after the padding', () => `${buildSamlResponse()}==QQ`],
    ['a bad length', () => 'QUJDR'],
    ['padding alone', () => '===='],
  ])('refuses %s as not base64', (_, input) => {
    const base64 = input();
    expectRefused(() => parseSamlResponse(base64), 'not-base64');
  });

  it.each(['', '   \r\n'])('refuses empty input %j', (input) => {
    expectRefused(() => parseSamlResponse(input), 'empty');
  });

  it('refuses a non-string without throwing anything else', () => {
    expectRefused(() => parseSamlResponse(undefined as unknown as string), 'empty');
  });

  it.each([
    ['bytes that are not UTF-8', btoa('<\xff\xfe\x00garbage')],
    ['text', toBase64('hello, world')],
    ['HTML soup', toBase64('<html><body><p>unclosed</body>')],
    ['truncated XML', toBase64(buildSamlXml().slice(0, 2000))],
    ['two roots', toBase64('<a/><b/>')],
    ['an end tag followed by junk', toBase64(buildSamlXml().replace('</saml2p:Response>', '</saml2p:Response\nx>'))],
  ])('refuses %s as not XML', (_, input) => {
    expectRefused(() => parseSamlResponse(input), 'not-xml');
  });

  it.each([
    ['an HTML page', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'],
    ['an AuthnRequest', '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>'],
    ['a Response without namespace', '<Response><Status/></Response>'],
    ['a Response in the assertion namespace', '<Response xmlns="urn:oasis:names:tc:SAML:2.0:assertion"/>'],
    ['a bare Assertion', buildSamlXml().replace(/^.*(<saml2:Assertion .*<\/saml2:Assertion>).*$/s, '$1')],
  ])('refuses %s as not SAML', (_, xml) => {
    expectRefused(() => parseXml(xml), 'not-saml');
  });

  it('says when the Response is outside the SAML protocol namespace, and which one it is in', () => {
    expect(renderMessage(expectRefused(() => parseXml('<Response><Status/></Response>'), 'not-saml').userMessage)).toMatch(
      /^This sign-in data has a <Response> in no namespace instead of the SAML 2\.0 protocol namespace/,
    );
    expect(renderMessage(expectRefused(() => parseXml('<Response xmlns="urn:oasis:names:tc:SAML:2.0:assertion"/>'), 'not-saml').userMessage)).toContain(
      'in the namespace urn:oasis:names:tc:SAML:2.0:assertion instead',
    );
  });

  it.each([
    ['SOAP 1.1', 'http://schemas.xmlsoap.org/soap/envelope/'],
    ['SOAP 1.2', 'http://www.w3.org/2003/05/soap-envelope'],
  ])('says a %s envelope (ECP) is not what a browser posts, even with a Response inside', (_, ns) => {
    const inner = buildSamlXml().replace(/^<\?xml[^>]*\?>/, '');
    const error = expectRefused(() => parseXml(`<s:Envelope xmlns:s="${ns}"><s:Body>${inner}</s:Body></s:Envelope>`), 'not-saml');
    expect(renderMessage(error.userMessage)).toMatch(/^This sign-in data is a SOAP message/);
  });

  it('says XML that is not well-formed is not well-formed, whichever parser found out', () => {
    const unbound = buildSamlXml().replace('</saml2p:Response>', '<undeclared:x/></saml2p:Response>');
    expect(renderMessage(expectRefused(() => parseXml(unbound), 'not-xml').userMessage)).toMatch(/^This sign-in data decodes to XML that is not well-formed/);
    const firefoxLike = () => new DOMParser().parseFromString('<parsererror xmlns="http://www.mozilla.org/newlayout/xml/parsererror.xml"/>', 'text/xml') as unknown as Document;
    const error = expectRefused(() => parseSamlResponse(buildSamlResponse(), { parseXml: firefoxLike }), 'not-xml');
    expect(renderMessage(error.userMessage)).toMatch(/^This sign-in data decodes to XML that is not well-formed/);
  });
});

describe('parseSamlResponse: another XML parser (the picker passes the native one)', () => {
  it('uses the parser it is given', () => {
    let calls = 0;
    const info = parseSamlResponse(buildSamlResponse(), {
      parseXml: (xml) => {
        calls++;
        return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
      },
    });
    expect(calls).toBe(1);
    expect(info.roles).toHaveLength(3);
  });

  it('treats a browser-style <parsererror> document as not XML', () => {
    const asBrowser = (xml: string) => () =>
      parseSamlResponse(buildSamlResponse(), {
        parseXml: () => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document,
      });
    // Chromium puts the error inside the partial document; Firefox makes it the root.
    expectRefused(
      asBrowser('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><parsererror xmlns="http://www.w3.org/1999/xhtml">bad</parsererror></samlp:Response>'),
      'not-xml',
    );
    expectRefused(
      asBrowser('<parsererror xmlns="http://www.mozilla.org/newlayout/xml/parsererror.xml">bad</parsererror>'),
      'not-xml',
    );
  });

  it('wraps whatever the given parser throws', () => {
    const error = expectRefused(
      () => parseSamlResponse(buildSamlResponse(), { parseXml: () => { throw new TypeError('boom'); } }),
      'not-xml',
    );
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('the decoder entry', () => {
  it('is importable from src/core/saml, as scripts and tools outside the extension import it', async () => {
    const saml = await import('../../src/core/saml');
    expect(typeof saml.parseSamlResponse).toBe('function');
  });
});
