import { DOMParser as XmldomParser } from '@xmldom/xmldom';
import { decodeSamlResponse, type ParseSamlOptions, type SamlAssertionInfo } from './decode';

export {
  MAX_SAML_RESPONSE_BYTES,
  SamlResponseError,
  decodeSamlResponse,
  type ParseSamlOptions,
  type SamlAssertionInfo,
  type SamlResponseErrorReason,
  type SamlRole,
} from './decode';

/**
 * Decodes the SAMLResponse form field exactly as posted (docs/saml-signin.md#what-the-assertion-carries). Uses xmldom, which also
 * works in the service worker and in Node; pass `parseXml` to use another parser (a page's own
 * DOMParser). Throws only SamlResponseError.
 */
export function parseSamlResponse(samlResponse: string, options: ParseSamlOptions = {}): SamlAssertionInfo {
  return decodeSamlResponse(samlResponse, options.parseXml ?? parseWithXmldom);
}

/** xmldom as a `parseXml` for core readers that run in the service worker (STS answers too). */
export function parseWithXmldom(xml: string): Document {
  const parser = new XmldomParser({
    // xmldom only throws on fatal errors; a recoverable error still means the text is not the XML
    // the IdP meant to send, so stop there too.
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  });
  return parser.parseFromString(xml, 'text/xml') as unknown as Document;
}
