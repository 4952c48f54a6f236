import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { clockTime } from '../../../ui/clock-time';

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "(4 min left)", or "(45 s left)" in the last minute. */
export function timeLeft(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return seconds < 60 ? t('secondsLeft', String(seconds)) : t('minutesLeft', String(Math.ceil(seconds / 60)));
}

/** When the assertion stops working, as a time of day (the format of every time the pages show), and how long that is. */
export function Expiry(props: { notOnOrAfter: string; now: number }) {
  const remaining = Date.parse(props.notOnOrAfter) - props.now;
  const urgent = remaining < 60_000;
  return (
    <span class={urgent ? 'expiry urgent' : 'expiry'}>
      {t('expiresIn')} <time dateTime={props.notOnOrAfter}>{clockTime(props.notOnOrAfter)}</time> {timeLeft(remaining)}
    </span>
  );
}
