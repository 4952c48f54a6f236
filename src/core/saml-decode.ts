// Reads the SAMLResponse form field an identity provider posts to AWS sign-in (REFERENCE.md §2).
// We only read it to show roles and pick an endpoint: AWS verifies the signature, we never do.
// Hostile input is expected (the field comes from a web page), so size and DOCTYPE are refused before
// any XML parser sees the text, and every failure is a SamlResponseError with a sentence to show.
import { parseRoleValue } from './arn';
import type { Partition } from './arn';
import { MAX_SAML_RESPONSE_BYTES, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from './limits';

// Applies to the form field (base64, whitespace excluded) and to the XML it decodes to.
export { MAX_SAML_RESPONSE_BYTES };

export interface SamlRole {
  roleArn: string;
  principalArn: string;
  accountId: string;
  roleName: string;
  partition: Partition;
  path: string;
}

export interface SamlAssertionInfo {
  recipient: string | undefined;
  destination: string | undefined;
  issuer: string | undefined;
  /** ISO 8601; the earliest of the subject confirmation's and the conditions' deadlines. */
  notOnOrAfter: string | undefined;
  notBefore: string | undefined;
  sessionDuration: number | undefined;
  roleSessionName: string | undefined;
  roles: SamlRole[];
  /** The IdP encrypted the assertion: nothing inside can be read, but it can still be posted. */
  encrypted: boolean;
  /**
   * The response holds more than one assertion: only the first was read, and which one AWS uses is
   * not ours to guess. The picker says so inline and never signs in without a click for it.
   */
  multipleAssertions?: true;
  warnings: string[];
}

export type SamlResponseErrorReason =
  | 'too-large' | 'not-base64' | 'not-xml' | 'doctype' | 'not-saml' | 'status' | 'empty';

export class SamlResponseError extends Error {
  override readonly name = 'SamlResponseError';
  constructor(
    readonly reason: SamlResponseErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ParseSamlOptions {
  /** The picker passes the browser's native DOMParser (much faster); the service worker has none. */
  parseXml?: (xml: string) => Document;
}

const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const STATUS_PREFIX = 'urn:oasis:names:tc:SAML:2.0:status:';
const STATUS_SUCCESS = `${STATUS_PREFIX}Success`;
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const ROLE_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/Role';
const ROLE_SESSION_NAME_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
const SESSION_DURATION_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/SessionDuration';
// AWS accepts 900–43200 seconds and 2–64 characters; outside that AWS refuses the sign-in.
const SESSION_DURATION_RANGE = [MIN_SESSION_SECONDS, MAX_SESSION_SECONDS] as const;
const ROLE_SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MAX_LISTED_WARNINGS = 20;
const MAX_NESTING = 100;
const AGAIN = 'Go back to your identity provider and click the AWS tile again.';

/**
 * The decoder with its XML parser passed in: the picker gives it the page's DOMParser and so ships
 * no XML library; `parseSamlResponse` in saml.ts gives it xmldom (worker, Node).
 */
export function decodeSamlResponse(samlResponse: string, parseXml: (xml: string) => Document): SamlAssertionInfo {
  const xml = decodeToXml(samlResponse);
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch (cause) {
    throw notWellFormed(cause);
  }
  try {
    return readResponse(doc);
  } catch (error) {
    if (error instanceof SamlResponseError) throw error;
    throw new SamlResponseError(
      'not-saml',
      `This sign-in data could not be read as a SAML response. ${AGAIN}`,
      { cause: error },
    );
  }
}

function decodeToXml(samlResponse: unknown): string {
  if (typeof samlResponse !== 'string' || samlResponse.trim() === '') {
    throw new SamlResponseError('empty', `No sign-in data arrived from your identity provider. ${AGAIN}`);
  }
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
    throw new SamlResponseError(
      'not-base64',
      `This sign-in data is not valid base64, so it is not a SAML response. ${AGAIN}`,
    );
  }
  if (binary.length > MAX_SAML_RESPONSE_BYTES) throw tooLarge();
  if (binary.length === 0) {
    throw new SamlResponseError('empty', `No sign-in data arrived from your identity provider. ${AGAIN}`);
  }
  const xml = /[\x80-\xff]/.test(binary) ? decodeUtf8(binary) : binary;
  // Entities are how XML parsers get attacked (billion laughs, XXE); SAML never needs them.
  if (/<!(?:DOCTYPE|ENTITY)/i.test(xml)) {
    throw new SamlResponseError(
      'doctype',
      'This sign-in data contains a DOCTYPE or ENTITY declaration, which a SAML response never has and which ' +
        'can be used to attack XML parsers, so it was refused. Tell your identity provider administrator.',
    );
  }
  if (!/^\s*</.test(xml)) throw notXml();
  if (nestsDeeperThan(xml, MAX_NESTING)) {
    throw new SamlResponseError(
      'not-saml',
      `This sign-in data nests XML elements far deeper than a SAML response does, so it was not read. ${AGAIN}`,
    );
  }
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

function readResponse(doc: Document): SamlAssertionInfo {
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== PROTOCOL_NS || root.localName !== 'Response') {
    // Browsers do not throw on bad XML; they return a document holding a <parsererror>.
    if (!root || doc.getElementsByTagName('parsererror').length > 0) throw notWellFormed();
    throw notSaml(root);
  }
  if (firstChild(root, null, 'parsererror')) throw notWellFormed();
  checkStatus(root);

  const warnings: string[] = [];
  const destination = attribute(root, 'Destination');
  const responseIssuer = firstChild(root, ASSERTION_NS, 'Issuer');
  const assertions = children(root, ASSERTION_NS, 'Assertion');
  const assertion = assertions[0];
  const encrypted = !assertion && firstChild(root, ASSERTION_NS, 'EncryptedAssertion') !== undefined;
  const info: SamlAssertionInfo = {
    recipient: destination,
    destination,
    issuer: text(responseIssuer),
    notOnOrAfter: undefined,
    notBefore: undefined,
    sessionDuration: undefined,
    roleSessionName: undefined,
    roles: [],
    encrypted,
    warnings,
  };
  if (!assertion) {
    if (!encrypted) warnings.push('The SAML response holds no assertion, so it has no roles to offer.');
    return info;
  }
  if (assertions.length > 1) {
    warnings.push('The SAML response holds several assertions; only the first was read.');
    info.multipleAssertions = true;
  }
  if (firstChild(root, ASSERTION_NS, 'EncryptedAssertion')) {
    warnings.push('The SAML response also holds an encrypted assertion, which cannot be read.');
  }
  // The Assertion's Issuer is the one AWS trusts (the Response's is optional and unsigned): it
  // names the IdP app whose choices are remembered.
  info.issuer = text(firstChild(assertion, ASSERTION_NS, 'Issuer')) ?? info.issuer;

  const subject = firstChild(assertion, ASSERTION_NS, 'Subject');
  const confirmations = subject ? children(subject, ASSERTION_NS, 'SubjectConfirmation') : [];
  const bearer = confirmations.find((c) => attribute(c, 'Method') === BEARER) ?? confirmations[0];
  const confirmationData = bearer && firstChild(bearer, ASSERTION_NS, 'SubjectConfirmationData');
  const conditions = firstChild(assertion, ASSERTION_NS, 'Conditions');
  info.recipient = attribute(confirmationData, 'Recipient') ?? destination;
  const deadlines = [
    readTime(attribute(confirmationData, 'NotOnOrAfter'), 'SubjectConfirmationData NotOnOrAfter', warnings),
    readTime(attribute(conditions, 'NotOnOrAfter'), 'Conditions NotOnOrAfter', warnings),
  ].filter((t): t is number => t !== undefined);
  if (deadlines.length > 0) info.notOnOrAfter = new Date(Math.min(...deadlines)).toISOString();
  const notBefore = readTime(attribute(conditions, 'NotBefore'), 'Conditions NotBefore', warnings);
  if (notBefore !== undefined) info.notBefore = new Date(notBefore).toISOString();

  const values = attributeValues(assertion);
  info.roleSessionName = values.get(ROLE_SESSION_NAME_ATTRIBUTE)?.[0] || undefined;
  if (info.roleSessionName !== undefined && !ROLE_SESSION_NAME.test(info.roleSessionName)) {
    warnings.push(`AWS will likely refuse the RoleSessionName "${clip(info.roleSessionName)}": it needs 2–64 letters, digits or +=,.@_-.`);
  }
  info.sessionDuration = readSessionDuration(values.get(SESSION_DURATION_ATTRIBUTE)?.[0], warnings);
  info.roles = readRoles(values.get(ROLE_ATTRIBUTE) ?? [], warnings);
  return info;
}

function checkStatus(root: Element): void {
  const status = firstChild(root, PROTOCOL_NS, 'Status');
  const code = status && firstChild(status, PROTOCOL_NS, 'StatusCode');
  const value = attribute(code, 'Value');
  if (value === undefined || value === STATUS_SUCCESS) return;
  const detail = [value, attribute(code && firstChild(code, PROTOCOL_NS, 'StatusCode'), 'Value')]
    .filter((v): v is string => v !== undefined)
    .map((v) => clip(v.startsWith(STATUS_PREFIX) ? v.slice(STATUS_PREFIX.length) : v))
    .join(' / ');
  const message = text(status && firstChild(status, PROTOCOL_NS, 'StatusMessage'));
  throw new SamlResponseError(
    'status',
    `Your identity provider reported that sign-in did not succeed (status ${detail}${message ? `: ${clip(message)}` : ''}). ` +
      'Try again from your identity provider, or ask its administrator.',
  );
}

function attributeValues(assertion: Element): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const statement of children(assertion, ASSERTION_NS, 'AttributeStatement')) {
    for (const attr of children(statement, ASSERTION_NS, 'Attribute')) {
      const name = attribute(attr, 'Name');
      if (name === undefined) continue;
      const list = values.get(name) ?? [];
      for (const value of children(attr, ASSERTION_NS, 'AttributeValue')) list.push(text(value) ?? '');
      values.set(name, list);
    }
  }
  return values;
}

