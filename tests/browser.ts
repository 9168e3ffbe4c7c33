/**
 * The one place that decides which Chromium runs the browser tests, `npm run search-eval`,
 * `npm run bench` and `npm run screenshots`, with which arguments and which fonts; plus the page
 * helpers those share. `tsx tests/browser.ts` prints the choice (npm test does, once, first).
 *
 * Which browser:
 * - $CHROMIUM_PATH when it names a file, else Debian's /usr/bin/chromium when present;
 * - otherwise the Chromium that `npm install` brought: the dev dependency @sparticuz/chromium
 *   carries a brotli'd headless Chromium for Linux x64 with the NSS libraries it links against
 *   (bin/al2023.tar.br) and a Latin font (bin/fonts.tar.br). It is unpacked once, into
 *   node_modules/.cache/baoku-chromium-<version>/, and runs with those libraries, so a machine
 *   with Node and nothing else can run every browser test.
 * - BAOKU_BROWSER=npm always takes the npm one (to check a fresh machine's path on one that has
 *   Debian's Chromium); BAOKU_BROWSER=system insists on $CHROMIUM_PATH or /usr/bin/chromium.
 *
 * Which fonts: the machine's (fontconfig: $FONTCONFIG_FILE, else /etc/fonts/fonts.conf) plus
 * Noto Sans Simplified Chinese from the dev dependency @embedpdf/fonts-sc (and, for the npm
 * Chromium, its Open Sans), given to the browser as system fonts through a fontconfig file of its
 * own, so Chinese in a screenshot reads the same on a machine without CJK fonts. Not as web fonts
 * on the page: the site's sans stack starts with system-ui, and Chromium draws the characters
 * system-ui lacks with a system font or not at all, never with a later web font in the stack.
 *
 * The package's own executablePath() is not used: it unpacks into a fixed /tmp/chromium that any
 * earlier, half-written or other-version unpack would be taken for, and sets up its libraries only
 * on AWS Lambda.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Arguments for every Chromium run here (Debian's or npm's): headless in a container, as root, nothing fetched from outside. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface BrowserChoice {
  executablePath: string;
  /** Environment of the browser process (undefined: this process's). */
  env?: Record<string, string>;
  /** One line for a person: which browser, its version, and why this one. */
  label: string;
}

type Env = Record<string, string | undefined>;

/** Where the system browser would be, and why not, for the given environment; no file is unpacked. */
export function systemChromium(env: Env = process.env): { path?: string; why: string } {
  const mode = env.BAOKU_BROWSER ?? '';
  if (!['', 'npm', 'system'].includes(mode)) throw new Error(`BAOKU_BROWSER must be "npm" or "system", not "${mode}"`);
  if (mode === 'npm') return { why: 'BAOKU_BROWSER=npm' };
  const wanted = env.CHROMIUM_PATH || SYSTEM_CHROMIUM;
  if (existsSync(wanted)) return { path: wanted, why: env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'system' };
  const why = env.CHROMIUM_PATH ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist` : `no ${SYSTEM_CHROMIUM}`;
  if (mode === 'system') throw new Error(`BAOKU_BROWSER=system but ${why}: apt-get install chromium, or set CHROMIUM_PATH`);
  return { why };
}

function versionOf(executablePath: string, env?: Record<string, string>): string {
  const r = spawnSync(executablePath, ['--version'], { encoding: 'utf8', env, timeout: 30_000 });
  return r.status === 0 ? r.stdout.trim() : `(${executablePath} --version failed: ${(r.stderr || r.error?.message || '').trim().split('\n')[0]})`;
}

/** The @sparticuz/chromium package folder and version. */
function npmPackage(): { dir: string; version: string } {
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve('@sparticuz/chromium'));
  } catch {
    throw new Error('no Chromium: neither $CHROMIUM_PATH, /usr/bin/chromium nor the dev dependency @sparticuz/chromium (run npm install)');
  }
  // entry is <package>/build/esm/index.js
  const dir = resolve(dirname(entry), '..', '..');
  return { dir, version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

async function unbrotli(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createBrotliDecompress(), createWriteStream(to));
}

async function untarBrotli(from: string, dir: string): Promise<void> {
  // through a file: tar stops reading at the archive's end marker, before the stream's padding
  const tar = `${dir}-${basename(from, '.br')}`;
  try {
    await unbrotli(from, tar);
    const r = spawnSync('tar', ['-x', '--no-same-owner', '-f', tar, '-C', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tar -x of ${from} failed (${r.status}): ${(r.stderr || r.error?.message || '').trim()}`);
  } finally {
    await rm(tar, { force: true });
  }
}

/**
 * The npm Chromium unpacked, once per package version: into a folder of its own named for this
 * process, renamed into place only when whole, so a run that was stopped half-way or a second
 * test process unpacking at the same time never leaves a broken browser behind.
 */
