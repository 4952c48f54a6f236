import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { readHealth, watchHealth, type HealthByRegion, type HealthService } from '../platform/health-store';
import { sendToWorker } from '../platform/worker-client';

function useServiceHealth(partition: string, service: HealthService): HealthByRegion {
  const [health, setHealth] = useState<HealthByRegion>({});
  useEffect(() => {
    let live = true;
    const stop = watchHealth(partition, (next) => live && setHealth(next), service);
    readHealth(partition, service).then((known) => live && setHealth((now) => (Object.keys(now).length ? now : known)), () => undefined);
    return () => {
      live = false;
      stop();
    };
  }, [partition, service]);
  return health;
}

/**
 * Live endpoint health for the picker: the SAML sign-in endpoints and the STS endpoints. The
 * picker is usable before any probe answers: this only adds information as it arrives (the
 * worker publishes results as they come). `first`: the regions that matter most to the page,
 * probed before the others (read when the page opens and when the user asks again).
 */
export function useRegionHealth(
  partition: string,
  first: readonly string[] = [],
): { health: HealthByRegion; stsHealth: HealthByRegion; checkAgain: () => void } {
  const health = useServiceHealth(partition, 'signin');
  const stsHealth = useServiceHealth(partition, 'sts');
  const firstNow = useRef(first);
  firstNow.current = first;
  useEffect(() => {
    void sendToWorker({ type: 'health/refresh', partition, force: false, first: [...firstNow.current] });
  }, [partition]);

  const checkAgain = useCallback(() => {
    void sendToWorker({ type: 'health/refresh', partition, force: true, first: [...firstNow.current] });
  }, [partition]);

  return { health, stsHealth, checkAgain };
}
