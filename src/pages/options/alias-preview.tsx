import { useMemo, useState } from 'preact/hooks';
import { OKTA_PRESET, previewAliasPattern, type AliasPattern } from '../../core/accounts/names';
import { recentRoles, type Settings } from '../../core/settings/schema';
import { t, tMessage } from '../../platform/i18n';

/**
 * What a naming rule (the Okta preset or the pattern typed above) makes of the roles of recent
 * sign-ins, before it is applied. The settings keep only the role ARNs of
 * recent choices, so that is what it runs on, and it says so.
 */
export function AliasPreview(props: { settings: Pick<Settings, 'recent'>; customPattern: string }) {
  const [which, setWhich] = useState<'preset' | 'custom'>('preset');
  const roles = useMemo(() => recentRoles(props.settings), [props.settings]);
  const pattern: AliasPattern = which === 'preset' ? OKTA_PRESET : { kind: 'role-name', pattern: props.customPattern };
  const preview = useMemo(() => (which === 'custom' && !props.customPattern ? undefined : previewAliasPattern(roles, pattern)), [roles, which, props.customPattern]);
  const accounts = new Set(roles.map((r) => r.accountId)).size;
  return (
    <div class="alias-preview">
      <h3 id="alias-preview-title">{t('previewTitle')}</h3>
      {!roles.length ? (
        <p class="hint">{t('previewNone')}</p>
      ) : (
        <>
          <p class="hint">{t('previewHint', String(roles.length))}</p>
          <div class="row" role="radiogroup" aria-label={t('previewRule')}>
            <span aria-hidden="true">{t('previewRule')}</span>
            <label class="check">
              <input type="radio" name="preview-rule" checked={which === 'preset'} onChange={() => setWhich('preset')} />
              {t('previewOkta')}
            </label>
            <label class="check">
              <input type="radio" name="preview-rule" checked={which === 'custom'} onChange={() => setWhich('custom')} />
              {t('previewCustom')}
            </label>
          </div>
          {preview && !preview.ok && (
            <p class="error" role="status">
              {tMessage(preview.error)}
            </p>
          )}
          {preview?.ok && (
            <>
              <p class="hint" role="status">
                {t('previewSummary', String(Object.keys(preview.names).length), String(accounts))}
              </p>
              {preview.gaveUp && (
                <p class="error" role="status">
                  {t('aliasGaveUp', String(preview.read), String(roles.length))}
                </p>
              )}
              <table class="names" aria-labelledby="alias-preview-title">
                <thead>
                  <tr>
                    <th scope="col">{t('accountIdLabel')}</th>
                    <th scope="col">{t('previewRoleHeader')}</th>
                    <th scope="col">{t('previewNameHeader')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={`${row.accountId} ${row.roleName}`}>
                      <td class="code">{row.accountId}</td>
                      <td class="code">{row.roleName}</td>
                      <td>{row.alias ?? <span class="hint">{t('previewNoName')}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </div>
  );
}
