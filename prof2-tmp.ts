import { buildSamlResponse, makeRoles } from './test/fixtures/assertion-builder';
import { parseSamlResponse } from './src/core/saml';
import { DOMParser } from '@xmldom/xmldom';
const input = buildSamlResponse({ roles: makeRoles(800, { accounts: 200 }) });
const doc = new DOMParser().parseFromString(atob(input), 'text/xml') as unknown as Document;
for (let i = 0; i < 3000; i++) parseSamlResponse(input, { parseXml: () => doc });
