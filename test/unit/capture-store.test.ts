import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubSessionStorage } from '../support/fake-session-storage';

// The tab's capture and attempt in session storage (kept in memory here): the end of one sign-in
// must never take away the next one the IdP posted in the same tab meanwhile.

const capture = (capturedAt: number) => ({
  samlResponse: 'PHNhbWxwOlJlc3BvbnNlLz4=',
  relayState: '',
  url: 'https://signin.aws.amazon.com/saml',
  tabId: 7,
  capturedAt,
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('removeCapture', () => {
  it('forgets the capture made by the given time, and keeps a newer one', async () => {
    const { stored } = stubSessionStorage();
    const { removeCapture, saveCapture } = await import('../../src/platform/session-store');
    await saveCapture(capture(1_000));
    await removeCapture(7, 999);
    expect(stored['capture:7']).toEqual(capture(1_000));
    await removeCapture(7, 1_000);
    expect(stored['capture:7']).toBeUndefined();
    await saveCapture(capture(2_000));
    await removeCapture(7);
    expect(stored['capture:7']).toBeUndefined();
  });

  it('runs in turn with the writes: a removal asked before a newer capture is written keeps it', async () => {
    const { stored } = stubSessionStorage();
    const { removeCapture, saveCapture } = await import('../../src/platform/session-store');
    await saveCapture(capture(1_000));
    const removal = removeCapture(7, 1_500);
    const write = saveCapture(capture(2_000));
    const lateRemoval = removeCapture(7, 1_500);
    await Promise.all([removal, write, lateRemoval]);
    expect(stored['capture:7']).toEqual(capture(2_000));
  });
});

describe('takeAttempt', () => {
  it('takes only an attempt made by the given time', async () => {
    const { stored } = stubSessionStorage();
    const { saveAttempt, takeAttempt } = await import('../../src/platform/attempt-store');
    const attempt = { tabId: 7, partition: 'aws', region: 'us-east-1', targetUrl: 'https://signin.aws.amazon.com/saml', recipientUrl: 'https://signin.aws.amazon.com/saml', recipientRegion: 'us-east-1', at: 5_000 };
    await saveAttempt(attempt);
    await expect(takeAttempt(7, 4_000)).resolves.toBeUndefined();
    expect(stored['attempt:7']).toEqual(attempt);
    await expect(takeAttempt(7, 5_000)).resolves.toEqual(attempt);
    expect(stored['attempt:7']).toBeUndefined();
  });
});

describe('saveCapture when session storage is full', () => {
  it('drops damaged and stale captures to make room, and keeps the new one', async () => {
    const now = Date.now();
    const { stored } = stubSessionStorage({ quotaBytes: 4_000 });
    stored['capture:8'] = { samlResponse: 'B'.repeat(1_500) }; // no endpoint, tab or time: nothing a picker takes
    stored['capture:9'] = { ...capture(now - 16 * 60_000), tabId: 9, samlResponse: 'C'.repeat(1_000) }; // older than any assertion lives
    stored['capture:10'] = { ...capture(now - 1_000), tabId: 10, samlResponse: 'D'.repeat(500) };
    const { saveCapture } = await import('../../src/platform/session-store');
    const fresh = { ...capture(now), samlResponse: 'A'.repeat(2_000) };
    await saveCapture(fresh);
    expect(stored['capture:7']).toEqual(fresh);
    expect(Object.keys(stored).sort()).toEqual(['capture:10', 'capture:7']);
  });

  it('tells the picker the sign-in was not kept when it still does not fit', async () => {
    const now = Date.now();
    const { stored } = stubSessionStorage({ quotaBytes: 3_000, tabId: 7 });
    stored['capture:8'] = { ...capture(now - 1_000), tabId: 8, samlResponse: 'B'.repeat(2_500) };
    const { saveCapture, takeLostCapture } = await import('../../src/platform/session-store');
    await expect(saveCapture({ ...capture(now), samlResponse: 'A'.repeat(1_000) })).rejects.toThrow(/quota/);
    expect(stored['capture:7']).toBeUndefined();
    expect(stored['capture:8']).toBeDefined(); // another tab's fresh sign-in is never taken away
    await expect(takeLostCapture(7, now - 20_000)).resolves.toBe(true);
    await expect(takeLostCapture(7, now - 20_000)).resolves.toBe(false);
  });
});
