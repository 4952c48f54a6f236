import { browser } from './browser-api';
import type messages from '../../public/_locales/en/messages.json';
import { messageArguments, type UserMessage } from '../core/words/user-message';

/** A key of public/_locales/en/messages.json: a typo is a type error, not an empty label. */
export type MessageKey = keyof typeof messages;

/**
 * The user's language's text for `key`, with `substitutions` filling the message's $1..$9
 * placeholders. Falls back to the key itself rather than an empty string, so a missing message
 * shows up in the page instead of leaving a control without a name.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * `one` or `other` by English rules, with the count as $1. messages.json has no plural rules, so
 * each form is its own key; a language with more forms needs a richer scheme than this.
 */
export function tPlural(count: number, one: MessageKey, other: MessageKey): string {
  return t(count === 1 ? one : other, String(count));
}

/**
 * What core said (a code and its values, src/core/words/user-message.ts) in the user's language: each
 * code is a key of messages.json, its values the $1..$n in the order user-message.ts lists them.
 * A list is sentences of one paragraph, joined by `separator`.
 */
export function tMessage(said: UserMessage | readonly UserMessage[], separator = ' '): string {
  const list: readonly UserMessage[] = Array.isArray(said) ? said : [said as UserMessage];
  return list.map((m) => t(m.code, ...messageArguments(m, (inner) => tMessage(inner)))).join(separator);
}
