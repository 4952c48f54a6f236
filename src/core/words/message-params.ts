// The parameters of every code the core says, in the order of the message's $1, $2…, checked by the
// compiler against public/_locales/en/messages.json (same key, same placeholders).

import type messages from '../../../public/_locales/en/messages.json';
import { OPTIONS_PARAMS } from './options-messages';

/** The English messages, as a type only (nothing of the file is bundled here). */
type Catalog = typeof messages;
type PlaceholderOf<C> = C extends keyof Catalog ? (Catalog[C] extends { readonly placeholders: infer P } ? Extract<keyof P, string> : never) : never;
/**
 * The table as the compiler checks it against messages.json: each code is a message there and its
 * parameters (in any case, as chrome.i18n reads placeholder names) are exactly that message's
 * placeholders. Their order ($1, $2…) is checked by test/unit/user-message.test.ts.
 */
type CheckedAgainstCatalog<T> = {
  readonly [C in keyof T]: C extends keyof Catalog
    ? T[C] extends readonly string[]
      ? [Lowercase<T[C][number]>] extends [PlaceholderOf<C>]
        ? [PlaceholderOf<C>] extends [Lowercase<T[C][number]>]
          ? T[C]
          : `${C & string} lacks a placeholder of messages.json: ${Exclude<PlaceholderOf<C>, Lowercase<T[C][number]>>}`
        : `${C & string}: not a placeholder in messages.json: ${Exclude<Lowercase<T[C][number]>, PlaceholderOf<C>>}`
      : never
    : `${C & string} is not a message in messages.json`;
};

function checkedAgainstCatalog<const T>(table: T & CheckedAgainstCatalog<T>): T {
  return table;
}

export const PARAMS = /* @__PURE__ */ checkedAgainstCatalog({
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
  stsNoEndpoint: [],
  federationNoToken: [],
  federationRefused: ['status'],
  federationRefusedSaid: ['status', 'said'],
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
} as const satisfies Record<string, readonly string[]>);
