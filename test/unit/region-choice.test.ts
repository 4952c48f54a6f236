import { describe, expect, it } from 'vitest';
import { assertionAddress, otherRegionWarning, regionOptions, rememberedRegion, resolveRegions, targetUrlForRegion } from '../../src/core/regions/choice';
import { message } from '../../src/core/words/user-message';
import { renderMessage } from '../support/render-message';

describe('assertionAddress', () => {
  it('uses the Recipient, else the endpoint the IdP posted to', () => {
    expect(assertionAddress('https://eu-west-1.signin.aws.amazon.com/saml', 'https://signin.aws.amazon.com/saml')?.endpoint.region).toBe(
      'eu-west-1',
    );
    expect(assertionAddress(undefined, 'https://signin.aws.amazon.com/saml')?.endpoint.region).toBe('us-east-1');
    expect(assertionAddress('https://evil.example/saml', 'https://signin.amazonaws.cn/saml')?.partition).toBe('aws-cn');
    expect(assertionAddress('https://evil.example/saml', 'https://evil.example/saml')).toBeUndefined();
  });

  it('keeps the IdP path when posting to another region', () => {
    const address = assertionAddress('https://signin.aws.amazon.com/saml/acs/SAMLSP1', 'https://signin.aws.amazon.com/saml/acs/SAMLSP1')!;
    expect(targetUrlForRegion(address, 'us-east-1')).toBe('https://signin.aws.amazon.com/saml/acs/SAMLSP1');
    expect(targetUrlForRegion(address, 'eu-west-1')).toBe('https://eu-west-1.signin.aws.amazon.com/saml/acs/SAMLSP1');
    expect(targetUrlForRegion(address, 'cn-north-1')).toBeUndefined();
  });

  it('explains what another region means, in plain words', () => {
    const address = assertionAddress('https://signin.aws.amazon.com/saml', 'https://signin.aws.amazon.com/saml')!;
    expect(otherRegionWarning(address, 'us-east-1')).toBeUndefined();
    expect(renderMessage(otherRegionWarning(address, 'eu-west-1')!)).toBe(
      'This assertion is addressed to us-east-1 (signin.aws.amazon.com). eu-west-1 accepts it only if your admin listed https://eu-west-1.signin.aws.amazon.com/saml in the role\'s SAML:aud.',
    );
    expect(otherRegionWarning(address, 'eu-south-1')?.at(-1)).toEqual(message('otherRegionOptIn', { region: 'eu-south-1' }));
    expect(renderMessage(otherRegionWarning(address, 'eu-south-1')!)).toMatch(/eu-south-1 is an opt-in region/);
  });

  it("offers only the partition's regions, the addressed one first", () => {
    const address = assertionAddress('https://us-gov-east-1.signin.amazonaws-us-gov.com/saml', '')!;
    expect(regionOptions(address).map((r) => [r.code, r.isRecipient])).toEqual([
      ['us-gov-east-1', true],
      ['us-gov-west-1', false],
    ]);
    const aws = regionOptions(assertionAddress('https://signin.aws.amazon.com/saml', '')!);
    expect(aws[0]?.code).toBe('us-east-1');
    expect(aws.every((r) => !r.code.startsWith('cn-') && !r.code.startsWith('us-gov-'))).toBe(true);
  });
});

describe('rememberedRegion', () => {
  const memory = {
    pins: [{ roleArn: 'arn:pinned', region: 'eu-west-1' }, { roleArn: 'arn:pinned-anywhere' }],
    recent: { app: [{ roleArn: 'arn:pinned-anywhere', region: 'us-west-2' }, { roleArn: 'arn:recent', region: 'ap-south-1' }] },
  };
  it("takes a pin's region, else the region of the role's last sign-in from this IdP app", () => {
    expect(rememberedRegion(memory, 'app', 'arn:pinned')).toBe('eu-west-1');
    expect(rememberedRegion(memory, 'app', 'arn:pinned-anywhere')).toBe('us-west-2');
    expect(rememberedRegion(memory, 'app', 'arn:recent')).toBe('ap-south-1');
    expect(rememberedRegion(memory, 'other-app', 'arn:recent')).toBeUndefined();
    expect(rememberedRegion(memory, 'constructor', 'arn:recent')).toBeUndefined();
  });
});

describe('resolveRegions', () => {
  const down = { region: 'us-east-1', state: 'down', detail: message('connectionFailed'), failures: 1 } as const;
  const up = { region: 'eu-west-1', state: 'up', detail: message('answeredIn', { ms: 40 }), failures: 0, latencyMs: 40 } as const;
  const base = {
    addressedRegion: 'us-east-1',
    preferred: ['eu-west-1'],
    available: ['us-east-1', 'eu-west-1', 'us-west-2'],
    chosen: undefined,
    remembered: undefined,
    idpAppLinks: { 'eu-west-1': 'https://idp.example/eu' },
  };
  it('stays on the addressed region while it is not known to be down', () => {
    expect(resolveRegions({ ...base, health: {} })).toEqual({
      defaultRegion: 'us-east-1',
      region: 'us-east-1',
      addressedDown: false,
      movedFromAddressed: false,
      freshApp: undefined,
    });
  });
  it('moves to a healthy preferred region when it is down, and offers that region\'s IdP app', () => {
    const health = { 'us-east-1': down, 'eu-west-1': up };
    expect(resolveRegions({ ...base, health })).toEqual({
      defaultRegion: 'eu-west-1',
      region: 'eu-west-1',
      addressedDown: true,
      movedFromAddressed: true,
      freshApp: { region: 'eu-west-1', url: 'https://idp.example/eu' },
    });
    expect(resolveRegions({ ...base, health, chosen: 'us-west-2' })).toMatchObject({ region: 'us-west-2', movedFromAddressed: false });
    expect(resolveRegions({ ...base, health, remembered: 'us-west-2' })).toMatchObject({ region: 'us-west-2', movedFromAddressed: true });
  });
});
