import { useState } from 'preact/hooks';
import { ruleMatches, type AccountColour, type ColourRule } from '../../core/accounts/colours';
import { t } from '../../platform/i18n';
import { ColourSwatch, colourName } from '../../ui/account-colour';
import { ColourSelect } from './colour-select';
import { RemoveOrLocked } from './remove-or-locked';
import { RowForm } from './section';

/** Where at most five of the accounts a rule colours are named (or that it colours none). */
const matchesText = (hits: readonly string[]) => (hits.length ? t('ruleMatchesSome', hits.slice(0, 5).join(', ')) : t('ruleMatchesNone'));

/**
 * Colours by account name, the first matching rule winning: the rules in effect (`shown`), each with
 * the accounts it colours among those this browser knows a name for (`names`), and a new rule tried
 * on them before it is added.
 */
export function ColourRules(props: {
  shown: readonly ColourRule[];
  user: readonly ColourRule[];
  names: Readonly<Record<string, string>>;
  edit: (key: 'colourRules', value: unknown) => Promise<boolean>;
}) {
  const [words, setWords] = useState('');
  const [ruleColour, setRuleColour] = useState<AccountColour>('red');
  const { user, edit } = props;
  // A rule of the user's own (a managed one with the same words and colour reads the same).
  const userRules = new Set(user.map((r) => `${r.words.toLowerCase()} ${r.colour}`));
  const matching = (ruleWords: string) =>
    Object.entries(props.names)
      .filter(([, name]) => ruleMatches(ruleWords, name))
      .map(([accountId, name]) => `${name} (${accountId})`);
  const preview = words.trim() ? matching(words) : undefined;

  return (
    <fieldset class="pattern">
      <legend>{t('colourRulesLegend')}</legend>
      <p class="hint">{t('colourRulesHint')}</p>
      {props.shown.length > 0 && (
        <ol class="ordered" aria-label={t('colourRulesListLabel')}>
          {props.shown.map((rule) => (
            <li key={rule.words}>
              <span>
                <ColourSwatch colour={rule.colour} /> <span class="code">{rule.words}</span> → {colourName(rule.colour)}
                <span class="hint"> {matchesText(matching(rule.words))}</span>
              </span>
              <span class="actions-inline">
                <RemoveOrLocked
                  removable={userRules.has(`${rule.words.toLowerCase()} ${rule.colour}`)}
                  label={t('removeRuleLabel', rule.words)}
                  onRemove={() => void edit('colourRules', user.filter((r) => r.words.toLowerCase() !== rule.words.toLowerCase()))}
                />
              </span>
            </li>
          ))}
        </ol>
      )}
      <RowForm onSubmit={() => void edit('colourRules', [...user, { words: words.trim(), colour: ruleColour }]).then((ok) => ok && setWords(''))}>
        <label for="rule-words">{t('ruleWordsLabel')}</label>
        <input id="rule-words" value={words} placeholder="prod" aria-describedby="rule-preview" onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
        <ColourSelect id="rule-colour" value={ruleColour} onChange={setRuleColour} />
        <button type="submit" class="button" disabled={!words.trim()}>
          {t('addRule')}
        </button>
      </RowForm>
      <p class="hint" id="rule-preview" aria-live="polite">
        {preview && matchesText(preview)}
      </p>
    </fieldset>
  );
}
