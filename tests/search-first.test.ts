/**
 * A first search on a fresh search page (issue #18, "First search"): the page asks in its head for
 * everything a search needs before its own requests — its modules, the bundle list, the first
 * Pagefind bundle's script, entry file, metadata and WebAssembly — and starts Pagefind as it
 * loads, so that a search made once the page is in waits for two round trips only (the index
 * chunks of its characters, then its results' fragments), and a search in the address of a
 * freshly opened page for three after the page itself. Checked on the sample built into two
 * Pagefind bundles, in headless Chromium, by which requests the page makes and who asked for
 * them; how long they take is the bench's business (npm run bench), not a test's.
 *
 * Also: the traditional → simplified converter is fetched only for a query it could change (the
 * characters that can set off a change, src/search/traditional.ts, checked against opencc-js
 * itself), and the links the index stage writes into the page (src/build/search-preload.ts)
 * replace those of an earlier build.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Converter } from 'opencc-js';
import { Converter as PageConverter, Locale } from 'opencc-js/t2cn';
import type { Browser } from 'playwright-core';
import { runSegment } from '../src/build/segment-run.ts';
import { indexChunks } from '../src/build/pagefind-meta.ts';
import { firstBundleFiles, preloadLinks, writeSearchPreloads } from '../src/build/search-preload.ts';
import { indexSite, renderSite } from '../src/build/site-build.ts';
import { segmentFile } from '../src/segment/index.ts';
import { conversionTriggers } from '../src/search/traditional.ts';
import { moduleImports } from '../src/site/modules.ts';
import { serveStatic, type StaticServer } from '../src/site/serve.ts';
import { launchBrowser, pageProblems, waitSearchDone } from './browser.ts';
import { RAW_DIR } from './helpers.ts';

interface Core {
  mayConvert(q: string, triggers: string): boolean;
}
// a browser module without type declarations; its shape is the interface above
const core = (await import('../assets/search-core.js' as string)) as Core;

const TRIGGERS = conversionTriggers();
// the converter the page loads (opencc-js's t2cn build, as .eleventy.ts copies it)
const toSimplified = PageConverter({ from: 'tw', to: 'cn' });
const toTraditional = Converter({ from: 'cn', to: 'tw' });

let tmp: string;
let site: string;
let server: StaticServer;
let browser: Browser;
let config: { bundles: string[]; metaCacheTag?: string };
/** Each article's searchable text (headline parts, body, captions, names), whitespace gone. */
let texts: { url: string; text: string }[] = [];

