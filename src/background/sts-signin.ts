import { idpHomeUrl, type CapturedSignin } from '../core/captured-signin';
import { CapturedSigninSchema } from '../core/captured-signin-schema';
import type { DiagnosisStep, SigninAttempt } from '../core/diagnosis';
import { diagnoseStsFailure } from '../core/sts-diagnosis';
import { endpointForUrl, federationEndpoint, signinEndpoint, stsEndpoint, type FederationEndpoint } from '../core/endpoints';
import { buildLoginUrl, buildSigninTokenGetUrl, buildSigninTokenPost, consoleSessionSeconds, readSigninTokenResponse } from '../core/federation';
import { isUsable } from '../core/health';
import { relayStateForRegion } from '../core/relay-state';
import { parseSamlResponse, parseWithXmldom, SamlResponseError, type SamlAssertionInfo, type SamlRole } from '../core/saml';
import { stsRegionOrder } from '../core/signin-method';
import {
  buildAssumeRoleWithSaml,
  explainStsError,
  isMaxSessionDurationError,
  isRegionalFailure,
  readStsResponse,
  type StsCredentials,
  type StsError,
  type StsResult,
} from '../core/sts';
import { checkFederationTarget, checkStsTarget, StsTargetError } from '../core/sts-target';
import { saveDiagnosis } from '../platform/attempt-store';
import { requestAws, type AwsAnswer } from '../platform/aws-request';
import { DIAGNOSIS_PATH, extensionUrl, openInTab } from '../platform/extension';
import { openConsoleTab } from '../platform/console-tabs';
import { readHealth } from '../platform/health-store';
import { recordConsoles, type OpenedConsole } from '../platform/console-list';
import { hasStsAccess } from '../platform/sts-access';
import type { ConsolesOutcome } from '../messages/protocol';
import { own } from '../core/own';
import type { AccountColour } from '../core/account-colours';
import { readCapture, removeCapture } from '../platform/session-store';

/** Each STS or federation call gets this long: several regions still fit in the assertion's 5 minutes. */
const CALL_TIMEOUT_MS = 8_000;

export type StsSigninResult = { readonly ok: true } | { readonly ok: false; readonly error: string; readonly code: 'no-capture' | 'no-role' | 'no-access' | 'refused' };

type Prepared = {
  readonly ok: true;
  readonly capture: CapturedSignin;
  readonly info: SamlAssertionInfo;
  readonly role: SamlRole;
  readonly partition: string;
};

/** The tab's capture, decoded here (never trusted from the page), with the chosen role in it. */
async function prepare(tabId: number, request: { readonly roleArn: string; readonly region: string }): Promise<Prepared | Exclude<StsSigninResult, { ok: true }>> {
  const parsed = CapturedSigninSchema.safeParse(await readCapture(tabId));
  if (!parsed.success) {
    return { ok: false, code: 'no-capture', error: 'The sign-in data is gone (it was used or it expired): sign in again from your identity provider.' };
  }
  const capture = parsed.data;
  let info;
  try {
    info = parseSamlResponse(capture.samlResponse);
  } catch (error) {
    return { ok: false, code: 'no-role', error: error instanceof SamlResponseError ? error.message : 'The sign-in data could not be read.' };
  }
  const role = info.roles.find((r) => r.roleArn === request.roleArn);
  if (!role) return { ok: false, code: 'no-role', error: 'The chosen role is not in this assertion.' };
  const partition = role.partition;
  if (!signinEndpoint(partition, request.region)) {
    return { ok: false, code: 'no-role', error: `${request.region} is not a region of the ${partition} partition.` };
  }
  if (!(await hasStsAccess())) {
    return { ok: false, code: 'no-access', error: 'The extension may not reach AWS STS yet: allow it, then sign in again.' };
  }
  return { ok: true, capture, info, role, partition };
}

/**
 * `AssumeRoleWithSAML` at the chosen region's STS, else at other regional STS endpoints of the
 * partition that answer (REFERENCE §8). Each failure is added to `steps`.
 */
