import { describe, expect, it } from 'vitest';
import { classifyProbe, markChecking, type RegionHealth } from '../../src/core/health/probe';
import { summarizeOutage } from '../../src/core/health/outage';
import { accountLabel, groupedAccountId, roleLabel } from '../../src/core/accounts/account-label';

const T = Date.UTC(2026, 11, 7, 9, 12);
const up = (region: string, at = T): RegionHealth => classifyProbe(region, { kind: 'answered', status: 200, latencyMs: 40 }, at);
const down = (region: string, at = T, previous?: RegionHealth): RegionHealth => classifyProbe(region, { kind: 'network-error', latencyMs: 8 }, at, previous);

describe('downSince', () => {
  it('is the time of the first failed probe in a row, through checks and later failures', () => {
    const first = down('us-east-1', T, up('us-east-1', T - 60_000));
    expect(first.downSince).toBe(T);
    const checking = markChecking(first, 'us-east-1', T + 5_000);
    const later = down('us-east-1', T + 10_000, checking);
    expect(later.downSince).toBe(T);
    expect(down('us-east-1', T + 30_000, up('us-east-1', T + 20_000)).downSince).toBe(T + 30_000);
  });

  it('is absent while the region answers', () => {
    expect(classifyProbe('us-east-1', { kind: 'answered', status: 200, latencyMs: 40 }, T, down('us-east-1')).downSince).toBeUndefined();
  });
});

describe('summarizeOutage', () => {
  const regions = ['us-east-1', 'us-east-2', 'eu-west-1'];

  it('names what is down, since when, and the first watched region that answers', () => {
    const health = { 'us-east-1': down('us-east-1', T), 'us-east-2': up('us-east-2'), 'eu-west-1': up('eu-west-1') };
    expect(summarizeOutage(regions, health)).toEqual({ kind: 'some-down', down: [{ region: 'us-east-1', since: T }], working: 'us-east-2' });
  });

  it('says when every watched region is down, and when every one answers', () => {
    const allDown = Object.fromEntries(regions.map((r) => [r, down(r)]));
    expect(summarizeOutage(regions, allDown).kind).toBe('all-down');
    expect(summarizeOutage(regions, allDown).working).toBeUndefined();
    const allUp = Object.fromEntries(regions.map((r) => [r, up(r)]));
    expect(summarizeOutage(regions, allUp)).toEqual({ kind: 'all-up', down: [], working: 'us-east-1' });
  });

  it('is still checking while a region has neither answered nor failed', () => {
    expect(summarizeOutage(regions, { 'us-east-1': up('us-east-1') }).kind).toBe('checking');
    expect(summarizeOutage(regions, {}).kind).toBe('checking');
  });
});

describe('account and role labels', () => {
  const names = { '444455556666': 'payments-prod' };

  it("prefers the account's name and groups a bare ID as the console does", () => {
    expect(accountLabel('444455556666', names)).toBe('payments-prod');
    expect(accountLabel('111122223333', names)).toBe('1111-2222-3333');
    expect(groupedAccountId('12345')).toBe('12345');
    expect(accountLabel('toString', {})).toBe('toString');
  });

  it('reads a role ARN into the role name and the account label, and leaves anything else as it is', () => {
    expect(roleLabel('arn:aws:iam::444455556666:role/team/Admin', names)).toEqual({ role: 'Admin', account: 'payments-prod', accountId: '444455556666' });
    expect(roleLabel('not an arn', names)).toEqual({ role: 'not an arn', account: '' });
  });
});
