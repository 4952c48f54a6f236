import { describe, expect, it } from 'vitest';
import { shortIssuer } from '../../src/core/signin/capture';
import { own } from '../../src/core/base/own';
import { defaultSettings, recentRoleArns, recordRecent } from '../../src/core/settings/schema';

describe('own', () => {
  it("never answers with Object.prototype's members for keys from outside", () => {
    const recent: Record<string, string[]> = { 'http://www.okta.com/exk1': ['a'] };
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(own(recent, key), key).toBeUndefined();
      // The plain lookup is what blanked the picker for an Issuer named like these.
      expect(recent[key], key).toBeDefined();
    }
    expect(own(recent, 'http://www.okta.com/exk1')).toEqual(['a']);
  });

  it('keeps recent sign-ins of an IdP app called "constructor" like any other', () => {
    const settings = recordRecent(defaultSettings(), 'constructor', { roleArn: 'arn:aws:iam::111122223333:role/Admin', region: 'eu-west-1' }, 1);
    expect(recentRoleArns(settings, 'constructor')).toEqual(['arn:aws:iam::111122223333:role/Admin']);
    expect(recentRoleArns(defaultSettings(), 'toString')).toEqual([]);
  });
});

describe('shortIssuer', () => {
  it('reads like the IdP app, shortened in the middle when long', () => {
    expect(shortIssuer('http://www.okta.com/exk1abc')).toBe('okta.com/exk1abc');
    expect(shortIssuer('https://sts.windows.net/0f1e2d3c-4b5a-6978-8091-a2b3c4d5e6f7/')).toBe('sts.windows.net/0f1e2d3c-4b5a-6978-8091-a2b3c4d5e6f7');
    expect(shortIssuer('urn:amazon:webservices')).toBe('urn:amazon:webservices');
    const long = shortIssuer(`https://idp.example.com/${'x'.repeat(200)}/end`);
    expect(long).toHaveLength(60);
    expect(long).toMatch(/^idp\.example\.com\/x+…x+\/end$/);
  });
});
