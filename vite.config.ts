import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build as viteBuild, defineConfig, type Plugin, type Rolldown } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { PASS_THROUGH_INITIATOR_DOMAINS } from './src/core/signin/capture';
import { signinDnrRules } from './src/core/aws/dnr-rules';
import { extensionPagesCsp } from './src/core/aws/pages-csp';
import { extensionHostPermissions, signinMatchPatterns } from './src/core/aws/endpoints';
import { MANAGED_STORAGE_JSON_SCHEMA } from './src/core/settings/managed';
import { pickerRedirectPath } from './src/core/signin/picker-redirect';

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
 * The source manifest specialised for Firefox (docs/interception.md#catching-the-idps-post): an event page instead of a service
 * worker; a blocking webRequest listener (src/platform/signin-capture.ts) redirects to the picker
 * instead of the static DNR rule, whose `excludedInitiatorDomains` cannot name our own origin there
 * (a random UUID per install); no Chrome-only keys.
 */
function firefoxManifest(source: SourceManifest): ManifestV3Export {
  // Spread first so every kept key stays where the source manifest has it.
  const firefox: Record<string, unknown> = {
    ...source,
    // contextualIdentities + cookies: several roles at once open each account in a container of its own.
    // No offscreen documents in Firefox: its event page clears the clipboard itself.
    permissions: [...source.permissions.filter((p) => !p.startsWith('declarativeNetRequest') && p !== 'offscreen'), 'webRequestBlocking', 'contextualIdentities', 'cookies'],
    background: { scripts: [source.background.service_worker], type: source.background.type },
    // Firefox for Android reads data_collection_permissions from 142 on.
    browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } },
  };
  delete firefox.key;
  delete firefox.minimum_chrome_version;
  delete firefox.declarative_net_request;
  // Firefox has no split mode (it would install as "not_allowed"): its default, spanning, with
  // private windows only once the user allows them.
  delete firefox.incognito;
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
      await rm(resolve(outDir, 'offscreen'), { recursive: true, force: true });
    },
  };
}

/**
 * What the build derives instead of anyone copying it by hand, written before every build and
 * committed, so a reviewer sees each change; unit tests fail when a committed copy is out of date:
 *
 * - public/rules/intercept.json (core/aws/dnr-rules.ts `signinDnrRules`): the rules redirect exactly
 *   what the capture accepts. They name no extension id (a store install gets its own): the worker
 *   lets our own re-post through with rules written at run time. They redirect to the picker behind
 *   a long fragment, so Chromium's session records of the entry the IdP's POST commits cannot hold
 *   its body (core/signin/picker-redirect.ts).
 * - public/managed-schema.json (core/settings/managed.ts): the policy keys admins may set, from the
 *   settings table.
 * - in manifest.json, from the endpoint catalog: `host_permissions` (every sign-in host, each STS host
 *   one by one), the content script's `matches`, and the pages' CSP (core/aws/pages-csp.ts:
 *   script-src 'self', and connect-src / form-action limited to the catalog's AWS hosts).
 */
const DERIVED_MANIFEST = {
  host_permissions: extensionHostPermissions(),
  content_scripts: manifest.content_scripts.map((script) => ({ ...script, matches: signinMatchPatterns() })),
  content_security_policy: { extension_pages: extensionPagesCsp() },
};
const sourceManifest: SourceManifest = { ...manifest, ...DERIVED_MANIFEST };

function writeIfChanged(file: string, text: string): void {
  const path = resolve(file);
  if (readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
}

function derivedFiles(): Plugin {
  return {
    name: 'frp:derived-files',
    buildStart() {
      const picker = `/${manifest.web_accessible_resources[0]?.resources[0] ?? ''}`;
      writeIfChanged('public/rules/intercept.json', `${JSON.stringify(signinDnrRules(PASS_THROUGH_INITIATOR_DOMAINS, pickerRedirectPath(picker)), null, 2)}\n`);
      writeIfChanged('public/managed-schema.json', `${JSON.stringify(MANAGED_STORAGE_JSON_SCHEMA, null, 2)}\n`);
      const declared = JSON.parse(readFileSync(resolve('manifest.json'), 'utf8')) as SourceManifest;
      writeIfChanged('manifest.json', `${JSON.stringify({ ...declared, ...DERIVED_MANIFEST }, null, 2)}\n`);
    },
  };
}

/**
 * zod 4 compiles object parsers with the Function constructor when a probe says eval works. Our CSP
 * forbids it, so that code never runs, but the probe still logs a CSP violation and store review
 * flags the constructor. Both uses get a function that throws instead (the probe then says no, as
 * it does under the CSP), so the bundles hold no eval at all; the build fails if a zod update
 * moves them.
 */
function zodWithoutEval(): Plugin {
  const files = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](util|doc)\.js$/;
  const functionConstructor = /const F = Function;/g;
  return {
    name: 'frp:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!files.test(id)) return null;
      const patched = code.replace(functionConstructor, 'const F = function () { throw new EvalError("no eval in this extension"); };');
      if (patched === code) this.error(`zod changed: the Function constructor is no longer where vite.config.ts expects it in ${id}`);
      return { code: patched, map: null };
    },
  };
}

