import { describe, expect, it } from 'vitest';
import { diagnoseEndpointFailure } from '../../src/core/diagnosis/signin-refusal';
import { REPOST_TIMEOUT_MS, outcomeOfError, outcomeOfStatus, timeoutOutcome } from '../../src/core/signin/repost-outcome';
import { message } from '../../src/core/words/user-message';
import { renderMessage } from '../support/render-message';

describe('re-post outcome', () => {
  it('counts any answer below 500 as processed by AWS, a 5xx as a failure', () => {
    expect(outcomeOfStatus(302)).toEqual({ kind: 'processed', status: 302 });
    expect(outcomeOfStatus(200)).toEqual({ kind: 'processed', status: 200 });
    expect(outcomeOfStatus(403)).toEqual({ kind: 'processed', status: 403 });
    expect(outcomeOfStatus(503)).toEqual({ kind: 'failed', reason: 'http', detail: message('answeredHttp', { status: 503 }) });
  });

  it('explains network errors in words and ignores abandoned loads', () => {
    expect(outcomeOfError('net::ERR_CONNECTION_RESET')).toEqual({ kind: 'failed', reason: 'network', detail: message('connectionReset') });
    expect(outcomeOfError('net::ERR_SOMETHING_NEW')).toMatchObject({ detail: message('connectionFailedWith', { error: 'net::ERR_SOMETHING_NEW' }) });
    expect(outcomeOfError('net::ERR_ABORTED')).toBeUndefined();
    expect(outcomeOfError('NS_BINDING_ABORTED')).toBeUndefined();
    expect(timeoutOutcome()).toEqual({ kind: 'failed', reason: 'timeout', detail: message('noAnswerWithin', { seconds: REPOST_TIMEOUT_MS / 1000 }) });
  });

  it('says the assertion was not used and can be tried elsewhere', () => {
    const d = diagnoseEndpointFailure(message('answeredHttp', { status: 500 }), {
      tabId: 1,
      partition: 'aws',
      region: 'eu-west-1',
      targetUrl: 'https://eu-west-1.signin.aws.amazon.com/saml',
      recipientUrl: 'https://signin.aws.amazon.com/saml',
      recipientRegion: 'us-east-1',
      at: 0,
    });
    expect(d.cause).toBe('endpoint-failed');
    expect(renderMessage(d.title)).toBe("eu-west-1's sign-in endpoint did not answer");
    expect(renderMessage(d.explanation)).toContain('failed: answered with HTTP 500. Your assertion was not used');
  });
});
