import { roleFailoverStatus } from '../../../core/signin/failover-results';
import { t } from '../../../platform/i18n';
import { checkedWhen } from '../../../ui/checked-when';
import { useFailoverResultsOf } from './failover-results';



/** Beside a role: what the last failover check found for it ("fails over to eu-west-1 through STS · checked today"). */
export function FailoverStatus({ roleArn }: { roleArn: string }) {
  const status = roleFailoverStatus(useFailoverResultsOf(), roleArn, Date.now());
  if (!status) return null;
  if (status.kind === 'stale') return <span class="failover-status stale">{t('failoverStatusStale', checkedWhen(status.days))}</span>;
  if (status.kind === 'refused') return <span class="failover-status refused">{t('failoverStatusRefused', status.region, checkedWhen(status.days))}</span>;
  const method = status.method === 'sts' ? t('failoverMethodSts') : t('failoverMethodRepost');
  return <span class="failover-status ready">{t('failoverStatusReady', status.region, method, checkedWhen(status.days))}</span>;
}
