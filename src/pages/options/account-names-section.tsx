import { useState } from 'preact/hooks';
import { parseAccountNamesFile, validateAliasRegex } from '../../core/account-names';
import type { SectionProps } from './main';

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
        `Imported ${Object.keys(result.names).length} account name(s) from ${file.name}.`,
        ...result.rejected.map((r) => `Line ${r.line}: ${r.reason}`),
      ]);
    }
  };

  return (
    <section class="panel" aria-labelledby="names">
      <h2 id="names">Account names</h2>
      {locked && <p class="locked">Some names are set by your organisation.</p>}
      <p class="hint">Names show next to account IDs in the picker and can be searched. Your own names win over derived ones.</p>
      <table class="names">
        <thead>
          <tr>
            <th scope="col">Account ID</th>
            <th scope="col">Name</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
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
                  {accountId in user ? (
                    <button type="button" class="button small" aria-label={`Remove the name of ${accountId}`} onClick={() => {
                      const next = { ...user };
                      delete next[accountId];
                      void edit('accountNames', next);
                    }}>
                      Remove
                    </button>
                  ) : (
                    <span class="locked">organisation</span>
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void edit('accountNames', { ...user, [id.replace(/[\s-]/g, '')]: name }).then(() => {
            setId('');
            setName('');
          });
        }}
      >
        <label for="name-id">Account ID</label>
        <input id="name-id" inputMode="numeric" value={id} onInput={(e) => setId((e.target as HTMLInputElement).value)} />
        <label for="name-name">Name</label>
        <input id="name-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        <button type="submit" class="button" disabled={!id.trim() || !name.trim()}>
          Save name
        </button>
      </form>
      <div class="row">
        <label for="names-file">Import names from a file (CSV "accountId,name" or JSON, e.g. from AWS Organizations)</label>
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
        <legend>Derive names from role names</legend>
        <label class="check">
          <input type="radio" name="pattern" checked={pattern.kind === 'none'} onChange={() => void edit('aliasPattern', { kind: 'none' })} />
          Don't derive names
        </label>
        <label class="check">
          <input type="radio" name="pattern" checked={pattern.kind === 'preset'} onChange={() => void edit('aliasPattern', { kind: 'preset', preset: 'okta-provider-alias-role' })} />
          Okta's naming: {'<Provider>-<Alias>-<Role>'} (e.g. Okta-prod-Admin → prod)
        </label>
        <label class="check">
          <input type="radio" name="pattern" checked={pattern.kind === 'role-name'} onChange={() => regex && void edit('aliasPattern', { kind: 'role-name', pattern: regex })} />
          My own pattern over the role name, with a group named alias:
        </label>
        <div class="row">
          <label for="alias-regex" class="visually-hidden">
            Pattern
          </label>
          <input id="alias-regex" value={regex} placeholder="^(?<alias>[a-z]+)-" onInput={(e) => setRegex((e.target as HTMLInputElement).value)} />
          <button type="button" class="button" disabled={!regex} onClick={() => {
            const check = validateAliasRegex(regex);
            if (!check.ok) setError(check.error);
            else void edit('aliasPattern', { kind: 'role-name', pattern: regex });
          }}>
            Use pattern
          </button>
        </div>
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
