import type { RankedRole, RankableRole } from './ranking';

/** One block of rows in the picker: pinned, recent, one account, or the ranked matches. */
export interface RoleSection<R> {
  readonly key: string;
  readonly kind: 'pinned' | 'recent' | 'account' | 'matches';
  readonly accountId?: string;
  readonly rows: readonly RankedRole<R>[];
}

export const RECENT_SHOWN = 3;

/**
 * Lays out ranked roles for the picker. Without a query: pinned roles (pin order), then the few
 * most recent, then every other role under its account (the ranking's alphabetical order). With
 * a query: one list, best match first. Every role appears exactly once.
 */
export function layoutSections<R extends RankableRole>(
  ranked: readonly RankedRole<R>[],
  query: string,
  pins: readonly string[],
  recent: readonly string[],
): RoleSection<R>[] {
  if (query.trim()) return ranked.length ? [{ key: 'matches', kind: 'matches', rows: ranked }] : [];
  const byArn = new Map(ranked.map((r) => [r.role.roleArn, r]));
  const used = new Set<string>();
  const take = (arns: readonly string[], limit = Infinity) => {
    const rows: RankedRole<R>[] = [];
    for (const arn of arns) {
      const row = byArn.get(arn);
      if (!row || used.has(arn) || rows.length >= limit) continue;
      used.add(arn);
      rows.push(row);
    }
    return rows;
  };
  const sections: RoleSection<R>[] = [];
  const pinned = take(pins);
  if (pinned.length) sections.push({ key: 'pinned', kind: 'pinned', rows: pinned });
  const recentRows = take(recent, RECENT_SHOWN);
  if (recentRows.length) sections.push({ key: 'recent', kind: 'recent', rows: recentRows });
  const accounts = new Map<string, RankedRole<R>[]>();
  for (const row of ranked) {
    if (used.has(row.role.roleArn)) continue;
    const list = accounts.get(row.role.accountId);
    if (list) list.push(row);
    else accounts.set(row.role.accountId, [row]);
  }
  for (const [accountId, rows] of accounts) sections.push({ key: `account-${accountId}`, kind: 'account', accountId, rows });
  return sections;
}

/** The rows in display order, for arrow-key movement. */
export function rowsInOrder<R>(sections: readonly RoleSection<R>[]): R[] {
  return sections.flatMap((s) => s.rows.map((r) => r.role));
}
