/** A role the user can choose, as the picker shows it. */
export interface RoleChoice {
  readonly roleArn: string;
  readonly principalArn: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly path: string;
}

export interface AccountGroup<R extends RoleChoice = RoleChoice> {
  readonly accountId: string;
  readonly accountName: string | undefined;
  readonly roles: readonly R[];
}

/** Groups roles by account, keeping the order in which accounts and roles first appear. */
export function groupByAccount<R extends RoleChoice>(
  roles: readonly R[],
  accountNames: Readonly<Record<string, string>> = {},
): AccountGroup<R>[] {
  const groups = new Map<string, R[]>();
  for (const role of roles) {
    const group = groups.get(role.accountId);
    if (group) group.push(role);
    else groups.set(role.accountId, [role]);
  }
  return [...groups].map(([accountId, list]) => ({ accountId, accountName: accountNames[accountId], roles: list }));
}

/**
 * Roles matching every word of the query in the role name, path, account ID or account name
 * (case-insensitive). An empty query matches everything.
 */
export function filterRoles<R extends RoleChoice>(
  roles: readonly R[],
  query: string,
  accountNames: Readonly<Record<string, string>> = {},
): R[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...roles];
  return roles.filter((role) => {
    const haystack = `${role.roleName} ${role.path} ${role.accountId} ${accountNames[role.accountId] ?? ''}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
