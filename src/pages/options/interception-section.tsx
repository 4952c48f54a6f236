import { t } from '../../platform/i18n';
import type { SectionProps } from './main';
import { Section, useEdit } from './section';

/** Whether the role picker opens when the IdP signs in to AWS. */
export function InterceptionSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const locked = props.isLocked('interceptionEnabled');
  return (
    <Section title={t('interceptionTitle')} id="interception" locked={locked} error={error}>
      <label class="check">
        <input
          type="checkbox"
          checked={props.loaded.settings.interceptionEnabled}
          disabled={locked}
          onChange={(e) => void edit('interceptionEnabled', (e.target as HTMLInputElement).checked)}
        />
        {t('interceptionToggle')}
      </label>
      <p class="hint">{t('interceptionHint')}</p>
    </Section>
  );
}
