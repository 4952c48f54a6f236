// Type-ahead ranking of roles. Each query word must occur, in order but not necessarily together,
// in the role's account name, account ID, path and role name read as one text ("prodadm" finds
// account "prod", role "Admin"), each run of its letters starting a word ("dba" does not read
// "sandbox-Admin" as d-b-A: a role list full of guesses hides the one role meant). A word that equals, starts or occurs whole in one field ranks
// above a scattered match; within each kind, matches at word starts and in a row score higher
// (how one word scores: query-match.ts). A role's score is the sum of its words' scores.
// Ties (and the empty query) fall back to pins, then recent sign-ins, then alphabetical order.
import { lowerSameLength, matchText, scoreWord, type MatchText, type Ranges } from './query-match';

export interface RankableRole {
  readonly roleArn: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly path: string;
}

export type MatchField = 'roleName' | 'accountName' | 'accountId' | 'path';

/** Matched characters of one field, as [start, end) UTF-16 offsets into the field's text. */
export interface FieldMatch {
  readonly field: MatchField;
  readonly ranges: ReadonlyArray<readonly [number, number]>;
}

export interface RankedRole<R> {
  readonly role: R;
  /** Empty for the empty query. Fields in the order roleName, accountName, accountId, path. */
  readonly matches: readonly FieldMatch[];
}

export interface RankContext {
  /** Only used when `rankRoles` is given roles rather than an index. */
  readonly accountNames?: Readonly<Record<string, string>>;
  /** Role ARNs in the user's pin order. */
  readonly pins?: readonly string[];
  /** Role ARNs, most recent first. */
  readonly recent?: readonly string[];
}

// The fields in the order they are read as one text (the order of a role ARN: account, path, name).
const FIELDS = ['accountName', 'accountId', 'path', 'roleName'] as const satisfies readonly MatchField[];
const OUTPUT_ORDER: readonly MatchField[] = ['roleName', 'accountName', 'accountId', 'path'];
/** How much a match in each field of FIELDS weighs: role and account names more than IDs and paths. */
const FIELD_WEIGHT = [40, 20, 10, 40];

interface IndexedRole<R> extends MatchText {
  readonly role: R;
  /** The fields as given, in FIELDS order. */
  readonly text: readonly string[];
  /** Position in alphabetical order: account name (or ID), role name, path, ARN. */
  alpha: number;
}

export interface RoleIndex<R extends RankableRole> {
  readonly roles: readonly R[];
  readonly entries: readonly IndexedRole<R>[];
}

const isIndex = <R extends RankableRole>(x: readonly R[] | RoleIndex<R>): x is RoleIndex<R> => !Array.isArray(x);

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const compareText = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Precomputes what every keystroke needs; rebuild it when the roles or account names change. */
export function buildRoleIndex<R extends RankableRole>(
  roles: readonly R[],
  accountNames: Readonly<Record<string, string>> = {},
): RoleIndex<R> {
  const entries = roles.map((role): IndexedRole<R> => {
    const name = Object.hasOwn(accountNames, role.accountId) ? accountNames[role.accountId] ?? '' : '';
    const text = [name, role.accountId, role.path, role.roleName];
    return { ...matchText(text), role, text, alpha: 0 };
  });
  const sortKey = (e: IndexedRole<R>): string[] => [e.text[0] || e.text[1]!, e.text[3]!, e.text[2]!, e.role.roleArn];
  const sorted = entries.map((e, i) => ({ e, i, key: sortKey(e) }));
  sorted.sort((a, b) => {
    for (let k = 0; k < a.key.length; k++) {
      const c = compareText(a.key[k]!, b.key[k]!);
      if (c) return c;
    }
    return a.i - b.i;
  });
  sorted.forEach(({ e }, rank) => (e.alpha = rank));
  return { roles, entries };
}

/** Query words, lower-cased; an account ID typed as the console shows it (1234-5678-9012) loses its dashes. */
function queryWords(query: string): string[] {
  return lowerSameLength(query)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (/^[\d-]+$/.test(w) && /\d/.test(w) ? w.replace(/-/g, '') : w))
    .filter(Boolean);
}

