import { roleFailoverStatus } from '../../../core/signin/failover-results';
import { t } from '../../../platform/i18n';
import { useFailoverResultsOf } from './failover-results';

const when = (days: number) => (days === 0 ? t('failoverToday') : t('failoverDaysAgo', String(days)));

/** Beside a role: what the last failover check found for it ("fails over to eu-west-1 through STS · checked today"). */
export function FailoverStatus({ roleArn }: { roleArn: string }) {
  const status = roleFailoverStatus(useFailoverResultsOf(), roleArn, Date.now());
  if (!status) return null;
  if (status.kind === 'stale') return <span class="failover-status stale">{t('failoverStatusStale', when(status.days))}</span>;
  if (status.kind === 'refused') return <span class="failover-status refused">{t('failoverStatusRefused', status.region, when(status.days))}</span>;
  const method = status.method === 'sts' ? t('failoverMethodSts') : t('failoverMethodRepost');
  return <span class="failover-status ready">{t('failoverStatusReady', status.region, method, when(status.days))}</span>;
}
