// Role and SAML provider ARNs as they appear in the AWS Role attribute of a SAML assertion
// (docs/saml-signin.md#what-the-assertion-carries). Strict on purpose: the partition of a role decides which sign-in endpoints may
// ever receive the assertion, so a malformed ARN is rejected rather than guessed at.

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn' | `aws-${string}`;

export interface RoleArn {
  arn: string;
  partition: Partition;
  accountId: string;
  roleName: string;
  /** IAM path, always starting and ending with `/` (`/` when the role has none). */
  path: string;
}

export interface SamlProviderArn {
  arn: string;
  partition: Partition;
  accountId: string;
  providerName: string;
}

// Newer isolated partitions (aws-iso, aws-iso-b, aws-eusc …) follow the same `aws-` pattern.
const PARTITION = /^aws(?:-[a-z0-9-]+)?$/;

// IAM role names: 1–64 chars of [\w+=,.@-]. Path segments use the same characters
// (IAM allows a wider path alphabet in theory; nothing seen in practice needs it).
const ROLE_ARN =
  /^arn:(aws(?:-[a-z0-9-]+)?):iam::(\d{12}):role(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

const SAML_PROVIDER_ARN = /^arn:(aws(?:-[a-z0-9-]+)?):iam::(\d{12}):saml-provider\/([\w.-]{1,128})$/;

export function isPartition(s: string): s is Partition {
  return PARTITION.test(s);
}

export function parseRoleArn(s: string): RoleArn | undefined {
  const match = ROLE_ARN.exec(s);
  if (!match) return undefined;
  const [, partition, accountId, path, roleName] = match;
  if (partition === undefined || accountId === undefined || path === undefined || roleName === undefined) {
    return undefined;
  }
  // IAM caps the whole path at 512 characters.
  if (path.length > 512) return undefined;
  return { arn: s, partition: partition as Partition, accountId, roleName, path };
}

export function parseSamlProviderArn(s: string): SamlProviderArn | undefined {
  const match = SAML_PROVIDER_ARN.exec(s);
  if (!match) return undefined;
  const [, partition, accountId, providerName] = match;
  if (partition === undefined || accountId === undefined || providerName === undefined) return undefined;
  return { arn: s, partition: partition as Partition, accountId, providerName };
}

/** A value of the Role attribute, read; or why not, when an account ID that is not 12 digits is the reason. */
export type RoleValue =
  | { role: RoleArn; provider: SamlProviderArn; badAccountId?: undefined }
  | { role?: undefined; provider?: undefined; badAccountId?: string };

/**
 * One value of the Role attribute (docs/saml-signin.md#what-the-assertion-carries). Okta writes `provider,role`, most other IdPs
 * `role,provider`. IAM allows commas in role names and paths but not in provider names, so the
 * provider's side of the split is unambiguous either way. Google Workspace may end every value with
 * a comma (`role,provider,`: aws-google-auth's "too-many-commas" test input) and hand-made mappings
 * leave empty parts (`,role,provider`, `provider,,role`). The value is read exactly first, since a
 * role name may begin or end with a comma (`role/,` + `,` + provider is a role named ","); only a
 * value that does not read that way is read again without its empty parts.
 */
export function parseRoleValue(value: string): RoleValue {
  const pair = readPair(value.trim(), false) ?? readPair(stripSeparators(value, true, true), true);
  if (pair) return pair;
  const badAccountId = [...value.matchAll(/(?:^|,)\s*arn:[\w-]+:iam::(\d*):/g)].map((m) => m[1] ?? '').find((id) => id.length !== 12);
  return badAccountId === undefined ? {} : { badAccountId };
}

function readPair(value: string, dropEmptyParts: boolean): { role: RoleArn; provider: SamlProviderArn } | undefined {
  const first = value.indexOf(',');
  if (first < 0) return undefined;
  const last = value.lastIndexOf(',');
  const providerFirst = parseSamlProviderArn(value.slice(0, first).trim());
  const provider = providerFirst ?? parseSamlProviderArn(value.slice(last + 1).trim());
  if (!provider) return undefined;
  const rest = providerFirst ? value.slice(first + 1) : value.slice(0, last);
  const role = parseRoleArn(dropEmptyParts ? stripSeparators(rest, !!providerFirst, !providerFirst) : rest.trim());
  return role && { role, provider };
}

/** Drops commas and whitespace at either end; a loop, since a regex would backtrack on long runs. */
function stripSeparators(s: string, start: boolean, end: boolean): string {
  const separator = (i: number) => s[i] === ',' || s[i]!.trim() === '';
  let from = 0;
  let to = s.length;
  if (start) while (from < to && separator(from)) from++;
  if (end) while (to > from && separator(to - 1)) to--;
  return s.slice(from, to);
}
