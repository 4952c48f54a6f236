// The SAMLResponse form field up to the XML text: hostile input is expected (the field comes from a
// web page), so size, base64, DOCTYPE and nesting depth are checked before any XML parser sees it.
import { MAX_SAML_RESPONSE_BYTES } from './limits';
import { empty, hasDoctype, notBase64, notXml, tooDeep, tooLarge } from './saml-refusal';

const MAX_NESTING = 100;

/** The XML the form field holds; throws SamlResponseError when it cannot be one. */
export function decodeToXml(samlResponse: unknown): string {
  if (typeof samlResponse !== 'string' || samlResponse.trim() === '') throw empty();
  // Checked before decoding; the allowance for line wrapping is only counted when it matters.
  if (
    samlResponse.length > MAX_SAML_RESPONSE_BYTES &&
    (samlResponse.length > MAX_SAML_RESPONSE_BYTES * 1.25 ||
      samlResponse.replace(/[\t\n\f\r ]+/g, '').length > MAX_SAML_RESPONSE_BYTES)
  ) {
    throw tooLarge();
  }
  let binary: string;
  try {
    // atob follows the same WHATWG "forgiving base64" rules in pages, service workers and Node:
    // ASCII whitespace anywhere (IdPs that wrap lines), padding optional, nothing URL-safe.
    binary = atob(samlResponse);
  } catch {
    throw notBase64();
  }
  if (binary.length > MAX_SAML_RESPONSE_BYTES) throw tooLarge();
  if (binary.length === 0) throw empty();
  const xml = /[\x80-\xff]/.test(binary) ? decodeUtf8(binary) : binary;
  // Entities are how XML parsers get attacked (billion laughs, XXE); SAML never needs them.
  if (/<!(?:DOCTYPE|ENTITY)/i.test(xml)) throw hasDoctype();
  if (!/^\s*</.test(xml)) throw notXml();
  if (nestsDeeperThan(xml, MAX_NESTING)) throw tooDeep();
  return xml;
}

/**
 * xmldom slows down with depth (seconds for 200,000 nested elements) while a SAML response is about
 * ten levels deep, so a quick count of tags refuses such input before parsing. `<` cannot appear raw
 * in attribute values or text, only in comments, CDATA and processing instructions, which are skipped.
 */
function nestsDeeperThan(xml: string, limit: number): boolean {
  let depth = 0;
  for (let i = xml.indexOf('<'); i >= 0 && i < xml.length; i = xml.indexOf('<', i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x2f /* </ */) {
      depth--;
    } else if (next === 0x21 /* <! */ || next === 0x3f /* <? */) {
      const close =
        next === 0x3f ? '?>' : xml.startsWith('<!--', i) ? '-->' : xml.startsWith('<![CDATA[', i) ? ']]>' : '>';
      const end = xml.indexOf(close, i + 2);
      if (end < 0) return false;
      i = end;
    } else {
      const end = xml.indexOf('>', i);
      if (end < 0) return false;
      if (xml.charCodeAt(end - 1) !== 0x2f /* /> */ && ++depth > limit) return true;
      i = end;
    }
  }
  return false;
}

/** atob yields one character per byte; names with accents need the bytes read as UTF-8. */
function decodeUtf8(binary: string): string {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw notXml(cause);
  }
}
