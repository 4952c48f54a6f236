// Learned account names, logic half: merging and reading the stored value. Storing them is src/platform/learned-names.ts.
/**
 * Account aliases learned from AWS's own role page: read when the user asks ("Get account
 * names from AWS") or passively, when the user lands on AWS's role page. Kept with the time they
 * were read; the user's own names always win over them (resolveAccountNames).
 */
export type LearnedNames = Record<string, { readonly name: string; readonly at: number }>;

/** At most this many accounts are remembered; the least recently seen go first. */
export const MAX_LEARNED_NAMES = 5_000;
/** AWS caps an account alias at 63 characters; the role page's labels never hold more. */
export const MAX_LEARNED_NAME_LENGTH = 64;
/** A role page names at most this many accounts in one message (a guard, not a known AWS limit). */
export const MAX_NAMES_PER_PAGE = 1_000;

const ACCOUNT_ID = /^\d{12}$/;

/** What storage holds, kept entry by entry: anything else (a tampered or older value) is dropped. */
export function readLearnedStore(stored: unknown): LearnedNames {
  const out: LearnedNames = Object.create(null) as LearnedNames;
  if (!stored || typeof stored !== 'object') return out;
  for (const [id, value] of Object.entries(stored as Record<string, unknown>)) {
    const v = value as { name?: unknown; at?: unknown } | null;
    if (!ACCOUNT_ID.test(id) || !v || typeof v.name !== 'string' || typeof v.at !== 'number' || !Number.isFinite(v.at)) continue;
    const name = v.name.trim();
    if (name && name.length <= MAX_LEARNED_NAME_LENGTH) out[id] = { name, at: v.at };
  }
  return out;
}

/**
 * The store after AWS named `names` at `at`: a newer reading replaces an older one (an alias can
 * change), an older one never replaces a newer; the most recently seen `max` accounts are kept.
 */
export function mergeLearnedNames(known: Readonly<LearnedNames>, names: Readonly<Record<string, string>>, at: number, max = MAX_LEARNED_NAMES): LearnedNames {
  const next: LearnedNames = { ...known };
  for (const [id, raw] of Object.entries(names)) {
    const name = raw.trim();
    if (!ACCOUNT_ID.test(id) || !name || name.length > MAX_LEARNED_NAME_LENGTH) continue;
    const before = Object.hasOwn(known, id) ? known[id] : undefined;
    if (!before || before.at <= at) next[id] = { name, at };
  }
  const kept = Object.entries(next).sort((a, b) => b[1].at - a[1].at).slice(0, max);
  return Object.fromEntries(kept);
}

/** Learned names as the picker uses them: by account ID. */
export function learnedNameMap(known: Readonly<LearnedNames>): Record<string, string> {
  return Object.fromEntries(Object.entries(known).map(([id, v]) => [id, v.name]));
}
