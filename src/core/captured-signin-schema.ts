// zod/mini: the same validation, tree-shaken. Classic zod registered its English messages on first
// use; mini needs them configured.
import * as z from 'zod/mini';
import type { CapturedSignin } from './captured-signin';
import { MAX_RELAY_STATE_LENGTH, MAX_SAML_RESPONSE_BYTES } from './limits';

z.config(z.locales.en());

/** What a page may trust from `storage.session`: checked on every read. */
export const CapturedSigninSchema = z.object({
  samlResponse: z.string().check(z.minLength(1), z.maxLength(MAX_SAML_RESPONSE_BYTES * 2)),
  relayState: z.string().check(z.maxLength(MAX_RELAY_STATE_LENGTH)),
  url: z.url({ protocol: /^https$/ }).check(z.maxLength(2048)),
  tabId: z.number().check(z.int()),
  capturedAt: z.number(),
  initiator: z.optional(z.string().check(z.maxLength(2048))),
}) satisfies z.ZodMiniType<CapturedSignin>;
