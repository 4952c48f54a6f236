import { useState } from 'preact/hooks';
import type { AccountColour } from '../../../core/accounts/colours';
import { own } from '../../../core/base/own';
import type { SamlRole } from '../../../core/saml/decode';
import type { ConsolesOutcome as Outcome } from '../../../aws-calls/sts-signin';
import { t, tMessage } from '../../../platform/i18n';
import { clockTime } from '../../../ui/clock-time';
import { requestStsAccess } from '../../../platform/sts-access';
import { forAccountsOf, signInManyWithSts } from './sign-in';
import { isExpired } from '../views/picker-state';

interface Props {
  outcome: Outcome;
  roles: readonly SamlRole[];
  accountNames: Readonly<Record<string, string>>;
  accountColours: Readonly<Record<string, AccountColour>>;
  region: string;
  durationCap: number;
  notOnOrAfter: string | undefined;
  now: number;
}

/**
 * Several roles at once when not all opened: which consoles opened (each in a new tab),
 * which did not and why, in the diagnosis page's words, and a way to try each again with the
 * same assertion while it is valid. The picker's tab stays on this.
 */
export function ConsolesOutcome(props: Props) {
  const [outcome, setOutcome] = useState(props.outcome);
  const [retrying, setRetrying] = useState<string>();
  const [error, setError] = useState<string>();
  const label = (roleArn: string) => {
    const role = props.roles.find((r) => r.roleArn === roleArn);
    return role ? t('consoleRoleInAccount', role.roleName, own(props.accountNames, role.accountId) ?? role.accountId) : roleArn;
  };
  const valid = !isExpired(props.notOnOrAfter, props.now);
  const total = outcome.opened.length + outcome.failed.length;

  const retry = (roleArn: string) => {
    // Firefox asks for host access from the click itself: before anything is awaited.
    const access = requestStsAccess();
    setRetrying(roleArn);
    setError(undefined);
    void (async () => {
      if (!(await access)) {
        setRetrying(undefined);
        setError(t('stsAccessNeeded'));
        return;
      }
      const reply = await signInManyWithSts({
        roleArns: [roleArn],
        region: props.region,
        durationCap: props.durationCap,
        accountNames: forAccountsOf(props.roles, [roleArn], props.accountNames),
        accountColours: forAccountsOf(props.roles, [roleArn], props.accountColours),
        retry: true,
      });
      setRetrying(undefined);
      if (reply && 'refused' in reply) setError(reply.refused);
      if (!reply || !('consoles' in reply)) return;
      const again = reply.consoles;
      setOutcome((now) => ({
        opened: [...now.opened, ...again.opened],
        failed: now.failed.flatMap((f) => (f.roleArn === roleArn ? again.failed.filter((g) => g.roleArn === roleArn) : [f])),
      }));
    })();
  };

  return (
    <section class="consoles-outcome" aria-labelledby="consoles-outcome-title" aria-live="polite">
      <h2 id="consoles-outcome-title">{t('consolesOutcomeTitle', String(outcome.opened.length), String(total), props.region)}</h2>
      {outcome.opened.length > 0 && (
        <ul class="opened" aria-label={t('consolesOpenedLabel')}>
          {outcome.opened.map((roleArn) => (
            <li key={roleArn}>{label(roleArn)}</li>
          ))}
        </ul>
      )}
      {outcome.failed.map((failed, i) => (
        <article key={failed.roleArn} class="failed-console" aria-labelledby={`failed-console-${i}`}>
          <h3 id={`failed-console-${i}`}>{t('consoleNotOpened', label(failed.roleArn))}</h3>
          <p>
            <strong>{tMessage(failed.title)}</strong>
          </p>
          <p>{tMessage(failed.explanation)}</p>
          <details>
            <summary>{t('adminRequestLabel')}</summary>
            <textarea readOnly rows={6} aria-label={t('adminRequestLabel')} value={tMessage(failed.adminRequest, '\n')} />
          </details>
          {valid && (
            <button type="button" class="button" disabled={retrying !== undefined} onClick={() => retry(failed.roleArn)}>
              {retrying === failed.roleArn ? t('retryingConsole') : t('retryConsole', label(failed.roleArn))}
            </button>
          )}
        </article>
      ))}
      {outcome.failed.length > 0 && (
        <p class="hint">
          {valid && props.notOnOrAfter ? t('retryUntil', clockTime(props.notOnOrAfter)) : !valid ? t('retryExpired') : null}
        </p>
      )}
      {outcome.failed.length === 0 && <p role="status">{t('consolesAllOpened')}</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
