import { useState } from 'preact/hooks';
import type { StoredDiagnosisView } from '../../core/diagnosis/stored-diagnosis';
import { roleLabel } from '../../core/accounts/account-label';
import { t, tMessage } from '../../platform/i18n';

const STEP_WORDS = { repost: 'stepRepost', sts: 'stepSts', federation: 'stepFederation' } as const;

/**
 * What the admin needs, collapsed under the user's own actions: where the assertion went, the role
 * (by its account's name and its ARN), what was tried (AWS's words are already quoted above, once),
 * and the request to copy with its exact values.
 */
export function AdminDetails(props: { value: StoredDiagnosisView; names: Readonly<Record<string, string>> }) {
  const { diagnosis, attempt } = props.value;
  const [copied, setCopied] = useState(false);
  const adminRequest = tMessage(diagnosis.adminRequest, '\n');
  const role = attempt.roleArn ? roleLabel(attempt.roleArn, props.names) : undefined;
  const copy = async () => {
    await navigator.clipboard.writeText(adminRequest);
    setCopied(true);
  };
  return (
    <details class="admin-details">
      <summary>{t('diagnosisAdminDetails')}</summary>
      <dl class="facts">
        {attempt.roleArn && role && (
          <>
            <dt>{t('diagnosisRole')}</dt>
            <dd>
              {role.account ? t('roleOfAccount', role.role, role.account) : role.role}
              <br />
              <code>{attempt.roleArn}</code>
            </dd>
          </>
        )}
        <dt>{t('sentTo')}</dt>
        <dd>
          {attempt.region} ({attempt.targetUrl})
        </dd>
        <dt>{t('diagnosisAddressedTo')}</dt>
        <dd>
          {attempt.recipientRegion} ({attempt.recipientUrl})
        </dd>
      </dl>
      {diagnosis.steps && diagnosis.steps.length > 0 && (
        <>
          <h2>{t('diagnosisSteps')}</h2>
          <ol class="steps">
            {diagnosis.steps.map((step, i) => (
              <li key={i}>{t(STEP_WORDS[step.method], step.host)}</li>
            ))}
          </ol>
        </>
      )}
      <label for="admin-request">{t('adminRequestLabel')}</label>
      <textarea id="admin-request" readOnly rows={8} value={adminRequest} />
      <div class="actions">
        <button type="button" class="button" onClick={() => void copy()}>
          {copied ? t('copied') : t('copyAdminRequest')}
        </button>
      </div>
    </details>
  );
}
