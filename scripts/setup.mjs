#!/usr/bin/env node
// Installs what `npm test` and `npm run demo` need on a fresh Debian machine with only Node:
// the npm dependencies (from package-lock.json) and, with --browser, Debian's Chromium.
// No browser is ever downloaded by a test tool: only the distribution's package is used.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantBrowser = process.argv.includes('--browser');

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

if (wantBrowser) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const prefix = asRoot ? [] : ['sudo'];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args) => {
      const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
      console.log(`[setup] ${cmd} ${rest.join(' ')}`);
      execFileSync(cmd, rest, { stdio: 'inherit', env });
    };
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', 'chromium']);
  }
  if (!existsSync(chromium)) {
    console.error(`[setup] Chromium is still missing at ${chromium}; set CHROMIUM_PATH to a Chromium binary.`);
    process.exit(1);
  }
}
