#!/usr/bin/env node
// Installs what `npm test` and `npm run demo` need on a fresh Debian machine with only Node:
// the npm dependencies (from package-lock.json), with --browser Debian's Chromium and with
// --firefox Debian's Firefox ESR.
// No browser is ever downloaded by a test tool: only the distribution's package is used.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantBrowser = process.argv.includes('--browser');
const wantFirefox = process.argv.includes('--firefox');

function run(cmd, args) {
  console.log(`[setup] ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
}

function dependenciesStale() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
}

if (dependenciesStale()) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Installs a Debian package when the binary it provides is missing (apt-get update runs once). */
let aptUpdated = false;
function ensureDebianPackage({ binary, envName, packageName, label }) {
  const path = process.env[envName] ?? binary;
  if (!existsSync(path)) {
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const prefix = asRoot ? [] : ['sudo'];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args) => {
      const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
      console.log(`[setup] ${cmd} ${rest.join(' ')}`);
      execFileSync(cmd, rest, { stdio: 'inherit', env });
    };
    if (!aptUpdated) apt(['update', '-qq']);
    aptUpdated = true;
    apt(['install', '-y', '-qq', packageName]);
  }
  if (!existsSync(path)) {
    console.error(`[setup] ${label} is still missing at ${path}; set ${envName} to a ${label} binary.`);
    process.exit(1);
  }
}

if (wantBrowser) {
  ensureDebianPackage({ binary: '/usr/bin/chromium', envName: 'CHROMIUM_PATH', packageName: 'chromium', label: 'Chromium' });
}

// Firefox ESR for test/e2e/firefox.test.ts (driven by puppeteer-core, which downloads nothing).
if (wantFirefox) {
  ensureDebianPackage({ binary: '/usr/bin/firefox-esr', envName: 'FIREFOX_PATH', packageName: 'firefox-esr', label: 'Firefox ESR' });
}
