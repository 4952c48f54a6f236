import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SamlRole } from '../../../core/saml/decode';
import type { Settings } from '../../../core/settings/schema';
import { useRankedRoles } from './use-ranked-roles';
import { takeOfferedRole } from '../../../platform/offered-role';
import { withoutRegionWords } from '../../../core/regions/region-word';

/** The keys that move the selection in the role list, and by how much (±Infinity: first or last). */
const LIST_KEY_MOVES: Record<string, number | 'page-up' | 'page-down'> = {
  ArrowDown: 1,
  ArrowRight: 1,
  ArrowUp: -1,
  ArrowLeft: -1,
  Home: -Infinity,
  End: Infinity,
  PageUp: 'page-up',
  PageDown: 'page-down',
};

/** How far a key pressed on a role's radio moves the selection, when it moves it at all. */
export function listKeyMove(event: KeyboardEvent, pageRows: number): number | undefined {
  const move = LIST_KEY_MOVES[event.key];
  if (move === undefined || event.altKey || event.ctrlKey || event.metaKey) return undefined;
  return move === 'page-up' ? -pageRows : move === 'page-down' ? pageRows : move;
}

/**
 * What the user is looking for and has chosen: the query and the roles it ranks, the selected
 * role (the first one shown until the user picks), the other roles to open with it, and the keys:
 * typing anywhere goes to the filter, arrows in the filter move the selection, Escape clears the
 * query, Shift+Enter adds the selected role to those opened together. `openMany` false (STS may
 * not be used): no roles open together, and Shift+Enter does nothing rather than sign in.
 */
export function useRoleSelection(roles: readonly SamlRole[], accountNames: Readonly<Record<string, string>>, settings: Settings, appKey: string, openMany = true) {
  const [query, setQuery] = useState('');
  const [selectedArn, setSelectedArn] = useState<string>();
  // Several roles at once: each in its own tab, through STS + federation.
  const [alsoOpen, setAlsoOpen] = useState<ReadonlySet<string>>(new Set());
  const filterRef = useRef<HTMLInputElement>(null);
  // "@euw1" names a region (regions/use-region-word.ts): the roles are filtered by the other words.
  const roleQuery = useMemo(() => withoutRegionWords(query), [query]);
  const ranked = useRankedRoles(roles, accountNames, roleQuery, settings, appKey);
  const { visible } = ranked;
  const selected: SamlRole | undefined = visible.find((r) => r.roleArn === selectedArn) ?? visible[0];

  // A role clicked in the toolbar popup before it opened the IdP app: selected once, if this assertion has it.
  const offerRead = useRef(false);
  useEffect(() => {
    if (offerRead.current || !roles.length) return;
    offerRead.current = true;
    void takeOfferedRole().then((arn) => arn && roles.some((r) => r.roleArn === arn) && setSelectedArn((now) => now ?? arn), () => undefined);
  }, [roles]);

  // Typing anywhere goes to the filter: the keyboard never has to find it first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text')) return;
      if (target?.tagName === 'SELECT' || event.key === ' ') return;
      filterRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const move = (delta: number) => {
    if (!visible.length) return;
    const index = selected ? visible.indexOf(selected) : -1;
    // The role list scrolls the newly selected row into view (rendering it first when windowed).
    const next = visible[Math.min(visible.length - 1, Math.max(0, index + delta))];
    if (next) setSelectedArn(next.roleArn);
  };

  const onFilterKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const toggleAlsoOpen = (role: SamlRole) =>
    setAlsoOpen((now) => {
      const next = new Set(now);
      if (next.has(role.roleArn)) next.delete(role.roleArn);
      else next.add(role.roleArn);
      // The selected role is always one of them; a set of one is no set.
      if (selected) next.delete(selected.roleArn);
      return next;
    });

  // Space in the list: this role in or out of those opened together (the selected one included).
  const tick = (role: SamlRole) =>
    setAlsoOpen((now) => {
      const next = new Set(now);
      if (next.has(role.roleArn)) next.delete(role.roleArn);
      else next.add(role.roleArn);
      return next;
    });

  // Shift+Enter adds the selected role to those opened together (and the next one is chosen).
  const onFormKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !event.shiftKey || !selected) return;
    event.preventDefault();
    if (!openMany) return;
    setAlsoOpen((now) => new Set([...now, selected.roleArn]));
    move(1);
  };

  /** The roles to open together, the selected one first; empty unless there are several. */
  const manyRoles = openMany && selected && alsoOpen.size > 0 ? [selected.roleArn, ...[...alsoOpen].filter((arn) => arn !== selected.roleArn)] : [];

  return { ...ranked, query, roleQuery, setQuery, selected, setSelectedArn, move, alsoOpen, toggleAlsoOpen: openMany ? toggleAlsoOpen : undefined, tick: openMany ? tick : undefined, manyRoles, filterRef, onFilterKey, onFormKey };
}
