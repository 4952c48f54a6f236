import { endpointForHost } from '../core/aws/endpoints';
import { isCatalogRegion } from '../core/aws/catalog';
import { MAX_REGION_LENGTH } from '../core/base/limits';
import { isOwnPageUrl } from '../core/base/own-origin';
import { MAX_LEARNED_NAME_LENGTH, MAX_NAMES_PER_PAGE } from '../core/accounts/learned-names';
import type { UserMessage } from '../core/words/user-message';

/**
 * Every message to the worker, validated on arrival (readExtensionMessage). None carries the
 * assertion or anything secret: what a click starts (STS, federation, AWS's role page) runs in the
 * page clicked (src/aws-calls/).
 */
export type ExtensionMessage =
  /** Probe the sign-in and STS endpoints; `force`: the user asked ("Check again"); `first`: regions to probe first. */
  | { readonly type: 'health/refresh'; readonly partition: string; readonly force: boolean; readonly first?: readonly string[] | undefined }
  /** From our content script on an AWS sign-in page that shows an error after our re-post. */
  | { readonly type: 'signin/rejected'; readonly awsMessage: string }
  /**
   * From our content script on an AWS sign-in page that is not an error: AWS took the assertion.
   * `pageSince`: when that page's navigation began (ms since epoch): a capture made later is a new
   * sign-in in the same tab, not the one AWS took.
   */
  | { readonly type: 'signin/landed'; readonly pageSince: number }
  /**
   * From our content script on AWS's own role page (the user went there): the aliases it names, by
   * account ID, for the worker to keep as learned names. Nothing else from the page.
   */
  | { readonly type: 'names/seen'; readonly names: Readonly<Record<string, string>> }
  /** The picker copied CLI credentials and the user wants the clipboard cleared a minute later. */
  | { readonly type: 'clipboard/clear-later' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isRegion = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_REGION_LENGTH && isCatalogRegion(value);

/** The message, with only its known fields, when it is one the worker takes; else undefined. */
export function readExtensionMessage(raw: unknown): ExtensionMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'health/refresh': {
      const { partition, force, first } = raw;
      if (typeof partition !== 'string' || partition.length > MAX_REGION_LENGTH || !/^aws(-[a-z0-9]+)*$/.test(partition)) return undefined;
      if (typeof force !== 'boolean') return undefined;
      if (first !== undefined && !(Array.isArray(first) && first.length <= 64 && first.every(isRegion))) return undefined;
      return { type: raw.type, partition, force, ...(first !== undefined && { first: [...(first as string[])] }) };
    }
    case 'signin/rejected': {
      const { awsMessage } = raw;
      return typeof awsMessage === 'string' && awsMessage.length >= 1 && awsMessage.length <= 2000 ? { type: raw.type, awsMessage } : undefined;
    }
    case 'signin/landed': {
      const { pageSince } = raw;
      return typeof pageSince === 'number' && pageSince >= 0 ? { type: raw.type, pageSince } : undefined;
    }
    case 'names/seen': {
      if (!isRecord(raw.names)) return undefined;
      const entries = Object.entries(raw.names);
      if (entries.length < 1 || entries.length > MAX_NAMES_PER_PAGE) return undefined;
      const names: Record<string, string> = {};
      for (const [accountId, name] of entries) {
        const trimmed = typeof name === 'string' ? name.trim() : '';
        if (!/^\d{12}$/.test(accountId) || trimmed.length < 1 || trimmed.length > MAX_LEARNED_NAME_LENGTH) return undefined;
        names[accountId] = trimmed;
      }
      return { type: raw.type, names };
    }
    case 'clipboard/clear-later':
      return { type: raw.type };
    default:
      return undefined;
  }
}

export type MessageReply =
  | { ok: true }
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
    case 'clipboard/clear-later':
      // The picker, in a tab, that copied CLI credentials.
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
