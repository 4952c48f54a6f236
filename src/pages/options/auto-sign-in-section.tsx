import { parseRoleArn } from '../../core/aws/arn';
import { t } from '../../platform/i18n';
import type { SectionProps } from './main';
import { Section, useEdit, withoutKey } from './section';

/** Per IdP app, the role and region it signs in to without asking. */
export function AutoSignInSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const pairs = Object.entries(props.loaded.user.autoSignIn);
  return (
    <Section title={t('autoTitle')} id="auto" error={error}>
      <p class="hint">{t('autoHint')}</p>
      {pairs.length === 0 && <p class="hint">{t('autoEmpty')}</p>}
      <ul class="plain">
        {pairs.map(([app, pair]) => (
          <li key={app}>
            <span>
              {t('autoPair', parseRoleArn(pair.roleArn)?.roleName ?? pair.roleArn, pair.region)} <span class="hint">({app})</span>
            </span>
            <button type="button" class="button small" aria-label={t('autoStopLabel', app)} onClick={() => void edit('autoSignIn', withoutKey(props.loaded.user.autoSignIn, app))}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
