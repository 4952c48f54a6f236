import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTITIONS } from '../../src/core/aws/catalog';
import { defaultPreferredRegions, preferredRegionsFor } from '../../src/core/regions/preferred';
import { defaultSettings, migrateSettings as migrateSettingsCore, recentRoleArns, recordRecent, SETTINGS_VERSION, cleanSettingsFields, type Settings } from '../../src/core/settings/schema';
import { AliasPatternCheck, PinCheck, type Check } from '../../src/core/settings/values';
import { LIMITS, SETTING_FIELDS } from '../../src/core/settings/fields';
import { exportSettings, importSettings as importSettingsCore } from '../../src/core/settings/file';
import { applyManaged as applyManagedCore, MANAGED_KEYS, MANAGED_STORAGE_JSON_SCHEMA } from '../../src/core/settings/managed';
import { worded } from '../support/render-message';
import type { UserMessage } from '../../src/core/words/user-message';
import { fitsSyncQuota, joinFromSync, splitForSync, staleSyncKeys, SYNC_LIMITS, utf8Length } from '../../src/core/settings/sync';

// Core's messages as the options page words them (through messages.json).
const migrateSettings = (raw: unknown) => worded(migrateSettingsCore(raw));
const importSettings = (...a: Parameters<typeof importSettingsCore>) => worded(importSettingsCore(...a));
const applyManaged = (...a: Parameters<typeof applyManagedCore>) => worded(applyManagedCore(...a));
/** Valid current settings: read as they are, nothing dropped, nothing to write back. */
const isValid = (settings: unknown): boolean => {
  const read = migrateSettingsCore(settings);
  return !read.changed && read.rejected.length === 0;
};

const PROD = '111111111111';
const DEV = '222222222222';
const arn = (account: string, name: string): string => `arn:aws:iam::${account}:role/${name}`;
const APP = 'http://www.okta.com/exk1fxyz';

/** A valid, fully populated current-version settings object. */
const sample = (): Settings => ({
  version: SETTINGS_VERSION,
  interceptionEnabled: false,
  preferredRegions: ['eu-west-1', 'us-east-2'],
  idpAppLinks: { 'eu-west-1': 'https://example.okta.com/home/amazon_aws/0oa1/272?fromHome=true' },
  accountNames: { [PROD]: 'prod', [DEV]: 'dev — Zürich' },
  aliasPattern: { kind: 'role-name', pattern: '^(?<alias>[a-z]+)-' },
  aliasOfferDeclined: [APP],
  accountColours: { [PROD]: 'red' },
  colourRules: [{ words: 'dev', colour: 'green' }],
  pins: [{ roleArn: arn(PROD, 'Admin'), region: 'eu-west-1' }, { roleArn: arn(DEV, 'ReadOnly') }],
  recent: { [APP]: [{ roleArn: arn(PROD, 'Admin'), region: 'eu-west-1', at: 1_700_000_000_000 }] },
  autoSignIn: { [APP]: { roleArn: arn(PROD, 'Admin'), region: 'us-east-2' } },
  theme: 'dark',
  reducedMotion: 'reduce',
  signinMethod: 'sts',
  sessionDurationCap: 7200,
  cliFormat: 'fish',
  allowCliCredentials: false,
  clearCopiedCredentials: true,
  automaticFailoverCheck: true,
});

