import { describe, expect, it } from 'vitest';
import { diagnoseEndpointFailure, diagnoseRejection, readAwsSigninError, type Diagnosis, type SigninAttempt } from '../../src/core/diagnosis/signin-refusal';
import { StoredDiagnosisSchema } from '../../src/core/diagnosis/stored-diagnosis';
import { stsSaid } from '../../src/core/signin/sts';
import { message } from '../../src/core/words/user-message';
import { diagnoseStsFailure } from '../../src/core/diagnosis/sts-refusal';
import { isAllowedSender, readExtensionMessage } from '../../src/messages/protocol';
import { renderMessage } from '../support/render-message';

/** What the diagnosis page shows, from the real messages.json. */
const words = (d: Diagnosis) => ({
  title: renderMessage(d.title),
  explanation: renderMessage(d.explanation),
  adminRequest: renderMessage(d.adminRequest, '\n'),
});

const NOW = Date.parse('2026-11-23T10:00:00Z');
const attempt: SigninAttempt = {
  tabId: 4,
  partition: 'aws',
  region: 'eu-west-1',
  targetUrl: 'https://eu-west-1.signin.aws.amazon.com/saml',
  recipientUrl: 'https://signin.aws.amazon.com/saml',
  recipientRegion: 'us-east-1',
  roleArn: 'arn:aws:iam::111122223333:role/Admin',
  notOnOrAfter: '2026-11-23T10:04:00Z',
  at: NOW - 2_000,
};

describe('readAwsSigninError', () => {
  it("finds the sentence on AWS's error page", () => {
    expect(readAwsSigninError('Amazon Web Services Sign In\nError: Your request included an invalid SAML response. To logout, click here.')).toBe(
      'Your request included an invalid SAML response. To logout, click here.',
    );
    expect(readAwsSigninError('Select a role:\nAccount: 1111\nSign in')).toBeUndefined();
  });
});

describe('diagnoseRejection', () => {
  it('blames the SAML:aud condition when the assertion went to another region, with the exact values', () => {
    const d = diagnoseRejection('Your request included an invalid SAML response.', attempt, NOW);
    expect(d.cause).toBe('audience');
    expect(words(d).title).toBe('eu-west-1 did not accept this assertion');
    expect(words(d).explanation).toContain('lists https://eu-west-1.signin.aws.amazon.com/saml in SAML:aud');
    expect(words(d).adminRequest).toContain('trust policy of arn:aws:iam::111122223333:role/Admin');
    expect(words(d).adminRequest).toContain('"https://signin.aws.amazon.com/saml"');
    expect(words(d).adminRequest).toContain('"https://eu-west-1.signin.aws.amazon.com/saml"');
  });

  it('recognises an expired assertion by its time or by the message', () => {
    expect(diagnoseRejection('invalid SAML response', { ...attempt, notOnOrAfter: '2026-11-23T09:59:00Z' }, NOW).cause).toBe('expired');
    expect(diagnoseRejection('The SAML response has expired', { ...attempt, region: 'us-east-1' }, NOW).cause).toBe('expired');
  });

  it("recognises a role that does not trust the provider at the assertion's own region", () => {
    const d = diagnoseRejection('Not authorized to perform sts:AssumeRoleWithSAML', { ...attempt, region: 'us-east-1', targetUrl: attempt.recipientUrl }, NOW);
    expect(d.cause).toBe('role-trust');
    expect(words(d).adminRequest).toContain('"https://signin.aws.amazon.com/saml"');
  });

  it('recognises a wrong partition, a missing session name and a bad signature', () => {
    expect(diagnoseRejection('invalid', { ...attempt, targetUrl: 'https://signin.amazonaws.cn/saml', partition: 'aws-cn', region: 'cn-north-1' }, NOW).cause).toBe(
      'wrong-partition',
    );
    expect(diagnoseRejection('RoleSessionName is required in AuthnResponse', attempt, NOW).cause).toBe('session-name');
    expect(diagnoseRejection('Response Signature Invalid', attempt, NOW).cause).toBe('signature');
    expect(diagnoseRejection('Something else', { ...attempt, region: 'us-east-1' }, NOW).cause).toBe('unknown');
  });
});

