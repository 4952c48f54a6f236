import type { ComponentChildren } from 'preact';
import type { AccountColour } from '../../../core/accounts/colours';
import { own } from '../../../core/base/own';
import type { FieldMatch, MatchField } from '../../../core/roles/ranking';
import type { SamlRole } from '../../../core/saml/decode';
import { t } from '../../../platform/i18n';
import { ColourSwatch } from '../../../ui/account-colour';
import { FailoverStatus } from '../failover/failover-status';
import { groupedAccountId, shiftRanges, shownRoleName } from '../../../core/roles/shown-name';

/** What every row of the role list needs to know and can do. */
export interface RowProps {
  accountNames: Readonly<Record<string, string>>;
  /** Accounts whose name was derived from role names (not given by the user): styled apart. */
  derivedNames: ReadonlySet<string>;
  /** Accounts with a colour (set by ID or by a name rule), by account ID. */
  colours: Readonly<Record<string, AccountColour>>;
  pinned: ReadonlySet<string>;
  onTogglePin: (role: SamlRole) => void;
  /** Roles also to open, each in a tab of its own (besides the selected one). */
  alsoOpen: ReadonlySet<string>;
  /** Absent where several consoles at once cannot be opened (STS may not be used): no tick. */
  onToggleAlsoOpen: ((role: SamlRole) => void) | undefined;
  selectedArn: string | undefined;
  onSelect: (roleArn: string) => void;
  radioId: (roleArn: string) => string;
}

/** A user's own name as given; a name read from role names in italics, said so to screen readers. */
export function AccountName(props: { name: ComponentChildren; derived: boolean }) {
  if (!props.derived) return <span class="account-name">{props.name}</span>;
  return (
    <span class="account-name derived" title={t('nameFromRoleNames')}>
      {props.name}
      <span class="visually-hidden"> ({t('nameFromRoleNames')})</span>
    </span>
  );
}

export function RoleRow(props: RowProps & { role: SamlRole; matches: readonly FieldMatch[]; showAccount: boolean; position: number; setSize: number }) {
  const { role, matches, accountNames, pinned, selectedArn, radioId } = props;
  const id = radioId(role.roleArn);
  const accountName = own(accountNames, role.accountId);
  const isPinned = pinned.has(role.roleArn);
  const ranges = (field: MatchField) => matches.find((m) => m.field === field)?.ranges ?? [];
  const accountText = `${accountName ? `${accountName} ` : ''}${role.accountId}`;
  const colour = own(props.colours, role.accountId);
  // Okta's Provider-Alias- prefix goes once the alias is the account's name (the search still reads it).
  const shown = shownRoleName(role.roleName, accountName);
  return (
    <div class={role.roleArn === selectedArn ? 'role selected' : 'role'} data-arn={role.roleArn}>
      <label for={id}>
        <input
          type="radio"
          id={id}
          name="role"
          value={role.roleArn}
          checked={role.roleArn === selectedArn}
          aria-posinset={props.position}
          aria-setsize={props.setSize}
          onChange={() => props.onSelect(role.roleArn)}
        />
        {colour && <ColourSwatch colour={colour} />}
        <span class="role-name" title={shown.offset ? role.roleName : undefined}>
          {highlight(shown.text, shiftRanges(ranges('roleName'), shown.offset))}
        </span>
        {role.path !== '/' && <span class="role-path">{highlight(role.path, ranges('path'))}</span>}
        {props.showAccount ? (
          <span class="role-account">
            {accountName && <AccountName name={highlight(accountName, ranges('accountName'))} derived={props.derivedNames.has(role.accountId)} />}
            <AccountId id={role.accountId} ranges={ranges('accountId')} />
          </span>
        ) : (
          <span class="visually-hidden">{` ${t('roleInAccount', accountText)}`}</span>
        )}
      </label>
      <FailoverStatus roleArn={role.roleArn} />
      {props.onToggleAlsoOpen && (
        <input
          type="checkbox"
          class="also-open"
          checked={props.alsoOpen.has(role.roleArn) || (props.alsoOpen.size > 0 && role.roleArn === selectedArn)}
          aria-label={t('alsoOpenRole', role.roleName, accountText)}
          title={t('alsoOpenTitle')}
          tabIndex={-1}
          onChange={() => props.onToggleAlsoOpen?.(role)}
        />
      )}
      <button
        type="button"
        class={isPinned ? 'pin pinned' : 'pin'}
        aria-pressed={isPinned}
        aria-label={isPinned ? t('unpinRole', role.roleName, accountText) : t('pinRole', role.roleName, accountText)}
        title={isPinned ? t('unpin') : t('pinTitle')}
        tabIndex={-1}
        onClick={() => props.onTogglePin(role)}
      >
        {isPinned ? '★' : '☆'}
      </button>
    </div>
  );
}

/** An account ID grouped as the console writes it (1234-5678-9012), its matched digits marked. */
export function AccountId(props: { id: string; ranges?: ReadonlyArray<readonly [number, number]> }) {
  const grouped = groupedAccountId(props.id);
  // Raw digit i sits at i + floor(i / 4) once grouped.
  const at = (i: number) => (grouped === props.id ? i : i + Math.floor(i / 4));
  const ranges = (props.ranges ?? []).map(([s, e]): [number, number] => [at(s), at(e - 1) + 1]);
  return <span class="account-id">{highlight(grouped, ranges)}</span>;
}

/** Marks the given [start, end) ranges of `text`. */
function highlight(text: string, ranges: ReadonlyArray<readonly [number, number]>): ComponentChildren {
  if (!ranges.length) return text;
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
