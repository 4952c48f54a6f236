// How a page names an account and a role for a person: the account's name where one is known, and
// the 12-digit ID grouped as the AWS console shows it (1234-5678-9012), which is easier to compare
// by eye than 12 digits in a row.
import { parseRoleArn } from '../aws/arn';

/** `123456789012` as `1234-5678-9012`; anything else unchanged. */
export function groupedAccountId(accountId: string): string {
  return /^\d{12}$/.test(accountId) ? `${accountId.slice(0, 4)}-${accountId.slice(4, 8)}-${accountId.slice(8)}` : accountId;
}

/** The account's name, or its grouped ID when no name is known. */
export function accountLabel(accountId: string, names: Readonly<Record<string, string>>): string {
  const name = Object.hasOwn(names, accountId) ? names[accountId] : undefined;
  return name ?? groupedAccountId(accountId);
}

/** A role ARN in words: its name and its account's label, or the ARN itself when it is not a role ARN. */
export function roleLabel(roleArn: string, names: Readonly<Record<string, string>>): { role: string; account: string; accountId?: string } {
  const arn = parseRoleArn(roleArn);
  if (!arn) return { role: roleArn, account: '' };
  return { role: arn.roleName, account: accountLabel(arn.accountId, names), accountId: arn.accountId };
}
