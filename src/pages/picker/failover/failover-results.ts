import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { CheckedApp } from '../../../core/signin/failover-results';

/** This IdP app's last failover check, as remembered, for the rows' status. */
export const FailoverResultsContext = createContext<CheckedApp | undefined>(undefined);

export const useFailoverResultsOf = () => useContext(FailoverResultsContext);

/** Reads the app's last check and follows new ones. */
export function useFailoverResults(appKey: string): CheckedApp | undefined {
  const [app, setApp] = useState<CheckedApp>();
  useEffect(() => {
    let live = true;
    let stop = () => undefined as void;
    const show = (store: Readonly<Record<string, CheckedApp>>) => live && setApp(Object.hasOwn(store, appKey) ? store[appKey] : undefined);
    // The stored results' reader (and its schemas) loads after the first paint: the rows show them when read.
    void import('../../../platform/failover-store').then(({ readFailoverResults, watchFailoverResults }) => {
      if (!live) return;
      stop = watchFailoverResults(show);
      return readFailoverResults().then(show);
    }).catch(() => undefined);
    return () => {
      live = false;
      stop();
    };
  }, [appKey]);
  return app;
}
