// How one query word matches a role's text, and how well (the ranking, ranking.ts, adds the words'
// scores up and breaks ties). A word that equals, starts or occurs whole in one field scores in a
// higher tier than a scattered match; within a tier, matches at word starts and in a row score
// higher, and so do the fields the ranking weighs more.

/** A role's fields prepared for matching: what every keystroke needs, computed once. */
export interface MatchText {
  /** The fields, lower-cased with their offsets unchanged. */
  readonly lower: readonly string[];
  /** Lower-case fields joined by SEPARATOR, which no query character matches. */
  readonly hay: string;
  /** Where each field starts in `hay`. */
  readonly starts: readonly number[];
  /** Per position of `hay`: bonus for a match there (field start, word start, camelCase hump). */
  readonly bonus: Uint8Array;
}

/** Matched [start, end) ranges, in `hay` offsets. */
export type Ranges = Array<[number, number]>;

const SEPARATOR = '\u0000';

/** Lower case without changing offsets (a few characters, like "İ", grow when lower-cased). */
export function lowerSameLength(s: string): string {
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

/** Prepares fields (in the order they are read as one text) for `scoreWord`. */
export function matchText(fields: readonly string[]): MatchText {
  const lower = fields.map(lowerSameLength);
  const starts: number[] = [];
  const bonus = new Uint8Array(lower.reduce((n, f) => n + f.length + 1, 0));
  let at = 0;
  for (const field of fields) {
    starts.push(at);
    for (let i = 0; i < field.length; i++) bonus[at + i] = bonusOf(field, i);
    at += field.length + 1;
  }
  return { lower, hay: lower.join(SEPARATOR), starts, bonus };
}

/** The bonus from which a position starts a word (a field's start, after a separator, a camelCase hump). */
const WORD_START = 7;

const TIER = { exact: 4000, prefix: 3000, wordStart: 2000, substring: 1000, fuzzy: 0 } as const;

/**
 * Score of one word (-1: no match), `weights` giving each field's; its matched [start, end) ranges,
 * in `hay` offsets, are appended to `ranges` when given (only for the rows shown: scoring every role
 * allocates nothing).
 */
export function scoreWord(entry: MatchText, word: string, weights: readonly number[], ranges: Ranges | null): number {
  let bestScore = -1;
  let bestStart = 0;
  for (let f = 0; f < entry.lower.length; f++) {
    const field = entry.lower[f]!;
    const first = field.indexOf(word);
    if (first < 0) continue;
    const offset = entry.starts[f]!;
    // Prefer an occurrence at a word start over the first one.
    let at = first;
    while (at > 0 && entry.bonus[offset + at]! < WORD_START) at = field.indexOf(word, at + 1);
    if (at < 0) at = first;
    const tier =
      field.length === word.length ? TIER.exact : at === 0 ? TIER.prefix : entry.bonus[offset + at]! >= WORD_START ? TIER.wordStart : TIER.substring;
    const score = tier + weights[f]! + Math.max(0, 30 - (field.length - word.length));
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
 * Scattered match, where each run of matched letters starts a word. The window is the shortest one ending at the earliest end of the word as a
 * subsequence of `hay` (fzf's "v1" scan: forward, then back); inside it, a small dynamic programme
 * picks the best-scoring alignment, so "admin" highlights the humps of AuditDataMonitorInternal.
 */
function fuzzy(entry: MatchText, word: string, ranges: Ranges | null): number {
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
  // Scattered letters count only where each run of them starts a word ("prodadm": prod + Adm;
  // "admin": Audit-Data-Monitor-Internal); "dba" read out of "sandbox-Admin" is no match.
  for (let k = m - 1, p = w - 1; k >= 0; k--) {
    const q = k > 0 ? from[k * w + p]! : -1;
    if ((k === 0 || q !== p - 1) && bonus[start + p]! < WORD_START) return -1;
    p = q;
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
