import type { ComponentType } from 'preact';
import { t } from '../../platform/i18n';
import type { MessageKey } from '../../platform/i18n';
import type { SectionProps } from './main';
import { AccountColoursSection } from './account-colours-section';
import { AccountNamesSection } from './account-names-section';
import { AppearanceSection } from './appearance-section';
import { AutoSignInSection } from './auto-sign-in-section';
import { BackupSection } from './backup-section';
import { IdpLinksSection } from './idp-links-section';
import { InterceptionSection } from './interception-section';
import { PinsSection } from './pins-section';
import { RegionsSection } from './regions-section';
import { SigninMethodSection } from './signin-method-section';

interface SectionEntry {
  /** The id of the section's heading (Section's `id`), the navigation's anchor. */
  readonly id: string;
  readonly title: MessageKey;
  readonly Component: ComponentType<SectionProps>;
}

/**
 * The settings in three groups, by when a user needs them: every day, during an outage, and
 * once (or by an admin). The navigation and the page are both drawn from this table.
 */
export const SETTINGS_GROUPS: ReadonlyArray<{ readonly id: string; readonly title: MessageKey; readonly sections: readonly SectionEntry[] }> = [
  {
    id: 'group-everyday',
    title: 'groupEveryday',
    sections: [
      { id: 'pins', title: 'pinsTitle', Component: PinsSection },
      { id: 'names', title: 'namesTitle', Component: AccountNamesSection },
      { id: 'colours', title: 'coloursTitle', Component: AccountColoursSection },
      { id: 'auto', title: 'autoTitle', Component: AutoSignInSection },
      { id: 'appearance', title: 'appearanceTitle', Component: AppearanceSection },
    ],
  },
  {
    id: 'group-outage',
    title: 'groupOutage',
    sections: [
      { id: 'regions', title: 'regionsTitle', Component: RegionsSection },
      { id: 'idp-links', title: 'idpLinksTitle', Component: IdpLinksSection },
      { id: 'signin-method-title', title: 'signinMethodLabel', Component: SigninMethodSection },
    ],
  },
  {
    id: 'group-advanced',
    title: 'groupAdvanced',
    sections: [
      { id: 'interception', title: 'interceptionTitle', Component: InterceptionSection },
      { id: 'backup', title: 'backupTitle', Component: BackupSection },
    ],
  },
];

/** Links to every group and section, beside the page on a wide window, above it on a narrow one. */
export function SettingsNav() {
  return (
    <nav class="settings-nav" aria-label={t('settingsNavLabel')}>
      <ul>
        {SETTINGS_GROUPS.map((group) => (
          <li key={group.id}>
            <a href={`#${group.id}`} class="group-link">
              {t(group.title)}
            </a>
            <ul>
              {group.sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`}>{t(s.title)}</a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Every group with its sections, each group under its own heading. */
export function SettingsGroups(props: SectionProps) {
  return (
    <>
      {SETTINGS_GROUPS.map((group) => (
        <section key={group.id} class="group" aria-labelledby={group.id}>
          <h2 id={group.id}>{t(group.title)}</h2>
          {group.sections.map(({ id, Component }) => (
            <Component key={id} {...props} />
          ))}
        </section>
      ))}
    </>
  );
}
