import { describe, expect, it } from 'vitest';
import { federationEndpoint } from '../../src/core/aws/endpoints';
import { afterSigninTokenPost, buildSigninTokenGetUrl, buildSigninTokenPost } from '../../src/core/signin/federation';
import { federationRegions } from '../../src/core/signin/fallback-order';
import type { RegionHealth } from '../../src/core/health/probe';
import { message } from '../../src/core/words/user-message';

// getSigninToken carries the temporary credentials: by POST (AWS's guide documents it), and in a
// URL only where AWS refused that method itself.

const credentials = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret/Key+1', sessionToken: 'token==', expiration: '2026-12-07T06:00:00Z' };
const health = (region: string, state: 'up' | 'down', latencyMs?: number): RegionHealth => ({
  region,
  state,
  latencyMs,
  detail: message('notCheckedYet'),
  failures: state === 'down' ? 1 : 0,
});

describe('afterSigninTokenPost', () => {
  it('sends the GET only when AWS refused the method (405)', () => {
    expect(afterSigninTokenPost(405)).toBe('get');
  });

  it('moves on to the next endpoint after a 5xx, a timeout, a lost connection or any other refusal', () => {
    for (const status of [500, 502, 503, 504, 400, 403, 404, 429, 501, undefined]) expect(afterSigninTokenPost(status), String(status)).toBe('next-endpoint');
  });
});

describe('federationRegions', () => {
  it("starts with the chosen region, then the regions whose sign-in host answers, never one that is down or us-east-1's", () => {
    const signinHealth = {
      'eu-west-1': health('eu-west-1', 'up', 40),
      'eu-central-1': health('eu-central-1', 'up', 20),
      'eu-north-1': health('eu-north-1', 'up', 30),
      'us-east-1': health('us-east-1', 'up', 10),
      'us-west-2': health('us-west-2', 'down'),
    };
    const order = federationRegions({ partition: 'aws', chosen: 'eu-west-1', health: signinHealth });
    expect(order[0]).toBe('eu-west-1');
    expect(order.slice(1)).toEqual(['eu-central-1', 'eu-north-1']);
  });

  it('keeps the chosen region even when its health is unknown or down', () => {
    expect(federationRegions({ partition: 'aws', chosen: 'eu-west-1', health: { 'eu-west-1': health('eu-west-1', 'down') } })).toEqual(['eu-west-1']);
  });
});

describe('getSigninToken requests', () => {
  const endpoint = federationEndpoint('aws', 'eu-west-1')!;

  it('puts the Session in the body of the POST, never in its URL', () => {
    const post = buildSigninTokenPost(endpoint, credentials, 3600);
    expect(post.url).toBe('https://eu-west-1.signin.aws.amazon.com/federation');
    expect(post.method).toBe('POST');
    const body = new URLSearchParams(post.body);
    expect(JSON.parse(body.get('Session')!)).toEqual({ sessionId: 'ASIAEXAMPLE', sessionKey: 'secret/Key+1', sessionToken: 'token==' });
  });

  it('builds the GET of the guide (for a 405 only) with the Session in the query', () => {
    const url = new URL(buildSigninTokenGetUrl(endpoint, credentials));
    expect(url.searchParams.get('Action')).toBe('getSigninToken');
    expect(url.searchParams.get('Session')).toContain('secret/Key+1');
  });
});
