// Settings an administrator sets through enterprise policy (chrome.storage.managed). They win over
// the user's and are shown as locked. Chrome validates policy values against
// MANAGED_STORAGE_JSON_SCHEMA (shipped as the manifest's `storage.managed_schema`); we validate them
// again with the settings schema, part by part, because Firefox's managed storage has no schema.
import * as z from 'zod/mini';
import { describeValue, isRecord, pathOf, type Raw } from './partial-parse';
import { cleanSettingsFields, SettingsSchema, type Settings } from './settings';
import { ACCOUNT_COLOURS } from './account-colours';

export const MANAGED_KEYS = ['interceptionEnabled', 'preferredRegions', 'idpAppLinks', 'accountNames', 'accountColours', 'colourRules', 'signinMethod'] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

export const ManagedSettingsSchema = z.partial(
  z.pick(SettingsSchema, {
    interceptionEnabled: true,
    preferredRegions: true,
    idpAppLinks: true,
    accountNames: true,
    accountColours: true,
    colourRules: true,
    signinMethod: true,
  }),
);
export type ManagedSettings = z.infer<typeof ManagedSettingsSchema>;

export interface ManagedResult {
  /** What the extension uses: the user's settings with the managed values applied. Never store it. */
  settings: Settings;
  /** Settings that have a managed value: the options page shows them read-only. */
  locked: ManagedKey[];
  /** The valid managed values, so the options page can tell which map entries are managed. */
  managed: ManagedSettings;
  /** `<path>: <reason>` for every managed value that was ignored. */
  rejected: string[];
}

/**
 * Applies managed values: `interceptionEnabled` and `preferredRegions` replace the user's;
 * `accountNames` and `idpAppLinks` are merged, the managed entry winning for the same key (the
 * user keeps names and links for accounts and regions the policy does not mention), and so are
 * `accountColours`; the managed `colourRules` come before the user's (the first match wins).
 */
export function applyManaged(user: Settings, managed: unknown): ManagedResult {
  const rejected: string[] = [];
  if (managed === undefined || managed === null) return { settings: user, locked: [], managed: {}, rejected };
  if (!isRecord(managed)) {
    rejected.push(`The managed settings are not an object (found ${describeValue(managed)}); they are ignored.`);
    return { settings: user, locked: [], managed: {}, rejected };
  }
  const values: Raw = {};
  for (const [key, value] of Object.entries(managed)) {
    if (!(MANAGED_KEYS as readonly string[]).includes(key)) {
      rejected.push(`${pathOf('', key)}: not a setting an administrator can manage; ignored`);
      continue;
    }
    const before = rejected.length;
    const cleaned = cleanSettingsFields({ [key]: value }, rejected)[key as ManagedKey];
    // A list or map whose every entry was invalid is a mistake, not "none": it locks nothing.
    const emptied = rejected.length > before && typeof cleaned === 'object' && Object.keys(cleaned).length === 0;
    if (cleaned !== undefined && !emptied) values[key] = cleaned;
  }
  return merge(user, values as ManagedSettings, rejected);
}

function merge(user: Settings, values: ManagedSettings, rejected: string[]): ManagedResult {
  const settings: Settings = { ...user };
  if (values.interceptionEnabled !== undefined) settings.interceptionEnabled = values.interceptionEnabled;
  if (values.preferredRegions) settings.preferredRegions = values.preferredRegions;
  if (values.signinMethod) settings.signinMethod = values.signinMethod;
  if (values.accountNames) settings.accountNames = { ...user.accountNames, ...values.accountNames };
  if (values.idpAppLinks) settings.idpAppLinks = { ...user.idpAppLinks, ...values.idpAppLinks };
  if (values.accountColours) settings.accountColours = { ...user.accountColours, ...values.accountColours };
  if (values.colourRules) {
    const theirs = new Set(values.colourRules.map((r) => r.words.toLowerCase()));
    settings.colourRules = [...values.colourRules, ...user.colourRules.filter((r) => !theirs.has(r.words.toLowerCase()))];
  }
  const locked = MANAGED_KEYS.filter((key) => values[key] !== undefined);
  return { settings, locked, managed: values, rejected };
}

/**
 * The manifest's `storage.managed_schema` (Chrome's JSON Schema dialect: the top level is an
 * object of policies without additionalProperties; every schema has exactly one type). Value
 * formats are described rather than enforced with `pattern`: Chrome drops a whole policy when one
 * item fails, while applyManaged keeps the valid items and reports the rest.
 */
export const MANAGED_STORAGE_JSON_SCHEMA = {
  type: 'object',
  properties: {
    interceptionEnabled: {
      title: 'Show the role picker',
      description: 'Open the extension\'s role picker when the IdP signs in to AWS. false lets sign-ins go straight to AWS.',
      type: 'boolean',
    },
    preferredRegions: {
      title: 'Preferred sign-in regions',
      description: 'AWS region codes (e.g. "us-east-2", "eu-west-1") in order of preference. An empty list lets the extension choose by time zone.',
      type: 'array',
      items: { type: 'string' },
    },
    idpAppLinks: {
      title: 'IdP app link per region',
      description: 'For each region code, the https:// URL of the IdP app tile whose SAML assertion is addressed to that region\'s sign-in endpoint.',
      type: 'object',
      additionalProperties: { type: 'string' },
    },
    accountNames: {
      title: 'Account names',
      description: 'Names shown next to 12-digit AWS account IDs, e.g. {"123456789012": "prod"}. 1 to 64 characters each.',
      type: 'object',
      additionalProperties: { type: 'string' },
    },
    accountColours: {
      title: 'Account colours',
      description: `A colour per 12-digit AWS account ID, shown on the role picker's rows (and Firefox containers), e.g. {"123456789012": "red"}. One of: ${ACCOUNT_COLOURS.join(', ')}.`,
      type: 'object',
      additionalProperties: { type: 'string', enum: [...ACCOUNT_COLOURS] },
    },
    colourRules: {
      title: 'Account colours by name',
      description:
        'Rules that colour accounts by their name, before the user\'s own rules; the first match wins. "words" match whole words of the account name, ignoring case (e.g. "prod" matches "sandbox-prod", not "nonprod").',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          words: { type: 'string' },
          colour: { type: 'string', enum: [...ACCOUNT_COLOURS] },
        },
      },
    },
    signinMethod: {
      title: 'Sign-in method for other regions',
      description:
        '"auto": re-post the assertion to the chosen region\'s SAML endpoint and, when AWS refuses it, sign in through that region\'s STS and federation endpoints. "repost": only re-post. "sts": always sign in through STS and federation.',
      type: 'string',
      enum: ['auto', 'repost', 'sts'],
    },
  },
} as const;