function readRoles(values: string[], warnings: string[]): SamlRole[] {
  const roles: SamlRole[] = [];
  const seen = new Set<string>();
  const skipped: string[] = [];
  for (const value of values) {
    const { role, provider, badAccountId } = parseRoleValue(value);
    if (!role) {
      const account = badAccountId === undefined ? '' : ` (the account ID "${clip(badAccountId)}" does not have 12 digits)`;
      skipped.push(`Skipped the role value "${clip(value)}": it is not a role ARN and a SAML provider ARN separated by a comma${account}.`);
    } else if (role.partition !== provider.partition) {
      skipped.push(`Skipped the role value "${clip(value)}": the role is in partition ${role.partition} but the SAML provider in ${provider.partition}.`);
    } else if (seen.has(role.arn)) {
      skipped.push(`Skipped a duplicate of the role ${role.arn}.`);
    } else {
      seen.add(role.arn);
      const { arn: roleArn, accountId, roleName, partition, path } = role;
      roles.push({ roleArn, principalArn: provider.arn, accountId, roleName, partition, path });
    }
  }
  // A broken IdP mapping can produce thousands of bad values; the picker needs the gist, not all.
  warnings.push(...skipped.slice(0, MAX_LISTED_WARNINGS));
  if (skipped.length > MAX_LISTED_WARNINGS) {
    warnings.push(`… and ${skipped.length - MAX_LISTED_WARNINGS} more role values were skipped.`);
  }
  return roles;
}

