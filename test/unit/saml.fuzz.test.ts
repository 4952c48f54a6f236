// Hostile input comes straight from a web page, so the decoder's one promise is checked against
// random and mutated input: it returns a result or throws SamlResponseError, quickly, never anything else.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DOMParser } from '@xmldom/xmldom';
import { parseRoleArn, parseSamlProviderArn } from '../../src/core/aws/arn';
import { SamlResponseError, parseSamlResponse } from '../../src/core/saml/parse';
import type { SamlAssertionInfo } from '../../src/core/saml/parse';
import { buildSamlXml, toBase64 } from '../fixtures/assertion-builder';
import { renderMessage } from '../support/render-message';
import type { RolePair } from '../fixtures/assertion-builder';

const RUNS = { seed: 42, numRuns: 300 };

/** Parses and checks the contract; returns the result, or undefined when refused properly. */
// Time limits per input live in `npm run fuzz`, which reports a miss; a test must not fail on a busy machine.
function decodeSafely(input: string): SamlAssertionInfo | undefined {
  try {
    const info = parseSamlResponse(input);
    for (const role of info.roles) {
      // Whatever got through must be a well-formed pair of one partition.
      const arn = parseRoleArn(role.roleArn);
      const provider = parseSamlProviderArn(role.principalArn);
      expect(arn?.partition).toBe(role.partition);
      expect(provider?.partition).toBe(role.partition);
    }
    if (info.notOnOrAfter !== undefined) expect(new Date(info.notOnOrAfter).toISOString()).toBe(info.notOnOrAfter);
    return info;
  } catch (error) {
    if (!(error instanceof SamlResponseError)) throw error;
    expect(renderMessage(error.userMessage).length).toBeGreaterThan(20);
    return undefined;
  }
}

const binaryToBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

const VALID_XML = buildSamlXml({ notOnOrAfter: new Date('2030-01-01T00:05:00Z') });

const XML_TOKENS = [
  '<', '>', '/>', '</', '=', '"', "'", ' ', '\n', '&', '&amp;', '&#x41;', '&#0;', '&bogus;', ']]>',
  '<![CDATA[', '<!--', '-->', '<?xml version="1.0"?>', '<!DOCTYPE', '<!ENTITY', 'saml2p:Response',
  'xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol"', 'xmlns="urn:oasis:names:tc:SAML:2.0:assertion"',
  'Assertion', 'AttributeValue', 'Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"',
  'arn:aws:iam::111122223333:role/Admin', ',', 'arn:aws:iam::111122223333:saml-provider/Okta', 'ü', '\u{1F600}',
];

describe('parseSamlResponse under fuzzing', () => {
  it('survives random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        decodeSafely(s);
      }),
      RUNS,
    );
  });

  it('survives random base64 of random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        decodeSafely(binaryToBase64(bytes));
      }),
      RUNS,
    );
  });

  it('survives XML-looking token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...XML_TOKENS), { maxLength: 80 }), (tokens) => {
        decodeSafely(toBase64(tokens.join('')));
      }),
      RUNS,
    );
  });

  it('survives mutated valid assertions', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...XML_TOKENS) }),
      fc.record({ kind: fc.constant('doctype' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let bytes = new TextEncoder().encode(VALID_XML);
        for (const m of mutations) {
          const at = m.at % (bytes.length + 1);
          if (m.kind === 'flip' && at < bytes.length) {
            bytes = bytes.slice();
            bytes[at]! ^= 1 << m.bit;
          } else if (m.kind === 'truncate') {
            bytes = bytes.slice(0, at);
          } else if (m.kind === 'cut') {
            bytes = Uint8Array.of(...bytes.subarray(0, at), ...bytes.subarray(at + m.length));
          } else if (m.kind === 'insert' || m.kind === 'doctype') {
            const text = m.kind === 'insert' ? m.text : '<!DOCTYPE x [<!ENTITY a "b">]>';
            bytes = Uint8Array.of(...bytes.subarray(0, at), ...new TextEncoder().encode(text), ...bytes.subarray(at));
          }
        }
        const info = decodeSafely(binaryToBase64(bytes));
        if (mutations.some((m) => m.kind === 'doctype')) expect(info).toBeUndefined();
      }),
      { ...RUNS, numRuns: 400 },
    );
  });

  it('survives mutated base64', () => {
    const base64 = toBase64(VALID_XML);
    fc.assert(
      fc.property(fc.nat(), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 4 }), (at, text) => {
        const i = at % base64.length;
        decodeSafely(base64.slice(0, i) + text + base64.slice(i + 1));
      }),
      RUNS,
    );
  });
});

describe('parseSamlResponse on generated valid assertions', () => {
  const partition = fc.constantFrom('aws', 'aws-us-gov', 'aws-cn', 'aws-eusc');
  const iamName = fc.stringMatching(/^[\w+=,.@-]{1,64}$/);
  const rolePair = fc
    .record({
      partition,
      account: fc.stringMatching(/^\d{12}$/),
      path: fc.array(fc.stringMatching(/^[\w+=,.@-]{1,12}$/), { maxLength: 3 }),
      name: iamName,
      provider: fc.stringMatching(/^[\w.-]{1,40}$/),
    })
    .map(({ partition: p, account, path, name, provider }): RolePair => ({
      roleArn: `arn:${p}:iam::${account}:role/${path.map((s) => `${s}/`).join('')}${name}`,
      principalArn: `arn:${p}:iam::${account}:saml-provider/${provider}`,
    }));
  const prefix = fc.constantFrom(
    'default' as const,
    { protocol: 'saml2p', assertion: 'saml2' },
    { protocol: 'samlp', assertion: 'saml' },
    { protocol: '', assertion: 'a' },
  );

  it('reads back every distinct role, in order, whatever the shape', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(rolePair, { maxLength: 12, selector: (r) => r.roleArn }),
        fc.boolean(),
        fc.boolean(),
        prefix,
        fc.boolean(),
        (roles, providerFirst, xsiType, prefixes, wrapLines) => {
          const xml = buildSamlXml({ roles, providerFirst, xsiType, prefix: prefixes });
          const base64 = wrapLines ? toBase64(xml).replace(/.{1,76}/g, '$&\r\n') : toBase64(xml);
          const info = parseSamlResponse(base64);
          expect(info.roles.map((r) => [r.roleArn, r.principalArn])).toEqual(roles.map((r) => [r.roleArn, r.principalArn]));
          expect(info.warnings).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe('parseSamlResponse with an injected parser', () => {
  it('decodes through parseXml, as the picker does with the native DOMParser', () => {
    const nativeLike = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
    const info = parseSamlResponse(toBase64(VALID_XML), { parseXml: nativeLike });
    expect(info.roles.map((r) => r.roleName)).toEqual(['ReadOnly', 'Admin', 'Deploy']);
    expect(info.notOnOrAfter).toBe('2030-01-01T00:05:00.000Z');
  });
});
