import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RELAY_STATE_LENGTH, MAX_SIGNIN_FORM_BYTES, MAX_URL_LENGTH } from '../../src/core/base/limits';
import type { CapturedSignin } from '../../src/core/signin/capture';
import { checkCapturedSignin } from '../../src/core/signin/capture-check';

const capture: CapturedSignin = {
  samlResponse: 'PHNhbWxwOlJlc3BvbnNlLz4=',
  relayState: 'https://console.aws.amazon.com/',
  url: 'https://signin.aws.amazon.com/saml',
  tabId: 3,
  capturedAt: 1_000_000,
};

describe('checkCapturedSignin', () => {
  it('accepts a capture as the worker writes it, with or without its initiator', () => {
    expect(checkCapturedSignin(capture)).toEqual(capture);
    const withInitiator = { ...capture, initiator: 'https://acme.okta.com' };
    expect(checkCapturedSignin(withInitiator)).toEqual(withInitiator);
    expect(checkCapturedSignin({ ...capture, relayState: '' })).toEqual({ ...capture, relayState: '' });
  });

  it('accepts every field at its cap', () => {
    const full = {
      ...capture,
      samlResponse: 'a'.repeat(MAX_SIGNIN_FORM_BYTES),
      relayState: 'r'.repeat(MAX_RELAY_STATE_LENGTH),
      url: `https://signin.aws.amazon.com/saml?${'q'.repeat(MAX_URL_LENGTH - 35)}`,
      initiator: 'i'.repeat(MAX_URL_LENGTH),
    };
    expect(full.url).toHaveLength(MAX_URL_LENGTH);
    expect(checkCapturedSignin(full)).toEqual(full);
  });

  it('keeps only the known fields', () => {
    const checked = checkCapturedSignin({ ...capture, extra: 'not ours', __proto__: { polluted: true } });
    expect(checked).toEqual(capture);
    expect(Object.keys(checked ?? {}).sort()).toEqual(['capturedAt', 'relayState', 'samlResponse', 'tabId', 'url']);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'junk'],
    ['an array', [capture]],
    ['no SAMLResponse', { ...capture, samlResponse: undefined }],
    ['an empty SAMLResponse', { ...capture, samlResponse: '' }],
    ['a SAMLResponse over the cap', { ...capture, samlResponse: 'a'.repeat(MAX_SIGNIN_FORM_BYTES + 1) }],
    ['a SAMLResponse that is not text', { ...capture, samlResponse: ['abc'] }],
    ['no RelayState', { ...capture, relayState: undefined }],
    ['a RelayState over the cap', { ...capture, relayState: 'r'.repeat(MAX_RELAY_STATE_LENGTH + 1) }],
    ['an http URL', { ...capture, url: 'http://signin.aws.amazon.com/saml' }],
    ['a URL that does not parse', { ...capture, url: 'https://' }],
    ['a relative URL', { ...capture, url: '/saml' }],
    ['a URL over the cap', { ...capture, url: `https://signin.aws.amazon.com/saml?${'q'.repeat(MAX_URL_LENGTH)}` }],
    ['a URL that is not text', { ...capture, url: new URL(capture.url) }],
    ['a tab id that is text', { ...capture, tabId: '3' }],
    ['a tab id with a fraction', { ...capture, tabId: 3.5 }],
    ['an unsafe tab id', { ...capture, tabId: 2 ** 60 }],
    ['no capture time', { ...capture, capturedAt: undefined }],
    ['a capture time that is not a number', { ...capture, capturedAt: '1000000' }],
    ['a capture time that is NaN', { ...capture, capturedAt: Number.NaN }],
    ['an infinite capture time', { ...capture, capturedAt: Number.POSITIVE_INFINITY }],
    ['an initiator that is not text', { ...capture, initiator: 42 }],
    ['an initiator over the cap', { ...capture, initiator: 'i'.repeat(MAX_URL_LENGTH + 1) }],
  ])('refuses %s', (_, stored) => {
    expect(checkCapturedSignin(stored)).toBeUndefined();
  });

  it('never accepts a value without every required field of the right type', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const checked = checkCapturedSignin(stored);
        if (checked === undefined) return;
        expect(typeof checked.samlResponse).toBe('string');
        expect(checked.samlResponse.length).toBeGreaterThan(0);
        expect(typeof checked.relayState).toBe('string');
        expect(new URL(checked.url).protocol).toBe('https:');
        expect(Number.isSafeInteger(checked.tabId)).toBe(true);
        expect(Number.isFinite(checked.capturedAt)).toBe(true);
      }),
    );
  });
});
