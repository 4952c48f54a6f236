import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings/schema';
import { defaultSettings } from '../../core/settings/fields';
import type { LoadedSettings } from '../../platform/settings-store';
import { applyAppearance } from '../../ui/appearance';

// The settings' store (storage, sync quotas, managed values) is no part of the first paint: the picker shows the roles with the defaults and loads them alongside.
const settingsStore = () => import('../../platform/settings-store');

/**
 * The settings as the picker uses them: the defaults until the stored ones are read (`ready`),
 * then the effective ones (managed values applied), kept up to date as they change elsewhere.
 * `update` changes the user's own settings and saves them.
 */
export function usePickerSettings(): {
  settings: Settings;
  /** The settings an administrator's policy sets. */
  locked: LoadedSettings['locked'];
  ready: boolean;
  update: (change: (user: Settings) => Settings) => Promise<void>;
} {
  const [loaded, setLoaded] = useState<LoadedSettings>(() => ({
    settings: defaultSettings(),
    user: defaultSettings(),
    locked: [],
    rejected: [],
    storedIn: 'sync',
  }));
  const [ready, setReady] = useState(false);
  const latest = useRef(loaded);
  latest.current = loaded;

  // Settings only add to the picker (names, pins, preferences): it never waits for them.
  const load = () =>
    settingsStore()
      .then((store) => store.loadSettings())
      .then((next) => {
        setLoaded(next);
        setReady(true);
        applyAppearance(next.settings);
      }, () => undefined);
  useEffect(() => {
    let live = true;
    let unwatch: (() => void) | undefined;
    void load();
    settingsStore().then((store) => {
      if (live) unwatch = store.watchSettings(() => void load());
    }, () => undefined);
    return () => {
      live = false;
      unwatch?.();
    };
  }, []);
  const update = async (change: (user: Settings) => Settings) => {
    const store = await settingsStore();
    await store.saveSettings(change(latest.current.user));
    await load();
  };
  return { settings: loaded.settings, locked: loaded.locked, ready, update };
}
