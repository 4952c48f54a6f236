// Renders what core says (src/core/words/user-message.ts) through the real English messages.json, as
// chrome.i18n.getMessage does: $NAME$ becomes its placeholder's content, $1..$9 in that content the
// substitutions, $$ a dollar sign. Tests that check wording use this, so the words stay checked
// where they live.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isUserMessage, messageArguments, type UserMessage } from '../../src/core/words/user-message';

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export const englishMessages = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../public/_locales/en/messages.json', import.meta.url)), 'utf8'),
) as Record<string, LocaleMessage>;

export function getMessage(key: string, substitutions: readonly string[]): string {
  const entry = englishMessages[key];
  if (!entry) throw new Error(`no message ${key}`);
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message.replace(/\$\$|\$(\w+)\$/g, (whole, name: string | undefined) => {
    if (name === undefined) return '$';
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    if (!placeholder) throw new Error(`${key}: $${name}$ is not declared`);
    return fill(placeholder.content);
  });
}

/** What the page shows for `said`: one message, or sentences joined by `separator`. */
export function renderMessage(said: UserMessage | readonly UserMessage[], separator = ' '): string {
  const list: readonly UserMessage[] = Array.isArray(said) ? said : [said as UserMessage];
  return list.map((m) => getMessage(m.code, messageArguments(m, (inner) => renderMessage(inner)))).join(separator);
}

/** The words of a gate's refusal (`{ ok: false, refusal }`); fails when the gate allowed. */
export function refusalWording(answer: { readonly ok: true } | { readonly ok: false; readonly refusal: UserMessage }): string {
  if (answer.ok) throw new Error('the gate allowed it');
  return renderMessage(answer.refusal);
}

/** `T` with every message in it as the words the page shows. */
export type Worded<T> = T extends UserMessage
  ? string
  : T extends RegExp
    ? T
    : T extends readonly (infer U)[]
      ? Worded<U>[]
      : T extends object
        ? { [K in keyof T]: Worded<T[K]> }
        : T;

/** A result of core with every message in it (errors, rejected lines, reasons) rendered, as the page shows it. */
export function worded<T>(value: T): Worded<T> {
  if (isUserMessage(value)) return renderMessage(value) as Worded<T>;
  if (Array.isArray(value)) return value.map((v: unknown) => worded(v)) as Worded<T>;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, worded(v)])) as Worded<T>;
  }
  return value as Worded<T>;
}
