import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { StoredDiagnosisSchema, type StoredDiagnosisView } from '../../core/diagnosis/stored-diagnosis';
import { grantRetry, readDiagnosis } from '../../platform/attempt-store';
import { PICKER_PATH, currentTabId, extensionUrl } from '../../platform/extension';
import { readCapture } from '../../platform/session-store';
import '../../ui/base.css';
import '../picker/picker.css';
import { t, tMessage } from '../../platform/i18n';
import type { MessageValue } from '../../core/words/user-message';

/** AWS's words as it wrote them, or ours for what failed on the way. */
const said = (value: MessageValue) => (typeof value === 'string' ? value : tMessage(value));

type State = { kind: 'loading' } | { kind: 'none' } | { kind: 'ready'; value: StoredDiagnosisView; canRetry: boolean };

function DiagnosisPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    (async () => {
      const tabId = await currentTabId();
      const parsed = StoredDiagnosisSchema.safeParse(tabId === undefined ? undefined : await readDiagnosis(tabId));
      // The endpoint failed before AWS used the assertion: the worker kept it for a retry.
      const canRetry = tabId !== undefined && (await readCapture(tabId)) !== undefined;
      setState(parsed.success ? { kind: 'ready', value: parsed.data, canRetry } : { kind: 'none' });
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
  const { diagnosis, attempt } = state.value;
  // The assertion was not used up: back to the picker for another region (or role).
  const retry = state.canRetry && ['endpoint-failed', 'sts-unreachable', 'sts-refused', 'federation-failed'].includes(diagnosis.cause);
  // A one-time grant for this tab's picker to reuse the unused assertion (never a URL flag).
  const retryInPicker = async () => {
    const tabId = await currentTabId();
    if (tabId !== undefined) await grantRetry(tabId);
    location.assign(extensionUrl(PICKER_PATH));
  };
  const adminRequest = tMessage(diagnosis.adminRequest, '\n');
  const copy = async () => {
    await navigator.clipboard.writeText(adminRequest);
    setCopied(true);
  };
  return (
    <section class="panel state diagnosis">
      <h1>{tMessage(diagnosis.title)}</h1>
      <p>{tMessage(diagnosis.explanation)}</p>
      <dl class="facts">
        <dt>{t('awsSaid')}</dt>
        <dd>
          <q>{said(diagnosis.awsMessage)}</q>
        </dd>
        <dt>{t('sentTo')}</dt>
        <dd>
          {attempt.region} ({attempt.targetUrl})
        </dd>
        <dt>{t('diagnosisAddressedTo')}</dt>
        <dd>
          {attempt.recipientRegion} ({attempt.recipientUrl})
        </dd>
        {attempt.roleArn && (
          <>
            <dt>{t('diagnosisRole')}</dt>
            <dd>{attempt.roleArn}</dd>
          </>
        )}
      </dl>
      {diagnosis.steps && diagnosis.steps.length > 0 && (
        <>
          <h2>{t('diagnosisSteps')}</h2>
          <ol class="steps">
            {diagnosis.steps.map((step, i) => (
              <li key={i}>
                <strong>{t(step.method === 'repost' ? 'stepRepost' : step.method === 'sts' ? 'stepSts' : 'stepFederation', step.host)}</strong>:{' '}
                <q>{said(step.said)}</q>
              </li>
            ))}
          </ol>
        </>
      )}
      <label for="admin-request">{t('adminRequestLabel')}</label>
      <textarea id="admin-request" readOnly rows={8} value={adminRequest} />
      <div class="actions">
        {retry && (
          <button type="button" class="button primary" onClick={() => void retryInPicker()}>
            {diagnosis.cause === 'endpoint-failed' ? t('tryAnotherRegion') : t('chooseAnotherRoleOrRegion')}
          </button>
        )}
        <button type="button" class={retry ? 'button' : 'button primary'} onClick={copy}>
          {copied ? t('copied') : t('copyAdminRequest')}
        </button>
      </div>
      {!retry && (
        <p class="hint">
          {t('diagnosisRetryHint')}
        </p>
      )}
    </section>
  );
}

document.title = t('diagnosisPageTitle');
const root = document.getElementById('app');
if (root) render(<DiagnosisPage />, root);
