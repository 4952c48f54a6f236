// Polynomial backtracking in an account-alias pattern: two repetitions that can take the same
// characters. When `(?<alias>.*).*.*.*!` fails on a 64-character role name, the engine tries every
// way of dividing the name between the four `.*` (tens of milliseconds per name; half a minute for
// a thousand roles). Nothing between two repetitions pins where the first one stops, so each
// further one multiplies the ways again.
//
// The rule: after a repetition (`*`, `+`, `{n,m}` with m > n and m > 1), follow the pattern onwards.
// Each part that must match narrows the characters still shared to those it can match too; optional
// parts narrow nothing. A later repetition is refused when it can take a shared character and
// either nothing required stands between the two (`.*.*`, `\w+\w*`, `[a-z]+-?[a-z]+`) or the shared
// characters are more than one (`.*[a-z].*`): then ordinary role names split in many ways. One
// required single character between them (`.*-.*`) is allowed: the splits are the few places that
// character occurs. `[^-]+-.*` shares nothing and is what such patterns should be written as.
// Characters are those IAM allows in role names, plus a few others as a margin.
import { message, type UserMessage } from '../words/user-message';

type Chars = ReadonlySet<string>;
type Item =
  | { kind: 'zero' }
  | { kind: 'atom'; source: string; chars: Chars; min: number; max: number }
  | { kind: 'group'; source: string; alternatives: Item[][]; min: number; max: number; lookaround: boolean };

const ALPHABET = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@- /:#*!?$é'];

/** The first pair of repetitions that can share characters, worded for the user; undefined when none. */
export function ambiguousRepetition(source: string): UserMessage | undefined {
  const pair = findPair(parseAlternatives(source, { at: 0 }), []);
  return pair && message('patternAmbiguous', { first: pair[0], second: pair[1] });
}

type Repetition = Extract<Item, { kind: 'atom' | 'group' }>;
const repeats = (item: Repetition) => item.max > 1 && item.max > item.min;

function findPair(alternatives: Item[][], after: Item[][]): [string, string] | undefined {
  for (const sequence of alternatives) {
    for (let i = 0; i < sequence.length; i++) {
      const item = sequence[i]!;
      if (item.kind === 'zero') continue;
      const following = [sequence.slice(i + 1), ...after];
      // What follows a lookaround's content is not reached by backtracking into it (it is atomic).
      const inner = item.kind === 'group' && findPair(item.alternatives, item.lookaround ? [] : following);
      if (inner) return inner;
      if (item.kind === 'group' && item.lookaround) continue;
      if (repeats(item)) {
        const second = sharedBy(charsOf(item), following);
        if (second) return [item.source, second];
      }
    }
  }
  return undefined;
}

interface Walk {
  shared: Chars;
  /** Something required stood between on every path so far. */
  narrowed: boolean;
  clash?: string;
}

function sharedBy(chars: Chars, following: Item[][]): string | undefined {
  let walk: Walk = { shared: chars, narrowed: false };
  for (const sequence of following) {
    walk = through(sequence, walk);
    if (walk.clash !== undefined || walk.shared.size === 0) return walk.clash;
  }
  return undefined;
}

function through(sequence: readonly Item[], start: Walk): Walk {
  let walk = start;
  for (const item of sequence) {
    if (walk.shared.size === 0 || walk.clash !== undefined) return walk;
    if (item.kind === 'zero' || (item.kind === 'group' && item.lookaround)) continue;
    if (item.kind === 'atom' || repeats(item)) {
      const chars = charsOf(item);
      const common = intersect(walk.shared, chars);
      if (repeats(item) && common.size > 0 && (!walk.narrowed || common.size > 1)) return { ...walk, clash: item.source };
      if (item.min > 0) walk = { shared: common, narrowed: true };
      continue;
    }
    // A group taken at most once: each alternative is a path, and so is leaving it out.
    const paths = item.alternatives.map((alternative) => through(alternative, walk));
    if (item.min === 0) paths.push(walk);
    const clash = paths.find((p) => p.clash !== undefined);
    if (clash) return clash;
    walk = { shared: new Set(paths.flatMap((p) => [...p.shared])), narrowed: paths.every((p) => p.narrowed) };
  }
  return walk;
}

function charsOf(item: Repetition): Chars {
  if (item.kind === 'atom') return item.chars;
  return new Set(item.alternatives.flat().flatMap((inner) => (inner.kind === 'zero' ? [] : [...charsOf(inner)])));
}

function intersect(a: Chars, b: Chars): Chars {
  return new Set([...a].filter((c) => b.has(c)));
}

/** The pattern as items; validateAliasRegex has compiled it already, so the syntax is valid. */
function parseAlternatives(source: string, pos: { at: number }): Item[][] {
  const alternatives: Item[][] = [[]];
  while (pos.at < source.length) {
    const start = pos.at;
    const c = source[pos.at]!;
    if (c === ')') break;
    pos.at++;
    if (c === '|') {
      alternatives.push([]);
      continue;
    }
    let item: Item;
    if (c === '^' || c === '$' || (c === '\\' && /[bB]/.test(source[pos.at] ?? ''))) {
      if (c === '\\') pos.at++;
      item = { kind: 'zero' };
    } else if (c === '(') {
      const syntax = /^\?(?:<[A-Za-z_$][\w$]*>|<=|<!|[:=!])/.exec(source.slice(pos.at))?.[0] ?? '';
      pos.at += syntax.length;
      const inner = parseAlternatives(source, pos);
      pos.at++; // `)`
      const lookaround = /^\?(?:<=|<!|[=!])$/.test(syntax);
      item = { kind: 'group', source: source.slice(start, pos.at), alternatives: inner, min: 1, max: 1, lookaround };
    } else {
      if (c === '[') {
        if (source[pos.at] === '^') pos.at++;
        while (pos.at < source.length && source[pos.at] !== ']') pos.at += source[pos.at] === '\\' ? 2 : 1;
        pos.at++;
      } else if (c === '\\') {
        pos.at += /^(?:x[\da-fA-F]{2}|u[\da-fA-F]{4}|c[A-Za-z]|.)/s.exec(source.slice(pos.at))?.[0].length ?? 1;
      }
      const atom = source.slice(start, pos.at);
      item = { kind: 'atom', source: atom, chars: matched(atom), min: 1, max: 1 };
    }
    const quantifier = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(source.slice(pos.at));
    if (quantifier && item.kind !== 'zero') {
      pos.at += quantifier[0].length;
      const [, symbol, low, comma, high] = quantifier;
      const min = symbol ? (symbol === '+' ? 1 : 0) : Number(low);
      const max = symbol ? (symbol === '?' ? 1 : Infinity) : !comma ? min : high ? Number(high) : Infinity;
      item = { ...item, source: source.slice(start, pos.at), min, max };
    }
    alternatives[alternatives.length - 1]!.push(item);
  }
  return alternatives;
}

function matched(atom: string): Chars {
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${atom})$`);
  } catch {
    return new Set(ALPHABET);
  }
  return new Set(ALPHABET.filter((c) => regex.test(c)));
}
