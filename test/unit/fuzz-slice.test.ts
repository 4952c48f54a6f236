// A small, fixed-seed slice of `npm run fuzz` (scripts/fuzz.ts): the same generators
// (bench/fuzz-arbitraries.ts), a few hundred runs, so every `npm test` fuzzes a little.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FAMILIES,
  FuzzContractError,
  decodeChecked,
  enforceRefusalTimeLimit,
  pinnedXml,
  postChecked,
} from '../../bench/fuzz-arbitraries';
import type { CaseResult } from '../../bench/fuzz-arbitraries';

const SEED = 20261123;
// Behaviour only: how fast refusals are is `npm run fuzz`'s to report.
enforceRefusalTimeLimit(false);

describe('fuzz slice (same generators as npm run fuzz)', () => {
  for (const family of FAMILIES) {
    it(`${family.name} → ${family.target}: only typed errors, every refusal a refusal`, () => {
      const results: CaseResult[] = [];
      fc.assert(family.property((result) => results.push(result)), { seed: SEED, numRuns: family.sliceRuns });
      expect(results).toHaveLength(family.sliceRuns);
    });
  }

  it('covers both sides of every promise: decoded and refused, posted and refused', () => {
    const outcomes = new Set<string>();
    for (const family of FAMILIES) {
      fc.assert(family.property((result) => outcomes.add(result.outcome)), { seed: SEED, numRuns: family.sliceRuns });
    }
    for (const outcome of ['decoded', 'refused:doctype', 'refused:too-large', 'refused:not-xml', 'posted', 'target-refused']) {
      expect(outcomes, `no generated input ended as ${outcome}`).toContain(outcome);
    }
  });
});

describe('the contract checks themselves', () => {
  const valid = Buffer.from(pinnedXml()).toString('base64');

  it('flags an input that had to be refused but was decoded, or refused for the wrong reason', () => {
    expect(decodeChecked(valid).outcome).toBe('decoded');
    expect(() => decodeChecked(valid, { mustRefuse: 'dtd' })).toThrow(FuzzContractError);
    expect(() => decodeChecked('%%%', { mustRefuse: 'large', reason: 'too-large' })).toThrow(/expected refused:too-large, got refused:not-base64/);
  });

  it('flags a POST to a target the caller required to be accepted, and passes a good one', () => {
    const request = { samlResponse: valid, partition: 'aws', relayState: '', roleArn: 'arn:aws:iam::111122223333:role/Admin' };
    expect(postChecked({ ...request, targetUrl: 'https://eu-west-1.signin.aws.amazon.com/saml' }, true).outcome).toBe('posted');
    expect(postChecked({ ...request, targetUrl: 'https://signin.aws.amazon.com.evil.example/saml' }).outcome).toBe('target-refused');
    expect(() => postChecked({ ...request, targetUrl: 'https://signin.aws.amazon.com.evil.example/saml' }, true)).toThrow(FuzzContractError);
  });
});
