import { useEffect, useRef, useState } from 'preact/hooks';
import { own } from '../../../core/base/own';
import { mayKeep } from '../../../core/base/private-window';
import { automaticCheckDue, automaticCheckRoles } from '../../../core/signin/failover-schedule';
import { regionsToCheck } from '../../../core/signin/failover-check';
import { currentTabId } from '../../../platform/extension';
import { tabInPrivateWindow } from '../../../platform/private-window';
import { hasStsAccess } from '../../../platform/sts-access';

export type AutomaticCheck = { readonly kind: 'idle' } | { readonly kind: 'checking' | 'done'; readonly roles: number };

interface Input {
  /** The setting (or the policy) is on, the settings are read, and the user is choosing. */
  on: boolean;
  appKey: string;
  roleArns: readonly string[];
  /** The roles the user uses with this app: pinned and recent. */
  used: readonly string[];
  partition: string;
  /** The user's preferred regions: where a failover would go (the region selected now is usually the assertion's own). */
  preferred: readonly string[];
  stsAllowed: boolean;
}

/**
 * The automatic failover check: at most once a week per IdP app, while the picker is open, the
 * roles the user uses are checked in the background with this tab's assertion, as "Check failover…"
 * does, and the outcome is kept. It never holds the sign-in up: a click navigates the tab, which
 * ends an unfinished check (nothing is kept, so it runs again next time). It never asks for
 * anything (no host-access prompt) and does not run in a private window.
 */
export function useAutomaticCheck(input: Input): AutomaticCheck {
  const [state, setState] = useState<AutomaticCheck>({ kind: 'idle' });
  const started = useRef(false);
  useEffect(() => {
    if (!input.on || started.current) return;
    started.current = true;
    void (async () => {
      const roleArns = automaticCheckRoles(input.roleArns, input.used);
      if (!roleArns.length) return;
      const { readFailoverResults, saveFailoverResults } = await import('../../../platform/failover-store');
      const last = own(await readFailoverResults(), input.appKey)?.at;
      if (!automaticCheckDue(last, Date.now())) return;
      const tabId = await currentTabId();
      if (tabId === undefined || !mayKeep('automatic-check', await tabInPrivateWindow(tabId))) return;
      if (input.stsAllowed && !(await hasStsAccess())) return;
      setState({ kind: 'checking', roles: roleArns.length });
      const regions = regionsToCheck(input.partition, input.preferred[0] ?? '', input.preferred);
      if (!regions.length) return setState({ kind: 'idle' });
      const { checkFailover } = await import('../../../aws-calls/failover-check');
      const reply = await checkFailover(tabId, { roleArns, regions });
      if (!reply.ok) return setState({ kind: 'idle' });
      await saveFailoverResults(input.appKey, { regions, roleArns, results: reply.failover.results, at: Date.now() });
      setState({ kind: 'done', roles: roleArns.length });
    })().catch(() => setState({ kind: 'idle' }));
  }, [input.on]);
  return state;
}
