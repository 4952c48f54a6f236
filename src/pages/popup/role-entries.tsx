import { roleLabel } from '../../core/accounts/account-label';
import type { Settings } from '../../core/settings/schema';
import { openTab } from '../../platform/extension';
import { offerRole } from '../../platform/offered-role';
import { t } from '../../platform/i18n';

const MAX_ENTRIES = 5;

interface RoleEntry {
  readonly roleArn: string;
  readonly region: string;
  readonly link: string;
}

/**
 * Pinned roles, then the most recent sign-ins, each once: every one whose region (its pin's, its
 * last sign-in's, else the region that answers) has an IdP app link known opens that link, and the
 * picker it leads to selects that role (offered-role.ts).
 */
export function roleEntries(settings: Settings, fallback: { region: string; url: string } | undefined): RoleEntry[] {
  const recent = Object.values(settings.recent).flat().sort((a, b) => b.at - a.at);
  const wanted = [...settings.pins.map((p) => ({ roleArn: p.roleArn, region: p.region })), ...recent.map((r) => ({ roleArn: r.roleArn, region: r.region }))];
  const seen = new Set<string>();
  const entries: RoleEntry[] = [];
  for (const w of wanted) {
    if (seen.has(w.roleArn)) continue;
    seen.add(w.roleArn);
    const own = w.region ? settings.idpAppLinks[w.region] : undefined;
    const entry = own && w.region ? { roleArn: w.roleArn, region: w.region, link: own } : fallback && { roleArn: w.roleArn, region: fallback.region, link: fallback.url };
    if (entry) entries.push(entry);
    if (entries.length === MAX_ENTRIES) break;
  }
  return entries;
}

/**
 * One click a role: each opens the IdP app link of its region. `shownRegion`: the region the entry
 * names (the one that answers, when its own is down: the picker fails over to it).
 */
export function RoleEntries(props: { entries: readonly RoleEntry[]; names: Readonly<Record<string, string>>; shownRegion: (region: string) => string }) {
  if (!props.entries.length) return null;
  return (
    <>
      <h2 id="popup-roles">{t('popupRolesTitle')}</h2>
      <ul class="role-entries" aria-labelledby="popup-roles">
        {props.entries.map((e) => {
          const label = roleLabel(e.roleArn, props.names);
          return (
            <li key={e.roleArn}>
              <button type="button" class="entry" onClick={() => void offerRole(e.roleArn).then(() => openTab(e.link))}>
                {t('popupRoleEntry', label.role, label.account || label.role, props.shownRegion(e.region))}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
