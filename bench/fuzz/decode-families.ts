// Input families for parseSamlResponse: valid assertions, mutations of valid ones, noise, DTDs and
// oversized input (see ../fuzz-arbitraries.ts).
import fc from 'fast-check';
import { MAX_SAML_RESPONSE_BYTES } from '../../src/core/saml/parse';
import { makeRoles, wrapBase64 } from '../../test/fixtures/assertion-builder';
import type { AssertionOptions, RolePair } from '../../test/fixtures/assertion-builder';
import { base64OfBytes, base64OfText, decodeChecked, encoder, family, pinnedXml } from './contract';
import type { ValueOf } from './contract';

export const partitionId = fc.constantFrom('aws', 'aws-us-gov', 'aws-cn', 'aws-eusc');

export const rolePair = fc
  .record({
    partition: partitionId,
    account: fc.stringMatching(/^\d{12}$/),
    path: fc.array(fc.stringMatching(/^[\w+=,.@-]{1,12}$/), { maxLength: 3 }),
    name: fc.stringMatching(/^[\w+=,.@-]{1,64}$/),
    provider: fc.stringMatching(/^[\w.-]{1,40}$/),
  })
  .map(({ partition, account, path, name, provider }): RolePair => ({
    roleArn: `arn:${partition}:iam::${account}:role/${path.map((s) => `${s}/`).join('')}${name}`,
    principalArn: `arn:${partition}:iam::${account}:saml-provider/${provider}`,
  }));

const prefixes = fc.constantFrom<AssertionOptions['prefix']>(
  'default',
  { protocol: 'saml2p', assertion: 'saml2' },
  { protocol: 'samlp', assertion: 'saml' },
  { protocol: '', assertion: 'a' },
);

const validAssertion = fc.record({
  roles: fc.uniqueArray(rolePair, { maxLength: 8, selector: (r) => r.roleArn }),
  providerFirst: fc.boolean(),
  xsiType: fc.boolean(),
  prefix: prefixes,
  wrapLines: fc.boolean(),
  sessionDuration: fc.option(fc.integer({ min: 900, max: 43_200 }), { nil: null }),
  roleSessionName: fc.option(fc.stringMatching(/^[\w+=,.@-]{2,64}$/), { nil: null }),
});

/** Well-formed assertions of every shape the IdPs send: must decode to exactly their roles. */
export const validFamily = family({
  name: 'valid assertion',
  target: 'parseSamlResponse',
  weight: 0.14,
  sliceRuns: 100,
  arbitrary: validAssertion,
  run({ wrapLines, ...options }) {
    const base64 = base64OfText(pinnedXml(options));
    return decodeChecked(wrapLines ? wrapBase64(base64) : base64, { roles: options.roles });
  },
});

/** Small valid assertions of varied shapes, the starting points of the mutation families. */
const CORPUS: readonly Uint8Array[] = [
  pinnedXml(),
  pinnedXml({ roles: makeRoles(12, { accounts: 3 }), providerFirst: false, prefix: 'default' }),
  pinnedXml({ encrypted: true }),
  pinnedXml({ status: 'urn:oasis:names:tc:SAML:2.0:status:Responder', xsiType: false }),
  pinnedXml({ roles: makeRoles(4, { partition: 'aws-us-gov' }), prefix: { protocol: 'samlp', assertion: 'saml' } }),
].map((xml) => encoder.encode(xml));

const XML_TOKENS = [
  '<', '>', '/>', '</', '=', '"', "'", ' ', '\n', '\r\n', '\t', '&', '&amp;', '&#x41;', '&#0;', '&#xD800;', '&bogus;',
  ']]>', '<![CDATA[', '<!--', '-->', '<?xml version="1.0"?>', '<?pi x?>', 'saml2p:Response', 'samlp:Response',
  'xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol"', 'xmlns="urn:oasis:names:tc:SAML:2.0:assertion"',
  'xmlns:saml2=""', 'Assertion', 'EncryptedAssertion', 'AttributeValue', 'Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"',
  'Recipient="https://evil.example/saml"', 'NotOnOrAfter="9999-99-99T99:99:99Z"', 'arn:aws:iam::111122223333:role/Admin', ',',
  'arn:aws:iam::111122223333:saml-provider/Okta', 'arn:aws-cn:iam::111122223333:saml-provider/Okta', 'ü', '\u{1F600}', '\u0000', '\uFEFF',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...XML_TOKENS) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), times: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
);
type Mutation = ValueOf<typeof mutation>;

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

