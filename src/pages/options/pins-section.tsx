import { parseRoleArn } from '../../core/aws/arn';
import { accountLabel } from '../../core/accounts/account-label';
import { ALL_REGIONS, regionInfo } from '../../core/aws/catalog';
import { t } from '../../platform/i18n';
import type { SectionProps } from './main';
import { MoveButtons } from './move-buttons';
import { Section, useEdit } from './section';

/** The pinned roles in the user's order, each with the region it signs in to. */
export function PinsSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const pins = props.loaded.user.pins;
  return (
    <Section title={t('pinsTitle')} id="pins" error={error}>
      <p class="hint">{t('pinsHint')}</p>
      {pins.length === 0 && <p class="hint">{t('pinsEmpty')}</p>}
      <ol class="ordered" aria-label={t('pinsListLabel')}>
        {pins.map((pin, i) => {
          const role = parseRoleArn(pin.roleArn);
          // By the account's name where one is known (else its ID as the console groups it).
          const label = role ? t('roleOfAccount', role.roleName, accountLabel(role.accountId, props.loaded.settings.accountNames)) : pin.roleArn;
          return (
            <li key={pin.roleArn}>
              <span title={pin.roleArn}>{label}</span>
              <span class="actions-inline">
                <label class="visually-hidden" for={`pin-region-${i}`}>
                  {t('pinRegionLabel', label)}
                </label>
                <select id={`pin-region-${i}`} value={pin.region ?? ''} onChange={(e) => {
                  const value = (e.target as HTMLSelectElement).value;
                  void edit('pins', pins.map((p, j) => (j === i ? (value ? { roleArn: p.roleArn, region: value } : { roleArn: p.roleArn }) : p)));
                }}>
                  <option value="">{t('defaultRegionOption')}</option>
                  {ALL_REGIONS.filter((r) => !role || regionInfo(role.partition, r.code)).map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.code}
                    </option>
                  ))}
                </select>
                <MoveButtons list={pins} index={i} label={label} onMove={(next) => void edit('pins', next)} />
                <button type="button" class="button small" aria-label={t('unpinLabel', label)} onClick={() => void edit('pins', pins.filter((p) => p.roleArn !== pin.roleArn))}>
                  {t('unpin')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
