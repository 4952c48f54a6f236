import { useState } from 'preact/hooks';
import { validateAliasRegex } from '../../core/account-names';
import { compactAccountId, parseAccountNamesFile } from '../../core/account-names-file';
import type { SectionProps } from './main';
import { t } from '../../platform/i18n';
import { AliasPreview } from './alias-preview';
import { RemoveOrLocked } from './remove-or-locked';

export function AccountNamesSection(props: SectionProps) {
  const [error, setError] = useState<string>();
  const [report, setReport] = useState<string[]>([]);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [regex, setRegex] = useState(props.loaded.user.aliasPattern.kind === 'role-name' ? props.loaded.user.aliasPattern.pattern : '');
  const locked = props.isLocked('accountNames');
  const user = props.loaded.user.accountNames;
  const shown = props.loaded.settings.accountNames;
  const pattern = props.loaded.user.aliasPattern;

  const edit = async (key: 'accountNames' | 'aliasPattern', value: unknown) => setError(await props.edit(key, value));
  const onFile = async (file: File | undefined) => {
    setReport([]);
    if (!file) return;
    const result = parseAccountNamesFile(await file.text(), file.name);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    const problem = await props.edit('accountNames', { ...user, ...result.names });
    setError(problem);
    if (!problem) {
      setReport([
        t('importedNames', String(Object.keys(result.names).length), file.name),
        ...result.rejected.map((r) => t('importLine', String(r.line), r.reason)),
      ]);
    }
  };

  return (
    <section class="panel" aria-labelledby="names">
      <h2 id="names">{t('namesTitle')}</h2>
      {locked && <p class="locked">{t('namesSomeLocked')}</p>}
      <p class="hint">{t('namesHint')}</p>
      <table class="names">
        <thead>
          <tr>
            <th scope="col">{t('accountIdLabel')}</th>
            <th scope="col">{t('accountNameLabel')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('actionsHeader')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(shown)
            .sort((a, b) => a[1].localeCompare(b[1]))
            .map(([accountId, accountName]) => (
              <tr key={accountId}>
                <td class="code">{accountId}</td>
                <td>{accountName}</td>
                <td>
                  <RemoveOrLocked
                    removable={Object.hasOwn(user, accountId)}
                    label={t('removeNameLabel', accountId)}
                    onRemove={() => {
                      const next = { ...user };
                      delete next[accountId];
                      void edit('accountNames', next);
                    }}
                  />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void edit('accountNames', { ...user, [compactAccountId(id)]: name }).then(() => {
            setId('');
            setName('');
          });
        }}
      >
        <label for="name-id">{t('accountIdLabel')}</label>
        <input id="name-id" inputMode="numeric" value={id} onInput={(e) => setId((e.target as HTMLInputElement).value)} />
        <label for="name-name">{t('accountNameLabel')}</label>
        <input id="name-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        <button type="submit" class="button" disabled={!id.trim() || !name.trim()}>
          {t('saveName')}
        </button>
      </form>
      <div class="row">
        <label for="names-file">{t('importNamesLabel')}</label>
        <input id="names-file" type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => void onFile((e.target as HTMLInputElement).files?.[0])} />
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
          <input type="radio" name="pattern" checked={pattern.kind === 'none'} onChange={() => void edit('aliasPattern', { kind: 'none' })} />
          {t('deriveNone')}
        </label>
        <label class="check">
          <input type="radio" name="pattern" checked={pattern.kind === 'preset'} onChange={() => void edit('aliasPattern', { kind: 'preset', preset: 'okta-provider-alias-role' })} />
          {t('deriveOkta')}
        </label>
        <label class="check">
          <input type="radio" name="pattern" checked={pattern.kind === 'role-name'} onChange={() => regex && void edit('aliasPattern', { kind: 'role-name', pattern: regex })} />
          {t('deriveCustom')}
        </label>
        <div class="row">
          <label for="alias-regex" class="visually-hidden">
            {t('patternLabel')}
          </label>
          <input id="alias-regex" value={regex} placeholder="^(?<alias>[a-z]+)-" onInput={(e) => setRegex((e.target as HTMLInputElement).value)} />
          <button type="button" class="button" disabled={!regex} onClick={() => {
            const check = validateAliasRegex(regex);
            if (!check.ok) setError(check.error);
            else void edit('aliasPattern', { kind: 'role-name', pattern: regex });
          }}>
            {t('usePattern')}
          </button>
        </div>
        <AliasPreview settings={props.loaded.settings} customPattern={regex} />
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
