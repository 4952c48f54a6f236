import { useState } from 'preact/hooks';
import { ALL_REGIONS } from '../../core/aws/catalog';
import { t } from '../../platform/i18n';
import type { SectionProps } from './main';
import { RowForm, Section, useEdit, withoutKey } from './section';

/** Per region, the IdP app tile whose assertion is addressed to that region's sign-in endpoint. */
export function IdpLinksSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const locked = props.isLocked('idpAppLinks');
  const links = props.loaded.user.idpAppLinks;
  const managed = props.loaded.settings.idpAppLinks;
  const [region, setRegion] = useState('');
  const [url, setUrl] = useState('');
  return (
    <Section title={t('idpLinksTitle')} id="idp-links" error={error}>
      <p class="hint">
        {t('idpLinksHint')}
      </p>
      <ul class="plain">
        {Object.entries(managed).map(([r, link]) => (
          <li key={r}>
            <span class="code">{r}</span> <a href={link}>{link}</a>
            {locked && !(r in links) ? (
              <span class="locked">{` ${t('idpLinkLocked')}`}</span>
            ) : (
              <button type="button" class="button small" aria-label={t('removeAppLink', r)} onClick={() => void edit('idpAppLinks', withoutKey(links, r))}>
                {t('remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <RowForm onSubmit={() => void edit('idpAppLinks', { ...links, [region]: url.trim() }).then(() => setUrl(''))}>
        <label for="link-region">{t('regionLabel')}</label>
        <select id="link-region" value={region} onChange={(e) => setRegion((e.target as HTMLSelectElement).value)}>
          <option value="">{t('chooseOption')}</option>
          {ALL_REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.code}
            </option>
          ))}
        </select>
        <label for="link-url">{t('appLinkLabel')}</label>
        <input id="link-url" type="url" placeholder={t('appLinkPlaceholder')} value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
        <button type="submit" class="button" disabled={!region || !url.trim()}>
          {t('addLink')}
        </button>
      </RowForm>
    </Section>
  );
}
