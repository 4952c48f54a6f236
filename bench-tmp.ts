import { buildSamlResponse, makeRoles } from './test/fixtures/assertion-builder';
import { parseSamlResponse } from './src/core/saml';
import { DOMParser } from '@xmldom/xmldom';
console.log(JSON.stringify(parseSamlResponse(buildSamlResponse()), null, 1));
for (const n of [800, 2000]) {
  const input = buildSamlResponse({ roles: makeRoles(n, { accounts: n / 4 }) });
  const r = parseSamlResponse(input); console.log(r.roles.length, r.warnings, input.length);
  const t: number[] = [];
  for (let i = 0; i < 60; i++) { const s = performance.now(); parseSamlResponse(input); t.push(performance.now() - s); }
  t.sort((a, b) => a - b); console.log(n, 'median', t[30].toFixed(2));
  const xml = atob(input);
  const t2: number[] = [];
  for (let i = 0; i < 60; i++) { const s = performance.now(); new DOMParser().parseFromString(xml, 'text/xml'); t2.push(performance.now() - s); }
  t2.sort((a, b) => a - b); console.log(n, 'xmldom parse only median', t2[30].toFixed(2));
}
