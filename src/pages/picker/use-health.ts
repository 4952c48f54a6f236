import { useCallback, useEffect, useState } from 'preact/hooks';
import { readHealth, watchHealth, type HealthByRegion } from '../../platform/health-store';
import { sendToWorker } from '../../platform/messaging';

/**
 * Live endpoint health for the picker. The picker is usable before any probe answers: this only
 * adds information as it arrives (the worker publishes each result on its own).
 */
export function useRegionHealth(partition: string): { health: HealthByRegion; checkAgain: () => void } {
  const [health, setHealth] = useState<HealthByRegion>({});

  useEffect(() => {
    let live = true;
    const stop = watchHealth(partition, (next) => live && setHealth(next));
    readHealth(partition).then((known) => live && setHealth((now) => (Object.keys(now).length ? now : known)), () => undefined);
    void sendToWorker({ type: 'health/refresh', partition, force: false });
    return () => {
      live = false;
      stop();
    };
  }, [partition]);

  const checkAgain = useCallback(() => {
    void sendToWorker({ type: 'health/refresh', partition, force: true });
  }, [partition]);

  return { health, checkAgain };
}
