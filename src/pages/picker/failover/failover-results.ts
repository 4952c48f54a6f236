import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { CheckedApp } from '../../../core/signin/failover-results';
import { readFailoverResults, watchFailoverResults } from '../../../platform/failover-store';

/** This IdP app's last failover check, as remembered, for the rows' status. */
export const FailoverResultsContext = createContext<CheckedApp | undefined>(undefined);

export const useFailoverResultsOf = () => useContext(FailoverResultsContext);

/** Reads the app's last check and follows new ones. */
export function useFailoverResults(appKey: string): CheckedApp | undefined {
  const [app, setApp] = useState<CheckedApp>();
  useEffect(() => {
    let live = true;
    void readFailoverResults().then((store) => live && setApp(Object.hasOwn(store, appKey) ? store[appKey] : undefined), () => undefined);
    const stop = watchFailoverResults((store) => setApp(Object.hasOwn(store, appKey) ? store[appKey] : undefined));
    return () => {
      live = false;
      stop();
    };
  }, [appKey]);
  return app;
}
