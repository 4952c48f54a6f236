// What core says to the user, as codes and parameters: the pages choose the words (tMessage in
// src/platform/i18n.ts, from public/_locales/<lang>/messages.json, where each code is a key). Each
// code lists its parameters in the order of the message's $1, $2…; test/unit/user-message.test.ts
// checks every code against messages.json (same key, same placeholders, in that order) and renders
// each one. Values (hosts, regions, ARNs, AWS's own words) go in as parameters, never words.

const PARAMS = {
  // The SAMLResponse form field could not be read (saml-refusal.ts).
  samlEmpty: [],
  samlUnreadable: [],
  samlNotBase64: [],
  samlDoctype: [],
  samlTooDeep: [],
  samlTooLarge: [],
  samlNotWellFormed: [],
  samlSoap: [],
  samlWrongNamespace: ['namespace', 'expected'],
  samlNoNamespace: ['expected'],
  samlNotSaml: ['element'],
  samlNotXml: [],
  samlIdpStatus: ['status'],
  samlIdpStatusMessage: ['status', 'said'],
  // Read, with something the picker mentions (saml-decode.ts).
  samlNoAssertion: [],
  samlSeveralAssertions: [],
  samlAlsoEncrypted: [],
  samlBadSessionName: ['name'],
  samlSkippedRole: ['value'],
  samlSkippedRoleAccountId: ['value', 'accountId'],
  samlSkippedRolePartition: ['value', 'rolePartition', 'providerPartition'],
  samlSkippedDuplicate: ['arn'],
  samlMoreSkipped: ['count'],
  samlBadSessionDuration: ['value'],
  samlSessionDurationOutOfRange: ['seconds', 'min', 'max'],
  samlBadTime: ['attribute', 'value'],
} as const satisfies Record<string, readonly string[]>;

export type MessageCode = keyof typeof PARAMS;
export const MESSAGE_CODES = Object.keys(PARAMS) as MessageCode[];

/** The named values a message takes. */
export type MessageParams<C extends MessageCode> = { readonly [K in (typeof PARAMS)[C][number]]: string };

/** A sentence for the user, as a code and its values. Plain data: it goes through storage and messages. */
export type UserMessage = { readonly [C in MessageCode]: { readonly code: C; readonly params: MessageParams<C> } }[MessageCode];

type ParamsArgument<C extends MessageCode> = (typeof PARAMS)[C] extends readonly [] ? [] : [params: { readonly [K in (typeof PARAMS)[C][number]]: string | number }];

/** `message('samlBadTime', { attribute, value })`: numbers are written as digits. */
export function message<C extends MessageCode>(code: C, ...[params]: ParamsArgument<C>): UserMessage {
  const values: Record<string, string> = {};
  for (const name of PARAMS[code]) values[name] = String((params as Record<string, string | number> | undefined)?.[name] ?? '');
  return { code, params: values } as UserMessage;
}

/** The parameter names of `code`, in the order of the message's $1, $2…. */
export function paramNames(code: MessageCode): readonly string[] {
  return PARAMS[code];
}

/** The values to substitute for $1, $2… of the message. */
export function messageArguments(m: UserMessage): string[] {
  const params = m.params as Readonly<Record<string, string>>;
  return PARAMS[m.code].map((name) => params[name] ?? '');
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(PARAMS, code);
}
