import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoleIndex, rankRoles, type RankedRole, type RankableRole } from '../../src/core/roles/ranking';

const role = (accountId: string, roleName: string, path = '/'): RankableRole => ({
  roleArn: `arn:aws:iam::${accountId}:role${path}${roleName}`,
  accountId,
  roleName,
  path,
});

const PROD = '111111111111';
const DEV = '222222222222';
const DATA = '333333333333';
const NAMELESS = '444444444444';
const accountNames = { [PROD]: 'prod', [DEV]: 'dev', [DATA]: 'production-data' };

const roles = [
  role(DEV, 'Admin'),
  role(PROD, 'ReadOnly'),
  role(DATA, 'DataScientist', '/teams/ml/'),
  role(PROD, 'Admin'),
  role(DATA, 'Administrator'),
  role(NAMELESS, 'Admin'),
];

const label = (r: RankedRole<RankableRole>): string =>
  `${accountNames[r.role.accountId as keyof typeof accountNames] ?? r.role.accountId}/${r.role.roleName}`;
const rank = (query: string, context: Parameters<typeof rankRoles>[2] = {}): string[] =>
  rankRoles(roles, query, { accountNames, ...context }).map(label);

describe('rankRoles: type-ahead', () => {
  it('finds account "prod" + role "Admin" from "prodadm", first, with its highlights', () => {
    const results = rankRoles(roles, 'prodadm', { accountNames });
    expect(results.map(label)[0]).toBe('prod/Admin');
    expect(results[0]?.matches).toEqual([
      { field: 'roleName', ranges: [[0, 3]] },
      { field: 'accountName', ranges: [[0, 4]] },
    ]);
    // "production-data" + "Administrator" also reads p-r-o-d…a-d-m, but less tightly.
    expect(results.map(label)).toEqual(['prod/Admin', 'production-data/Administrator']);
  });

  it('ranks exact above prefix above word start above substring above scattered', () => {
    const candidates = [
      role(DEV, 'AuditDataMonitorInternal'), // scattered a-d-m-i-n
      role(DEV, 'sysadmin'), // substring
      role(DEV, 'NetworkAdmin'), // word start
      role(DEV, 'AdministratorAccess'), // prefix
      role(DEV, 'Admin'), // exact
    ];
    expect(rankRoles(candidates, 'admin').map((r) => r.role.roleName)).toEqual([
      'Admin',
      'AdministratorAccess',
      'NetworkAdmin',
      'sysadmin',
      'AuditDataMonitorInternal',
    ]);
    expect(rankRoles(candidates, 'admin').map((r) => r.matches)).toEqual([
      [{ field: 'roleName', ranges: [[0, 5]] }],
      [{ field: 'roleName', ranges: [[0, 5]] }],
      [{ field: 'roleName', ranges: [[7, 12]] }],
      [{ field: 'roleName', ranges: [[3, 8]] }],
      [{ field: 'roleName', ranges: [[0, 1], [5, 6], [9, 10], [16, 18]] }],
    ]);
  });

  it('reads scattered letters only where each run starts a word: "dba" finds no sandbox-Admin', () => {
    const list = [role(DEV, 'sandbox-Admin'), role(DEV, 'payments-deploy'), role(DEV, 'DBAdmin'), role(DEV, 'data-backup-admin')];
    expect(rankRoles(list, 'dba').map((r) => r.role.roleName)).toEqual(['DBAdmin', 'data-backup-admin']);
    expect(rankRoles(list.slice(0, 1), 'dba')).toEqual([]);
    // "pay dep": both words at word starts; "pa dep" read out of "sandbox-Admin" finds nothing.
    expect(rankRoles(list, 'pay dep').map((r) => r.role.roleName)).toEqual(['payments-deploy']);
    expect(rankRoles(list, 'sdm')).toEqual([]);
  });

  it('matches every word, in any order, and merges their highlights', () => {
    const results = rankRoles(roles, 'admin prod', { accountNames });
    expect(results.map(label)).toEqual(['prod/Admin', 'production-data/Administrator']);
    expect(results[1]?.matches).toEqual([
      { field: 'roleName', ranges: [[0, 5]] },
      { field: 'accountName', ranges: [[0, 4]] },
    ]);
  });

  it('matches account IDs, also typed with the console dashes, and paths', () => {
    const byId = rankRoles(roles, '3333-3333', { accountNames });
    expect(byId.map(label)).toEqual(['production-data/Administrator', 'production-data/DataScientist']);
    expect(byId[0]?.matches).toEqual([{ field: 'accountId', ranges: [[0, 8]] }]);
    const byPath = rankRoles(roles, 'teams/ml', { accountNames });
    expect(byPath.map(label)).toEqual(['production-data/DataScientist']);
    expect(byPath[0]?.matches).toEqual([{ field: 'path', ranges: [[1, 9]] }]);
  });

  it('is case-insensitive and returns nothing for no match', () => {
    expect(rank('READONLY')).toEqual(['prod/ReadOnly']);
    expect(rank('zzz')).toEqual([]);
  });
});

