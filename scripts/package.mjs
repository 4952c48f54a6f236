#!/usr/bin/env node
// Store packages from a fresh `npm run build`, into release/:
//   <name>-<version>-chrome.zip    Chrome Web Store: dist/chrome without the manifest `key` (the store
//                                  assigns the id) and without Chromium's `_metadata/` folder
//   <name>-<version>-firefox.zip   addons.mozilla.org: dist/firefox
//   <name>-<version>-source.zip    the git-tracked source at HEAD, for AMO's review of built code
// Refuses to package a build with eval, a relaxed CSP or remote scripts (no remote code in MV3), and
// one holding anything but what the extension runs (source maps, tests, TypeScript sources).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const release = join(root, 'release');
const webExt = join(root, 'node_modules', '.bin', 'web-ext');
const SCRIPT_POLICY = "script-src 'self'; object-src 'none'; base-uri 'none'";
/** connect-src and form-action may name only AWS sign-in and console hosts (wildcards there) and STS hosts one by one. */
const AWS_SOURCE = /^https:\/\/((\*\.)?(signin|console)\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)|sts(\.[a-z]{2}(-[a-z]+)+-\d)?\.amazonaws\.com(\.cn)?)$/;
/** What a built extension holds: scripts, pages, styles, JSON (manifest, locales, rules), icons; Chromium's _metadata. */
const SHIPPED = /^(_metadata\/.+|[\w./+-]+\.(js|html|css|json|png|svg))$/;

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const base = `${pkg.name}-${source.version}`;

function fail(message) {
  console.error(`[package] ${message}`);
  process.exit(1);
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** What a store reviewer rejects, checked on the files that ship. */
function checkBuild(dir) {
  if (!existsSync(join(dir, 'manifest.json'))) fail(`${relative(root, dir)} is missing: run npm run build first.`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  if (manifest.version !== source.version) fail(`${relative(root, dir)} is version ${manifest.version}, manifest.json says ${source.version}: rebuild.`);
  const cspProblem = relaxedCsp(manifest.content_security_policy?.extension_pages);
  if (cspProblem) fail(`${relative(root, dir)}: the extension pages' CSP ${cspProblem}`);
  for (const file of filesUnder(dir)) {
    const name = relative(dir, file);
    // Only what the extension runs: no source maps (they would ship the sources), no tests or fixtures.
    if (!SHIPPED.test(name)) fail(`${relative(root, file)} is not a file the extension ships (source map, test or source?).`);
    if (/(^|\/)(test|tests|fixtures?|__tests__)\/|\.(test|spec)\./.test(name)) fail(`${relative(root, file)} is a test file.`);
    if (name.endsWith('.js')) {
      const code = readFileSync(file, 'utf8');
      if (/[#@] sourceMappingURL=/.test(code)) fail(`${relative(root, file)} points to a source map.`);
      if (/\beval\s*\(|\bnew\s+Function\b|[^.\w$]Function\s*\(/.test(code)) fail(`${relative(root, file)} evaluates strings as code.`);
      if (/\bimport\s*\(\s*['"`]https?:|\bimportScripts\s*\(/.test(code)) fail(`${relative(root, file)} loads remote code.`);
    }
    if (name.endsWith('.html') && /<script[^>]+src=["']?(https?:)?\/\//i.test(readFileSync(file, 'utf8'))) {
      fail(`${relative(root, file)} loads a remote script.`);
    }
  }
  return manifest;
}

/**
 * What makes a CSP laxer than ours: anything but SCRIPT_POLICY first, another directive than
 * connect-src and form-action after it, or a source there that is not an AWS sign-in, console or
 * STS host (the build derives the exact list from the catalog, src/core/aws/pages-csp.ts).
 */
function relaxedCsp(csp) {
  if (typeof csp !== 'string' || !csp.startsWith(SCRIPT_POLICY) || !/^(;|$)/.test(csp.slice(SCRIPT_POLICY.length))) return `does not start with ${SCRIPT_POLICY}`;
  const rest = csp.slice(SCRIPT_POLICY.length).split(';').slice(1).map((part) => part.trim().split(/\s+/));
  if (rest.map(([name]) => name).join() !== 'connect-src,form-action') return 'does not go on with connect-src and form-action (and nothing else) after the script policy';
  const outside = rest.flatMap(([, ...sources]) => sources).filter((source) => !AWS_SOURCE.test(source));
  return outside.length ? `allows ${outside.join(' ')}, not an AWS sign-in, console or STS host` : undefined;
}

/** Zips a folder with web-ext (a dev dependency), so packaging needs no zip program. */
function zipFolder(dir, filename, ignore = []) {
  execFileSync(
    webExt,
    ['build', '--source-dir', dir, '--artifacts-dir', release, '--filename', filename, '--overwrite-dest', '--no-input', '--no-config-discovery',
      ...(ignore.length ? ['--ignore-files', ...ignore] : [])],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  console.log(`[package] release/${filename}`);
}

mkdirSync(release, { recursive: true });

// Chrome Web Store: a copy without `key` and `_metadata/` (names starting with "_" are reserved).
checkBuild(join(root, 'dist/chrome'));
const staging = mkdtempSync(join(tmpdir(), 'frp-chrome-'));
try {
  cpSync(join(root, 'dist/chrome'), staging, { recursive: true, filter: (path) => !relative(join(root, 'dist/chrome'), path).startsWith('_metadata') });
  const manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8'));
  delete manifest.key;
  writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  zipFolder(staging, `${base}-chrome.zip`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}

// addons.mozilla.org
const firefox = checkBuild(join(root, 'dist/firefox'));
if (!firefox.browser_specific_settings?.gecko?.id) fail('dist/firefox has no browser_specific_settings.gecko.id.');
zipFolder(join(root, 'dist/firefox'), `${base}-firefox.zip`);

// Source for AMO review: what git tracks at HEAD, so the reviewer's build matches a commit.
const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim();
if (dirty) console.warn('[package] warning: the work tree has uncommitted changes; the source zip holds HEAD, not them.');
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
execFileSync('git', ['archive', '--format=zip', `--prefix=${base}-source/`, '-o', join(release, `${base}-source.zip`), 'HEAD'], { cwd: root });
console.log(`[package] release/${base}-source.zip (commit ${commit})`);
