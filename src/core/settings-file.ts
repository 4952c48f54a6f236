// Settings as a file the user keeps or moves to another browser: export, and import over the current ones.
import { describeValue, isRecord } from './partial-parse';
import { SETTINGS_KEYS, finish, readVersioned, type Settings, type SettingsKey } from './settings';

/** Marks an exported settings file (`exportSettings`), so that importing can tell ours from others. */
export const SETTINGS_FILE_FORMAT = 'failover-role-picker-settings';
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

/** The settings as a file the user can keep or move to another browser. */
export function exportSettings(settings: Settings): string {
  const { version, ...fields } = settings;
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version, ...fields }, null, 2)}\n`;
}

export type ImportResult =
  | { settings: Settings; report: { accepted: SettingsKey[]; rejected: string[] } }
  | { error: string };

/**
 * Reads an exported settings file over `current`: each setting the file holds (its valid parts)
 * replaces the current one; the rest stay. A file that is not JSON or not our format changes nothing.
 */
export function importSettings(text: string, current: Settings): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { error: 'This file is larger than 1 MB; a settings file is much smaller.' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { error: `This file is not valid JSON: ${(error as Error).message}` };
  }
  if (!isRecord(data)) return { error: `This is not a settings file: it holds ${describeValue(data)}, not an object.` };
  const { format, ...rest } = data;
  if (format !== SETTINGS_FILE_FORMAT) {
    if (format !== undefined) return { error: `This is a ${describeValue(format)} file, not a settings file of this extension.` };
    if ('Accounts' in rest || Object.keys(rest).some((k) => /^\d{12}$/.test(k))) {
      return { error: 'This is a list of account names, not a settings file: import it under "Account names".' };
    }
    const known = [...SETTINGS_KEYS, 'version', 'enabled', 'regions', 'favorites', 'accountAliases', 'reduceMotion'];
    if (!Object.keys(rest).some((k) => known.includes(k))) {
      return { error: 'This is not a settings file of this extension: it has none of its settings.' };
    }
  }
  const rejected: string[] = [];
  const { fields } = readVersioned(rest, rejected);
  const settings = finish({ ...current, ...fields }, rejected);
  return { settings, report: { accepted: Object.keys(fields) as SettingsKey[], rejected } };
}
