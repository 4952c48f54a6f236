import { ACCOUNT_COLOURS, isAccountColour, type AccountColour } from '../../core/accounts/colours';
import { t } from '../../platform/i18n';
import { colourName } from '../../ui/account-colour';

/** A labelled choice of one of the account colours, by name. */
export function ColourSelect(props: { id: string; value: AccountColour; onChange: (colour: AccountColour) => void }) {
  return (
    <>
      <label for={props.id}>{t('colourLabel')}</label>
      <select id={props.id} value={props.value} onChange={(e) => {
        const value = (e.target as HTMLSelectElement).value;
        if (isAccountColour(value)) props.onChange(value);
      }}>
        {ACCOUNT_COLOURS.map((c) => (
          <option key={c} value={c}>
            {colourName(c)}
          </option>
        ))}
      </select>
    </>
  );
}
