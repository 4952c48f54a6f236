import { useState } from 'preact/hooks';
import type { AccountColour } from '../../../core/accounts/colours';
import type { SamlRole } from '../../../core/saml/decode';
import type { Settings } from '../../../core/settings/schema';
import type { SigninMethod } from '../../../core/signin/method';
import { requestStsAccess } from '../../../platform/sts-access';
import { pageInPrivateWindow } from '../../../platform/private-window';
import { mayKeep } from '../../../core/base/private-window';
import type { Assertion, RolesPhase } from '../views/picker-state';
import { forAccountsOf, rememberBeforeLeaving, repostTarget, signInAsRole, signInManyWithSts } from './sign-in';
import { lazyView } from '../views/lazy-view';

/** Which of several consoles opened: loaded while they are being opened, not with the picker. */
export const consolesOutcomeView = lazyView(() => import('./consoles-outcome').then((m) => m.ConsolesOutcome));

interface Input {
  assertion: Assertion;
  phase: RolesPhase;
  onPhase: (phase: RolesPhase) => void;
  settings: Settings;
  updateSettings: (change: (user: Settings) => Settings) => Promise<void>;
  /** The IdP app the choice is remembered for. */
  appKey: string;
  /** "Skip the picker next time" is ticked: the pair signed in with is remembered as the app's. */
  skipNextTime: boolean;
  /** What the picker shows for the accounts: several consoles at once take them along. */
  accountNames: Readonly<Record<string, string>>;
  colours: Readonly<Record<string, AccountColour>>;
}

/**
 * Signing in from the picker: one role (re-post or STS), or several at once (STS, a console tab
 * each). Host access for STS is asked from the user's gesture itself (Firefox wants that), so the
 * callers pass `access` as requested before anything was awaited.
 */
export function useSubmit(input: Input) {
  const { assertion, phase, onPhase, settings, appKey } = input;
  const [error, setError] = useState<string>();
  const [needsAccess, setNeedsAccess] = useState(false);
  const posting = phase.kind === 'signing-in';

  async function submit(role: SamlRole, region: string, how: SigninMethod, access: Promise<boolean>) {
    if (posting) return;
    setNeedsAccess(false);
    if (how !== 'repost' && !(await access)) {
      setNeedsAccess(true);
      return;
    }
    const target = repostTarget(assertion, region);
    if ('refused' in target) {
      setError(target.refused);
      return;
    }
    onPhase({ kind: 'signing-in', viaSts: false });
    // The settings module is loaded by then (App loads it after the first paint). A private
    // window's sign-in is not remembered (core/base/private-window.ts); "skip next time" is the user's.
    const privateWindow = pageInPrivateWindow().catch(() => true);
    await rememberBeforeLeaving(() =>
      Promise.all([import('../../../core/settings/schema'), privateWindow]).then(([{ recordRecent }, inPrivate]) =>
        input.updateSettings((user) => {
          const next = mayKeep('recent-signin', inPrivate) ? recordRecent(user, appKey, { roleArn: role.roleArn, region }, Date.now()) : user;
          return input.skipNextTime ? { ...next, autoSignIn: { ...next.autoSignIn, [appKey]: { roleArn: role.roleArn, region } } } : next;
        }),
      ),
    );
    if (how === 'sts') onPhase({ kind: 'signing-in', viaSts: true });
    const refused = await signInAsRole(assertion, { roleArn: role.roleArn, region, targetUrl: target.url, how, durationCap: settings.sessionDurationCap });
    if (refused) {
      onPhase({ kind: 'choosing' });
      setError(refused);
    }
  }

  async function submitMany(roleArns: string[], region: string, access: Promise<boolean>) {
    if (posting) return;
    setNeedsAccess(false);
    if (!(await access)) {
      setNeedsAccess(true);
      return;
    }
    onPhase({ kind: 'signing-in', viaSts: true });
    const outcomeView = consolesOutcomeView.preload();
    // What the picker shows for these accounts goes along: Firefox names and colours containers with it.
    const roles = assertion.info.roles;
    const reply = await signInManyWithSts({
      roleArns,
      region,
      durationCap: settings.sessionDurationCap,
      accountNames: forAccountsOf(roles, roleArns, input.accountNames),
      accountColours: forAccountsOf(roles, roleArns, input.colours),
    });
    if (!reply) return;
    if ('refused' in reply) {
      onPhase({ kind: 'choosing' });
      setError(reply.refused);
    } else {
      await outcomeView;
      onPhase({ kind: 'consoles-outcome', consoles: reply.consoles, region, at: Date.now() });
    }
  }

  return {
    submit,
    submitMany,
    posting,
    viaSts: phase.kind === 'signing-in' && phase.viaSts,
    outcome: phase.kind === 'consoles-outcome' ? phase : undefined,
    error,
    needsAccess,
    /** "Allow": asks for host access again, from this click. */
    allowAccess: () => void requestStsAccess().then((ok) => ok && setNeedsAccess(false)),
  };
}
