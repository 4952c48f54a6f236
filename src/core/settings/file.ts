// Settings as a file the user keeps or moves to another browser: export, and import over the current ones.
import { describeValue, isRecord } from './values';
import { message, type UserMessage } from '../words/user-message';
import { isSettingsFileKey, readVersioned, type Settings, type SettingsKey } from './schema';

/** Marks our settings files, so that importing can tell them from others. */
export const SETTINGS_FILE_FORMAT = 'failover-role-picker-settings';
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

export const exportSettings = ({ version, ...fields }: Settings): string => `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version, ...fields }, null, 2)}\n`;

/** Each setting the file holds (its valid parts) replaces the current one; a file not JSON or not ours changes nothing. */
export function importSettings(text: string, current: Settings): { settings: Settings; report: { accepted: SettingsKey[]; rejected: UserMessage[] } } | { error: UserMessage } {
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
    if (!Object.keys(rest).some(isSettingsFileKey)) return { error: message('importNoSettings') };
  }
  const rejected: UserMessage[] = [];
  const { fields } = readVersioned(rest, rejected);
  return { settings: { ...current, ...fields }, report: { accepted: Object.keys(fields) as SettingsKey[], rejected } };
}
