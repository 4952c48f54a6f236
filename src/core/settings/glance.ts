// The few settings the worker acts on, read from the raw stored values without the settings schema
// (the worker must start fast and stays free of it). Only a value of the expected type counts;
// anything else means the default, exactly as the schema's cleaners would decide.
import { partitionInfo, isCatalogRegion } from '../aws/catalog';
import { isRecord } from './values';
import { preferredRegionsFor } from '../regions/preferred';
import { watchedRegions } from '../health/probe';
import { SIGNIN_METHOD_SETTINGS, type SigninMethodSetting } from '../signin/method';
import type { StsRules } from '../signin/sts-permission';

/** The storage.sync item with the settings' small fields; large ones are in `settings:<field>:<n>`. */
export const SYNC_KEY_PREFIX = 'settings';

/** The user's stored settings and the policy's values, as found in storage. */
export interface StoredSettingsGlance {
  readonly user: unknown;
  readonly managed: unknown;
}

const field = (source: unknown, key: string): unknown => (isRecord(source) && Object.hasOwn(source, key) ? source[key] : undefined);
/** The policy's value if `valid` takes it, else the user's, else undefined; and whether it is the policy's. */
function pick<T>(glance: StoredSettingsGlance, key: string, valid: (v: unknown) => v is T): [T | undefined, boolean] {
  const [policy, user] = [field(glance.managed, key), field(glance.user, key)];
  return valid(policy) ? [policy, true] : [valid(user) ? user : undefined, false];
}
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isMethod = (v: unknown): v is SigninMethodSetting => (SIGNIN_METHOD_SETTINGS as readonly unknown[]).includes(v);
const isRegions = (v: unknown): v is string[] => Array.isArray(v) && v.some((r) => typeof r === 'string' && isCatalogRegion(r));

/** Interception is on unless the policy or the user turned it off (the policy wins). */
export const interceptionOn = (glance: StoredSettingsGlance): boolean => pick(glance, 'interceptionEnabled', isBool)[0] !== false;

/** The regions the toolbar badge watches: the global endpoint's, then the preferred ones. */
export function badgeRegions(glance: StoredSettingsGlance, timeZone: string, partition = 'aws'): string[] {
  const preferredRegions = (pick(glance, 'preferredRegions', isRegions)[0] ?? []).filter((r) => typeof r === 'string' && isCatalogRegion(r));
  return watchedRegions(partitionInfo(partition)?.globalRegion ?? 'us-east-1', preferredRegionsFor({ preferredRegions }, timeZone));
}

/** What may use STS (signin/sts-permission.ts): a valid policy value wins over the user's, else the default. */
export function stsRulesOfGlance(glance: StoredSettingsGlance): StsRules {
  const [method, signinMethodByPolicy] = pick(glance, 'signinMethod', isMethod);
  const [cli, cliByPolicy] = pick(glance, 'allowCliCredentials', isBool);
  return { signinMethod: method ?? 'auto', signinMethodByPolicy, allowCliCredentials: cli !== false, cliByPolicy };
}
