import { removeCapture } from '../../../platform/session-store';

/**
 * A picker left without signing in (back, another URL, a reload, the tab's other uses) must not
 * leave its assertion behind for whatever the tab loads next: it is forgotten on `pagehide`.
 * Signing in (the re-post, the STS sign-in, AWS's own page) marks the page first, so the worker
 * still has the capture for the re-post's outcome or the STS calls.
 */
let signingIn = false;

/** On before the page hands the assertion on; off again when that was refused before leaving. */
export function markSigningIn(on = true): void {
  signingIn = on;
}

/**
 * `capturedAt`: the capture this picker shows. Only that one goes: leaving through the IdP (a
 * fresh assertion from another region's app) can bring the next capture before this removal runs.
 */
export function forgetWhenLeft(tabId: number, capturedAt: number): void {
  addEventListener('pagehide', () => {
    if (!signingIn) void removeCapture(tabId, capturedAt).catch(() => undefined);
  });
}
