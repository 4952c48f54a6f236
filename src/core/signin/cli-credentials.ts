import type { StsCredentials } from './sts';

/**
 * CLI credentials as the user pastes them: shell `export` lines, fish, PowerShell, or a
 * `~/.aws/credentials` profile block, each with the region and the expiry in a comment. Secrets
 * may hold `/`, `+` and `=`: every value is quoted for its shell so nothing is expanded.
 */
export type CliFormat = 'bash' | 'fish' | 'powershell' | 'credentials-file';
export const CLI_FORMATS = ['bash', 'fish', 'powershell', 'credentials-file'] as const satisfies readonly CliFormat[];

export interface CliCredentialsInput {
  readonly credentials: StsCredentials;
  readonly region: string;
  /** Profile name for the credentials file (see `profileName`). */
  readonly profile: string;
}

/** POSIX shells and fish: single quotes, a single quote written as '\'' (fish: \'). */
const posixQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
const fishQuote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** PowerShell single-quoted strings: a single quote is doubled, nothing else is special. */
const powershellQuote = (value: string) => `'${value.replace(/'/g, "''")}'`;

export function formatCliCredentials(format: CliFormat, input: CliCredentialsInput): string {
  const { credentials: c, region } = input;
  const expiry = `expires ${c.expiration}`;
  const variables: Array<[string, string]> = [
    ['AWS_ACCESS_KEY_ID', c.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', c.secretAccessKey],
    ['AWS_SESSION_TOKEN', c.sessionToken],
    ['AWS_REGION', region],
  ];
  switch (format) {
    case 'bash':
      return [`# ${expiry}`, ...variables.map(([k, v]) => `export ${k}=${posixQuote(v)}`)].join('\n') + '\n';
    case 'fish':
      return [`# ${expiry}`, ...variables.map(([k, v]) => `set -gx ${k} ${fishQuote(v)}`)].join('\n') + '\n';
    case 'powershell':
      return [`# ${expiry}`, ...variables.map(([k, v]) => `$Env:${k} = ${powershellQuote(v)}`)].join('\n') + '\n';
    case 'credentials-file':
      // The credentials file takes values as they are (no quoting); none of these contains a newline.
      return [
        `# ${expiry}`,
        `[${input.profile}]`,
        `aws_access_key_id = ${c.accessKeyId}`,
        `aws_secret_access_key = ${c.secretAccessKey}`,
        `aws_session_token = ${c.sessionToken}`,
        `region = ${region}`,
      ].join('\n') + '\n';
  }
}

/** `<account name or ID>-<role name>`, in the characters a profile name takes safely everywhere. */
export function profileName(account: string, roleName: string): string {
  const clean = (s: string) => s.trim().replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
  return [clean(account), clean(roleName)].filter(Boolean).join('-').slice(0, 128) || 'aws';
}

/** The secret part of each credential replaced by dots: what the view shows until "Show" is pressed. */
export function maskSecret(value: string): string {
  return value.length <= 8 ? '•'.repeat(value.length) : `${value.slice(0, 4)}${'•'.repeat(12)}${value.slice(-4)}`;
}
