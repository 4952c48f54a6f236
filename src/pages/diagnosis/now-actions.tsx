import { useState } from 'preact/hooks';
import type { StoredDiagnosisView } from '../../core/diagnosis/stored-diagnosis';
import { stsPermission, stsRulesOf } from '../../core/signin/sts-permission';
import { grantRetry } from '../../platform/attempt-store';
import { PICKER_PATH, currentTabId, extensionUrl, openTab } from '../../platform/extension';
import { saveSettings, type LoadedSettings } from '../../platform/settings-store';
import { t } from '../../platform/i18n';

/** Causes after which the assertion was not used: the picker may reuse it once. */
const UNUSED = ['endpoint-failed', 'sts-unreachable', 'sts-refused', 'federation-failed'];

/**
 * What the user can do without an admin, as buttons: reuse the unused assertion in the picker, sign
 * in again through the IdP app, and, when only the user's own "re-post only" setting kept STS out
 * of a sign-in to another region, switch it to automatic and sign in again (never where the
 * organisation's policy set it: the explanation above says so).
 */
export function NowActions(props: { value: StoredDiagnosisView; canRetry: boolean; loaded: LoadedSettings | undefined }) {
  const { diagnosis, attempt } = props.value;
  const [switched, setSwitched] = useState(false);
  const loaded = props.loaded;
  const links = loaded?.settings.idpAppLinks ?? {};
  const link = links[attempt.recipientRegion] ?? Object.values(links)[0];
  const retry = props.canRetry && UNUSED.includes(diagnosis.cause);
  const triedSts = diagnosis.steps?.some((s) => s.method !== 'repost') ?? false;
  const permission = loaded ? stsPermission(stsRulesOf(loaded.settings, loaded.locked), 'signin') : { ok: true as const };
  const stsHelps = attempt.region !== attempt.recipientRegion && !triedSts && !permission.ok && permission.refusal.code === 'stsOffRepostSetting';

  const retryInPicker = async () => {
    const tabId = await currentTabId();
    if (tabId !== undefined) await grantRetry(tabId);
    location.assign(extensionUrl(PICKER_PATH));
  };
  const trySts = async () => {
    if (!loaded) return;
    await saveSettings({ ...loaded.user, signinMethod: 'auto' });
    setSwitched(true);
    if (link) await openTab(link);
  };
  const primary = (first: boolean) => (first ? 'button primary' : 'button');
  return (
    <>
      <h2>{t('diagnosisNowTitle')}</h2>
      <div class="actions now">
        {retry && (
          <button type="button" class="button primary" onClick={() => void retryInPicker()}>
            {diagnosis.cause === 'endpoint-failed' ? t('tryAnotherRegion') : t('chooseAnotherRoleOrRegion')}
          </button>
        )}
        {stsHelps && !switched && (
          <button type="button" class={primary(!retry)} onClick={() => void trySts()}>
            {t('diagnosisTrySts')}
          </button>
        )}
        {link && (
          <button type="button" class={primary(!retry && !stsHelps)} onClick={() => void openTab(link)}>
            {t('diagnosisSignInAgain')}
          </button>
        )}
      </div>
      {switched && !link && <p role="status">{t('diagnosisStsSwitched', attempt.region)}</p>}
      {!retry && !link && <p class="hint">{t('diagnosisRetryHint')}</p>}
    </>
  );
}