export function mutate(original: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = original;
  for (const m of mutations) {
    const at = m.at % (bytes.length + 1);
    switch (m.kind) {
      case 'flip':
      case 'byte':
        if (at < bytes.length) {
          bytes = bytes.slice();
          bytes[at] = m.kind === 'flip' ? (bytes[at] ?? 0) ^ (1 << m.bit) : m.value;
        }
        break;
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'cut':
        bytes = splice(bytes, at, Math.min(m.length, bytes.length - at), new Uint8Array(0));
        break;
      case 'insert':
        bytes = splice(bytes, at, 0, encoder.encode(m.text));
        break;
      case 'duplicate': {
        const piece = bytes.slice(at, at + m.length);
        const copies = new Uint8Array(piece.length * m.times);
        for (let i = 0; i < m.times; i++) copies.set(piece, i * piece.length);
        bytes = splice(bytes, at, 0, copies);
        break;
      }
    }
  }
  return bytes;
}

/** Valid assertions with a few byte-level edits, then base64 (sometimes line-wrapped). */
export const mutatedXmlFamily = family({
  name: 'mutated XML',
  target: 'parseSamlResponse',
  weight: 0.28,
  sliceRuns: 250,
  arbitrary: fc.record({
    base: fc.nat({ max: CORPUS.length - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }),
    wrap: fc.boolean(),
  }),
  run({ base, mutations, wrap }) {
    const base64 = base64OfBytes(mutate(CORPUS[base] ?? new Uint8Array(0), mutations));
    return decodeChecked(wrap ? wrapBase64(base64) : base64);
  },
});

const CORPUS_BASE64 = CORPUS.map(base64OfBytes);
const base64Edit = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('whitespace' as const), at: fc.nat(), text: fc.constantFrom(' ', '\t', '\n', '\r\n', '\f', '\v', '\u00a0') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('padding' as const), at: fc.nat(), text: fc.constantFrom('=', '==', '===', 'A=', '=A') }),
  fc.record({ kind: fc.constant('url-safe' as const), at: fc.constant(0) }),
);

/** Edits on the base64 text itself: bad characters, odd whitespace, broken padding, URL-safe alphabet. */
export const mutatedBase64Family = family({
  name: 'mutated base64',
  target: 'parseSamlResponse',
  weight: 0.1,
  sliceRuns: 100,
  arbitrary: fc.record({ base: fc.nat({ max: CORPUS_BASE64.length - 1 }), edits: fc.array(base64Edit, { minLength: 1, maxLength: 4 }) }),
  run({ base, edits }) {
    let text = CORPUS_BASE64[base] ?? '';
    for (const edit of edits) {
      const at = edit.at % (text.length + 1);
      if (edit.kind === 'replace') text = text.slice(0, at) + edit.text + text.slice(at + edit.text.length);
      else if (edit.kind === 'whitespace' || edit.kind === 'padding') text = text.slice(0, at) + edit.text + text.slice(at);
      else if (edit.kind === 'delete') text = text.slice(0, at) + text.slice(at + edit.length);
      else text = text.replace(/\+/g, '-').replace(/\//g, '_');
    }
    return decodeChecked(text);
  },
});

/** XML-looking token soup, base64-encoded: exercises the parser's error paths. */
export const tokenSoupFamily = family({
  name: 'token soup',
  target: 'parseSamlResponse',
  weight: 0.1,
  sliceRuns: 100,
  arbitrary: fc.array(fc.constantFrom(...XML_TOKENS), { maxLength: 120 }),
  run(tokens) {
    return decodeChecked(base64OfText(tokens.join('')));
  },
});

/** Whatever a hostile page could put in the field: random text, random bytes as base64. */
export const randomFamily = family({
  name: 'random input',
  target: 'parseSamlResponse',
  weight: 0.1,
  sliceRuns: 100,
  arbitrary: fc.record({
    kind: fc.constantFrom('text' as const, 'bytes' as const),
    text: fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-ascii', maxLength: 300 })),
    bytes: fc.uint8Array({ maxLength: 600 }),
  }),
  run({ kind, text, bytes }) {
    return decodeChecked(kind === 'text' ? text : base64OfBytes(bytes));
  },
});

// Every way to smuggle a document type declaration or entity in. Each must be refused.
const DTDS = [
  '<!DOCTYPE Response [<!ENTITY a "b">]>',
  '<!doctype html>',
  '<!DocType r SYSTEM "https://evil.example/r.dtd">',
  '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE r [<!ENTITY % p SYSTEM "https://evil.example/p.dtd"> %p;]>',
  `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`,
  '<!ENTITY e "x">',
  '<!DOCTYPE\n\tr\n[\n<!ENTITY\ta\t"b">\n]>',
  '<!-- <!DOCTYPE r> -->',
  '<![CDATA[<!ENTITY c "d">]]>',
];
const dtdInput = fc.record({
  base: fc.nat({ max: CORPUS.length - 1 }),
  dtd: fc.nat({ max: DTDS.length - 1 }),
  at: fc.oneof(fc.constant('prolog' as const), fc.constant('start' as const), fc.nat()),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16le-bom', 'utf-16be-bom'),
  wrap: fc.boolean(),
});

function encodeAs(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-8') return encoder.encode(text);
  if (encoding === 'utf-8-bom') return encoder.encode(`\uFEFF${text}`);
  const bom = encoding.endsWith('-bom');
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  if (encoding.startsWith('utf-16be')) le.swap16();
  return new Uint8Array(le.buffer, le.byteOffset, le.byteLength);
}

/** A DTD or ENTITY declaration anywhere, in any case, in UTF-8 or UTF-16: always refused, fast. */
export const dtdFamily = family({
  name: 'DTD / entity',
  target: 'parseSamlResponse',
  weight: 0.08,
  sliceRuns: 100,
  arbitrary: dtdInput,
  run({ base, dtd, at, encoding, wrap }) {
    const xml = new TextDecoder().decode(CORPUS[base]);
    const declaration = DTDS[dtd] ?? DTDS[0]!;
    const where = at === 'prolog' ? xml.indexOf('?>') + 2 : at === 'start' ? 0 : at % (xml.length + 1);
    const base64 = base64OfBytes(encodeAs(xml.slice(0, where) + declaration + xml.slice(where), encoding));
    // In UTF-16 the text never decodes to XML at all (refused as not-xml or not-saml); in UTF-8
    // the declaration itself is named as the reason.
    return decodeChecked(wrap ? wrapBase64(base64) : base64, {
      mustRefuse: 'dtd',
      ...(encoding.startsWith('utf-8') ? { reason: 'doctype' as const } : {}),
    });
  },
});

let bigXml: string | undefined;
let bigBase64: string | undefined;
/** A genuine assertion of 15,000 roles (about 4 MiB of XML, 5.5 MiB as base64), built once. */
function largeAssertion(): { xml: string; base64: string } {
  bigXml ??= pinnedXml({ roles: makeRoles(15_000, { accounts: 1_500 }) });
  bigBase64 ??= base64OfText(bigXml);
  return { xml: bigXml, base64: bigBase64 };
}

const largeInput = fc.record({
  kind: fc.constantFrom('base64', 'wrapped', 'raw-xml', 'garbage', 'padded', 'huge'),
  // How far over the cap the significant (non-whitespace) characters go.
  over: fc.integer({ min: 1, max: MAX_SAML_RESPONSE_BYTES }),
  offset: fc.nat({ max: 4095 }),
  unit: fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }),
});

