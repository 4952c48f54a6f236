import type { SamlRole } from '../../../core/saml/decode';
import { t, tPlural } from '../../../platform/i18n';
import type { useRoleSelection } from './use-role-selection';

interface Props {
  selection: Pick<ReturnType<typeof useRoleSelection>, 'query' | 'roleQuery' | 'setQuery' | 'filterRef' | 'onFilterKey' | 'matchCount'>;
  /** A region word typed ("@euw1"): `typed` hears every change of the text; `unknown` is one that names no region. */
  regionWord: { typed: (query: string) => void; unknown: string | undefined };
  roles: readonly SamlRole[];
  /** The selected role and region are those of the last sign-in from this IdP app. */
  asLastTime: boolean;
}

/** The filter: typing anywhere lands here; arrows move the selection, Escape clears it. */
export function RoleFilter({ selection, roles, asLastTime, regionWord }: Props) {
  const { query, roleQuery } = selection;
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
        onInput={(e) => {
          const next = (e.target as HTMLInputElement).value;
          selection.setQuery(next);
          regionWord.typed(next);
        }}
        onKeyDown={selection.onFilterKey}
        aria-controls="role-list"
        aria-describedby="role-count region-word"
      />
      <span id="role-count" class="count">
        {!roleQuery
          ? t('rolesInAccounts', tPlural(roles.length, 'roleCountOne', 'roleCountOther'), tPlural(accountCount, 'accountCountOne', 'accountCountOther'))
          : t('matchCount', String(selection.matchCount), String(roles.length))}
      </span>
      {!query && asLastTime && <span class="hint last-time">{t('lastTimeHint')}</span>}
      {/* Always there (empty), so that a screen reader hears the sentence when it comes. */}
      <span id="region-word" class="region-word" aria-live="polite">
        {regionWord.unknown && t('noRegionCalled', regionWord.unknown)}
      </span>
    </div>
  );
}
