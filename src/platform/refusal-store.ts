import { storageItem } from './storage-item';

/**
 * What the extension learned about IdP apps (by Issuer and partition, signin-method.ts
 * `refusalKey`): their assertions were refused by another region's SAML endpoint, so the next
 * sign-in into another region goes straight to STS. Written by the worker only; no secret in it.
 */
const refusals = storageItem<Record<string, number>>('local', 'learned:repost-refused');
const MAX_ENTRIES = 50;

export async function readRefusals(): Promise<Record<string, number>> {
  return validRefusals(await refusals.get());
}

/** Calls back with what is known whenever it changes (a refused sign-in, a failover check). */
export function watchRefusals(listener: (known: Record<string, number>) => void): () => void {
  return refusals.watch((value) => listener(validRefusals(value)));
}

function validRefusals(stored: unknown): Record<string, number> {
  if (!stored || typeof stored !== 'object') return {};
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

export async function recordRefusal(key: string, at: number): Promise<void> {
  const known = await readRefusals();
  const next = Object.entries({ ...known, [key]: at })
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_ENTRIES);
  await refusals.set(Object.fromEntries(next));
}
