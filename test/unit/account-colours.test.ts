import { describe, expect, it } from 'vitest';
import { ACCOUNT_COLOURS, accountColour, accountColours, colourRuleProblem as colourRuleProblemCore, ruleMatches } from '../../src/core/accounts/colours';
import type { UserMessage } from '../../src/core/words/user-message';
import { worded } from '../support/render-message';

const colourRuleProblem = (words: string) => worded(colourRuleProblemCore(words));
import { cleanSettingsFields, defaultSettings, migrateSettings } from '../../src/core/settings/schema';
import { applyManaged } from '../../src/core/settings/managed';
import { joinFromSync, splitForSync } from '../../src/core/settings/sync';

const PROD = '111122223333';
const DEV = '444455556666';

describe('colour rules by account name', () => {
  it('match whole words, ignoring case and punctuation', () => {
    for (const name of ['prod', 'sandbox-prod', 'Prod EU', 'acme_PROD_01', 'prod.eu']) expect(ruleMatches('prod', name), name).toBe(true);
    for (const name of ['nonprod', 'production', 'pro-d', '', 'dev']) expect(ruleMatches('prod', name), name).toBe(false);
  });
  it('match several words only next to each other and in order', () => {
    expect(ruleMatches('payments prod', 'acme-payments-prod')).toBe(true);
    expect(ruleMatches('Payments-Prod', 'acme payments prod eu')).toBe(true);
    expect(ruleMatches('payments prod', 'payments-dev-prod')).toBe(false);
    expect(ruleMatches('prod payments', 'acme-payments-prod')).toBe(false);
    expect(ruleMatches('  -- ', 'prod')).toBe(false);
  });
  it('say what is wrong with unusable words', () => {
    expect(colourRuleProblem('prod')).toBeUndefined();
    expect(colourRuleProblem(' - ')).toMatch(/at least one word/);
    expect(colourRuleProblem('x'.repeat(65))).toMatch(/limit is 64/);
  });
});

describe("an account's colour", () => {
  const settings = {
    accountColours: { [DEV]: 'blue' },
    colourRules: [
      { words: 'prod', colour: 'red' },
      { words: 'payments', colour: 'green' },
    ],
  } as const;
  it("is the account's own one first, then the first matching rule, else none", () => {
    expect(accountColour(DEV, 'payments-prod', settings)).toBe('blue');
    expect(accountColour(PROD, 'payments-prod', settings)).toBe('red');
    expect(accountColour(PROD, 'payments', settings)).toBe('green');
    expect(accountColour(PROD, 'sandbox', settings)).toBeUndefined();
    expect(accountColour(PROD, undefined, settings)).toBeUndefined();
  });
  it('is given for each account that has one', () => {
    expect(accountColours([PROD, DEV, '777788889999'], { [PROD]: 'sandbox-prod', '777788889999': 'sandbox' }, settings)).toEqual({ [PROD]: 'red', [DEV]: 'blue' });
  });
  it('is one of Firefox container colours, so a container shows the same one', () => {
    expect([...ACCOUNT_COLOURS].sort()).toEqual(['blue', 'green', 'orange', 'pink', 'purple', 'red', 'turquoise', 'yellow']);
  });
});

describe('colour settings', () => {
  it('keep valid colours and rules and say why the others were dropped', () => {
    const rejected: UserMessage[] = [];
    const cleaned = cleanSettingsFields(
      {
        accountColours: { [PROD]: 'red', [DEV]: 'magenta', '12': 'blue' },
        colourRules: [{ words: ' prod ', colour: 'red' }, { words: 'PROD', colour: 'blue' }, { words: '--', colour: 'green' }, { words: 'dev', colour: '#ff0000' }],
      },
      rejected,
    );
    expect(cleaned).toEqual({ accountColours: { [PROD]: 'red' }, colourRules: [{ words: 'prod', colour: 'red' }] });
    expect(rejected).toHaveLength(5);
    expect(worded(rejected).join('\n')).toMatch(/accountColours\["444455556666"\]: expected one of "red", "orange",/);
    expect(worded(rejected).join('\n')).toMatch(/colourRules\[1\]: repeats colourRules\[0\]/);
    expect(worded(rejected).join('\n')).toMatch(/colourRules\[2\]\.words: a rule needs at least one word/);
  });
  it('sync and come back as they were', () => {
    const settings = {
      ...defaultSettings(),
      accountColours: Object.fromEntries(Array.from({ length: 800 }, (_, i) => [String(100000000000 + i), ACCOUNT_COLOURS[i % 8]!])),
      colourRules: [{ words: 'prod', colour: 'red' as const }, { words: 'dev', colour: 'green' as const }],
      aliasOfferDeclined: ['http://www.okta.com/exk1'],
    };
    const items = splitForSync(settings);
    expect(Object.keys(items).filter((k) => k.startsWith('settings:accountColours:')).length).toBeGreaterThan(1);
    expect(migrateSettings(joinFromSync(items))).toEqual({ settings, changed: false, rejected: [] });
  });
  it('can be managed: managed colours win per account, managed rules come first', () => {
    const user = { ...defaultSettings(), accountColours: { [PROD]: 'green', [DEV]: 'blue' } as const, colourRules: [{ words: 'prod', colour: 'green' }, { words: 'dev', colour: 'blue' }] as const };
    const result = applyManaged({ ...user, colourRules: [...user.colourRules] }, { accountColours: { [PROD]: 'red' }, colourRules: [{ words: 'Prod', colour: 'red' }] });
    expect(result.settings.accountColours).toEqual({ [PROD]: 'red', [DEV]: 'blue' });
    expect(result.settings.colourRules).toEqual([{ words: 'Prod', colour: 'red' }, { words: 'dev', colour: 'blue' }]);
    expect(result.locked).toEqual(['accountColours', 'colourRules']);
    expect(applyManaged(defaultSettings(), { accountColours: { [PROD]: 'chartreuse' } }).locked).toEqual([]);
  });
});