describe('rankRoles: order', () => {
  it('with an empty query: pins in pin order, then recent, then account name (or ID) and role name', () => {
    const pins = [role(DATA, 'Administrator').roleArn, role(DEV, 'Admin').roleArn];
    const recent = [role(PROD, 'ReadOnly').roleArn, role(DEV, 'Admin').roleArn, role(NAMELESS, 'Admin').roleArn];
    expect(rank('', { pins, recent })).toEqual([
      'production-data/Administrator',
      'dev/Admin',
      'prod/ReadOnly',
      '444444444444/Admin',
      'prod/Admin',
      'production-data/DataScientist',
    ]);
    expect(rank('   ')).toEqual([
      '444444444444/Admin',
      'dev/Admin',
      'prod/Admin',
      'prod/ReadOnly',
      'production-data/Administrator',
      'production-data/DataScientist',
    ]);
    expect(rankRoles(roles, '').every((r) => r.matches.length === 0)).toBe(true);
  });

  it('with a query: by score, ties broken by pins, then recent, then alphabetically', () => {
    expect(rank('admin')).toEqual(['444444444444/Admin', 'dev/Admin', 'prod/Admin', 'production-data/Administrator']);
    expect(rank('admin', { recent: [role(PROD, 'Admin').roleArn] })).toEqual([
      'prod/Admin',
      '444444444444/Admin',
      'dev/Admin',
      'production-data/Administrator',
    ]);
    expect(rank('admin', { pins: [role(DEV, 'Admin').roleArn], recent: [role(PROD, 'Admin').roleArn] })).toEqual([
      'dev/Admin',
      'prod/Admin',
      '444444444444/Admin',
      'production-data/Administrator',
    ]);
  });

  it('does not depend on the order roles arrive in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(roles, { minLength: roles.length }), fc.constantFrom('', 'a', 'admin', 'prod', 'dt'), (shuffled, query) => {
        expect(rankRoles(shuffled, query, { accountNames }).map(label)).toEqual(rank(query));
      }),
    );
  });

  it('gives the same answer from a prebuilt index', () => {
    const index = buildRoleIndex(roles, accountNames);
    for (const query of ['', 'prodadm', 'admin prod', '1111']) {
      expect(rankRoles(index, query).map(label)).toEqual(rank(query));
    }
  });
});

describe('rankRoles: properties', () => {
  const FIELD_ORDER = ['accountName', 'accountId', 'path', 'roleName'] as const;
  const alphabet = 'abcdAB-_/01';
  const text = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
  const roleArb = fc.record({
    accountId: fc.constantFrom('000000000001', '000000000002', '123412341234'),
    roleName: text(1, 12).map((s) => s.replace(/\//g, '')).filter(Boolean),
    path: fc.constantFrom('/', '/a/', '/ab/cd/'),
  });
  const setup = fc.record({
    roles: fc.array(roleArb, { maxLength: 25 }).map((list) =>
      list.map((r, i) => ({ ...r, roleArn: `arn:aws:iam::${r.accountId}:role${r.path}${r.roleName}${i}` })),
    ),
    names: fc.dictionary(fc.constantFrom('000000000001', '000000000002'), text(0, 10)),
    query: text(0, 5),
  });
  const hay = (r: RankableRole, names: Record<string, string>): string =>
    `${names[r.accountId] ?? ''}\u0000${r.accountId}\u0000${r.path}\u0000${r.roleName}`.toLowerCase();
  const isSubsequence = (word: string, s: string): boolean => {
    let at = 0;
    for (const c of word) {
      at = s.indexOf(c, at) + 1;
      if (at === 0) return false;
    }
    return true;
  };

  it('returns roles containing the query as a subsequence (all that contain it whole), highlighting exactly its characters', () => {
    fc.assert(
      fc.property(setup, ({ roles: list, names, query }) => {
        const lower = query.toLowerCase();
        // An account ID typed with the console's dashes is searched without them.
        const word = /^[\d-]+$/.test(lower) && /\d/.test(lower) ? lower.replace(/-/g, '') : lower;
        const results = rankRoles(list, query, { accountNames: names });
        if (word === '') {
          expect(results).toHaveLength(list.length);
          return;
        }
        const found = new Set(results.map((r) => r.role));
        for (const r of found) expect(isSubsequence(word, hay(r, names))).toBe(true);
        // Scattered letters may be no match; the word occurring whole in one field always is one.
        for (const r of list) if (hay(r, names).split('\u0000').some((field) => field.includes(word))) expect(found.has(r)).toBe(true);
        for (const { role: r, matches } of results) {
          const fields = { accountName: names[r.accountId] ?? '', accountId: r.accountId, path: r.path, roleName: r.roleName };
          const highlighted = FIELD_ORDER.map((field) =>
            (matches.find((m) => m.field === field)?.ranges ?? []).map(([s, e]) => fields[field].slice(s, e)).join(''),
          ).join('');
          expect(highlighted.toLowerCase()).toBe(word);
        }
      }),
    );
  });

  it('returns every role for the empty query', () => {
    fc.assert(
      fc.property(setup, ({ roles: list, names }) => {
        expect(rankRoles(list, '', { accountNames: names }).map((r) => r.role)).toHaveLength(list.length);
        expect(new Set(rankRoles(list, '', { accountNames: names }).map((r) => r.role))).toEqual(new Set(list));
      }),
    );
  });
});
