import { vi } from 'vitest';

/**
 * `chrome.storage.session` kept in memory, as the extension's own code calls it (get by key, keys
 * or null; set; remove by key or keys; getBytesInUse; change listeners accepted and never called),
 * for unit tests of platform, worker and page code. `stored` is what it holds; `writes` lists each
 * key set, in order. With `quotaBytes`, a write that would take the area past it fails as Chrome's
 * does (its quota is 10 MB; the size counted here is each key plus its value as JSON) and stores
 * nothing. `tabId` is what `tabs.getCurrent` reports (a page's own tab); `i18n.getMessage` answers
 * with the key. Undo with `vi.unstubAllGlobals()`.
 */
export function stubSessionStorage(options: { readonly quotaBytes?: number; readonly tabId?: number } = {}): {
  readonly stored: Record<string, unknown>;
  readonly writes: string[];
  bytesInUse(): number;
} {
  const stored: Record<string, unknown> = {};
  const writes: string[] = [];
  const sizeOf = (values: Record<string, unknown>) => Object.entries(values).reduce((n, [key, value]) => n + key.length + JSON.stringify(value).length, 0);
  const bytesInUse = () => sizeOf(stored);
  const keysOf = (keys: string | string[] | null) => (keys === null ? Object.keys(stored) : Array.isArray(keys) ? keys : [keys]);
  vi.stubGlobal('chrome', {
    storage: {
      session: {
        QUOTA_BYTES: options.quotaBytes,
        get: async (keys: string | string[] | null) =>
          Object.fromEntries(keysOf(keys).filter((key) => Object.hasOwn(stored, key)).map((key) => [key, structuredClone(stored[key])])),
        set: async (values: Record<string, unknown>) => {
          const after = { ...stored, ...values };
          if (options.quotaBytes !== undefined && sizeOf(after) > options.quotaBytes) {
            throw new Error('Session storage quota bytes exceeded. Values were not stored.');
          }
          for (const [key, value] of Object.entries(values)) {
            stored[key] = structuredClone(value);
            writes.push(key);
          }
        },
        remove: async (keys: string | string[]) => {
          for (const key of keysOf(keys)) delete stored[key];
        },
        getBytesInUse: async () => bytesInUse(),
      },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    tabs: { getCurrent: async () => (options.tabId === undefined ? undefined : { id: options.tabId }) },
    i18n: { getMessage: (key: string) => key },
  });
  return { stored, writes, bytesInUse };
}