describe('defaults', () => {
  it('gives the documented defaults on first run, to be written back', () => {
    for (const empty of [undefined, null]) {
      expect(migrateSettings(empty)).toEqual({ settings: defaultSettings(), changed: true, rejected: [] });
    }
    expect(defaultSettings()).toEqual({
      version: SETTINGS_VERSION,
      interceptionEnabled: true,
      preferredRegions: [],
      idpAppLinks: {},
      accountNames: {},
      aliasPattern: { kind: 'none' },
      aliasOfferDeclined: [],
      accountColours: {},
      colourRules: [],
      pins: [],
      recent: {},
      autoSignIn: {},
      theme: 'system',
      reducedMotion: 'system',
      signinMethod: 'auto',
      sessionDurationCap: 3600,
      cliFormat: 'bash',
      allowCliCredentials: true,
      clearCopiedCredentials: false,
      automaticFailoverCheck: false,
    });
    expect(migrateSettingsCore(defaultSettings())).toEqual({ settings: defaultSettings(), changed: false, rejected: [] });
    expect(migrateSettingsCore(sample())).toEqual({ settings: sample(), changed: false, rejected: [] });
  });

  it('derives preferred regions from the time zone, then us-east-2, us-west-2, eu-west-1', () => {
    expect(defaultPreferredRegions('Europe/Berlin')).toEqual(['eu-central-1', 'us-east-2', 'us-west-2', 'eu-west-1']);
    expect(defaultPreferredRegions('America/Chicago')).toEqual(['us-east-2', 'us-west-2', 'eu-west-1']);
    expect(defaultPreferredRegions('Asia/Tokyo')).toEqual(['ap-northeast-1', 'us-east-2', 'us-west-2', 'eu-west-1']);
    // Not in the catalog: the closest UTC offset, the same area first.
    expect(defaultPreferredRegions('Europe/Sofia')[0]).toBe('eu-north-1'); // +2, like Helsinki
    expect(defaultPreferredRegions('Asia/Shanghai')[0]).toBe('ap-southeast-1'); // +8
    expect(defaultPreferredRegions('Pacific/Honolulu')[0]).toBe('us-west-1'); // -10: not across the date line
    expect(defaultPreferredRegions('Etc/UTC')).toEqual(['eu-west-1', 'us-east-2', 'us-west-2']);
    // Opt-in regions are never a default, even for their own time zones.
    expect(defaultPreferredRegions('Asia/Hong_Kong')[0]).toBe('ap-southeast-1');
    expect(defaultPreferredRegions('Africa/Johannesburg')[0]).not.toBe('af-south-1');
    // Unknown to the runtime: only the fallbacks.
    expect(defaultPreferredRegions('Mars/Olympus_Mons')).toEqual(['us-east-2', 'us-west-2', 'eu-west-1']);
    expect(defaultPreferredRegions('')).toEqual(['us-east-2', 'us-west-2', 'eu-west-1']);
    expect(preferredRegionsFor({ preferredRegions: [] }, 'Europe/Dublin')).toEqual(['eu-west-1', 'us-east-2', 'us-west-2']);
    expect(preferredRegionsFor({ preferredRegions: ['ap-south-1'] }, 'Europe/Dublin')).toEqual(['ap-south-1']);
  });
});

