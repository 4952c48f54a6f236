import { afterEach, describe, expect, it, vi } from 'vitest';

// Unit tests see the Chrome build (TARGET_BROWSER 'chrome'): the bridge from a listener's promise
// to Chrome's sendResponse, which the polyfill did before.
type ChromeListener = (message: unknown, sender: object, sendResponse: (reply?: unknown) => void) => boolean;

function fakeChrome(): { listeners: ChromeListener[] } {
  const listeners: ChromeListener[] = [];
  vi.stubGlobal('chrome', { runtime: { onMessage: { addListener: (l: ChromeListener) => listeners.push(l) } } });
  return { listeners };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('browser-api in the Chrome build', () => {
  it('is the chrome namespace itself', async () => {
    const chrome = fakeChrome();
    const { browser } = await import('../../src/platform/browser-api');
    expect(browser).toBe((globalThis as unknown as { chrome: unknown }).chrome);
    expect(chrome.listeners).toHaveLength(0);
  });

  it("replies with the listener's promise through sendResponse, keeping the channel open", async () => {
    const { listeners } = fakeChrome();
    const { addMessageListener } = await import('../../src/platform/browser-api');
    const seen: unknown[] = [];
    addMessageListener((message, sender) => {
      seen.push([message, sender]);
      return message === 'ask' ? Promise.resolve({ ok: true }) : message === 'fail' ? Promise.reject(new Error('x')) : undefined;
    });
    const listener = listeners[0]!;
    const sender = { id: 'ours' };

    const answered = new Promise((resolve) => expect(listener('ask', sender, resolve)).toBe(true));
    await expect(answered).resolves.toEqual({ ok: true });

    const failed = new Promise((resolve) => expect(listener('fail', sender, (reply?: unknown) => resolve(['replied', reply]))).toBe(true));
    await expect(failed).resolves.toEqual(['replied', undefined]);

    const ignored = vi.fn();
    expect(listener('other', sender, ignored)).toBe(false);
    await Promise.resolve();
    expect(ignored).not.toHaveBeenCalled();
    expect(seen).toEqual([['ask', sender], ['fail', sender], ['other', sender]]);
  });
});
