import { describe, expect, it } from 'vitest';
import { federationEndpoint } from '../../src/core/aws/endpoints';
import { buildLoginUrl, buildSigninTokenGetUrl, buildSigninTokenPost, consoleSessionSeconds, readSigninTokenResponse } from '../../src/core/signin/federation';
import type { RegionHealth } from '../../src/core/health/probe';
import { message } from '../../src/core/words/user-message';
import { renderMessage } from '../support/render-message';
import { chooseSigninMethod, refusalKey } from '../../src/core/signin/method';
import { MAX_STS_FALLBACKS, stsRegionOrder } from '../../src/core/signin/fallback-order';

const up = (region: string, latencyMs: number): RegionHealth => ({ region, state: 'up', latencyMs, detail: message('answeredIn', { ms: latencyMs }), failures: 0 });
const down = (region: string): RegionHealth => ({ region, state: 'down', detail: message('connectionFailed'), failures: 1 });

describe('chooseSigninMethod', () => {
  const base = { addressedRegion: 'us-east-1', region: 'eu-west-1', setting: 'auto', refusedElsewhere: false, rolesReadable: true } as const;
  it('re-posts once to the region the assertion is addressed to', () => {
    expect(chooseSigninMethod({ ...base, region: 'us-east-1' })).toEqual({ method: 'repost', reason: 'addressed-region' });
    expect(chooseSigninMethod({ ...base, region: 'us-east-1', refusedElsewhere: true })).toEqual({ method: 'repost', reason: 'addressed-region' });
  });
  it('tries the re-post first elsewhere, then STS; straight to STS once refused', () => {
    expect(chooseSigninMethod(base)).toEqual({ method: 'repost-then-sts', reason: 'try-repost-first' });
    expect(chooseSigninMethod({ ...base, refusedElsewhere: true })).toEqual({ method: 'sts', reason: 'refused-before' });
  });
  it('follows a forced setting, and never STS without readable roles', () => {
    expect(chooseSigninMethod({ ...base, setting: 'repost' })).toEqual({ method: 'repost', reason: 'forced-repost' });
    expect(chooseSigninMethod({ ...base, setting: 'sts', region: 'us-east-1' })).toEqual({ method: 'sts', reason: 'forced-sts' });
    expect(chooseSigninMethod({ ...base, setting: 'sts', rolesReadable: false })).toEqual({ method: 'repost', reason: 'encrypted' });
  });
  it('keys what it learns by partition and Issuer', () => {
    expect(refusalKey('http://www.okta.com/exk1', 'aws')).toBe('aws http://www.okta.com/exk1');
    expect(refusalKey('x'.repeat(1000), 'aws')).toHaveLength(300);
  });
});

describe('stsRegionOrder', () => {
  it('tries the chosen region, then answering ones fastest first, never us-east-1 unless chosen', () => {
    const health = { 'us-east-1': up('us-east-1', 5), 'eu-west-2': up('eu-west-2', 40), 'eu-central-1': up('eu-central-1', 20), 'eu-west-1': down('eu-west-1') };
    const order = stsRegionOrder({ partition: 'aws', chosen: 'eu-west-1', health });
    expect(order.slice(0, 3)).toEqual(['eu-west-1', 'eu-central-1', 'eu-west-2']);
    expect(order).not.toContain('us-east-1');
    expect(order).toHaveLength(1 + MAX_STS_FALLBACKS);
    expect(stsRegionOrder({ partition: 'aws', chosen: 'us-east-1', health })[0]).toBe('us-east-1');
  });
  it('skips regions known down and opt-in regions not known to answer; preferred regions first', () => {
    const health = { 'us-east-2': down('us-east-2') };
    const order = stsRegionOrder({ partition: 'aws', chosen: 'eu-west-1', health, preferred: ['us-west-2', 'us-east-2'] });
    expect(order[1]).toBe('us-west-2');
    expect(order).not.toContain('us-east-2');
    expect(order).not.toContain('af-south-1');
  });
  it('stays in the partition', () => {
    expect(stsRegionOrder({ partition: 'aws-us-gov', chosen: 'us-gov-east-1', health: {} })).toEqual(['us-gov-east-1', 'us-gov-west-1']);
    expect(stsRegionOrder({ partition: 'aws-nowhere', chosen: 'x', health: {} })).toEqual([]);
  });
});

describe('federation calls (docs/sts-federation.md)', () => {
  const endpoint = federationEndpoint('aws', 'eu-west-1')!;
  const credentials = { accessKeyId: 'ASIAX', secretAccessKey: 'a/b+c=', sessionToken: 'tok/+=', expiration: '2026-12-01T21:00:00Z' };

  it('asks for a sign-in token by POST with the Session JSON and the console session length', () => {
    const post = buildSigninTokenPost(endpoint, credentials, 7200);
    expect(post.url).toBe('https://eu-west-1.signin.aws.amazon.com/federation');
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const fields = new URLSearchParams(post.body);
    expect(fields.get('Action')).toBe('getSigninToken');
    expect(JSON.parse(fields.get('Session')!)).toEqual({ sessionId: 'ASIAX', sessionKey: 'a/b+c=', sessionToken: 'tok/+=' });
    expect(fields.get('SessionDuration')).toBe('7200');
    expect(new URLSearchParams(buildSigninTokenPost(endpoint, credentials).body).has('SessionDuration')).toBe(false);
    const get = new URL(buildSigninTokenGetUrl(endpoint, credentials, 100_000));
    expect(get.searchParams.get('SessionDuration')).toBe('43200');
    expect(JSON.parse(get.searchParams.get('Session')!).sessionKey).toBe('a/b+c=');
    expect(consoleSessionSeconds(60)).toBe(900);
  });

  it('reads the token, and refusals in a sentence', () => {
    expect(readSigninTokenResponse(200, '{"SigninToken":"abc"}')).toEqual({ ok: true, token: 'abc' });
    expect(readSigninTokenResponse(200, '<html>')).toMatchObject({ ok: false });
    expect(readSigninTokenResponse(200, '{"SigninToken":""}')).toMatchObject({ ok: false });
    expect(readSigninTokenResponse(400, '<html><body>Bad Request</body></html>')).toEqual({
      ok: false,
      status: 400,
      problem: message('federationRefusedSaid', { status: 400, said: 'Bad Request' }),
    });
    expect(renderMessage(message('federationRefusedSaid', { status: 400, said: 'Bad Request' }))).toBe(
      'The federation endpoint refused the request with HTTP 400: Bad Request.',
    );
  });

  it('builds the login URL with Issuer, Destination in the chosen region and the token', () => {
    const url = new URL(buildLoginUrl(endpoint, 'tok', 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1', 'https://acme.okta.com/'));
    expect(url.origin + url.pathname).toBe('https://eu-west-1.signin.aws.amazon.com/federation');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Action: 'login',
      Issuer: 'https://acme.okta.com/',
      Destination: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
      SigninToken: 'tok',
    });
    expect(new URL(buildLoginUrl(endpoint, 'tok', 'https://x')).searchParams.has('Issuer')).toBe(false);
  });
});