async function unpackNpmChromium(): Promise<{ dir: string; version: string }> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`no Chromium: @sparticuz/chromium runs on Linux x64 only (this is ${process.platform} ${process.arch}); set CHROMIUM_PATH`);
  }
  const pkg = npmPackage();
  // node_modules/.cache is where tools keep what they derive from node_modules; npm ci clears it with them
  const dir = resolve(pkg.dir, '..', '..', '.cache', `baoku-chromium-${pkg.version}`);
  if (existsSync(join(dir, 'chromium'))) return { dir, version: pkg.version };
  const part = `${dir}.part-${process.pid}`;
  await rm(part, { recursive: true, force: true });
  await mkdir(part, { recursive: true });
  try {
    const bin = join(pkg.dir, 'bin');
    await Promise.all([
      unbrotli(join(bin, 'chromium.br'), join(part, 'chromium')).then(() => chmod(join(part, 'chromium'), 0o755)),
      // lib/: libnss3, libnspr4, libexpat and the rest the binary links against
      untarBrotli(join(bin, 'al2023.tar.br'), part),
      // fonts/Open_Sans: a Latin font for machines without any (see chooseBrowser)
      untarBrotli(join(bin, 'fonts.tar.br'), part),
    ]);
    await rename(part, dir).catch(async (err: NodeJS.ErrnoException) => {
      // another process got there first: its copy is as good as ours
      if (!existsSync(join(dir, 'chromium'))) throw err;
      await rm(part, { recursive: true, force: true });
    });
  } catch (err) {
    await rm(part, { recursive: true, force: true });
    throw err;
  }
  return { dir, version: pkg.version };
}

/** The folder of the npm CJK font (its OpenType files are under fonts/). */
function cjkFontDir(): string {
  // the package's main is dist/index.js
  return resolve(dirname(fileURLToPath(import.meta.resolve('@embedpdf/fonts-sc'))), '..', 'fonts');
}

/**
 * A fontconfig file: the machine's own configuration (FONTCONFIG_FILE, else /etc/fonts/fonts.conf;
 * either may be missing) plus the given font folders. Kept in node_modules/.cache/baoku-fonts/,
 * named for its content, written whole, then renamed.
 */
async function fontconfigWith(dirs: string[], env: Env): Promise<string> {
  const base = env.FONTCONFIG_FILE || '/etc/fonts/fonts.conf';
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const cache = resolve(cjkFontDir(), '..', '..', '..', '.cache', 'baoku-fonts');
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${esc(base)}</include>`,
    ...dirs.map((d) => `  <dir>${esc(d)}</dir>`),
    `  <cachedir>${esc(join(cache, 'fontconfig-cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  const file = join(cache, `fonts-${createHash('sha256').update(xml).digest('hex').slice(0, 12)}.conf`);
  if (!existsSync(file)) {
    await mkdir(cache, { recursive: true });
    await writeFile(`${file}.${process.pid}`, xml);
    await rename(`${file}.${process.pid}`, file);
  }
  return file;
}

function envOf(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The browser for this environment, with the fonts above; the npm one is unpacked if it is the one. */
export async function chooseBrowser(env: Env = process.env): Promise<BrowserChoice> {
  const system = systemChromium(env);
  if (system.path) {
    const runEnv = { ...envOf(env), FONTCONFIG_FILE: await fontconfigWith([cjkFontDir()], env) };
    return { executablePath: system.path, env: runEnv, label: `${versionOf(system.path, runEnv)} at ${system.path} (${system.why})` };
  }
  const { dir, version } = await unpackNpmChromium();
  const executablePath = join(dir, 'chromium');
  const runEnv = {
    ...envOf(env),
    LD_LIBRARY_PATH: [join(dir, 'lib'), env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    FONTCONFIG_FILE: await fontconfigWith([cjkFontDir(), join(dir, 'fonts')], env),
  };
  return {
    executablePath,
    env: runEnv,
    label: `${versionOf(executablePath, runEnv)} from npm (@sparticuz/chromium ${version}) at ${executablePath} (${system.why})`,
  };
}

let chosen: Promise<BrowserChoice> | undefined;

/** chooseBrowser for this process's environment, decided once. */
export function browserChoice(): Promise<BrowserChoice> {
  chosen ??= chooseBrowser();
  return chosen;
}

/** A headless Chromium: the one browserChoice() names, or the given executable (and its environment). */
export async function launchBrowser(opts: { executablePath?: string; env?: Record<string, string> } = {}): Promise<Browser> {
  const choice = opts.executablePath ? { executablePath: opts.executablePath, env: opts.env } : await browserChoice();
  return chromium.launch({ executablePath: choice.executablePath, env: choice.env, args: CHROMIUM_ARGS });
}

// ---------------------------------------------------------------------------------------------
// Page helpers

/** Until the search page says it is done with the query of the URL it shows (assets/search.js sets data-search-done to it). */
export function waitSearchDone(page: Page, timeout = 20_000) {
  return page.waitForFunction(() => document.documentElement.dataset.searchDone === location.pathname + location.search, null, { timeout });
}

/** Press "more results" until it is gone; each press ends with the list's data-loaded counted up. */
export async function loadAllResults(page: Page, timeout = 20_000): Promise<void> {
  while (await page.isVisible('#more-results')) {
    const loaded = await page.getAttribute('#results', 'data-loaded');
    await page.click('#more-results');
    await page.waitForFunction((k) => document.getElementById('results')!.dataset.loaded !== k, loaded, { timeout });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`browser: ${(await browserChoice()).label}`);
}

/**
 * What a page reports going wrong, gathered as it happens: console messages of the given types
 * (errors by default) and uncaught exceptions. A test asserts the list is empty at its end.
 */
export function pageProblems(page: Page, types: readonly string[] = ['error']): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (types.includes(m.type())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}
