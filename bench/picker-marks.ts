// Marks set by the extension's pages for the bench: when the picker's "Sign in" button first exists
// and when endpoint health first shows, heard in Node through a binding (at once, not by polling).
import type { BrowserContext, Page } from 'playwright-core';

// In-page code is kept as plain JavaScript text: tsx compiles functions with helpers (`__name`)
// that do not exist in the page, so functions cannot be handed to Playwright as they are.

/**
 * In every extension page: reports when the "Sign in" button first exists (with the page's own
 * clock) and when text saying up/down/slow first shows next to the region selector. Both are
 * checked on every DOM change.
 */
const INSTALL_MARKS = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  let signIn = false;
  let health = false;
  const observer = new MutationObserver(() => {
    if (!signIn && [...document.querySelectorAll('button')].some((b) => /^\\s*Sign in/.test(b.textContent || ''))) {
      signIn = true;
      window.__benchMark('sign-in', performance.now());
    }
    const region = document.getElementById('region');
    const near = region && (region.closest('.region') || region.parentElement);
    if (!health && near && /\\b(?:down|up|slow)\\b/i.test(near.textContent || '')) {
      health = true;
      window.__benchMark('health');
    }
    if (signIn && health) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})();`;

type MarkName = 'sign-in' | 'health';

export interface SignInMark {
  /** performance.now() in Node when the binding was heard. */
  at: number;
  /** performance.now() in the picker page: from the start of its navigation (the IdP's POST). */
  pageAt: number;
}

export interface PageMarks {
  signIn: Promise<SignInMark>;
  /** performance.now() in Node. */
  health: Promise<number>;
}

/** Installs the marks in every page of the context; `marksOf(page)` before the page navigates. */
export async function installMarks(context: BrowserContext): Promise<(page: Page) => PageMarks> {
  const waiters = new Map<Page, Map<MarkName, (at: number, pageAt: number) => void>>();
  await context.exposeBinding('__benchMark', ({ page }, name: MarkName, pageAt?: number) => {
    waiters.get(page)?.get(name)?.(performance.now(), typeof pageAt === 'number' ? pageAt : NaN);
  });
  await context.addInitScript({ content: INSTALL_MARKS });
  return (page) => {
    const resolvers = new Map<MarkName, (at: number, pageAt: number) => void>();
    waiters.set(page, resolvers);
    page.once('close', () => waiters.delete(page));
    return {
      signIn: new Promise((resolve) => resolvers.set('sign-in', (at, pageAt) => resolve({ at, pageAt }))),
      health: new Promise((resolve) => resolvers.set('health', (at) => resolve(at))),
    };
  };
}
