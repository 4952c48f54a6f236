import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PASS_THROUGH_INITIATOR_DOMAINS,
  isFreshCapture,
  isInterceptableSignin,
  readSigninForm,
  type CapturedSignin,
} from '../../src/core/captured-signin';
import { CapturedSigninSchema } from '../../src/core/captured-signin-schema';
import { PARTITIONS, signinMatchPatterns, stsMatchPatterns } from '../../src/core/endpoints';

const OWN = 'chrome-extension://mlkkifchelpfbajlhekonmgdfifpjknd';
const root = join(import.meta.dirname, '..', '..');
const rules = JSON.parse(readFileSync(join(root, 'public/rules/intercept.json'), 'utf8')) as Array<{
  action: { type: string; redirect: { extensionPath: string } };
  condition: { regexFilter: string; requestMethods: string[]; resourceTypes: string[]; excludedInitiatorDomains: string[] };
}>;
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
  key: string;
  web_accessible_resources: Array<{ resources: string[] }>;
  host_permissions: string[];
  content_scripts: Array<{ matches: string[] }>;
};

const request = (over: Partial<Parameters<typeof isInterceptableSignin>[0]> = {}) => ({
  url: 'https://signin.aws.amazon.com/saml',
  method: 'POST',
  type: 'main_frame',
  initiator: 'https://acme.okta.com',
  tabId: 7,
  timeStamp: 1,
  ...over,
});

describe('isInterceptableSignin', () => {
  it("catches an IdP's top-level POST to any sign-in endpoint of any partition", () => {
    expect(isInterceptableSignin(request(), OWN)).toBe(true);
    expect(isInterceptableSignin(request({ initiator: undefined }), OWN)).toBe(true);
    expect(isInterceptableSignin(request({ initiator: 'null' }), OWN)).toBe(true);
    for (const p of PARTITIONS) {
      expect(isInterceptableSignin(request({ url: `https://${p.signinHost}/saml` }), OWN)).toBe(true);
      const regional = p.regions.find((r) => r.code !== p.globalRegion)!;
      expect(isInterceptableSignin(request({ url: `https://${regional.code}.${p.signinHost}/saml` }), OWN)).toBe(true);
    }
  });

  it('lets our own re-post, AWS pages, GETs, frames and non-tab requests through', () => {
    expect(isInterceptableSignin(request({ initiator: OWN }), OWN)).toBe(false);
    expect(isInterceptableSignin(request({ initiator: 'https://signin.aws.amazon.com' }), OWN)).toBe(false);
    expect(isInterceptableSignin(request({ initiator: 'https://eu-west-1.signin.aws.amazon.com' }), OWN)).toBe(false);
    expect(isInterceptableSignin(request({ method: 'GET' }), OWN)).toBe(false);
    expect(isInterceptableSignin(request({ type: 'sub_frame' }), OWN)).toBe(false);
    expect(isInterceptableSignin(request({ tabId: -1 }), OWN)).toBe(false);
    expect(isInterceptableSignin(request({ url: 'https://signin.aws.amazon.com/federation' }), OWN)).toBe(false);
  });

  it('agrees with the static DNR rule the browser applies', () => {
    const [rule] = rules;
    expect(rules).toHaveLength(1);
    expect(rule?.action.redirect.extensionPath).toBe('/src/pages/picker/index.html');
    expect(manifest.web_accessible_resources[0]?.resources).toContain('src/pages/picker/index.html');
    expect(rule?.condition.requestMethods).toEqual(['post']);
    expect(rule?.condition.resourceTypes).toEqual(['main_frame']);
    expect(rule?.condition.excludedInitiatorDomains).toEqual(['mlkkifchelpfbajlhekonmgdfifpjknd', ...PASS_THROUGH_INITIATOR_DOMAINS]);
    const regex = new RegExp(rule!.condition.regexFilter);
    for (const p of PARTITIONS) {
      for (const r of p.regions) {
        const host = r.code === p.globalRegion ? p.signinHost : `${r.code}.${p.signinHost}`;
        expect(regex.test(`https://${host}/saml`), host).toBe(true);
        expect(isInterceptableSignin(request({ url: `https://${host}/saml` }), OWN)).toBe(true);
      }
    }
    for (const url of ['https://signin.aws.amazon.com.evil.example/saml', 'https://evil.example/?https://signin.aws.amazon.com/saml', 'https://signin.aws.amazon.com/oauth']) {
      expect(regex.test(url), url).toBe(false);
    }
  });

  it('watches exactly the sign-in hosts the manifest grants and the content script runs on', () => {
    const patterns = signinMatchPatterns();
    expect(patterns).toHaveLength(PARTITIONS.length * 2);
    expect(manifest.content_scripts[0]?.matches).toEqual(patterns);
    // Then every STS host, one by one (a wildcard would grant every AWS service host).
    expect(manifest.host_permissions).toEqual([...patterns.map((p) => p.replace('/saml*', '/*')), ...stsMatchPatterns()]);
  });

  it('pins the extension id the rule excludes to the manifest key', async () => {
    const { createHash } = await import('node:crypto');
    const digest = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
    const id = [...digest].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
    expect(rules[0]?.condition.excludedInitiatorDomains[0]).toBe(id);
  });
});

describe('readSigninForm', () => {
  it('reads parsed form data', () => {
    expect(readSigninForm({ formData: { SAMLResponse: ['abc+/='], RelayState: ['https://x'] } })).toEqual({
      samlResponse: 'abc+/=',
      relayState: 'https://x',
    });
    expect(readSigninForm({ formData: { SAMLResponse: ['abc'] } })).toEqual({ samlResponse: 'abc', relayState: '' });
  });

  it('reads a raw urlencoded body split in parts', () => {
    const body = new TextEncoder().encode('SAMLResponse=ab%2Bc%3D&RelayState=https%3A%2F%2Fx');
    const raw = [{ bytes: body.slice(0, 10).buffer }, { bytes: body.slice(10).buffer }];
    expect(readSigninForm({ raw })).toEqual({ samlResponse: 'ab+c=', relayState: 'https://x' });
  });

  it('returns undefined without a SAMLResponse', () => {
    expect(readSigninForm(undefined)).toBeUndefined();
    expect(readSigninForm({ formData: { RelayState: ['x'] } })).toBeUndefined();
    expect(readSigninForm({ formData: { SAMLResponse: [''] } })).toBeUndefined();
  });
});

describe('captured sign-in', () => {
  const capture: CapturedSignin = {
    samlResponse: 'abc',
    relayState: '',
    url: 'https://signin.aws.amazon.com/saml',
    tabId: 3,
    capturedAt: 1_000_000,
  };

  it('validates what is read back from session storage', () => {
    expect(CapturedSigninSchema.safeParse(capture).success).toBe(true);
    expect(CapturedSigninSchema.safeParse({ ...capture, url: 'http://signin.aws.amazon.com/saml' }).success).toBe(false);
    expect(CapturedSigninSchema.safeParse({ ...capture, samlResponse: '' }).success).toBe(false);
    expect(CapturedSigninSchema.safeParse({ ...capture, tabId: 'x' }).success).toBe(false);
    expect(CapturedSigninSchema.safeParse('junk').success).toBe(false);
  });

  it('treats a capture from long before a fresh picker opened as stale, unless the page was reloaded', () => {
    expect(isFreshCapture(capture, 1_000_500, false)).toBe(true);
    expect(isFreshCapture(capture, 1_100_000, false)).toBe(false);
    expect(isFreshCapture(capture, 1_100_000, true)).toBe(true);
  });
});
