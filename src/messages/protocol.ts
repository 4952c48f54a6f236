import { z } from 'zod';

/**
 * Every message between our pages and the worker, validated on arrival. Messages carry no
 * assertion: the picker reads that from session storage itself.
 */
export const RefreshHealthMessage = z.object({
  type: z.literal('health/refresh'),
  partition: z.string().regex(/^aws(-[a-z0-9]+)*$/).max(32),
  /** The user asked ("Check again"): ignore the cache. */
  force: z.boolean(),
});

export const ExtensionMessage = z.discriminatedUnion('type', [RefreshHealthMessage]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;

export type MessageReply = { ok: true } | { ok: false; error: string };

/** Only our own extension pages may talk to the worker (not content scripts, not other extensions). */
export function isFromOwnPage(sender: { id?: string | undefined; url?: string | undefined }, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId || !sender.url) return false;
  try {
    return new URL(sender.url).origin === ownOrigin;
  } catch {
    return false;
  }
}
