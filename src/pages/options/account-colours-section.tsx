import { useEffect, useState } from 'preact/hooks';
import { ACCOUNT_COLOURS, isAccountColour, ruleMatches, type AccountColour } from '../../core/account-colours';
import { resolveAccountNames } from '../../core/account-names';
import { learnedNameMap } from '../../core/learned-names';
import { readLearnedNames } from '../../platform/learned-names';
import { t } from '../../platform/i18n';
import { ColourSwatch, colourName } from '../../ui/account-colour';
import type { SectionProps } from './main';
import { RemoveOrLocked } from './remove-or-locked';
import { compactAccountId } from '../../core/account-names-file';

function ColourSelect(props: { id: string; value: AccountColour; onChange: (colour: AccountColour) => void }) {
  return (
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
  );
}

/** Colours per account ID and by account name (issue I, item 3), shown on the picker's rows. */
export function AccountColoursSection(props: SectionProps) {
  const [error, setError] = useState<string>();
  const [id, setId] = useState('');
  const [colour, setColour] = useState<AccountColour>('red');
  const [words, setWords] = useState('');
  const [ruleColour, setRuleColour] = useState<AccountColour>('red');
  const [learned, setLearned] = useState<Record<string, string>>({});
  useEffect(() => void readLearnedNames().then((known) => setLearned(learnedNameMap(known)), () => undefined), []);

  const user = props.loaded.user;
  const shown = props.loaded.settings;
  // The accounts this browser knows a name for: what a rule is tried on before it is added.
  const names = resolveAccountNames(learned, shown.accountNames);
  // A rule of the user's own (a managed one with the same words and colour reads the same).
  const userRules = new Set(user.colourRules.map((r) => `${r.words.toLowerCase()} ${r.colour}`));
  const edit = async (key: 'accountColours' | 'colourRules', value: unknown) => {
    const problem = await props.edit(key, value);
    setError(problem);
    return !problem;
  };
  const matching = (ruleWords: string) =>
    Object.entries(names)
      .filter(([, name]) => ruleMatches(ruleWords, name))
      .map(([accountId, name]) => `${name} (${accountId})`);
  const preview = words.trim() ? matching(words) : undefined;

  return (
    <section class="panel" aria-labelledby="colours">
      <h2 id="colours">{t('coloursTitle')}</h2>
      {(props.isLocked('accountColours') || props.isLocked('colourRules')) && <p class="locked">{t('coloursSomeLocked')}</p>}
      <p class="hint">{t('coloursHint')}</p>
      {Object.keys(shown.accountColours).length > 0 && (
        <table class="names">
          <thead>
            <tr>
              <th scope="col">{t('accountIdLabel')}</th>
              <th scope="col">{t('accountNameLabel')}</th>
              <th scope="col">{t('colourLabel')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('actionsHeader')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(shown.accountColours)
              .sort((a, b) => a[0].localeCompare(b[0]))
              .map(([accountId, c]) => (
                <tr key={accountId}>
                  <td class="code">{accountId}</td>
                  <td>{Object.hasOwn(names, accountId) ? names[accountId] : ''}</td>
                  <td>
                    <ColourSwatch colour={c} /> {colourName(c)}
                  </td>
                  <td>
                    {/* A managed colour wins over the user's own for the same account: the user's can go. */}
                    <RemoveOrLocked
                      removable={Object.hasOwn(user.accountColours, accountId) && user.accountColours[accountId] === c}
                      label={t('removeColourLabel', accountId)}
                      onRemove={() => {
                        const next = { ...user.accountColours };
                        delete next[accountId];
                        void edit('accountColours', next);
                      }}
                    />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void edit('accountColours', { ...user.accountColours, [compactAccountId(id)]: colour }).then((ok) => ok && setId(''));
        }}
      >
        <label for="colour-id">{t('colourAccountLabel')}</label>
        <input id="colour-id" inputMode="numeric" list="colour-known-accounts" value={id} onInput={(e) => setId((e.target as HTMLInputElement).value)} />
        <datalist id="colour-known-accounts">
          {Object.entries(names).map(([accountId, name]) => (
            <option key={accountId} value={accountId}>
              {name}
            </option>
          ))}
        </datalist>
        <label for="colour-pick">{t('colourLabel')}</label>
        <ColourSelect id="colour-pick" value={colour} onChange={setColour} />
        <button type="submit" class="button" disabled={!id.trim()}>
          {t('saveColour')}
        </button>
      </form>

      <fieldset class="pattern">
        <legend>{t('colourRulesLegend')}</legend>
        <p class="hint">{t('colourRulesHint')}</p>
        {shown.colourRules.length > 0 && (
          <ol class="ordered" aria-label={t('colourRulesListLabel')}>
            {shown.colourRules.map((rule) => {
              const hits = matching(rule.words);
              return (
                <li key={rule.words}>
                  <span>
                    <ColourSwatch colour={rule.colour} /> <span class="code">{rule.words}</span> → {colourName(rule.colour)}
                    <span class="hint"> {hits.length ? t('ruleMatchesSome', hits.slice(0, 5).join(', ')) : t('ruleMatchesNone')}</span>
                  </span>
                  <span class="actions-inline">
                    <RemoveOrLocked
                      removable={userRules.has(`${rule.words.toLowerCase()} ${rule.colour}`)}
                      label={t('removeRuleLabel', rule.words)}
                      onRemove={() => void edit('colourRules', user.colourRules.filter((r) => r.words.toLowerCase() !== rule.words.toLowerCase()))}
                    />
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void edit('colourRules', [...user.colourRules, { words: words.trim(), colour: ruleColour }]).then((ok) => ok && setWords(''));
          }}
        >
          <label for="rule-words">{t('ruleWordsLabel')}</label>
          <input id="rule-words" value={words} placeholder="prod" aria-describedby="rule-preview" onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
          <label for="rule-colour">{t('colourLabel')}</label>
          <ColourSelect id="rule-colour" value={ruleColour} onChange={setRuleColour} />
          <button type="submit" class="button" disabled={!words.trim()}>
            {t('addRule')}
          </button>
        </form>
        <p class="hint" id="rule-preview" aria-live="polite">
          {preview && (preview.length ? t('ruleMatchesSome', preview.slice(0, 5).join(', ')) : t('ruleMatchesNone'))}
        </p>
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
