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
  const regions = useMemo(() => regionOptions(address), [address]);
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