/**
 * Input over the 2 MiB cap: more than 2 MiB of significant characters (the decoder counts the
 * base64 without its line breaks, so an IdP that wraps lines is not penalised), or a field longer
 * than 2.5 MiB whatever it holds. Genuine base64 of a real (huge) assertion, wrapped or not, raw
 * XML, garbage, whitespace padding, and tens of MiB.
 */
export const largeFamily = family({
  name: 'over 2 MiB',
  target: 'parseSamlResponse',
  weight: 0.006,
  sliceRuns: 8,
  arbitrary: largeInput,
  run({ kind, over, offset, unit }) {
    return decodeChecked(largeInputText(kind, MAX_SAML_RESPONSE_BYTES + over, offset, unit), { mustRefuse: 'large', reason: 'too-large' });
  },
});

function largeInputText(kind: string, length: number, offset: number, unit: string): string {
  const { xml, base64: big } = largeAssertion();
  switch (kind) {
    case 'base64': {
      const start = (offset * 4) % Math.max(1, big.length - length);
      return big.slice(start, start + length);
    }
    case 'wrapped':
      return wrapBase64(big.slice(0, length), 64 + (offset % 13));
    case 'raw-xml': {
      // Whitespace does not count towards the cap: take enough XML to hold `length` significant characters.
      const cut = xml.slice(0, length);
      return xml.slice(0, length + 2 * (cut.length - cut.replace(/[\t\n\f\r ]/g, '').length));
    }
    case 'garbage': {
      // Whitespace does not count towards the cap, so the unit must hold none.
      const significant = unit.replace(/[\t\n\f\r ]/g, '') || 'x';
      return significant.repeat(Math.ceil(length / significant.length));
    }
    case 'padded':
      return `${big.slice(0, 4096)}${' '.repeat(Math.ceil(MAX_SAML_RESPONSE_BYTES * 1.25) + 1 - 4096)}${'\n'.repeat(offset)}`;
    default:
      return big.repeat(1 + (offset % 3));
  }
}