async function assumeRole(
  prepared: Prepared,
  request: { readonly region: string; readonly durationCap?: number | undefined },
  steps: DiagnosisStep[],
): Promise<{ ok: true; credentials: StsCredentials; assumedRoleArn: string } | { ok: false; error: StsError }> {
  const { capture, info, role, partition } = prepared;
  const stsHealth = await readHealth(partition, 'sts');
  let lastError: StsError = { code: 'network', message: 'no STS endpoint to try' };
  for (const region of stsRegionOrder({ partition, chosen: request.region, health: stsHealth })) {
    const endpoint = stsEndpoint(partition, region);
    if (!endpoint) continue;
    let result: StsResult;
    try {
      checkStsTarget(endpoint.url, partition, role.roleArn);
      const call = (omitDuration: boolean) =>
        buildAssumeRoleWithSaml({
          endpoint,
          roleArn: role.roleArn,
          principalArn: role.principalArn,
          samlResponse: capture.samlResponse,
          sessionDuration: info.sessionDuration,
          durationCap: request.durationCap,
          omitDuration,
        });
      result = await callSts(call(false));
      if (!result.ok && isMaxSessionDurationError(result.error)) result = await callSts(call(true));
    } catch (error) {
      result = { ok: false, error: { code: 'unreadable', message: error instanceof StsTargetError ? error.message : 'The STS request could not be made.' } };
    }
    if (result.ok) return result;
    lastError = result.error;
    steps.push({ method: 'sts', host: endpoint.host, said: describeStsError(result.error) });
    if (!isRegionalFailure(result.error)) break;
  }
  return { ok: false, error: lastError };
}

/**
 * Signs the tab in to `region`'s console through regional STS and the federation endpoint
 * (REFERENCE §8), with the tab's captured assertion, untouched. The credentials exist only in
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
  const signinHealth = await readHealth(partition);
  const federationRegions = [
    request.region,
    ...stsRegionOrder({ partition, chosen: request.region, health: signinHealth })
      .slice(1)
      .filter((r) => isUsable(signinHealth[r])),
  ];
  for (const region of federationRegions) {
    const endpoint = federationEndpoint(partition, region);
    if (!endpoint) continue;
    const token = await signinToken(endpoint, partition, credentials, info.sessionDuration, steps);
    if (!token) continue;
    // Signed in: the assertion has done its job.
    await removeCapture(tabId);
    await recordConsoles([openedConsole(role.roleArn, request.region, credentials.expiration, info.sessionDuration)]).catch(() => undefined);
    await openInTab(tabId, buildLoginUrl(endpoint, token, destination, idpHomeUrl(capture.initiator)));
    return { ok: true };
  }
  return fail(undefined);
}

/**
 * Several roles at once (issue H): one STS call each, in parallel, with the same assertion (STS
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
  const prepared: Prepared[] = [];
  for (const roleArn of new Set(request.roleArns)) {
    const one = await prepare(tabId, { roleArn, region: request.region });
    if (!one.ok) return one;
    prepared.push(one);
  }
  const first = prepared[0];
  if (!first) return { ok: false, code: 'no-role', error: 'No role was chosen.' };
  const { capture, info, partition } = first;
  const destination = relayStateForRegion(partition, request.region, capture.relayState);
  const results = await Promise.all(
    prepared.map(async (one) => {
      const steps: DiagnosisStep[] = [];
      const assumed = await assumeRole(one, request, steps);
      if (!assumed.ok) return { one, steps, error: assumed.error };
      const endpoint = federationEndpoint(partition, request.region);
      const token = endpoint && (await signinToken(endpoint, partition, assumed.credentials, info.sessionDuration, steps));
      return endpoint && token
        ? { one, steps, expiration: assumed.credentials.expiration, url: buildLoginUrl(endpoint, token, destination, idpHomeUrl(capture.initiator)) }
        : { one, steps, error: undefined };
    }),
  );
  const opened = results.filter((r): r is typeof r & { url: string } => 'url' in r && typeof r.url === 'string');
  const failed = results.filter((r) => !('url' in r));
  if (!opened.length && !request.retry) {
    const failure = results[0]!;
    return explainFailure(tabId, stsAttempt(tabId, failure.one, request.region), failure.steps, 'error' in failure ? failure.error : undefined);
  }
  if (!failed.length) await removeCapture(tabId);
  await recordConsoles(opened.map((o) => openedConsole(o.one.role.roleArn, request.region, o.expiration, info.sessionDuration))).catch(() => undefined);
  const accountName = (accountId: string) => own(request.accountNames ?? {}, accountId);
  // The picker's own tab becomes a console only when nothing is left for it to say.
  const intoPickerTab = !failed.length && !request.retry ? opened[0] : undefined;
  for (const other of opened) {
    if (other === intoPickerTab) continue;
    const id = other.one.role.accountId;
    await openConsoleTab(other.url, { id, name: accountName(id) }, tabId, own(request.accountColours ?? {}, id));
  }
  if (intoPickerTab) {
    await openInTab(tabId, intoPickerTab.url);
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
 * the one place credentials leave the worker, as the reply to the picker's own request from the
 * user's click (issue H). The assertion stays, so the console sign-in is still one click away
 * while STS accepts it (5 minutes). Nothing is stored.
 */
