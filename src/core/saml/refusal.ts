// Why a SAMLResponse form field was refused, as a SamlResponseError carrying the message the
// picker shows (a code for t(), see user-message.ts). Only saml-input.ts and saml-decode.ts throw it.
import { message, type UserMessage } from '../words/user-message';

export type SamlResponseErrorReason =
  | 'too-large' | 'not-base64' | 'not-xml' | 'doctype' | 'not-saml' | 'status' | 'empty';

export class SamlResponseError extends Error {
  override readonly name = 'SamlResponseError';
  constructor(
    readonly reason: SamlResponseErrorReason,
    /** What the picker says; `message` is only its code, for logs. */
    readonly userMessage: UserMessage,
    options?: { cause?: unknown },
  ) {
    super(userMessage.code, options);
  }
}

export const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SOAP_NS = ['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'];

export function clip(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

export const empty = () => new SamlResponseError('empty', message('samlEmpty'));
export const tooLarge = () => new SamlResponseError('too-large', message('samlTooLarge'));
export const notBase64 = () => new SamlResponseError('not-base64', message('samlNotBase64'));
export const hasDoctype = () => new SamlResponseError('doctype', message('samlDoctype'));
export const tooDeep = () => new SamlResponseError('not-saml', message('samlTooDeep'));
export const unreadable = (cause: unknown) => new SamlResponseError('not-saml', message('samlUnreadable'), { cause });
export const notXml = (cause?: unknown) => new SamlResponseError('not-xml', message('samlNotXml'), { cause });

/** The parser refused the text (or, in a browser, rendered a <parsererror>): AWS's parser would too. */
export const notWellFormed = (cause?: unknown) => new SamlResponseError('not-xml', message('samlNotWellFormed'), { cause });

/** Well-formed XML, but not a SAML 2.0 protocol <Response>: say what it is instead. */
export function notSaml(root: Element): SamlResponseError {
  if (root.localName === 'Envelope' && SOAP_NS.includes(root.namespaceURI ?? '')) {
    return new SamlResponseError('not-saml', message('samlSoap'));
  }
  if (root.localName === 'Response') {
    return new SamlResponseError(
      'not-saml',
      root.namespaceURI
        ? message('samlWrongNamespace', { namespace: clip(root.namespaceURI), expected: PROTOCOL_NS })
        : message('samlNoNamespace', { expected: PROTOCOL_NS }),
    );
  }
  return new SamlResponseError('not-saml', message('samlNotSaml', { element: root.nodeName.slice(0, 60) }));
}

/** The IdP's own status said the sign-in failed (`detail`: "Responder / RequestDenied"). */
export function idpStatus(detail: string, said: string | undefined): SamlResponseError {
  return new SamlResponseError(
    'status',
    said ? message('samlIdpStatusMessage', { status: detail, said: clip(said) }) : message('samlIdpStatus', { status: detail }),
  );
}
