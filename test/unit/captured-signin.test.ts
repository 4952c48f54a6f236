import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RELAY_STATE_LENGTH, MAX_SAML_RESPONSE_BYTES } from '../../src/core/base/limits';
import {
  PASS_THROUGH_INITIATOR_DOMAINS,
  isFreshCapture,
  isInterceptableSignin,
  readSigninForm,
  type CapturedSignin,
} from '../../src/core/signin/capture';
import { OWN_REQUEST_RULE_PRIORITY, ownRequestDnrRules, sameDnrRules, signinDnrRules } from '../../src/core/aws/dnr-rules';
import { extensionHostPermissions, signinMatchPatterns, stsMatchPatterns } from '../../src/core/aws/endpoints';
import { PARTITIONS } from '../../src/core/aws/catalog';
import { PICKER_REDIRECT_PADDING, SESSION_RECORD_BUDGET, pickerRedirectPath } from '../../src/core/signin/picker-redirect';

const OWN = 'chrome-extension://mlkkifchelpfbajlhekonmgdfifpjknd';
const root = join(import.meta.dirname, '..', '..');
const rules = JSON.parse(readFileSync(join(root, 'public/rules/intercept.json'), 'utf8')) as Array<{
  action: { type: string; redirect: { extensionPath: string } };
  condition: { regexFilter: string; isUrlFilterCaseSensitive?: boolean; requestMethods: string[]; resourceTypes: string[]; excludedInitiatorDomains: string[] };
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

  it('ships the DNR rules the catalog generates, each as the browser applies it', () => {
    expect(rules).toEqual(signinDnrRules(PASS_THROUGH_INITIATOR_DOMAINS, pickerRedirectPath('/src/pages/picker/index.html')));
    expect(manifest.web_accessible_resources[0]?.resources).toContain('src/pages/picker/index.html');
    for (const rule of rules) {
      expect(rule.action.redirect.extensionPath).toBe(pickerRedirectPath('/src/pages/picker/index.html'));
      expect(rule.condition.requestMethods).toEqual(['post']);
      expect(rule.condition.resourceTypes).toEqual(['main_frame']);
      expect(rule.condition.isUrlFilterCaseSensitive).toBe(true);
      // RE2's 2 KB budget (the e2e asks Chromium's isRegexSupported): no counted repetition, short.
      expect(rule.condition.regexFilter).not.toMatch(/\{\d/);
      expect(rule.condition.regexFilter.length).toBeLessThan(220);
    }
  });

  it('redirects to the picker behind a fragment too long for a session record to keep the page state with it', () => {
    const path = pickerRedirectPath('/src/pages/picker/index.html');
    const [pathname, fragment] = path.split('#');
    expect(pathname).toBe('/src/pages/picker/index.html');
    expect(fragment).toMatch(/^-+$/);
    expect(fragment).toHaveLength(PICKER_REDIRECT_PADDING);
    const url = `chrome-extension://mlkkifchelpfbajlhekonmgdfifpjknd${path}`;
    // The URL itself fits (a restore finds the picker); the URL plus a page state holding it once more
    // (even as one byte a character) does not, whatever the body.
    expect(url.length).toBeLessThan(SESSION_RECORD_BUDGET);
    expect(url.length * 2).toBeGreaterThanOrEqual(SESSION_RECORD_BUDGET);
  });

  const ruleRegexes = rules.map((r) => new RegExp(r.condition.regexFilter));
  const ruleMatches = (url: string) => ruleRegexes.some((re) => re.test(url));

  it('matches every catalog endpoint, in both host forms of the global region, with every path the capture accepts', () => {
    for (const p of PARTITIONS) {
      const hosts = [p.signinHost, ...p.regions.map((r) => `${r.code}.${p.signinHost}`)];
      for (const host of hosts) {
        for (const path of ['/saml', '/saml/acs/SAMLSP4SHN3UIS2D', `/saml/acs/${'a'.repeat(200)}`, '/saml?x=1']) {
          const url = `https://${host}${path}`;
          expect(ruleMatches(url), url).toBe(true);
          expect(isInterceptableSignin(request({ url }), OWN), url).toBe(true);
        }
      }
    }
    for (const url of [
      'https://signin.aws.amazon.com.evil.example/saml',
      'https://evil.example/?https://signin.aws.amazon.com/saml',
      'https://signin.aws.amazon.com/oauth',
      'https://signin.aws.amazon.com/SAML',
      'https://xx-future-1.signin.aws.amazon.com/saml',
      'https://signin.aws.amazon.com/saml/acs/a.b',
    ]) {
      expect(ruleMatches(url), url).toBe(false);
    }
  });

  it('redirects only what the capture accepts, and the capture accepts only what is redirected (property)', () => {
    const hosts = PARTITIONS.flatMap((p) => [p.signinHost, ...p.regions.map((r) => `${r.code}.${p.signinHost}`), `xx-new-9.${p.signinHost}`]);
    const url = fc
      .tuple(
        fc.constantFrom('https://', 'http://', 'https://u@'),
        fc.oneof(fc.constantFrom(...hosts), fc.constantFrom(...hosts).map((h) => h.toUpperCase()), fc.domain()),
        fc.constantFrom('', ':443', ':8443'),
        fc.oneof(
          fc.constantFrom('/saml', '/SAML', '/saml/', '/saml/acs/', '/federation', '/'),
          fc.stringMatching(/^[A-Za-z0-9_.-]{1,300}$/).map((id) => `/saml/acs/${id}`),
        ),
        fc.constantFrom('', '?a=1', '#f'),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(url, (candidate) => {
        // The browser matches the rule against the normalised URL it requests.
        let normalised: string;
        try {
          const parsed = new URL(candidate);
          parsed.hash = '';
          normalised = parsed.href;
        } catch {
          return;
        }
        expect(ruleMatches(normalised), normalised).toBe(isInterceptableSignin(request({ url: normalised }), OWN));
      }),
      { seed: 20261201, numRuns: 4000 },
    );
  });

  it('watches exactly the sign-in hosts the manifest grants and the content script runs on', () => {
    const patterns = signinMatchPatterns();
    expect(patterns).toHaveLength(PARTITIONS.length * 2);
    expect(manifest.content_scripts[0]?.matches).toEqual(patterns);
    // Then every STS host, one by one (a wildcard would grant every AWS service host).
    expect(manifest.host_permissions).toEqual([...patterns.map((p) => p.replace('/saml*', '/*')), ...stsMatchPatterns()]);
    // The build writes exactly these into the manifest.
    expect(manifest.host_permissions).toEqual(extensionHostPermissions());
  });

  it('names no extension id in the shipped rules: a store install runs under an id of its own', () => {
    const text = readFileSync(join(root, 'public/rules/intercept.json'), 'utf8');
    // An extension id is 32 letters a–p; the rules name only AWS's pass-through domains.
    expect(text).not.toMatch(/\b[a-p]{32}\b/);
    for (const rule of rules) expect(rule.condition.excludedInitiatorDomains).toEqual([...PASS_THROUGH_INITIATOR_DOMAINS]);
  });

  it("lets the running id's own posts through every redirect rule, above its priority", () => {
    const [allow, ...more] = ownRequestDnrRules('abcdefghijklmnopabcdefghijklmnop');
    expect(more).toEqual([]);
    expect(allow?.action).toEqual({ type: 'allow' });
    expect(allow?.condition.initiatorDomains).toEqual(['abcdefghijklmnopabcdefghijklmnop']);
    expect(allow?.priority).toBe(OWN_REQUEST_RULE_PRIORITY);
    for (const rule of rules) {
      expect(OWN_REQUEST_RULE_PRIORITY).toBeGreaterThan((rule as unknown as { priority: number }).priority);
      expect(allow?.condition.requestMethods).toEqual(rule.condition.requestMethods);
      expect(allow?.condition.resourceTypes).toEqual(rule.condition.resourceTypes);
    }
    // requestDomains also covers subdomains: every host a redirect rule matches is under one of them.
    const domains = allow?.condition.requestDomains ?? [];
    for (const p of PARTITIONS) {
      for (const host of [p.signinHost, ...p.regions.map((r) => `${r.code}.${p.signinHost}`)]) {
        expect(ruleMatches(`https://${host}/saml`), host).toBe(true);
        expect(domains.some((d) => host === d || host.endsWith(`.${d}`)), host).toBe(true);
      }
    }
  });

  it('knows the rules are already in place whatever order the browser lists their keys in', () => {
    const wanted = ownRequestDnrRules('abcdefghijklmnopabcdefghijklmnop');
    // As Chrome's getDynamicRules() reports them: keys sorted, arrays in order.
    const reported = JSON.parse(JSON.stringify(wanted, Object.keys(wanted[0]!.condition).concat('action', 'type', 'condition', 'id', 'priority').sort())) as unknown[];
    expect(sameDnrRules(reported, wanted)).toBe(true);
    expect(sameDnrRules([], wanted)).toBe(false);
    expect(sameDnrRules(ownRequestDnrRules('bbcdefghijklmnopabcdefghijklmnop'), wanted)).toBe(false);
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

  it('refuses parsed form data over the caps of a raw body, before anything is stored', () => {
    const relayState = 'https://eu-west-1.console.aws.amazon.com/';
    const huge = 'A'.repeat(6 * 1024 * 1024);
    expect(readSigninForm({ formData: { SAMLResponse: [huge], RelayState: [relayState] } })).toBeUndefined();
    expect(readSigninForm({ formData: { SAMLResponse: ['abc'], RelayState: ['x'.repeat(50_000)] } })).toBeUndefined();
    // The largest a raw body may carry still passes, as it does raw.
    const largest = 'A'.repeat(MAX_SAML_RESPONSE_BYTES * 2 - 'SAMLResponse=&RelayState='.length - relayState.length);
    expect(readSigninForm({ formData: { SAMLResponse: [largest], RelayState: [relayState] } })?.samlResponse).toHaveLength(largest.length);
  });

  it('refuses a raw body whose RelayState is over its cap', () => {
    const raw = [{ bytes: new TextEncoder().encode(`SAMLResponse=abc&RelayState=${'x'.repeat(MAX_RELAY_STATE_LENGTH + 1)}`).buffer }];
    expect(readSigninForm({ raw })).toBeUndefined();
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

  it('treats a capture from long before a fresh picker opened as stale, unless the page was reloaded', () => {
    expect(isFreshCapture(capture, 1_000_500, false)).toBe(true);
    expect(isFreshCapture(capture, 1_100_000, false)).toBe(false);
    expect(isFreshCapture(capture, 1_100_000, true)).toBe(true);
  });
});
