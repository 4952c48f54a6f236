import { describe, expect, it } from 'vitest';
import {
  deriveAccountNames,
  resolveAccountNames,
  validateAliasRegex as validateAliasRegexCore,
  type DerivableRole,
} from '../../src/core/accounts/names';
import { parseAccountNamesFile as parseAccountNamesFileCore } from '../../src/core/accounts/names-file';
import { worded } from '../support/render-message';

// Core's messages as the options page words them (through messages.json).
const validateAliasRegex = (source: string) => worded(validateAliasRegexCore(source));
const parseAccountNamesFile = (text: string, fileName: string) => worded(parseAccountNamesFileCore(text, fileName));

const PROD = '111111111111';
const DEV = '222222222222';
const role = (accountId: string, roleName: string, provider = 'Okta'): DerivableRole => ({
  accountId,
  roleName,
  principalArn: `arn:aws:iam::${accountId}:saml-provider/${provider}`,
});
const okta = { kind: 'preset', preset: 'okta-provider-alias-role' } as const;

describe('deriveAccountNames', () => {
  it('reads <Provider>-<Alias>-<Role> role names', () => {
    expect(deriveAccountNames([role(PROD, 'Okta-prod-Admin'), role(DEV, 'Okta-acme-dev-ReadOnly')], okta)).toEqual({
      [PROD]: 'prod',
      [DEV]: 'acme-dev',
    });
    // The provider's own name, whatever the IdP.
    expect(deriveAccountNames([role(PROD, 'AzureAD-prod-Admin', 'AzureAD')], okta)).toEqual({ [PROD]: 'prod' });
    // Case-insensitive prefix.
    expect(deriveAccountNames([role(PROD, 'okta-prod-Admin')], okta)).toEqual({ [PROD]: 'prod' });
  });

  it('falls back to a provider named <IdP>-<Alias>', () => {
    expect(deriveAccountNames([role(PROD, 'Admin', 'Okta-prod')], okta)).toEqual({ [PROD]: 'prod' });
    expect(deriveAccountNames([role(PROD, 'Admin', 'Okta'), role(DEV, 'Okta-Admin')], okta)).toEqual({});
    expect(deriveAccountNames([{ accountId: PROD, roleName: 'Okta-prod-Admin' }], okta)).toEqual({ [PROD]: 'prod' });
  });

  it('takes the most frequent suggestion per account, then the first seen', () => {
    const roles = [role(PROD, 'Okta-prd-Admin'), role(PROD, 'Okta-prod-Admin'), role(PROD, 'Okta-prod-ReadOnly')];
    expect(deriveAccountNames(roles, okta)).toEqual({ [PROD]: 'prod' });
    expect(deriveAccountNames([role(DEV, 'Okta-b-Admin'), role(DEV, 'Okta-a-Admin')], okta)).toEqual({ [DEV]: 'b' });
  });

  it("reads Okta's aws#<alias>#<role>#<account> groups", () => {
    const groups = ['aws#prod#Admin#111111111111', 'AWS#dev-eu#ReadOnly#222222222222', 'aws#x#y#123', 'engineering', 'aws#a b#R#333333333333'];
    expect(deriveAccountNames([], okta, groups)).toEqual({ [PROD]: 'prod', [DEV]: 'dev-eu' });
    expect(deriveAccountNames([role(PROD, 'Okta-other-Admin')], { kind: 'none' }, groups)).toEqual({});
  });

  it('applies a user regex with an alias group to role names', () => {
    const pattern = { kind: 'role-name', pattern: '^(?<alias>[a-z0-9]+)_' } as const;
    expect(deriveAccountNames([role(PROD, 'prod_Admin'), role(DEV, 'Admin')], pattern)).toEqual({ [PROD]: 'prod' });
    expect(deriveAccountNames([role(PROD, 'prod_Admin')], { kind: 'role-name', pattern: '^(?<alias>(a+)+)$' })).toEqual({});
    expect(deriveAccountNames([role(PROD, 'prod_Admin')], { kind: 'role-name', pattern: '(' })).toEqual({});
  });

  it('never derives a name from a malformed account ID', () => {
    expect(deriveAccountNames([role('12345', 'Okta-prod-Admin')], okta)).toEqual({});
  });
});

