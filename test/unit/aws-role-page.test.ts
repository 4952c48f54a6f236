import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAccountAliases, readAccountLabel } from '../../src/core/accounts/aws-role-page';

const PAGES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'aws-role-pages');
const page = (name: string) => readFileSync(join(PAGES, name), 'utf8');

describe("account aliases from AWS's role page (docs/account-names.md#awss-role-page)", () => {
  it('reads the legacy layout, with and without an alias', () => {
    expect(readAccountAliases(page('aws_rolepage_legacy_saml2aws.html'))).toEqual({ '000000000001': 'account-alias' });
    expect(readAccountAliases(page('aws_rolepage_legacy_gimme.html'))).toEqual({ '012345678901': 'testaccount1' });
  });
  it('skips IDs that are not 12 digits (as AWS never shows them)', () => {
    expect(readAccountAliases(page('aws_rolepage_legacy_rhawssaml.html'))).toEqual({});
  });
  it("reads the Next.js page's data", () => {
    expect(readAccountAliases(page('aws_rolepage_nextjs_gimme.html'))).toEqual({ '012345678901': 'testaccount1' });
  });
  it('gives nothing for pages it cannot read, and labels without an alias', () => {
    expect(readAccountAliases('<html><body>Your request included an invalid SAML response.</body></html>')).toEqual({});
    expect(readAccountAliases('<meta name="data" content="bm90IGpzb24=">')).toEqual({});
    expect(readAccountLabel('Account: 111122223333')).toBeUndefined();
    expect(readAccountLabel('Account: prod &amp; co (111122223333)')).toEqual(['111122223333', 'prod &amp; co']);
    expect(readAccountLabel('Compte : prod (111122223333)')).toEqual(['111122223333', 'prod']);
  });
});
