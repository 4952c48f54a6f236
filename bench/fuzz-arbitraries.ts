// Generators and contract checks shared by the fuzzer (scripts/fuzz.ts, `npm run fuzz`) and its
// slice in `npm test` (test/unit/fuzz-slice.test.ts). Each family is a fast-check arbitrary plus a
// `run` that feeds one input to the code under test and throws a FuzzContractError when a promise
// is broken: parseSamlResponse only ever throws SamlResponseError, buildSigninPost never throws
// (it refuses with a message); anything over the size cap or carrying a DTD is refused in under 100 ms;
// a sign-in POST never leaves the allowlist. Inputs are generated (never real assertions) and
// reproducible from the seed: timestamps are pinned so the same seed gives the same bytes.
import type { FuzzFamily } from './fuzz/contract';
import {
  dtdFamily,
  largeFamily,
  mutatedBase64Family,
  mutatedXmlFamily,
  randomFamily,
  tokenSoupFamily,
  validFamily,
} from './fuzz/decode-families';
import { pipelineFamily, signinTargetFamily } from './fuzz/signin-families';

export {
  FuzzContractError,
  REFUSAL_LIMIT_MS,
  enforceRefusalTimeLimit,
  decodeChecked,
  pinnedXml,
  postChecked,
  type CaseResult,
  type DecodeExpectation,
  type FuzzFamily,
  type Outcome,
  type RefusalKind,
} from './fuzz/contract';

export const FAMILIES: readonly FuzzFamily[] = [
  validFamily,
  mutatedXmlFamily,
  mutatedBase64Family,
  tokenSoupFamily,
  randomFamily,
  dtdFamily,
  largeFamily,
  signinTargetFamily,
  pipelineFamily,
];
