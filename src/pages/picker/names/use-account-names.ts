import { useEffect, useMemo, useState } from 'preact/hooks';
import { accountColours } from '../../../core/accounts/colours';
import { presetOffer, readAccountNames, resolveAccountNames } from '../../../core/accounts/names';
import { learnedNameMap } from '../../../core/accounts/learned-names';
import type { SamlRole } from '../../../core/saml/decode';
import type { Settings } from '../../../core/settings/schema';
import { readLearnedNames } from '../../../platform/learned-names';

/**
 * The names and colours the picker shows for the assertion's accounts: the user's names win over
 * names AWS's role page gave (learned), which win over names read from role names (derived, shown
 * apart); and whether to offer the Okta naming rule inline.
 */
export function useAccountNames(roles: readonly SamlRole[], settings: Settings, settingsReady: boolean, appKey: string) {
  const reading = useMemo(() => readAccountNames(roles, settings.aliasPattern), [roles, settings.aliasPattern]);
  const derived = reading.names;
  // The pattern ran out of time on these role names: said above the list, with how far it got.
  const namesGaveUp = reading.gaveUp ? { read: reading.aliases.length, total: roles.length } : undefined;
  // Names AWS's own role page gave (learned on the user's click or a visit to AWS's page).
  const [learned, setLearned] = useState<Record<string, string>>({});
  const loadLearned = () =>
    void readLearnedNames().then((known) => setLearned(learnedNameMap(known)), () => undefined);
  useEffect(loadLearned, []);
  const accountNames = useMemo(() => resolveAccountNames({ ...derived, ...learned }, settings.accountNames), [derived, learned, settings.accountNames]);
  // Names read from role names, where neither the user nor AWS gave one: shown apart.
  const derivedNames = useMemo(
    () => new Set(Object.keys(derived).filter((id) => !Object.hasOwn(settings.accountNames, id) && !Object.hasOwn(learned, id))),
    [derived, learned, settings.accountNames],
  );
  // Most role names carry the alias and no rule is set: offer the Okta preset once.
  const preset = useMemo(
    () =>
      settingsReady
        ? presetOffer(roles, {
            pattern: settings.aliasPattern,
            declined: settings.aliasOfferDeclined.includes(appKey),
            known: { ...learned, ...settings.accountNames },
          })
        : undefined,
    [settingsReady, roles, settings.aliasPattern, settings.aliasOfferDeclined, appKey, learned, settings.accountNames],
  );
  const colours = useMemo(
    () => accountColours(new Set(roles.map((r) => r.accountId)), accountNames, settings),
    [roles, accountNames, settings],
  );
  return { accountNames, derivedNames, preset, colours, loadLearned, namesGaveUp };
}
