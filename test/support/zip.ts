// Reads the store packages as the stores and browsers do: every file of a zip archive, by its name.
// Node has inflate but no zip reader; the format is small (PKWARE APPNOTE.TXT: the end-of-central-
// directory record, then one central-directory entry per file pointing at its local header).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Every file in the archive (folders left out), by its path inside the archive. */
export function readZip(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  // The end record is the last 22 bytes, plus a comment of up to 64 KiB.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${path} is not a zip archive (no end-of-central-directory record)`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL_ENTRY) throw new Error(`${path}: broken central directory at entry ${n}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`${path}: ${name} has no local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(start, start + compressedSize);
    const data = method === 0 ? Buffer.from(stored) : method === 8 ? inflateRawSync(stored) : undefined;
    if (!data) throw new Error(`${path}: ${name} uses compression method ${method}`);
    if (data.length !== size) throw new Error(`${path}: ${name} is ${data.length} bytes, its entry says ${size}`);
    files.set(name, data);
  }
  return files;
}

/** Writes every file of the archive under `dir`, as a user's unzip would. */
export function extractZip(path: string, dir: string): void {
  for (const [name, data] of readZip(path)) {
    const target = normalize(join(dir, name));
    if (!target.startsWith(normalize(dir) + sep)) throw new Error(`${path}: ${name} points outside the folder`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
}