// Position in FIELDS of each field of OUTPUT_ORDER.
const OUTPUT_FIELD = OUTPUT_ORDER.map((field) => (FIELDS as readonly MatchField[]).indexOf(field));

/** Splits hay ranges into per-field ranges, merged and in output order. */
function fieldMatches<R>(entry: IndexedRole<R>, hayRanges: Ranges): FieldMatch[] {
  const sorted = hayRanges.length > 1 ? [...hayRanges].sort((a, b) => a[0] - b[0]) : hayRanges;
  const perField: Array<Array<[number, number]>> = [[], [], [], []];
  for (const [start, end] of sorted) {
    let f = FIELDS.length - 1;
    while (f > 0 && entry.starts[f]! > start) f--;
    const ranges = perField[f]!;
    const last = ranges[ranges.length - 1];
    const [s, e] = [start - entry.starts[f]!, end - entry.starts[f]!];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else ranges.push([s, e]);
  }
  const out: FieldMatch[] = [];
  OUTPUT_ORDER.forEach((field, i) => {
    const ranges = perField[OUTPUT_FIELD[i]!]!;
    if (ranges.length) out.push({ field, ranges });
  });
  return out;
}

/**
 * A result whose highlight ranges are worked out when first read: the list renders a few rows of
 * thousands, so the ranking scores every role without recording where it matched.
 */
class LazyRanked<R> implements RankedRole<R> {
  readonly role: R;
  #entry: IndexedRole<R>;
  #words: readonly string[];
  #matches: FieldMatch[] | undefined;
  constructor(entry: IndexedRole<R>, words: readonly string[]) {
    this.role = entry.role;
    this.#entry = entry;
    this.#words = words;
  }
  get matches(): readonly FieldMatch[] {
    if (!this.#matches) {
      const ranges: Ranges = [];
      for (const word of this.#words) scoreWord(this.#entry, word, FIELD_WEIGHT, ranges);
      this.#matches = fieldMatches(this.#entry, ranges);
    }
    return this.#matches;
  }
}

const NO_MATCHES: readonly FieldMatch[] = Object.freeze([]);

/**
 * Roles matching `query`, best first, with the ranges to highlight. The empty query returns every
 * role: pins (in pin order), then recent ones (most recent first), then by account name (or ID)
 * and role name. Pass an index from `buildRoleIndex` to skip rebuilding it on every keystroke.
 */
export function rankRoles<R extends RankableRole>(
  roles: readonly R[] | RoleIndex<R>,
  query: string,
  context: RankContext = {},
): RankedRole<R>[] {
  const index = isIndex(roles) ? roles : buildRoleIndex(roles, context.accountNames);
  const preference = new Map<string, number>();
  const pins = context.pins ?? [];
  pins.forEach((arn, i) => preference.has(arn) || preference.set(arn, i));
  (context.recent ?? []).forEach((arn, i) => preference.has(arn) || preference.set(arn, pins.length + i));
  const base = pins.length + (context.recent?.length ?? 0);
  const rank = (e: IndexedRole<R>): number => preference.get(e.role.roleArn) ?? base + e.alpha;

  const words = queryWords(query);
  const { entries } = index;
  // Sorted as indices into typed arrays: no object per role on a keystroke.
  const order = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i++) order[i] = rank(entries[i]!);
  if (words.length === 0) {
    const all = Array.from(entries.keys()).sort((a, b) => order[a]! - order[b]!);
    return all.map((i) => ({ role: entries[i]!.role, matches: NO_MATCHES }));
  }
  const scores = new Float64Array(entries.length);
  const hits: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    let score = 0;
    for (const word of words) {
      const s = scoreWord(e, word, FIELD_WEIGHT, null);
      if (s < 0) {
        score = -1;
        break;
      }
      score += s;
    }
    if (score < 0) continue;
    scores[i] = score;
    hits.push(i);
  }
  hits.sort((a, b) => scores[b]! - scores[a]! || order[a]! - order[b]!);
  return hits.map((i) => new LazyRanked(entries[i]!, words));
}
