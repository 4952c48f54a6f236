import { describe, expect, it } from 'vitest';
import { aliasesFromPageData, aliasesFromRolePage } from '../../src/core/accounts/aws-role-page';
import { learnedNameMap, mergeLearnedNames, readLearnedStore } from '../../src/core/accounts/learned-names';
import { resolveAccountNames } from '../../src/core/accounts/names';
import { isAllowedSender, readExtensionMessage } from '../../src/messages/protocol';

describe('names from AWS role page the user visited', () => {
  const id = 'mlkkifchelpfbajlhekonmgdfifpjknd';
  const origin = `chrome-extension://${id}`;
  const seen = { type: 'names/seen', names: { '111122223333': 'sandbox-prod' } } as const;

  it('takes the names only from our content script on an AWS sign-in host of the catalog', () => {
    const message = readExtensionMessage(seen)!;
    expect(message).toEqual(seen);
    expect(isAllowedSender(message, { id, url: 'https://signin.aws.amazon.com/saml', tab: { id: 3 } }, id, origin)).toBe(true);
    expect(isAllowedSender(message, { id, url: 'https://eu-west-1.signin.aws.amazon.com/saml', tab: { id: 3 } }, id, origin)).toBe(true);
    expect(isAllowedSender(message, { id, url: 'https://signin.aws.amazon.com.evil.example/saml', tab: { id: 3 } }, id, origin)).toBe(false);
    expect(isAllowedSender(message, { id, url: 'http://signin.aws.amazon.com/saml', tab: { id: 3 } }, id, origin)).toBe(false);
    expect(isAllowedSender(message, { id, url: `${origin}/src/pages/picker/index.html`, tab: { id: 3 } }, id, origin)).toBe(false);
    expect(isAllowedSender(message, { id: 'other', url: 'https://signin.aws.amazon.com/saml', tab: { id: 3 } }, id, origin)).toBe(false);
    expect(isAllowedSender(message, { id, url: 'https://signin.aws.amazon.com/saml' }, id, origin)).toBe(false);
  });

  it('validates the names: 12-digit IDs, 1 to 64 characters, at least one, not too many', () => {
    expect(readExtensionMessage({ type: 'names/seen', names: { '111122223333': '  prod  ' } })).toEqual({ type: 'names/seen', names: { '111122223333': 'prod' } });
    const many = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [String(100000000000 + i), 'a']));
    for (const names of [{}, { '1111': 'prod' }, { '111122223333': '' }, { '111122223333': '   ' }, { '111122223333': 'x'.repeat(65) }, { '111122223333': 7 }, many]) {
      expect(readExtensionMessage({ type: 'names/seen', names }) !== undefined, JSON.stringify(names).slice(0, 80)).toBe(false);
    }
    expect(readExtensionMessage({ type: 'names/seen' }) !== undefined).toBe(false);
  });

  it('reads what the content script sees on the page (legacy labels and the Next.js data)', () => {
    const data = btoa(JSON.stringify({ roles_accounts: { 'payments (444455556666)': [], '777788889999': [] } }));
    expect(aliasesFromRolePage(['Account: sandbox-prod (111122223333)', 'Account: 999988887777'], data)).toEqual({
      '111122223333': 'sandbox-prod',
      '444455556666': 'payments',
    });
    expect(aliasesFromRolePage([], 'not base64 json')).toEqual({});
    expect([...aliasesFromPageData(btoa('{"roles_accounts": 3}'))]).toEqual([]);
  });
});

describe('the learned-names store', () => {
  it('adds names with their date, a newer reading replacing an older one and never the reverse', () => {
    let store = mergeLearnedNames({}, { '111122223333': 'prod', '444455556666': 'payments' }, 1000);
    expect(store).toEqual({ '111122223333': { name: 'prod', at: 1000 }, '444455556666': { name: 'payments', at: 1000 } });
    store = mergeLearnedNames(store, { '111122223333': 'production' }, 2000);
    expect(store['111122223333']).toEqual({ name: 'production', at: 2000 });
    expect(store['444455556666']).toEqual({ name: 'payments', at: 1000 });
    store = mergeLearnedNames(store, { '111122223333': 'old-name' }, 1500);
    expect(store['111122223333']).toEqual({ name: 'production', at: 2000 });
  });

  it('keeps the most recently seen accounts within the cap and drops unusable entries', () => {
    const store = mergeLearnedNames({ '111111111111': { name: 'a', at: 1 }, '222222222222': { name: 'b', at: 3 } }, { '333333333333': 'c', '12': 'x', '444444444444': ' ' }, 2, 2);
    expect(Object.keys(store).sort()).toEqual(['222222222222', '333333333333']);
  });

  it('reads only valid entries back from storage', () => {
    expect(readLearnedStore(undefined)).toEqual({});
    expect(readLearnedStore('prod')).toEqual({});
    const read = readLearnedStore({
      '111122223333': { name: 'prod', at: 5 },
      '444455556666': { name: 'x'.repeat(65), at: 5 },
      '777788889999': { name: 'dev' },
      __proto__: { name: 'evil', at: 1 },
      abc: { name: 'dev', at: 1 },
    });
    expect({ ...read }).toEqual({ '111122223333': { name: 'prod', at: 5 } });
  });

  it("loses to the user's own names when shown", () => {
    const learned = learnedNameMap(mergeLearnedNames({}, { '111122223333': 'aws-alias', '444455556666': 'payments' }, 1));
    expect(resolveAccountNames(learned, { '111122223333': 'mine' })).toEqual({ '111122223333': 'mine', '444455556666': 'payments' });
  });
});
