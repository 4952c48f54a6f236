/**
 * The browser this bundle was built for. vite.config.ts fixes it per build (BROWSER=firefox writes
 * dist/firefox), so the other browser's branch is dropped from the bundle; unit tests, which run
 * no build, see 'chrome'. Only src/platform/ reads it.
 */
export type TargetBrowser = 'chrome' | 'firefox';

export const TARGET_BROWSER: TargetBrowser = import.meta.env.TARGET_BROWSER === 'firefox' ? 'firefox' : 'chrome';