describe('message senders', () => {
  const id = 'mlkkifchelpfbajlhekonmgdfifpjknd';
  const origin = `chrome-extension://${id}`;
  const health = { type: 'health/refresh', partition: 'aws', force: false } as const;
  const rejected = { type: 'signin/rejected', awsMessage: 'invalid' } as const;

  it('lets only our own pages ask for health', () => {
    expect(isAllowedSender(health, { id, url: `${origin}/src/pages/picker/index.html` }, id, origin)).toBe(true);
    expect(isAllowedSender(health, { id: 'other', url: `chrome-extension://other/x.html` }, id, origin)).toBe(false);
    expect(isAllowedSender(health, { id, url: 'https://evil.example/', tab: { id: 3 } }, id, origin)).toBe(false);
  });

  it('takes rejection reports only from our content script on an AWS sign-in endpoint', () => {
    expect(isAllowedSender(rejected, { id, url: 'https://eu-west-1.signin.aws.amazon.com/saml', tab: { id: 3 } }, id, origin)).toBe(true);
    expect(isAllowedSender(rejected, { id, url: 'https://evil.example/saml', tab: { id: 3 } }, id, origin)).toBe(false);
    expect(isAllowedSender(rejected, { id, url: `${origin}/src/pages/picker/index.html` }, id, origin)).toBe(false);
    expect(isAllowedSender(rejected, { id: 'other', url: 'https://signin.aws.amazon.com/saml', tab: { id: 3 } }, id, origin)).toBe(false);
  });

  it('has no message that starts a call to AWS: what a click starts runs in the page clicked', () => {
    const picker = `${origin}/src/pages/picker/index.html`;
    const role = 'arn:aws:iam::444455556666:role/team/Deploy';
    for (const retired of [
      { type: 'signin/sts', roleArn: role, region: 'eu-west-1' },
      { type: 'signin/sts-many', roleArns: [role], region: 'eu-west-1' },
      { type: 'credentials/sts', roleArn: role, region: 'eu-west-1' },
      { type: 'names/fetch' },
      { type: 'failover/check', roleArns: [role], regions: ['eu-west-1'] },
    ]) {
      expect(readExtensionMessage(retired) !== undefined, retired.type).toBe(false);
    }
    expect(readExtensionMessage({ type: 'signin/landed' }) !== undefined).toBe(false);
    const landed = readExtensionMessage({ type: 'signin/landed', pageSince: 1_700_000_000_000 })!;
    expect(isAllowedSender(landed, { id, url: 'https://eu-west-1.signin.aws.amazon.com/saml', tab: { id: 3 } }, id, origin)).toBe(true);
    expect(isAllowedSender(landed, { id, url: picker, tab: { id: 3 } }, id, origin)).toBe(false);
    const clear = readExtensionMessage({ type: 'clipboard/clear-later' })!;
    expect(isAllowedSender(clear, { id, url: picker, tab: { id: 3 } }, id, origin)).toBe(true);
    expect(isAllowedSender(clear, { id, url: picker }, id, origin)).toBe(false);
    expect(isAllowedSender(clear, { id, url: 'https://eu-west-1.signin.aws.amazon.com/saml', tab: { id: 3 } }, id, origin)).toBe(false);
  });
});

