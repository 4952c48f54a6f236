// The clipboard, browser half: writing, clearing and the clearing alarm per browser. When to clear is src/background/clipboard.ts.
import { browser } from './browser-api';
import { TARGET_BROWSER } from './browser-target';

const ALARM = 'clear-copied-credentials';
const OFFSCREEN_PATH = '/offscreen/clear-clipboard.html';

/**
 * Clears the clipboard at `when` (ms since the epoch), whether or not a page of ours is still open:
 * an alarm wakes the worker (or Firefox's event page) for it. A later copy moves the time on.
 */
export function clearClipboardAt(when: number): Promise<void> {
  return Promise.resolve(browser.alarms.create(ALARM, { when }));
}

/** Runs `clear` when the clipboard is due to be cleared. Register in the worker's first turn. */
export function onClipboardClearDue(clear: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) clear();
  });
}

/**
 * Writes an empty text to the clipboard, whatever it holds: reading it first to clear only our own
 * copy would take the clipboardRead permission (everything the user copies, anywhere), which this
 * opt-in does not justify. Firefox's event page has a DOM and, with clipboardWrite, may write
 * without a click; Chrome's service worker has neither, so an offscreen document does it.
 */
export async function clearClipboard(): Promise<void> {
  if (TARGET_BROWSER === 'firefox') {
    await navigator.clipboard.writeText('');
    return;
  }
  const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
  const offscreen = api.offscreen;
  // One offscreen document at a time: a left-over one (a clear cut short) goes first.
  await offscreen.closeDocument().catch(() => undefined);
  const cleared = offscreenSaysCleared(api);
  await offscreen.createDocument({
    url: OFFSCREEN_PATH,
    reasons: [offscreen.Reason.CLIPBOARD],
    justification: 'Clears CLI credentials from the clipboard a minute after they were copied, as the user asked in the settings.',
  });
  // Closed once its script has run (it says so), or after OFFSCREEN_WAIT_MS at the most.
  await cleared;
  await offscreen.closeDocument().catch(() => undefined);
}

const OFFSCREEN_WAIT_MS = 10_000;

/** Resolves when our offscreen document reports the clipboard written, or after OFFSCREEN_WAIT_MS. */
function offscreenSaysCleared(api: typeof chrome): Promise<void> {
  const from = api.runtime.getURL(OFFSCREEN_PATH);
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      api.runtime.onMessage.removeListener(listener);
      resolve();
    };
    // Only that document's one message counts; the worker's message handler ignores it.
    const listener = (message: unknown, sender: chrome.runtime.MessageSender) => {
      if ((message as { type?: unknown } | null)?.type === 'clipboard/cleared' && sender.id === api.runtime.id && sender.url === from) done();
    };
    const timer = setTimeout(done, OFFSCREEN_WAIT_MS);
    api.runtime.onMessage.addListener(listener);
  });
}
