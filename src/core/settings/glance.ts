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

/** Interception is on unless the policy or the user turned it off (the policy wins). */
export function interceptionOn(glance: StoredSettingsGlance): boolean {
  const policy = field(glance.managed, 'interceptionEnabled');
  if (typeof policy === 'boolean') return policy;
  return field(glance.user, 'interceptionEnabled') !== false;
}

function regionList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const regions = value.filter((r): r is string => typeof r === 'string' && isCatalogRegion(r));
  return regions.length ? regions : undefined;
}

/** The regions the toolbar badge watches: the global endpoint's, then the preferred ones. */
export function badgeRegions(glance: StoredSettingsGlance, timeZone: string, partition = 'aws'): string[] {
  const preferredRegions = regionList(field(glance.managed, 'preferredRegions')) ?? regionList(field(glance.user, 'preferredRegions')) ?? [];
  return watchedRegions(partitionInfo(partition)?.globalRegion ?? 'us-east-1', preferredRegionsFor({ preferredRegions }, timeZone));
}

const isMethod = (value: unknown): value is SigninMethodSetting => (SIGNIN_METHOD_SETTINGS as readonly unknown[]).includes(value);

/** What may use STS (sts-permission.ts): a valid policy value wins over the user's, else the default. */
export function stsRulesOfGlance(glance: StoredSettingsGlance): StsRules {
  const policyMethod = field(glance.managed, 'signinMethod');
  const userMethod = field(glance.user, 'signinMethod');
  const policyCli = field(glance.managed, 'allowCliCredentials');
  const userCli = field(glance.user, 'allowCliCredentials');
  return {
    signinMethod: isMethod(policyMethod) ? policyMethod : isMethod(userMethod) ? userMethod : 'auto',
    signinMethodByPolicy: isMethod(policyMethod),
    allowCliCredentials: typeof policyCli === 'boolean' ? policyCli : userCli !== false,
    cliByPolicy: typeof policyCli === 'boolean',
  };
}
