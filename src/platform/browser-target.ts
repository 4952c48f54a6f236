/**
 * The browser this bundle was built for. vite.config.ts fixes it per build (BROWSER=firefox writes
 * dist/firefox), so the other browser's branch is dropped from the bundle; unit tests, which run
 * no build, see 'chrome'. Only src/platform/ reads it.
 */
export type TargetBrowser = 'chrome' | 'firefox';

export const TARGET_BROWSER: TargetBrowser = import.meta.env.TARGET_BROWSER === 'firefox' ? 'firefox' : 'chrome';

/**
 * What differs between Chrome and Firefox, named once: other files ask these, never the build flag.
 * (REFERENCE §5 and §8: which interception works where, and who grants host access.)
 */
export const BROWSER_TRAITS = {
  /** Chrome catches the IdP's POST with the static DNR rule; Firefox with a blocking webRequest listener. */
  capturesWithStaticRule: TARGET_BROWSER !== 'firefox',
  /** Firefox lets the user withhold host permissions, so STS access is asked for on the user's click. */
  asksForHostAccess: TARGET_BROWSER === 'firefox',
  /** Firefox containers keep the consoles of several accounts apart; Chrome relies on AWS's multi-session. */
  hasContainers: TARGET_BROWSER === 'firefox',
} as const;
