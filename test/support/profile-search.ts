// Searches a browser profile folder for a secret in every form a browser might have written it:
// as posted (raw base64), form-urlencoded (a POST body kept in session history), percent-encoded,
// base64url, and decoded (the XML); each also as UTF-16LE (how Chromium and SQLite keep some
// strings). Firefox compresses its session files (mozLz4): they are decompressed first.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A secret and the name of each form of it to look for. */
export interface TraceForms {
  readonly [form: string]: string;
}

/** The forms of a SAMLResponse field worth searching for (slices long enough to be unique). */
export function assertionForms(samlResponse: string): TraceForms {
  const raw = samlResponse.replace(/\s+/g, '');
  const xml = Buffer.from(raw, 'base64').toString('utf8');
  const middle = (s: string, length = 96) => s.slice(Math.floor(s.length / 2), Math.floor(s.length / 2) + length);
  const formEncoded = new URLSearchParams({ SAMLResponse: raw }).toString().slice('SAMLResponse='.length);
  return {
    raw: middle(raw),
    'form-urlencoded': middle(formEncoded),
    'percent-encoded': middle(encodeURIComponent(raw)),
    base64url: middle(raw.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')),
    'decoded XML': middle(xml),
  };
}

/** `relative path: form` for every file under `dir` (but those `skip` names) that holds one of the forms. */
export async function findTraces(dir: string, forms: TraceForms, skip: (relativePath: string) => boolean = () => false): Promise<string[]> {
  const needles = Object.entries(forms).flatMap(([name, text]) => [
    { name, bytes: Buffer.from(text, 'utf8') },
    { name: `${name} (UTF-16)`, bytes: Buffer.from(text, 'utf16le') },
  ]);
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (skip(relative(dir, path))) continue;
    let bytes = await readFile(path).catch(() => Buffer.alloc(0));
    if (isMozLz4(bytes)) bytes = Buffer.concat([bytes, decompressMozLz4(bytes)]);
    for (const needle of needles) if (bytes.includes(needle.bytes)) hits.push(`${relative(dir, path)}: ${needle.name}`);
  }
  return hits;
}

const MOZ_LZ4_MAGIC = Buffer.from('mozLz40\0', 'latin1');

function isMozLz4(bytes: Buffer): boolean {
  return bytes.length > 12 && bytes.subarray(0, 8).equals(MOZ_LZ4_MAGIC);
}

/** Firefox's mozLz4: the magic, the decompressed size (uint32 LE), then one LZ4 block. */
export function decompressMozLz4(bytes: Buffer): Buffer {
  const size = bytes.readUInt32LE(8);
  const out = Buffer.alloc(size);
  let i = 12;
  let o = 0;
  while (i < bytes.length) {
    const token = bytes[i++]!;
    let literals = token >> 4;
    if (literals === 15) {
      let b;
      do {
        b = bytes[i++]!;
        literals += b;
      } while (b === 255);
    }
    bytes.copy(out, o, i, i + literals);
    i += literals;
    o += literals;
    if (i >= bytes.length) break;
    const offset = bytes[i]! | (bytes[i + 1]! << 8);
    i += 2;
    let match = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b;
      do {
        b = bytes[i++]!;
        match += b;
      } while (b === 255);
    }
    // Byte by byte: a match may overlap what it copies.
    for (let k = 0; k < match; k++, o++) out[o] = out[o - offset]!;
  }
  return out.subarray(0, o);
}
