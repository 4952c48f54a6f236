// What core says to the user, as codes and parameters: the pages choose the words (tMessage in
// src/platform/i18n.ts, from public/_locales/<lang>/messages.json, where each code is a key). Each
// code lists its parameters in the order of the message's $1, $2…; the compiler checks every code
// against messages.json (same key, same placeholders: message-params.ts), and
// test/unit/user-message.test.ts checks their order and renders each one. Values (hosts, regions, ARNs, AWS's own words) go in as parameters, never words; a
// parameter that is itself words ("the connection was reset") is a message, worded first.

import { PARAMS } from './message-params';

export type MessageCode = keyof typeof PARAMS;
export const MESSAGE_CODES = /* @__PURE__ */ Object.keys(PARAMS) as MessageCode[];

/** A value in a message: plain text (a host, AWS's words), or words of its own. */
export type MessageValue = string | UserMessage;

/** The named values a message takes. */
export type MessageParams<C extends MessageCode> = { readonly [K in (typeof PARAMS)[C][number]]: MessageValue };

/** A sentence for the user, as a code and its values. Plain data: it goes through storage and messages. */
export type UserMessage = { readonly [C in MessageCode]: { readonly code: C; readonly params: MessageParams<C> } }[MessageCode];

type ParamsArgument<C extends MessageCode> = (typeof PARAMS)[C] extends readonly []
  ? []
  : [params: { readonly [K in (typeof PARAMS)[C][number]]: MessageValue | number }];

/**
 * `message('samlBadTime', { attribute, value })`: numbers are written as digits. The compiler checks
 * the names given against the code's; the table itself is not read here, so code that only makes
 * messages (the service worker) does not load it.
 */
export function message<C extends MessageCode>(code: C, ...[params]: ParamsArgument<C>): UserMessage {
  const values: Record<string, MessageValue> = {};
  for (const [name, value] of Object.entries((params ?? {}) as Readonly<Record<string, MessageValue | number | undefined>>)) {
    values[name] = typeof value === 'object' ? value : String(value ?? '');
  }
  return { code, params: values } as UserMessage;
}

/** The parameter names of `code`, in the order of the message's $1, $2…. */
export function paramNames(code: MessageCode): readonly string[] {
  return PARAMS[code];
}

/** The values to substitute for $1, $2… of the message, with `word` wording those that are messages. */
export function messageArguments(m: UserMessage, word: (inner: UserMessage) => string): string[] {
  const params = m.params as Readonly<Record<string, MessageValue | undefined>>;
  return PARAMS[m.code].map((name) => {
    const value = params[name] ?? '';
    return typeof value === 'string' ? value : word(value);
  });
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(PARAMS, code);
}

/** A message from outside (storage): a known code with exactly its values, nested at most `depth` deep. */
export function isUserMessage(value: unknown, depth = 4, maxLength = 2000): value is UserMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !isMessageCode(code)) return false;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
  const names = PARAMS[code] as readonly string[];
  const keys = Object.keys(params);
  if (keys.length !== names.length || !names.every((name) => Object.hasOwn(params, name))) return false;
  return Object.values(params).every((v: unknown) =>
    typeof v === 'string' ? v.length <= maxLength : depth > 1 && isUserMessage(v, depth - 1, maxLength),
  );
}
