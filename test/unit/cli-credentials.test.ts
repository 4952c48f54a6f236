import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatCliCredentials, maskSecret, profileName } from '../../src/core/signin/cli-credentials';

// Secrets hold /, + and = (and the token may hold anything base64 does); a quote must not break out.
const credentials = {
  accessKeyId: 'ASIAEXAMPLE12345678',
  secretAccessKey: "wJalr/XUtnFEMI+K7MDENG/bPxRfiCY=KEY'$(touch x)`id`",
  sessionToken: 'FwoGZXIvYXdz//token+with==$HOME',
  expiration: '2026-12-01T21:00:00Z',
};
const input = { credentials, region: 'eu-west-1', profile: 'prod-Admin' };

describe('formatCliCredentials', () => {
  it('writes export lines that bash reads back exactly, without expanding anything', () => {
    const text = formatCliCredentials('bash', input);
    expect(text.split('\n')[0]).toBe('# expires 2026-12-01T21:00:00Z');
    const out = execFileSync('bash', ['-c', `${text}\nprintf '%s\\n' "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$AWS_REGION" "$AWS_ACCESS_KEY_ID"`], { encoding: 'utf8' });
    expect(out).toBe(`${credentials.secretAccessKey}\n${credentials.sessionToken}\neu-west-1\n${credentials.accessKeyId}\n`);
  });

  it('quotes for fish and PowerShell', () => {
    expect(formatCliCredentials('fish', input)).toContain(`set -gx AWS_SECRET_ACCESS_KEY 'wJalr/XUtnFEMI+K7MDENG/bPxRfiCY=KEY\\'$(touch x)\`id\`'`);
    expect(formatCliCredentials('fish', input)).toContain("set -gx AWS_REGION 'eu-west-1'");
    const ps = formatCliCredentials('powershell', input);
    expect(ps).toContain(`$Env:AWS_SECRET_ACCESS_KEY = 'wJalr/XUtnFEMI+K7MDENG/bPxRfiCY=KEY''$(touch x)\`id\`'`);
    expect(ps).toContain("$Env:AWS_SESSION_TOKEN = 'FwoGZXIvYXdz//token+with==$HOME'");
    expect(ps.startsWith('# expires 2026-12-01T21:00:00Z\n')).toBe(true);
  });

  it('writes a credentials-file profile named after the account and role, with the region', () => {
    expect(formatCliCredentials('credentials-file', input)).toBe(
      [
        '# expires 2026-12-01T21:00:00Z',
        '[prod-Admin]',
        'aws_access_key_id = ASIAEXAMPLE12345678',
        `aws_secret_access_key = ${credentials.secretAccessKey}`,
        'aws_session_token = FwoGZXIvYXdz//token+with==$HOME',
        'region = eu-west-1',
        '',
      ].join('\n'),
    );
  });
});

describe('profileName and maskSecret', () => {
  it('names the profile by account name (or ID) and role, in safe characters', () => {
    expect(profileName('payments prod', 'Admin')).toBe('payments-prod-Admin');
    expect(profileName('111122223333', 'team/Deploy')).toBe('111122223333-team-Deploy');
    expect(profileName('', '')).toBe('aws');
  });
  it('masks all but the ends of a secret', () => {
    expect(maskSecret('wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY')).toBe('wJal••••••••••••EKEY');
    expect(maskSecret('short')).toBe('•••••');
  });
});
