import { browser } from './browser-api';
import { migrateSettings, type ManagedKey, type Settings } from '../core/settings/schema';
import { applyManaged } from '../core/settings/managed';
import { fitsSyncQuota, joinFromSync, splitForSync, staleSyncKeys } from '../core/settings/sync';
import { message, type UserMessage } from '../core/words/user-message';
import { SETTINGS_LOCAL_KEY, SETTINGS_LOCATION_KEY, readManagedStorage, watchStoredSettings } from './stored-settings';

/**
 * Settings live in storage.sync (split under its quotas); when they do not fit they fall back to
 * storage.local with a notice. Enterprise values from storage.managed are applied on top and
 * shown as locked. Nothing here ever holds an assertion.
 */
const LOCATION_KEY = SETTINGS_LOCATION_KEY;
const LOCAL_KEY = SETTINGS_LOCAL_KEY;

export interface LoadedSettings {
  /** What the extension uses: user settings with managed values applied. */
  readonly settings: Settings;
  /** The user's own settings, the ones to edit and save. */
  readonly user: Settings;
  readonly locked: readonly ManagedKey[];
  /** Stored or managed parts that were dropped, in words. */
  readonly rejected: readonly UserMessage[];
  readonly storedIn: 'sync' | 'local';
}

/**
 * storage.managed can take seconds to answer after a browser start, whether a policy is installed
 * or not (4–5 s seen in Chromium 156 with one): read it once per page (again when the policy
 * changes), wait for it only briefly, and reload the settings when it arrives late or changed.
 * Until then the pages show the user's settings; the worker, which acts on the policy's STS rules,
 * always waits for it (stored-settings.ts, readStsRules).
 */
const MANAGED_WAIT_MS = 250;
const managedArrived = new Set<() => void>();
let managed: { known: boolean; value: unknown } = { known: false, value: undefined };
let managedRead: Promise<void> | undefined;

function managedSoon(): Promise<unknown> {
  managedRead ??= readManagedStorage().then((value) => {
    const news = !managed.known || JSON.stringify(value) !== JSON.stringify(managed.value);
    managed = { known: true, value };
    if (news) for (const listener of managedArrived) listener();
  });
  return Promise.race([managedRead, new Promise((resolve) => setTimeout(resolve, MANAGED_WAIT_MS))]).then(() => managed.value);
}

/** The user's settings as stored, unvalidated, and where. */
async function readStored(): Promise<{ raw: unknown; storedIn: 'sync' | 'local' }> {
  const local = await browser.storage.local.get([LOCATION_KEY, LOCAL_KEY]);
  const storedIn = local[LOCATION_KEY] === 'local' ? 'local' : 'sync';
  return { raw: storedIn === 'local' ? local[LOCAL_KEY] : joinFromSync(await browser.storage.sync.get(null)), storedIn };
}

export async function loadSettings(): Promise<LoadedSettings> {
  const { raw, storedIn } = await readStored();
  const migrated = migrateSettings(raw);
  const applied = applyManaged(migrated.settings, await managedSoon());
  return {
    settings: applied.settings,
    user: migrated.settings,
    locked: applied.locked,
    rejected: [...migrated.rejected, ...applied.rejected],
    storedIn,
  };
}

export interface SaveResult {
  readonly storedIn: 'sync' | 'local';
  /** Set when the settings could not go to sync. */
  readonly notice?: UserMessage;
}

export async function saveSettings(user: Settings): Promise<SaveResult> {
  const fit = fitsSyncQuota(user);
  if (fit.fits) {
    const items = splitForSync(user);
    await browser.storage.sync.set(items);
    const stored = Object.keys(await browser.storage.sync.get(null));
    const stale = staleSyncKeys(stored, items);
    if (stale.length) await browser.storage.sync.remove(stale);
    await browser.storage.local.set({ [LOCATION_KEY]: 'sync' });
    await browser.storage.local.remove(LOCAL_KEY);
    return { storedIn: 'sync' };
  }
  await browser.storage.local.set({ [LOCAL_KEY]: user, [LOCATION_KEY]: 'local' });
  return {
    storedIn: 'local',
    notice: message('syncTooLarge', { kb: Math.ceil(fit.bytes / 1024) }),
  };
}

/**
 * After an update: settings stored by an earlier version are written back in this version's shape,
 * so that what the user had is kept in the form every page of this version reads. Left as stored
 * when none are stored, when they come from a newer version, or when a part could not be carried
 * over: the options page then says what was dropped, and the user's next save decides.
 */
export async function migrateStoredSettings(): Promise<boolean> {
  const { raw } = await readStored();
  if (raw === undefined) return false;
  const migrated = migrateSettings(raw);
  if (!migrated.changed || migrated.rejected.length) return false;
  await saveSettings(migrated.settings);
  return true;
}

/** Calls back when settings change in any area (another tab, another device, a policy). */
export function watchSettings(listener: () => void): () => void {
  const stop = watchStoredSettings((area) => {
    // A policy changed while the page is open: read it again, not the answer kept from before.
    if (area === 'managed') managedRead = undefined;
    listener();
  });
  managedArrived.add(listener);
  return () => {
    stop();
    managedArrived.delete(listener);
  };
}