function readSessionDuration(value: string | undefined, warnings: string[]): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) {
    warnings.push(`Ignored the SessionDuration "${clip(value)}": it is not a whole number of seconds.`);
    return undefined;
  }
  const seconds = Number(value);
  const [min, max] = SESSION_DURATION_RANGE;
  if (seconds < min || seconds > max) {
    warnings.push(`AWS will likely refuse the SessionDuration of ${seconds} seconds: it must be ${min}–${max}.`);
  }
  return seconds;
}

// xs:dateTime as SAML uses it (UTC); a missing zone is read as UTC rather than local time, and
// fractions are cut to milliseconds because Date.parse handles longer ones differently by engine.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

function readTime(value: string | undefined, what: string, warnings: string[]): number | undefined {
  if (value === undefined) return undefined;
  const match = DATE_TIME.exec(value);
  const time = match ? Date.parse(`${match[1]}.${(match[2] ?? '').padEnd(3, '0').slice(0, 3)}${match[3] ?? 'Z'}`) : NaN;
  if (Number.isNaN(time)) {
    warnings.push(`Ignored the ${what} "${clip(value)}": it is not a valid date and time.`);
    return undefined;
  }
  return time;
}

// Direct children only: the parts of a Response sit at fixed places, and walking the whole tree
// (getElementsByTagNameNS) would also find elements smuggled in elsewhere. null ns = any namespace.
function children(parent: Element, ns: string | null, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.localName === localName && (ns === null || element.namespaceURI === ns)) found.push(element);
  }
  return found;
}

