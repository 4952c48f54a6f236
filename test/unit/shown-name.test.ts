import { describe, expect, it } from 'vitest';
import { groupedAccountId, shiftRanges, shownRoleName } from '../../src/core/roles/shown-name';

describe('shownRoleName', () => {
  it('drops Provider-Alias- once the alias is the account name', () => {
    expect(shownRoleName('Okta-prod-Admin', 'prod')).toEqual({ text: 'Admin', offset: 10 });
    expect(shownRoleName('Okta-acme-prod-ReadOnly', 'acme-prod')).toEqual({ text: 'ReadOnly', offset: 15 });
    expect(shownRoleName('okta-PROD-Admin', 'prod').text).toBe('Admin');
  });

  it('keeps the name whole otherwise', () => {
    expect(shownRoleName('Okta-prod-Admin', undefined)).toEqual({ text: 'Okta-prod-Admin', offset: 0 });
    expect(shownRoleName('Okta-prod-Admin', 'payments')).toEqual({ text: 'Okta-prod-Admin', offset: 0 });
    expect(shownRoleName('prod-Admin', 'prod')).toEqual({ text: 'prod-Admin', offset: 0 });
    // Nothing would be left: the name stays.
    expect(shownRoleName('Okta-prod-', 'prod')).toEqual({ text: 'Okta-prod-', offset: 0 });
  });

  it('moves highlights onto the shown part', () => {
    expect(shiftRanges([[0, 2], [10, 13]], 10)).toEqual([[0, 3]]);
    expect(shiftRanges([[8, 12]], 10)).toEqual([[0, 2]]);
    expect(shiftRanges([[1, 2]], 0)).toEqual([[1, 2]]);
  });
});

describe('groupedAccountId', () => {
  it('writes 12 digits as the console does', () => {
    expect(groupedAccountId('123456789012')).toBe('1234-5678-9012');
    expect(groupedAccountId('12345')).toBe('12345');
  });
});
