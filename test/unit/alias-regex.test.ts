// The account-alias pattern checker against polynomial backtracking: repetitions that can share
// characters multiply the ways a failing role name is tried. Costs are counted by a plain
// backtracking matcher (the way the browser's engine tries a pattern), never timed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readAccountNames, previewAliasPattern, validateAliasRegex } from '../../src/core/accounts/names';
import { migrateSettings } from '../../src/core/settings/schema';
import { renderMessage } from '../support/render-message';

const refusal = (source: string): string | undefined => {
  const check = validateAliasRegex(source);
  return check.ok ? undefined : renderMessage(check.error);
};

describe('validateAliasRegex: repetitions that share characters', () => {
  it('refuses the patterns that froze the picker, saying which repetitions and why', () => {
    expect(refusal('(?<alias>.*).*.*.*!')).toBe(
      'In the pattern, .* and the later .* can take the same characters, so a role name can be split between them in very many ways, and a thousand roles could freeze the browser. Make the first stop where the next part starts, e.g. [^-]+ instead of .* before a -.',
    );
    expect(refusal('(?<alias>\\w+)\\w+\\w+\\w+!')).toMatch(/^In the pattern, \\w\+ and the later \\w\+ can take the same characters/);
    for (const source of ['(?<alias>.*)[a-z].*!', '(?<alias>[a-z]+)-?[a-z]+', '(?<alias>\\d{1,3})\\d+', '(?=.*.*x)(?<alias>a)', '(?<alias>.*)(?:a|b).*']) {
      expect(refusal(source), source).toMatch(/can take the same characters/);
    }
  });

  it('keeps the patterns people write, and those that stop at a separator', () => {
    for (const source of [
      '^(?<alias>[a-z]+)-',
      '^Okta-(?<alias>[\\w-]+)-(?<role>\\w+)$',
      '^(?<alias>[^_]+)(_eu)?_',
      '^(?<alias>.+?)-(?:Admin|ReadOnly)$',
      '^(?<alias>[a-z]+)(?:-[a-z]+)?$',
      '^(?<alias>[A-Z][a-z]+)',
      '^[^-]+-(?<alias>.+)-[^-]+$',
      '^(?<alias>.*)-.*$',
      '(?<alias>.*)(?=.*)x',
    ]) {
      expect(refusal(source), source).toBeUndefined();
    }
  });

  it('says why when a settings file brings such a pattern', () => {
    const { settings, rejected } = migrateSettings({ version: 1, aliasPattern: { kind: 'role-name', pattern: '(?<alias>.*).*.*.*!' } });
    expect(settings.aliasPattern).toEqual({ kind: 'none' });
    expect(rejected.map((r) => renderMessage(r))).toEqual([expect.stringMatching(/^aliasPattern\.pattern: In the pattern, \.\* and the later \.\* can take the same characters/)]);
  });
});

// A sequence of character classes with quantifiers, the alias group around the first; `!` at the end
// (no role name has one) makes every match fail, which is when backtracking costs most.
const CLASSES = ['.', '\\w', '[a-z]', '[A-Za-z0-9]', '[^-]', '[^_]', '\\d', '-', '_', 'a'];
const QUANTIFIERS = ['', '*', '+', '?', '{1,3}', '*?', '+?', '{2,}'];
const item = fc.tuple(fc.constantFrom(...CLASSES), fc.constantFrom(...QUANTIFIERS));
const toPattern = (items: [string, string][]) => {
  const [first, ...rest] = items.map(([c, q]) => c + q);
  return `(?<alias>${first})${rest.join('')}!`;
};

/** How many character tests a backtracking matcher makes before giving up on `name`. */
function backtrackingSteps(items: [string, string][], name: string): number {
  const parts = items.map(([c, q]) => {
    const test = new RegExp(`^${c}$`);
    const range = /\{(\d+),(\d*)\}/.exec(q);
    const min = range ? Number(range[1]) : q.startsWith('+') || q === '' ? 1 : 0;
    const max = range ? (range[2] ? Number(range[2]) : Infinity) : q === '' || q === '?' ? 1 : Infinity;
    return { test, min, max };
  });
  let steps = 0;
  const match = (k: number, at: number): boolean => {
    if (k === parts.length) return false; // the `!` never matches
    const { test, min, max } = parts[k]!;
    let taken = 0;
    while (taken < max && at + taken < name.length && (steps++, test.test(name[at + taken]!))) taken++;
    for (; taken >= min; taken--) if (match(k + 1, at + taken)) return true;
    return false;
  };
  for (let start = 0; start <= name.length; start++) match(0, start);
  return steps;
}

// Role names as organisations write them: a few words joined by - or _, within IAM's 64 characters.
const roleName = fc
  .array(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), { minLength: 1, maxLength: 5 })
  .chain((words) => fc.constantFrom('-', '_').map((sep) => words.join(sep).slice(0, 64)));

describe('validateAliasRegex against counted backtracking', () => {
  it('lets through no pattern that costs more than a single repetition could on an ordinary role name', () => {
    // One repetition tried from every start: at most 64 × 64 tests; allow a few times that.
    const bound = 8 * 64 * 64;
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), fc.array(roleName, { minLength: 1, maxLength: 4 }), (items, names) => {
        const source = toPattern(items);
        if (!validateAliasRegex(source).ok) return;
        for (const name of names) expect(backtrackingSteps(items, name), `${source} on ${name}`).toBeLessThanOrEqual(bound);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('refuses every pattern with two repetitions of overlapping classes side by side', () => {
    const overlapping = fc.constantFrom<[string, string]>(['.', '\\w'], ['\\w', '[a-z]'], ['[^-]', '\\d'], ['[a-z]', '.'], ['a', '[^_]']);
    const repetition = fc.constantFrom('*', '+', '{1,9}', '*?', '{3,}');
    const optional = fc.constantFrom('', '-?', '(?:_x)?', '\\b', '(?=a)', '$?');
    fc.assert(
      fc.property(overlapping, repetition, repetition, optional, fc.boolean(), ([a, b], qa, qb, between, inGroup) => {
        const source = inGroup ? `^(?<alias>${a}${qa})${between}${b}${qb}` : `(?<alias>x)${a}${qa}${between}${b}${qb}!`;
        expect(refusal(source.replace('$?', '')), source).toMatch(/can take the same characters/);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('reading names within a time budget', () => {
  const roles = Array.from({ length: 10 }, (_, i) => ({ accountId: String(111111111111 + i), roleName: `team${i}-Admin` }));
  const pattern = { kind: 'role-name', pattern: '^(?<alias>[a-z0-9]+)-' } as const;

  it('reads every role while time remains', () => {
    const result = readAccountNames(roles, pattern, { clock: () => 0 });
    expect(result).toMatchObject({ gaveUp: false, names: { '111111111111': 'team0', '111111111120': 'team9' } });
    expect(result.aliases).toHaveLength(10);
  });

  it('stops when the budget is spent, keeps what it read, and says so', () => {
    let now = 0;
    const clock = () => (now += 10); // each look at the clock: 10 ms later
    const result = readAccountNames(roles, pattern, { clock, budgetMs: 45 });
    expect(result.gaveUp).toBe(true);
    expect(result.aliases).toEqual(['team0', 'team1', 'team2', 'team3']);
    expect(Object.keys(result.names)).toHaveLength(4);
    now = 0;
    expect(previewAliasPattern(roles, pattern, { clock, budgetMs: 45 })).toMatchObject({ ok: true, gaveUp: true, read: 4 });
  });
});
