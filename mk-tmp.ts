import { buildSamlXml, makeRoles } from './test/fixtures/assertion-builder';
import fs from 'node:fs';
fs.writeFileSync('/tmp/x800.xml', buildSamlXml({ roles: makeRoles(800, { accounts: 200 }) }));
