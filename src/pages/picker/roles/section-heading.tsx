import type { AccountColour } from '../../../core/accounts/colours';
import type { RoleSection } from '../../../core/roles/sections';
import type { SamlRole } from '../../../core/saml/decode';
import { t, tPlural } from '../../../platform/i18n';
import { ColourSwatch } from '../../../ui/account-colour';
import { AccountId, AccountName } from './role-row';

const sectionTitle = (kind: 'pinned' | 'recent' | 'matches') =>
  kind === 'pinned' ? t('sectionPinned') : kind === 'recent' ? t('sectionRecent') : t('sectionMatches');

/** A section's heading: the account (its colour, name and ID), or Pinned, Recent, Matches; and how many roles. */
export function SectionHeading(props: {
  id: string;
  section: RoleSection<SamlRole>;
  accountName: string | undefined;
  colour: AccountColour | undefined;
  derived: boolean;
}) {
  const { section, accountName, colour } = props;
  return (
    <h2 id={props.id} class="account-heading">
      {section.kind === 'account' ? (
        <>
          {colour && <ColourSwatch colour={colour} named />}
          {accountName ? <AccountName name={accountName} derived={props.derived} /> : <span class="account-label">{t('accountLabel')}</span>}
          <AccountId id={section.accountId ?? ''} />
        </>
      ) : (
        <span class="account-label">{sectionTitle(section.kind)}</span>
      )}
      <span class="account-count">{tPlural(section.rows.length, 'roleCountOne', 'roleCountOther')}</span>
    </h2>
  );
}
