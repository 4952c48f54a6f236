import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpointForUrl } from '../../src/core/aws/endpoints';
import { PARTITIONS } from '../../src/core/aws/catalog';
import { buildSigninPost } from '../../src/core/signin/repost';
import { isUserMessage } from '../../src/core/words/user-message';
import { refusalWording } from '../support/render-message';

const SAML = 'PHNhbWxwOlJlc3BvbnNlLz4=\r\nPHNhbWw+';
const ROLE = 'arn:aws:iam::111122223333:role/team/Deploy';

describe('buildSigninPost', () => {
  it('posts the untouched SAMLResponse, the RelayState and the role ARN as roleIndex', () => {
    const built = buildSigninPost({
      samlResponse: SAML,
      partition: 'aws',
      roleArn: ROLE,
      targetUrl: 'https://eu-west-1.signin.aws.amazon.com/saml',
      relayState: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
    });
    if (!built.ok) throw new Error(refusalWording(built));
    const { post } = built;
    expect(post.url).toBe('https://eu-west-1.signin.aws.amazon.com/saml');
    expect(post.endpoint.region).toBe('eu-west-1');
    expect(post.fields).toEqual({
      SAMLResponse: SAML,
      RelayState: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
      roleIndex: ROLE,
    });
  });

  it('leaves roleIndex out when no role is chosen (encrypted assertion, AWS picks)', () => {
    const built = buildSigninPost({
      samlResponse: SAML,
      partition: 'aws',
      targetUrl: 'https://signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D',
      relayState: '',
    });
    if (!built.ok) throw new Error(refusalWording(built));
    const { post } = built;
    expect(post.url).toBe('https://signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D');
    expect(post.fields).toEqual({ SAMLResponse: SAML, RelayState: '' });
  });

  it('refuses a target outside AWS sign-in, with a sentence naming it', () => {
    expect(refusalWording(
      buildSigninPost({ samlResponse: SAML, partition: 'aws', roleArn: ROLE, targetUrl: 'https://evil.example/saml', relayState: '' }),
    )).toMatch(/evil\.example is not an AWS sign-in endpoint/);
  });

  it("refuses another partition's endpoint and a role of another partition", () => {
    expect(
      buildSigninPost({ samlResponse: SAML, partition: 'aws', roleArn: ROLE, targetUrl: 'https://signin.amazonaws.cn/saml', relayState: '' }).ok,
    ).toBe(false);
    expect(refusalWording(
      buildSigninPost({
        samlResponse: SAML,
        partition: 'aws-cn',
        roleArn: ROLE,
        targetUrl: 'https://signin.amazonaws.cn/saml',
        relayState: '',
      }),
    )).toMatch(/aws partition, not aws-cn/);
  });

  it('refuses a query or fragment, an invalid role ARN and an empty assertion', () => {
    const base = { samlResponse: SAML, partition: 'aws', roleArn: ROLE, relayState: '' };
    expect(buildSigninPost({ ...base, targetUrl: 'https://signin.aws.amazon.com/saml?x=1' }).ok).toBe(false);
    expect(buildSigninPost({ ...base, targetUrl: 'https://signin.aws.amazon.com/saml#x' }).ok).toBe(false);
    expect(refusalWording(buildSigninPost({ ...base, roleArn: 'Admin', targetUrl: 'https://signin.aws.amazon.com/saml' }))).toMatch(/not a valid IAM role ARN/);
    expect(buildSigninPost({ ...base, samlResponse: '', targetUrl: 'https://signin.aws.amazon.com/saml' }).ok).toBe(false);
  });

  it('never yields a URL outside the allowlist, whatever the target (property)', () => {
    const hosts = PARTITIONS.flatMap((p) => [p.signinHost, ...p.regions.map((r) => `${r.code}.${p.signinHost}`)]);
    const hostish = fc.oneof(
      fc.constantFrom(...hosts),
      fc.constantFrom(...hosts).map((h) => `${h}.evil.example`),
      fc.constantFrom(...hosts).map((h) => `x${h}`),
      fc.domain(),
    );
    const target = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('https://', 'http://', 'HTTPS://', '//', 'https://u@'), hostish, fc.constantFrom('', ':443', ':8443', '.'), fc.constantFrom('/saml', '/saml/', '/saml/acs/abc', '/SAML', '/saml?x', '/saml#y', '/x', '')).map(
        (parts) => parts.join(''),
      ),
      fc.string(),
    );
    fc.assert(
      fc.property(target, fc.constantFrom('aws', 'aws-us-gov', 'aws-cn', 'aws-eusc'), (url, partition) => {
        const built = buildSigninPost({ samlResponse: SAML, partition, targetUrl: url, relayState: '' });
        if (!built.ok) {
          expect(isUserMessage(built.refusal)).toBe(true);
          return;
        }
        const { post } = built;
        const endpoint = endpointForUrl(post.url);
        expect(endpoint?.partition).toBe(partition);
        const parsed = new URL(post.url);
        expect(parsed.protocol).toBe('https:');
        expect(parsed.port).toBe('');
        expect(hosts).toContain(parsed.hostname);
        expect(parsed.search + parsed.hash).toBe('');
      }),
      { seed: 20261123, numRuns: 3000 },
    );
  });
});
