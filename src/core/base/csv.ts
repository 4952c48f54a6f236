// A CSV reader for files users import (RFC 4180: quoted fields, doubled quotes, line breaks inside
// quotes), keeping each record's line for messages.
import { message, type UserMessage } from '../words/user-message';

/** RFC 4180 records with their starting line; the delimiter (`,` `;` or tab) is the first line's. */
export function csvRecords(text: string): { rows: Array<{ line: number; fields: string[] }> } | { error: UserMessage } {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const delimiter = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const rows: Array<{ line: number; fields: string[] }> = [];
  let line = 1;
  let i = 0;
  while (i <= text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          if (i >= text.length) return { error: message('namesQuoteNotClosed', { line: opened }) };
          const c = text[i]!;
          if (c === '"' && text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (c === '"') {
            i++;
            break;
          } else {
            if (c === '\n') line++;
            field += c;
            i++;
          }
        }
        // Text after a closing quote (`"a"b`) is kept, as spreadsheet programs do.
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      } else {
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      }
      fields.push(field);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    rows.push({ line: start, fields });
    if (i >= text.length) break;
  }
  return { rows };
}