/**
 * The worker parses XML only ('text/xml': the assertion, STS's answers; core/saml/parse.ts), but xmldom
 * bundles the HTML entity table (2,000 names, 44 KB, a fifth of the worker) for 'text/html'. The
 * build drops the table and makes an HTML parse throw instead of resolving HTML entities, so XML
 * parsing is byte for byte xmldom's own; the build fails if an xmldom update moves either spot.
 */
function xmldomXmlOnly(): Plugin {
  const entitiesFile = /[\\/]@xmldom[\\/]xmldom[\\/]lib[\\/]entities\.js$/;
  const parserFile = /[\\/]@xmldom[\\/]xmldom[\\/]lib[\\/]dom-parser\.js$/;
  const htmlTable = /exports\.HTML_ENTITIES = freeze\(\{[^]*?\n\}\);/;
  const htmlChoice = 'entityMap = entities.HTML_ENTITIES;';
  return {
    name: 'frp:xmldom-xml-only',
    enforce: 'pre',
    transform(code, id) {
      let patched: string;
      if (entitiesFile.test(id)) patched = code.replace(htmlTable, 'exports.HTML_ENTITIES = freeze({});');
      else if (parserFile.test(id)) {
        patched = code.replace(htmlChoice, `throw new TypeError('DOMParser.parseFromString: this build of xmldom parses XML only, not "' + mimeType + '"');`);
      } else return null;
      if (patched === code) this.error(`xmldom changed: the HTML entity table is no longer where vite.config.ts expects it in ${id}`);
      return { code: patched, map: null };
    },
  };
}

/**
 * The service worker as one self-contained file. In the shared build the worker would load the
 * chunks it shares with the pages, and each of those carries every export any page uses (18 files,
 * 28 KiB gz); on its own it is one file with only what it runs, fetched and parsed at once when
 * Chrome wakes it for the IdP's POST. The file crxjs wrote as the worker's loader is replaced by that
 * bundle, and the entry chunk it imported goes (no page imports it; chunks the pages share stay).
 */
function standaloneWorker(): Plugin {
  return {
    name: 'frp:standalone-worker',
    apply: 'build',
    async closeBundle() {
      const loader = resolve(outDir, 'service-worker-loader.js');
      const entry = /^import '\.\/(assets\/[^']+\.js)';\s*$/.exec(readFileSync(loader, 'utf8'))?.[1];
      if (!entry) throw new Error(`${loader} no longer imports one entry chunk: vite.config.ts cannot bundle the worker on its own`);
      const built = (await viteBuild({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        define: { 'import.meta.env.TARGET_BROWSER': JSON.stringify(browser) },
        build: {
          write: false,
          target: 'es2022',
          minify: true,
          lib: { entry: 'src/background/index.ts', formats: ['es'], fileName: 'worker' },
          // Lib mode keeps an ES bundle's whitespace: minify the output itself.
          rolldownOptions: { output: { codeSplitting: false, minify: true } },
        },
      })) as Rolldown.RolldownOutput[];
      const chunks = built.flatMap((b) => b.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
      if (chunks.length !== 1) throw new Error(`the worker built into ${chunks.length} files, not one`);
      writeFileSync(loader, chunks[0]!.code);
      await rm(resolve(outDir, entry));
    },
  };
}

export default defineConfig({
  plugins: [
    derivedFiles(),
    zodWithoutEval(),
    xmldomXmlOnly(),
    crx({ manifest: browser === 'firefox' ? firefoxManifest(sourceManifest) : sourceManifest, browser }),
    ...(browser === 'firefox' ? [firefoxOutput()] : []),
    standaloneWorker(),
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
    // Each page's HTML lists every module its entry imports statically (<link rel="modulepreload">), so
    // the browser fetches them all at once instead of learning of them one level at a time; each
    // extension file is served by the browser process, which is busiest right when a page commits.
    // No polyfill: it is an inline script, which the pages' CSP forbids, and every supported browser
    // preloads modules itself.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Pages reached only through a redirect are not in the manifest's page keys.
      input: { picker: 'src/pages/picker/index.html', diagnosis: 'src/pages/diagnosis/index.html' },
    },
  },
  server: { cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] } },
});
