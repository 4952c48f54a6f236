import type { ContextualIdentities } from 'webextension-polyfill';
import { browser } from './browser-api';
import * as z from 'zod/mini';
import { own } from '../core/base/own';
import { t } from './i18n';

/**
 * Firefox: the container an account's consoles open in (several roles at once), named
 * after the account ("AWS <name>", the ID while no name is known).
 *
 * The container is found again by a marker we keep, not by its visible name: a container's only
 * stable handle is its `cookieStoreId`, and contextualIdentities has no field of our own, so
 * `storage.local` maps each account ID to the `cookieStoreId` made for it and the name given to it.
 * Renaming the account (in the options, or a name learned from AWS) renames the container instead
 * of making a second one; a container the user renamed in Firefox keeps the user's name; one the
 * user deleted is made again. Containers from before the marker (named "AWS <account ID>") are
 * adopted by that name. Nothing secret is kept: account IDs, container ids and names.
 */
const KEY = 'containers';
const MAX = 200;

const Known = z.record(
  z.string().check(z.regex(/^\d{12}$/)),
  z.object({ cookieStoreId: z.string().check(z.maxLength(128)), name: z.string().check(z.maxLength(128)) }),
);
type Known = z.infer<typeof Known>;

async function readKnown(): Promise<Known> {
  const parsed = Known.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : {};
}

async function remember(accountId: string, entry: Known[string]): Promise<void> {
  const known = await readKnown();
  delete known[accountId];
  // Newest last; the oldest marker goes first (its container is then adopted by name, or made again).
  const kept = [...Object.entries(known), [accountId, entry] as const].slice(-MAX);
  await browser.storage.local.set({ [KEY]: Object.fromEntries(kept) });
}

/** The visible name: "AWS <account name>", else "AWS <account ID>". */
export function containerName(account: { readonly id: string; readonly name?: string | undefined }): string {
  return t('containerName', account.name?.trim() || account.id).slice(0, 64);
}

/** The account's container (made on first use), or undefined when Firefox has containers switched off. */
export async function accountContainer(
  account: { readonly id: string; readonly name?: string | undefined },
  colour: ContextualIdentities.CreateDetailsType['color'],
  /** The colour is the account's own (set by the user): an existing container takes it too. */
  colourChosen = false,
): Promise<string | undefined> {
  const name = containerName(account);
  try {
    const marker = own(await readKnown(), account.id);
    let identity = marker && (await browser.contextualIdentities.get(marker.cookieStoreId).catch(() => undefined));
    if (identity && identity.name === marker?.name && identity.name !== name) {
      identity = await browser.contextualIdentities.update(identity.cookieStoreId, { name });
    }
    if (!identity) {
      const legacy = containerName({ id: account.id });
      identity =
        (await browser.contextualIdentities.query({ name })).at(0) ??
        (legacy !== name ? (await browser.contextualIdentities.query({ name: legacy })).at(0) : undefined);
      if (identity && identity.name !== name) identity = await browser.contextualIdentities.update(identity.cookieStoreId, { name });
    }
    identity ??= await browser.contextualIdentities.create({ name, color: colour, icon: 'briefcase' });
    if (colourChosen && identity.color !== colour) {
      identity = await browser.contextualIdentities.update(identity.cookieStoreId, { color: colour }).catch(() => identity!);
    }
    if (marker?.cookieStoreId !== identity.cookieStoreId || marker.name !== identity.name) {
      await remember(account.id, { cookieStoreId: identity.cookieStoreId, name: identity.name });
    }
    return identity.cookieStoreId;
  } catch {
    // Containers switched off (privacy.userContext.enabled): a plain tab.
    return undefined;
  }
}
