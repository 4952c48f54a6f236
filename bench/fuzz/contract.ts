// The promises the fuzzer checks, and the plumbing every family shares (see ../fuzz-arbitraries.ts).
import fc from 'fast-check';
import { parseRoleArn, parseSamlProviderArn } from '../../src/core/aws/arn';
import { endpointForUrl } from '../../src/core/aws/endpoints';
import { PARTITIONS } from '../../src/core/aws/catalog';
import { SamlResponseError, parseSamlResponse } from '../../src/core/saml/parse';
import type { SamlAssertionInfo } from '../../src/core/saml/parse';
import { buildSigninPost } from '../../src/core/signin/repost';
import { isUserMessage } from '../../src/core/words/user-message';
import type { SigninPostRequest } from '../../src/core/signin/repost';
import { buildSamlXml } from '../../test/fixtures/assertion-builder';
import type { AssertionOptions, RolePair } from '../../test/fixtures/assertion-builder';

/** What the decoder or the POST builder did with one input. */
export type Outcome = 'decoded' | `refused:${SamlResponseError['reason']}` | 'posted' | 'target-refused';

/** Oversized and DTD-carrying input must be refused faster than this (ms). */
export const REFUSAL_LIMIT_MS = 100;

/**
 * `npm run fuzz` fails a refusal slower than REFUSAL_LIMIT_MS. The unit tests' slice turns that off:
 * a busy machine must not fail a test of behaviour (timing goals live in the bench and the fuzz run).
 */
let refusalTimeLimit = true;
export function enforceRefusalTimeLimit(on: boolean): void {
  refusalTimeLimit = on;
}

export type RefusalKind = 'large' | 'dtd';

export interface CaseResult {
  outcome: Outcome;
  ms: number;
  /** Set when this input had to be refused (and so counts towards the refusal timings). */
  mustRefuse?: RefusalKind;
}

/** A broken promise of the code under test (as opposed to an input it rightly refused). */
export class FuzzContractError extends Error {
  override readonly name = 'FuzzContractError';
}

export interface FamilySpec<T> {
  readonly name: string;
  readonly target: 'parseSamlResponse' | 'buildSigninPost';
  /** Share of `npm run fuzz` runs. */
  readonly weight: number;
  /** Runs in the `npm test` slice. */
  readonly sliceRuns: number;
  readonly arbitrary: fc.Arbitrary<T>;
  run(input: T): CaseResult;
}

/** A family with its input type erased, so the fuzzer and the test can hold them in one list. */
export interface FuzzFamily extends Omit<FamilySpec<unknown>, 'arbitrary' | 'run'> {
  /** A fast-check property over the family's inputs; `onResult` sees every case. */
  property(onResult?: (result: CaseResult) => void): fc.IPropertyWithHooks<[unknown]>;
}

export function family<T>(spec: FamilySpec<T>): FuzzFamily {
  const { arbitrary, run, ...about } = spec;
  return {
    ...about,
    property: (onResult) =>
      fc.property(arbitrary, (input) => {
        const result = run(input);
        onResult?.(result);
      }) as unknown as fc.IPropertyWithHooks<[unknown]>,
  };
}

export type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const FIXED_NOW = Date.parse('2030-01-01T00:00:00.000Z');
const FIXED_ISO = new Date(FIXED_NOW).toISOString();
export const encoder = new TextEncoder();

/** buildSamlXml with every timestamp pinned, so a seed always yields the same bytes. */
export function pinnedXml(options: AssertionOptions = {}): string {
  return buildSamlXml({
    notOnOrAfter: new Date(FIXED_NOW + 5 * 60_000),
    notBefore: new Date(FIXED_NOW - 5 * 60_000),
    ...options,
  }).replace(/(IssueInstant|AuthnInstant)="[^"]*"/g, `$1="${FIXED_ISO}"`);
}

export const base64OfBytes = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
export const base64OfText = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

// parseSamlResponse

export interface DecodeExpectation {
  /** The input must be refused, within REFUSAL_LIMIT_MS. */
  mustRefuse?: RefusalKind;
  /** ... and for this reason. */
  reason?: SamlResponseError['reason'];
  /** The input must decode to exactly these roles, without warnings. */
  roles?: readonly RolePair[];
}

/** Decodes one input and checks the decoder's promises; returns what happened. */
export function decodeChecked(input: string, expect: DecodeExpectation = {}): CaseResult {
  return decodeAndCheck(input, expect).result;
}