describe('diagnoseStsFailure', () => {
  const attempt = {
    tabId: 1,
    partition: 'aws',
    region: 'eu-west-1',
    targetUrl: 'https://eu-west-1.signin.aws.amazon.com/saml',
    recipientUrl: 'https://signin.aws.amazon.com/saml',
    recipientRegion: 'us-east-1',
    roleArn: 'arn:aws:iam::444455556666:role/Deploy',
    at: 0,
    method: 'repost-then-sts' as const,
  };
  const repost = { method: 'repost' as const, host: 'eu-west-1.signin.aws.amazon.com', said: 'Your request included an invalid SAML response.' };

  it('names the trust policy for AccessDenied, with both attempts', () => {
    const sts = { method: 'sts' as const, host: 'sts.eu-west-1.amazonaws.com', said: 'AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML' };
    const d = diagnoseStsFailure({ attempt, steps: [repost, sts], stsError: { code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithSAML' } });
    expect(d.cause).toBe('sts-refused');
    expect(words(d).title).toMatch(/trust policy/);
    expect(words(d).explanation).toContain('eu-west-1.signin.aws.amazon.com refused the assertion');
    expect(words(d).explanation).toContain('Not authorized');
    expect(words(d).adminRequest).toContain('SAML:aud condition must list "https://signin.aws.amazon.com/saml"');
    expect(words(d).adminRequest).toContain('SCP or RCP');
    expect(d.steps).toEqual([repost, sts]);
    expect(words(d).explanation).toContain('Then AWS STS said: "Not authorized');
  });

  it('starts with what STS said when no re-post came before (several roles at once, the STS setting)', () => {
    const sts = { method: 'sts' as const, host: 'sts.eu-west-1.amazonaws.com', said: 'AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML' };
    const refused = diagnoseStsFailure({ attempt, steps: [sts], stsError: { code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithSAML' } });
    expect(words(refused).explanation).toMatch(/^AWS STS said: "Not authorized/);
    const unreachable = diagnoseStsFailure({ attempt, steps: [], stsError: { code: 'timeout', message: 'no answer within 8 s' } });
    expect(words(unreachable).explanation).toMatch(/^No STS endpoint of the partition issued credentials\./);
  });

  it('says the assertion is unused when no STS endpoint answered, and tells a federation failure apart', () => {
    const d = diagnoseStsFailure({ attempt, steps: [repost], stsError: { code: 'timeout', message: 'no answer within 8 s' } });
    expect(d.cause).toBe('sts-unreachable');
    expect(words(d).explanation).toMatch(/not used/);
    expect(diagnoseStsFailure({ attempt, steps: [], stsError: undefined }).cause).toBe('federation-failed');
  });
});

describe('StoredDiagnosisSchema', () => {
  const attempt = {
    tabId: 1,
    partition: 'aws',
    region: 'eu-west-1',
    targetUrl: 'https://sts.eu-west-1.amazonaws.com/',
    recipientUrl: 'https://signin.aws.amazon.com/saml',
    recipientRegion: 'us-east-1',
    at: 0,
  };
  it('lets the diagnosis page read what the worker stores, nested messages included', () => {
    const steps = [
      { method: 'sts' as const, host: 'sts.eu-west-1.amazonaws.com', said: stsSaid({ code: 'AccessDenied', message: '', problem: message('stsHttp', { status: 403 }) }) },
      { method: 'federation' as const, host: 'x', said: message('targetNotFederation', { host: message('thisAddress') }) },
    ];
    const diagnosis = diagnoseStsFailure({ attempt, steps, stsError: { code: 'timeout', message: '', problem: message('noAnswerWithin', { seconds: 8 }) } });
    const parsed = StoredDiagnosisSchema.safeParse({ diagnosis, attempt });
    expect(parsed.success).toBe(true);
    expect(words(diagnosis).adminRequest).toContain('  STS at sts.eu-west-1.amazonaws.com: AccessDenied: STS answered with HTTP 403.');
    expect(words(diagnosis).adminRequest).toContain('  Federation at x: This address is not an AWS federation endpoint');
  });

  it('refuses a message with an unknown code or with values it does not take', () => {
    const good = diagnoseEndpointFailure(message('connectionReset'), attempt);
    const bad = (title: unknown) => StoredDiagnosisSchema.safeParse({ diagnosis: { ...good, title }, attempt }).success;
    expect(bad(good.title)).toBe(true);
    expect(bad({ code: 'noSuchCode', params: {} })).toBe(false);
    expect(bad({ code: 'diagEndpointTitle', params: {} })).toBe(false);
    expect(bad({ code: 'diagEndpointTitle', params: { region: 'x', extra: 'y' } })).toBe(false);
    expect(bad('a sentence')).toBe(false);
  });
});

describe('readExtensionMessage', () => {
  it('keeps only the known fields of a health request, and refuses a bad partition or region', () => {
    expect(readExtensionMessage({ type: 'health/refresh', partition: 'aws', force: true, first: ['eu-west-1'], extra: 'x' })).toEqual({
      type: 'health/refresh',
      partition: 'aws',
      force: true,
      first: ['eu-west-1'],
    });
    expect(readExtensionMessage({ type: 'health/refresh', partition: 'aws-us-gov', force: false })).toEqual({ type: 'health/refresh', partition: 'aws-us-gov', force: false });
    for (const bad of [
      { type: 'health/refresh', partition: 'evil', force: false },
      { type: 'health/refresh', partition: 'aws', force: 'yes' },
      { type: 'health/refresh', partition: 'aws', force: false, first: ['https://evil.example'] },
      { type: 'health/refresh', partition: 'aws', force: false, first: Array(65).fill('eu-west-1') },
      { type: 'signin/rejected', awsMessage: '' },
      { type: 'signin/rejected', awsMessage: 'x'.repeat(2001) },
      { type: 'signin/landed', pageSince: -1 },
      { type: 'signin/landed', pageSince: '1' },
      { type: 'other' },
      null,
      ['signin/landed'],
    ]) {
      expect(readExtensionMessage(bad), JSON.stringify(bad)?.slice(0, 80)).toBeUndefined();
    }
    expect(readExtensionMessage({ type: 'signin/rejected', awsMessage: 'Your request included an invalid SAML response.' })).toEqual({
      type: 'signin/rejected',
      awsMessage: 'Your request included an invalid SAML response.',
    });
  });
});
