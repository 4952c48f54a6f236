import { useState } from 'preact/hooks';
import type { SamlRole } from '../../../core/saml/decode';
import { regionsToCheck, rolesToCheck } from '../../../core/signin/failover-check';
import type { FailoverCheckReply } from '../../../messages/protocol';
import { saveFailoverResults } from '../../../platform/failover-store';
import { t, tMessage } from '../../../platform/i18n';
import { requestStsAccess } from '../../../platform/sts-access';
import { sendToWorker } from '../../../platform/worker-client';
import { useArming } from '../signin/use-arming';

// The table and the report are loaded on the first click: no part of the picker's first paint.
const loadTable = () => import('./failover-table').then((m) => m.FailoverTable);
type Table = Awaited<ReturnType<typeof loadTable>>;

interface Props {
  roles: readonly SamlRole[];
  /** The roles the user shows interest in, checked first when there are more than 20. */
  interest: { selected?: string | undefined; ticked: readonly string[]; pinned: readonly string[]; recent: readonly string[] };
  partition: string;
  /** The region chosen in the selector, and the user's preferred ones. */
  region: string;
  preferred: readonly string[];
  appKey: string;
  accountNames: Readonly<Record<string, string>>;
  /** Whether STS may be used (else the worker checks the re-post only and says so). */
  stsAllowed: boolean;
}

type State =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; Table: Table; reply: FailoverCheckReply; roleArns: string[]; regions: string[]; leftOut: string[] }
  | { kind: 'error'; message: string };

/**
 * "Check failover…": the worker checks, from this tab and without navigating it, how each role would
 * get into the chosen and preferred regions; the table shows it and the results are remembered
 * for this IdP app (no secret in them). The assertion stays for the sign-in.
 */
export function FailoverCheck(props: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  // Like Sign in, a pointer click counts only a moment after the picker appears (click-jacking).
  const arming = useArming();

  const check = () => {
    // Firefox asks for host access from the click itself: before anything is awaited.
    const access = props.stsAllowed ? requestStsAccess() : Promise.resolve(true);
    const table = loadTable();
    setState({ kind: 'checking' });
    void (async () => {
      if (!(await access)) return setState({ kind: 'error', message: t('stsAccessNeeded') });
      const { checked, leftOut } = rolesToCheck(props.roles.map((r) => r.roleArn), props.interest);
      const regions = regionsToCheck(props.partition, props.region, props.preferred);
      const reply = await sendToWorker({ type: 'failover/check', roleArns: checked, regions });
      if (!reply.ok || !reply.failover) {
        return setState({ kind: 'error', message: t('failoverCheckFailed', reply.ok ? t('pickerFailed') : tMessage(reply.error)) });
      }
      setState({ kind: 'done', Table: await table, reply: reply.failover, roleArns: checked, regions, leftOut });
      await saveFailoverResults(props.appKey, { regions, roleArns: checked, results: reply.failover.results, at: Date.now() }).catch(() => undefined);
    })().catch(() => setState({ kind: 'error', message: t('pickerFailed') }));
  };

  // An encrypted assertion shows no roles: nothing to check.
  if (!props.roles.length) return null;
  return (
    <section class="failover" aria-busy={state.kind === 'checking'}>
      <button
        type="button"
        class={arming.arming ? 'button arming' : 'button'}
        onClick={(e) => arming.allows(e) && check()}
        disabled={state.kind === 'checking'}
        aria-disabled={arming.arming || undefined}
        aria-controls="failover-results"
      >
        {state.kind === 'checking' ? t('failoverChecking') : t('checkFailover')}
      </button>
      <div id="failover-results" aria-live="polite">
        {arming.refused && <p class="hint">{t('clickTooSoon')}</p>}
        {state.kind === 'checking' && <p class="hint">{t('failoverIntro')}</p>}
        {state.kind === 'error' && (
          <p class="error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'done' && (
          <state.Table
            reply={state.reply}
            roles={props.roles.filter((r) => state.roleArns.includes(r.roleArn))}
            regions={state.regions}
            leftOut={props.roles.filter((r) => state.leftOut.includes(r.roleArn))}
            accountNames={props.accountNames}
          />
        )}
      </div>
    </section>
  );
}
