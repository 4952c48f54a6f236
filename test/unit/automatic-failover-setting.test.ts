import { describe, expect, it } from 'vitest';
import { exportSettings, importSettings } from '../../src/core/settings/file';
import { MANAGED_KEYS, MANAGED_STORAGE_JSON_SCHEMA, applyManaged } from '../../src/core/settings/managed';
import { defaultSettings, migrateSettings } from '../../src/core/settings/schema';
import { joinFromSync, splitForSync } from '../../src/core/settings/sync';
import { worded } from '../support/render-message';

const on = () => ({ ...defaultSettings(), automaticFailoverCheck: true });

describe('the automaticFailoverCheck setting', () => {
  it('is off by default, also in settings stored before it existed (written back with it)', () => {
    expect(defaultSettings().automaticFailoverCheck).toBe(false);
    const { automaticFailoverCheck, ...before } = defaultSettings();
    expect(automaticFailoverCheck).toBe(false);
    expect(migrateSettings(before)).toEqual({ settings: defaultSettings(), changed: true, rejected: [] });
    expect(migrateSettings(on())).toEqual({ settings: on(), changed: false, rejected: [] });
  });

  it('takes only a boolean, saying why', () => {
    const read = worded(migrateSettings({ ...defaultSettings(), automaticFailoverCheck: 'yes' }));
    expect(read.settings.automaticFailoverCheck).toBe(false);
    expect(read.rejected).toEqual(['automaticFailoverCheck: expected true or false, found "yes"']);
  });

  it('is replaced and locked by a policy, either way; an invalid policy value locks nothing', () => {
    expect(MANAGED_KEYS).toContain('automaticFailoverCheck');
    expect(applyManaged(defaultSettings(), { automaticFailoverCheck: true })).toMatchObject({ settings: on(), locked: ['automaticFailoverCheck'], rejected: [] });
    const off = applyManaged(on(), { automaticFailoverCheck: false });
    expect(off.settings.automaticFailoverCheck).toBe(false);
    expect(off.locked).toEqual(['automaticFailoverCheck']);
    const invalid = applyManaged(on(), { automaticFailoverCheck: 'false' });
    expect(invalid.settings.automaticFailoverCheck).toBe(true);
    expect(invalid.locked).toEqual([]);
    expect(invalid.rejected).toHaveLength(1);
  });

  it('is a boolean policy in the managed schema', () => {
    expect(MANAGED_STORAGE_JSON_SCHEMA.properties['automaticFailoverCheck']).toEqual({
      title: 'Automatic failover check',
      description:
        'After a normal sign-in, at most once a week per identity provider app, check in the background whether the roles you use would get in through another region (re-post or STS). Off by default.',
      type: 'boolean',
    });
  });

  it('goes out in an exported file and comes back on import; a file without it leaves the current value', () => {
    const file = exportSettings(on());
    expect(JSON.parse(file)).toMatchObject({ automaticFailoverCheck: true });
    const imported = importSettings(file, defaultSettings());
    expect('settings' in imported && imported.settings.automaticFailoverCheck).toBe(true);
    expect('report' in imported && imported.report.accepted).toContain('automaticFailoverCheck');
    const without = JSON.parse(exportSettings(defaultSettings())) as Record<string, unknown>;
    delete without['automaticFailoverCheck'];
    const kept = importSettings(JSON.stringify(without), on());
    expect('settings' in kept && kept.settings.automaticFailoverCheck).toBe(true);
  });

  it('syncs in the item of small fields', () => {
    const items = splitForSync(on());
    expect(items['settings']).toMatchObject({ automaticFailoverCheck: true });
    expect(migrateSettings(joinFromSync(items)).settings).toEqual(on());
  });
});
