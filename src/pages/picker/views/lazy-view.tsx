import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A view that is no part of the picker's first paint: its module loads on `preload()` (called
 * where the user's click makes it likely, so it is there by the time it shows) or, failing that,
 * when it is first rendered. Until then it renders nothing.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  const preload = (): Promise<void> =>
    loaded ? Promise.resolve() : load().then((view) => void (loaded = view), () => undefined);
  function Lazy(props: P) {
    const [View, setView] = useState(() => loaded);
    useEffect(() => {
      if (!View) void preload().then(() => setView(() => loaded));
    }, []);
    return View ? <View {...props} /> : null;
  }
  return { preload, Lazy };
}
