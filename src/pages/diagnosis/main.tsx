import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { StoredDiagnosisSchema, type StoredDiagnosisView } from '../../core/diagnosis/stored-diagnosis';
import { readDiagnosis } from '../../platform/attempt-store';
import { currentTabId } from '../../platform/extension';
import { readCapture } from '../../platform/session-store';
import { loadSettings, type LoadedSettings } from '../../platform/settings-store';
import '../../ui/base.css';
import '../picker/picker.css';
import './diagnosis.css';
import { t, tMessage } from '../../platform/i18n';
import { AdminDetails } from './admin-details';
import { NowActions } from './now-actions';

type State = { kind: 'loading' } | { kind: 'none' } | { kind: 'ready'; value: StoredDiagnosisView; canRetry: boolean; loaded?: LoadedSettings | undefined };

/**
 * The refused sign-in in the order the user needs it: what happened in one sentence, why (with
 * AWS's words quoted once), what to do now, and, collapsed, the details for the admin.
 */
function DiagnosisPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    (async () => {
      const tabId = await currentTabId();
      const parsed = StoredDiagnosisSchema.safeParse(tabId === undefined ? undefined : await readDiagnosis(tabId));
      // The endpoint failed before AWS used the assertion: the worker kept it for a retry.
      const canRetry = tabId !== undefined && (await readCapture(tabId)) !== undefined;
      const loaded = await loadSettings().catch(() => undefined);
      setState(parsed.success ? { kind: 'ready', value: parsed.data, canRetry, loaded } : { kind: 'none' });
    })().catch(() => setState({ kind: 'none' }));
  }, []);

  if (state.kind === 'loading') return <p class="loading">{t('loading')}</p>;
  if (state.kind === 'none') {
    return (
      <section class="panel state">
        <h1>{t('nothingToExplainTitle')}</h1>
        <p>{t('nothingToExplainText')}</p>
      </section>
    );
  }
  const { diagnosis } = state.value;
  // AWS's own words, when the explanation does not quote them already (it quotes every step's).
  const awsWords = typeof diagnosis.awsMessage === 'string' && !diagnosis.steps?.length ? diagnosis.awsMessage : undefined;
  return (
    <section class="panel state diagnosis">
      <h1>{tMessage(diagnosis.title)}</h1>
      <p class="lead">{tMessage(diagnosis.explanation)}</p>
      {awsWords && (
        <p class="aws-said">
          {t('awsSaid')}: <q>{awsWords}</q>
        </p>
      )}
      <NowActions value={state.value} canRetry={state.canRetry} loaded={state.loaded} />
      <AdminDetails value={state.value} names={state.loaded?.settings.accountNames ?? {}} />
    </section>
  );
}

document.title = t('diagnosisPageTitle');
const root = document.getElementById('app');
if (root) render(<DiagnosisPage />, root);
