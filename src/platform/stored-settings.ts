import type { Storage } from 'webextension-polyfill';
import { browser } from './browser-api';
import { effectiveSettings } from '../core/settings/managed';
import type { Settings } from '../core/settings/schema';
import { SYNC_KEY_PREFIX } from '../core/settings/sync';
import { stsRulesOf, type StsRules } from '../core/signin/sts-permission';

/**
 * Where the user's settings are stored: storage.sync (the `settings` item holds the small fields),
 * or storage.local when they do not fit sync. settings-store.ts is their only writer; the worker
 * reads the few fields it acts on from here, so a change synced from another device reaches it too.
 */
export const SETTINGS_LOCATION_KEY = 'settingsLocation';
export const SETTINGS_LOCAL_KEY = 'settings';

/** storage.managed, or undefined when no policy is installed (or the browser has no managed storage). */
export async function readManagedStorage(): Promise<Record<string, unknown> | undefined> {
  try {
    const managed = await browser.storage.managed.get(null);
    return Object.keys(managed).length ? managed : undefined;
  } catch {
    return undefined;
  }
}

/** The stored settings' small fields (all the worker reads), unvalidated. */
export async function readStoredSettingsRoot(): Promise<unknown> {
  const local = await browser.storage.local.get([SETTINGS_LOCATION_KEY, SETTINGS_LOCAL_KEY]);
  if (local[SETTINGS_LOCATION_KEY] === 'local') return local[SETTINGS_LOCAL_KEY];
  return (await browser.storage.sync.get(SYNC_KEY_PREFIX))[SYNC_KEY_PREFIX];
}

/**
 * What may use STS, from the user's stored values and the policy's. Unlike the glances below it
 * waits for storage.managed however long it takes (seconds after a browser start, with or without a
 * policy): deciding without it would ignore the organisation's policy.
 */
export async function readStsRules(): Promise<StsRules> {
  const [user, managed] = await Promise.all([readStoredSettingsRoot().catch(() => undefined), readManagedStorage()]);
  const { settings, locked } = effectiveSettings(user, managed);
  return stsRulesOf(settings, locked);
}

/**
 * The user's values at once and the policy's as soon as it answers: storage.managed can take
 * seconds when no policy is installed, so `onGlance` is called once without it, then again with it.
 */
export async function glanceAtSettings(onGlance: (settings: Settings) => void): Promise<void> {
  const user = await readStoredSettingsRoot().catch(() => undefined);
  const managed = readManagedStorage();
  let answered = false;
  void managed.then((policy) => {
    answered = true;
    onGlance(effectiveSettings(user, policy).settings);
  });
  await Promise.resolve();
  if (!answered) onGlance(effectiveSettings(user, undefined).settings);
}

/** Calls back when the stored settings change in any area (this page, another device, a policy). */
export function watchStoredSettings(listener: (area: string) => void): () => void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const keys = Object.keys(changes);
    if (
      area === 'managed' ||
      (area === 'sync' && keys.some((k) => k === SYNC_KEY_PREFIX || k.startsWith(`${SYNC_KEY_PREFIX}:`))) ||
      (area === 'local' && keys.some((k) => k === SETTINGS_LOCAL_KEY || k === SETTINGS_LOCATION_KEY))
    ) {
      listener(area);
    }
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/**
 * Before the worker read the settings itself, the options page copied the interception switch to
 * this storage.local key (and a change synced from another device never reached it): removed.
 */
export async function forgetRetiredSwitchCopy(): Promise<void> {
  await browser.storage.local.remove('interceptionEnabled');
}
