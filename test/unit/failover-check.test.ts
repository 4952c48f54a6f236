import { describe, expect, it } from 'vitest';
import { runBounded } from '../../src/core/base/bounded-run';
import {
  adminReport,
  classifyRepost,
  classifySts,
  MAX_CHECKED_ROLES,
  regionsToCheck,
  result,
  rolesToCheck,
  STALE_AFTER_MS,
  verdict,
  type FailoverResult,
} from '../../src/core/signin/failover-check';
import { failoverSummary, roleFailoverStatus } from '../../src/core/signin/failover-results';
import { readFailoverStore, recordCheck, MAX_CHECKED_APPS } from '../../src/core/signin/failover-record';
import { renderMessage } from '../support/render-message';

const ADMIN = 'arn:aws:iam::111122223333:role/Admin';
const DEPLOY = 'arn:aws:iam::444455556666:role/team/Deploy';
const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::111122223333:role/R${i}`);
const none = { ticked: [], pinned: [], recent: [] };

describe('which roles and regions the failover check covers', () => {
  it('checks every role up to 20, leaving none out', () => {
    expect(rolesToCheck(arns(MAX_CHECKED_ROLES), none)).toEqual({ checked: arns(MAX_CHECKED_ROLES), leftOut: [] });
  });

  it('above 20, checks the selected, ticked, pinned and recent ones, in that order, and names the rest', () => {
    const all = arns(25);
    const picked = rolesToCheck(all, { selected: all[24], ticked: [all[3]!], pinned: [all[7]!, all[3]!], recent: [all[9]!, 'arn:aws:iam::999999999999:role/Gone'] });
    expect(picked.checked).toEqual([all[24], all[3], all[7], all[9]]);
    expect(picked.leftOut).toHaveLength(21);
    expect(picked.leftOut).not.toContain(all[24]);
  });

  it('checks the chosen region and the preferred ones, never us-east-1 unless chosen, at most 4', () => {
    expect(regionsToCheck('aws', 'eu-west-1', ['us-east-1', 'us-east-2', 'eu-west-1', 'us-west-2', 'eu-central-1'])).toEqual(['eu-west-1', 'us-east-2', 'us-west-2', 'eu-central-1']);
    expect(regionsToCheck('aws', 'us-east-1', ['us-east-2'])).toEqual(['us-east-1', 'us-east-2']);
    expect(regionsToCheck('aws', 'eu-west-1', ['cn-north-1', 'not-a-region'])).toEqual(['eu-west-1']);
    expect(regionsToCheck('nope', 'eu-west-1', [])).toEqual([]);
  });
});

describe('reading the answers', () => {
  it("re-post: AWS's role page or a redirect is accepted, its invalid-SAML page refused, a 5xx or silence says nothing", () => {
    expect(classifyRepost({ status: 200, text: '<form><div class="saml-account-name">Account: prod (111122223333)</div></form>' })).toBe('repost-accepted');
    expect(classifyRepost({ status: 302, text: '' })).toBe('repost-accepted');
    expect(classifyRepost({ status: 200, text: '<p>Your request included an invalid SAML response. To logout, click here.</p>' })).toBe('repost-refused');
    expect(classifyRepost({ status: 400, text: 'Bad Request' })).toBe('repost-refused');
    expect(classifyRepost({ status: 503, text: 'invalid SAML response' })).toBe('no-answer');
    expect(classifyRepost(undefined)).toBe('no-answer');
  });

  it("STS: AccessDenied names the trust policy, RegionDisabledException the region, no token the federation step", () => {
    expect(classifySts(undefined, true)).toBe('sts-ready');
    expect(classifySts(undefined, false)).toBe('federation-failed');
    expect(classifySts({ code: 'AccessDenied' }, false)).toBe('trust-policy');
    expect(classifySts({ code: 'RegionDisabledException' }, false)).toBe('region-disabled');
    expect(classifySts({ code: 'timeout' }, false)).toBe('no-answer');
    expect(classifySts({ code: 'InvalidIdentityToken' }, false)).toBe('sts-refused');
  });

  it('a role gets into a region by re-post when the region takes the assertion, else through STS, else says why', () => {
    const results: FailoverResult[] = [
      result('', 'eu-west-1', 're-post', 'repost-refused', 1),
      result('', 'us-west-2', 're-post', 'repost-accepted', 1),
      result(DEPLOY, 'eu-west-1', 'sts', 'sts-ready', 2),
      result(ADMIN, 'eu-west-1', 'sts', 'trust-policy', 2),
    ];
    expect(verdict(results, DEPLOY, 'eu-west-1')).toMatchObject({ outcome: 'ready', method: 'sts' });
    expect(verdict(results, ADMIN, 'eu-west-1')).toMatchObject({ outcome: 'refused', reason: 'trust-policy' });
    expect(verdict(results, ADMIN, 'us-west-2')).toMatchObject({ outcome: 'ready', method: 're-post' });
    expect(verdict(results, ADMIN, 'ap-south-1')).toBeUndefined();
    // STS not allowed: the refused re-post is what there is to say.
    expect(verdict([result('', 'eu-west-1', 're-post', 'repost-refused', 1), result(ADMIN, 'eu-west-1', 'sts', 'sts-not-allowed', 1)], ADMIN, 'eu-west-1')).toMatchObject({ reason: 'repost-refused' });
  });
});

describe("the admin's report", () => {
  const results = [
    result('', 'eu-west-1', 're-post', 'repost-refused', 1),
    result(DEPLOY, 'eu-west-1', 'sts', 'sts-ready', 1),
    result(ADMIN, 'eu-west-1', 'sts', 'trust-policy', 1),
  ];
  const report = (r: readonly FailoverResult[], roleArns = [DEPLOY, ADMIN]) =>
    renderMessage(adminReport({ results: r, roleArns, regions: ['eu-west-1'], recipient: 'https://signin.aws.amazon.com/saml', partition: 'aws' }), '\n');

  it('names the failing role and the exact trust-policy change, and nothing of the roles that get in', () => {
    const text = report(results);
    expect(text).toContain(`${ADMIN} would not get in to eu-west-1.`);
    expect(text).toContain(`SAML:aud condition of the trust policy of ${ADMIN}:\n  "https://signin.aws.amazon.com/saml"\nand no SCP or RCP may deny sts:AssumeRoleWithSAML.`);
    expect(text).not.toContain(DEPLOY.split('/').pop()!);
  });

  it("asks for the region's ACS URL only where some role depends on the refused re-post", () => {
    expect(report(results)).toContain('add https://eu-west-1.signin.aws.amazon.com/saml as an ACS URL');
    expect(report(results, [DEPLOY])).not.toContain('ACS URL');
    expect(report(results, [DEPLOY])).toContain('nothing to change');
  });
});

describe('the check runs 4 at a time, within the assertion’s minutes', () => {
  it('never runs more than the limit at once, keeps the order, and marks what could not start in time', async () => {
    let running = 0;
    let most = 0;
    let clock = 0;
    const job = (n: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      clock += 10;
      return `done ${n}`;
    };
    const out = await runBounded([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(job), { limit: 4, deadline: 60, now: () => clock, late: (i) => `late ${i}` });
    expect(most).toBe(4);
    expect(out.slice(0, 4)).toEqual(['done 0', 'done 1', 'done 2', 'done 3']);
    expect(out.filter((o) => o.startsWith('late')).length).toBeGreaterThan(0);
    expect(out.at(-1)).toBe('late 9');
  });
});

describe('remembered results', () => {
  const check = { regions: ['eu-west-1'], roleArns: [DEPLOY, ADMIN], results: [result('', 'eu-west-1', 're-post', 'repost-refused', 5), result(DEPLOY, 'eu-west-1', 'sts', 'sts-ready', 5), result(ADMIN, 'eu-west-1', 'sts', 'trust-policy', 5)], at: 5 };

  it('round-trips through storage and drops what does not validate', () => {
    const store = recordCheck({}, 'app', check);
    expect(readFailoverStore(JSON.parse(JSON.stringify(store)))).toEqual(store);
    expect(readFailoverStore({ app: { ...store.app, results: [{ ...check.results[0], reason: 'x' }] }, other: 3 })).toEqual({});
    expect(readFailoverStore([1])).toEqual({});
    expect(JSON.stringify(store)).not.toMatch(/SAMLResponse|secret|token/i);
  });

  it('keeps the latest check per app and the most recently checked apps', () => {
    let store = {};
    for (let i = 0; i < MAX_CHECKED_APPS + 3; i++) store = recordCheck(store, `app${i}`, { ...check, at: i });
    expect(Object.keys(store)).toHaveLength(MAX_CHECKED_APPS);
    expect(Object.keys(store)).not.toContain('app0');
  });

  it('says beside a role how it fails over, warns when it would not, and goes stale after 30 days', () => {
    const app = recordCheck({}, 'app', check).app!;
    const day = 24 * 60 * 60_000;
    expect(roleFailoverStatus(app, DEPLOY, 5 + 3 * day)).toEqual({ kind: 'ready', region: 'eu-west-1', method: 'sts', days: 3 });
    expect(roleFailoverStatus(app, ADMIN, 5)).toEqual({ kind: 'refused', region: 'eu-west-1', days: 0 });
    expect(roleFailoverStatus(app, DEPLOY, 5 + STALE_AFTER_MS + 1)).toMatchObject({ kind: 'stale' });
    expect(roleFailoverStatus(app, 'arn:aws:iam::111122223333:role/Other', 5)).toBeUndefined();
    expect(roleFailoverStatus(undefined, DEPLOY, 5)).toBeUndefined();
  });

  it("sums up the last checked app for the popup: how many roles get into its first region", () => {
    const store = recordCheck(recordCheck({}, 'old', { ...check, roleArns: [DEPLOY], at: 1 }), 'app', { ...check, regions: ['eu-west-1', 'us-west-2'], at: 5 });
    expect(failoverSummary(store, 5)).toEqual({ ready: 1, total: 2, region: 'eu-west-1', days: 0, stale: false });
    expect(failoverSummary(store, 5 + STALE_AFTER_MS + 1)).toMatchObject({ stale: true });
    expect(failoverSummary({}, 5)).toBeUndefined();
  });
});
