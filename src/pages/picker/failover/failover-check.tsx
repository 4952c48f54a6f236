import { useState } from 'preact/hooks';
import type { SamlRole } from '../../../core/saml/decode';
import { regionsToCheck, rolesToCheck } from '../../../core/signin/failover-check';
import type { FailoverCheckReply } from '../../../aws-calls/failover-check';
import { t, tMessage } from '../../../platform/i18n';
import { requestStsAccess } from '../../../platform/sts-access';
import { inThisTab } from '../../../aws-calls/this-tab';
import { useAutomaticCheck } from './use-automatic-check';
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
  /** Whether STS may be used (else the check tries the re-post only and says so). */
  stsAllowed: boolean;
  /** The weekly automatic check may run now (its setting is on, the settings are read, the user is choosing). */
  automatic: boolean;
}

type State =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; Table: Table; reply: FailoverCheckReply; roleArns: string[]; regions: string[]; leftOut: string[] }
  | { kind: 'error'; message: string };

/**
 * "Check failover…": this page checks, from its tab and without navigating it, how each role would
 * get into the chosen and preferred regions; the table shows it and the results are remembered
 * for this IdP app (no secret in them). The assertion stays for the sign-in.
 */
export function FailoverCheck(props: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const { interest } = props;
  const automatic = useAutomaticCheck({
    on: props.automatic,
    appKey: props.appKey,
    roleArns: props.roles.map((r) => r.roleArn),
    used: [...interest.pinned, ...interest.recent],
    partition: props.partition,
    preferred: props.preferred,
    stsAllowed: props.stsAllowed,
  });
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
      const { checkFailover } = await import('../../../aws-calls/failover-check');
      const reply = await inThisTab('replyPickerTabFailover', (tabId) => checkFailover(tabId, { roleArns: checked, regions }));
      if (!reply.ok) return setState({ kind: 'error', message: t('failoverCheckFailed', tMessage(reply.error)) });
      setState({ kind: 'done', Table: await table, reply: reply.failover, roleArns: checked, regions, leftOut });
      const { saveFailoverResults } = await import('../../../platform/failover-store');
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
        {state.kind === 'idle' && automatic.kind !== 'idle' && (
          <p class="hint">{t(automatic.kind === 'checking' ? 'failoverAutoChecking' : 'failoverAutoDone', String(automatic.roles))}</p>
        )}
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
