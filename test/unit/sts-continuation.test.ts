import { describe, expect, it } from 'vitest';
import { CONTINUATION_MAX_AGE_MS, checkContinuation, type StsContinuation } from '../../src/core/signin/sts-continuation';
import { repostDiagnosis, repostStep } from '../../src/core/diagnosis/repost-refusal';
import { message } from '../../src/core/words/user-message';
import type { StsRules } from '../../src/core/signin/sts-permission';

const now = Date.parse('2026-12-07T09:00:00Z');
const attempt = {
  tabId: 7,
  partition: 'aws',
  region: 'eu-west-1',
  targetUrl: 'https://eu-west-1.signin.aws.amazon.com/saml',
  recipientUrl: 'https://signin.aws.amazon.com/saml',
  recipientRegion: 'us-east-1',
  roleArn: 'arn:aws:iam::444455556666:role/team/Deploy',
  notOnOrAfter: '2026-12-07T09:05:00Z',
  at: now - 2_000,
  method: 'repost-then-sts' as const,
  issuer: 'http://www.okta.com/exk1',
  durationCap: 3600,
};
const refused: StsContinuation = { attempt, failure: { kind: 'rejected', awsMessage: 'Your request included an invalid SAML response.' }, at: now - 1_000 };
const auto: StsRules = { signinMethod: 'auto', signinMethodByPolicy: false, allowCliCredentials: true, cliByPolicy: false };

describe('checkContinuation: what the worker hands back to the picker, as the picker may trust it', () => {
  it('takes a fresh, well-formed record, for AWS refusing it or the endpoint failing', () => {
    expect(checkContinuation(JSON.parse(JSON.stringify(refused)), now)).toEqual(refused);
    const failed = { ...refused, failure: { kind: 'endpoint', detail: message('answeredHttp', { status: 500 }) } };
    expect(checkContinuation(JSON.parse(JSON.stringify(failed)), now)).toEqual(failed);
  });

  it('refuses a stale, future-dated or damaged record', () => {
    for (const [why, bad] of [
      ['stale', { ...refused, at: now - CONTINUATION_MAX_AGE_MS - 1 }],
      ['from the future', { ...refused, at: now + 1 }],
      ['not a continuation through STS', { ...refused, attempt: { ...attempt, method: 'repost' } }],
      ['no role', { ...refused, attempt: { ...attempt, roleArn: undefined } }],
      ['a role that is not text', { ...refused, attempt: { ...attempt, roleArn: 42 } }],
      ['an endless target', { ...refused, attempt: { ...attempt, targetUrl: `https://x/${'a'.repeat(3000)}` } }],
      ['no failure', { ...refused, failure: undefined }],
      ['an unknown failure', { ...refused, failure: { kind: 'other', awsMessage: 'x' } }],
      ['AWS words too long', { ...refused, failure: { kind: 'rejected', awsMessage: 'x'.repeat(2001) } }],
      ['a detail that is no message', { ...refused, failure: { kind: 'endpoint', detail: { code: 'nope', params: {} } } }],
      ['a session cap that is not whole', { ...refused, attempt: { ...attempt, durationCap: 1.5 } }],
    ] as const) {
      expect(checkContinuation(bad, now), why).toBeUndefined();
    }
    expect(checkContinuation(null, now)).toBeUndefined();
    expect(checkContinuation('continue', now)).toBeUndefined();
  });
});

describe('repostDiagnosis and repostStep', () => {
  it("makes AWS's refusal the first step, named by the host it was posted to", () => {
    expect(repostStep(refused.failure, attempt)).toEqual({ method: 'repost', host: 'eu-west-1.signin.aws.amazon.com', said: 'Your request included an invalid SAML response.' });
  });

  it('says that STS was not tried when only the re-post is allowed, and whose choice that is', () => {
    const plain = repostDiagnosis(refused.failure, attempt, now, auto);
    const policy = repostDiagnosis(refused.failure, attempt, now, { ...auto, signinMethod: 'repost', signinMethodByPolicy: true });
    expect(policy.explanation).toEqual([...plain.explanation, message('stsOffRepostPolicy')]);
    // A re-post to the assertion's own region: STS would not have been the way in anyway.
    const own = { ...attempt, region: 'us-east-1', targetUrl: 'https://signin.aws.amazon.com/saml' };
    expect(repostDiagnosis(refused.failure, own, now, { ...auto, signinMethod: 'repost' }).explanation).toEqual(repostDiagnosis(refused.failure, own, now, auto).explanation);
  });
});
