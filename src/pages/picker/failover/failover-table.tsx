import { useState } from 'preact/hooks';
import { own } from '../../../core/base/own';
import { groupedAccountId } from '../../../core/roles/shown-name';
import type { SamlRole } from '../../../core/saml/decode';
import { adminReport, verdict, verdictWords } from '../../../core/signin/failover-check';
import { message } from '../../../core/words/user-message';
import type { FailoverCheckReply } from '../../../aws-calls/failover-check';
import { t, tMessage } from '../../../platform/i18n';

interface Props {
  reply: FailoverCheckReply;
  roles: readonly SamlRole[];
  regions: readonly string[];
  leftOut: readonly SamlRole[];
  accountNames: Readonly<Record<string, string>>;
}

/** The failover check's results: one row per role, one column per region, and the admin's report. */
export function FailoverTable({ reply, roles, regions, leftOut, accountNames }: Props) {
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  const report = () =>
    tMessage(adminReport({ results: reply.results, roleArns: roles.map((r) => r.roleArn), regions, recipient: reply.recipient, partition: reply.partition }), '\n');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report());
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div class="failover-results">
      <p class="hint">{t('failoverIntro')}</p>
      {reply.results.some((r) => r.reason === 'sts-not-allowed') && <p class="hint">{tMessage(message('failoverStsNotAllowed'))}</p>}
      <div class="failover-scroll">
        <table class="failover-table">
          <caption>{t('failoverCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('failoverRoleColumn')}</th>
              {regions.map((region) => (
                <th scope="col" key={region}>
                  {region}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => (
              <tr key={role.roleArn}>
                <th scope="row">
                  <span class="role-name">{role.roleName}</span> <span class="account-id">{own(accountNames, role.accountId) ?? groupedAccountId(role.accountId)}</span>
                </th>
                {regions.map((region) => {
                  const v = verdict(reply.results, role.roleArn, region);
                  return (
                    <td key={region} class={v ? `verdict ${v.outcome}` : 'verdict'}>
                      {v ? tMessage(verdictWords(v)) : t('failoverOutOfTime')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {leftOut.length > 0 && <p class="hint">{t('failoverLeftOut', leftOut.map((r) => `${r.roleName} (${groupedAccountId(r.accountId)})`).join(', '))}</p>}
      <button type="button" class="button" onClick={() => void copy()}>
        {t('failoverCopyReport')}
      </button>
      {copied && (
        <p class="hint" role="status">
          {copied === 'copied' ? t('failoverReportCopied') : t('failoverCopyFailed')}
        </p>
      )}
    </div>
  );
}
