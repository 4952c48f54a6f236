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
 * How several accounts' consoles stay apart, in the words the picker shows beside "Open N consoles":
 * Firefox containers, or AWS's multi-session setting in Chrome. Pages take what differs between the
 * browsers from here, never the build flag.
 */
export const CONSOLES_APART_NOTE = HAS_CONTAINERS ? ('openConsolesNoteFirefox' as const) : ('openConsolesNote' as const);
