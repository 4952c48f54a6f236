import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { stsEndpoint } from '../../src/core/aws/endpoints';
import { parseWithXmldom } from '../../src/core/saml/parse';
import {
  buildAssumeRoleWithSaml,
  explainStsError,
  isMaxSessionDurationError,
  isRegionalFailure,
  readStsResponse,
  stsDurationSeconds,
  type StsErrorCode,
} from '../../src/core/signin/sts';
import { renderMessage } from '../support/render-message';

const EU = stsEndpoint('aws', 'eu-west-1')!;
const ROLE = 'arn:aws:iam::444455556666:role/team/Deploy';
const PROVIDER = 'arn:aws:iam::444455556666:saml-provider/Okta';
// A SAMLResponse field as an IdP may post it: with + / = and a line break, never re-encoded.
const SAML = 'PHNhbWxwOlJlc3BvbnNlLz4+/+=\r\nPHNhbWw+';

const success = (arn = 'arn:aws:sts::444455556666:assumed-role/Deploy/jane@example.com') => `<AssumeRoleWithSAMLResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithSAMLResult>
    <Issuer>http://www.okta.com/exk1</Issuer>
    <AssumedRoleUser><Arn>${arn}</Arn><AssumedRoleId>AROAEXAMPLE:jane@example.com</AssumedRoleId></AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAEXAMPLEEXAMPLE12</AccessKeyId>
      <SecretAccessKey>wJalr/XUtnFEMI+K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>
      <SessionToken>FwoGZXIvYXdzEXAMPLE//token+with=chars</SessionToken>
      <Expiration>2026-12-01T21:00:00Z</Expiration>
    </Credentials>
    <Audience>https://signin.aws.amazon.com/saml</Audience>
  </AssumeRoleWithSAMLResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleWithSAMLResponse>`;

const errorXml = (code: string, message: string) =>
  `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>1</RequestId></ErrorResponse>`;

describe('buildAssumeRoleWithSaml', () => {
  it('is a form-encoded POST to the regional STS root with the captured field exactly', () => {
    const post = buildAssumeRoleWithSaml({ endpoint: EU, roleArn: ROLE, principalArn: PROVIDER, samlResponse: SAML, sessionDuration: 1800 });
    expect(post.url).toBe('https://sts.eu-west-1.amazonaws.com/');
    expect(post.method).toBe('POST');
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URL(post.url).search).toBe('');
    const fields = new URLSearchParams(post.body);
    expect(Object.fromEntries(fields)).toEqual({
      Action: 'AssumeRoleWithSAML',
      Version: '2011-06-15',
      RoleArn: ROLE,
      PrincipalArn: PROVIDER,
      SAMLAssertion: SAML,
      DurationSeconds: '1800',
    });
  });

  it("caps DurationSeconds at an hour unless the user set more, and leaves it out for the retry", () => {
    const base = { endpoint: EU, roleArn: ROLE, principalArn: PROVIDER, samlResponse: SAML };
    const duration = (input: object) => new URLSearchParams(buildAssumeRoleWithSaml({ ...base, ...input }).body).get('DurationSeconds');
    expect(duration({ sessionDuration: 43_200 })).toBe('3600');
    expect(duration({ sessionDuration: 43_200, durationCap: 28_800 })).toBe('28800');
    expect(duration({ sessionDuration: 600 })).toBe('900');
    expect(duration({})).toBeNull();
    expect(duration({ sessionDuration: 43_200, omitDuration: true })).toBeNull();
    expect(stsDurationSeconds(7200, 100_000)).toBe(7200);
    expect(stsDurationSeconds(Number.NaN)).toBeUndefined();
  });
});

describe('readStsResponse', () => {
  it('reads the credentials, their expiry and the assumed-role ARN', () => {
    const result = readStsResponse(200, success(), parseWithXmldom);
    expect(result).toEqual({
      ok: true,
      credentials: {
        accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
        secretAccessKey: 'wJalr/XUtnFEMI+K7MDENG/bPxRfiCYEXAMPLEKEY',
        sessionToken: 'FwoGZXIvYXdzEXAMPLE//token+with=chars',
        expiration: '2026-12-01T21:00:00Z',
      },
      assumedRoleArn: 'arn:aws:sts::444455556666:assumed-role/Deploy/jane@example.com',
    });
  });

  it('reads the same through a DOMParser without the hardened error handler (any DOM the reader is given)', () => {
    const native = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
    expect(readStsResponse(200, success(), native).ok).toBe(true);
  });

  const codes: Array<[StsErrorCode, number, string, RegExp]> = [
    ['AccessDenied', 403, 'Not authorized to perform sts:AssumeRoleWithSAML', /trust policy/],
    ['ExpiredTokenException', 400, 'Token must be redeemed within 5 minutes of issuance', /5 minutes/],
    ['InvalidIdentityToken', 400, "Specified provider doesn't exist", /SAML provider in this partition/],
    ['InvalidIdentityToken', 400, 'Response signature invalid', /signature/],
    ['IDPRejectedClaim', 403, 'Rejected claim', /claim/],
    ['RegionDisabledException', 403, 'STS is not activated in this region for account:444455556666.', /switched off/],
    ['ValidationError', 400, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', /invalid/],
  ];
  it.each(codes)('reads %s (HTTP %d) and explains it in plain words', (code, status, message, words) => {
    const result = readStsResponse(status, errorXml(code, message), parseWithXmldom);
    expect(result).toEqual({ ok: false, error: { code, message, status } });
    if (!result.ok) expect(renderMessage(explainStsError(result.error).explanation)).toMatch(words);
  });

  it('tells which errors another region may not have, and the MaxSessionDuration refusal', () => {
    const error = (code: StsErrorCode, message = 'x') => ({ code, message });
    expect(isRegionalFailure(error('RegionDisabledException'))).toBe(true);
    expect(isRegionalFailure(error('network'))).toBe(true);
    expect(isRegionalFailure(error('timeout'))).toBe(true);
    expect(isRegionalFailure(error('http'))).toBe(true);
    for (const code of ['AccessDenied', 'ExpiredTokenException', 'InvalidIdentityToken', 'IDPRejectedClaim', 'ValidationError'] as const) {
      expect(isRegionalFailure(error(code)), code).toBe(false);
    }
    expect(isMaxSessionDurationError(error('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'))).toBe(true);
    expect(isMaxSessionDurationError(error('ValidationError', '1 validation error detected: Value at roleArn'))).toBe(false);
    expect(isMaxSessionDurationError(error('AccessDenied', 'MaxSessionDuration'))).toBe(false);
  });

  it('refuses what is not an STS answer: HTML, a DOCTYPE, oversized, incomplete, a 5xx page', () => {
    expect(readStsResponse(200, '<html><body>hi</body></html>', parseWithXmldom)).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(readStsResponse(200, `<!DOCTYPE x [<!ENTITY a "b">]>${success()}`, parseWithXmldom)).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(readStsResponse(200, `${success()}${' '.repeat(70_000)}`, parseWithXmldom)).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(readStsResponse(200, success().replace(/<SessionToken>.*<\/SessionToken>/, ''), parseWithXmldom)).toMatchObject({ ok: false });
    expect(readStsResponse(503, 'Service Unavailable', parseWithXmldom)).toMatchObject({ ok: false, error: { code: 'http', status: 503 } });
    expect(readStsResponse(500, errorXml('InternalFailure', 'oops'), parseWithXmldom)).toMatchObject({ ok: false, error: { code: 'http', message: 'InternalFailure: oops' } });
    // A success body with an error status is not a success.
    expect(readStsResponse(400, success(), parseWithXmldom).ok).toBe(false);
  });
});
