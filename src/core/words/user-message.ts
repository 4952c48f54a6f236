// What core says to the user, as codes and parameters: the pages choose the words (tMessage in
// src/platform/i18n.ts, from public/_locales/<lang>/messages.json, where each code is a key). Each
// code lists its parameters in the order of the message's $1, $2…; test/unit/user-message.test.ts
// checks every code against messages.json (same key, same placeholders, in that order) and renders
// each one. Values (hosts, regions, ARNs, AWS's own words) go in as parameters, never words; a
// parameter that is itself words ("the connection was reset") is a message, worded first.

import { OPTIONS_PARAMS } from './options-messages';

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
  decodeUnreadable: [],
  // What failed on the way to an endpoint, as a part of a sentence (repost-outcome.ts, health.ts, aws-request.ts).
  answeredHttp: ['status'],
  answeredIn: ['ms'],
  noAnswerWithin: ['seconds'],
  connectionFailed: [],
  connectionFailedWith: ['error'],
  connectionReset: [],
  connectionClosed: [],
  connectionRefused: [],
  connectionTimedOut: [],
  hostNotResolved: [],
  emptyResponse: [],
  notCheckedYet: [],
  // One region's health, in a line (health.ts), and the toolbar button's title.
  healthLineChecking: [],
  healthLineNotChecked: [],
  healthLineDown: ['detail'],
  healthLineUp: ['ms'],
  healthLineSlow: ['ms'],
  extName: [],
  badgeRegionLine: ['region', 'health'],
  // Choosing a region the assertion is not addressed to (region-choice.ts).
  otherRegionAddressed: ['region', 'host'],
  otherRegionAccepts: ['region', 'url'],
  otherRegionOptIn: ['region'],
  // Where the sign-in data and the credentials may go (signin-post.ts, sts-target.ts).
  thisAddress: [],
  targetNotSignin: ['host'],
  targetQuery: [],
  targetPartition: ['host', 'partition', 'wanted'],
  targetBadRole: [],
  targetRolePartition: ['role', 'rolePartition', 'partition'],
  targetNoData: [],
  targetNotSts: ['host'],
  targetNotFederation: ['host'],
  targetCredentialsPartition: ['host', 'partition', 'wanted'],
  // STS's answer (sts.ts) and the federation endpoint's (federation.ts), when they said nothing of their own.
  stsTooLarge: ['bytes'],
  stsDoctype: [],
  stsNotXml: ['status'],
  stsEmpty: ['status'],
  stsHttp: ['status'],
  stsNoResult: ['status'],
  stsIncomplete: [],
  stsCodeSaid: ['code', 'said'],
  stsRequestFailed: [],
  stsNoEndpoint: [],
  federationNoToken: [],
  federationRefused: ['status'],
  federationRefusedSaid: ['status', 'said'],
  federationRequestRefused: [],
  // Why the extension does not use STS here (sts-permission.ts).
  stsOffRepostPolicy: [],
  stsOffRepostSetting: [],
  cliOffPolicy: [],
  cliOffSetting: [],
  // What an STS error means, and what to ask the admin (sts.ts).
  stsAccessDenied: [],
  stsAccessDeniedAsk: [],
  stsExpired: [],
  stsExpiredAsk: [],
  stsUnknownProvider: [],
  stsBadSignature: [],
  stsInvalidTokenAsk: [],
  stsClaimRejected: [],
  stsClaimRejectedAsk: [],
  stsRegionDisabled: [],
  stsRegionDisabledAsk: [],
  stsInvalid: [],
  stsInvalidAsk: [],
  stsThrottling: [],
  stsNoAnswer: [],
  stsUnreadable: [],
  cliStsFailed: ['explanation', 'said'],
  // The diagnosis page (diagnosis.ts, sts-diagnosis.ts): titles, explanations, and the admin request's lines.
  theRoleYouChose: [],
  diagExpiredTitle: [],
  diagExpired: [],
  diagWrongPartitionTitle: [],
  diagWrongPartition: ['rolePartition', 'targetPartition'],
  diagSessionNameTitle: [],
  diagSessionName: [],
  diagSignatureTitle: [],
  diagSignature: [],
  diagAudienceTitle: ['region'],
  diagAudience: ['recipientRegion', 'recipientUrl', 'region', 'target'],
  diagRoleTrustTitle: [],
  diagRoleTrust: ['role'],
  diagUnknownTitle: [],
  diagUnknown: ['target'],
  diagEndpointTitle: ['region'],
  diagEndpoint: ['region', 'detail'],
  diagRepostRefusedFirst: ['host', 'said', 'recipient'],
  diagFederationTitle: ['region'],
  diagFederation: ['role'],
  diagStsUnreachableTitle: [],
  diagNoSts: [],
  diagThenNoSts: [],
  diagAssertionUnused: [],
  diagTrustRefusedTitle: [],
  diagStsRefusedTitle: [],
  diagStsSaid: ['said'],
  diagThenStsSaid: ['said'],
  adminAudHello: ['target'],
  adminAudAdd: ['role'],
  adminAudValue: ['value'],
  adminAudAcs: ['region', 'target'],
  adminAwsSaid: ['said'],
  adminExpired: ['target'],
  adminCheckClock: [],
  adminWrongPartition: ['role', 'rolePartition', 'recipient'],
  adminSessionName: [],
  adminSignature: ['role'],
  adminUpdateMetadata: [],
  adminEndpointFailed: ['target', 'detail'],
  adminEndpointOtherRegion: [],
  adminFederationFailed: [],
  adminStsFailedEverywhere: [],
  adminStsFailed: ['role'],
  adminStepRepost: ['host', 'said'],
  adminStepSts: ['host', 'said'],
  adminStepFederation: ['host', 'said'],
  adminCheckTrust: ['role', 'recipient'],
  adminNoScpDeny: [],
  // The worker's replies to a page (src/background/, src/platform/messaging.ts, worker-client.ts).
  replyCaptureGone: [],
  replyCaptureGoneShort: [],
  replyRoleNotInAssertion: [],
  replyNotARegion: ['region', 'partition'],
  replyNoStsAccess: [],
  replyNoRole: [],
  replyRefused: [],
  replySingleRole: [],
  replyNotAddressed: [],
  replyRequestFailed: [],
  replySigninNoAnswer: ['detail'],
  replyNoNamesOnPage: [],
  replyPickerTabSignin: [],
  replyPickerTabNames: [],
  replyPickerTabCredentials: [],
  replyFailed: [],
  replyNone: [],
  replyWorkerUnreachable: [],
  // The failover check's cells and its report for the admin (signin/failover-check.ts).
  failoverViaRepost: [],
  failoverViaSts: [],
  failoverTrustPolicy: [],
  failoverRegionDisabled: [],
  failoverRepostRefused: [],
  failoverStsRefused: [],
  failoverFederationFailed: [],
  failoverNoAnswer: [],
  failoverStsNotAllowed: [],
  failoverOutOfTime: [],
  failoverReportHello: ['count', 'regions'],
  failoverReportRole: ['role', 'regions'],
  failoverReportAcs: ['region', 'target'],
  failoverReportAllReady: [],
  replyPickerTabFailover: [],
  ...OPTIONS_PARAMS,
} as const satisfies Record<string, readonly string[]>;

export type MessageCode = keyof typeof PARAMS;
export const MESSAGE_CODES = Object.keys(PARAMS) as MessageCode[];

/** A value in a message: plain text (a host, AWS's words), or words of its own. */
export type MessageValue = string | UserMessage;

/** The named values a message takes. */
export type MessageParams<C extends MessageCode> = { readonly [K in (typeof PARAMS)[C][number]]: MessageValue };

/** A sentence for the user, as a code and its values. Plain data: it goes through storage and messages. */
export type UserMessage = { readonly [C in MessageCode]: { readonly code: C; readonly params: MessageParams<C> } }[MessageCode];

type ParamsArgument<C extends MessageCode> = (typeof PARAMS)[C] extends readonly []
  ? []
  : [params: { readonly [K in (typeof PARAMS)[C][number]]: MessageValue | number }];

/** `message('samlBadTime', { attribute, value })`: numbers are written as digits. */
export function message<C extends MessageCode>(code: C, ...[params]: ParamsArgument<C>): UserMessage {
  const given = (params ?? {}) as Readonly<Record<string, MessageValue | number | undefined>>;
  const values: Record<string, MessageValue> = {};
  for (const name of PARAMS[code]) {
    const value = given[name];
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