describe('validateAliasRegex', () => {
  it('accepts ordinary patterns', () => {
    for (const ok of [
      '^(?<alias>[a-z]+)-',
      '^Okta-(?<alias>[\\w-]+)-(?<role>\\w+)$',
      '^(?<alias>[^_]+)(_eu)?_',
      '(?:ab)+(?<alias>\\d{3})',
      '^(?<alias>.+?)-(?:Admin|ReadOnly)$',
      '^(?<alias>[a-z]+)(?:-[a-z]+)?$',
    ]) {
      expect(validateAliasRegex(ok), ok).toMatchObject({ ok: true });
    }
  });

  it('refuses patterns that could backtrack catastrophically, with a reason', () => {
    const error = (source: string): string => {
      const check = validateAliasRegex(source);
      if (check.ok) throw new Error(`accepted ${source}`);
      return check.error;
    };
    expect(error('')).toBe('The pattern is empty.');
    expect(error(`(?<alias>${'a'.repeat(200)})`)).toMatch(/^The pattern is 210 characters long; the limit is 200\.$/);
    expect(error('(?<alias>[a-z')).toMatch(/^The pattern is not a valid regular expression: /);
    expect(error('^([a-z]+)-')).toBe('The pattern needs a named group (?<alias>…) around the account alias.');
    for (const nested of ['^(?<alias>(a+)+)$', '(?<alias>(a|aa)*)', '(?<alias>(?:\\w+\\s?)*)$', '(?<alias>(.*a){20})', '(?<alias>([a-z]*-)+)']) {
      expect(error(nested), nested).toMatch(/repeats a group that itself repeats or has alternatives/);
    }
    expect(error('(?<alias>a)\\1')).toMatch(/Backreferences/);
    expect(error('(?<alias>a)\\k<alias>')).toMatch(/Backreferences/);
    expect(error('(?<alias>.*)-.*-.*-.*-.*')).toBe(
      'The pattern has 5 repetitions (*, +, ?, {n,m}); at most 4 are allowed so that matching stays fast.',
    );
  });

  it('does not mistake escapes, classes and group syntax for quantifiers or groups', () => {
    expect(validateAliasRegex('^(?<alias>[(+*]+)\\(\\+')).toMatchObject({ ok: true });
    expect(validateAliasRegex('(?<alias>[\\]a]+)')).toMatchObject({ ok: true });
    expect(validateAliasRegex('(?=x)(?!y)(?<=z)(?<!w)(?<alias>a+)')).toMatchObject({ ok: true });
  });
});

describe('resolveAccountNames', () => {
  it("lets the user's aliases win", () => {
    expect(resolveAccountNames({ [PROD]: 'prod', [DEV]: 'dev' }, { [PROD]: 'Production' })).toEqual({
      [PROD]: 'Production',
      [DEV]: 'dev',
    });
  });
});

describe('parseAccountNamesFile: CSV', () => {
  it('reads a header, BOM, CRLF, quoted fields and escaped quotes', () => {
    const csv = '\uFEFFAccount ID,Name\r\n111111111111,"prod, EU"\r\n222222222222,"the ""dev"" one"\r\n';
    expect(parseAccountNamesFile(csv, 'accounts.csv')).toEqual({
      names: { [PROD]: 'prod, EU', [DEV]: 'the "dev" one' },
      rejected: [],
    });
  });

  it('reads files without a header, with the console form of IDs, semicolons or tabs', () => {
    expect(parseAccountNamesFile('1111-1111-1111,prod\n222222222222, dev \n', 'a.csv')).toEqual({
      names: { [PROD]: 'prod', [DEV]: 'dev' },
      rejected: [],
    });
    expect(parseAccountNamesFile('111111111111;prod\n', 'a.csv')).toEqual({ names: { [PROD]: 'prod' }, rejected: [] });
    expect(parseAccountNamesFile('111111111111\tprod\n', 'a.tsv')).toEqual({ names: { [PROD]: 'prod' }, rejected: [] });
  });

  it('finds the columns by header name, in any order, ignoring others', () => {
    const csv = 'Email,Name,Status,Account Id\nops@example.com,prod,ACTIVE,111111111111\n';
    expect(parseAccountNamesFile(csv, 'export.csv')).toEqual({ names: { [PROD]: 'prod' }, rejected: [] });
  });

  it('reports every row it does not import, with its line', () => {
    const csv = [
      'accountId,name',
      '111111111111,prod',
      '',
      '12345678901,lost-zero',
      'abc,nope',
      '222222222222,',
      '333333333333',
      '111111111111,production',
      '111111111111,prod',
      `444444444444,${'x'.repeat(65)}`,
      '555555555555,"two',
      'lines"',
      '666666666666,\u202Eevil',
      '777777777777,ok',
    ].join('\n');
    const result = parseAccountNamesFile(csv, 'names.csv');
    expect(result).toEqual({
      names: { [PROD]: 'prod', '777777777777': 'ok' },
      rejected: [
        { line: 4, reason: '"12345678901" has 11 digits, an account ID has 12 (spreadsheets drop leading zeros: format the column as text)' },
        { line: 5, reason: '"abc" is not a 12-digit AWS account ID' },
        { line: 6, reason: 'account 222222222222: the name is empty' },
        { line: 7, reason: 'no name column (expected 2 columns)' },
        { line: 8, reason: 'account 111111111111 is already named "prod" on line 2; "production" was not imported' },
        { line: 10, reason: 'account 444444444444: the name is 65 characters long; the limit is 64' },
        { line: 11, reason: 'account 555555555555: the name contains control or text-direction characters' },
        { line: 13, reason: 'account 666666666666: the name contains control or text-direction characters' },
      ],
    });
  });

  it('gives one precise error for files it cannot read', () => {
    expect(parseAccountNamesFile('', 'a.csv')).toEqual({ error: 'a.csv is empty.' });
    expect(parseAccountNamesFile('\uFEFF \r\n', 'a.csv')).toEqual({ error: 'a.csv is empty.' });
    expect(parseAccountNamesFile('Account ID,Name\n', 'a.csv')).toEqual({ error: 'a.csv has a header but no accounts.' });
    expect(parseAccountNamesFile('111111111111,"prod\n', 'a.csv')).toEqual({
      error: 'a.csv: the quoted field opened on line 1 is never closed.',
    });
    expect(parseAccountNamesFile('Email,Name\nx@y,prod\n', 'a.csv')).toEqual({
      error: 'a.csv: the header on line 1 (Email, Name) has no account ID column; expected "Account ID" and "Name", or no header and the columns accountId,name.',
    });
    expect(parseAccountNamesFile('a\u0000b', 'a.csv')).toEqual({ error: 'a.csv is not a text file.' });
    expect(parseAccountNamesFile('x'.repeat(2 * 1024 * 1024 + 1), 'big.csv')).toMatchObject({ error: expect.stringMatching(/larger than 2 MB/) });
  });
});

