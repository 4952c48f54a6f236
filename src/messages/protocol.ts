// zod/mini: the same validation, tree-shaken, so the service worker stays small.
import * as z from 'zod/mini';
import { ACCOUNT_COLOURS } from '../core/accounts/colours';
import { parseRoleArn } from '../core/aws/arn';
import { endpointForHost } from '../core/aws/endpoints';
import { isCatalogRegion } from '../core/aws/catalog';
import { MAX_ARN_LENGTH, MAX_REGION_LENGTH, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from '../core/base/limits';
import { isOwnPageUrl } from '../core/base/own-origin';
import { MAX_LEARNED_NAME_LENGTH, MAX_NAMES_PER_PAGE } from '../core/accounts/learned-names';
import type { StsCredentials } from '../core/signin/sts';
import { MAX_CHECKED_REGIONS, MAX_CHECKED_ROLES, type FailoverResult } from '../core/signin/failover-check';
import type { UserMessage } from '../core/words/user-message';

const CatalogRegion = z.string().check(z.maxLength(MAX_REGION_LENGTH), z.refine(isCatalogRegion));

/**
 * Every message between our pages and the worker, validated on arrival. Messages carry no
 * assertion: the picker reads that from session storage itself.
 */
export const RefreshHealthMessage = z.object({
  type: z.literal('health/refresh'),
  partition: z.string().check(z.regex(/^aws(-[a-z0-9]+)*$/), z.maxLength(MAX_REGION_LENGTH)),
  /** The user asked ("Check again"): ignore the cache. */
  force: z.boolean(),
  /** Regions to probe before the others: the addressed one, the user's preferred ones. */
  first: z.optional(z.array(CatalogRegion).check(z.maxLength(64))),
});

/** From our content script on an AWS sign-in page that shows an error after our re-post. */
export const SigninRejectedMessage = z.object({
  type: z.literal('signin/rejected'),
  awsMessage: z.string().check(z.minLength(1), z.maxLength(2000)),
});

/**
 * From our content script on an AWS sign-in page that is not an error: AWS took the assertion.
 * `pageSince`: when that page's navigation began (ms since epoch): a capture made later is a new
 * sign-in in the same tab, not the one AWS took.
 */
export const SigninLandedMessage = z.object({ type: z.literal('signin/landed'), pageSince: z.number().check(z.gte(0)) });

/**
 * From the picker: sign this tab in through regional STS and the federation endpoint with its
 * captured assertion (docs/sts-federation.md). The worker reads the assertion itself and checks the role.
 */
export const StsSigninMessage = z.object({
  type: z.literal('signin/sts'),
  roleArn: z.string().check(z.maxLength(MAX_ARN_LENGTH), z.refine((s) => parseRoleArn(s) !== undefined)),
  region: CatalogRegion,
  durationCap: z.optional(z.number().check(z.int(), z.gte(MIN_SESSION_SECONDS), z.lte(MAX_SESSION_SECONDS))),
});

/**
 * From the picker, on the user's click: CLI credentials for the chosen role and region (the only
 * message whose reply carries credentials; the page shows them for at most a minute).
 */
export const CliCredentialsMessage = z.object({
  type: z.literal('credentials/sts'),
  roleArn: StsSigninMessage.shape.roleArn,
  region: StsSigninMessage.shape.region,
  durationCap: StsSigninMessage.shape.durationCap,
});

/**
 * From the picker: several roles at once, each in a console tab of its own (this tab the first
 * when all open). `retry`: roles that failed a moment ago, tried again from the picker, which
 * stays. `accountNames` and `accountColours`: the names and colours the picker shows for these
 * accounts (Firefox names and colours their containers with them; the worker reads no settings).
 */
export const StsSigninManyMessage = z.object({
  type: z.literal('signin/sts-many'),
  roleArns: z.array(StsSigninMessage.shape.roleArn).check(z.minLength(1), z.maxLength(5)),
  region: StsSigninMessage.shape.region,
  durationCap: StsSigninMessage.shape.durationCap,
  retry: z.optional(z.boolean()),
  accountNames: z.optional(
    z.record(z.string().check(z.regex(/^\d{12}$/)), z.string().check(z.minLength(1), z.maxLength(64))).check(z.refine((r) => Object.keys(r).length <= 5)),
  ),
  accountColours: z.optional(z.record(z.string().check(z.regex(/^\d{12}$/)), z.enum(ACCOUNT_COLOURS)).check(z.refine((r) => Object.keys(r).length <= 5))),
});

/** From the picker, on the user's click: learn account names from AWS's role page. */
export const FetchAccountNamesMessage = z.object({ type: z.literal('names/fetch') });

/**
 * From our content script on AWS's own role page (the user went there): the aliases it names, by
 * account ID, for the worker to keep as learned names. Nothing else from the page.
 */
export const RolePageNamesMessage = z.object({
  type: z.literal('names/seen'),
  names: z
    .record(z.string().check(z.regex(/^\d{12}$/)), z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_LEARNED_NAME_LENGTH)))
    .check(z.refine((m) => Object.keys(m).length >= 1 && Object.keys(m).length <= MAX_NAMES_PER_PAGE)),
});

