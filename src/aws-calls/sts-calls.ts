// The steps of a sign-in through STS (docs/sts-federation.md), for sts-signin.ts: read the tab's capture and
// the chosen role, call regional STS (with fallback), trade the credentials for a sign-in token.
// Every failure on the way becomes a step of the diagnosis, in the words of user-message.ts.
import type { CapturedSignin } from '../core/signin/capture';
import type { DiagnosisStep, SigninAttempt } from '../core/diagnosis/signin-refusal';
import { endpointForUrl, federationEndpoint, signinEndpoint, stsEndpoint, type FederationEndpoint } from '../core/aws/endpoints';
import {
  afterSigninTokenPost,
  buildSigninTokenGetUrl,
  buildSigninTokenPost,
  consoleSessionSeconds,
  readSigninTokenResponse,
} from '../core/signin/federation';
import type { SamlAssertionInfo, SamlRole } from '../core/saml/decode';
import { federationRegions, stsRegionOrder } from '../core/signin/fallback-order';
import {
  buildAssumeRoleWithSaml,
  isMaxSessionDurationError,
  isRegionalFailure,
  readStsResponse,
  stsSaid,
  type StsCredentials,
  type StsError,
  type StsResult,
} from '../core/signin/sts';
import { stsPermission, type StsUse } from '../core/signin/sts-permission';
import { checkFederationTarget, checkStsTarget } from '../core/signin/sts-target';
import { message, type UserMessage } from '../core/words/user-message';
import { requestAws, type AwsAnswer } from '../platform/aws-request';
import type { OpenedConsole } from '../platform/console-list';
import { readHealth } from '../platform/health-store';
import { hasStsAccess } from '../platform/sts-access';
import { readStsRules } from '../platform/stored-settings';
import { parseXml } from '../platform/xml';
import { readTabAssertion } from './tab-assertion';

/** Each STS or federation call gets this long: several regions still fit in the assertion's 5 minutes. */
const CALL_TIMEOUT_MS = 8_000;

export type StsSigninResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: UserMessage; readonly code: 'not-allowed' | 'no-capture' | 'no-role' | 'no-access' | 'refused' };

type NotPrepared = Exclude<StsSigninResult, { ok: true }>;

export type Prepared = {
  readonly ok: true;
  readonly capture: CapturedSignin;
  readonly info: SamlAssertionInfo;
  readonly role: SamlRole;
  readonly partition: string;
};

/**
 * Whether STS may be used for this at all (the user's setting, or the organisation's policy, which
 * is waited for however long storage.managed takes), then the tab's capture, read and decoded once
 * (readTabAssertion), with each chosen role in it. Every STS call a click starts begins here.
 */
export async function prepareRoles(
  tabId: number,
  request: { readonly roleArns: readonly string[]; readonly region: string },
  use: StsUse = 'signin',
): Promise<{ readonly ok: true; readonly roles: readonly Prepared[] } | NotPrepared> {
  if (!request.roleArns.length) return { ok: false, code: 'no-role', error: message('replyNoRole') };
  const permission = stsPermission(await readStsRules(), use);
  if (!permission.ok) return { ok: false, code: 'not-allowed', error: permission.refusal };
  const read = await readTabAssertion(tabId);
  if (!read.ok) return read.problem === 'gone' ? { ok: false, code: 'no-capture', error: message('replyCaptureGone') } : { ok: false, code: 'no-role', error: read.refusal };
  const { capture, info } = read;
  const roles: Prepared[] = [];
  for (const roleArn of request.roleArns) {
    const role = info.roles.find((r) => r.roleArn === roleArn);
    if (!role) return { ok: false, code: 'no-role', error: message('replyRoleNotInAssertion') };
    const partition = role.partition;
    if (!signinEndpoint(partition, request.region)) {
      return { ok: false, code: 'no-role', error: message('replyNotARegion', { region: request.region, partition }) };
    }
    if (!roles.length && !(await hasStsAccess())) return { ok: false, code: 'no-access', error: message('replyNoStsAccess') };
    roles.push({ ok: true, capture, info, role, partition });
  }
  return { ok: true, roles };
}

/** prepareRoles for one role. */
export async function prepare(
  tabId: number,
  request: { readonly roleArn: string; readonly region: string },
  use: StsUse = 'signin',
): Promise<Prepared | NotPrepared> {
  const prepared = await prepareRoles(tabId, { roleArns: [request.roleArn], region: request.region }, use);
  return prepared.ok ? prepared.roles[0]! : prepared;
}

/**
 * `AssumeRoleWithSAML` at the chosen region's STS, else at other regional STS endpoints of the
 * partition that answer (docs/sts-federation.md). Each failure is added to `steps`.
 */
