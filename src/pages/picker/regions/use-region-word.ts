import { useMemo } from 'preact/hooks';
import { readRegionWord } from '../../../core/regions/region-word';
import type { RegionOption } from '../../../core/regions/choice';

/**
 * A region named in the role filter ("dep @euw1", core/regions/region-word.ts): `typed` chooses it
 * as the region control does, once, when a newly typed word names it; a choice made by hand after
 * that stays until the filter names another region.
 */
export function useRegionWord(query: string, regions: readonly RegionOption[], choose: (region: string) => void) {
  const codes = useMemo(() => regions.map((r) => r.code), [regions]);
  const word = useMemo(() => readRegionWord(query, codes), [query, codes]);
  const typed = (next: string) => {
    const named = readRegionWord(next, codes).region;
    if (named && named !== word.region) choose(named);
  };
  return { ...word, typed };
}
