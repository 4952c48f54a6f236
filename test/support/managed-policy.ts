// An administrator's policy for the extension, as Chromium reads it from a JSON file on disk
// (https://www.chromium.org/administrators/linux-quick-start/; extension policy under
// "3rdparty.extensions.<id>": https://www.chromium.org/administrators/configuring-policy-for-extensions/).
// The policy is written for one copy of the built extension with an id of its own, so no other
// Chromium on the machine (other tests, run in parallel) sees it.
import { generateKeyPairSync } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_EXTENSION_DIR, extensionIdFromKey } from './chromium';

/** Where Debian's Chromium reads mandatory policies. */
export const CHROMIUM_MANAGED_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

export interface PolicyExtension {
  /** The copy of dist/chrome with its own manifest `key`. */
  readonly dir: string;
  readonly extensionId: string;
  /** Writes `policy` as this extension's managed storage (replacing the last one). */
  setPolicy(policy: Record<string, unknown>): Promise<void>;
  /** Removes the policy file and the copy. */
  remove(): Promise<void>;
}

/** A copy of the built extension with a freshly generated key, hence an id no other test uses. */
export async function extensionWithOwnPolicy(): Promise<PolicyExtension> {
  try {
    await mkdir(CHROMIUM_MANAGED_POLICY_DIR, { recursive: true });
    accessSync(CHROMIUM_MANAGED_POLICY_DIR, constants.W_OK);
  } catch {
    throw new Error(`${CHROMIUM_MANAGED_POLICY_DIR} is not writable: these tests install a real Chromium policy there (run them as root).`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'frp-policy-ext-'));
  await cp(DEFAULT_EXTENSION_DIR, dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, key }, null, 2));
  const extensionId = extensionIdFromKey(key);
  // The shipped rules name no id: the worker lets this copy's own re-post through by its id.
  const policyFile = join(CHROMIUM_MANAGED_POLICY_DIR, `failover-role-picker-test-${extensionId}.json`);
  return {
    dir,
    extensionId,
    async setPolicy(policy) {
      await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
    },
    async remove() {
      await rm(policyFile, { force: true });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
