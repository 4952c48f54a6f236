import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RegionHealth } from '../../../core/health/probe';
import { t } from '../../../platform/i18n';

export const AUTO_SIGNIN_DELAY_MS = 2_000;

export type AutoSignin =
  | { state: 'off' }
  | { state: 'counting'; roleArn: string; region: string; deadline: number }
  | { state: 'cancelled'; reason: string };

/**
 * The pair to sign in with by itself: the one remembered for the IdP app, unless signing in
 * without a click is ruled out (`blocked`: a reused capture, a first sign-in from the app, several
 * assertions in one response) or the assertion no longer offers its role or region.
 */
export function autoSigninPair(
  remembered: { roleArn: string; region: string } | undefined,
  blocked: boolean | undefined,
  roles: readonly { roleArn: string }[],
  regions: readonly { code: string }[],
): { roleArn: string; region: string } | undefined {
  const pair = blocked ? undefined : remembered;
  return pair && roles.some((r) => r.roleArn === pair.roleArn) && regions.some((r) => r.code === pair.region) ? pair : undefined;
}

/**
 * "Skip the picker for this pair": after a visible 2-second countdown the picker signs in by
 * itself, unless the user cancels (button or Escape) or the region turns out to be down.
 */
export function useAutoSignin(
  pair: { roleArn: string; region: string } | undefined,
  health: Readonly<Record<string, RegionHealth | undefined>>,
  go: (roleArn: string, region: string) => void,
): { auto: AutoSignin; cancel: (reason?: string) => void } {
  const [auto, setAuto] = useState<AutoSignin>({ state: 'off' });
  const started = useRef(false);

  useEffect(() => {
    if (!pair || started.current) return;
    started.current = true;
    setAuto({ state: 'counting', ...pair, deadline: Date.now() + AUTO_SIGNIN_DELAY_MS });
  }, [pair]);

  // A layout effect: Escape listens before the countdown is painted, so an Escape pressed as soon as
  // the countdown shows always cancels it (an effect after paint could miss it on a busy machine).
  useLayoutEffect(() => {
    if (auto.state !== 'counting') return;
    if (health[auto.region]?.state === 'down') {
      setAuto({ state: 'cancelled', reason: t('autoRegionDown', auto.region) });
      return;
    }
    const timer = setTimeout(() => {
      setAuto({ state: 'off' });
      go(auto.roleArn, auto.region);
    }, Math.max(0, auto.deadline - Date.now()));
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setAuto({ state: 'cancelled', reason: t('autoCancelled') });
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
    };
  }, [auto, health]);

  return { auto, cancel: (reason = t('autoCancelled')) => setAuto({ state: 'cancelled', reason }) };
}
