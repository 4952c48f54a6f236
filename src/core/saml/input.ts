// The SAMLResponse form field up to the XML text: hostile input is expected (the field comes from a
// web page), so size, base64, DOCTYPE and nesting depth are checked before any XML parser sees it.
import { MAX_SAML_RESPONSE_BYTES } from '../base/limits';
import { empty, hasDoctype, notBase64, notXml, tooDeep, tooLarge } from './refusal';

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
 * ten levels deep, so a quick count of how deep elements go refuses such input before parsing. One pass,
 * linear in the length: comments, CDATA and processing instructions are skipped to their first end
 * marker; inside a tag a quoted attribute value is skipped (a `>` or `/>` in it ends nothing), the
 * way xmldom reads it (a quote after `=` or after an attribute name opens a value, a quote inside an
 * unquoted value ends it). A `<` ends any tag: it is never allowed inside one or inside an attribute
 * value, so every `<` the parser could take for a tag is counted, whatever the quotes say.
 */
export function nestsDeeperThan(xml: string, limit: number): boolean {
  let depth = 0;
  let i = xml.indexOf('<');
  while (i >= 0) {
    let end: number;
    if (xml.startsWith('<!--', i)) end = skipPast(xml, '-->', i + 4);
    else if (xml.startsWith('<![CDATA[', i)) end = skipPast(xml, ']]>', i + 9);
    else if (xml.startsWith('<?', i)) end = skipPast(xml, '?>', i + 2);
    else {
      const tag = scanTag(xml, i + 1);
      end = tag.end;
      if (xml.charCodeAt(i + 1) === 0x2f /* </ */) depth = Math.max(0, depth - 1);
      else if (xml.charCodeAt(i + 1) === 0x21 /* <! */) {
        // Not XML inside an element (DOCTYPE is refused earlier): the parser stops there.
      } else if (depth + 1 > limit) return true;
      else if (!tag.selfClosing) depth++;
    }
    if (end < 0) return false; // unterminated: the parser refuses it where it starts
    i = xml.indexOf('<', end);
  }
  return false;
}

function skipPast(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

/** Where the tag starting before `from` ends (after its `>`, or at a stray `<`), and whether `/>` closed it. */
function scanTag(xml: string, from: number): { end: number; selfClosing: boolean } {
  let unquoted = false; // inside a value without quotes
  let afterEquals = false;
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (c === 0x3c /* < */) return { end: j, selfClosing: false };
    if (c === 0x3e /* > */) return { end: j + 1, selfClosing: xml.charCodeAt(j - 1) === 0x2f };
    if (c === 0x22 || c === 0x27 /* " ' */) {
      if (unquoted) {
        unquoted = false;
        continue;
      }
      for (j++; j < xml.length && xml.charCodeAt(j) !== c; j++) {
        if (xml.charCodeAt(j) === 0x3c) return { end: j, selfClosing: false };
      }
      if (j >= xml.length) return { end: -1, selfClosing: false };
      afterEquals = false;
    } else if (c === 0x3d /* = */) {
      afterEquals = true;
    } else if (c <= 0x20) {
      unquoted = false;
    } else if (afterEquals) {
      afterEquals = false;
      unquoted = true;
    }
  }
  return { end: -1, selfClosing: false };
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
