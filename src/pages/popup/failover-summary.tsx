import { failoverSummary, type FailoverStore } from '../../core/signin/failover-results';
import { t } from '../../platform/i18n';
import { checkedWhen } from '../../ui/checked-when';

/** "Failover ready: 5 of 6 roles in eu-west-1, checked today", from the last failover check. */
export function FailoverSummary({ store }: { store: FailoverStore }) {
  const summary = failoverSummary(store, Date.now());
  if (!summary) return null;
  const when = checkedWhen(summary.days);
  return (
    <p class={summary.stale || summary.ready < summary.total ? 'failover-summary warn' : 'failover-summary'}>
      {summary.stale ? t('popupFailoverStale', when) : t('popupFailoverReady', String(summary.ready), String(summary.total), summary.region, when)}
    </p>
  );
}
