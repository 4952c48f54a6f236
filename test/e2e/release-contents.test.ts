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

  it("puts nothing of the pages into AWS's sign-in page: no stylesheet, only the content script's own modules", () => {
    const zip = readZip(releaseZip(store));
    const manifest = json(zip.get('manifest.json')) as { content_scripts?: { js?: string[]; css?: string[] }[] };
    const scripts = manifest.content_scripts ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.flatMap((c) => c.css ?? [])).toEqual([]);
    // Every file the content scripts load: their loaders, what those import by URL, and so on.
    const reached = new Set<string>();
    const visit = (name: string) => {
      if (reached.has(name) || !zip.has(name)) return;
      reached.add(name);
      const text = zip.get(name)!.toString('utf8');
      for (const [, target] of text.matchAll(/getURL\(\s*["'`]([^"'`]+)["'`]/g)) visit(target!.replace(/^\//, ''));
      for (const [, target] of text.matchAll(/from\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)) visit(join(name, '..', target!).split('\\').join('/'));
    };
    for (const file of scripts.flatMap((c) => c.js ?? [])) visit(file);
    const bytes = [...reached].reduce((sum, name) => sum + zip.get(name)!.length, 0);
    // About 18 KiB today (the refusal page's reader, the role page's aliases, the endpoint catalog, the message codes).
    expect(bytes, [...reached].join(', ')).toBeLessThan(32 * 1024);
    expect([...reached].filter((name) => /jsxRuntime|picker|shared/i.test(name))).toEqual([]);
  });
});
