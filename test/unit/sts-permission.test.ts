import { describe, expect, it } from 'vitest';
import { stsPermission, stsRulesOf } from '../../src/core/signin/sts-permission';
import { effectiveSettings } from '../../src/core/settings/managed';
import { defaultSettings } from '../../src/core/settings/schema';
import { message } from '../../src/core/words/user-message';

const rules = stsRulesOf(defaultSettings(), []);
/** As the worker reads them: the stored settings and the policy, raw. */
const stsRulesOfGlance = ({ user, managed }: { user: unknown; managed: unknown }) => ((e) => stsRulesOf(e.settings, e.locked))(effectiveSettings(user, managed));

describe('stsPermission: whether the extension may call STS at all', () => {
  it('allows sign-in and CLI credentials by default', () => {
    expect(stsPermission(rules, 'signin')).toEqual({ ok: true });
    expect(stsPermission(rules, 'cli')).toEqual({ ok: true });
    expect(stsPermission({ ...rules, signinMethod: 'sts' }, 'cli')).toEqual({ ok: true });
  });

  it('refuses every use under "re-post only", naming who chose it', () => {
    const byPolicy = stsRulesOf({ ...defaultSettings(), signinMethod: 'repost' }, ['signinMethod']);
    const byUser = stsRulesOf({ ...defaultSettings(), signinMethod: 'repost' }, ['interceptionEnabled']);
    for (const use of ['signin', 'cli'] as const) {
      expect(stsPermission(byPolicy, use)).toEqual({ ok: false, refusal: message('stsOffRepostPolicy') });
      expect(stsPermission(byUser, use)).toEqual({ ok: false, refusal: message('stsOffRepostSetting') });
    }
  });

  it('refuses CLI credentials only when they are switched off', () => {
    const byPolicy = stsRulesOf({ ...defaultSettings(), allowCliCredentials: false }, ['allowCliCredentials']);
    expect(stsPermission(byPolicy, 'cli')).toEqual({ ok: false, refusal: message('cliOffPolicy') });
    expect(stsPermission(byPolicy, 'signin')).toEqual({ ok: true });
    const byUser = stsRulesOf({ ...defaultSettings(), allowCliCredentials: false }, []);
    expect(stsPermission(byUser, 'cli')).toEqual({ ok: false, refusal: message('cliOffSetting') });
    // "Re-post only" says the most: STS as a whole is off.
    expect(stsPermission({ ...byPolicy, signinMethod: 'repost', signinMethodByPolicy: true }, 'cli')).toEqual({ ok: false, refusal: message('stsOffRepostPolicy') });
  });
});

describe('the same rules read by the worker from raw storage (policy over user)', () => {
  it('takes a valid policy value over the user’s, and only valid values', () => {
    expect(stsRulesOfGlance({ user: undefined, managed: undefined })).toEqual(rules);
    expect(stsRulesOfGlance({ user: { signinMethod: 'repost' }, managed: undefined })).toEqual({ ...rules, signinMethod: 'repost' });
    expect(stsRulesOfGlance({ user: { signinMethod: 'sts' }, managed: { signinMethod: 'repost' } })).toEqual({
      ...rules,
      signinMethod: 'repost',
      signinMethodByPolicy: true,
    });
    expect(stsRulesOfGlance({ user: { signinMethod: 'repost' }, managed: { signinMethod: 'never' } })).toEqual({ ...rules, signinMethod: 'repost' });
    expect(stsRulesOfGlance({ user: { signinMethod: 'nope' }, managed: { allowCliCredentials: false } })).toEqual({
      ...rules,
      allowCliCredentials: false,
      cliByPolicy: true,
    });
    expect(stsRulesOfGlance({ user: { allowCliCredentials: 'false' }, managed: { allowCliCredentials: 0 } })).toEqual(rules);
    expect(stsRulesOfGlance({ user: Object.create({ signinMethod: 'repost' }), managed: undefined })).toEqual(rules);
  });
});
