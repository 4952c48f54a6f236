import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSamlResponse } from '../fixtures/assertion-builder';
import { assertionForms, decompressMozLz4, findTraces } from '../support/profile-search';

// The e2e no-trace checks rely on this search: prove it finds each form, and Firefox's compressed files.
const saml = buildSamlResponse({});
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frp-trace-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** LZ4 block with literals only (a valid, if uncompressed, encoding) in Firefox's mozLz4 frame. */
function mozLz4(text: string): Buffer {
  const data = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(12);
  Buffer.from('mozLz40\0', 'latin1').copy(header);
  header.writeUInt32LE(data.length, 8);
  const length: number[] = [];
  let rest = data.length - 15;
  while (rest >= 255) {
    length.push(255);
    rest -= 255;
  }
  length.push(rest);
  return Buffer.concat([header, Buffer.from([0xf0, ...length]), data]);
}

describe('profile search for the assertion', () => {
  it('finds it posted, form-urlencoded, percent-encoded, as base64url, decoded, and as UTF-16', async () => {
    const forms = assertionForms(saml);
    await mkdir(join(dir, 'Default', 'Sessions'), { recursive: true });
    await writeFile(join(dir, 'Default', 'Sessions', 'Session_1'), `junk SAMLResponse=${new URLSearchParams({ a: saml }).toString().slice(2)}&RelayState=`);
    await writeFile(join(dir, 'utf16.db'), Buffer.from(`x${Buffer.from(saml, 'base64').toString('utf8')}y`, 'utf16le'));
    await writeFile(join(dir, 'url.txt'), `https://x/?q=${encodeURIComponent(saml)}`);
    await writeFile(join(dir, 'b64url.txt'), saml.replace(/\+/g, '-').replace(/\//g, '_'));
    await writeFile(join(dir, 'clean.txt'), 'nothing here');
    const hits = await findTraces(dir, forms);
    expect(hits).toEqual(expect.arrayContaining([
      expect.stringMatching(/Session_1: form-urlencoded$/),
      expect.stringMatching(/utf16\.db: decoded XML \(UTF-16\)$/),
      expect.stringMatching(/url\.txt: percent-encoded$/),
      expect.stringMatching(/b64url\.txt: base64url$/),
    ]));
    expect(hits.some((h) => h.startsWith('clean.txt'))).toBe(false);
  });

  it("reads Firefox's compressed session files", async () => {
    const text = JSON.stringify({ windows: [{ tabs: [{ formdata: saml }] }] });
    expect(decompressMozLz4(mozLz4(text)).toString('utf8')).toBe(text);
    await writeFile(join(dir, 'sessionstore.jsonlz4'), mozLz4(text));
    expect(await findTraces(dir, { raw: assertionForms(saml).raw! })).toContain('sessionstore.jsonlz4: raw');
  });
});
