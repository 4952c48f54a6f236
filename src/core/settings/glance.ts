// The few settings the worker acts on, from the stored `settings` item (it holds every small field) and
// the policy, decided by the same reading and policy rules as the pages', so that the two never differ.
import { partitionInfo } from '../aws/catalog';
import { preferredRegionsFor } from '../regions/preferred';
import { watchedRegions } from '../health/probe';
import type { StsRules } from '../signin/sts-permission';
import { applyManaged } from './managed';
import { migrateSettings } from './schema';

/** The storage.sync item with the settings' small fields; large ones are in `settings:<field>:<n>`. */
export const SYNC_KEY_PREFIX = 'settings';

/** The user's stored settings and the policy's values, as found in storage. */
export type StoredSettingsGlance = { readonly user: unknown; readonly managed: unknown };
const glanced = (glance: StoredSettingsGlance) => applyManaged(migrateSettings(glance.user).settings, glance.managed);

export const interceptionOn = (glance: StoredSettingsGlance): boolean => glanced(glance).settings.interceptionEnabled;

/** The regions the toolbar badge watches: the global endpoint's, then the preferred ones. */
export function badgeRegions(glance: StoredSettingsGlance, timeZone: string, partition = 'aws'): string[] {
  return watchedRegions(partitionInfo(partition)?.globalRegion ?? 'us-east-1', preferredRegionsFor(glanced(glance).settings, timeZone));
}

/** What may use STS (signin/sts-permission.ts). */
export function stsRulesOfGlance(glance: StoredSettingsGlance): StsRules {
  const { settings, locked } = glanced(glance);
  return { signinMethod: settings.signinMethod, signinMethodByPolicy: locked.includes('signinMethod'), allowCliCredentials: settings.allowCliCredentials, cliByPolicy: locked.includes('allowCliCredentials') };
}
