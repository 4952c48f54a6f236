// What core says is a code and its values (src/core/words/user-message.ts); the words are in
// messages.json. These tests hold the two together: every code is a message whose placeholders
// are the code's parameters in their order, and every code renders, through the real English file
// as chrome.i18n does, to a sentence with each value in it.
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, message, messageArguments, paramNames, type MessageCode } from '../../src/core/words/user-message';
import { englishMessages, getMessage, renderMessage } from '../support/render-message';

/** The placeholder names of a message, in the order of their $1, $2… */
function placeholderOrder(key: string): string[] {
  const placeholders = englishMessages[key]?.placeholders ?? {};
  return Object.entries(placeholders)
    .sort(([, a], [, b]) => a.content.localeCompare(b.content))
    .map(([name]) => name);
}

describe('core messages', () => {
  it('lists codes (the catalog itself is read)', () => {
    expect(MESSAGE_CODES.length).toBeGreaterThan(20);
  });

  it('has a described message in messages.json for every code', () => {
    expect(MESSAGE_CODES.filter((code) => !englishMessages[code]?.description)).toEqual([]);
  });

  it("takes each code's parameters as the message's placeholders, in the same order", () => {
    const wrong = MESSAGE_CODES.filter(
      (code) => placeholderOrder(code).join() !== paramNames(code).map((name) => name.toLowerCase()).join(),
    ).map((code) => `${code}: messages.json ${placeholderOrder(code).join() || '(none)'}, core ${paramNames(code).join() || '(none)'}`);
    expect(wrong).toEqual([]);
  });

  it.each(MESSAGE_CODES)('renders %s with every value in place', (code: MessageCode) => {
    const values = Object.fromEntries(paramNames(code).map((name, i) => [name, `«${name}-${i}»`]));
    const said = (message as (c: MessageCode, p: Record<string, string>) => ReturnType<typeof message>)(code, values);
    const text = renderMessage(said);
    expect(text).toMatch(/\S/);
    for (const value of Object.values(values)) expect(text).toContain(value);
    expect(text).not.toMatch(/\$\w+\$/);
    expect(messageArguments(said, () => '')).toEqual(paramNames(code).map((name) => values[name]));
  });

  it('renders as the browser does: $$ is a dollar sign, a missing substitution is empty', () => {
    expect(getMessage('samlSkippedDuplicate', ['arn:aws:iam::123456789012:role/A'])).toBe('Skipped a duplicate of the role arn:aws:iam::123456789012:role/A.');
    expect(getMessage('samlSkippedDuplicate', [])).toBe('Skipped a duplicate of the role .');
  });
});
