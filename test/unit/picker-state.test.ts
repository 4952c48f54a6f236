import { describe, expect, it, vi } from 'vitest';
import type { PickerLoad } from '../../src/pages/picker/views/picker-state';

// The page's words come from the browser; these tests are about which view, not its words.
vi.mock('../../src/platform/i18n', () => ({ t: (key: string) => key, tPlural: (_: number, key: string) => key }));
const { isExpired, pickerView } = await import('../../src/pages/picker/views/picker-state');

const NOW = Date.parse('2030-01-01T12:00:00Z');
const capture = { tabId: 1, url: 'https://signin.aws.amazon.com/saml', samlResponse: 'x', capturedAt: NOW } as never;
const address = { partition: 'aws', endpoint: { region: 'us-east-1' } } as never;
const roles = (notOnOrAfter: string | undefined): PickerLoad =>
  ({ kind: 'roles', reused: false, capture, address, info: { notOnOrAfter, roles: [{}] } }) as never;
const encrypted = (notOnOrAfter: string | undefined): PickerLoad => ({ kind: 'encrypted', capture, address, info: { notOnOrAfter } }) as never;
const choosing = { kind: 'choosing' } as const;

describe('isExpired', () => {
  it('is true from NotOnOrAfter on, and never without one', () => {
    expect(isExpired('2030-01-01T12:00:00Z', NOW)).toBe(true);
    expect(isExpired('2030-01-01T12:00:01Z', NOW)).toBe(false);
    expect(isExpired(undefined, NOW)).toBe(false);
  });
});

describe('pickerView', () => {
  it('shows the roles, or the encrypted view, while the assertion is valid', () => {
    expect(pickerView(roles('2030-01-01T12:05:00Z'), choosing, NOW)).toMatchObject({ kind: 'roles', phase: choosing });
    expect(pickerView(roles(undefined), choosing, NOW).kind).toBe('roles');
    expect(pickerView(encrypted('2030-01-01T12:05:00Z'), choosing, NOW).kind).toBe('encrypted');
  });

  it('says the assertion expired, roles or encrypted, while the user is still choosing', () => {
    expect(pickerView(roles('2030-01-01T11:59:00Z'), choosing, NOW)).toEqual({ kind: 'expired', capture, notOnOrAfter: '2030-01-01T11:59:00Z' });
    expect(pickerView(encrypted('2030-01-01T11:59:00Z'), choosing, NOW).kind).toBe('expired');
  });

  it('keeps the page as it is once signing in started or several consoles\' outcome is shown', () => {
    const signingIn = { kind: 'signing-in', viaSts: true } as const;
    const outcome = { kind: 'consoles-outcome', consoles: { opened: [], failed: [] }, region: 'eu-west-1', at: NOW } as const;
    expect(pickerView(roles('2030-01-01T11:59:00Z'), signingIn, NOW)).toMatchObject({ kind: 'roles', phase: signingIn });
    expect(pickerView(roles('2030-01-01T11:59:00Z'), outcome, NOW)).toMatchObject({ kind: 'roles', phase: outcome });
  });

  it('passes the views without an assertion through', () => {
    for (const load of [{ kind: 'waiting' }, { kind: 'framed' }, { kind: 'no-capture' }, { kind: 'decode-error', message: 'm' }] as const) {
      expect(pickerView(load, choosing, NOW)).toBe(load);
    }
  });
});
