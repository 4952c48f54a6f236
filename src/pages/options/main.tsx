import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { cleanSettingsFields, type Settings, type SettingsKey } from '../../core/settings/schema';
import { defaultPreferredRegions, localTimeZone } from '../../core/regions/preferred';
import { loadSettings, saveSettings, watchSettings, type LoadedSettings } from '../../platform/settings-store';
import { applyAppearance } from '../../ui/appearance';
import '../../ui/base.css';
import './options.css';
import { t, tMessage } from '../../platform/i18n';
import type { UserMessage } from '../../core/words/user-message';
import { SettingsGroups, SettingsNav } from './groups';
import { SavedNote, besideChangedControl, watchChangedControls, type SavedAt } from './saved-note';

export interface SectionProps {
  loaded: LoadedSettings;
  /** Validates one setting with the settings schema; saves it, or returns why not. */
  edit: <K extends SettingsKey>(key: K, value: unknown) => Promise<string | undefined>;
  /** Replaces the user's settings wholesale (import). */
  replace: (user: Settings) => Promise<void>;
  isLocked: (key: SettingsKey) => boolean;
  defaultRegions: string[];
}

function OptionsPage() {
  const [loaded, setLoaded] = useState<LoadedSettings>();
  const [status, setStatus] = useState<{ text: string; at: SavedAt | undefined }>();
  const saving = useRef<Promise<unknown>>(Promise.resolve());

  const load = () => loadSettings().then((l) => {
    setLoaded(l);
    applyAppearance(l.settings);
  });
  useEffect(() => {
    void load();
    const stopWatching = watchChangedControls();
    const stopSettings = watchSettings(() => void load());
    return () => {
      stopWatching();
      stopSettings();
    };
  }, []);

  if (!loaded) return <p class="hint">{t('loadingSettings')}</p>;

  // Each change is applied to the settings as stored when its turn comes, one after another: two
  // quick edits never save over each other.
  const persist = (change: (user: Settings) => Settings) => {
    // Where the change was made, read before saving re-renders the page.
    const at = besideChangedControl();
    const next = saving.current.then(async () => {
      const result = await saveSettings(change((await loadSettings()).user));
      // The page re-renders with what was saved first: a render with the old settings would set a box
      // the user just changed back for a moment.
      await load();
      // A notice is a sentence: it goes in the header; "Saved." goes beside the control.
      setStatus(result.notice ? { text: tMessage(result.notice), at: undefined } : { text: t('saved'), at });
    });
    saving.current = next.catch(() => undefined);
    return next;
  };
  const props: SectionProps = {
    loaded,
    defaultRegions: defaultPreferredRegions(localTimeZone()),
    isLocked: (key) => (loaded.locked as readonly string[]).includes(key),
    replace: (user) => persist(() => user),
    edit: async (key, value) => {
      const rejected: UserMessage[] = [];
      const cleaned = cleanSettingsFields({ [key]: value }, rejected);
      if (rejected.length || cleaned[key] === undefined) return rejected.length ? tMessage(rejected) : t('valueUnusable');
      await persist((user) => ({ ...user, [key]: cleaned[key] }));
      return undefined;
    },
  };
  return (
    <>
      <header>
        <h1>{t('extName')}</h1>
        <p class="hint">
          {loaded.storedIn === 'sync' ? t('settingsSynced') : t('settingsLocal')}{' '}
          {loaded.locked.length > 0 && t('settingsSomeLocked')}
        </p>
        <SavedNote text={status?.text} at={status?.at} />
        {loaded.rejected.length > 0 && (
          <details class="warning">
            <summary>{t('rejectedStoredValues', String(loaded.rejected.length))}</summary>
            <ul>
              {loaded.rejected.map((r) => tMessage(r)).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </details>
        )}
      </header>
      <div class="settings-layout">
        <SettingsNav />
        <div class="settings-groups">
          <SettingsGroups {...props} />
        </div>
      </div>
    </>
  );
}

document.title = t('optionsPageTitle');
const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
