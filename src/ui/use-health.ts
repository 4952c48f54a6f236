import { useCallback, useEffect, useState } from 'preact/hooks';
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
 * worker publishes each result on its own).
 */
export function useRegionHealth(partition: string): { health: HealthByRegion; stsHealth: HealthByRegion; checkAgain: () => void } {
  const health = useServiceHealth(partition, 'signin');
  const stsHealth = useServiceHealth(partition, 'sts');
  useEffect(() => {
    void sendToWorker({ type: 'health/refresh', partition, force: false });
  }, [partition]);

  const checkAgain = useCallback(() => {
    void sendToWorker({ type: 'health/refresh', partition, force: true });
  }, [partition]);

  return { health, stsHealth, checkAgain };
}
