// What each entry point of the built extension makes the browser load: the manifest's service
// worker and every HTML page, followed through <script>/<link> tags and JS import statements
// (static, dynamic and Vite's preload lists), raw and gzipped. Shared chunks count for every
// entry that loads them, because each one pays for them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Files relative to the extension folder, in load order. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export interface ExtensionBundles {
  picker: BundleSize | null;
  /** What the picker loads before its first paint: its static imports only, not its `import()`s. */
  pickerFirstPaint: BundleSize | null;
  serviceWorker: BundleSize | null;
  options: BundleSize | null;
  /** Every other HTML page (popup, …), by its folder name. */
  otherPages: Record<string, BundleSize>;
  /** All content scripts of the manifest together. */
  contentScripts: BundleSize | null;
  /** Every JavaScript file of the build, whoever loads it. */
  allScripts: BundleSize;
}

interface Manifest {
  background?: { service_worker?: string };
  options_page?: string;
  options_ui?: { page?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

export function measureBundles(extensionDir: string): ExtensionBundles {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
  const worker = manifest.background?.service_worker;
  const optionsPage = manifest.options_ui?.page ?? manifest.options_page ?? findHtml(extensionDir, /options/);
  const pickerPage = findHtml(extensionDir, /picker/);
  const otherPages: Record<string, BundleSize> = {};
  for (const page of allHtml(extensionDir)) {
    if (page === pickerPage || page === optionsPage) continue;
    otherPages[posix.basename(posix.dirname(page)) || page] = sizeOf(extensionDir, filesOf(extensionDir, page));
  }
  const contentFiles = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  return {
    picker: pickerPage ? sizeOf(extensionDir, filesOf(extensionDir, pickerPage)) : null,
    pickerFirstPaint: pickerPage ? sizeOf(extensionDir, filesOf(extensionDir, pickerPage, false)) : null,
    serviceWorker: worker ? sizeOf(extensionDir, filesOf(extensionDir, worker)) : null,
    options: optionsPage ? sizeOf(extensionDir, filesOf(extensionDir, optionsPage)) : null,
    otherPages,
    contentScripts: contentFiles.length ? sizeOf(extensionDir, [...new Set(contentFiles.flatMap((f) => filesOf(extensionDir, f)))]) : null,
    allScripts: sizeOf(extensionDir, allFiles(extensionDir, '.js')),
  };
}

/**
 * The JS and CSS an entry loads (a JS entry counts itself; an HTML page's own few hundred bytes do
 * not); with `dynamic` false, only what it loads before running (no `import()`).
 */
function filesOf(root: string, entry: string, dynamic = true): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const normal = posix.normalize(file).replace(/^\/+/, '');
    if (seen.has(normal) || !existsSync(join(root, normal))) return;
    seen.add(normal);
    const text = readFileSync(join(root, normal), 'utf8');
    for (const reference of references(normal, text, dynamic)) visit(reference);
  };
  visit(entry);
  return [...seen].filter((file) => /\.(?:js|css)$/.test(file));
}

function references(file: string, text: string, dynamic: boolean): string[] {
  const found: string[] = [];
  const resolve = (specifier: string) => {
    if (/^[a-z][\w+.-]*:/i.test(specifier) || specifier.startsWith('#')) return;
    found.push(specifier.startsWith('/') ? specifier : posix.join(posix.dirname(file), specifier));
  };
  if (file.endsWith('.html')) {
    for (const m of text.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)) resolve(m[1] ?? '');
    for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
      const rel = /\brel=["']([^"']+)["']/i.exec(m[0])?.[1] ?? '';
      const href = /\bhref=["']([^"']+)["']/i.exec(m[0])?.[1];
      if (href && /stylesheet|modulepreload/i.test(rel)) resolve(href);
    }
  } else if (file.endsWith('.js')) {
    for (const m of text.matchAll(/\b(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["']([^"']+)["']/g)) resolve(m[1] ?? '');
    if (!dynamic) return found;
    // Rolldown writes a dynamic import's specifier as a template literal.
    for (const m of text.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) resolve(m[1] ?? '');
    // Vite lists a dynamic import's chunks and CSS as plain strings for its preload helper.
    for (const m of text.matchAll(/["'`](\/?assets\/[^"'`]+\.(?:js|css))["'`]/g)) resolve(`/${(m[1] ?? '').replace(/^\//, '')}`);
  } else if (file.endsWith('.css')) {
    for (const m of text.matchAll(/@import\s+(?:url\()?["']([^"']+)["']/g)) resolve(m[1] ?? '');
  }
  return found;
}

function sizeOf(root: string, files: string[]): BundleSize {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(root, file));
    rawBytes += bytes.length;
    // Level 9, as Vite reports sizes after a build.
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}

/** Every HTML page of the extension, relative to its folder (Chromium's own `_metadata` skipped). */
function allHtml(root: string): string[] {
  return allFiles(root, '.html');
}

function allFiles(root: string, ending: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (entry.name.startsWith('_') || entry.name === 'node_modules') return [];
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : entry.name.endsWith(ending) ? [path] : [];
    });
  return walk(root)
    .map((path) => relative(root, path).split(sep).join('/'))
    .sort();
}

function findHtml(root: string, name: RegExp): string | undefined {
  return allHtml(root).find((path) => name.test(dirname(path)));
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
