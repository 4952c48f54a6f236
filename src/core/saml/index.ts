// The decoder's public entry: `import { parseSamlResponse } from '…/core/saml'` (parse.ts holds it).
export * from './parse';
