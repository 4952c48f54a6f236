import { describe, expect, it } from 'vitest';
import {
  CHECKING_EXPIRES_MS,
  FRESH_FOR_MS,
  RETRY_AFTER_FAILURE_MS,
  classifyProbe,
  badgeFor,
  describeHealth,
  markChecking,
  nextProbeAt,
  regionsDueForProbe,
  summarizeHealth,
  unknownHealth,
  type RegionHealth,
} from '../../src/core/health/probe';
import { message } from '../../src/core/words/user-message';
import { renderMessage } from '../support/render-message';
import { chooseDefaultRegion, chooseRegion, freshAssertionOffer } from '../../src/core/regions/choice';

const T = 1_800_000_000_000;
const up = (region: string, latencyMs = 40, at = T): RegionHealth => classifyProbe(region, { kind: 'answered', status: 200, latencyMs }, at);
const down = (region: string, at = T, previous?: RegionHealth): RegionHealth =>
  classifyProbe(region, { kind: 'network-error', latencyMs: 8 }, at, previous);

describe('classifyProbe', () => {
  it('calls a quick 200 up, a slow one slow, errors and timeouts down', () => {
    expect(up('eu-west-1')).toMatchObject({ state: 'up', latencyMs: 40, detail: message('answeredIn', { ms: 40 }), failures: 0 });
    expect(up('eu-west-1', 950)).toMatchObject({ state: 'slow', detail: message('answeredIn', { ms: 950 }) });
    expect(classifyProbe('us-east-1', { kind: 'timeout', latencyMs: 1500.4 }, T)).toMatchObject({
      state: 'down',
      detail: message('noAnswerWithin', { seconds: 1.5 }),
      failures: 1,
    });
    expect(down('us-east-1')).toMatchObject({ state: 'down', detail: message('connectionFailed') });
    expect(classifyProbe('us-east-1', { kind: 'answered', status: 503, latencyMs: 20 }, T)).toMatchObject({
      state: 'down',
      detail: message('answeredHttp', { status: 503 }),
    });
    expect(classifyProbe('us-east-1', { kind: 'answered', status: 302, latencyMs: 20 }, T).state).toBe('up');
  });

  it('counts consecutive failures and resets them on success', () => {
    const twice = down('us-east-1', T + 1, down('us-east-1'));
    expect(twice.failures).toBe(2);
    expect(classifyProbe('us-east-1', { kind: 'answered', status: 200, latencyMs: 5 }, T + 2, twice).failures).toBe(0);
  });
});

describe('when to probe', () => {
  it('probes a never-checked region at once and trusts a healthy answer for a minute', () => {
    expect(nextProbeAt(undefined)).toBe(0);
    expect(nextProbeAt(unknownHealth('x'))).toBe(0);
    expect(nextProbeAt(up('eu-west-1'))).toBe(T + FRESH_FOR_MS);
  });

  it('retries a failing region sooner, then backs off', () => {
    let health = down('us-east-1');
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      delays.push(nextProbeAt(health) - health.checkedAt!);
      health = down('us-east-1', T, health);
    }
    expect(delays).toEqual([...RETRY_AFTER_FAILURE_MS, RETRY_AFTER_FAILURE_MS.at(-1), RETRY_AFTER_FAILURE_MS.at(-1)]);
  });

  it('selects stale regions, all when forced, never one already being probed', () => {
    const later = T + RETRY_AFTER_FAILURE_MS[0];
    const known = { 'us-east-1': down('us-east-1'), 'eu-west-1': up('eu-west-1'), 'us-east-2': markChecking(undefined, 'us-east-2', later - 1_000) };
    const regions = ['us-east-1', 'eu-west-1', 'us-east-2', 'us-west-2'];
    expect(regionsDueForProbe(regions, known, T + 1_000, false)).toEqual(['us-west-2']);
    expect(regionsDueForProbe(regions, known, later, false)).toEqual(['us-east-1', 'us-west-2']);
    expect(regionsDueForProbe(regions, known, later, true)).toEqual(['us-east-1', 'eu-west-1', 'us-west-2']);
    // A probe lost with a stopped worker does not block the region forever.
    expect(regionsDueForProbe(regions, known, later + CHECKING_EXPIRES_MS, true)).toContain('us-east-2');
  });

  it('keeps showing the last known state while a probe runs', () => {
    const checking = markChecking(down('us-east-1'), 'us-east-1', T + 5);
    expect(checking.state).toBe('down');
    expect(renderMessage(describeHealth(checking))).toBe('down · connection failed');
    expect(renderMessage(describeHealth(markChecking(undefined, 'x', T)))).toBe('checking…');
    expect(renderMessage(describeHealth(undefined))).toBe('not checked');
    expect(renderMessage(describeHealth(up('x', 12)))).toBe('up · 12 ms');
  });
});