export async function assumeRole(
  prepared: Prepared,
  request: { readonly region: string; readonly durationCap?: number | undefined },
  steps: DiagnosisStep[],
): Promise<{ ok: true; credentials: StsCredentials; assumedRoleArn: string } | { ok: false; error: StsError }> {
  const { capture, info, role, partition } = prepared;
  const stsHealth = await readHealth(partition, 'sts');
  let lastError: StsError = { code: 'network', message: '', problem: message('stsNoEndpoint') };
  for (const region of stsRegionOrder({ partition, chosen: request.region, health: stsHealth })) {
    const endpoint = stsEndpoint(partition, region);
    if (!endpoint) continue;
    const allowed = checkStsTarget(endpoint.url, partition, role.roleArn);
    let result: StsResult;
    if (allowed.ok) {
      const call = (omitDuration: boolean) =>
        buildAssumeRoleWithSaml({
          endpoint: allowed.endpoint,
          roleArn: role.roleArn,
          principalArn: role.principalArn,
          samlResponse: capture.samlResponse,
          sessionDuration: info.sessionDuration,
          durationCap: request.durationCap,
          omitDuration,
        });
      result = await callSts(call(false));
      if (!result.ok && isMaxSessionDurationError(result.error)) result = await callSts(call(true));
    } else {
      result = { ok: false, error: { code: 'unreadable', message: '', problem: allowed.refusal } };
    }
    if (result.ok) return result;
    lastError = result.error;
    steps.push({ method: 'sts', host: endpoint.host, said: stsSaid(result.error) });
    if (!isRegionalFailure(result.error)) break;
  }
  return { ok: false, error: lastError };
}

async function callSts(post: ReturnType<typeof buildAssumeRoleWithSaml>): Promise<StsResult> {
  const answer = await requestAws(post.url, post, CALL_TIMEOUT_MS);
  if (answer.kind !== 'answered') return { ok: false, error: { code: answer.kind, message: '', problem: answer.problem } };
  return readStsResponse(answer.status, answer.text, parseXml);
}

/**
 * A sign-in token from the chosen region's federation endpoint, else from the next one that gives
 * one (`federationRegions`); always by POST, the GET only where AWS refused the method (405).
 * The login URL must then go to the endpoint that issued the token.
 */
export async function signinTokenAnywhere(
  partition: string,
  region: string,
  credentials: StsCredentials,
  sessionDuration: number | undefined,
  steps: DiagnosisStep[],
): Promise<{ endpoint: FederationEndpoint; token: string } | undefined> {
  const health = await readHealth(partition);
  for (const next of federationRegions({ partition, chosen: region, health })) {
    const endpoint = federationEndpoint(partition, next);
    if (!endpoint) continue;
    const token = await signinToken(endpoint, partition, credentials, sessionDuration, steps);
    if (token) return { endpoint, token };
  }
  return undefined;
}

/** One federation endpoint: POST; the documented GET only when AWS refuses the POST's method. */
async function signinToken(
  endpoint: FederationEndpoint,
  partition: string,
  credentials: StsCredentials,
  sessionDuration: number | undefined,
  steps: DiagnosisStep[],
): Promise<string | undefined> {
  const allowed = checkFederationTarget(endpoint.url, partition);
  if (!allowed.ok) {
    steps.push({ method: 'federation', host: endpoint.host, said: allowed.refusal });
    return undefined;
  }
  const post = buildSigninTokenPost(allowed.endpoint, credentials, sessionDuration);
  let answer: AwsAnswer = await requestAws(post.url, post, CALL_TIMEOUT_MS);
  if (answer.kind === 'answered') {
    const read = readSigninTokenResponse(answer.status, answer.text);
    if (read.ok) return read.token;
    if (afterSigninTokenPost(answer.status) === 'get') {
      answer = await requestAws(buildSigninTokenGetUrl(allowed.endpoint, credentials, sessionDuration), { method: 'GET' }, CALL_TIMEOUT_MS);
    }
  }
  if (answer.kind !== 'answered') {
    steps.push({ method: 'federation', host: endpoint.host, said: answer.problem });
    return undefined;
  }
  const read = readSigninTokenResponse(answer.status, answer.text);
  if (read.ok) return read.token;
  steps.push({ method: 'federation', host: endpoint.host, said: read.problem });
  return undefined;
}

/** The sign-in attempt through STS, as the diagnosis page explains it (no assertion in it). */
export function stsAttempt(tabId: number, prepared: Prepared, region: string): SigninAttempt {
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

/** What the popup lists: the console session ends after SessionDuration, else with the credentials. */
export function openedConsole(roleArn: string, region: string, expiration: string, sessionDuration: number | undefined): OpenedConsole {
  const now = Date.now();
  const seconds = consoleSessionSeconds(sessionDuration);
  return { roleArn, region, openedAt: now, endsAt: seconds !== undefined ? now + seconds * 1000 : Date.parse(expiration) || now };
}
