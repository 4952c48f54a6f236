import type { SamlRole } from '../../../core/saml/decode';
import { t, tPlural } from '../../../platform/i18n';
import type { useRoleSelection } from './use-role-selection';

interface Props {
  selection: Pick<ReturnType<typeof useRoleSelection>, 'query' | 'setQuery' | 'filterRef' | 'onFilterKey' | 'matchCount'>;
  roles: readonly SamlRole[];
  /** The selected role and region are those of the last sign-in from this IdP app. */
  asLastTime: boolean;
}

/** The filter: typing anywhere lands here; arrows move the selection, Escape clears it. */
export function RoleFilter({ selection, roles, asLastTime }: Props) {
  const { query } = selection;
  const accountCount = new Set(roles.map((r) => r.accountId)).size;
  return (
    <div class="filter">
      <label for="role-filter">{t('filterRoles')}</label>
      <input
        ref={selection.filterRef}
        id="role-filter"
        type="text"
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder={t('filterPlaceholder')}
        value={query}
        onInput={(e) => selection.setQuery((e.target as HTMLInputElement).value)}
        onKeyDown={selection.onFilterKey}
        aria-controls="role-list"
        aria-describedby="role-count"
      />
      <span id="role-count" class="count">
        {!query
          ? t('rolesInAccounts', tPlural(roles.length, 'roleCountOne', 'roleCountOther'), tPlural(accountCount, 'accountCountOne', 'accountCountOther'))
          : t('matchCount', String(selection.matchCount), String(roles.length))}
      </span>
      {!query && asLastTime && <span class="hint last-time">{t('lastTimeHint')}</span>}
    </div>
  );
}
