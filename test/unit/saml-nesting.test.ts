// The nesting guard in front of the XML parser (saml-input.ts): xmldom takes seconds on a hundred
// thousand nested elements, so the guard must count at least every element xmldom would open, and
// exactly that many on well-formed XML (real IdP responses among them).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DOMParser } from '@xmldom/xmldom';
import { SamlResponseError, parseSamlResponse } from '../../src/core/saml/parse';
import { decodeToXml, nestsDeeperThan } from '../../src/core/saml/input';
import { buildSamlXml, escapeXml, toBase64 } from '../fixtures/assertion-builder';

/** An attribute value as XML allows it: `>`, `/>` and the other quote kind left raw. */
const attribute = (value: string, quote: string) => `${quote}${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replaceAll(quote, quote === '"' ? '&quot;' : '&apos;')}${quote}`;
import { idpFixtureNames, readIdpFixture } from '../support/mock-server';

/** How deep xmldom got, counted on the tree it built, also when it stopped at an error. */
function xmldomDepth(xml: string): number {
  let partial: Document | undefined;
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      onError: (level, _message, context) => {
        if (level === 'warning') return;
        partial = (context as unknown as { doc?: Document }).doc;
        throw new Error('stop');
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch {
    doc = partial;
  }
  let deepest = 0;
  const stack: [Node, number][] = doc ? [[doc, 0]] : [];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** The depth the guard counts: the smallest limit it lets through. */
function guardDepth(xml: string): number {
  let depth = 0;
  while (nestsDeeperThan(xml, depth)) depth++;
  return depth;
}

const refusedAsTooDeep = (xml: string) => {
  try {
    parseSamlResponse(toBase64(xml));
    return false;
  } catch (error) {
    return error instanceof SamlResponseError && error.userMessage.code === 'samlTooDeep';
  }
};

describe('the nesting guard', () => {
  it('is not fooled by a `>` or `/>` inside an attribute value, in either quotes', () => {
    expect(refusedAsTooDeep('<a b="/>">'.repeat(90_000))).toBe(true);
    expect(refusedAsTooDeep("<a b='/>'>".repeat(90_000))).toBe(true);
    expect(refusedAsTooDeep('<a b = ">" c=\'/>\'>'.repeat(200))).toBe(true);
    expect(guardDepth('<a b="/>">'.repeat(7))).toBe(7);
  });

  it('reads quotes as xmldom does: one after a name opens a value, one inside an unquoted value ends it', () => {
    expect(guardDepth('<a b"/>">'.repeat(5))).toBe(xmldomDepth('<a b"/>">'.repeat(5)));
    expect(guardDepth(`<r b=x"><a>${'<a>'.repeat(5)}"`)).toBe(xmldomDepth(`<r b=x"><a>${'<a>'.repeat(5)}"`));
    expect(guardDepth('<a b=x/><c>')).toBe(1);
  });

  it('skips comments, CDATA and processing instructions to their first end, and only that', () => {
    expect(guardDepth('<r><!-- <a> --><![CDATA[<a>]]><?p <a>?></r>')).toBe(1);
    expect(guardDepth('<r><!-- --> <a><![CDATA[]]><a><?p?><a></a></a></a></r>')).toBe(4);
    // `<!-->` does not close the comment it opens, nor `<?>` the instruction.
    expect(guardDepth('<r><!--><a>--><?><a>?></r>')).toBe(1);
  });

  it('lets no end tag take the count below zero', () => {
    expect(refusedAsTooDeep(`${'</a>'.repeat(1000)}${'<a>'.repeat(1000)}`)).toBe(true);
  });

  it('counts every element xmldom opens, whatever the markup soup', () => {
    const tags = ['<a>', '<b/>', '</a>', '<a c="/>">', "<a c='>'>", '<a c"/>">', '<a c=x">', '<a c=x/>', '<a c = "/>"/>'];
    const pieces = ['<a', '>', '/>', ' ', '=', '"', "'", 'x', '<!--', '-->', '<![CDATA[', ']]>', '<?p', '?>', '<!', '<'];
    const tokens = [...tags, ...pieces];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), (soup) => {
        const xml = soup.join('');
        const limit = 2;
        if (xmldomDepth(xml) > limit) expect(nestsDeeperThan(xml, limit)).toBe(true);
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('counts well-formed XML exactly, with any attribute values, comments and instructions', () => {
    const text = fc.string({ unit: fc.constantFrom('<', '>', '/', '"', "'", '-', '?', ']', '&', 'x', ' ') });
    const node: fc.Memo<string> = fc.memo((n) =>
      n <= 1
        ? fc.oneof(text.map(escapeXml), text.map((t) => `<!--${t.replace(/--/g, '')}-->`), text.map((t) => `<?p ${t.replace(/\?>/g, '')}?>`), text.map((t) => `<![CDATA[${t.replace(/]]>/g, '')}]]>`))
        : fc
            .tuple(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 3 }), fc.array(node(n - 1), { maxLength: 3 }))
            .map(([attributes, children]) => {
              const list = attributes.map(([value, apostrophe], k) => ` v${k}=${attribute(value, apostrophe ? "'" : '"')}`).join('');
              return children.length ? `<e${list}>${children.join('')}</e>` : `<e${list}/>`;
            }),
    );
    fc.assert(
      fc.property(node(6), (xml) => {
        expect(guardDepth(xml)).toBe(xmldomDepth(xml));
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('counts real IdP responses and the generated assertions exactly, and lets them through', () => {
    const samples = [
      ...idpFixtureNames().map((name) => decodeToXml(readIdpFixture(name).samlResponse)),
      buildSamlXml(),
      buildSamlXml({ providerFirst: true, xsiType: true, prefix: { protocol: 'samlp', assertion: 'saml' } }),
    ];
    expect(samples.length).toBeGreaterThan(10);
    for (const xml of samples) {
      expect(guardDepth(xml)).toBe(xmldomDepth(xml));
      expect(nestsDeeperThan(xml, 100)).toBe(false);
    }
  });
});