describe('migrateSettings', () => {
  it('keeps current, valid settings as they are', () => {
    expect(migrateSettings(sample())).toEqual({ settings: sample(), changed: false, rejected: [] });
    // Key order does not count as a change.
    const reversed = Object.fromEntries(Object.entries(sample()).reverse());
    expect(migrateSettings(reversed).changed).toBe(false);
  });

  it("migrates the prototype's unversioned keys", () => {
    const legacy = {
      enabled: false,
      regions: 'eu-west-1, us-east-2',
      favorites: [arn(PROD, 'Admin')],
      accountAliases: { [PROD]: '  prod  ' },
      theme: 'auto',
      reduceMotion: true,
    };
    const expected = {
      ...defaultSettings(),
      interceptionEnabled: false,
      preferredRegions: ['eu-west-1', 'us-east-2'],
      pins: [{ roleArn: arn(PROD, 'Admin') }],
      accountNames: { [PROD]: 'prod' },
      theme: 'system',
      reducedMotion: 'reduce',
    };
    expect(migrateSettings(legacy)).toEqual({ settings: expected, changed: true, rejected: [] });
    expect(migrateSettings({ ...legacy, version: 0 })).toEqual({ settings: expected, changed: true, rejected: [] });
    expect(migrateSettings({ regions: ['us-west-2'], reduceMotion: false }).settings).toMatchObject({
      preferredRegions: ['us-west-2'],
      reducedMotion: 'system',
    });
  });

  it("reads today's keys without a version (written by hand) and adds the version", () => {
    const unversioned: Partial<Settings> = sample();
    delete unversioned.version;
    expect(migrateSettings(unversioned)).toEqual({ settings: sample(), changed: true, rejected: [] });
  });

  it('keeps the new key when an unversioned object has both', () => {
    expect(migrateSettings({ enabled: false, interceptionEnabled: true })).toEqual({
      settings: defaultSettings(),
      changed: true,
      rejected: ['enabled: not carried over, because interceptionEnabled is also set'],
    });
  });

  it('carries version 1 over to version 2: CLI credentials stay allowed, and the new version is written back', () => {
    const v1: Partial<Settings> = sample();
    delete v1.version;
    delete v1.allowCliCredentials;
    expect(migrateSettings({ ...v1, version: 1 })).toEqual({ settings: { ...sample(), allowCliCredentials: true }, changed: true, rejected: [] });
    expect(migrateSettings({ ...v1, version: 1, allowCliCredentials: false })).toMatchObject({ settings: sample(), rejected: [] });
  });

  it('reads settings stored before "clear copied credentials" existed as off, and adds it', () => {
    const before: Partial<Settings> = sample();
    delete before.clearCopiedCredentials;
    expect(migrateSettings(before)).toEqual({ settings: { ...sample(), clearCopiedCredentials: false }, changed: true, rejected: [] });
  });

  it('uses settings of a newer version without writing them back', () => {
    const result = migrateSettings({ ...sample(), version: 7, quickSwitch: true });
    expect(result).toEqual({
      settings: sample(),
      changed: false,
      rejected: ['quickSwitch: a setting of a newer version of the extension, not used by this one'],
    });
  });

  it('never throws, and always returns valid settings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.object(), fc.record({ pins: fc.anything(), recent: fc.anything(), version: fc.anything() })), (raw) => {
        const { settings } = migrateSettings(raw);
        expect(isValid(settings)).toBe(true);
      }),
    );
    expect(migrateSettings('hello')).toEqual({
      settings: defaultSettings(),
      changed: true,
      rejected: ['The stored settings are not an object (found "hello"); the defaults are used.'],
    });
    expect(migrateSettings({ version: 'one' }).rejected).toEqual(['version: "one" is not a settings version; read as unversioned settings']);
  });

  it('drops exactly the invalid parts, saying where and why', () => {
    const raw: Record<string, unknown> = {
      version: 1,
      interceptionEnabled: 'yes',
      preferredRegions: ['eu-west-1', 'mars-north-1', 'eu-west-1', 7],
      idpAppLinks: { 'eu-west-1': 'http://idp.example/aws', 'us-east-2': 'https://idp.example/aws2', moon: 'https://x' },
      accountNames: { [PROD]: 'prod', '12345': 'short', [DEV]: ' ', '333333333333': 'x'.repeat(65) },
      aliasPattern: { kind: 'role-name', pattern: '(?<alias>(a+)+)' },
      pins: [{ roleArn: arn(PROD, 'Admin'), colour: 'red', toString: 'x' }, { roleArn: 'Admin' }, { roleArn: arn(PROD, 'Admin') }, 'x'],
      recent: { [APP]: [{ roleArn: arn(PROD, 'Admin'), region: 'eu-west-1', at: -1 }], '': [] },
      autoSignIn: { [APP]: { roleArn: arn(PROD, 'Admin') } },
      theme: 'blue',
      reducedMotion: 'reduce',
      telemetry: true,
    };
    const { settings, changed, rejected } = migrateSettings(raw);
    expect(changed).toBe(true);
    expect(settings).toEqual({
      ...defaultSettings(),
      preferredRegions: ['eu-west-1'],
      idpAppLinks: { 'us-east-2': 'https://idp.example/aws2' },
      accountNames: { [PROD]: 'prod' },
      pins: [{ roleArn: arn(PROD, 'Admin') }],
      reducedMotion: 'reduce',
    });
    expect(rejected).toEqual([
      'interceptionEnabled: expected true or false, found "yes"',
      'preferredRegions[1]: "mars-north-1" is not an AWS region this version of the extension knows',
      'preferredRegions[2]: repeats preferredRegions[0]',
      'preferredRegions[3]: expected a region code like "eu-west-1", found 7',
      'idpAppLinks["eu-west-1"]: "http://idp.example/aws" is not an https:// URL',
      'idpAppLinks.moon: "moon" is not an AWS region this version of the extension knows',
      'accountNames["12345"]: "12345" is not a 12-digit AWS account ID',
      'accountNames["222222222222"]: the name is empty',
      'accountNames["333333333333"]: the name is 65 characters long; the limit is 64',
      'aliasPattern.pattern: The pattern repeats a group that itself repeats or has alternatives, like (a+)+ or (a|b)*; such patterns can freeze the browser. Repeat single characters or character classes instead.',
      'pins[0].colour: unknown field, ignored',
      'pins[0].toString: unknown field, ignored',
      'pins[1].roleArn: "Admin" is not an IAM role ARN (arn:aws:iam::123456789012:role/Name)',
      'pins[2]: repeats pins[0]',
      'pins[3]: expected an object, found "x"',
      `recent["${APP}"][0].at: a time cannot be negative`,
      'recent[""]: an IdP app key has 1 to 256 characters',
      `autoSignIn["${APP}"].region: expected a region code like "eu-west-1", found nothing`,
      'theme: expected one of "system", "light", "dark", found "blue"',
      'telemetry: not a setting of this extension; ignored',
    ]);
  });

  it('keeps recent sign-ins newest first, capped per app and in number of apps', () => {
    const list = Array.from({ length: 12 }, (_, i) => ({ roleArn: arn(PROD, `R${i}`), region: 'eu-west-1', at: 1000 + i }));
    const apps = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`app${i}`, [{ roleArn: arn(PROD, 'A'), region: 'eu-west-1', at: 100 + i }]]));
    const { settings, rejected } = migrateSettings({ version: 1, recent: { ...apps, busy: list } });
    expect(settings.recent['busy']?.map((r) => r.at)).toEqual([1011, 1010, 1009, 1008, 1007, 1006, 1005, 1004, 1003, 1002]);
    expect(Object.keys(settings.recent)).toHaveLength(LIMITS.recentApps);
    expect(settings.recent['app0']).toBeUndefined();
    expect(settings.recent['busy']).toBeDefined();
    expect(rejected).toEqual([
      'recent.busy: only the 10 most recent sign-ins are kept; 2 older ones were dropped',
      'recent.app1: only the 20 most recently used IdP apps are kept; this one was dropped',
      'recent.app0: only the 20 most recently used IdP apps are kept; this one was dropped',
    ]);
  });

  it('refuses "__proto__" as an IdP app key, and never reads inherited keys', () => {
    const raw = JSON.parse(`{"version":1,"recent":{"__proto__":[{"roleArn":"${arn(PROD, 'A')}","region":"eu-west-1","at":1}]}}`) as unknown;
    const { settings, rejected } = migrateSettings(raw);
    expect(Object.getPrototypeOf(settings.recent)).toBe(Object.prototype);
    expect(settings.recent).toEqual({});
    expect(rejected).toEqual(['recent.__proto__: "__proto__" cannot be an IdP app key']);
    expect(recentRoleArns(defaultSettings(), '__proto__')).toEqual([]);
    expect(recentRoleArns(defaultSettings(), 'constructor')).toEqual([]);
    expect(recordRecent(defaultSettings(), 'toString', { roleArn: arn(PROD, 'A'), region: 'eu-west-1' }, 1).recent).toEqual({
      toString: [{ roleArn: arn(PROD, 'A'), region: 'eu-west-1', at: 1 }],
    });
  });
});

