import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MANAGED_KEYS, MANAGED_STORAGE_JSON_SCHEMA } from '../../src/core/settings/managed';

const root = join(import.meta.dirname, '..', '..');

it('ships the managed-storage schema the core defines, and the manifest points at it', () => {
  const shipped = JSON.parse(readFileSync(join(root, 'public/managed-schema.json'), 'utf8')) as { properties: Record<string, unknown> };
  expect(shipped).toEqual(MANAGED_STORAGE_JSON_SCHEMA);
  expect(Object.keys(shipped.properties).sort()).toEqual([...MANAGED_KEYS].sort());
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { storage: { managed_schema: string } };
  expect(manifest.storage.managed_schema).toBe('managed-schema.json');
});
