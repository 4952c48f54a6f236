import { t } from '../../platform/i18n';
import type { SectionProps } from './main';
import { Section, useEdit } from './section';

/** Theme and motion: the system's, or the user's own. */
export function AppearanceSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const s = props.loaded.user;
  return (
    <Section title={t('appearanceTitle')} id="appearance" error={error}>
      <div class="row">
        <label for="theme">{t('themeLabel')}</label>
        <select id="theme" value={s.theme} onChange={(e) => void edit('theme', (e.target as HTMLSelectElement).value)}>
          <option value="system">{t('sameAsSystem')}</option>
          <option value="light">{t('themeLight')}</option>
          <option value="dark">{t('themeDark')}</option>
        </select>
        <label for="motion">{t('motionLabel')}</label>
        <select id="motion" value={s.reducedMotion} onChange={(e) => void edit('reducedMotion', (e.target as HTMLSelectElement).value)}>
          <option value="system">{t('sameAsSystem')}</option>
          <option value="reduce">{t('motionReduce')}</option>
        </select>
      </div>
    </Section>
  );
}