function firstChild(parent: Element, ns: string | null, localName: string): Element | undefined {
  return children(parent, ns, localName)[0];
}

function attribute(element: Element | undefined, name: string): string | undefined {
  const value = element?.getAttribute(name)?.trim();
  return value ? value : undefined;
}

function text(element: Element | undefined): string | undefined {
  const value = element?.textContent?.trim();
  return value ? value : undefined;
}

function clip(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

function tooLarge(): SamlResponseError {
  return new SamlResponseError(
    'too-large',
    `This sign-in data is larger than 2 MiB, far more than any real SAML response, so it was not read. ${AGAIN}`,
  );
}

/** The parser refused the text (or, in a browser, rendered a <parsererror>): AWS's parser would too. */
function notWellFormed(cause?: unknown): SamlResponseError {
  return new SamlResponseError(
    'not-xml',
    'This sign-in data decodes to XML that is not well-formed, so AWS would refuse it too. ' +
      `${AGAIN} If this happens every time, tell your identity provider administrator.`,
    { cause },
  );
}

const SOAP_NS = ['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'];

function notSaml(root: Element): SamlResponseError {
  const admin = 'Tell your identity provider administrator.';
  if (root.localName === 'Envelope' && SOAP_NS.includes(root.namespaceURI ?? '')) {
    return new SamlResponseError(
      'not-saml',
      'This sign-in data is a SOAP message (the ECP profile that command-line tools use), not the bare SAML ' +
        `response a browser posts to AWS, so AWS would refuse it. ${admin}`,
    );
  }
  if (root.localName === 'Response') {
    const ns = root.namespaceURI ? `in the namespace ${clip(root.namespaceURI)}` : 'in no namespace';
    return new SamlResponseError(
      'not-saml',
      `This sign-in data has a <Response> ${ns} instead of the SAML 2.0 protocol namespace (${PROTOCOL_NS}), ` +
        `so AWS would not read it as a SAML response. ${admin}`,
    );
  }
  return new SamlResponseError(
    'not-saml',
    `This sign-in data is XML but not a SAML response (it starts with <${root.nodeName.slice(0, 60)}>). ${AGAIN}`,
  );
}

function notXml(cause?: unknown): SamlResponseError {
  return new SamlResponseError(
    'not-xml',
    `This sign-in data does not decode to readable XML, so it is not a SAML response. ${AGAIN}`,
    { cause },
  );
}
