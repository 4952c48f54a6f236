import { idpHomeUrl } from '../core/signin/capture';
import type { AccountColour } from '../core/accounts/colours';
import type { DiagnosisStep, SigninAttempt } from '../core/diagnosis/signin-refusal';
import { buildLoginForm, buildLoginUrl } from '../core/signin/federation';
import { submitFormPost } from '../platform/post-form';
import { own } from '../core/base/own';
import { relayStateForRegion } from '../core/aws/relay-state';
import { explainStsError, stsSaid, type StsCredentials, type StsError } from '../core/signin/sts';
import { diagnoseStsFailure } from '../core/diagnosis/sts-refusal';
import { message, type UserMessage } from '../core/words/user-message';
import { showDiagnosis } from '../platform/attempt-store';
import { recordConsoles } from '../platform/console-list';
import { openConsoleTab } from '../platform/console-tabs';
import { removeCapture } from '../platform/session-store';
import { assumeRole, openedConsole, prepare, prepareRoles, signinTokenAnywhere, stsAttempt, type StsSigninResult } from './sts-calls';

export type { StsSigninResult } from './sts-calls';

/** CLI credentials as the picker shows them: shown, copied, never stored. */
export type CliCredentials = StsCredentials & { readonly assumedRoleArn: string };

/** A role of several that did not open, with the diagnosis page's own words for why. */
export interface FailedConsole {
  readonly roleArn: string;
  readonly title: UserMessage;
  readonly explanation: readonly UserMessage[];
  /** One message a line. */
  readonly adminRequest: readonly UserMessage[];
}

/**
 * Several roles at once, when not all opened: which did (each in a new tab) and which did not.
 * The capture is kept for a retry while the assertion is valid. Nothing secret in it.
 */
export interface ConsolesOutcome {
  readonly opened: readonly string[];
  readonly failed: readonly FailedConsole[];
}

/**
 * Signs the tab in to `region`'s console through regional STS and the federation endpoint
 * (docs/sts-federation.md), with the tab's captured assertion, untouched. The credentials exist only in
 * this function's variables for the seconds it runs: never stored, logged or messaged. The
 * assertion is deleted once a sign-in token is issued; the tab then loads the login URL, which
 * AWS answers with a redirect to the chosen region's console.
 */
export async function signInThroughSts(
  tabId: number,
  request: { readonly roleArn: string; readonly region: string; readonly durationCap?: number | undefined },
  /** The re-post AWS refused just before, when this continues it. */
  previous?: { readonly attempt: SigninAttempt; readonly step: DiagnosisStep },
): Promise<StsSigninResult> {
  const prepared = await prepare(tabId, request);
  if (!prepared.ok) return prepared;
  const { capture, info, role, partition } = prepared;
  const attempt = previous?.attempt ?? stsAttempt(tabId, prepared, request.region);
  const steps: DiagnosisStep[] = previous ? [previous.step] : [];
  const fail = (stsError: StsError | undefined) => explainFailure(tabId, attempt, steps, stsError);

  const assumed = await assumeRole(prepared, request, steps);
  if (!assumed.ok) return fail(assumed.error);
  const { credentials } = assumed;

  const destination = relayStateForRegion(partition, request.region, capture.relayState);
  const issued = await signinTokenAnywhere(partition, request.region, credentials, info.sessionDuration, steps);
  if (issued) {
    // Signed in: the assertion has done its job (a newer sign-in in the tab stays).
    await removeCapture(tabId, capture.capturedAt);
    await recordConsoles([openedConsole(role.roleArn, request.region, credentials.expiration, info.sessionDuration)]).catch(() => undefined);
    // This page is the tab's picker: it posts the login itself (no token in a URL).
    submitFormPost(buildLoginForm(issued.endpoint, issued.token, destination, idpHomeUrl(capture.initiator)));
    return { ok: true };
  }
  return fail(undefined);
}

/**
 * Several roles at once: one STS call each, in parallel, with the same assertion (STS
 * accepts it again within its 5 minutes), then a console tab each. When all open, the first takes
 * the picker's tab and the others new tabs beside it, and the assertion is deleted. When some do
 * not, every one that opened gets a new tab, and the picker stays, told which did not and why (the
 * diagnosis page's words), with the assertion kept so the user can try those again while it is
 * valid. When none opens (and this is not such a retry), the diagnosis page explains the first.
 */
