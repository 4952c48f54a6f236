// The role name as the picker shows it. Okta names roles `<Provider>-<Alias>-<Role>`: once the
// alias is the account's name (shown in the account's heading), the row shows only `<Role>`.
// Search still reads the whole name (ranking.ts), so the highlight ranges shift with it.

export interface ShownRoleName {
  readonly text: string;
  /** How many leading characters of the role name were dropped. */
  readonly offset: number;
}

/** `Okta-prod-Admin` in the account named `prod` shows as `Admin`; any other name as it is. */
export function shownRoleName(roleName: string, accountName: string | undefined): ShownRoleName {
  const hyphen = roleName.indexOf('-');
  if (!accountName || hyphen <= 0) return { text: roleName, offset: 0 };
  const alias = `-${accountName.toLowerCase()}-`;
  const offset = hyphen + alias.length;
  if (roleName.slice(hyphen, offset).toLowerCase() !== alias || offset >= roleName.length) return { text: roleName, offset: 0 };
  return { text: roleName.slice(offset), offset };
}

/** Highlight ranges of the whole role name, moved onto the shown part (ranges in the dropped part go). */
export function shiftRanges(ranges: ReadonlyArray<readonly [number, number]>, offset: number): Array<[number, number]> {
  if (!offset) return ranges.map(([s, e]) => [s, e]);
  return ranges.filter(([, e]) => e > offset).map(([s, e]) => [Math.max(0, s - offset), e - offset]);
}

/** An account ID as the console writes it: 1234-5678-9012. */
export function groupedAccountId(accountId: string): string {
  return /^\d{12}$/.test(accountId) ? `${accountId.slice(0, 4)}-${accountId.slice(4, 8)}-${accountId.slice(8)}` : accountId;
}
