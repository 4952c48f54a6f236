import { DOMParser } from '@xmldom/xmldom';
import fs from 'node:fs';
const xml = fs.readFileSync('/tmp/x800.xml', 'utf8');
for (let i = 0; i < 400; i++) new DOMParser().parseFromString(xml, 'text/xml');
