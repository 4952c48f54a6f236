import { useState } from 'preact/hooks';
import { parseRoleArn } from '../../core/arn';
import { ALL_REGIONS, PARTITIONS } from '../../core/endpoint-catalog';
import type { SettingsKey } from '../../core/settings';
import type { SectionProps } from './main';
import { t } from '../../platform/i18n';

export { AccountNamesSection } from './account-names-section';
export { AccountColoursSection } from './account-colours-section';
export { BackupSection } from './backup-section';


/** A settings section with its error line and the "set by your organisation" note. */
function Section(props: { title: string; id: string; locked?: boolean; error?: string | undefined; children: preact.ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.locked && <p class="locked">{t('sectionLocked')}</p>}
      {props.children}
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
    </section>
  );
}

function useEdit(props: SectionProps) {
  const [error, setError] = useState<string>();
  const edit = async (key: SettingsKey, value: unknown) => setError(await props.edit(key, value));
  return { error, edit };
}

/** Move an item of a list up or down by one: reordering that works with the keyboard and the mouse. */
function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const next = [...list];
  const target = index + delta;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

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
              <button type="button" class="button small" disabled={locked || i === 0} aria-label={t('moveUp', region)} onClick={() => void edit('preferredRegions', moved(list, i, -1))}>
                ↑
              </button>
              <button type="button" class="button small" disabled={locked || i === list.length - 1} aria-label={t('moveDown', region)} onClick={() => void edit('preferredRegions', moved(list, i, 1))}>
                ↓
              </button>
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
              <button type="button" class="button small" aria-label={t('removeAppLink', r)} onClick={() => {
                const next = { ...links };
                delete next[r];
                void edit('idpAppLinks', next);
              }}>
                {t('remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void edit('idpAppLinks', { ...links, [region]: url.trim() }).then(() => setUrl(''));
        }}
      >
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
      </form>
    </Section>
  );
}

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
          const label = role ? `${role.roleName} (${role.accountId})` : pin.roleArn;
          return (
            <li key={pin.roleArn}>
              <span>{label}</span>
              <span class="actions-inline">
                <label class="visually-hidden" for={`pin-region-${i}`}>
                  {t('pinRegionLabel', label)}
                </label>
                <select id={`pin-region-${i}`} value={pin.region ?? ''} onChange={(e) => {
                  const value = (e.target as HTMLSelectElement).value;
                  void edit('pins', pins.map((p, j) => (j === i ? (value ? { roleArn: p.roleArn, region: value } : { roleArn: p.roleArn }) : p)));
                }}>
                  <option value="">{t('defaultRegionOption')}</option>
                  {ALL_REGIONS.filter((r) => !role || PARTITIONS.find((p) => p.id === role.partition)?.regions.some((x) => x.code === r.code)).map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.code}
                    </option>
                  ))}
                </select>
                <button type="button" class="button small" disabled={i === 0} aria-label={t('moveUp', label)} onClick={() => void edit('pins', moved(pins, i, -1))}>
                  ↑
                </button>
                <button type="button" class="button small" disabled={i === pins.length - 1} aria-label={t('moveDown', label)} onClick={() => void edit('pins', moved(pins, i, 1))}>
                  ↓
                </button>
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
            <button type="button" class="button small" aria-label={t('autoStopLabel', app)} onClick={() => {
              const next = { ...props.loaded.user.autoSignIn };
              delete next[app];
              void edit('autoSignIn', next);
            }}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}

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
