// The settings' defaults and the reads the picker makes of them, without the schema (settings.ts,
// zod): these are on the picker's first paint, before any stored setting has been read. The
// settings table (settings-fields.ts) types them, so a setting without a default here does not compile.
import { DEFAULT_SESSION_CAP_SECONDS } from '../base/limits';
import type { Settings, SettingsKey } from './schema';

export const SETTINGS_VERSION = 2;

/** IdP apps remembered for "never ask again" about names from role names (the picker trims the list). */
export const ALIAS_OFFER_DECLINED_MAX = 50;

const SETTING_DEFAULTS: { readonly [K in SettingsKey]: () => Settings[K] } = {
  interceptionEnabled: () => true,
  preferredRegions: () => [],
  idpAppLinks: () => ({}),
  accountNames: () => ({}),
  aliasPattern: () => ({ kind: 'none' }),
  aliasOfferDeclined: () => [],
  accountColours: () => ({}),
  colourRules: () => [],
  pins: () => [],
  recent: () => ({}),
  autoSignIn: () => ({}),
  theme: () => 'system',
  reducedMotion: () => 'system',
  signinMethod: () => 'auto',
  sessionDurationCap: () => DEFAULT_SESSION_CAP_SECONDS,
  cliFormat: () => 'bash',
  allowCliCredentials: () => true,
  clearCopiedCredentials: () => false,
};

export function defaultSettings(): Settings {
  const fields = Object.fromEntries(Object.entries(SETTING_DEFAULTS).map(([key, initial]) => [key, initial()]));
  return { version: SETTINGS_VERSION, ...fields } as Settings;
}

/** Role ARNs of an IdP app's recent sign-ins, most recent first (the ranking's `recent`). */
export function recentRoleArns(settings: Pick<Settings, 'recent'>, appKey: string): string[] {
  const list = Object.hasOwn(settings.recent, appKey) ? settings.recent[appKey] : undefined;
  return [...new Set((list ?? []).map((r) => r.roleArn))];
}
