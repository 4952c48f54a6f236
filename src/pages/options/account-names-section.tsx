import { useEffect, useState } from 'preact/hooks';
import { validateAliasRegex, type AliasPattern } from '../../core/accounts/names';
import { compactAccountId, parseAccountNamesFile } from '../../core/accounts/names-file';
import type { SectionProps } from './main';
import { t, tMessage } from '../../platform/i18n';
import { AccountTable } from './account-table';
import { AliasPreview } from './alias-preview';
import { FileButton } from './file-button';
import { RowForm, Section, useEdit, withoutKey } from './section';

/** Names for account IDs: typed, imported from a file, or read from role names by a pattern. */
export function AccountNamesSection(props: SectionProps) {
  const { error, setError, edit } = useEdit<'accountNames' | 'aliasPattern'>(props);
  const [report, setReport] = useState<string[]>([]);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [regex, setRegex] = useState(props.loaded.user.aliasPattern.kind === 'role-name' ? props.loaded.user.aliasPattern.pattern : '');
  const locked = props.isLocked('accountNames');
  const user = props.loaded.user.accountNames;
  const shown = props.loaded.settings.accountNames;
  const pattern = props.loaded.user.aliasPattern;
  // The choice shown: "Custom pattern…" opens the field before any pattern is saved.
  const [choice, setChoice] = useState<AliasPattern['kind']>(pattern.kind);
  useEffect(() => setChoice(pattern.kind), [pattern.kind]);
  const choose = (kind: AliasPattern['kind'], value: AliasPattern | undefined) => {
    setChoice(kind);
    if (value) void edit('aliasPattern', value);
  };

  const onFile = async (file: File | undefined) => {
    setReport([]);
    if (!file) return;
    const result = parseAccountNamesFile(await file.text(), file.name);
    if ('error' in result) {
      setError(tMessage(result.error));
      return;
    }
    if (await edit('accountNames', { ...user, ...result.names })) {
      setReport([
        t('importedNames', String(Object.keys(result.names).length), file.name),
        ...result.rejected.map((r) => t('importLine', String(r.line), tMessage(r.reason))),
      ]);
    }
  };

  return (
    <Section title={t('namesTitle')} id="names" locked={locked} lockedNote={t('namesSomeLocked')} error={error}>
      <p class="hint">{t('namesHint')}</p>
      <AccountTable
        rows={Object.entries(shown)
          .sort((a, b) => a[1].localeCompare(b[1]))
          .map(([accountId, name]) => ({ accountId, name, removable: Object.hasOwn(user, accountId), removeLabel: t('removeNameLabel', accountId) }))}
        onRemove={(accountId) => void edit('accountNames', withoutKey(user, accountId))}
      />
      <RowForm
        onSubmit={() =>
          void edit('accountNames', { ...user, [compactAccountId(id)]: name }).then(() => {
            setId('');
            setName('');
          })
        }
      >
        <label for="name-id">{t('accountIdLabel')}</label>
        <input id="name-id" inputMode="numeric" value={id} onInput={(e) => setId((e.target as HTMLInputElement).value)} />
        <label for="name-name">{t('accountNameLabel')}</label>
        <input id="name-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        <button type="submit" class="button" disabled={!id.trim() || !name.trim()}>
          {t('saveName')}
        </button>
      </RowForm>
      <div class="row">
        <FileButton id="names-file" label={t('importNamesLabel')} accept=".csv,.json,text/csv,application/json" describedBy="names-file-format" onFile={(file) => void onFile(file)} />
        <span id="names-file-format" class="hint">
          {t('importNamesFormat')}
        </span>
      </div>
      {report.length > 0 && (
        <ul class="report" role="status">
          {report.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <fieldset class="pattern">
        <legend>{t('deriveLegend')}</legend>
        <label class="check">
          <input type="radio" name="pattern" checked={choice === 'none'} onChange={() => choose('none', { kind: 'none' })} />
          {t('deriveNone')}
        </label>
        <label class="check">
          <input type="radio" name="pattern" checked={choice === 'preset'} onChange={() => choose('preset', { kind: 'preset', preset: 'okta-provider-alias-role' })} />
          {t('deriveOkta')}
        </label>
        <label class="check">
          <input type="radio" name="pattern" checked={choice === 'role-name'} onChange={() => choose('role-name', regex && validateAliasRegex(regex).ok ? { kind: 'role-name', pattern: regex } : undefined)} />
          {t('deriveCustom')}
        </label>
        {/* The regular expression only for those who chose it. */}
        {choice === 'role-name' && (
          <div class="row">
            <label for="alias-regex">{t('patternLabel')}</label>
            <input id="alias-regex" value={regex} placeholder="^(?<alias>[a-z]+)-" aria-describedby="alias-regex-hint" onInput={(e) => setRegex((e.target as HTMLInputElement).value)} />
            <button type="button" class="button" disabled={!regex} onClick={() => {
              const check = validateAliasRegex(regex);
              if (!check.ok) setError(tMessage(check.error));
              else void edit('aliasPattern', { kind: 'role-name', pattern: regex });
            }}>
              {t('usePattern')}
            </button>
            <p id="alias-regex-hint" class="hint">
              {t('patternHint')}
            </p>
          </div>
        )}
        <AliasPreview settings={props.loaded.settings} customPattern={choice === 'role-name' ? regex : ''} />
      </fieldset>
    </Section>
  );
}