describe('parseAccountNamesFile: JSON', () => {
  it('reads an { id: name } map', () => {
    expect(parseAccountNamesFile('{ "111111111111": "prod", "222222222222": " dev " }', 'names.json')).toEqual({
      names: { [PROD]: 'prod', [DEV]: 'dev' },
      rejected: [],
    });
  });

  it('reports bad entries of a map with their line', () => {
    const json = '{\n  "111111111111": "prod",\n  "not-an-id": "x",\n  "222222222222": 42\n}';
    expect(parseAccountNamesFile(json, 'names.json')).toEqual({
      names: { [PROD]: 'prod' },
      rejected: [
        { line: 3, reason: '"not-an-id" is not a 12-digit AWS account ID' },
        { line: 4, reason: 'no name for account 222222222222' },
      ],
    });
  });

  it('reads `aws organizations list-accounts` output, reporting bad accounts by line and path', () => {
    const json = JSON.stringify(
      {
        Accounts: [
          { Id: PROD, Arn: 'arn:aws:organizations::111111111111:account/o-x/111111111111', Name: 'prod', Status: 'ACTIVE' },
          { Id: DEV, Status: 'SUSPENDED' },
          'junk',
          { Id: '333333333333', Name: 'shared [services]' },
        ],
        NextToken: 'abc',
      },
      null,
      2,
    );
    const result = parseAccountNamesFile(json, 'accounts.json');
    expect(result).toEqual({
      names: { [PROD]: 'prod', '333333333333': 'shared [services]' },
      rejected: [
        { line: 9, reason: 'Accounts[1]: no name for account 222222222222' },
        { line: 13, reason: 'Accounts[2]: not an account object' },
        { line: 19, reason: 'NextToken: this export is only the first page of accounts; export again without --max-items' },
      ],
    });
    expect(json.split('\n')[8]).toContain('{');
    expect(json.split('\n')[12]).toContain('"junk"');
  });

  it('reads a bare list of accounts and sniffs JSON without an extension', () => {
    expect(parseAccountNamesFile('[{"Id":"111111111111","Name":"prod"}]', 'clipboard')).toEqual({
      names: { [PROD]: 'prod' },
      rejected: [],
    });
  });

  it('gives one precise error for JSON that is not a list of account names', () => {
    expect(parseAccountNamesFile('{"111111111111": "prod",}', 'n.json')).toMatchObject({ error: expect.stringMatching(/^n\.json is not valid JSON: /) });
    expect(parseAccountNamesFile('"prod"', 'n.json')).toMatchObject({ error: expect.stringMatching(/^n\.json does not hold account names\./) });
    expect(parseAccountNamesFile('{"Accounts": {}}', 'n.json')).toMatchObject({ error: expect.stringMatching(/^In n\.json, "Accounts" is not a list\./) });
    expect(parseAccountNamesFile('{"theme": "dark"}', 'n.json')).toMatchObject({ error: expect.stringMatching(/^n\.json names no account IDs\./) });
    expect(parseAccountNamesFile('{}', 'n.json')).toEqual({ error: 'n.json lists no accounts.' });
    expect(parseAccountNamesFile('{"format": "failover-role-picker-settings", "version": 1}', 'n.json')).toEqual({
      error: 'n.json looks like a settings export, not a list of account names: import it as settings.',
    });
  });
});
