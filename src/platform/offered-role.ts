import { parseRoleArn } from '../core/aws/arn';
import { storageItem } from './storage-item';

/**
 * The role the user clicked in the toolbar popup before it opened the IdP app: the next picker
 * selects it once. Session storage, which web pages and content scripts cannot read or write; a
 * role ARN only, never an assertion. Fresh for as long as an IdP sign-in takes.
 */
const OFFER_MS = 120_000;
const offered = storageItem<{ roleArn: string; at: number }>('session', 'offeredRole');

export async function offerRole(roleArn: string): Promise<void> {
  await offered.set({ roleArn, at: Date.now() });
}

/** Takes the offered role: its ARN when one was offered within the last two minutes. */
export async function takeOfferedRole(): Promise<string | undefined> {
  const value = (await offered.get()) as { roleArn?: unknown; at?: unknown } | undefined;
  if (value === undefined) return undefined;
  await offered.remove();
  if (typeof value !== 'object' || value === null || typeof value.roleArn !== 'string' || typeof value.at !== 'number') return undefined;
  const age = Date.now() - value.at;
  return age >= 0 && age <= OFFER_MS && parseRoleArn(value.roleArn) ? value.roleArn : undefined;
}
