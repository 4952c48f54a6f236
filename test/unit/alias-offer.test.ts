import { describe, expect, it } from 'vitest';
import { OKTA_PRESET, presetOffer, previewAliasPattern as previewAliasPatternCore, type DerivableRole } from '../../src/core/accounts/names';
import { worded } from '../support/render-message';

const previewAliasPattern = (...a: Parameters<typeof previewAliasPatternCore>) => worded(previewAliasPatternCore(...a));

const role = (accountId: string, roleName: string, provider = 'Okta'): DerivableRole => ({
  accountId,
  roleName,
  principalArn: `arn:aws:iam::${accountId}:saml-provider/${provider}`,
});
const OKTA_ORG = [role('111122223333', 'Okta-sandbox-Admin'), role('111122223333', 'Okta-sandbox-ReadOnly'), role('444455556666', 'Okta-payments-Deploy')];
const none = { pattern: { kind: 'none' } as const, declined: false, known: {} };

describe('the inline offer to read account names from role names', () => {
  it('is made when most role names follow <Provider>-<Alias>-<Role> and no rule is set', () => {
    expect(presetOffer(OKTA_ORG, none)).toEqual({ accounts: 2 });
    // Two of three follow it: still most.
    expect(presetOffer([...OKTA_ORG.slice(0, 2), role('444455556666', 'Deploy')], none)).toEqual({ accounts: 1 });
    // The provider's own name counts as well (the preset reads the provider's prefix).
    expect(presetOffer([role('777788889999', 'AzureAD-data-Admin', 'AzureAD'), role('777788889999', 'AzureAD-data-Dev', 'AzureAD')], none)).toEqual({ accounts: 1 });
  });
  it('is not made when half or fewer follow it, or for a single role', () => {
    expect(presetOffer([OKTA_ORG[0]!, role('444455556666', 'Deploy')], none)).toBeUndefined();
    expect(presetOffer([role('111122223333', 'Admin'), role('111122223333', 'ReadOnly'), role('444455556666', 'Deploy')], none)).toBeUndefined();
    expect(presetOffer([OKTA_ORG[0]!], none)).toBeUndefined();
    // A provider named Okta-<alias> gives names, but the role names do not follow the naming: not offered.
    expect(presetOffer([role('111122223333', 'Admin', 'Okta-sandbox'), role('111122223333', 'Dev', 'Okta-sandbox')], none)).toBeUndefined();
  });
  it('is not made when a rule is set, the user said never for this IdP app, or every account has a name', () => {
    expect(presetOffer(OKTA_ORG, { ...none, pattern: OKTA_PRESET })).toBeUndefined();
    expect(presetOffer(OKTA_ORG, { ...none, pattern: { kind: 'role-name', pattern: '^(?<alias>x)' } })).toBeUndefined();
    expect(presetOffer(OKTA_ORG, { ...none, declined: true })).toBeUndefined();
    expect(presetOffer(OKTA_ORG, { ...none, known: { '111122223333': 'mine', '444455556666': 'theirs' } })).toBeUndefined();
    expect(presetOffer(OKTA_ORG, { ...none, known: { '111122223333': 'mine' } })).toEqual({ accounts: 1 });
  });
});

describe('previewing a rule on the roles of recent sign-ins', () => {
  // Recent sign-ins keep role ARNs only: no SAML provider, so the preset goes by the `Okta-` prefix.
  const recent: DerivableRole[] = [
    { accountId: '111122223333', roleName: 'Okta-sandbox-Admin' },
    { accountId: '444455556666', roleName: 'Okta-acme-payments-Deploy' },
    { accountId: '444455556666', roleName: 'Deploy' },
  ];
  it('shows what the Okta preset reads from each role and the name of each account', () => {
    expect(previewAliasPattern(recent, OKTA_PRESET)).toEqual({
      ok: true,
      rows: [
        { accountId: '111122223333', roleName: 'Okta-sandbox-Admin', alias: 'sandbox' },
        { accountId: '444455556666', roleName: 'Okta-acme-payments-Deploy', alias: 'acme-payments' },
        { accountId: '444455556666', roleName: 'Deploy', alias: undefined },
      ],
      names: { '111122223333': 'sandbox', '444455556666': 'acme-payments' },
      gaveUp: false,
      read: 3,
    });
  });
  it('shows what a custom pattern reads, or why it cannot be used', () => {
    const result = previewAliasPattern(recent, { kind: 'role-name', pattern: '^Okta-(?<alias>[a-z]+)-' });
    expect(result.ok && result.rows.map((r) => r.alias)).toEqual(['sandbox', 'acme', undefined]);
    expect(result.ok && result.names).toEqual({ '111122223333': 'sandbox', '444455556666': 'acme' });
    expect(previewAliasPattern(recent, { kind: 'role-name', pattern: '^(a+)+$' })).toMatchObject({ ok: false, error: expect.stringMatching(/alias/) });
    expect(previewAliasPattern(recent, { kind: 'role-name', pattern: '^(?<alias>(a+)+)$' })).toMatchObject({ ok: false, error: expect.stringMatching(/freeze/) });
    expect(previewAliasPattern([], OKTA_PRESET)).toEqual({ ok: true, rows: [], names: {}, gaveUp: false, read: 0 });
  });
});

describe('the roles of recent sign-ins', () => {
  it('are each role chosen lately, once, most recent first, across IdP apps', async () => {
    const { recentRoles } = await import('../../src/core/settings/schema');
    const recent = {
      'http://www.okta.com/a': [
        { roleArn: 'arn:aws:iam::111122223333:role/Okta-sandbox-Admin', region: 'us-east-1', at: 30 },
        { roleArn: 'arn:aws:iam::444455556666:role/team/Okta-payments-Deploy', region: 'eu-west-1', at: 10 },
      ],
      'http://www.okta.com/b': [{ roleArn: 'arn:aws:iam::444455556666:role/team/Okta-payments-Deploy', region: 'us-east-1', at: 20 }],
    };
    expect(recentRoles({ recent })).toEqual([
      { accountId: '111122223333', roleName: 'Okta-sandbox-Admin' },
      { accountId: '444455556666', roleName: 'Okta-payments-Deploy' },
    ]);
  });
});
