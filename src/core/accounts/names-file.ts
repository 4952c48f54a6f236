// Importing account names from a file: a CSV (`accountId,name`) or JSON, either a plain
// `{ "<id>": "<name>" }` map or the output of `aws organizations list-accounts`. Every row that is
// not imported is reported with its line and the reason; nothing is dropped silently.

import { isRecord, rejectedAt } from '../settings/values';
import { message, type UserMessage } from '../words/user-message';
import { MAX_ACCOUNT_NAME_LENGTH } from '../base/limits';
import { csvRecords } from '../base/csv';

export { MAX_ACCOUNT_NAME_LENGTH };
export const MAX_ACCOUNT_NAMES_FILE_BYTES = 2 * 1024 * 1024;

export type AccountNamesFileResult =
  | { names: Record<string, string>; rejected: Array<{ line: number; reason: UserMessage }> }
  | { error: UserMessage };

// Control characters and bidirectional overrides could make one account look like another.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Why an account name is not acceptable, or undefined when it is (after trimming). */
export function accountNameProblem(name: string): UserMessage | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return message('nameEmpty');
  if (trimmed.length > MAX_ACCOUNT_NAME_LENGTH) {
    return message('nameTooLong', { length: trimmed.length, max: MAX_ACCOUNT_NAME_LENGTH });
  }
  if (UNSAFE_CHARACTERS.test(trimmed)) return message('nameUnsafe');
  return undefined;
}

/** An account ID as typed or pasted, without the spaces and dashes of the console's `1234-5678-9012` form. */
export function compactAccountId(raw: string): string {
  return raw.trim().replace(/[\s-]/g, '');
}

/** Why a value is not an account ID, or undefined; accepts the console's `1234-5678-9012` form. */
function accountIdProblem(raw: string): { id: string } | { reason: UserMessage } {
  const id = compactAccountId(raw);
  if (/^\d{12}$/.test(id)) return { id };
  if (/^\d{1,11}$/.test(id)) {
    return {
      reason: message('rowIdDigits', { value: raw.trim(), digits: id.length }),
    };
  }
  return { reason: message('rowNotAccountId', { value: clip(raw.trim()) }) };
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

class NameCollector {
  readonly names: Record<string, string> = {};
  readonly rejected: Array<{ line: number; reason: UserMessage }> = [];
  private readonly lineOf = new Map<string, number>();

  add(line: number, rawId: unknown, rawName: unknown, where = ''): void {
    const reject = (reason: UserMessage): void => void this.rejected.push({ line, reason: where ? rejectedAt(where, reason) : reason });
    if (typeof rawId !== 'string' && typeof rawId !== 'number') return reject(message('rowNoAccountId'));
    const id = accountIdProblem(String(rawId));
    if ('reason' in id) return reject(id.reason);
    if (typeof rawName !== 'string') return reject(message('rowNoName', { id: id.id }));
    const problem = accountNameProblem(rawName);
    if (problem) return reject(message('rowAccountProblem', { id: id.id, problem }));
    const name = rawName.trim();
    const previous = this.names[id.id];
    if (previous !== undefined) {
      if (previous !== name) {
        reject(message('rowAlreadyNamed', { id: id.id, previous, line: this.lineOf.get(id.id) ?? '', name: clip(name) }));
      }
      return;
    }
    this.names[id.id] = name;
    this.lineOf.set(id.id, line);
  }
}

/** Reads an account-names file; `fileName` picks the format (`.json`, else CSV when unsure). */
export function parseAccountNamesFile(text: string, fileName: string): AccountNamesFileResult {
  if (text.length > MAX_ACCOUNT_NAMES_FILE_BYTES) {
    return { error: message('namesTooLarge', { file: fileName, mb: MAX_ACCOUNT_NAMES_FILE_BYTES / 1024 / 1024 }) };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.includes('\u0000')) return { error: message('namesNotText', { file: fileName }) };
  if (body.trim() === '') return { error: message('namesEmpty', { file: fileName }) };
  const isJson = /\.json$/i.test(fileName) || (!/\.(csv|tsv|txt)$/i.test(fileName) && /^\s*[[{]/.test(body));
  return isJson ? parseJson(body, fileName) : parseCsv(body, fileName);
}

function parseJson(text: string, fileName: string): AccountNamesFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: message('namesNotJson', { file: fileName, error: (error as Error).message }) };
  }
  const shapes = message('namesShapes');
  const lines = jsonLines(text);
  const out = new NameCollector();
  const accounts = Array.isArray(data) ? data : isRecord(data) && 'Accounts' in data ? data['Accounts'] : undefined;
  if (accounts !== undefined) {
    if (!Array.isArray(accounts)) return { error: message('namesAccountsNotList', { file: fileName, shapes }) };
    const prefix = Array.isArray(data) ? '' : 'Accounts';
    accounts.forEach((account, i) => {
      const line = lines.elements[i] ?? 1;
      if (!isRecord(account)) return void out.rejected.push({ line, reason: rejectedAt(`${prefix}[${i}]`, message('rowNotAccountObject')) });
      out.add(line, account['Id'], account['Name'], `${prefix}[${i}]`);
    });
    if (isRecord(data) && typeof data['NextToken'] === 'string') {
      out.rejected.push({
        line: lines.keys.get('NextToken') ?? 1,
        reason: message('rowNextToken'),
      });
    }
    return { names: out.names, rejected: out.rejected };
  }
  if (!isRecord(data)) return { error: message('namesNotNames', { file: fileName, shapes }) };
  if (data['format'] !== undefined || data['version'] !== undefined) {
    return { error: message('namesIsSettings', { file: fileName }) };
  }
  const entries = Object.entries(data);
  if (entries.length === 0) return { error: message('namesNoAccounts', { file: fileName }) };
  if (!entries.some(([key]) => /^[\d\s-]+$/.test(key))) return { error: message('namesNoIds', { file: fileName, shapes }) };
  for (const [key, value] of entries) out.add(lines.keys.get(key) ?? 1, key, value);
  return { names: out.names, rejected: out.rejected };
}


