import { useState } from 'preact/hooks';
import { ALL_REGIONS } from '../../core/aws/catalog';
import { t } from '../../platform/i18n';
import type { SectionProps } from './main';
import { MoveButtons } from './move-buttons';
import { Section, useEdit } from './section';

/** The sign-in regions in the user's order of preference. */
export function RegionsSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const locked = props.isLocked('preferredRegions');
  const list = props.loaded.settings.preferredRegions;
  const [adding, setAdding] = useState('');
  return (
    <Section title={t('regionsTitle')} id="regions" locked={locked} error={error}>
      <p class="hint">
        {t('regionsHint')}
        {list.length === 0 && ` ${t('regionsAutomatic', props.defaultRegions.join(', '))}`}
      </p>
      <ol class="ordered" aria-label={t('regionsListLabel')}>
        {list.map((region, i) => (
          <li key={region}>
            <span class="code">{region}</span>
            <span class="actions-inline">
              <MoveButtons list={list} index={i} label={region} disabled={locked} onMove={(next) => void edit('preferredRegions', next)} />
              <button type="button" class="button small" disabled={locked} aria-label={t('removeRegion', region)} onClick={() => void edit('preferredRegions', list.filter((r) => r !== region))}>
                {t('remove')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div class="row">
        <label for="add-region">{t('addRegionLabel')}</label>
        <select id="add-region" value={adding} disabled={locked} onChange={(e) => setAdding((e.target as HTMLSelectElement).value)}>
          <option value="">{t('chooseOption')}</option>
          {ALL_REGIONS.filter((r) => !list.includes(r.code)).map((r) => (
            <option key={r.code} value={r.code}>
              {r.code} · {r.name}
            </option>
          ))}
        </select>
        <button type="button" class="button" disabled={locked || !adding} onClick={() => void edit('preferredRegions', [...list, adding]).then(() => setAdding(''))}>
          {t('add')}
        </button>
      </div>
    </Section>
  );
}
