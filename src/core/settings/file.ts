// Settings as a file the user keeps or moves to another browser: export, and import over the current ones.
import { describeValue, isRecord } from './values';
import { message, type UserMessage } from '../words/user-message';
import { OLD_KEYS, SETTINGS_KEYS, readVersioned, type Settings, type SettingsKey } from './schema';

/** Marks an exported settings file (`exportSettings`), so that importing can tell ours from others. */
export const SETTINGS_FILE_FORMAT = 'failover-role-picker-settings';
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

/** The settings as a file the user can keep or move to another browser. */
export function exportSettings(settings: Settings): string {
  const { version, ...fields } = settings;
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version, ...fields }, null, 2)}\n`;
}

export type ImportResult = { settings: Settings; report: { accepted: SettingsKey[]; rejected: UserMessage[] } } | { error: UserMessage };

/**
 * Reads an exported settings file over `current`: each setting the file holds (its valid parts)
 * replaces the current one; the rest stay. A file that is not JSON or not our format changes nothing.
 */
export function importSettings(text: string, current: Settings): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { error: message('importTooLarge') };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { error: message('importNotJson', { error: (error as Error).message }) };
  }
  if (!isRecord(data)) return { error: message('importNotObject', { found: describeValue(data) }) };
  const { format, ...rest } = data;
  if (format !== SETTINGS_FILE_FORMAT) {
    if (format !== undefined) return { error: message('importOtherFormat', { format: describeValue(format) }) };
    if ('Accounts' in rest || Object.keys(rest).some((k) => /^\d{12}$/.test(k))) return { error: message('importIsAccountNames') };
    const known: string[] = [...SETTINGS_KEYS, 'version', ...OLD_KEYS];
    if (!Object.keys(rest).some((k) => known.includes(k))) return { error: message('importNoSettings') };
  }
  const rejected: UserMessage[] = [];
  const { fields } = readVersioned(rest, rejected);
  return { settings: { ...current, ...fields }, report: { accepted: Object.keys(fields) as SettingsKey[], rejected } };
}
