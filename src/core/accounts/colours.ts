/**
 * A colour per account: set for an account ID, or by a name rule (`prod` → red).
 * The palette is fixed and small so that every colour keeps enough contrast in the light and the
 * dark theme (the picker's CSS holds a shade of each for both), and it is exactly Firefox's set of
 * container colours (contextualIdentities `color`), so a console opened in a container of its own
 * shows the same colour there.
 */
import { message, type UserMessage } from '../words/user-message';

export const ACCOUNT_COLOURS = ['red', 'orange', 'yellow', 'green', 'turquoise', 'blue', 'purple', 'pink'] as const;
export type AccountColour = (typeof ACCOUNT_COLOURS)[number];

/** A name rule: accounts whose name contains these words get this colour. */
export interface ColourRule {
  readonly words: string;
  readonly colour: AccountColour;
}

export const MAX_COLOUR_RULES = 20;
export const MAX_RULE_WORDS_LENGTH = 64;

export const isAccountColour = (value: unknown): value is AccountColour => (ACCOUNT_COLOURS as readonly string[]).includes(value as string);

/** Lower-case letters and digits runs: `Sandbox-Prod_EU` → sandbox, prod, eu. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Why the words of a rule cannot be used, or undefined. */
export function colourRuleProblem(words: string): UserMessage | undefined {
  if (words.length > MAX_RULE_WORDS_LENGTH) return message('ruleWordsTooLong', { length: words.length, max: MAX_RULE_WORDS_LENGTH });
  if (!wordsOf(words).length) return message('ruleNoWords');
  return undefined;
}

/**
 * Whether an account name matches a rule: the rule's words appear in the name as whole words, in
 * that order and next to each other, ignoring case and punctuation. So `prod` matches `prod`,
 * `sandbox-prod` and `Prod EU`, but not `nonprod` or `production`: an account that merely contains
 * the letters is not the one the rule means.
 */
export function ruleMatches(words: string, accountName: string): boolean {
  const wanted = wordsOf(words);
  const have = wordsOf(accountName);
  if (!wanted.length) return false;
  for (let i = 0; i + wanted.length <= have.length; i++) {
    if (wanted.every((w, j) => have[i + j] === w)) return true;
  }
  return false;
}

/** An account's colour: its own one first, then the first rule its name matches; none otherwise. */
export function accountColour(
  accountId: string,
  accountName: string | undefined,
  settings: { readonly accountColours: Readonly<Record<string, AccountColour>>; readonly colourRules: readonly ColourRule[] },
): AccountColour | undefined {
  if (Object.hasOwn(settings.accountColours, accountId)) return settings.accountColours[accountId];
  if (!accountName) return undefined;
  return settings.colourRules.find((rule) => ruleMatches(rule.words, accountName))?.colour;
}

/** The colours of the given accounts (only those that have one), by account ID. */
export function accountColours(
  accountIds: Iterable<string>,
  names: Readonly<Record<string, string>>,
  settings: Parameters<typeof accountColour>[2],
): Record<string, AccountColour> {
  const out: Record<string, AccountColour> = {};
  for (const id of accountIds) {
    const colour = accountColour(id, Object.hasOwn(names, id) ? names[id] : undefined, settings);
    if (colour) out[id] = colour;
  }
  return out;
}
