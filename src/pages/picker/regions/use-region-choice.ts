import { useMemo, useState } from 'preact/hooks';
import { localTimeZone, preferredRegionsFor } from '../../../core/regions/preferred';
import { regionOptions, rememberedRegion, resolveRegions, type AssertionAddress } from '../../../core/regions/choice';
import type { Settings } from '../../../core/settings/schema';
import { useRegionHealth } from '../../../ui/use-health';

/**
 * The regions the picker offers for the assertion, their health as probes answer, and the region
 * it signs in to (core/regions/choice.ts decides): the user's pick, else the selected role's
 * remembered region, else the default, which follows health until the user picks.
 */
export function useRegionChoice(address: AssertionAddress, settings: Settings, appKey: string, selectedArn: string | undefined) {
  const preferred = useMemo(() => preferredRegionsFor(settings, localTimeZone()), [settings]);
  const [chosen, setChosen] = useState<string>();
  // The addressed region, then the preferred ones in the user's order, then the rest as listed.
  const regions = useMemo(() => {
    const rank = (code: string) => (code === address.endpoint.region ? -1 : preferred.includes(code) ? preferred.indexOf(code) : preferred.length);
    return regionOptions(address)
      .map((option, i) => ({ option, i }))
      .sort((a, b) => rank(a.option.code) - rank(b.option.code) || a.i - b.i)
      .map(({ option }) => option);
  }, [address, preferred]);
  const { health, stsHealth, checkAgain } = useRegionHealth(address.partition, [address.endpoint.region, ...preferred]);
  const resolved = resolveRegions({
    addressedRegion: address.endpoint.region,
    preferred,
    available: regions.map((r) => r.code),
    health,
    chosen,
    remembered: selectedArn === undefined ? undefined : rememberedRegion(settings, appKey, selectedArn),
    idpAppLinks: settings.idpAppLinks,
  });
  return { ...resolved, regions, preferred, health, stsHealth, checkAgain, setChosen };
}