/**
 * Line numbers of a valid JSON text's top-level keys, and of the elements of the top-level array
 * or of the array under the top-level key "Accounts".
 */
function jsonLines(text: string): { keys: Map<string, number>; elements: number[] } {
  const keys = new Map<string, number>();
  const elements: number[] = [];
  const stack: Array<'{' | '['> = [];
  let line = 1;
  let lastString = '';
  let listDepth = -1;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (/\s/.test(c)) continue;
    const inList = listDepth === stack.length && stack[stack.length - 1] === '[';
    if (inList && expectValue && c !== ']') elements.push(line);
    expectValue = false;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      lastString = JSON.parse(text.slice(start, i + 1)) as string;
    } else if (c === ':') {
      if (stack.length === 1 && !keys.has(lastString)) keys.set(lastString, line);
    } else if (c === '{' || c === '[') {
      stack.push(c);
      if (c === '[' && (stack.length === 1 || (stack.length === 2 && lastString === 'Accounts'))) listDepth = stack.length;
      expectValue = listDepth === stack.length;
    } else if (c === '}' || c === ']') {
      if (listDepth === stack.length) listDepth = -1;
      stack.pop();
    } else if (c === ',') {
      expectValue = listDepth === stack.length;
    }
  }
  return { keys, elements };
}

const ID_HEADER = /^(aws[ _-]?)?(account[ _-]?)?(id|number|no\.?|#)$/i;
const NAME_HEADER = /^(aws[ _-]?)?(account[ _-]?)?(name|alias)$/i;

function parseCsv(text: string, fileName: string): AccountNamesFileResult {
  const records = csvRecords(text);
  if ('error' in records) return { error: message('namesCsvError', { file: fileName, error: records.error }) };
  const rows = records.rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const first = rows[0];
  if (!first) return { error: message('namesEmpty', { file: fileName }) };
  let idColumn = 0;
  let nameColumn = 1;
  let data = rows;
  const firstId = (first.fields[0] ?? '').trim();
  if (!/^[\d\s-]+$/.test(firstId) && /[a-z]/i.test(first.fields.join(''))) {
    const header = first.fields.map((f) => f.trim());
    const id = header.findIndex((h) => ID_HEADER.test(h));
    const name = header.findIndex((h) => NAME_HEADER.test(h));
    if (id < 0 || name < 0) {
      return {
        error: message(id < 0 ? 'namesHeaderNoId' : 'namesHeaderNoName', { file: fileName, line: first.line, header: clip(header.join(', ')) }),
      };
    }
    [idColumn, nameColumn, data] = [id, name, rows.slice(1)];
    if (data.length === 0) return { error: message('namesHeaderOnly', { file: fileName }) };
  }
  const out = new NameCollector();
  for (const row of data) {
    const name = row.fields[nameColumn];
    if (name === undefined) {
      out.rejected.push({ line: row.line, reason: message('rowNoNameColumn', { columns: Math.max(idColumn, nameColumn) + 1 }) });
    } else {
      out.add(row.line, row.fields[idColumn] ?? '', name);
    }
  }
  return { names: out.names, rejected: out.rejected };
}
