import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { cleanSettingsFields, type Settings, type SettingsKey } from '../../core/settings/schema';
import { defaultPreferredRegions, localTimeZone } from '../../core/regions/preferred';
import { loadSettings, saveSettings, watchSettings, type LoadedSettings } from '../../platform/settings-store';
import { applyAppearance } from '../../ui/appearance';
import '../../ui/base.css';
import './options.css';
import { t, tMessage } from '../../platform/i18n';
import type { UserMessage } from '../../core/words/user-message';
import { AccountColoursSection } from './account-colours-section';
import { AccountNamesSection } from './account-names-section';
import { AppearanceSection } from './appearance-section';
import { AutoSignInSection } from './auto-sign-in-section';
import { BackupSection } from './backup-section';
import { IdpLinksSection } from './idp-links-section';
import { InterceptionSection } from './interception-section';
import { PinsSection } from './pins-section';
import { RegionsSection } from './regions-section';
import { SigninMethodSection } from './signin-method-section';

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

  if (!loaded) return <p class="hint">{t('loadingSettings')}</p>;

  const persist = async (user: Settings) => {
    const result = await saveSettings(user);
    setStatus(result.notice ? tMessage(result.notice) : t('saved'));
    await load();
  };
  const props: SectionProps = {
    loaded,
    defaultRegions: defaultPreferredRegions(localTimeZone()),
    isLocked: (key) => (loaded.locked as readonly string[]).includes(key),
    replace: persist,
    edit: async (key, value) => {
      const rejected: UserMessage[] = [];
      const cleaned = cleanSettingsFields({ [key]: value }, rejected);
      if (rejected.length || cleaned[key] === undefined) return rejected.length ? tMessage(rejected) : t('valueUnusable');
      await persist({ ...loaded.user, [key]: cleaned[key] });
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
        <p class="status" role="status">
          {status}
        </p>
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
      <InterceptionSection {...props} />
      <RegionsSection {...props} />
      <IdpLinksSection {...props} />
      <SigninMethodSection {...props} />
      <AccountNamesSection {...props} />
      <AccountColoursSection {...props} />
      <PinsSection {...props} />
      <AutoSignInSection {...props} />
      <BackupSection {...props} />
      <AppearanceSection {...props} />
    </>
  );
}

document.title = t('optionsPageTitle');
const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
