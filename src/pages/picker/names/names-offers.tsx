import { own } from '../../../core/base/own';
import type { AssertionAddress } from '../../../core/regions/choice';
import type { SamlRole } from '../../../core/saml/decode';
import type { Settings } from '../../../core/settings/schema';
import { AccountNamesOffer } from './account-names-offer';
import { AliasPresetOffer } from './alias-preset-offer';
import { t } from '../../../platform/i18n';
import { acceptAliasPreset, declineAliasPreset } from '../setting-changes';
import type { useAccountNames } from './use-account-names';

interface Props {
  names: Pick<ReturnType<typeof useAccountNames>, 'accountNames' | 'preset' | 'loadLearned' | 'namesGaveUp'>;
  roles: readonly SamlRole[];
  appKey: string;
  address: AssertionAddress;
  addressedDown: boolean;
  updateSettings: (change: (user: Settings) => Settings) => Promise<void>;
}

/**
 * Inline offers to name the accounts: the Okta naming rule, and names from AWS itself; and
 * the word that the naming pattern ran out of time.
 */
export function NamesOffers({ names, roles, appKey, address, addressedDown, updateSettings }: Props) {
  return (
    <>
      {names.namesGaveUp && (
        <p class="hint" role="status">
          {t('aliasGaveUp', String(names.namesGaveUp.read), String(names.namesGaveUp.total))}
        </p>
      )}
      {names.preset && (
        <AliasPresetOffer
          accounts={names.preset.accounts}
          onAccept={() => void updateSettings(acceptAliasPreset)}
          onNever={() => void updateSettings(declineAliasPreset(appKey))}
        />
      )}
      {roles.length > 1 && roles.some((r) => own(names.accountNames, r.accountId) === undefined) && (
        <AccountNamesOffer host={address.endpoint.host} endpointDown={addressedDown} onLearned={names.loadLearned} />
      )}
    </>
  );
}
