// Role and SAML provider ARNs as they appear in the AWS Role attribute of a SAML assertion
// (docs/saml-signin.md#what-the-assertion-carries). Strict on purpose: the partition of a role decides which sign-in endpoints may
// ever receive the assertion, so a malformed ARN is rejected rather than guessed at.

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn' | `aws-${string}`;

export interface RoleArn {
  arn: string;
  partition: Partition;
  accountId: string;
  roleName: string;
  /** IAM path, always starting and ending with `/` (`/` when the role has none). */
  path: string;
}

export interface SamlProviderArn {
  arn: string;
  partition: Partition;
  accountId: string;
  providerName: string;
}

// Newer isolated partitions (aws-iso, aws-iso-b, aws-eusc …) follow the same `aws-` pattern.
const PARTITION = /^aws(?:-[a-z0-9-]+)?$/;

// IAM role names: 1–64 chars of [\w+=,.@-]. Path segments use the same characters
// (IAM allows a wider path alphabet in theory; nothing seen in practice needs it).
const ROLE_ARN =
  /^arn:(aws(?:-[a-z0-9-]+)?):iam::(\d{12}):role(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

const SAML_PROVIDER_ARN = /^arn:(aws(?:-[a-z0-9-]+)?):iam::(\d{12}):saml-provider\/([\w.-]{1,128})$/;

export function isPartition(s: string): s is Partition {
  return PARTITION.test(s);
}

export function parseRoleArn(s: string): RoleArn | undefined {
  const match = ROLE_ARN.exec(s);
  if (!match) return undefined;
  const [, partition, accountId, path, roleName] = match;
  if (partition === undefined || accountId === undefined || path === undefined || roleName === undefined) {
    return undefined;
  }
  // IAM caps the whole path at 512 characters.
  if (path.length > 512) return undefined;
  return { arn: s, partition: partition as Partition, accountId, roleName, path };
}

export function parseSamlProviderArn(s: string): SamlProviderArn | undefined {
  const match = SAML_PROVIDER_ARN.exec(s);
  if (!match) return undefined;
  const [, partition, accountId, providerName] = match;
  if (partition === undefined || accountId === undefined || providerName === undefined) return undefined;
  return { arn: s, partition: partition as Partition, accountId, providerName };
}