export async function credentialsThroughSts(
  tabId: number,
  request: { readonly roleArn: string; readonly region: string; readonly durationCap?: number | undefined },
): Promise<{ ok: true; credentials: StsCredentials; assumedRoleArn: string } | { ok: false; error: string }> {
  const prepared = await prepare(tabId, request);
  if (!prepared.ok) return { ok: false, error: prepared.error };
  const assumed = await assumeRole(prepared, request, []);
  if (assumed.ok) return assumed;
  return { ok: false, error: `${explainStsError(assumed.error).explanation} (${describeStsError(assumed.error)})` };
}

/** The sign-in attempt through STS, as the diagnosis page explains it (no assertion in it). */
function stsAttempt(tabId: number, prepared: Prepared, region: string): SigninAttempt {
  const { capture, info, role, partition } = prepared;
  const recipientUrl = info.recipient ?? capture.url;
  return {
    tabId,
    partition,
    region,
    targetUrl: stsEndpoint(partition, region)?.url ?? '',
    recipientUrl,
    recipientRegion: endpointForUrl(recipientUrl)?.region ?? '',
    roleArn: role.roleArn,
    notOnOrAfter: info.notOnOrAfter,
    at: Date.now(),
    method: 'sts',
    issuer: info.issuer,
  };
}

/** The STS sign-in failed: the tab shows the diagnosis page, which lists every step tried. */
async function explainFailure(tabId: number, attempt: SigninAttempt, steps: readonly DiagnosisStep[], stsError: StsError | undefined): Promise<StsSigninResult> {
  await saveDiagnosis(tabId, { diagnosis: diagnoseStsFailure({ attempt, steps, stsError }), attempt });
  await openInTab(tabId, extensionUrl(DIAGNOSIS_PATH));
  return { ok: false, code: 'refused', error: 'AWS did not sign you in; the explanation is on the page.' };
}

/** What the popup lists: the console session ends after SessionDuration, else with the credentials. */
function openedConsole(roleArn: string, region: string, expiration: string, sessionDuration: number | undefined): OpenedConsole {
  const now = Date.now();
  const seconds = consoleSessionSeconds(sessionDuration);
  return { roleArn, region, openedAt: now, endsAt: seconds !== undefined ? now + seconds * 1000 : Date.parse(expiration) || now };
}

async function callSts(post: ReturnType<typeof buildAssumeRoleWithSaml>): Promise<StsResult> {
  const answer = await requestAws(post.url, post, CALL_TIMEOUT_MS);
  if (answer.kind !== 'answered') return { ok: false, error: { code: answer.kind, message: answer.message } };
  return readStsResponse(answer.status, answer.text, parseWithXmldom);
}

/** POST first; when AWS refuses the POST (any HTTP answer but a token), the documented GET. */
async function signinToken(
  endpoint: FederationEndpoint,
  partition: string,
  credentials: StsCredentials,
  sessionDuration: number | undefined,
  steps: DiagnosisStep[],
): Promise<string | undefined> {
  try {
    checkFederationTarget(endpoint.url, partition);
  } catch (error) {
    steps.push({ method: 'federation', host: endpoint.host, said: error instanceof StsTargetError ? error.message : 'refused' });
    return undefined;
  }
  const post = buildSigninTokenPost(endpoint, credentials, sessionDuration);
  let answer: AwsAnswer = await requestAws(post.url, post, CALL_TIMEOUT_MS);
  if (answer.kind === 'answered') {
    const read = readSigninTokenResponse(answer.status, answer.text);
    if (read.ok) return read.token;
    answer = await requestAws(buildSigninTokenGetUrl(endpoint, credentials, sessionDuration), { method: 'GET' }, CALL_TIMEOUT_MS);
  }
  if (answer.kind !== 'answered') {
    steps.push({ method: 'federation', host: endpoint.host, said: answer.message });
    return undefined;
  }
  const read = readSigninTokenResponse(answer.status, answer.text);
  if (read.ok) return read.token;
  steps.push({ method: 'federation', host: endpoint.host, said: read.message });
  return undefined;
}

function describeStsError(error: StsError): string {
  return error.code === 'network' || error.code === 'timeout' || error.code === 'unreadable' || error.code === 'http'
    ? error.message
    : `${error.code}: ${error.message}`;
}
