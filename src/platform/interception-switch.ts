import browser from 'webextension-polyfill';

/**
 * The worker stays free of the settings schema (it must start fast), so pages that change
 * settings publish the one value it needs, already validated and with managed values applied.
 */
export const INTERCEPTION_KEY = 'interceptionEnabled';

export async function publishInterception(enabled: boolean): Promise<void> {
  await browser.storage.local.set({ [INTERCEPTION_KEY]: enabled });
}

/**
 * Worker side, read without the settings schema: only a real boolean counts, anything else
 * means "on". The published value is read first because it is fast; storage.managed can take
 * seconds to answer when no policy is installed, so it only overrides once it arrives.
 */
export async function readPublishedSwitch(): Promise<boolean> {
  const local = await browser.storage.local.get(INTERCEPTION_KEY);
  return local[INTERCEPTION_KEY] !== false;
}

/** The enterprise policy's value, or undefined when there is none. */
export async function readPolicySwitch(): Promise<boolean | undefined> {
  const managed = await browser.storage.managed.get(INTERCEPTION_KEY).catch(() => ({}) as Record<string, unknown>);
  const policy = managed[INTERCEPTION_KEY];
  return typeof policy === 'boolean' ? policy : undefined;
}

export function watchInterceptionSwitch(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' || area === 'managed') && INTERCEPTION_KEY in changes) listener();
  });
}
