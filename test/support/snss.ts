// Reads Chromium's session files (`Sessions/Session_*`, `Sessions/Tabs_*`): an append-only command
// log, "SNSS" and an int32 version, then records of a uint16 size, a uint8 command id and the
// payload (size - 1 bytes). A tab's history entry is written by UpdateTabNavigation (id 6), whose
// payload is a base::Pickle: the tab id, then the SerializedNavigationEntry (its index, virtual URL,
// title, encoded page state (with a POST body, when kept), transition, has-post-data flag, …).
// Used by the tests to say which command of which file holds a secret, and to prove the files
// were read at all.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TraceForms } from './profile-search';

const SIGNATURE = 'SNSS';
/** session_service_commands.cc: the commands a tab's history is written with. */
export const COMMAND_NAMES: Readonly<Record<number, string>> = {
  0: 'SetTabWindow',
  2: 'SetTabIndexInWindow',
  5: 'TabNavigationPathPrunedFromBack',
  6: 'UpdateTabNavigation',
  7: 'SetSelectedNavigationIndex',
  8: 'SetSelectedTabInIndex',
  9: 'SetWindowType',
  11: 'TabNavigationPathPrunedFromFront',
  14: 'SetWindowBounds3',
  16: 'TabClosed',
  17: 'WindowClosed',
  19: 'SessionStorageAssociated',
  20: 'SetActiveWindow',
  21: 'LastActiveTime',
  24: 'TabNavigationPathPruned',
  28: 'SetTabGuid',
  255: 'InitialStateMarker',
};
const UPDATE_TAB_NAVIGATION = 6;

export interface SnssCommand {
  /** Position in the file (0-based). */
  readonly seq: number;
  readonly id: number;
  readonly name: string;
  /** UpdateTabNavigation: the tab, the entry's index in its history, its URL and whether it says it had a POST body. */
  readonly tab?: number;
  readonly index?: number;
  readonly url?: string;
  readonly hasPostData?: boolean;
  /** The names of the secret's forms found in this command's payload. */
  readonly holds: readonly string[];
}

export interface SnssFile {
  readonly version: number;
  readonly commands: readonly SnssCommand[];
}

/** A base::Pickle reader: 4-byte aligned fields after a uint32 payload size. */
class PickleReader {
  private offset = 4;
  constructor(private readonly bytes: Buffer) {}
  int(): number {
    const value = this.bytes.readInt32LE(this.offset);
    this.offset += 4;
    return value;
  }
  string(): string {
    const length = this.int();
    const value = this.bytes.subarray(this.offset, this.offset + length).toString('latin1');
    this.offset += align(length);
    return value;
  }
  string16(): string {
    const length = this.int() * 2;
    const value = this.bytes.subarray(this.offset, this.offset + length).toString('utf16le');
    this.offset += align(length);
    return value;
  }
}

function align(n: number): number {
  return (n + 3) & ~3;
}

function needlesOf(forms: TraceForms): Array<{ name: string; bytes: Buffer }> {
  return Object.entries(forms).flatMap(([name, text]) => [
    { name, bytes: Buffer.from(text, 'utf8') },
    { name: `${name} (UTF-16)`, bytes: Buffer.from(text, 'utf16le') },
  ]);
}

/** Parses an SNSS file; `forms` are searched in every command's payload. */
export function parseSnss(bytes: Buffer, forms: TraceForms = {}): SnssFile {
  if (bytes.length < 8 || bytes.subarray(0, 4).toString('latin1') !== SIGNATURE) throw new Error('not an SNSS file');
  const version = bytes.readInt32LE(4);
  if (version !== 1 && version !== 3) throw new Error(`SNSS version ${version} (encrypted or unknown) cannot be read`);
  const needles = needlesOf(forms);
  const commands: SnssCommand[] = [];
  let offset = 8;
  while (offset + 2 <= bytes.length) {
    const size = bytes.readUInt16LE(offset);
    // A command cut short (the browser was killed mid-write) ends the log, as Chromium reads it.
    if (size === 0 || offset + 2 + size > bytes.length) break;
    const id = bytes[offset + 2]!;
    const payload = bytes.subarray(offset + 3, offset + 2 + size);
    offset += 2 + size;
    const holds = needles.filter((n) => payload.includes(n.bytes)).map((n) => n.name);
    const base = { seq: commands.length, id, name: COMMAND_NAMES[id] ?? `command ${id}`, holds };
    if (id !== UPDATE_TAB_NAVIGATION) {
      commands.push(base);
      continue;
    }
    try {
      const pickle = new PickleReader(payload);
      const tab = pickle.int();
      const index = pickle.int();
      const url = pickle.string();
      pickle.string16(); // title
      pickle.string(); // encoded page state
      pickle.int(); // transition type
      const hasPostData = (pickle.int() & 1) === 1;
      commands.push({ ...base, tab, index, url, hasPostData });
    } catch {
      commands.push(base);
    }
  }
  return { version, commands };
}

export async function readSnss(path: string, forms: TraceForms = {}): Promise<SnssFile> {
  return parseSnss(await readFile(path), forms);
}

/** One line per command, for a test's failure message or a measurement. */
export function describeSnss(file: SnssFile): string {
  return file.commands
    .map((c) => {
      const nav = c.tab === undefined ? '' : ` tab ${c.tab} #${c.index} ${c.hasPostData ? 'POST ' : ''}${(c.url ?? '').slice(0, 90)}`;
      return `${String(c.seq).padStart(3)} ${c.name}${nav}${c.holds.length ? `  HOLDS ${c.holds.join(', ')}` : ''}`;
    })
    .join('\n');
}

/** A command of a session file that holds the secret. */
export interface HeldTrace {
  readonly file: string;
  readonly command: SnssCommand;
  /** A later record of the same file rewrites the same history entry (tab and index) without it. */
  readonly superseded: boolean;
}

/** What a profile's session files (`<profile>/Default/Sessions/*`) say about a secret. */
export interface SessionFiles {
  readonly files: Readonly<Record<string, SnssFile>>;
  readonly held: readonly HeldTrace[];
}

export async function readSessionFiles(profile: string, forms: TraceForms): Promise<SessionFiles> {
  const dir = join(profile, 'Default', 'Sessions');
  const files: Record<string, SnssFile> = {};
  const held: HeldTrace[] = [];
  for (const name of await readdir(dir)) {
    const file = await readSnss(join(dir, name), forms);
    files[name] = file;
    for (const command of file.commands) {
      if (!command.holds.length) continue;
      const superseded = file.commands.some(
        (later) => later.seq > command.seq && later.tab !== undefined && later.tab === command.tab && later.index === command.index && !later.holds.length,
      );
      held.push({ file: name, command, superseded });
    }
  }
  return { files, held };
}

/** Every history-entry record of the session files (UpdateTabNavigation), file by file. */
export function navigations(session: SessionFiles): SnssCommand[] {
  return Object.values(session.files).flatMap((file) => file.commands.filter((c) => c.tab !== undefined));
}
