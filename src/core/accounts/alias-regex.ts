// Checking a user-supplied account-alias pattern before it ever runs (settings, imported files,
// policy): the pattern meets up to a thousand role names per sign-in, in the page that shows them.
import { ambiguousRepetition } from './alias-regex-overlap';
import { message, type UserMessage } from '../words/user-message';

export const MAX_ALIAS_REGEX_LENGTH = 200;
/** Each variable quantifier multiplies backtracking by up to the input length (64). */
const MAX_VARIABLE_QUANTIFIERS = 4;

export type AliasRegexCheck = { ok: true; regex: RegExp } | { ok: false; error: UserMessage };

/**
 * Checks a user-supplied regex before it is ever run: length cap, it must compile, it must have an
 * `(?<alias>…)` group, and no construct known to backtrack catastrophically (nested or alternated
 * quantified groups, backreferences, more than a few variable quantifiers, two repetitions that can
 * share the same characters: see alias-regex-overlap.ts). A heuristic: JavaScript cannot interrupt a
 * running regex, so anything doubtful is refused; deriving names also stops at a time budget.
 */
export function validateAliasRegex(source: string): AliasRegexCheck {
  if (source.length === 0) return { ok: false, error: message('patternEmpty') };
  if (source.length > MAX_ALIAS_REGEX_LENGTH) {
    return { ok: false, error: message('patternTooLong', { length: source.length, max: MAX_ALIAS_REGEX_LENGTH }) };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (error) {
    return { ok: false, error: message('patternInvalid', { error: (error as Error).message }) };
  }
  if (!/\(\?<alias>/.test(source)) {
    return { ok: false, error: message('patternNoGroup') };
  }
  const risk = backtrackingRisk(source) ?? ambiguousRepetition(source);
  if (risk) return { ok: false, error: risk };
  return { ok: true, regex };
}

interface GroupFrame {
  variable: boolean;
  alternation: boolean;
}

function backtrackingRisk(source: string): UserMessage | undefined {
  const stack: GroupFrame[] = [{ variable: false, alternation: false }];
  let variableQuantifiers = 0;
  let closedGroup: GroupFrame | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const top = stack[stack.length - 1]!;
    const group = closedGroup;
    closedGroup = undefined;
    const braces = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i)) : null;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return message('patternBackreference');
      i++;
    } else if (c === '[') {
      // Skip the class; `]` right after `[` or `[^` is a literal.
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j++;
      i = j;
    } else if (c === '(') {
      stack.push({ variable: false, alternation: false });
      // (?: (?= (?! (?<= (?<! (?<name>: skip the syntax so its `?` is not read as a quantifier.
      const syntax = /^\?(?:<[A-Za-z_$][\w$]*>|<=|<!|[:=!])/.exec(source.slice(i + 1));
      if (syntax) i += syntax[0].length;
    } else if (c === ')') {
      if (stack.length > 1) {
        closedGroup = stack.pop()!;
        const parent = stack[stack.length - 1]!;
        parent.variable ||= closedGroup.variable;
      }
    } else if (c === '|') {
      top.alternation = true;
    } else if (c === '*' || c === '+' || c === '?' || braces) {
      const min = braces ? Number(braces[1]) : c === '+' ? 1 : 0;
      const max = braces ? (braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity) : c === '?' ? 1 : Infinity;
      if (braces) i += braces[0].length - 1;
      if (source[i + 1] === '?') i++; // lazy
      // An optional group runs at most once; any other repetition of a group that can match in
      // several ways multiplies those ways with every repetition.
      if (group && max > 1 && (group.variable || group.alternation)) return message('patternNested');
      if (min !== max) {
        top.variable = true;
        variableQuantifiers++;
      }
    }
  }
  if (variableQuantifiers > MAX_VARIABLE_QUANTIFIERS) {
    return message('patternTooManyRepetitions', { count: variableQuantifiers, max: MAX_VARIABLE_QUANTIFIERS });
  }
  return undefined;
}
