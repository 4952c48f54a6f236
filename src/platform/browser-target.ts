/**
 * The browser this bundle was built for. vite.config.ts fixes it per build (BROWSER=firefox writes
 * dist/firefox), so the other browser's branch is dropped from the bundle; unit tests, which run
 * no build, see 'chrome'. Only src/platform/ reads it.
 */
export type TargetBrowser = 'chrome' | 'firefox';

export const TARGET_BROWSER: TargetBrowser = import.meta.env.TARGET_BROWSER === 'firefox' ? 'firefox' : 'chrome';

/** Chrome catches the IdP's POST with the static DNR rule; Firefox with a blocking webRequest listener. */
export const CAPTURES_WITH_STATIC_RULE = TARGET_BROWSER !== 'firefox';
/** Firefox lets the user withhold host permissions, so STS access is asked for on the user's click. */
export const ASKS_FOR_HOST_ACCESS = TARGET_BROWSER === 'firefox';
/** Firefox containers keep the consoles of several accounts apart; Chrome relies on AWS's multi-session. */
export const HAS_CONTAINERS = TARGET_BROWSER === 'firefox';

/**
 * What differs between Chrome and Firefox, named once: other files ask these, never the build flag.
 * (docs/interception.md#catching-the-idps-post and docs/sts-federation.md: which interception works where, and who grants host access.) Files in
 * src/platform/ read the constants above instead: the bundler folds a constant, not an object's
 * property, so only then does the other browser's code (Firefox containers, its blocking
 * listener) drop out of each bundle.
 */
export const BROWSER_TRAITS = {
  capturesWithStaticRule: CAPTURES_WITH_STATIC_RULE,
  asksForHostAccess: ASKS_FOR_HOST_ACCESS,
  hasContainers: HAS_CONTAINERS,
} as const;
