// The declarativeNetRequest rules of the interception (docs/interception.md): the static rules that
// turn an IdP's sign-in POST into the picker, generated from the catalog at build time, and the
// dynamic rule that lets the running extension's own posts through.
import { PARTITIONS } from './catalog';

/**
 * The static DNR rules that turn an IdP's sign-in POST into the picker (public/rules/intercept.json),
 * generated from the catalog so they redirect exactly the sign-ins the capture accepts: every catalog
 * endpoint (global and regional, each partition), path `/saml` or `/saml/acs/<id>`, any query. Chrome
 * compiles `regexFilter` with RE2 under a 2 KB memory limit (`isRegexSupported`): one expression for
 * every region exceeds it, and so does a counted repetition like `{1,128}`, hence one rule per few
 * regions and an unbounded `/acs/` id (isSigninPath accepts the same). vite.config.ts writes the file
 * at build time; a unit test checks the shipped file equals this.
 */
export const DNR_REGIONS_PER_RULE = 8;
const ACS_PATH = '/saml(?:/acs/[A-Za-z0-9_-]+)?(?:[?#].*)?$';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function signinRegexFilters(): string[] {
  return PARTITIONS.flatMap((p) => {
    const host = escapeRegex(p.signinHost);
    // The global region answers on both host forms: `signin…` and `<global>.signin…`.
    const codes = p.regions.map((r) => escapeRegex(r.code));
    const chunks: string[] = [`^https://${host}${ACS_PATH}`];
    for (let i = 0; i < codes.length; i += DNR_REGIONS_PER_RULE) {
      chunks.push(`^https://(?:${codes.slice(i, i + DNR_REGIONS_PER_RULE).join('|')})\\.${host}${ACS_PATH}`);
    }
    return chunks;
  });
}

/** One declarativeNetRequest rule, as far as this extension writes them. */
export interface DnrRule {
  readonly id: number;
  readonly priority: number;
  readonly action: { readonly type: 'redirect'; readonly redirect: { readonly extensionPath: string } } | { readonly type: 'allow' };
  readonly condition: {
    readonly regexFilter?: string;
    readonly isUrlFilterCaseSensitive?: boolean;
    readonly requestDomains?: readonly string[];
    readonly initiatorDomains?: readonly string[];
    readonly excludedInitiatorDomains?: readonly string[];
    readonly requestMethods: readonly ['post'];
    readonly resourceTypes: readonly ['main_frame'];
  };
}

/**
 * The rule resource itself. It names no extension id: a store install runs under an id the store
 * assigns, so our own pages' POSTs are let through by `ownRequestDnrRules`, written at run time.
 */
export function signinDnrRules(passThroughDomains: readonly string[], pickerPath: string): DnrRule[] {
  return signinRegexFilters().map((regexFilter, i) => ({
    id: i + 1,
    priority: 1,
    action: { type: 'redirect', redirect: { extensionPath: pickerPath } },
    condition: {
      regexFilter,
      isUrlFilterCaseSensitive: true,
      requestMethods: ['post'],
      resourceTypes: ['main_frame'],
      excludedInitiatorDomains: [...passThroughDomains],
    },
  }));
}

/** Above the redirect rules' priority, so an allow decides first whatever the browser's tie rule. */
export const OWN_REQUEST_RULE_PRIORITY = 2;

/**
 * The dynamic rules that let the running extension's own pages post to any sign-in host (the re-post
 * into the chosen region, "continue to AWS's own page"): an `allow` for top-level POSTs whose initiator
 * is the extension's own id, as `runtime.id` tells it, above the static redirect rules. Chrome matches
 * `initiatorDomains` against the host of the initiating origin, which for an extension page is its id,
 * and a domain also covers its subdomains, so the partitions' sign-in hosts cover every regional one.
 */
export function ownRequestDnrRules(ownExtensionId: string): DnrRule[] {
  return [
    {
      id: 1,
      priority: OWN_REQUEST_RULE_PRIORITY,
      action: { type: 'allow' },
      condition: {
        requestDomains: PARTITIONS.map((p) => p.signinHost),
        initiatorDomains: [ownExtensionId],
        requestMethods: ['post'],
        resourceTypes: ['main_frame'],
      },
    },
  ];
}

/** Whether the rules a browser reports are the rules wanted, whatever order it lists their keys in. */
export function sameDnrRules(present: readonly unknown[], wanted: readonly DnrRule[]): boolean {
  const canonical = (value: unknown): string =>
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    );
  return canonical(present) === canonical(wanted);
}
