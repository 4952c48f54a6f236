import { useEffect, useRef, useState } from 'preact/hooks';
import { armingLeft, clickArmed } from '../../../core/base/click-arming';

/**
 * The picker's actions (Sign in, Open N consoles, Copy CLI credentials) take a pointer click only
 * ARMING_MS after they appear, the window gains focus or the page becomes visible (click-jacking:
 * core/base/click-arming.ts). While arming, the buttons say so (aria-disabled, a filling bar); a click
 * that came too soon is not lost silently: `refused` says to click again. Keyboard activation
 * (Enter in the filter, Enter or Space on a button) always acts.
 */
export function useArming() {
  const shownAt = useRef(performance.now());
  const [since, setSince] = useState(shownAt.current);
  const [arming, setArming] = useState(true);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    const shown = () => {
      if (document.visibilityState !== 'visible') return;
      shownAt.current = performance.now();
      setSince(shownAt.current);
    };
    addEventListener('focus', shown);
    document.addEventListener('visibilitychange', shown);
    return () => {
      removeEventListener('focus', shown);
      document.removeEventListener('visibilitychange', shown);
    };
  }, []);

  useEffect(() => {
    setArming(true);
    const timer = setTimeout(() => setArming(false), armingLeft(performance.now(), since));
    return () => clearTimeout(timer);
  }, [since]);

  /** Whether the click may act; one that came too soon is cancelled (no form submit) and said. */
  const allows = (event: MouseEvent): boolean => {
    const ok = clickArmed(event, shownAt.current);
    if (!ok) event.preventDefault();
    setRefused(!ok);
    return ok;
  };
  return { arming, refused, allows };
}

export type Arming = ReturnType<typeof useArming>;
