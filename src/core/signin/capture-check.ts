// What a page or the worker may trust from `storage.session`, checked on every read. Only our own
// worker writes a capture there (web pages cannot reach extension storage, and the worker keeps
// content scripts out of this area: SECURITY.md, risk D), so a check of its shape and caps is enough;
// written by hand so the picker's first paint loads no validation library for it (zod stays where
// input comes from outside: messages, settings, imported files).
import type { CapturedSignin } from './capture';
import { MAX_RELAY_STATE_LENGTH, MAX_SIGNIN_FORM_BYTES, MAX_URL_LENGTH } from '../base/limits';

const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

function isHttpsUrl(value: unknown): value is string {
  if (!isString(value, MAX_URL_LENGTH)) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The capture in `stored`, as a new object of exactly its known fields; undefined when `stored` is not
 * one: a missing or mistyped field, an empty or oversized SAMLResponse, a RelayState, URL or initiator
 * over its cap, a URL that is not https, a tab id that is not an integer, a time that is not finite.
 */
export function checkCapturedSignin(stored: unknown): CapturedSignin | undefined {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
  const { samlResponse, relayState, url, tabId, capturedAt, initiator } = stored as Record<string, unknown>;
  if (!isString(samlResponse, MAX_SIGNIN_FORM_BYTES) || samlResponse === '') return undefined;
  if (!isString(relayState, MAX_RELAY_STATE_LENGTH) || !isHttpsUrl(url)) return undefined;
  if (!Number.isSafeInteger(tabId) || typeof capturedAt !== 'number' || !Number.isFinite(capturedAt)) return undefined;
  if (initiator !== undefined && !isString(initiator, MAX_URL_LENGTH)) return undefined;
  const capture = { samlResponse, relayState, url, tabId: tabId as number, capturedAt };
  return initiator === undefined ? capture : { ...capture, initiator };
}
