// The Role attribute of an assertion (docs/saml-signin.md#what-the-assertion-carries): each value names a
// role and the SAML provider that may assume it, in whichever order and with whatever quirks an IdP
// writes them. A new IdP's quirk is handled here.
import { parseRoleArn, parseSamlProviderArn, type RoleArn, type SamlProviderArn } from '../aws/arn';
import { message, type UserMessage } from '../words/user-message';
import type { SamlRole } from './decode';
import { clip } from './refusal';

const MAX_LISTED_WARNINGS = 20;

/** Every role of the attribute's values, once each; what could not be read is said in `warnings`. */
export function readRoles(values: string[], warnings: UserMessage[]): SamlRole[] {
  const roles: SamlRole[] = [];
  const seen = new Set<string>();
  const skipped: UserMessage[] = [];
  for (const value of values) {
    const { role, provider, badAccountId } = parseRoleValue(value);
    if (!role) {
      skipped.push(
        badAccountId === undefined
          ? message('samlSkippedRole', { value: clip(value) })
          : message('samlSkippedRoleAccountId', { value: clip(value), accountId: clip(badAccountId) }),
      );
    } else if (role.partition !== provider.partition) {
      skipped.push(message('samlSkippedRolePartition', { value: clip(value), rolePartition: role.partition, providerPartition: provider.partition }));
    } else if (seen.has(role.arn)) {
      skipped.push(message('samlSkippedDuplicate', { arn: role.arn }));
    } else {
      seen.add(role.arn);
      const { arn: roleArn, accountId, roleName, partition, path } = role;
      roles.push({ roleArn, principalArn: provider.arn, accountId, roleName, partition, path });
    }
  }
  // A broken IdP mapping can produce thousands of bad values; the picker needs the gist, not all.
  warnings.push(...skipped.slice(0, MAX_LISTED_WARNINGS));
  if (skipped.length > MAX_LISTED_WARNINGS) {
    warnings.push(message('samlMoreSkipped', { count: skipped.length - MAX_LISTED_WARNINGS }));
  }
  return roles;
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