before(async () => {
  delete process.env.BAOKU_SITE_URL;
  tmp = mkdtempSync(join(tmpdir(), 'baoku-search-first-'));
  await runSegment({ input: RAW_DIR, output: join(tmp, 'articles'), segmenter: segmentFile });
  site = join(tmp, 'site');
  await renderSite({ articlesDir: join(tmp, 'articles'), rawDir: RAW_DIR, outDir: site });
  // two bundles: the first is the one preloaded, the second joins when the reader asks for more
  await indexSite(site, { bundles: 2 });
  config = JSON.parse(readFileSync(join(site, 'search', 'config.json'), 'utf8'));
  type Json = { id: string; url: string; title: string; kicker?: string; subtitle?: string; authors: string[]; photographers: string[]; credits: { name: string }[]; captions: { text: string; credit?: string }[] };
  for (const j of JSON.parse(readFileSync(join(site, 'articles.json'), 'utf8')) as Json[]) {
    const md = readFileSync(join(tmp, 'articles', `${j.id}.md`), 'utf8');
    const body = md.slice(md.indexOf('\n---', 3) + 4).replace(/^#+ /gmu, '');
    const fields = [j.kicker, j.title, j.subtitle, body, ...j.captions.flatMap((c) => [c.text, c.credit]), ...j.credits.map((c) => c.name), ...j.authors, ...j.photographers];
    texts.push({ url: new URL(j.url, 'http://x').pathname, text: fields.filter(Boolean).join('\u0000').replace(/\s+/gu, '') });
  }
  server = await serveStatic(site);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const containing = (s: string) => texts.filter((a) => a.text.includes(s)).map((a) => a.url).sort();

/** Site paths of what the search page's head names: stylesheets, scripts, preloads, module preloads. */
async function headFiles(): Promise<Set<string>> {
  const page = await readFile(join(site, 'search', 'index.html'), 'utf8');
  const head = page.slice(0, page.indexOf('</head>'));
  return new Set([...head.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"/gu)].map(([, u]) => u.replace(/&amp;/gu, '&')));
}

/** A request of the page, from its Resource Timing: site path, when it was made and answered (the page's clock). */
interface Timed {
  path: string;
  start: number;
  end: number;
}

/**
 * A fresh page (its own context: nothing cached) that notes when its first result is shown and
 * any breach of the Content-Security-Policy, and collects errors and warnings (Chromium warns of
 * a preload left unused).
 */
async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = pageProblems(page, ['error', 'warning']);
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[]; firstResultAt?: number };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    new MutationObserver((_, obs) => {
      if (document.querySelector('#results li')) {
        w.firstResultAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  /**
   * Every request the page made so far, in the order it made them, and when its first result
   * showed. Not the page's icon: the browser asks for it on its own, when it likes, and nothing
   * waits on it.
   */
  const timeline = () =>
    page.evaluate(() => {
      const entries = performance
        .getEntriesByType('resource')
        .map((e) => {
          const u = new URL(e.name);
          return { path: u.protocol === 'data:' ? 'data:' : u.pathname + u.search, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd };
        })
        .filter((e) => !/\/favicon\.[a-z]+$/u.test(e.path));
      return { entries: entries.sort((x, y) => x.start - y.start), firstResult: (window as unknown as { firstResultAt?: number }).firstResultAt ?? null, now: performance.now() };
    });
  const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  return { context, page, problems, timeline, violations };
}

/** What a request is, for a search: a file of the index (its chunks, its results) or anything else. */
const kind = (path: string) => (/\/pagefind\/[^/]+\/index\//u.test(path) ? 'index' : /\/pagefind\/[^/]+\/filter\//u.test(path) ? 'filter' : /\/pagefind\/[^/]+\/fragment\//u.test(path) ? 'fragment' : 'other');

/** A word of the sample that several articles hold, none of whose characters can set off the converter. */
function simplifiedWord(): string {
  const keywords = (JSON.parse(readFileSync(join(site, 'articles.json'), 'utf8')) as { keywords?: string[] }[]).flatMap((a) => a.keywords ?? []);
  const word = keywords.find((k) => /^\p{Script=Han}{2,}$/u.test(k) && !core.mayConvert(k, TRIGGERS) && containing(k).length >= 2);
  assert.ok(word, 'the sample has such a keyword');
  return word;
}

test('the characters that can set off the converter: every string it changes holds one, and most simplified queries none', () => {
  // every dictionary key of the converter's chain, and the sample's text in traditional form (cut
  // into the short strings a reader types, and whole lines), through opencc-js itself
  const config = (Locale as unknown as { configs: Record<string, { normalizationChain?: unknown[][]; conversionChain: unknown[][] }> }).configs.tw2s;
  const keys = [...(config.normalizationChain ?? []), ...config.conversionChain].flat().flatMap((d) =>
    typeof d === 'string' ? d.split('|').map((e) => e.split(' ')[0]) : (d as [string, string][]).map(([k]) => k),
  );
  const lines = texts.flatMap((a) => a.text.split('\u0000')).map((t) => toTraditional(t));
  const strings = [...keys, ...lines, ...lines.flatMap((l) => Array.from({ length: Math.max(0, [...l].length - 3) }, (_, i) => [...l].slice(i, i + 2 + (i % 3)).join('')))];
  assert.ok(keys.length > 5000 && strings.length > 30_000, `${keys.length} keys, ${strings.length} strings`);
  let changed = 0;
  const missed: string[] = [];
  for (const s of strings) {
    if (toSimplified(s) === s) continue;
    changed++;
    if (!core.mayConvert(s, TRIGGERS)) missed.push(s);
  }
  assert.ok(changed > 10_000, `${changed} strings changed`);
  assert.deepEqual(missed.slice(0, 20), [], 'a string the converter changes holds a trigger');
  // the archive is simplified: the keywords and names it has load no converter, all but a few
  const words = [...new Set((JSON.parse(readFileSync(join(site, 'articles.json'), 'utf8')) as { keywords?: string[]; authors?: string[] }[]).flatMap((a) => [...(a.keywords ?? []), ...(a.authors ?? [])]))];
  const loading = words.filter((w) => core.mayConvert(w, TRIGGERS));
  assert.ok(loading.length / words.length < 0.05, `${loading.length} of ${words.length} load the converter: ${loading.join(' ')}`);
  // the build writes the same characters the page is given
  const written = readFileSync(join(site, 'assets', 'vendor', 'opencc-t2cn-triggers.js'), 'utf8');
  assert.equal(/export default (".*");/u.exec(written)?.[1], JSON.stringify(TRIGGERS));
});

test('the search page names in its head every module it imports, the bundle list and the first bundle\'s files', async () => {
  const head = await headFiles();
  const modules = moduleImports('/assets/search.js');
  assert.ok(modules.length >= 9 && modules.includes('/assets/search/render.js') && modules.includes('/assets/vendor/opencc-t2cn-triggers.js'), modules.join(' '));
  for (const m of modules) assert.ok(head.has(m), `${m} is preloaded`);
  assert.ok(!modules.includes('/assets/vendor/opencc-t2cn.js'), 'the converter is imported when needed only');
  assert.ok(head.has('/search/config.json'));
  assert.ok(config.bundles.length >= 2, config.bundles.join(' '));
  const first = await firstBundleFiles(site, config.bundles[0], 'zh-cn');
  assert.ok(first);
  const entry = JSON.parse(readFileSync(join(site, config.bundles[0], 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const names = [`${config.bundles[0]}pagefind.js`, `${config.bundles[0]}pagefind-entry.json?ts=${config.metaCacheTag}`, `${config.bundles[0]}pagefind.${entry.languages['zh-cn'].hash}.pf_meta`, `${config.bundles[0]}wasm.unknown.pagefind`];
  assert.deepEqual([first.script, ...first.fetches], names);
  for (const n of names) assert.ok(head.has(n), `${n} is preloaded`);
  for (const n of head) assert.ok(!config.bundles.slice(1).some((b) => n.startsWith(b)), 'the other bundles are not: they join when the reader asks for more');
  // after the policy: a <meta> policy governs what is fetched after it
  const page = await readFile(join(site, 'search', 'index.html'), 'utf8');
  assert.ok(page.indexOf('Content-Security-Policy') < page.indexOf('rel="modulepreload"') && page.indexOf('Content-Security-Policy') < page.indexOf('data-first-bundle'));
});

test('a page opened with no query fetches Pagefind, its entry, metadata and WebAssembly before any typing; a typed search then needs index chunks, then fragments', { timeout: 90_000 }, async () => {
  const { context, page, problems, timeline, violations } = await freshPage();
  try {
    await page.goto(`${server.url}/search/`);
    await page.waitForLoadState('networkidle');
    const head = await headFiles();
    const bundle = config.bundles[0];
    const loaded = await timeline();
    const paths = loaded.entries.map((r) => r.path);
    for (const f of [`${bundle}pagefind.js`, `${bundle}pagefind-entry.json?ts=${config.metaCacheTag}`, `${bundle}wasm.unknown.pagefind`]) {
      assert.equal(paths.filter((p) => p === f).length, 1, `${f}: asked for once, before typing (the preload is what Pagefind used)`);
    }
    assert.equal(paths.filter((p) => /\.pf_meta$/u.test(p)).length, 1, 'the metadata, once');
    assert.ok(!paths.some((p) => /pagefind-worker\.js/u.test(p)), 'Pagefind runs on the page\'s thread: no worker script');
    assert.ok(!paths.some((p) => /opencc-t2cn\.js/u.test(p)), 'no converter before a query that needs it');
    // all of it named by the head: nothing waited for a script to ask for it
    assert.deepEqual(paths.filter((p) => p !== 'data:' && !head.has(p)), []);

    const word = simplifiedWord();
    const typedAt = (await timeline()).now;
    await page.fill('#search-q', word);
    await page.press('#search-q', 'Enter');
    await waitSearchDone(page);
    const after = await timeline();
    assert.ok(after.firstResult !== null && after.firstResult > typedAt);
    const typed = after.entries.filter((r) => r.start >= typedAt);
    assert.deepEqual(typed.filter((r) => /\.(js|pagefind|pf_meta)$|pagefind-entry/u.test(r.path.replace(/\?.*/u, '')) && r.path.startsWith(bundle)), [], 'after typing: no script, WebAssembly, entry or metadata of the bundle loaded');
    assert.deepEqual(typed.filter((r) => /^\/assets\/.*\.js$/u.test(r.path)).map((r) => r.path), [], 'nor any script of the page');
    // Up to the first result: the index chunks of the query's characters, then fragments of its
    // results, each made after a chunk had come in: two round trips. (Another bundle joins only
    // after that, when the first bundle's results do not fill a page.)
    const toFirst = typed.filter((r) => r.start <= after.firstResult!);
    assert.deepEqual([...new Set(toFirst.map((r) => kind(r.path)))], ['index', 'fragment'], toFirst.map((r) => r.path).join(' '));
    assert.ok(toFirst.every((r) => r.path.startsWith(bundle)));
    const chunksIn = Math.min(...toFirst.filter((r) => kind(r.path) === 'index').map((r) => r.end));
    assert.ok(toFirst.filter((r) => kind(r.path) === 'fragment').every((r) => r.start >= chunksIn));
    const shown = await page.$$eval('#results > li .result-title a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.ok(shown.length > 0 && shown.every((u) => containing(word).includes(u)), `${word}: ${shown.join(' ')}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(await violations(), []);
  } finally {
    await context.close();
  }
});

test('a search in the address of a fresh page: its index chunks are asked for by the head with everything else it names, each file once; then the fragments: three round trips with the page', { timeout: 90_000 }, async () => {
  const { context, page, problems, timeline, violations } = await freshPage();
  try {
    const word = simplifiedWord();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(word)}`);
    await waitSearchDone(page);
    await page.waitForLoadState('networkidle');
    const head = await headFiles();
    const { entries, firstResult } = await timeline();
    assert.ok(firstResult !== null);
    // the chunks Pagefind loaded for the query are the ones the page's head asked for
    const asked = await page.$$eval('link[rel="preload"][href*="/index/"]', (ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    // (of the first bundle: the others join after the first results, when these do not fill a page)
    const chunks = entries.filter((r) => kind(r.path) === 'index' && r.path.startsWith(config.bundles[0]));
    assert.ok(asked.length > 0, 'the head asked for index chunks');
    assert.deepEqual(chunks.map((r) => r.path).sort(), [...asked].sort(), 'each chunk fetched once: the preload is what Pagefind used, and none was left unused');
    const [fragmentsStart] = entries.filter((r) => kind(r.path) === 'fragment').map((r) => r.start).sort((x, y) => x - y);
    const before = entries.filter((r) => r.start < fragmentsStart && r.path !== 'data:');
    assert.deepEqual(before.filter((r) => !head.has(r.path) && !asked.includes(r.path)).map((r) => r.path), [], 'before the fragments: only what the head names, and the chunks it asked for');
    for (const f of head) assert.ok(entries.filter((r) => r.path === f).length <= 1, `${f} fetched once (a preload left unused would be fetched again)`);
    // every request up to the first result: the page, one round trip for what its head names and
    // the chunks (each asked for before any answer of them came in), the fragments
    const firstAnswer = Math.min(...before.map((r) => r.end));
    for (const r of chunks) assert.ok(r.start < firstAnswer, `${r.path} asked for before any file of the head had come in`);
    const toFirst = entries.filter((r) => r.start >= fragmentsStart && r.start <= firstResult);
    assert.deepEqual([...new Set(toFirst.map((r) => kind(r.path)))], ['fragment'], toFirst.map((r) => r.path).join(' '));
    assert.ok(!entries.some((r) => /opencc-t2cn\.js|pagefind-worker/u.test(r.path)));
    const shown = await page.$$eval('#results > li .result-title a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.ok(shown.length > 0 && shown.every((u) => containing(word).includes(u)));
    assert.deepEqual(problems, []);
    assert.deepEqual(await violations(), []);
  } finally {
    await context.close();
  }
});

test('the chunk table in the search page is the first bundle\'s, read from Pagefind\'s metadata: ordered ranges, each chunk a file of the bundle', async () => {
  const first = await firstBundleFiles(site, config.bundles[0], 'zh-cn');
  assert.ok(first && first.chunks.length > 0);
  for (const [from, to, hash] of first.chunks) {
    assert.ok(from <= to, `${from}…${to}`);
    assert.ok(existsSync(join(site, config.bundles[0], 'index', `${hash}.pf_index`)), hash);
  }
  for (let i = 1; i < first.chunks.length; i++) assert.ok(first.chunks[i - 1][1] < first.chunks[i][0], 'ranges in order, apart');
  const page = await readFile(join(site, 'search', 'index.html'), 'utf8');
  const table = /<script type="application\/json" id="search-chunks" data-first-bundle>([^\n]*)<\/script>/u.exec(page);
  assert.ok(table, 'the table is in the page');
  assert.deepEqual(JSON.parse(table[1]), { bundle: config.bundles[0], chunks: first.chunks });
  // before the style sheet, which a script would wait for
  assert.ok(page.indexOf('id="search-chunks"') < page.indexOf('rel="stylesheet"'));
  assert.equal(indexChunks(Buffer.from('not a metadata file')).length, 0);
});

test('the converter is fetched for a traditional query, which then finds what its simplified form finds; never for a simplified one', { timeout: 90_000 }, async () => {
  const { context, page, problems, timeline } = await freshPage();
  try {
    const word = simplifiedWord();
    const simplified = [...new Set(texts.flatMap((a) => a.text.match(/\p{Script=Han}{4}/gu) ?? []))].find((s) => toTraditional(s) !== s && toSimplified(toTraditional(s)) === s);
    assert.ok(simplified);
    const typed = toTraditional(simplified);
    const converters = async () => (await timeline()).entries.filter((r) => /opencc-t2cn\.js/u.test(r.path)).length;
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(word)}`);
    await waitSearchDone(page);
    await page.waitForLoadState('networkidle');
    assert.equal(await converters(), 0, `${word}: no converter`);
    // the same page: a traditional query typed in
    await page.fill('#search-q', typed);
    await page.press('#search-q', 'Enter');
    await waitSearchDone(page);
    assert.equal(await converters(), 1, `${typed}: the converter`);
    assert.match((await page.textContent('#search-status')) ?? '', new RegExp(`由繁体“${typed}”转换`, 'u'));
    const shown = await page.$$eval('#results > li .result-title a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.ok(shown.length > 0 && shown.every((u) => containing(simplified).includes(u)), `${typed} → ${simplified}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the index stage puts the first bundle\'s links after the bundle list\'s preload, in place of an earlier build\'s, and leaves a page without that preload alone', async () => {
  const dir = join(tmp, 'preload');
  await mkdir(join(dir, 'search'), { recursive: true });
  await mkdir(join(dir, 'pagefind', 'b'), { recursive: true });
  const page = '<head>\n<meta http-equiv="Content-Security-Policy" content="x">\n<link rel="preload" href="/search/config.json" as="fetch" crossorigin>\n<script type="module" src="/assets/search.js"></script>\n</head>\n';
  const entry = (hash: string) => JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 9 }, 'zh-cn': { hash, wasm: null, page_count: 3 } } });
  await writeFile(join(dir, 'search', 'index.html'), page);
  await writeFile(join(dir, 'pagefind', 'b', 'pagefind-entry.json'), entry('zh-cn_aaa'));
  const one = await firstBundleFiles(dir, '/pagefind/b/', 'zh-cn');
  assert.ok(one);
  assert.deepEqual(one.fetches.slice(1), ['/pagefind/b/pagefind.zh-cn_aaa.pf_meta', '/pagefind/b/wasm.unknown.pagefind'], 'the page\'s language, its WebAssembly "unknown" when it names none');
  assert.equal((await firstBundleFiles(dir, '/pagefind/b/', 'fr'))?.fetches[1], '/pagefind/b/pagefind.en_1.pf_meta', 'a language not indexed: the one with the most pages, as Pagefind picks');
  await writeSearchPreloads(dir, one);
  const written = await readFile(join(dir, 'search', 'index.html'), 'utf8');
  assert.equal(written, page.replace('crossorigin>\n', `crossorigin>\n${preloadLinks(one)}`));
  await writeSearchPreloads(dir, one);
  assert.equal(await readFile(join(dir, 'search', 'index.html'), 'utf8'), written, 'written twice: the same page');
  // a new index: new names, new tag, the old links gone
  await writeFile(join(dir, 'pagefind', 'b', 'pagefind-entry.json'), entry('zh-cn_bbb'));
  const two = await firstBundleFiles(dir, '/pagefind/b/', 'zh-cn');
  assert.ok(two && two.metaCacheTag !== one.metaCacheTag);
  await writeSearchPreloads(dir, two);
  const again = await readFile(join(dir, 'search', 'index.html'), 'utf8');
  assert.equal(again, page.replace('crossorigin>\n', `crossorigin>\n${preloadLinks(two)}`));
  assert.ok(!again.includes('zh-cn_aaa'));
  await writeSearchPreloads(dir, null);
  assert.equal(await readFile(join(dir, 'search', 'index.html'), 'utf8'), page, 'no bundle: no links');
  const bare = '<head>\n</head>\n';
  await writeFile(join(dir, 'search', 'index.html'), bare);
  await writeSearchPreloads(dir, two);
  assert.equal(await readFile(join(dir, 'search', 'index.html'), 'utf8'), bare);
});
