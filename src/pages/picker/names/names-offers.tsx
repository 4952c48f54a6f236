import { useState } from 'preact/hooks';
import { own } from '../../../core/base/own';
import type { AssertionAddress } from '../../../core/regions/choice';
import type { SamlRole } from '../../../core/saml/decode';
import type { Settings } from '../../../core/settings/schema';
import { AccountNamesOffer } from './account-names-offer';
import { AliasPresetOffer } from './alias-preset-offer';
import { t } from '../../../platform/i18n';
import { acceptAliasPreset, declineNamesOffers } from '../setting-changes';
import type { useAccountNames } from './use-account-names';

interface Props {
  names: Pick<ReturnType<typeof useAccountNames>, 'accountNames' | 'preset' | 'loadLearned' | 'namesGaveUp'>;
  roles: readonly SamlRole[];
  appKey: string;
  address: AssertionAddress;
  addressedDown: boolean;
  /** This IdP app said no to the names offers (settings `aliasOfferDeclined`); undefined until the settings are read. */
  declined: boolean | undefined;
  updateSettings: (change: (user: Settings) => Settings) => Promise<void>;
}

/**
 * The offer to name the accounts, one line above the list: the Okta naming rule, else names from
 * AWS itself; "×" hides it and it is not made again for this IdP app. And the word that the naming
 * pattern ran out of time.
 */
export function NamesOffers({ names, roles, appKey, address, addressedDown, declined, updateSettings }: Props) {
  const [dismissed, setDismissed] = useState(false);
  const unnamed = roles.length > 1 && roles.some((r) => own(names.accountNames, r.accountId) === undefined);
  const dismiss = () => {
    setDismissed(true);
    // The button goes: the keyboard goes back to the filter rather than to the page's start.
    document.getElementById('role-filter')?.focus();
    void updateSettings(declineNamesOffers(appKey));
  };
  // Neither offer once this app said no (the preset's own reading of the settings may lag a render).
  const offer = dismissed || declined
    ? undefined
    : names.preset
      ? <AliasPresetOffer accounts={names.preset.accounts} onAccept={() => void updateSettings(acceptAliasPreset)} onNever={dismiss} />
      : unnamed
        ? <AccountNamesOffer host={address.endpoint.host} endpointDown={addressedDown} onLearned={names.loadLearned} />
        : undefined;
  return (
    <>
      {names.namesGaveUp && (
        <p class="hint" role="status">
          {t('aliasGaveUp', String(names.namesGaveUp.read), String(names.namesGaveUp.total))}
        </p>
      )}
      {/* Until the settings say whether this app said no, the line keeps its place, unseen. */}
      {offer && (
        <div class="names-line" style={declined === undefined ? { visibility: 'hidden' } : undefined}>
          {offer}
          <button type="button" class="dismiss" aria-label={t('dismissNamesOffer')} title={t('dismissNamesOfferTitle')} onClick={dismiss}>
            ×
          </button>
        </div>
      )}
    </>
  );
}
