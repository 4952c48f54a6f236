import { describe, expect, it } from 'vitest';
import { rankRoles } from '../../src/core/roles/ranking';
import { RECENT_SHOWN, layoutSections, rowsInOrder } from '../../src/core/roles/sections';

const role = (accountId: string, roleName: string) => ({
  roleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
  accountId,
  roleName,
  path: '/',
});
const roles = [
  role('111122223333', 'ReadOnly'),
  role('111122223333', 'Admin'),
  role('444455556666', 'Deploy'),
  role('444455556666', 'Admin'),
  role('777788889999', 'Billing'),
];
const arn = (i: number) => roles[i]!.roleArn;

describe('layoutSections', () => {
  it('shows pins in pin order, then recent, then accounts, every role once', () => {
    const pins = [arn(3), arn(0)];
    const recent = [arn(4), arn(3), arn(2), arn(1), arn(0)];
    const ranked = rankRoles(roles, '', { pins, recent });
    const sections = layoutSections(ranked, '', pins, recent);
    expect(sections.map((s) => [s.kind, s.rows.map((r) => r.role.roleName)])).toEqual([
      ['pinned', ['Admin', 'ReadOnly']],
      ['recent', ['Billing', 'Deploy', 'Admin']],
    ]);
    expect(RECENT_SHOWN).toBe(3);
    expect(rowsInOrder(sections)).toHaveLength(roles.length);
  });

  it('groups the rest by account and gives a flat ranked list for a query', () => {
    const ranked = rankRoles(roles, '', {});
    const sections = layoutSections(ranked, '', [], []);
    expect(sections.map((s) => s.accountId)).toEqual(['111122223333', '444455556666', '777788889999']);
    const matches = layoutSections(rankRoles(roles, 'adm', {}), 'adm', [], []);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.rows.map((r) => r.role.roleName)).toEqual(['Admin', 'Admin']);
    expect(layoutSections([], 'zzz', [], [])).toEqual([]);
  });
});
