// zod/mini: the same validation, tree-shaken. Only success or failure is read here, never an issue's
// message, so zod's English messages are not loaded: the worker and the picker's first paint do without them.
import * as z from 'zod/mini';
import type { CapturedSignin } from './capture';
import { MAX_RELAY_STATE_LENGTH, MAX_SIGNIN_FORM_BYTES, MAX_URL_LENGTH } from '../base/limits';

/** What a page may trust from `storage.session`: checked on every read. */
export const CapturedSigninSchema = z.object({
  samlResponse: z.string().check(z.minLength(1), z.maxLength(MAX_SIGNIN_FORM_BYTES)),
  relayState: z.string().check(z.maxLength(MAX_RELAY_STATE_LENGTH)),
  url: z.url({ protocol: /^https$/ }).check(z.maxLength(MAX_URL_LENGTH)),
  tabId: z.number().check(z.int()),
  capturedAt: z.number(),
  initiator: z.optional(z.string().check(z.maxLength(MAX_URL_LENGTH))),
}) satisfies z.ZodMiniType<CapturedSignin>;
