import { OKTA_PRESET } from '../../core/accounts/names';
import type { CliFormat } from '../../core/signin/cli-credentials';
import type { Settings } from '../../core/settings/schema';
import { LIMITS } from '../../core/settings/fields';

/** The changes the picker makes to the user's settings, each a function of the user's own. */
type Change = (user: Settings) => Settings;

/** Pins the role, or unpins it. */
export const togglePin = (roleArn: string): Change => (user) => ({
  ...user,
  pins: user.pins.some((p) => p.roleArn === roleArn) ? user.pins.filter((p) => p.roleArn !== roleArn) : [...user.pins, { roleArn }],
});

/** "Stop skipping the picker for this app". */
export const stopSkipping = (appKey: string): Change => (user) => {
  const autoSignIn = { ...user.autoSignIn };
  delete autoSignIn[appKey];
  return { ...user, autoSignIn };
};

/** The inline Okta naming offer, accepted. */
export const acceptAliasPreset: Change = (user) => ({ ...user, aliasPattern: OKTA_PRESET });

/**
 * The names offers above the list, "never for this IdP app": the Okta naming offer's "Never ask", or
 * the line dismissed (the most recent apps are kept).
 */
export const declineNamesOffers = (appKey: string): Change => (user) => ({
  ...user,
  aliasOfferDeclined: [...user.aliasOfferDeclined.filter((k) => k !== appKey), appKey].slice(-LIMITS.aliasOfferDeclined),
});

export const setCliFormat = (cliFormat: CliFormat): Change => (user) => ({ ...user, cliFormat });