describe('chooseDefaultRegion', () => {
  const available = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'ap-south-1'];
  const preferred = ['eu-west-1', 'us-east-2', 'us-west-2'];

  it('keeps the addressed region unless it is known to be down', () => {
    expect(chooseDefaultRegion({ addressedRegion: 'us-east-1', preferred, available, health: {} })).toBe('us-east-1');
    expect(chooseDefaultRegion({ addressedRegion: 'us-east-1', preferred, available, health: { 'us-east-1': up('us-east-1', 2000) } })).toBe(
      'us-east-1',
    );
  });

  it('moves to the first preferred region that answered when the addressed one is down', () => {
    const health = { 'us-east-1': down('us-east-1'), 'eu-west-1': down('eu-west-1'), 'us-east-2': up('us-east-2'), 'us-west-2': up('us-west-2') };
    expect(chooseDefaultRegion({ addressedRegion: 'us-east-1', preferred, available, health })).toBe('us-east-2');
  });

  it('falls back to the fastest answering region, then to the addressed one', () => {
    const health = { 'us-east-1': down('us-east-1'), 'ap-south-1': up('ap-south-1', 30), 'us-west-2': up('us-west-2', 90) };
    expect(chooseDefaultRegion({ addressedRegion: 'us-east-1', preferred: [], available, health })).toBe('ap-south-1');
    expect(chooseDefaultRegion({ addressedRegion: 'us-east-1', preferred, available, health: { 'us-east-1': down('us-east-1') } })).toBe(
      'us-east-1',
    );
  });

  it('never picks a preferred region the partition does not offer', () => {
    const health = { 'cn-north-1': down('cn-north-1'), 'eu-west-1': up('eu-west-1') };
    expect(chooseDefaultRegion({ addressedRegion: 'cn-north-1', preferred, available: ['cn-north-1', 'cn-northwest-1'], health })).toBe(
      'cn-north-1',
    );
  });
});

it('summarizes health over the offered regions', () => {
  expect(summarizeHealth(['a', 'b', 'c', 'd'], { a: up('a'), b: up('b', 900), c: down('c') })).toEqual({ up: 1, slow: 1, down: 1, unknown: 1 });
});

describe('freshAssertionOffer', () => {
  const links = { 'eu-west-1': 'https://acme.okta.com/app/amazon_aws/exk1euw1/sso/saml', 'us-west-2': 'https://acme.okta.com/app/amazon_aws/exk1usw2/sso/saml' };

  it('offers the app of a healthy region, preferred first, only when the addressed region is down', () => {
    const health = { 'us-east-1': down('us-east-1'), 'eu-west-1': up('eu-west-1'), 'us-west-2': up('us-west-2') };
    expect(freshAssertionOffer({ addressedRegion: 'us-east-1', preferred: ['us-west-2'], health, idpAppLinks: links })).toEqual({
      region: 'us-west-2',
      url: links['us-west-2'],
    });
    expect(freshAssertionOffer({ addressedRegion: 'us-east-1', preferred: [], health, idpAppLinks: links })?.region).toBe('eu-west-1');
    expect(freshAssertionOffer({ addressedRegion: 'us-east-1', preferred: [], health: { ...health, 'us-east-1': up('us-east-1') }, idpAppLinks: links })).toBeUndefined();
  });

  it('offers nothing without a link for a region that answers', () => {
    const health = { 'us-east-1': down('us-east-1'), 'eu-west-1': down('eu-west-1') };
    expect(freshAssertionOffer({ addressedRegion: 'us-east-1', preferred: [], health, idpAppLinks: { 'eu-west-1': links['eu-west-1'] } })).toBeUndefined();
    expect(freshAssertionOffer({ addressedRegion: 'us-east-1', preferred: [], health: { 'us-east-1': down('us-east-1') }, idpAppLinks: {} })).toBeUndefined();
  });
});

describe('chooseRegion', () => {
  const available = ['us-east-1', 'eu-west-1', 'us-west-2'];
  it("takes the user's pick, else a usable remembered region, else the default", () => {
    const health = { 'eu-west-1': down('eu-west-1') };
    expect(chooseRegion({ chosen: 'us-west-2', remembered: 'eu-west-1', available, health: {}, defaultRegion: 'us-east-1' })).toBe('us-west-2');
    expect(chooseRegion({ chosen: undefined, remembered: 'eu-west-1', available, health: {}, defaultRegion: 'us-east-1' })).toBe('eu-west-1');
    expect(chooseRegion({ chosen: undefined, remembered: 'eu-west-1', available, health, defaultRegion: 'us-east-1' })).toBe('us-east-1');
    expect(chooseRegion({ chosen: undefined, remembered: 'ap-south-1', available, health: {}, defaultRegion: 'us-east-1' })).toBe('us-east-1');
    expect(chooseRegion({ chosen: undefined, remembered: undefined, available, health: {}, defaultRegion: 'us-west-2' })).toBe('us-west-2');
  });
});

describe('badgeFor', () => {
  it("titles the button with the extension's name and a line per watched region", () => {
    const badge = badgeFor(['us-east-1', 'eu-west-1'], { 'us-east-1': down('us-east-1'), 'eu-west-1': up('eu-west-1', 42) });
    expect(badge.text).toBe('!');
    expect(renderMessage(badge.title, '\n')).toBe('Failover Role Picker for AWS\nus-east-1: down · connection failed\neu-west-1: up · 42 ms');
  });
});
