// Every string the extension shows comes from public/_locales/en/messages.json through t() (or tPlural) in
// src/platform/i18n.ts (or __MSG_…__ in manifest.json). Chrome returns "" for an unknown key and
// leaves a missing substitution empty, both silently: this test reads the sources and the messages
// file and fails on a key that is used but missing, declared but unused, undescribed, or called
// with a different number of values than its placeholders take.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, Message>;
const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');

function sourceFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    if (!/\.(ts|tsx)$/.test(entry.name)) return [];
    return [{ path: relative(ROOT, full).split(sep).join('/'), text: readFileSync(full, 'utf8') }];
  });
}
const sources = sourceFiles(join(ROOT, 'src'));

/** Number of top-level arguments from `text[start]` (just after the opening parenthesis) to its close. */
function countArguments(text: string, start: number): number {
  let depth = 0;
  let commas = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return commas + 1;
      depth--;
    } else if (c === ',' && depth === 0) commas++;
  }
  throw new Error('unclosed call');
}

/** Each `t('key', …)` in src/ with the number of substitutions it passes. */
const calls = sources.flatMap((file) =>
  [...file.text.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => ({
    key: m[1]!,
    where: `${file.path}:${file.text.slice(0, m.index).split('\n').length}`,
    substitutions: countArguments(file.text, m.index + 2) - 1,
  })),
);

/** Each key handed to tPlural(count, 'one', 'other'), which passes the count as the one substitution. */
const pluralCalls = sources.flatMap((file) =>
  [...file.text.matchAll(/\btPlural\([^,]+,\s*'([^']+)',\s*'([^']+)'/g)].flatMap((m) => [m[1]!, m[2]!]).map((key) => ({
    key,
    where: `${file.path} tPlural`,
    substitutions: 1,
  })),
);

/** The $1..$n a message takes, from its placeholders' contents. */
function substitutionCount(message: Message): number {
  return Object.values(message.placeholders ?? {}).reduce((n, p) => Math.max(n, Number(/^\$(\d)$/.exec(p.content)?.[1] ?? 0)), 0);
}

describe('messages.json', () => {
  it('finds t() calls in the sources (the scan itself works)', () => {
    expect(calls.length).toBeGreaterThan(100);
    expect(calls.some((c) => c.where.startsWith('src/pages/picker/roles/role-filter.tsx'))).toBe(true);
    expect(pluralCalls.length).toBeGreaterThan(0);
  });

  it('has every key that src/ passes to t() or tPlural()', () => {
    const missing = [...calls, ...pluralCalls].filter((c) => !(c.key in messages)).map((c) => `${c.where} ${c.key}`);
    expect(missing).toEqual([]);
  });

  it('has every key that manifest.json names as __MSG_…__', () => {
    const named = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(named).toContain('extName');
    expect(named.filter((key) => !(key in messages))).toEqual([]);
  });

  it('has no key that nothing uses', () => {
    // A key counts as used when it appears quoted in src/ (t('key'), or a key handed to a helper
    // that calls t) or as __MSG_key__ in the manifest.
    const used = (key: string) =>
      manifest.includes(`__MSG_${key}__`) || sources.some((file) => file.text.includes(`'${key}'`));
    expect(Object.keys(messages).filter((key) => !used(key))).toEqual([]);
  });

  it('describes every message for translators', () => {
    const undescribed = Object.entries(messages).filter(([, m]) => !m.message || !m.description?.trim()).map(([key]) => key);
    expect(undescribed).toEqual([]);
  });

  it('declares each $NAME$ of a message, and uses each declared placeholder', () => {
    const problems: string[] = [];
    for (const [key, m] of Object.entries(messages)) {
      const declared = Object.keys(m.placeholders ?? {}).map((name) => name.toLowerCase());
      // "$$" is a literal dollar sign; any other "$" must open a $NAME$ placeholder.
      const text = m.message.replaceAll('$$', '');
      const named = [...text.matchAll(/\$(\w+)\$/g)].map((match) => match[1]!.toLowerCase());
      for (const name of named) if (!declared.includes(name)) problems.push(`${key}: $${name.toUpperCase()}$ is not declared`);
      for (const name of declared) if (!named.includes(name)) problems.push(`${key}: placeholder ${name} is never used`);
      if (text.replace(/\$\w+\$/g, '').includes('$')) problems.push(`${key}: stray "$" (write "$$" for a dollar sign)`);
      const contents = Object.values(m.placeholders ?? {}).map((p) => p.content).sort();
      const expected = contents.map((_, i) => `$${i + 1}`);
      if (contents.join() !== expected.join()) problems.push(`${key}: placeholder contents ${contents.join()} are not $1..$${contents.length}`);
    }
    expect(problems).toEqual([]);
  });

  it('gets as many substitutions in each t() or tPlural() call as the message has placeholders', () => {
    const wrong = [...calls, ...pluralCalls]
      .filter((c) => c.key in messages && c.substitutions !== substitutionCount(messages[c.key]!))
      .map((c) => `${c.where} ${c.key}: ${c.substitutions} given, ${substitutionCount(messages[c.key]!)} expected`);
    expect(wrong).toEqual([]);
  });
});
