import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/chromium';
import { releaseZip, type Store } from '../support/release';
import { readZip } from '../support/zip';

// What users install is what the rest of this suite tested: each store zip holds dist/<browser>
// byte for byte, except that the Chrome Web Store zip leaves out the manifest `key` (the store
// assigns the id) and Chromium's `_metadata/` folder. A zip from an older build fails here.
const built = (store: Store): Map<string, Buffer> => {
  const dir = join(REPO_ROOT, 'dist', store);
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path).split('\\').join('/'), readFileSync(path)] as const;
      }),
  );
};

const json = (bytes: Buffer | undefined): Record<string, unknown> => JSON.parse(bytes?.toString('utf8') ?? 'null') as Record<string, unknown>;

describe.each([
  { store: 'chrome' as const, leftOut: (name: string) => name.startsWith('_metadata/'), manifestLeftOut: ['key'] },
  { store: 'firefox' as const, leftOut: () => false, manifestLeftOut: [] },
])('the $store store package', ({ store, leftOut, manifestLeftOut }) => {
  it('holds every file the tests ran, byte for byte, and nothing else', () => {
    const zip = readZip(releaseZip(store));
    const dist = built(store);
    const shipped = [...dist.keys()].filter((name) => !leftOut(name)).sort();
    expect([...zip.keys()].sort()).toEqual(shipped);
    const differing = shipped.filter((name) => name !== 'manifest.json' && !zip.get(name)!.equals(dist.get(name)!));
    expect(differing).toEqual([]);
  });

  it(`has the tested manifest.json${manifestLeftOut.length ? `, without ${manifestLeftOut.join(', ')}` : ''}`, () => {
    const tested = json(built(store).get('manifest.json'));
    for (const key of manifestLeftOut) {
      expect(tested).toHaveProperty(key);
      delete tested[key];
    }
    const shipped = json(readZip(releaseZip(store)).get('manifest.json'));
    expect(shipped).toEqual(tested);
    // Key order too: the store shows the manifest as written.
    expect(JSON.stringify(shipped)).toBe(JSON.stringify(tested));
  });

  it('ships no XML library (the pages parse with their own DOMParser) and a worker of one file', () => {
    const zip = readZip(releaseZip(store));
    const scripts = [...zip.entries()].filter(([name]) => name.endsWith('.js'));
    // xmldom's own marker in its messages, and the guard this project's build adds to it.
    expect(scripts.filter(([, bytes]) => /\[xmldom |parses XML only/.test(bytes.toString('utf8'))).map(([name]) => name)).toEqual([]);
    const worker = zip.get('service-worker-loader.js')!.toString('utf8');
    expect(worker).not.toMatch(/\bimport\s*[\s{("'*]/);
    expect(worker).toContain('onMessage.addListener');
  });
});
