import { t } from '../platform/i18n';

/** When a check ran, in words: "today", "yesterday", "3 days ago" (the picker's rows and the popup). */
export function checkedWhen(days: number): string {
  if (days === 0) return t('failoverToday');
  if (days === 1) return t('failoverYesterday');
  return t('failoverDaysAgo', String(days));
}