export function decodeAndCheck(input: string, expect: DecodeExpectation): { result: CaseResult; info: SamlAssertionInfo | undefined } {
  const { mustRefuse, reason } = expect;
  let info: SamlAssertionInfo | undefined;
  let outcome: Outcome;
  const started = performance.now();
  try {
    info = parseSamlResponse(input);
    outcome = 'decoded';
  } catch (error) {
    if (!(error instanceof SamlResponseError)) {
      const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new FuzzContractError(`parseSamlResponse threw something other than SamlResponseError: ${what}`);
    }
    outcome = `refused:${error.reason}`;
  }
  const ms = performance.now() - started;
  if (mustRefuse) {
    if (info) throw new FuzzContractError(`an input that must be refused (${mustRefuse}) was decoded`);
    if (refusalTimeLimit && ms >= REFUSAL_LIMIT_MS) {
      throw new FuzzContractError(`refusing a ${mustRefuse} input took ${ms.toFixed(1)} ms (limit ${REFUSAL_LIMIT_MS} ms)`);
    }
  }
  if (reason && outcome !== `refused:${reason}`) {
    throw new FuzzContractError(`expected refused:${reason}, got ${outcome}`);
  }
  if (info) checkDecoded(info, expect.roles);
  return { result: mustRefuse ? { outcome, ms, mustRefuse } : { outcome, ms }, info };
}

function checkDecoded(info: SamlAssertionInfo, expectedRoles: readonly RolePair[] | undefined): void {
  for (const role of info.roles) {
    // Whatever got through is a well-formed role/provider pair of one partition.
    const arn = parseRoleArn(role.roleArn);
    const provider = parseSamlProviderArn(role.principalArn);
    if (!arn || !provider || arn.partition !== role.partition || provider.partition !== role.partition) {
      throw new FuzzContractError(`decoded a malformed role pair: ${role.roleArn} / ${role.principalArn}`);
    }
  }
  if (info.notOnOrAfter !== undefined && new Date(info.notOnOrAfter).toISOString() !== info.notOnOrAfter) {
    throw new FuzzContractError(`notOnOrAfter is not normalised ISO 8601: ${info.notOnOrAfter}`);
  }
  if (expectedRoles) {
    const got = info.roles.map((r) => `${r.roleArn} ${r.principalArn}`).join('\n');
    const want = expectedRoles.map((r) => `${r.roleArn} ${r.principalArn}`).join('\n');
    if (got !== want || info.warnings.length > 0) {
      throw new FuzzContractError(`a valid assertion did not read back its roles exactly (warnings: ${info.warnings.join(' | ')})`);
    }
  }
}

// buildSigninPost

export const CATALOG_HOSTS = new Set(
  PARTITIONS.flatMap((p) => [p.signinHost, ...p.regions.map((r) => `${r.code}.${p.signinHost}`)]),
);
const SIGNIN_PATH = /^\/saml(?:\/acs\/[A-Za-z0-9_-]{1,128})?$/;

/** Builds one POST and checks it never leaves the allowlist; returns what happened. */
export function postChecked(request: SigninPostRequest, mustPost = false): CaseResult {
  const started = performance.now();
  let built;
  try {
    built = buildSigninPost(request);
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new FuzzContractError(`buildSigninPost threw instead of refusing: ${what}`);
  }
  if (!built.ok) {
    if (!isUserMessage(built.refusal)) throw new FuzzContractError('buildSigninPost refused without a message');
    if (mustPost) throw new FuzzContractError(`refused a catalog endpoint of the right partition: ${request.targetUrl} (${built.refusal.code})`);
    return { outcome: 'target-refused', ms: performance.now() - started };
  }
  const { post } = built;
  const ms = performance.now() - started;
  const url = new URL(post.url);
  const endpoint = endpointForUrl(post.url);
  if (
    url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' ||
    !CATALOG_HOSTS.has(url.hostname) || !SIGNIN_PATH.test(url.pathname) || post.url !== `https://${url.hostname}${url.pathname}` ||
    endpoint?.partition !== request.partition
  ) {
    throw new FuzzContractError(`a POST left the allowlist: ${post.url} for partition ${request.partition} (target ${request.targetUrl})`);
  }
  if (post.fields.SAMLResponse !== request.samlResponse || post.fields.RelayState !== request.relayState) {
    throw new FuzzContractError('the POST altered the SAMLResponse or RelayState');
  }
  if (post.fields.roleIndex !== request.roleArn || (request.roleArn !== undefined && parseRoleArn(request.roleArn)?.partition !== request.partition)) {
    throw new FuzzContractError(`the POST carries role ${String(post.fields.roleIndex)} for partition ${request.partition}`);
  }
  return { outcome: 'posted', ms };
}
