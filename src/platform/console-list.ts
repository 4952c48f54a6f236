import { storageItem } from './storage-item';

/**
 * Consoles the extension signed in through STS for the toolbar popup: role, region and
 * when each console session ends. Nothing secret: no assertion, credentials or token. In
 * `storage.session`, written by the worker only; gone when the browser closes.
 */
export interface OpenedConsole {
  readonly roleArn: string;
  readonly region: string;
  readonly openedAt: number;
  readonly endsAt: number;
}

const consoles = storageItem<OpenedConsole[]>('session', 'consoles');
const MAX = 20;

function valid(value: unknown): value is OpenedConsole {
  const c = value as Partial<OpenedConsole> | null;
  return !!c && typeof c.roleArn === 'string' && typeof c.region === 'string' && typeof c.openedAt === 'number' && typeof c.endsAt === 'number';
}

export async function readConsoles(now = Date.now()): Promise<OpenedConsole[]> {
  const stored = await consoles.get();
  return (Array.isArray(stored) ? stored.filter(valid) : []).filter((c) => c.endsAt > now);
}

export async function recordConsoles(opened: readonly OpenedConsole[]): Promise<void> {
  await consoles.set([...opened, ...(await readConsoles())].slice(0, MAX));
}
