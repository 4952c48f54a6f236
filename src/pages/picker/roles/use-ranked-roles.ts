import { useMemo } from 'preact/hooks';
import { buildRoleIndex, rankRoles } from '../../../core/roles/ranking';
import { layoutSections, rowsInOrder } from '../../../core/roles/sections';
import type { SamlRole } from '../../../core/saml/decode';
import type { Settings } from '../../../core/settings/schema';
import { recentRoleArns } from '../../../core/settings/schema';

/**
 * The roles as the list shows them for a query: ranked (pins, then this IdP app's recent
 * sign-ins, then matches), laid out in sections, and in keyboard order. The index is built once
 * per assertion and names; each keystroke only ranks.
 */
export function useRankedRoles(roles: readonly SamlRole[], accountNames: Readonly<Record<string, string>>, query: string, settings: Settings, appKey: string) {
  const index = useMemo(() => buildRoleIndex(roles, accountNames), [roles, accountNames]);
  const pins = useMemo(() => settings.pins.map((p) => p.roleArn), [settings.pins]);
  const recent = useMemo(() => recentRoleArns(settings, appKey), [settings, appKey]);
  const ranked = useMemo(() => rankRoles(index, query, { pins, recent }), [index, query, pins, recent]);
  const sections = useMemo(() => layoutSections(ranked, query, pins, recent), [ranked, query, pins, recent]);
  const visible = useMemo(() => rowsInOrder(sections), [sections]);
  const pinned = useMemo(() => new Set(pins), [pins]);
  return { sections, visible, matchCount: ranked.length, pinned };
}
