import type { ComponentChildren } from 'preact';
import type { AccountGroup } from '../../core/role-groups';
import type { SamlRole } from '../../core/saml-decode';

interface Props {
  groups: readonly AccountGroup<SamlRole>[];
  selectedArn: string | undefined;
  onSelect: (roleArn: string) => void;
  query: string;
  radioId: (roleArn: string) => string;
}

/** Roles grouped by account; one radio group across all accounts so arrows move through all. */
export function RoleList({ groups, selectedArn, onSelect, query, radioId }: Props) {
  if (!groups.length) {
    return (
      <p id="role-list" class="empty" role="status">
        No role matches “{query}”.
      </p>
    );
  }
  return (
    <fieldset id="role-list" class="roles">
      <legend class="visually-hidden">Role</legend>
      {groups.map((group) => (
        <div class="account" role="group" aria-labelledby={`account-${group.accountId}`} key={group.accountId}>
          <h2 id={`account-${group.accountId}`} class="account-heading">
            {group.accountName ? (
              <span class="account-name">{highlight(group.accountName, query)}</span>
            ) : (
              <span class="account-label">Account</span>
            )}
            <span class="account-id">{highlight(group.accountId, query)}</span>
            <span class="account-count">
              {group.roles.length} {group.roles.length === 1 ? 'role' : 'roles'}
            </span>
          </h2>
          {group.roles.map((role) => {
            const id = radioId(role.roleArn);
            return (
              <label class={role.roleArn === selectedArn ? 'role selected' : 'role'} for={id} key={role.roleArn}>
                <input
                  type="radio"
                  id={id}
                  name="role"
                  value={role.roleArn}
                  checked={role.roleArn === selectedArn}
                  onChange={() => onSelect(role.roleArn)}
                />
                <span class="role-name">{highlight(role.roleName, query)}</span>
                {role.path !== '/' && <span class="role-path">{highlight(role.path, query)}</span>}
                <span class="visually-hidden">
                  {' '}
                  in account {group.accountName ? `${group.accountName} ` : ''}
                  {group.accountId}
                </span>
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}

/** Marks the parts of `text` that match a word of the query. */
function highlight(text: string, query: string): ComponentChildren {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return text;
  const lower = text.toLowerCase();
  const marks = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) marks.fill(true, i, i + word.length);
  }
  const parts: ComponentChildren[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marks[i] !== marks[start]) {
      const piece = text.slice(start, i);
      parts.push(marks[start] ? <mark key={start}>{piece}</mark> : piece);
      start = i;
    }
  }
  return parts;
}
