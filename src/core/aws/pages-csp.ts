// The Content Security Policy of the extension's pages and worker (manifest
// `content_security_policy.extension_pages`), derived from the endpoint catalog so the browser itself
// holds every connection and form post to the hosts the core's gates allow (signin-post.ts,
// sts-target.ts). vite.config.ts writes it into both builds' manifests; a unit test keeps the source
// manifest equal to it.
import { PARTITIONS } from './catalog';
import { stsHosts } from './endpoints';

/** No script but our own files, no plugins, no `<base>`: the part no build may relax (scripts/package.mjs). */
export const SCRIPT_POLICY = "script-src 'self'; object-src 'none'; base-uri 'none'";

/** Every SAML sign-in host (global and regional; the federation endpoint lives there too), per partition. */
function signinSources(): string[] {
  return PARTITIONS.flatMap((p) => [`https://${p.signinHost}`, `https://*.${p.signinHost}`]);
}

/** Every console host: AWS answers an accepted SAML POST with a redirect there (consoleDomain, any region). */
function consoleSources(): string[] {
  return PARTITIONS.flatMap((p) => [`https://${p.consoleDomain}`, `https://*.${p.consoleDomain}`]);
}

/**
 * `connect-src`: the worker's health probes, STS, federation and account-names requests go only to the
 * sign-in hosts and to each STS host, listed one by one (`*.amazonaws.com` would allow every AWS
 * service). `form-action`: the picker's re-post goes to a sign-in host; Chromium also checks each
 * redirect that follows a form submission against it, and AWS redirects an accepted sign-in into the
 * console, so the console hosts are listed too.
 */
export function extensionPagesCsp(): string {
  const connect = [...signinSources(), ...stsHosts().map((host) => `https://${host}`)];
  const formTargets = [...signinSources(), ...consoleSources()];
  return `${SCRIPT_POLICY}; connect-src ${connect.join(' ')}; form-action ${formTargets.join(' ')}`;
}
