// Type-ahead ranking of roles. Each query word must occur, in order but not necessarily together,
// in the role's account name, account ID, path and role name read as one text ("prodadm" finds
// account "prod", role "Admin"). A word that equals, starts or occurs whole in one field ranks
// above a scattered match; within each kind, matches at word starts and in a row score higher.
// Ties (and the empty query) fall back to pins, then recent sign-ins, then alphabetical order.

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
const FIELD_WEIGHT = [40, 20, 10, 40];
const SEPARATOR = '\u0000';

interface IndexedRole<R> {
  readonly role: R;
  readonly text: readonly string[];
  readonly lower: readonly string[];
  /** Lower-case fields joined by SEPARATOR, which no query character matches. */
  readonly hay: string;
  readonly starts: readonly number[];
  /** Per position of `hay`: bonus for a match there (field start, word start, camelCase hump). */
  readonly bonus: Uint8Array;
  /** Position in alphabetical order: account name (or ID), role name, path, ARN. */
  alpha: number;
}

export interface RoleIndex<R extends RankableRole> {
  readonly roles: readonly R[];
  readonly entries: readonly IndexedRole<R>[];
}

const isIndex = <R extends RankableRole>(x: readonly R[] | RoleIndex<R>): x is RoleIndex<R> => !Array.isArray(x);

/** Lower case without changing offsets (a few characters, like "İ", grow when lower-cased). */
function lowerSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

const isWordChar = (c: string): boolean => {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(c);
};
const isUpper = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : c !== c.toLowerCase() && c === c.toUpperCase();
};
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

function bonusOf(field: string, i: number): number {
  const c = field[i]!;
  if (i === 0) return 10;
  const prev = field[i - 1]!;
  if (!isWordChar(prev)) return isWordChar(c) ? 8 : 0;
  if (isUpper(c) && !isUpper(prev)) return 7;
  if (isDigit(c) !== isDigit(prev)) return 4;
  return 0;
}

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
    const lower = text.map(lowerSameLength);
    const starts: number[] = [];
    const bonus = new Uint8Array(lower.reduce((n, f) => n + f.length + 1, 0));
    let at = 0;
    for (const field of text) {
      starts.push(at);
      for (let i = 0; i < field.length; i++) bonus[at + i] = bonusOf(field, i);
      at += field.length + 1;
    }
    return { role, text, lower, hay: lower.join(SEPARATOR), starts, bonus, alpha: 0 };
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

const TIER = { exact: 4000, prefix: 3000, wordStart: 2000, substring: 1000, fuzzy: 0 } as const;

type Ranges = Array<[number, number]>;

/**
 * Score of one word (-1: no match); its matched [start, end) ranges, in `hay` offsets, are
 * appended to `ranges` when given (only for the rows shown: scoring every role allocates nothing).
 */
function scoreWord<R>(entry: IndexedRole<R>, word: string, ranges: Ranges | null): number {
  let bestScore = -1;
  let bestStart = 0;
  for (let f = 0; f < FIELDS.length; f++) {
    const field = entry.lower[f]!;
    const first = field.indexOf(word);
    if (first < 0) continue;
    const offset = entry.starts[f]!;
    // Prefer an occurrence at a word start over the first one.
    let at = first;
    while (at > 0 && entry.bonus[offset + at]! < 7) at = field.indexOf(word, at + 1);
    if (at < 0) at = first;
    const tier =
      field.length === word.length ? TIER.exact : at === 0 ? TIER.prefix : entry.bonus[offset + at]! >= 7 ? TIER.wordStart : TIER.substring;
    const score = tier + FIELD_WEIGHT[f]! + Math.max(0, 30 - (field.length - word.length));
    if (score > bestScore) [bestScore, bestStart] = [score, offset + at];
  }
  if (bestScore >= 0) {
    ranges?.push([bestStart, bestStart + word.length]);
    return bestScore;
  }
  return fuzzy(entry, word, ranges);
}

const NONE = -1e9;
// Reused between calls: ranking allocates nothing per role for the alignment.
let scratch = { best: new Float64Array(1024), from: new Int32Array(1024) };

/**
 * Scattered match. The window is the shortest one ending at the earliest end of the word as a
 * subsequence of `hay` (fzf's "v1" scan: forward, then back); inside it, a small dynamic programme
 * picks the best-scoring alignment, so "admin" highlights the humps of AuditDataMonitorInternal.
 */
function fuzzy<R>(entry: IndexedRole<R>, word: string, ranges: Ranges | null): number {
  const { hay, bonus } = entry;
  const m = word.length;
  let end = -1;
  for (let k = 0; k < m; k++) {
    end = hay.indexOf(word[k]!, end + 1);
    if (end < 0) return -1;
  }
  let start = end;
  for (let k = m - 2; k >= 0; k--) start = hay.lastIndexOf(word[k]!, start - 1);
  // best[k*w + p]: best score with word[k] at start + p; from: where word[k - 1] then was.
  const w = end - start + 1;
  if (m * w > scratch.best.length) scratch = { best: new Float64Array(m * w * 2), from: new Int32Array(m * w * 2) };
  const { best, from } = scratch;
  best.fill(NONE, 0, m * w);
  for (let p = 0; p < w; p++) if (hay[start + p] === word[0]) best[p] = 16 + bonus[start + p]!;
  for (let k = 1; k < m; k++) {
    // Max over q <= p - 2 of best[k-1][q] + q: a gap of g costs 3 + g.
    let far = NONE;
    let farAt = -1;
    for (let p = k; p < w; p++) {
      const q = p - 2;
      if (q >= 0 && best[(k - 1) * w + q]! + q > far) [far, farAt] = [best[(k - 1) * w + q]! + q, q];
      if (hay[start + p] !== word[k]) continue;
      let score = best[(k - 1) * w + p - 1]! + 6;
      let at = p - 1;
      if (farAt >= 0 && far - p - 2 > score) [score, at] = [far - p - 2, farAt];
      if (score <= NONE / 2) continue;
      best[k * w + p] = 16 + bonus[start + p]! + score;
      from[k * w + p] = at;
    }
  }
  const score = TIER.fuzzy + Math.max(0, Math.min(best[(m - 1) * w + w - 1]!, TIER.substring - 1));
  if (!ranges) return score;
  const positions: number[] = [];
  for (let k = m - 1, p = w - 1; k >= 0; k--) {
    positions.push(start + p);
    p = from[k * w + p]!;
  }
  positions.reverse();
  for (let k = 0; k < m; k++) {
    const p = positions[k]!;
    if (k > 0 && p === positions[k - 1]! + 1) ranges[ranges.length - 1]![1] = p + 1;
    else ranges.push([p, p + 1]);
  }
  return score;
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
      for (const word of this.#words) scoreWord(this.#entry, word, ranges);
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
      const s = scoreWord(e, word, null);
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
