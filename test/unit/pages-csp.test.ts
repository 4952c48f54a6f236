import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARTITIONS } from '../../src/core/aws/catalog';
import { consoleHomeUrl, federationEndpoint, signinEndpoints, stsHosts } from '../../src/core/aws/endpoints';
import { PROBE_PATH } from '../../src/core/health/probe';
import { extensionPagesCsp, SCRIPT_POLICY } from '../../src/core/aws/pages-csp';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  content_security_policy: { extension_pages: string };
};

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

/** CSP host-source matching for `https://host` and `https://*.suffix` (CSP Level 3, "host-part matching"). */
function allows(sources: readonly string[], url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return sources.some((source) => {
    const [scheme, host] = source.split('://');
    if (`${scheme}:` !== protocol || !host) return false;
    return host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host;
  });
}

describe('the extension pages\' CSP', () => {
  const csp = directives(extensionPagesCsp());
  const connect = csp.get('connect-src') ?? [];
  const formAction = csp.get('form-action') ?? [];

  it('is what manifest.json declares (vite.config.ts writes the same string into both builds)', () => {
    expect(manifest.content_security_policy.extension_pages).toBe(extensionPagesCsp());
  });

  it('keeps the script policy, and adds only connect-src and form-action', () => {
    expect(extensionPagesCsp().startsWith(`${SCRIPT_POLICY}; `)).toBe(true);
    expect([...csp.keys()]).toEqual(['script-src', 'object-src', 'base-uri', 'connect-src', 'form-action']);
  });

  it('lets the worker reach every health probe, STS host, federation and sign-in endpoint of the catalog', () => {
    for (const p of PARTITIONS) {
      for (const endpoint of signinEndpoints(p.id)) {
        expect(allows(connect, `https://${endpoint.host}${PROBE_PATH}`), endpoint.host).toBe(true);
        expect(allows(connect, endpoint.url), endpoint.url).toBe(true);
        expect(allows(connect, federationEndpoint(p.id, endpoint.region)!.url), endpoint.region).toBe(true);
      }
    }
    for (const host of stsHosts()) expect(allows(connect, `https://${host}/`), host).toBe(true);
  });

  it('lets the re-post reach every sign-in endpoint, and AWS\'s redirect every console of the catalog', () => {
    for (const p of PARTITIONS) {
      for (const endpoint of signinEndpoints(p.id)) {
        expect(allows(formAction, endpoint.url), endpoint.url).toBe(true);
        expect(allows(formAction, consoleHomeUrl(p.id, endpoint.region)!), endpoint.region).toBe(true);
      }
      expect(allows(formAction, `https://${p.consoleDomain}/console/home`), p.consoleDomain).toBe(true);
    }
  });

  it('allows no other AWS service, no look-alike and no plain http', () => {
    for (const url of [
      'https://ec2.us-east-1.amazonaws.com/',
      'https://s3.amazonaws.com/',
      'https://signin.aws.amazon.com.evil.example/saml',
      'https://evilsignin.aws.amazon.com/saml',
      'http://signin.aws.amazon.com/saml',
      'https://aws.amazon.com/',
      'https://acme.okta.com/',
    ]) {
      expect(allows(connect, url), url).toBe(false);
      expect(allows(formAction, url), url).toBe(false);
    }
    // STS hosts one by one: a wildcard over amazonaws.com would allow every AWS service.
    expect(connect.filter((source) => source.includes('*')).every((source) => /^https:\/\/\*\.signin\./.test(source))).toBe(true);
    expect(formAction.some((source) => source.includes('sts.'))).toBe(false);
  });
});
