import { accountColours, type AccountColour } from '../core/account-colours';
import { deriveAccountNames, resolveAccountNames, type DerivableRole } from '../core/account-names';
import { learnedNameMap } from '../core/learned-names';
import { readLearnedNames } from '../platform/learned-names';
import { loadSettings } from '../platform/settings-store';

/**
 * The colour of each account of these roles, as the picker shows it (the account's own colour,
 * else a name rule on the name the picker shows: the user's, AWS's, or read from role names).
 * Nothing on failure: a console still opens, in a container of a colour of its own.
 */
export async function coloursOfAccounts(roles: readonly DerivableRole[]): Promise<Record<string, AccountColour>> {
  try {
    const [{ settings }, learned] = await Promise.all([loadSettings(), readLearnedNames()]);
    const names = resolveAccountNames({ ...deriveAccountNames(roles, settings.aliasPattern), ...learnedNameMap(learned) }, settings.accountNames);
    return accountColours(new Set(roles.map((r) => r.accountId)), names, settings);
  } catch {
    return {};
  }
}
