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
 * Worker side: the switch as last published, an enterprise policy winning. Read without the
 * settings schema: only a real boolean counts, anything else means "on".
 */
export async function readInterceptionSwitch(): Promise<boolean> {
  const managed = await browser.storage.managed.get(INTERCEPTION_KEY).catch(() => ({}) as Record<string, unknown>);
  const policy = managed[INTERCEPTION_KEY];
  if (typeof policy === 'boolean') return policy;
  const local = await browser.storage.local.get(INTERCEPTION_KEY);
  return local[INTERCEPTION_KEY] !== false;
}

export function watchInterceptionSwitch(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' || area === 'managed') && INTERCEPTION_KEY in changes) listener();
  });
}
