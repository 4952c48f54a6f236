import type { SectionProps } from './main';
import { t } from '../../platform/i18n';
import { Section, useEdit } from './section';
import { SettingCheckbox } from './setting-checkbox';

const CAP_HOURS = [1, 2, 4, 8, 12] as const;

/** How to sign in to a region other than the assertion's own, the automatic failover check, the STS session length, and CLI credentials. */
export function SigninMethodSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const locked = props.isLocked('signinMethod');
  const s = props.loaded.settings;
  return (
    <Section title={t('signinMethodLabel')} id="signin-method-title" locked={locked} error={error}>
      <fieldset class="choices" disabled={locked}>
        <legend class="visually-hidden">{t('signinMethodLabel')}</legend>
        {(['auto', 'repost', 'sts'] as const).map((value) => (
          <label class="check" key={value}>
            <input
              type="radio"
              name="signin-method"
              value={value}
              checked={s.signinMethod === value}
              onChange={() => void edit('signinMethod', value)}
            />
            {t(value === 'auto' ? 'signinMethodAuto' : value === 'repost' ? 'signinMethodRepost' : 'signinMethodSts')}
          </label>
        ))}
      </fieldset>
      <SettingCheckbox
        id="failover-auto"
        label={t('failoverAutoLabel')}
        hint={t('failoverAutoHint')}
        checked={s.automaticFailoverCheck}
        locked={props.isLocked('automaticFailoverCheck')}
        onChange={(checked) => void edit('automaticFailoverCheck', checked)}
      />
      <div class="row">
        <label for="session-cap">{t('sessionCapLabel')}</label>
        <select
          id="session-cap"
          value={String(props.loaded.user.sessionDurationCap)}
          aria-describedby="session-cap-hint"
          onChange={(e) => void edit('sessionDurationCap', Number((e.target as HTMLSelectElement).value))}
        >
          {CAP_HOURS.map((h) => (
            <option key={h} value={String(h * 3600)}>
              {t('hours', String(h))}
            </option>
          ))}
        </select>
      </div>
      <p class="hint" id="session-cap-hint">
        {t('sessionCapHint')}
      </p>
      <SettingCheckbox
        id="allow-cli"
        label={t('allowCliLabel')}
        checked={s.allowCliCredentials}
        locked={props.isLocked('allowCliCredentials')}
        onChange={(checked) => void edit('allowCliCredentials', checked)}
      />
      <SettingCheckbox
        id="clear-copied"
        label={t('clearCopiedLabel')}
        hint={t('clearCopiedHint')}
        checked={props.loaded.user.clearCopiedCredentials}
        onChange={(checked) => void edit('clearCopiedCredentials', checked)}
      />
    </Section>
  );
}
