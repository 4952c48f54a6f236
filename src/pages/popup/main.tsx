import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { describeHealth, isUsable, watchedRegions } from '../../core/health/probe';
import { summarizeOutage } from '../../core/health/outage';
import { defaultSettings, type Settings } from '../../core/settings/schema';
import { localTimeZone } from '../../core/regions/preferred';
import { roleLabel } from '../../core/accounts/account-label';
import { openOptionsPage, openTab } from '../../platform/extension';
import { loadSettings } from '../../platform/settings-store';
import { readConsoles, type OpenedConsole } from '../../platform/console-list';
import { useRegionHealth } from '../../ui/use-health';
import '../../ui/base.css';
import './popup.css';
import { t, tMessage } from '../../platform/i18n';
import { StableLabel } from '../../ui/stable-label';
import { readFailoverResults } from '../../platform/failover-store';
import type { FailoverStore } from '../../core/signin/failover-results';
import { FailoverSummary } from './failover-summary';
import { OutageLead } from './outage-lead';
import { RoleEntries, roleEntries } from './role-entries';

const PARTITION = 'aws';
const NO_SETTINGS = defaultSettings();

/** The popup's own data, read once before its body paints (so nothing appears above what painted). */
interface PopupData {
  settings: Settings;
  consoles: OpenedConsole[];
  failover: FailoverStore;
}

/**
 * The toolbar popup: the state of AWS sign-in in words first (what to do during an outage), the
 * watched regions, one click to sign in again (or as a pinned or recent role), and the consoles
 * opened here, every account by its name where one is known.
 */
function Popup() {
  const [data, setData] = useState<PopupData>();
  useEffect(() => {
    void Promise.all([
      loadSettings().then((loaded) => loaded.settings, () => defaultSettings()),
      readConsoles().catch(() => []),
      readFailoverResults().catch(() => ({})),
    ]).then(([settings, consoles, failover]) => setData({ settings, consoles, failover }));
  }, []);
  const settings = data?.settings ?? NO_SETTINGS;
  const consoles = data?.consoles ?? [];
  const regions = useMemo(
    () => watchedRegions(settings, localTimeZone(), PARTITION),
    [settings],
  );
  const { health, checkAgain } = useRegionHealth(PARTITION, regions);
  const summary = summarizeOutage(regions, health);
  const names = settings.accountNames;

  // "Sign in again": the IdP app of the first watched region that answers, else any app link.
  const signInAgain =
    regions.map((r) => ({ region: r, url: settings.idpAppLinks[r] })).find((l) => l.url && isUsable(health[l.region])) ??
    Object.entries(settings.idpAppLinks).map(([region, url]) => ({ region, url }))[0];
  const again = signInAgain?.url ? { region: signInAgain.region, url: signInAgain.url } : undefined;
  const checking = regions.some((r) => health[r]?.checkingSince !== undefined);

  if (!data) {
    return (
      <section>
        <h1>{t('popupTitle')}</h1>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('popupTitle')}</h1>
      <OutageLead summary={summary} regions={regions} />
      <ul class="health-list" aria-label={t('healthListLabel')}>
        {regions.map((r) => (
          <li key={r} class={`state-${health[r]?.state ?? 'unknown'}`}>
            <span class="dot" aria-hidden="true" />
            <span class="code">{r}</span>
            <span class="state">{tMessage(describeHealth(health[r]))}</span>
          </li>
        ))}
      </ul>
      <div class="actions">
        {again && (
          <button type="button" class="button primary" onClick={() => void openTab(again.url)}>
            {t('signInAgain', again.region)}
          </button>
        )}
        <button type="button" class="button" onClick={checkAgain} disabled={checking}>
          <StableLabel labels={[t('checkNow'), t('checking')]} current={checking ? 1 : 0} />
        </button>
      </div>
      <FailoverSummary store={data.failover} />
      <RoleEntries entries={roleEntries(settings, again)} names={names} shownRegion={(r) => (health[r]?.state === 'down' ? (summary.working ?? r) : r)} />
      {consoles.length > 0 && (
        <>
          <h2>{t('consolesTitle')}</h2>
          <ul class="consoles" aria-label={t('consolesTitle')}>
            {consoles.map((c) => {
              const role = roleLabel(c.roleArn, names);
              return (
                <li key={`${c.roleArn} ${c.openedAt}`}>
                  {t('consoleLine', role.role, role.account, c.region, new Date(c.endsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }))}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p class="hint">
        {/* Settings first: the chore after it may go once health answers, and nothing moves then. */}
        <button type="button" class="link" onClick={() => void openOptionsPage()}>
          {t('settingsLink')}
        </button>
        {/* The IdP app link is a chore for a calm day: never offered while a region is down. */}
        {!again && summary.down.length === 0 && (
          <>
            {' · '}
            <button type="button" class="link" onClick={() => void openOptionsPage()}>
              {t('addIdpLink')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}

document.title = t('popupPageTitle');
const root = document.getElementById('app');
if (root) render(<Popup />, root);
