import { describe, expect, it } from 'vitest';
import { consoleHomeUrl, endpointForHost, endpointForUrl, signinEndpoint, signinEndpoints } from '../../src/core/aws/endpoints';
import { CATALOG_DATE, PARTITIONS } from '../../src/core/aws/catalog';

describe('endpoint catalog', () => {
  it('is dated and has the three partitions with their global regions', () => {
    expect(CATALOG_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PARTITIONS.map((p) => [p.id, p.globalRegion])).toEqual([
      ['aws', 'us-east-1'],
      ['aws-us-gov', 'us-gov-west-1'],
      ['aws-cn', 'cn-north-1'],
    ]);
  });

  it('has unique region codes, each with a name', () => {
    for (const p of PARTITIONS) {
      const codes = p.regions.map((r) => r.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toContain(p.globalRegion);
      for (const r of p.regions) expect(r.name.length).toBeGreaterThan(3);
    }
  });

  it('maps us-east-1 to the endpoint without a region code (docs/saml-signin.md#sign-in-endpoints-and-relaystate)', () => {
    expect(signinEndpoint('aws', 'us-east-1')).toMatchObject({ url: 'https://signin.aws.amazon.com/saml', isGlobal: true });
    expect(signinEndpoint('aws', 'eu-west-1')).toMatchObject({
      url: 'https://eu-west-1.signin.aws.amazon.com/saml',
      isGlobal: false,
    });
    expect(signinEndpoint('aws-us-gov', 'us-gov-east-1')?.url).toBe('https://us-gov-east-1.signin.amazonaws-us-gov.com/saml');
    expect(signinEndpoint('aws-us-gov', 'us-gov-west-1')?.url).toBe('https://signin.amazonaws-us-gov.com/saml');
    expect(signinEndpoint('aws-cn', 'cn-northwest-1')?.url).toBe('https://cn-northwest-1.signin.amazonaws.cn/saml');
  });

  it('offers no endpoint for a region of another partition or an unknown one', () => {
    expect(signinEndpoint('aws', 'cn-north-1')).toBeUndefined();
    expect(signinEndpoint('aws-cn', 'eu-west-1')).toBeUndefined();
    expect(signinEndpoint('aws', 'xx-nowhere-1')).toBeUndefined();
    expect(signinEndpoint('aws-eusc', 'eusc-de-east-1')).toBeUndefined();
  });

  it('lists every endpoint of a partition with the global one first', () => {
    const list = signinEndpoints('aws');
    expect(list[0]?.host).toBe('signin.aws.amazon.com');
    expect(list.length).toBe(PARTITIONS[0]?.regions.length);
    expect(list.filter((e) => e.isGlobal)).toHaveLength(1);
  });

  it('knows which region an endpoint URL belongs to', () => {
    expect(endpointForUrl('https://signin.aws.amazon.com/saml')).toMatchObject({ partition: 'aws', region: 'us-east-1', path: '/saml' });
    expect(endpointForUrl('https://ap-southeast-2.signin.aws.amazon.com/saml')).toMatchObject({ region: 'ap-southeast-2' });
    expect(endpointForUrl('https://SIGNIN.AMAZONAWS.CN/saml')).toMatchObject({ partition: 'aws-cn', region: 'cn-north-1' });
    expect(endpointForUrl('https://eu-west-1.signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D558H46')).toMatchObject({
      path: '/saml/acs/SAMLSP4SHN3UIS2D558H46',
    });
  });

  it('refuses look-alikes, other schemes, ports, credentials and other paths', () => {
    for (const url of [
      'http://signin.aws.amazon.com/saml',
      'https://signin.aws.amazon.com.evil.example/saml',
      'https://evilsignin.aws.amazon.com/saml',
      'https://signin.aws.amazon.com:8443/saml',
      'https://user:pw@signin.aws.amazon.com/saml',
      'https://signin.aws.amazon.com/federation',
      'https://signin.aws.amazon.com/saml/../x',
      'https://xx-nowhere-1.signin.aws.amazon.com/saml',
      'https://a.b.signin.aws.amazon.com/saml',
      'https://signin.aws.amazon.com./saml',
      'not a url',
    ]) {
      expect(endpointForUrl(url), url).toBeUndefined();
    }
    expect(endpointForHost('console.aws.amazon.com')).toBeUndefined();
  });

  it('builds console home URLs per partition', () => {
    expect(consoleHomeUrl('aws', 'eu-west-1')).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
    expect(consoleHomeUrl('aws-us-gov', 'us-gov-east-1')).toBe(
      'https://console.amazonaws-us-gov.com/console/home?region=us-gov-east-1',
    );
    expect(consoleHomeUrl('aws-cn', 'cn-northwest-1')).toBe('https://console.amazonaws.cn/console/home?region=cn-northwest-1');
  });
});
