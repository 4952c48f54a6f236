import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Live countdown to the assertion's NotOnOrAfter. */
export function Expiry(props: { notOnOrAfter: string; now: number }) {
  const remaining = Date.parse(props.notOnOrAfter) - props.now;
  const urgent = remaining < 60_000;
  return (
    <span class={urgent ? 'expiry urgent' : 'expiry'} title={t('expiryValidUntil', new Date(props.notOnOrAfter).toLocaleTimeString())}>
      {t('expiresIn')} <time dateTime={props.notOnOrAfter}>{formatRemaining(remaining)}</time>
    </span>
  );
}
