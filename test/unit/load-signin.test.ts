import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubSessionStorage } from '../support/fake-session-storage';

// What the picker makes of its tab's capture in session storage (kept in memory here).

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('loadCapturedSignin', () => {
  it('removes a capture that fails validation, and says it is damaged', async () => {
    const { stored } = stubSessionStorage({ tabId: 7 });
    stored['capture:7'] = { samlResponse: 'A'.repeat(1_000), relayState: 'x'.repeat(50_000), tabId: 7 };
    const { loadCapturedSignin } = await import('../../src/pages/picker/views/load-signin');
    await expect(loadCapturedSignin(Date.now())).resolves.toMatchObject({ kind: 'invalid' });
    expect(stored['capture:7']).toBeUndefined();
  });

  it('says the sign-in was not kept when the worker could not store it, without waiting for it', async () => {
    const { stored } = stubSessionStorage({ tabId: 7 });
    stored['lost:7'] = Date.now();
    const { loadCapturedSignin } = await import('../../src/pages/picker/views/load-signin');
    await expect(loadCapturedSignin(Date.now())).resolves.toEqual({ kind: 'none', reason: 'not-kept' });
    expect(stored['lost:7']).toBeUndefined();
  });

  it("takes no notice of another tab's lost sign-in, or of one from before this picker", async () => {
    const { stored } = stubSessionStorage({ tabId: 7 });
    stored['lost:8'] = Date.now();
    stored['lost:7'] = Date.now() - 60_000;
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { CAPTURE_WAIT_MS, loadCapturedSignin } = await import('../../src/pages/picker/views/load-signin');
    const load = loadCapturedSignin(Date.now());
    await vi.advanceTimersByTimeAsync(CAPTURE_WAIT_MS);
    vi.useRealTimers();
    await expect(load).resolves.toEqual({ kind: 'none', reason: 'not-captured' });
  });
});