describe('recent sign-ins', () => {
  it('records the newest first, once per role, within the caps', () => {
    let settings = defaultSettings();
    for (let i = 0; i < 12; i++) settings = recordRecent(settings, APP, { roleArn: arn(PROD, `R${i % 11}`), region: 'eu-west-1' }, i);
    expect(recentRoleArns(settings, APP)).toEqual([0, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((i) => arn(PROD, `R${i}`)));
    for (let i = 0; i < 25; i++) settings = recordRecent(settings, `app${i}`, { roleArn: arn(PROD, 'A'), region: 'us-east-2' }, 100 + i);
    expect(Object.keys(settings.recent)).toHaveLength(LIMITS.recentApps);
    expect(settings.recent[APP]).toBeUndefined();
    expect(isValid(settings)).toBe(true);
  });
});

describe('export and import', () => {
  it('round-trips every setting', () => {
    const file = exportSettings(sample());
    expect(JSON.parse(file)).toMatchObject({ format: 'failover-role-picker-settings', version: 2 });
    expect(file.startsWith('{\n  "format": "failover-role-picker-settings",\n  "version": 2,\n')).toBe(true);
    expect(importSettings(file, defaultSettings())).toEqual({
      settings: sample(),
      report: {
        accepted: ['interceptionEnabled', 'preferredRegions', 'idpAppLinks', 'accountNames', 'aliasPattern', 'aliasOfferDeclined', 'accountColours', 'colourRules', 'pins', 'recent', 'autoSignIn', 'theme', 'reducedMotion', 'signinMethod', 'sessionDurationCap', 'cliFormat', 'allowCliCredentials', 'clearCopiedCredentials', 'automaticFailoverCheck'],
        rejected: [],
      },
    });
    expect(importSettings(`\uFEFF${exportSettings(defaultSettings())}`, sample())).toMatchObject({ settings: defaultSettings() });
  });

  it('gives one precise error, and no settings, for files that are not ours', () => {
    const current = sample();
    const error = (text: string): string => {
      const result = importSettings(text, current);
      if (!('error' in result)) throw new Error('imported');
      return result.error;
    };
    expect(error('{"format": "failover-role-picker-settings",')).toMatch(/^This file is not valid JSON: /);
    expect(error('')).toMatch(/^This file is not valid JSON: /);
    expect(error('[1, 2]')).toBe('This is not a settings file: it holds a list, not an object.');
    expect(error('{"format": "bookmarks", "version": 1}')).toBe('This is a "bookmarks" file, not a settings file of this extension.');
    expect(error('{"111111111111": "prod"}')).toBe('This is a list of account names, not a settings file: import it under "Account names".');
    expect(error('{"Accounts": []}')).toBe('This is a list of account names, not a settings file: import it under "Account names".');
    expect(error('{"name": "package", "dependencies": {}}')).toBe('This is not a settings file of this extension: it has none of its settings.');
    expect(error(' '.repeat(1024 * 1024 + 1))).toBe('This file is larger than 1 MB; a settings file is much smaller.');
    expect(current).toEqual(sample());
  });

  it('imports the valid parts of a partly valid file over the current settings, reporting the rest', () => {
    const file = JSON.stringify({
      format: 'failover-role-picker-settings',
      version: 1,
      theme: 'light',
      accountNames: { [PROD]: 'production', nope: 'x' },
      pins: 'all of them',
      colour: 'red',
    });
    expect(importSettings(file, sample())).toEqual({
      settings: { ...sample(), theme: 'light', accountNames: { [PROD]: 'production' } },
      report: {
        accepted: ['theme', 'accountNames'],
        rejected: [
          'accountNames.nope: "nope" is not a 12-digit AWS account ID',
          'pins: expected a list, found "all of them"',
          'colour: not a setting of this extension; ignored',
        ],
      },
    });
  });

  it('migrates an older file on import', () => {
    expect(importSettings('{"version": 0, "enabled": false, "favorites": []}', sample())).toEqual({
      settings: { ...sample(), interceptionEnabled: false, pins: [] },
      report: { accepted: ['interceptionEnabled', 'pins'], rejected: [] },
    });
  });
});

describe('managed settings', () => {
  it('lets managed values win and reports them as locked', () => {
    const result = applyManaged(sample(), {
      interceptionEnabled: true,
      accountNames: { [PROD]: 'Production (IT)', '333333333333': 'shared' },
      preferredRegions: ['mars-1'],
      theme: 'light',
    });
    expect(result.settings).toEqual({
      ...sample(),
      interceptionEnabled: true,
      accountNames: { [PROD]: 'Production (IT)', [DEV]: 'dev — Zürich', '333333333333': 'shared' },
    });
    expect(result.locked).toEqual(['interceptionEnabled', 'accountNames']);
    expect(result.managed).toEqual({ interceptionEnabled: true, accountNames: { [PROD]: 'Production (IT)', '333333333333': 'shared' } });
    expect(result.rejected).toEqual([
      'preferredRegions[0]: "mars-1" is not an AWS region this version of the extension knows',
      'theme: not a setting an administrator can manage; ignored',
    ]);
  });

  it('replaces lists and locks an empty list on purpose', () => {
    const result = applyManaged(sample(), { preferredRegions: [], idpAppLinks: { 'us-east-2': 'https://idp.example/2' } });
    expect(result.settings.preferredRegions).toEqual([]);
    expect(result.settings.idpAppLinks).toEqual({ ...sample().idpAppLinks, 'us-east-2': 'https://idp.example/2' });
    expect(result.locked).toEqual(['preferredRegions', 'idpAppLinks']);
  });

  it('ignores missing or malformed managed storage', () => {
    expect(applyManaged(sample(), undefined)).toEqual({ settings: sample(), locked: [], managed: {}, rejected: [] });
    expect(applyManaged(sample(), {})).toEqual({ settings: sample(), locked: [], managed: {}, rejected: [] });
    expect(applyManaged(sample(), 'x').rejected).toEqual(['The managed settings are not an object (found "x"); they are ignored.']);
  });

  it("ships a managed_schema Chrome accepts: a top-level object of the managed keys, one type per schema", () => {
    expect(MANAGED_STORAGE_JSON_SCHEMA.type).toBe('object');
    expect('additionalProperties' in MANAGED_STORAGE_JSON_SCHEMA).toBe(false);
    expect(Object.keys(MANAGED_STORAGE_JSON_SCHEMA.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    const walk = (schema: Record<string, unknown>): void => {
      expect(typeof schema['type']).toBe('string');
      for (const child of ['items', 'additionalProperties']) if (schema[child]) walk(schema[child] as Record<string, unknown>);
      for (const child of Object.values((schema['properties'] ?? {}) as Record<string, Record<string, unknown>>)) walk(child);
    };
    walk(MANAGED_STORAGE_JSON_SCHEMA);
    expect(JSON.parse(JSON.stringify(MANAGED_STORAGE_JSON_SCHEMA))).toEqual(MANAGED_STORAGE_JSON_SCHEMA);
  });
});

describe('storage.sync', () => {
  const itemBytes = (items: Record<string, unknown>): number[] =>
    Object.entries(items).map(([k, v]) => utf8Length(k) + utf8Length(JSON.stringify(v)));

  const manyNames = (n: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [String(100_000_000_000 + i), `account number ${i} — ü`]));

  it('splits large maps under the per-item quota and joins them back', () => {
    const settings = { ...sample(), accountNames: manyNames(1500) };
    const items = splitForSync(settings);
    expect(Object.keys(items).filter((k) => k.startsWith('settings:accountNames:')).length).toBeGreaterThan(5);
    expect(Math.max(...itemBytes(items))).toBeLessThanOrEqual(SYNC_LIMITS.QUOTA_BYTES_PER_ITEM);
    expect(migrateSettings(joinFromSync(items))).toEqual({ settings, changed: false, rejected: [] });
  });

  it('measures what Chrome counts', () => {
    const small = fitsSyncQuota(defaultSettings());
    expect(small).toEqual({ fits: true, bytes: Math.max(...itemBytes(splitForSync(defaultSettings()))), largestItem: small.bytes, items: 1 });
    const big = fitsSyncQuota({ ...defaultSettings(), accountNames: manyNames(5000) });
    expect(big.fits).toBe(false);
    expect(big.bytes).toBeGreaterThan(SYNC_LIMITS.QUOTA_BYTES);
    expect(big.largestItem).toBeLessThanOrEqual(SYNC_LIMITS.QUOTA_BYTES_PER_ITEM);
  });

  it('lists stale chunk keys to remove, and survives missing chunks', () => {
    const before = splitForSync({ ...defaultSettings(), accountNames: manyNames(1500) });
    const after = splitForSync({ ...defaultSettings(), accountNames: manyNames(10) });
    expect(staleSyncKeys([...Object.keys(before), 'other'], after).sort()).toEqual(
      Object.keys(before).filter((k) => k.startsWith('settings:accountNames:') && k !== 'settings:accountNames:0').sort(),
    );
    const partial = { ...before };
    delete partial['settings:accountNames:1'];
    const { settings } = migrateSettings(joinFromSync(partial));
    expect(Object.keys(settings.accountNames).length).toBeLessThan(1500);
    expect(Object.keys(settings.accountNames).length).toBeGreaterThan(1000);
    expect(joinFromSync({})).toBeUndefined();
  });

  const region = fc.constantFrom(...PARTITIONS.flatMap((p) => p.regions.map((r) => r.code)));
  const accountId = fc.stringMatching(/^\d{12}$/);
  const roleArn = fc.tuple(accountId, fc.stringMatching(/^[\w+=,.@-]{1,64}$/)).map(([a, n]) => arn(a, n));
  const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 64 });
  const appKey = fc.string({ minLength: 1, maxLength: 256 });
  const rawSettings = fc.record({
    version: fc.constant(1),
    interceptionEnabled: fc.boolean(),
    preferredRegions: fc.uniqueArray(region, { maxLength: 10 }),
    idpAppLinks: fc.dictionary(region, fc.webUrl({ validSchemes: ['https'] })),
    accountNames: fc.dictionary(accountId, name, { maxKeys: 400 }),
    aliasPattern: fc.constantFrom({ kind: 'none' }, { kind: 'preset', preset: 'okta-provider-alias-role' }),
    pins: fc.array(fc.record({ roleArn, region: fc.option(region, { nil: undefined }) }, { requiredKeys: ['roleArn'] }), { maxLength: 60 }),
    recent: fc.dictionary(appKey, fc.array(fc.record({ roleArn, region, at: fc.nat() }), { maxLength: 12 }), { maxKeys: 22 }),
    autoSignIn: fc.dictionary(appKey, fc.record({ roleArn, region }), { maxKeys: 20 }),
    theme: fc.constantFrom('system', 'light', 'dark'),
    reducedMotion: fc.constantFrom('system', 'reduce'),
  });

  it('round-trips any settings through split and join, every item under the quota (property)', () => {
    fc.assert(
      fc.property(rawSettings, (raw) => {
        const { settings } = migrateSettings(raw);
        const items = splitForSync(settings);
        expect(Math.max(...itemBytes(items))).toBeLessThanOrEqual(SYNC_LIMITS.QUOTA_BYTES_PER_ITEM);
        expect(migrateSettings(joinFromSync(items))).toEqual({ settings, changed: false, rejected: [] });
        expect(migrateSettings(JSON.parse(JSON.stringify(joinFromSync(items))))).toEqual({ settings, changed: false, rejected: [] });
      }),
      { numRuns: 60 },
    );
  });
});

