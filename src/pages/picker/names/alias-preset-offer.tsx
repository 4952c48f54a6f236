import { t, tPlural } from '../../../platform/i18n';

/**
 * Most role names here carry their account's alias (Okta's
 * `<Provider>-<Alias>-<Role>`) and no rule is set. Offered inline, where the other names offer
 * sits: "Show them" sets the Okta preset rule (the settings page can change it later); "Never for
 * this IdP app" is remembered for the app. One line: the question gives way (…) to the buttons.
 */
export function AliasPresetOffer(props: { accounts: number; onAccept: () => void; onNever: () => void }) {
  const question = tPlural(props.accounts, 'presetOfferOne', 'presetOfferOther');
  return (
    <p class="hint names-offer" role="group" aria-label={t('presetOfferLabel')}>
      <span class="offer-text" title={question}>
        {question}
      </span>
      <button type="button" class="link" onClick={props.onAccept}>
        {t('presetOfferAccept')}
      </button>
      <span aria-hidden="true">·</span>
      <button type="button" class="link" onClick={props.onNever}>
        {t('presetOfferNever')}
      </button>
    </p>
  );
}
