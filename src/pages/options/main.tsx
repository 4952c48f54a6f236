import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { cleanSettingsFields, defaultPreferredRegions, type Settings, type SettingsKey } from '../../core/settings';
import { loadSettings, saveSettings, watchSettings, type LoadedSettings } from '../../platform/settings-store';
import { publishInterception } from '../../platform/interception-switch';
import { applyAppearance } from '../../ui/appearance';
import '../../ui/base.css';
import './options.css';
import { AccountNamesSection, AppearanceSection, AutoSignInSection, BackupSection, IdpLinksSection, InterceptionSection, PinsSection, RegionsSection } from './sections';

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

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
  const [status, setStatus] = useState<string>();

  const load = () => loadSettings().then((l) => {
    setLoaded(l);
    applyAppearance(l.settings);
  });
  useEffect(() => {
    void load();
    return watchSettings(() => void load());
  }, []);

  if (!loaded) return <p class="hint">Loading settings…</p>;

  const persist = async (user: Settings) => {
    const result = await saveSettings(user);
    const reloaded = await loadSettings();
    await publishInterception(reloaded.settings.interceptionEnabled);
    setStatus(result.notice ?? 'Saved.');
    await load();
  };
  const props: SectionProps = {
    loaded,
    defaultRegions: defaultPreferredRegions(TIME_ZONE),
    isLocked: (key) => (loaded.locked as readonly string[]).includes(key),
    replace: persist,
    edit: async (key, value) => {
      const rejected: string[] = [];
      const cleaned = cleanSettingsFields({ [key]: value }, rejected);
      if (rejected.length || cleaned[key] === undefined) return rejected.join(' ') || 'That value cannot be used.';
      await persist({ ...loaded.user, [key]: cleaned[key] });
      return undefined;
    },
  };
  return (
    <>
      <header>
        <h1>Failover Role Picker for AWS</h1>
        <p class="hint">
          Settings {loaded.storedIn === 'sync' ? 'sync with your browser profile' : 'are kept on this device only'}.{' '}
          {loaded.locked.length > 0 && 'Some are set by your organisation and cannot be changed here.'}
        </p>
        <p class="status" role="status">
          {status}
        </p>
        {loaded.rejected.length > 0 && (
          <details class="warning">
            <summary>{loaded.rejected.length} stored value(s) could not be used</summary>
            <ul>
              {loaded.rejected.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </details>
        )}
      </header>
      <InterceptionSection {...props} />
      <RegionsSection {...props} />
      <IdpLinksSection {...props} />
      <AccountNamesSection {...props} />
      <PinsSection {...props} />
      <AutoSignInSection {...props} />
      <BackupSection {...props} />
      <AppearanceSection {...props} />
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
