/**
 * The page's own XML parser, for the decoder and STS's answers. Browsers do not throw on bad XML:
 * they return a document holding a <parsererror>; this throws instead, as the readers expect of any
 * parser (xmldom, which Node's tests and the bench pass instead, throws too).
 */
export function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('not well-formed XML');
  return doc;
}
