import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

// One config, one target per run: BROWSER=chrome (default) writes dist/chrome, BROWSER=firefox
// writes dist/firefox. `npm run build` runs both.
const browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
const outDir = `dist/${browser}`;

/**
 * Firefox's add-on id: AMO ties the listing, updates and users' data to it, so it never changes
 * once published. Firefox 140 (ESR) is the oldest supported release: it is the first to read
 * `data_collection_permissions`, and it grants MV3 host permissions at install (127+), has
 * `storage.session` (115+) and module background scripts (112+).
 */
const GECKO = {
  id: 'failover-role-picker@failover-role-picker',
  strict_min_version: '140.0',
  // The assertion goes only to the AWS endpoint the user picks, as the IdP's own page would send it.
  data_collection_permissions: { required: ['none' as const] },
};

type SourceManifest = typeof manifest;

/**
 * The source manifest specialised for Firefox (REFERENCE §5): an event page instead of a service
 * worker; a blocking webRequest listener (src/platform/signin-capture.ts) redirects to the picker
 * instead of the static DNR rule, whose `excludedInitiatorDomains` cannot name our own origin there
 * (a random UUID per install); no Chrome-only keys.
 */
function firefoxManifest(source: SourceManifest): ManifestV3Export {
  // Spread first so every kept key stays where the source manifest has it.
  const firefox: Partial<SourceManifest> & Record<string, unknown> = {
    ...source,
    permissions: [...source.permissions.filter((p) => !p.startsWith('declarativeNetRequest')), 'webRequestBlocking'],
    background: { scripts: [source.background.service_worker], type: source.background.type },
    browser_specific_settings: { gecko: GECKO },
  };
  delete firefox.key;
  delete firefox.minimum_chrome_version;
  delete firefox.declarative_net_request;
  return firefox as unknown as ManifestV3Export;
}

/** Drops what crxjs adds for Chrome only, and the DNR ruleset the Firefox manifest no longer names. */
function firefoxOutput(): Plugin & { renderCrxManifest(m: chrome.runtime.ManifestV3): chrome.runtime.ManifestV3 } {
  return {
    name: 'frp:firefox-output',
    enforce: 'post',
    renderCrxManifest(m) {
      for (const resource of m.web_accessible_resources ?? []) delete (resource as { use_dynamic_url?: boolean }).use_dynamic_url;
      return m;
    },
    async closeBundle() {
      await rm(resolve(outDir, 'rules'), { recursive: true, force: true });
    },
  };
}

export default defineConfig({
  plugins: [
    crx({ manifest: browser === 'firefox' ? firefoxManifest(manifest) : manifest, browser }),
    ...(browser === 'firefox' ? [firefoxOutput()] : []),
  ],
  define: {
    'import.meta.env.TARGET_BROWSER': JSON.stringify(browser),
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    rolldownOptions: {
      // Pages reached only through a redirect are not in the manifest's page keys.
      input: { picker: 'src/pages/picker/index.html' },
    },
  },
  server: { cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] } },
});
