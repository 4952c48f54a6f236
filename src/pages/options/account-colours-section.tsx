import { useEffect, useState } from 'preact/hooks';
import type { AccountColour } from '../../core/accounts/colours';
import { resolveAccountNames } from '../../core/accounts/names';
import { compactAccountId } from '../../core/accounts/names-file';
import { learnedNameMap } from '../../core/accounts/learned-names';
import { readLearnedNames } from '../../platform/learned-names';
import { t } from '../../platform/i18n';
import { ColourSwatch, colourName } from '../../ui/account-colour';
import { AccountTable } from './account-table';
import { ColourRules } from './colour-rules';
import { ColourSelect } from './colour-select';
import type { SectionProps } from './main';
import { RowForm, Section, useEdit, withoutKey } from './section';

/** Colours per account ID and by account name, shown on the picker's rows. */
export function AccountColoursSection(props: SectionProps) {
  const { error, edit } = useEdit<'accountColours' | 'colourRules'>(props);
  const [id, setId] = useState('');
  const [colour, setColour] = useState<AccountColour>('red');
  const [learned, setLearned] = useState<Record<string, string>>({});
  useEffect(() => void readLearnedNames().then((known) => setLearned(learnedNameMap(known)), () => undefined), []);

  const user = props.loaded.user;
  const shown = props.loaded.settings;
  // The accounts this browser knows a name for: what a rule is tried on before it is added.
  const names = resolveAccountNames(learned, shown.accountNames);
  const locked = props.isLocked('accountColours') || props.isLocked('colourRules');

  return (
    <Section title={t('coloursTitle')} id="colours" locked={locked} lockedNote={t('coloursSomeLocked')} error={error}>
      <p class="hint">{t('coloursHint')}</p>
      {Object.keys(shown.accountColours).length > 0 && (
        <AccountTable
          columns={[t('colourLabel')]}
          rows={Object.entries(shown.accountColours)
            .sort((a, b) => a[0].localeCompare(b[0]))
            .map(([accountId, c]) => ({
              accountId,
              name: Object.hasOwn(names, accountId) ? names[accountId]! : '',
              cells: [
                <>
                  <ColourSwatch colour={c} /> {colourName(c)}
                </>,
              ],
              // A managed colour wins over the user's own for the same account: the user's can go.
              removable: Object.hasOwn(user.accountColours, accountId) && user.accountColours[accountId] === c,
              removeLabel: t('removeColourLabel', accountId),
            }))}
          onRemove={(accountId) => void edit('accountColours', withoutKey(user.accountColours, accountId))}
        />
      )}
      <RowForm onSubmit={() => void edit('accountColours', { ...user.accountColours, [compactAccountId(id)]: colour }).then((ok) => ok && setId(''))}>
        <label for="colour-id">{t('colourAccountLabel')}</label>
        <input id="colour-id" inputMode="numeric" list="colour-known-accounts" value={id} onInput={(e) => setId((e.target as HTMLInputElement).value)} />
        <datalist id="colour-known-accounts">
          {Object.entries(names).map(([accountId, name]) => (
            <option key={accountId} value={accountId}>
              {name}
            </option>
          ))}
        </datalist>
        <ColourSelect id="colour-pick" value={colour} onChange={setColour} />
        <button type="submit" class="button" disabled={!id.trim()}>
          {t('saveColour')}
        </button>
      </RowForm>

      <ColourRules shown={shown.colourRules} user={user.colourRules} names={names} edit={edit} />
    </Section>
  );
}