export async function signInManyThroughSts(
  tabId: number,
  request: {
    readonly roleArns: readonly string[];
    readonly region: string;
    readonly durationCap?: number | undefined;
    readonly retry?: boolean | undefined;
    readonly accountNames?: Readonly<Record<string, string>> | undefined;
    readonly accountColours?: Readonly<Record<string, AccountColour>> | undefined;
  },
): Promise<StsSigninResult | { readonly ok: true; readonly consoles: ConsolesOutcome }> {
  const many = await prepareRoles(tabId, { roleArns: [...new Set(request.roleArns)], region: request.region });
  if (!many.ok) return many;
  const prepared = many.roles;
  const first = prepared[0]!;
  const { capture, info, partition } = first;
  const destination = relayStateForRegion(partition, request.region, capture.relayState);
  const results = await Promise.all(
    prepared.map(async (one) => {
      const steps: DiagnosisStep[] = [];
      const assumed = await assumeRole(one, request, steps);
      if (!assumed.ok) return { one, steps, error: assumed.error };
      const issued = await signinTokenAnywhere(partition, request.region, assumed.credentials, info.sessionDuration, steps);
      return issued
        ? { one, steps, expiration: assumed.credentials.expiration, login: [issued.endpoint, issued.token, destination, idpHomeUrl(capture.initiator)] as const }
        : { one, steps, error: undefined };
    }),
  );
  const opened = results.filter((r) => 'login' in r).map((r) => r as Extract<typeof r, { login: unknown }>);
  const failed = results.filter((r) => !('login' in r));
  if (!opened.length && !request.retry) {
    const failure = results[0]!;
    return explainFailure(tabId, stsAttempt(tabId, failure.one, request.region), failure.steps, 'error' in failure ? failure.error : undefined);
  }
  if (!failed.length) await removeCapture(tabId, capture.capturedAt);
  await recordConsoles(opened.map((o) => openedConsole(o.one.role.roleArn, request.region, o.expiration, info.sessionDuration))).catch(() => undefined);
  const accountName = (accountId: string) => own(request.accountNames ?? {}, accountId);
  // The picker's own tab becomes a console only when nothing is left for it to say.
  const intoPickerTab = !failed.length && !request.retry ? opened[0] : undefined;
  for (const other of opened) {
    if (other === intoPickerTab) continue;
    const id = other.one.role.accountId;
    // A tab of its own can only be opened at a URL: the token is in this one (SECURITY.md section 9).
    await openConsoleTab(buildLoginUrl(...other.login), { id, name: accountName(id) }, tabId, own(request.accountColours ?? {}, id));
  }
  if (intoPickerTab) {
    submitFormPost(buildLoginForm(...intoPickerTab.login));
    return { ok: true };
  }
  return {
    ok: true,
    consoles: {
      opened: opened.map((o) => o.one.role.roleArn),
      failed: failed.map((f) => {
        const diagnosis = diagnoseStsFailure({ attempt: stsAttempt(tabId, f.one, request.region), steps: f.steps, stsError: 'error' in f ? f.error : undefined });
        return { roleArn: f.one.role.roleArn, title: diagnosis.title, explanation: diagnosis.explanation, adminRequest: diagnosis.adminRequest };
      }),
    },
  };
}

/**
 * CLI credentials for the chosen role, from the chosen region's STS (same fallback as the sign-in):
 * the one place credentials are returned, to the picker's own view that asked, on the user's click.
 * The assertion stays, so the console sign-in is still one click away
 * while STS accepts it (5 minutes). Nothing is stored.
 */
export async function credentialsThroughSts(
  tabId: number,
  request: { readonly roleArn: string; readonly region: string; readonly durationCap?: number | undefined },
): Promise<{ ok: true; credentials: StsCredentials; assumedRoleArn: string } | { ok: false; error: UserMessage }> {
  const prepared = await prepare(tabId, request, 'cli');
  if (!prepared.ok) return { ok: false, error: prepared.error };
  const assumed = await assumeRole(prepared, request, []);
  if (assumed.ok) return assumed;
  return { ok: false, error: message('cliStsFailed', { explanation: explainStsError(assumed.error).explanation, said: stsSaid(assumed.error) }) };
}

/** The STS sign-in failed: the tab shows the diagnosis page, which lists every step tried. */
async function explainFailure(tabId: number, attempt: SigninAttempt, steps: readonly DiagnosisStep[], stsError: StsError | undefined): Promise<StsSigninResult> {
  await showDiagnosis(tabId, { diagnosis: diagnoseStsFailure({ attempt, steps, stsError }), attempt });
  return { ok: false, code: 'refused', error: message('replyRefused') };
}

