/**
 * Account aliases from AWS's own role-selection page (docs/account-names.md#awss-role-page): the answer of a SAML sign-in
 * endpoint to a multi-role assertion posted without a role. The assertion carries account IDs only;
 * this page has "alias (id)". Two layouts are known: the legacy form (`.saml-account-name` reading
 * "Account: alias (123456789012)") and the 2023 Next.js page (base64 JSON in `<meta name="data">`,
 * `roles_accounts` keyed "alias (id)"). Read with plain string work: the worker has no DOM.
 */
export const MAX_ROLE_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_ALIAS_LENGTH = 64;

const ACCOUNT_LABEL = /^(?:Account|Compte|Konto|Cuenta|Conta|アカウント|账户)?\s*:?\s*(.+?)\s*\((\d{12})\)\s*$/u;

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** "alias (123456789012)" → [id, alias]; a bare ID or anything else → undefined. */
export function readAccountLabel(label: string): [string, string] | undefined {
  const match = ACCOUNT_LABEL.exec(label.replace(/\s+/g, ' ').trim());
  const alias = match?.[1]?.trim();
  const id = match?.[2];
  if (!alias || !id || alias.length > MAX_ALIAS_LENGTH || /^\d{12}$/.test(alias)) return undefined;
  return [id, alias];
}

/** Aliases from the labels of the legacy layout's `.saml-account-name` elements (text, entities decoded). */
export function aliasesFromLabels(labels: Iterable<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const label of labels) {
    const pair = readAccountLabel(label);
    if (pair) names.set(pair[0], pair[1]);
  }
  return names;
}

/** Aliases from the Next.js layout's `<meta name="data">` content (base64 JSON); nothing when unreadable. */
export function aliasesFromPageData(content: string): Map<string, string> {
  try {
    const data = JSON.parse(atob(content.replace(/\s+/g, ''))) as { roles_accounts?: unknown };
    if (data.roles_accounts && typeof data.roles_accounts === 'object') return aliasesFromLabels(Object.keys(data.roles_accounts));
  } catch {
    // Not the JSON we know: no names from it.
  }
  return new Map();
}

/**
 * The aliases of both layouts, by 12-digit account ID, from what a page shows: the legacy labels
 * and the Next.js data (the content script reads these from the DOM, the worker from the HTML).
 */
export function aliasesFromRolePage(labels: Iterable<string>, data: string | undefined): Record<string, string> {
  return Object.fromEntries([...aliasesFromLabels(labels), ...(data ? aliasesFromPageData(data) : [])]);
}

/** Every alias the page names, by 12-digit account ID. Anything unreadable yields nothing. */
export function readAccountAliases(html: string): Record<string, string> {
  if (html.length > MAX_ROLE_PAGE_BYTES) return {};
  const labels = [...html.matchAll(/class="[^"]*\bsaml-account-name\b[^"]*"[^>]*>([^<]{1,200})</g)].map((m) => decodeEntities(m[1] ?? ''));
  const meta = /<meta\s+name="data"\s+content="([A-Za-z0-9+/=\s]{1,1500000})"/.exec(html);
  return aliasesFromRolePage(labels, meta?.[1]);
}
