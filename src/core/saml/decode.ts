// Reads the SAMLResponse form field an identity provider posts to AWS sign-in (docs/saml-signin.md#what-the-assertion-carries).
// We only read it to show roles and pick an endpoint: AWS verifies the signature, we never do.
// The field is checked before any XML parser sees it (saml-input.ts), and every failure is a
// SamlResponseError with a message to show (saml-refusal.ts).
import { readRoles } from './role-attribute';
import type { Partition } from '../aws/arn';
import { MAX_SAML_RESPONSE_BYTES, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from '../base/limits';
import { decodeToXml } from './input';
import { clip, idpStatus, notSaml, notWellFormed, PROTOCOL_NS, SamlResponseError, unreadable } from './refusal';
import { message, type UserMessage } from '../words/user-message';

export { SamlResponseError, type SamlResponseErrorReason } from './refusal';

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
  /** What the picker lists under "warnings" (each a message for t()). */
  warnings: UserMessage[];
}

export interface ParseSamlOptions {
  /** The picker passes the browser's native DOMParser (much faster); the service worker has none. */
  parseXml?: (xml: string) => Document;
}

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
    throw unreadable(error);
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

  const warnings: UserMessage[] = [];
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
    if (!encrypted) warnings.push(message('samlNoAssertion'));
    return info;
  }
  if (assertions.length > 1) {
    warnings.push(message('samlSeveralAssertions'));
    info.multipleAssertions = true;
  }
  if (firstChild(root, ASSERTION_NS, 'EncryptedAssertion')) {
    warnings.push(message('samlAlsoEncrypted'));
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
    warnings.push(message('samlBadSessionName', { name: clip(info.roleSessionName) }));
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
  const said = text(status && firstChild(status, PROTOCOL_NS, 'StatusMessage'));
  throw idpStatus(detail, said);
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

function readSessionDuration(value: string | undefined, warnings: UserMessage[]): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) {
    warnings.push(message('samlBadSessionDuration', { value: clip(value) }));
    return undefined;
  }
  const seconds = Number(value);
  const [min, max] = SESSION_DURATION_RANGE;
  if (seconds < min || seconds > max) {
    warnings.push(message('samlSessionDurationOutOfRange', { seconds, min, max }));
  }
  return seconds;
}

// xs:dateTime as SAML uses it (UTC); a missing zone is read as UTC rather than local time, and
// fractions are cut to milliseconds because Date.parse handles longer ones differently by engine.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

function readTime(value: string | undefined, what: string, warnings: UserMessage[]): number | undefined {
  if (value === undefined) return undefined;
  const match = DATE_TIME.exec(value);
  const time = match ? Date.parse(`${match[1]}.${(match[2] ?? '').padEnd(3, '0').slice(0, 3)}${match[3] ?? 'Z'}`) : NaN;
  if (Number.isNaN(time)) {
    warnings.push(message('samlBadTime', { attribute: what, value: clip(value) }));
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
