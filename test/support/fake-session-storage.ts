import { vi } from 'vitest';

/**
 * `chrome.storage.session` kept in memory, as the extension's own code calls it (get/set/remove
 * by key; change listeners accepted and never called), for unit tests of platform and worker
 * code. `stored` is what it holds; `writes` lists each key set, in order. Undo with
 * `vi.unstubAllGlobals()`.
 */
export function stubSessionStorage(): { readonly stored: Record<string, unknown>; readonly writes: string[] } {
  const stored: Record<string, unknown> = {};
  const writes: string[] = [];
  vi.stubGlobal('chrome', {
    storage: {
      session: {
        get: async (key: string) => (Object.hasOwn(stored, key) ? { [key]: structuredClone(stored[key]) } : {}),
        set: async (values: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(values)) {
            stored[key] = structuredClone(value);
            writes.push(key);
          }
        },
        remove: async (key: string) => void delete stored[key],
      },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
  });
  return { stored, writes };
}
