import { z } from 'zod';
import type { CapturedSignin } from './captured-signin';
import { MAX_RELAY_STATE_LENGTH, MAX_SAML_RESPONSE_BYTES } from './limits';

/** What a page may trust from `storage.session`: checked on every read. */
export const CapturedSigninSchema = z.object({
  samlResponse: z.string().min(1).max(MAX_SAML_RESPONSE_BYTES * 2),
  relayState: z.string().max(MAX_RELAY_STATE_LENGTH),
  url: z.url({ protocol: /^https$/ }).max(2048),
  tabId: z.number().int(),
  capturedAt: z.number(),
  initiator: z.string().max(2048).optional(),
}) satisfies z.ZodType<CapturedSignin>;