describe('the settings table', () => {
  it('describes each setting once: its default passes its checks, which keep it as it is', () => {
    for (const [key, spec] of Object.entries(SETTING_FIELDS)) {
      const initial = defaultSettings()[key as keyof typeof SETTING_FIELDS];
      const rejected: UserMessage[] = [];
      expect((spec.read as Check<unknown>)(initial, key, rejected), key).toEqual(initial);
      expect(cleanSettingsFields({ [key]: initial }, rejected), key).toEqual({ [key]: initial });
      expect(rejected, key).toEqual([]);
    }
    expect(Object.keys(defaultSettings()).sort()).toEqual(['version', ...Object.keys(SETTING_FIELDS)].sort());
  });
});

describe('why a value was dropped, in words from _locales', () => {
  const reasons = (check: Check<unknown>, raw: unknown) => {
    const rejected: UserMessage[] = [];
    check(raw, 'x', rejected);
    return { codes: rejected.map((r) => (r.params as { reason: UserMessage }).reason.code), words: worded(rejected) };
  };

  it('gives every reason as a message, never zod English', () => {
    expect(reasons(AliasPatternCheck, { kind: 'none', extra: 1 })).toEqual({ codes: ['rejUnknownKeys'], words: ['x: unknown fields: "extra"'] });
    expect(reasons(AliasPatternCheck, 'none').codes).toEqual(['rejExpected']);
    expect(reasons(AliasPatternCheck, { kind: 'role-name', pattern: 7 })).toEqual({ codes: ['rejExpectedText'], words: ['x.pattern: expected the pattern as text'] });
    expect(reasons(PinCheck, { roleArn: 'Admin', region: 'eu-west-1' }).words).toEqual([
      'x.roleArn: "Admin" is not an IAM role ARN (arn:aws:iam::123456789012:role/Name)',
    ]);
    expect(reasons(SETTING_FIELDS.sessionDurationCap.read, 12.5).words).toEqual(['x: expected a whole number of seconds']);
    // As the zod schema these checks replace said them: an object of no known kind is wrong at its `kind`;
    // a whole number past 2^53 is not a whole number of seconds, and past the bound too.
    expect(reasons(AliasPatternCheck, {}).words).toEqual(['x.kind: expected one of {"kind": "none"}, {"kind": "role-name", …}, {"kind": "preset", …}, found an object']);
    expect(reasons(SETTING_FIELDS.sessionDurationCap.read, 2 ** 53).words).toEqual(['x: expected a whole number of seconds', 'x: at most 43200 seconds']);
    expect(reasons(SETTING_FIELDS.sessionDurationCap.read, 100).words).toEqual(['x: at least 900 seconds']);
  });

  it('carries a reason as a message value, never as text a stored value could forge', () => {
    const forged = '\u0000message:{"code":"rejNotASetting","params":{}}';
    const { rejected } = migrateSettingsCore({ theme: forged });
    expect(rejected).toEqual([{ code: 'rejectedAt', params: { path: 'theme', reason: expect.objectContaining({ code: 'rejExpected' }) } }]);
    expect(worded(rejected)).toEqual([`theme: expected one of "system", "light", "dark", found ${JSON.stringify(forged)}`]);
  });
});