/**
 * From the picker, on the user's click: the failover check of these roles in these regions
 * (core/signin/failover-check.ts). The reply carries results only: no credential, no token.
 */
export const FailoverCheckMessage = z.object({
  type: z.literal('failover/check'),
  roleArns: z.array(StsSigninMessage.shape.roleArn).check(z.minLength(1), z.maxLength(MAX_CHECKED_ROLES)),
  regions: z.array(CatalogRegion).check(z.minLength(1), z.maxLength(MAX_CHECKED_REGIONS)),
});

/** The picker copied CLI credentials and the user wants the clipboard cleared a minute later. */
export const ClearClipboardLaterMessage = z.object({ type: z.literal('clipboard/clear-later') });

export const ExtensionMessage = z.discriminatedUnion('type', [
  ClearClipboardLaterMessage,
  FailoverCheckMessage,
  FetchAccountNamesMessage,
  RolePageNamesMessage,
  StsSigninManyMessage,
  RefreshHealthMessage,
  SigninRejectedMessage,
  SigninLandedMessage,
  StsSigninMessage,
  CliCredentialsMessage,
]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;

export type CliCredentials = StsCredentials & { readonly assumedRoleArn: string };

/** A role of several that did not open, with the diagnosis page's own words for why. */
export interface FailedConsole {
  readonly roleArn: string;
  readonly title: UserMessage;
  readonly explanation: readonly UserMessage[];
  /** One message a line. */
  readonly adminRequest: readonly UserMessage[];
}

/**
 * Several roles at once, when not all opened: which did (each in a new tab) and which did not.
 * The capture is kept for a retry while the assertion is valid. Nothing secret in it.
 */
export interface ConsolesOutcome {
  readonly opened: readonly string[];
  readonly failed: readonly FailedConsole[];
}

/** What the failover check found, and what the admin report needs (the Recipient is no secret). */
export interface FailoverCheckReply {
  readonly results: readonly FailoverResult[];
  readonly recipient: string;
  readonly partition: string;
}

export type MessageReply =
  | { ok: true; cliCredentials?: CliCredentials; learned?: number; consoles?: ConsolesOutcome; failover?: FailoverCheckReply }
  /** Why not, for the page to word (user-message.ts). */
  | { ok: false; error: UserMessage };

export interface MessageSender {
  readonly id?: string | undefined;
  readonly url?: string | undefined;
  readonly tab?: { readonly id?: number | undefined } | undefined;
}

/** Which senders may send which message: pages ask for health, only our content script reports rejections. */
export function isAllowedSender(message: ExtensionMessage, sender: MessageSender, ownId: string, ownOrigin: string): boolean {
  switch (message.type) {
    case 'health/refresh':
      return isFromOwnPage(sender, ownId, ownOrigin);
    case 'signin/sts':
    case 'signin/sts-many':
    case 'credentials/sts':
    case 'clipboard/clear-later':
    case 'names/fetch':
    case 'failover/check':
      // The tab's own picker: the worker uses that tab's capture.
      return isFromOwnPage(sender, ownId, ownOrigin) && sender.tab?.id !== undefined;
    case 'signin/rejected':
    case 'signin/landed':
    case 'names/seen':
      return isFromSigninContentScript(sender, ownId);
  }
}

/** Our content script, running in a tab on an AWS sign-in endpoint. */
export function isFromSigninContentScript(sender: MessageSender, ownId: string): boolean {
  if (sender.id !== ownId || sender.tab?.id === undefined || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'https:' && endpointForHost(url.hostname) !== undefined;
  } catch {
    return false;
  }
}

/** Only our own extension pages may talk to the worker (not content scripts, not other extensions). */
export function isFromOwnPage(sender: { id?: string | undefined; url?: string | undefined }, ownId: string, ownOrigin: string): boolean {
  // A prefix test, not URL.origin: non-web schemes have an opaque origin outside browsers.
  return sender.id === ownId && isOwnPageUrl(sender.url, ownOrigin);
}
