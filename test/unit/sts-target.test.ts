import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { federationEndpoint, federationEndpointForUrl, stsEndpoint, stsEndpointForHost, stsHosts } from '../../src/core/aws/endpoints';
import { PARTITIONS } from '../../src/core/aws/catalog';
import { checkFederationTarget, checkStsTarget } from '../../src/core/signin/sts-target';
import { isUserMessage } from '../../src/core/words/user-message';
import { refusalWording } from '../support/render-message';

const ROLE = 'arn:aws:iam::444455556666:role/Deploy';

describe('STS and federation catalog (docs/sts-federation.md)', () => {
  it('has a regional STS endpoint for every region, and us-east-1 also as sts.amazonaws.com', () => {
    expect(stsEndpoint('aws', 'eu-west-1')?.url).toBe('https://sts.eu-west-1.amazonaws.com/');
    expect(stsEndpoint('aws', 'us-east-1')?.host).toBe('sts.us-east-1.amazonaws.com');
    expect(stsEndpointForHost('sts.amazonaws.com')).toMatchObject({ partition: 'aws', region: 'us-east-1' });
    expect(stsEndpoint('aws-us-gov', 'us-gov-east-1')?.host).toBe('sts.us-gov-east-1.amazonaws.com');
    expect(stsEndpoint('aws-cn', 'cn-northwest-1')?.host).toBe('sts.cn-northwest-1.amazonaws.com.cn');
    expect(stsEndpoint('aws', 'xx-nowhere-1')).toBeUndefined();
    const regions = PARTITIONS.reduce((n, p) => n + p.regions.length, 0);
    expect(stsHosts()).toHaveLength(regions + 1);
    for (const host of stsHosts()) expect(stsEndpointForHost(host)?.host).toBe(host);
  });

  it('puts the federation endpoint on each region’s sign-in host', () => {
    expect(federationEndpoint('aws', 'eu-west-1')?.url).toBe('https://eu-west-1.signin.aws.amazon.com/federation');
    expect(federationEndpoint('aws', 'us-east-1')?.url).toBe('https://signin.aws.amazon.com/federation');
    expect(federationEndpoint('aws-us-gov', 'us-gov-west-1')?.url).toBe('https://signin.amazonaws-us-gov.com/federation');
    expect(federationEndpoint('aws-cn', 'cn-northwest-1')?.url).toBe('https://cn-northwest-1.signin.amazonaws.cn/federation');
    expect(federationEndpointForUrl('https://us-east-1.signin.aws.amazon.com/federation')?.region).toBe('us-east-1');
    expect(federationEndpointForUrl('https://eu-west-1.signin.aws.amazon.com/saml')).toBeUndefined();
  });
});

describe('checkStsTarget / checkFederationTarget', () => {
  it('allows an STS endpoint of the own partition and explains each refusal', () => {
    expect(checkStsTarget('https://sts.eu-west-1.amazonaws.com/', 'aws', ROLE)).toMatchObject({ ok: true, endpoint: { region: 'eu-west-1' } });
    expect(refusalWording(checkStsTarget('https://evil.example/', 'aws', ROLE))).toMatch(/evil\.example is not an AWS STS endpoint/);
    expect(refusalWording(checkStsTarget('https://sts.cn-north-1.amazonaws.com.cn/', 'aws', ROLE))).toMatch(/aws-cn partition, but this sign-in is for aws/);
    expect(checkStsTarget('https://sts.eu-west-1.amazonaws.com/?SAMLAssertion=x', 'aws', ROLE).ok).toBe(false);
    expect(checkStsTarget('https://sts.eu-west-1.amazonaws.com/x', 'aws', ROLE).ok).toBe(false);
    expect(checkStsTarget('http://sts.eu-west-1.amazonaws.com/', 'aws', ROLE).ok).toBe(false);
    expect(refusalWording(checkStsTarget('https://sts.eu-west-1.amazonaws.com/', 'aws', 'Admin'))).toMatch(/not a valid IAM role ARN/);
    expect(refusalWording(checkStsTarget('https://sts.cn-north-1.amazonaws.com.cn/', 'aws-cn', ROLE))).toMatch(/in the aws partition, not aws-cn/);
  });

  it('sends credentials only to a federation endpoint of their partition', () => {
    expect(checkFederationTarget('https://eu-west-1.signin.aws.amazon.com/federation', 'aws')).toMatchObject({ ok: true, endpoint: { host: 'eu-west-1.signin.aws.amazon.com' } });
    expect(refusalWording(checkFederationTarget('https://signin.amazonaws.cn/federation', 'aws'))).toMatch(/aws-cn partition, but these credentials are for aws/);
    expect(checkFederationTarget('https://eu-west-1.signin.aws.amazon.com/federation?x', 'aws').ok).toBe(false);
    expect(refusalWording(checkFederationTarget('https://eu-west-1.signin.aws.amazon.com.evil.example/federation', 'aws'))).toMatch(/not an AWS federation endpoint/);
  });

  const hostish = (hosts: string[]) =>
    fc.oneof(
      fc.constantFrom(...hosts),
      fc.constantFrom(...hosts).map((h) => `${h}.evil.example`),
      fc.constantFrom(...hosts).map((h) => `x${h}`),
      fc.domain(),
    );
  const target = (hosts: string[], paths: string[]) =>
    fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('https://', 'http://', 'HTTPS://', '//', 'https://u@'), hostish(hosts), fc.constantFrom('', ':443', ':8443', '.'), fc.constantFrom(...paths)).map((parts) => parts.join('')),
      fc.string(),
    );
  const partitions = fc.constantFrom('aws', 'aws-us-gov', 'aws-cn', 'aws-eusc');

  it('never yields an STS target outside the allowlist, whatever the URL (property)', () => {
    const hosts = stsHosts();
    fc.assert(
      fc.property(target(hosts, ['/', '', '/?x=1', '/#y', '/x']), partitions, (url, partition) => {
        const allowed = checkStsTarget(url, partition, ROLE.replace('arn:aws:', `arn:${partition}:`));
        if (!allowed.ok) {
          expect(isUserMessage(allowed.refusal)).toBe(true);
          return;
        }
        const { endpoint } = allowed;
        expect(endpoint.partition).toBe(partition);
        expect(hosts).toContain(endpoint.host);
        expect(endpoint.url).toBe(`https://${endpoint.host}/`);
      }),
      { seed: 20261201, numRuns: 3000 },
    );
  });

  it('never yields a federation target outside the allowlist, whatever the URL (property)', () => {
    const hosts = PARTITIONS.flatMap((p) => [p.signinHost, ...p.regions.map((r) => `${r.code}.${p.signinHost}`)]);
    fc.assert(
      fc.property(target(hosts, ['/federation', '/federation?x', '/saml', '/', '/Federation']), partitions, (url, partition) => {
        const allowed = checkFederationTarget(url, partition);
        if (!allowed.ok) {
          expect(isUserMessage(allowed.refusal)).toBe(true);
          return;
        }
        const { endpoint } = allowed;
        expect(endpoint.partition).toBe(partition);
        expect(hosts).toContain(endpoint.host);
        expect(endpoint.url).toBe(`https://${endpoint.host}/federation`);
      }),
      { seed: 20261202, numRuns: 3000 },
    );
  });
});
