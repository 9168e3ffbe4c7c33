/**
 * The search page as a reader meets it (#15 "Search", #13 date sort and range), in headless
 * Chromium, over an archive laid out as <paper>/<date>/<page>.txt (four issues of three papers,
 * two pages with a section from a manifest) plus one undated file of no known paper, indexed
 * into several Pagefind shards so that sorting by date has to be right across shards. Every
 * expectation comes from the site's own articles.json, never from a list typed in here.
 * Screenshots of the search page, 1366 and 390 px wide, go to tests/screenshots/search-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { Converter } from 'opencc-js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runSegment } from '../src/build/segment-run.ts';
import { indexSite, renderSite } from '../src/build/site-build.ts';
import { segmentFile } from '../src/segment/index.ts';
import { serveStatic, type StaticServer } from '../src/site/serve.ts';
import { launchBrowser, pageProblems, loadAllResults, waitSearchDone } from './browser.ts';
import { RAW_DIR, SAMPLE_FILES } from './helpers.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');
const LAYOUT: [string, string][] = [
  ['人民日报/2018-01-22/07.txt', SAMPLE_FILES[0]],
  ['人民日报/2018-01-23/03.txt', SAMPLE_FILES[2]],
  ['湖南日报/2020/06/14/p2.txt', SAMPLE_FILES[3]],
  ['株洲日报/2021-06-14/01.txt', SAMPLE_FILES[4]],
  ['misc/scan-0002.txt', SAMPLE_FILES[1]],
];
const SECTIONS: Record<string, string> = { '人民日报/2018-01-22/07.txt': '要闻', '人民日报/2018-01-23/03.txt': '理论' };

interface Entry {
  url: string;
  title: string;
  text: string;
  paper?: string;
  publication?: string;
  section?: string;
  issue_date?: string;
  source: { file: string };
}

let tmp: string;
let server: StaticServer;
let browser: Browser;
let bundles = 0;
let shardFiles: [string, string][] = [];
let articles: Entry[] = [];
const byUrl = new Map<string, Entry>();

before(async () => {
  delete process.env.BAOKU_SITE_URL;
  tmp = mkdtempSync(join(tmpdir(), 'baoku-search-reader-'));
  const raw = join(tmp, 'raw');
  for (const [to, from] of LAYOUT) {
    mkdirSync(dirname(join(raw, to)), { recursive: true });
    writeFileSync(join(raw, to), readFileSync(join(RAW_DIR, from)));
  }
  writeFileSync(join(raw, '_issues.csv'), ['file,publication,issue_date,page,section,edition', ...Object.entries(SECTIONS).map(([f, s]) => `${f},,,,${s},`), ''].join('\n'));
  await runSegment({ input: raw, output: join(tmp, 'articles'), segmenter: segmentFile });
  const site = join(tmp, 'site');
  await renderSite({ articlesDir: join(tmp, 'articles'), rawDir: raw, outDir: site });
  await indexSite(site, { bundles: 3 });
  bundles = JSON.parse(readFileSync(join(site, 'search', 'config.json'), 'utf8')).bundles.length;
  shardFiles = (JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8')) as { shards: { files: [string, string] }[] }).shards.map((s) => s.files);
  // the text a search matches: headline parts, body, captions, names
  type Json = Entry & { id: string; kicker?: string; subtitle?: string; authors: string[]; photographers: string[]; credits: { name: string }[]; captions: { text: string; credit?: string }[] };
  const json = JSON.parse(readFileSync(join(site, 'articles.json'), 'utf8')) as Json[];
  for (const j of json) {
    const md = readFileSync(join(tmp, 'articles', `${j.id}.md`), 'utf8');
    const body = md.slice(md.indexOf('\n---', 3) + 4).replace(/^#+ /gmu, '');
    const fields = [j.kicker, j.title, j.subtitle, body, ...j.captions.flatMap((c) => [c.text, c.credit]), ...j.credits.map((c) => c.name), ...j.authors, ...j.photographers];
    const url = new URL(String(j.url), 'http://x').pathname;
    const e: Entry = { ...j, url, text: fields.filter(Boolean).join('\u0000').replace(/\s+/gu, '') };
    articles.push(e);
    byUrl.set(url, e);
  }
  server = await serveStatic(site);
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A page that records console errors and uncaught errors. */
async function watched(width = 1000): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const problems = pageProblems(page);
  return { context, page, problems };
}

/** The search page for `params`, given in the order the page writes them (q, filters, from, to, sort). */
async function open(page: Page, params: Record<string, string>): Promise<void> {
  await page.goto(`${server.url}/search/?${new URLSearchParams(params)}`);
  await waitSearchDone(page);
}

/** Every result of the search shown (pressing "more" to the end), as paths. */
async function allResults(page: Page): Promise<string[]> {
  await loadAllResults(page);
  return page.$$eval('#results > li .result-title a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

const containing = (s: string) => articles.filter((a) => a.text.includes(s)).map((a) => a.url).sort();
const sorted = (xs: string[]) => [...xs].sort();

test('a query in quotes, or ending in punctuation, finds what the bare string finds, and says so', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await watched();
  try {
    const word = '产教融合';
    const want = containing(word);
    assert.ok(want.length >= 2, `${word} is in ${want.length} articles`);
    await open(page, { q: word });
    assert.deepEqual(sorted(await allResults(page)), want);
    assert.equal(await page.isVisible('#search-note'), false, 'a bare query has nothing to say');
    for (const q of [`"${word}"`, `“${word}”`, `「${word}」`, `『${word}』`, `${word}。`, `——${word}`]) {
      await open(page, { q });
      assert.deepEqual(sorted(await allResults(page)), want, q);
      const note = (await page.textContent('#search-note')) ?? '';
      assert.match(note, /[“"「『]/u.test(q) ? /已去掉引号/u : /已去掉首尾的标点/u, `${q}: ${note}`);
      assert.match((await page.textContent('#search-status')) ?? '', new RegExp(`找到 ${want.length} 篇包含“${word}”的文章`, 'u'));
      assert.equal(await page.inputValue('#search-q'), q, 'the box keeps what the reader typed');
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a paper is a filter: its name offers it, chips show and remove it; section and date range narrow too', { timeout: 120_000 }, async () => {
  const { context, page, problems } = await watched();
  try {
    const paper = '湖南日报';
    const papers = articles.filter((a) => (a.paper ?? a.publication) === paper).map((a) => a.url).sort();
    const naming = containing(paper);
    assert.ok(papers.length > naming.length, `${paper}: ${papers.length} articles of the paper, ${naming.length} name it`);
    await open(page, { q: paper });
    const offer = page.locator('#search-chips .offer a');
    assert.equal(await offer.count(), 1, 'the paper\'s filter is offered');
    assert.match((await offer.textContent()) ?? '', new RegExp(`《${paper}》`, 'u'));
    await offer.click();
    await page.waitForFunction((p) => new URLSearchParams(location.search).get('publication') === p && !location.search.includes('q='), paper);
    await waitSearchDone(page);
    assert.deepEqual(sorted(await allResults(page)), papers, 'the paper\'s articles, all of them');
    assert.equal(await page.inputValue('#filter-publication'), paper);
    const chip = page.locator('#search-chips a.chip', { hasText: `报刊：${paper}` });
    assert.equal(await chip.count(), 1, 'the filter in use is a chip');
    await chip.click();
    await page.waitForFunction(() => location.search === '');
    await waitSearchDone(page);
    assert.equal(await page.locator('#results > li').count(), 0);
    assert.equal(await page.isVisible('#search-help'), true, 'back on the empty page');

    // a section, from the manifest
    for (const section of new Set(Object.values(SECTIONS))) {
      const want = articles.filter((a) => a.section === section).map((a) => a.url).sort();
      assert.ok(want.length > 0, section);
      await open(page, { section });
      assert.deepEqual(sorted(await allResults(page)), want, `section ${section}`);
    }
    // a date range: a query, narrowed to the issues from 2018-01-23 to the end of 2020
    const word = '的';
    const inRange = articles.filter((a) => a.text.includes(word) && a.issue_date && a.issue_date >= '2018-01-23' && a.issue_date <= '2020-12-31');
    assert.ok(new Set(inRange.map((a) => a.issue_date)).size >= 2 && inRange.length < containing(word).length);
    await open(page, { q: word, from: '2018-01-23', to: '2020-12-31' });
    assert.deepEqual(sorted(await allResults(page)), inRange.map((a) => a.url).sort());
    assert.equal(await page.inputValue('#filter-from'), '2018-01-23');
    assert.match((await page.textContent('#search-chips')) ?? '', /出版日期：2018-01-23 至 2020-12-31/u);
    // a year as the range's end reaches to its last day
    await open(page, { q: word, from: '2020', to: '2020' });
    const of2020 = articles.filter((a) => a.text.includes(word) && a.issue_date?.startsWith('2020')).map((a) => a.url).sort();
    assert.ok(of2020.length > 0);
    assert.deepEqual(sorted(await allResults(page)), of2020);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('results say date · paper · page, and the file name only where nothing else is known', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await watched();
  try {
    const word = '的';
    await open(page, { q: word });
    await loadAllResults(page);
    const metas = await page.$$eval('#results > li', (lis) => lis.map((li) => [new URL(li.querySelector<HTMLAnchorElement>('.result-title a')!.href).pathname, li.querySelector('.meta')?.textContent ?? '']));
    assert.equal(metas.length, containing(word).length);
    let unknown = 0;
    for (const [url, meta] of metas) {
      const a = byUrl.get(url)!;
      const file = a.source.file;
      if (a.issue_date) {
        const [y, m, d] = a.issue_date.split('-').map(Number);
        assert.ok(meta.includes(`${y}年${m}月${d}日 · ${a.paper} · 第 `), `${url}: ${meta}`);
        assert.ok(!meta.includes(file) && !meta.includes(file.split('/').pop()!), `${url} names its file: ${meta}`);
      } else if (!a.paper && !a.publication) {
        unknown++;
        assert.match(meta, new RegExp(`出版日期不详 · ${file.replace(/[.]/gu, '\\.')} · 第 \\d+ 版`, 'u'), `${url}: nothing known but the file`);
      }
    }
    assert.ok(unknown > 0, 'some result is of a file whose date and paper are unknown');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('sort by newest or oldest: issue dates in order across every shard, undated last', { timeout: 120_000 }, async () => {
  assert.ok(bundles >= 2, `the index has ${bundles} shards`);
  // the dates are spread over the shards: a shard's own order would not do
  const datesOf = (files: string[]) => new Set(articles.filter((a) => files.includes(a.source.file) && a.issue_date).map((a) => a.issue_date));
  const spread = shardFiles.map(datesOf).filter((d) => d.size > 0);
  assert.ok(spread.length >= 2, `shards by file: ${JSON.stringify(shardFiles)}`);
  const { context, page, problems } = await watched();
  try {
    const word = '的';
    const want = containing(word);
    await open(page, { q: word });
    const relevance = await allResults(page);
    assert.deepEqual(sorted(relevance), want);
    const dateOf = (u: string) => byUrl.get(u)!.issue_date ?? '';
    for (const sort of ['newest', 'oldest'] as const) {
      await open(page, { q: word, sort });
      assert.equal(await page.inputValue('#search-sort'), sort);
      const got = await allResults(page);
      assert.deepEqual(sorted(got), want, `${sort}: the same results`);
      const dates = got.map(dateOf);
      const dated = dates.filter(Boolean);
      assert.ok(new Set(dated).size >= 4, `${sort}: ${new Set(dated).size} dates`);
      assert.ok(dates.indexOf('') > 0, 'some are undated');
      assert.ok(dates.slice(dates.indexOf('')).every((d) => d === ''), `${sort}: the undated come last: ${dates.join(' ')}`);
      const inOrder = [...dated].sort();
      if (sort === 'newest') inOrder.reverse();
      assert.deepEqual(dated, inOrder, `${sort}: ${dated.join(' ')}`);
      assert.notDeepEqual(got, relevance, 'the order is not relevance\'s');
      // the page shows the dates it sorts by
      const first = (await page.textContent('#results > li .meta')) ?? '';
      const [y, m, d] = dates[0].split('-').map(Number);
      assert.ok(first.includes(`${y}年${m}月${d}日`), first);
    }
    // chosen in the page: the order goes to the URL
    await open(page, { q: word });
    await page.selectOption('#search-sort', 'oldest');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'oldest');
    await waitSearchDone(page);
    const chosen = (await allResults(page)).map(dateOf);
    assert.deepEqual(chosen.filter(Boolean), [...chosen.filter(Boolean)].sort());
    // within a date range: only its dates, in order
    await open(page, { q: word, from: '2018-01-23', to: '2020', sort: 'newest' });
    const ranged = (await allResults(page)).map(dateOf);
    assert.ok(ranged.length > 0 && ranged.every((d) => d >= '2018-01-23' && d <= '2020-12-31'), ranged.join(' '));
    assert.deepEqual(ranged, [...ranged].sort().reverse());
    assert.equal(ranged.length, want.filter((u) => dateOf(u) >= '2018-01-23' && dateOf(u) <= '2020-12-31').length);
    // and with a filter only (a paper's articles, oldest first)
    await open(page, { publication: '人民日报', sort: 'oldest' });
    const rmrb = (await allResults(page)).map(dateOf);
    assert.ok(rmrb.length > 2 && rmrb.every(Boolean));
    assert.deepEqual(rmrb, [...rmrb].sort());
    assert.ok(rmrb[0] < rmrb[rmrb.length - 1]);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the box is focused on the empty page only; after "more" focus goes to the first new result and the count is announced', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await watched();
  try {
    await open(page, {});
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q', 'empty page: the box');
    await open(page, { q: '的' });
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'search-q', 'with ?q= the results, not the keyboard');
    assert.equal(await page.getAttribute('#search-q', 'autofocus'), null);

    const total = containing('的').length;
    assert.ok(total > 10, `${total} results, more than a page`);
    await page.focus('#more-results');
    const before = await page.locator('#results > li').count();
    const loaded = await page.getAttribute('#results', 'data-loaded');
    await page.keyboard.press('Enter');
    await page.waitForFunction((k) => document.getElementById('results')!.dataset.loaded !== k, loaded);
    await page.waitForFunction(() => document.getElementById('search-more-status')!.textContent !== '');
    const after = await page.locator('#results > li').count();
    assert.ok(after > before);
    const focused = await page.evaluate(() => {
      const li = document.activeElement?.closest('#results > li');
      return li ? [...li.parentElement!.children].indexOf(li) : -1;
    });
    assert.equal(focused, before, 'focus on the first new result');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'A');
    assert.equal(await page.getAttribute('#search-more-status', 'aria-live'), 'polite');
    // the total is said once every shard has been searched
    const announced = (await page.textContent('#search-more-status')) ?? '';
    const known = await page.getAttribute('#search-status', 'data-total');
    assert.match(announced, new RegExp(`又显示 ${after - before} 篇，已显示 ${after} 篇${known ? `，共 ${total} 篇` : '。'}`, 'u'));
    if (known) assert.equal(known, String(total));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the empty page shows example queries from the archive, each finding something, and how matching works', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await watched();
  try {
    await open(page, {});
    const help = (await page.textContent('#search-help')) ?? '';
    assert.match(help, /逐字匹配/u);
    assert.match(help, /繁体/u);
    const examples = await page.$$eval('#search-help .examples a', (as) => as.map((a) => a.textContent ?? ''));
    assert.ok(examples.length >= 4, examples.join(' '));
    const names = new Set(articles.flatMap((a) => (a as unknown as { authors: string[] }).authors));
    assert.ok(examples.some((e) => names.has(e)), `a name among ${examples.join(' ')}`);
    for (const e of examples) assert.ok(containing(e).length > 0, `${e} is in the archive`);
    // one of them, followed
    await page.click(`#search-help .examples a:text-is("${examples[0]}")`);
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, examples[0]);
    await waitSearchDone(page);
    assert.ok((await allResults(page)).length > 0);
    assert.equal(await page.isVisible('#search-help'), false, 'the examples give way to the results');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a traditional query\'s count line names the simplified form it searched', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await watched();
  try {
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const simplified = '职业教育';
    const traditional = toTraditional(simplified);
    assert.notEqual(traditional, simplified);
    const want = containing(simplified);
    assert.ok(want.length > 0);
    await open(page, { q: traditional });
    assert.deepEqual(sorted(await allResults(page)), want);
    const status = (await page.textContent('#search-status')) ?? '';
    assert.ok(status.includes(`包含“${simplified}”`), status);
    assert.ok(status.includes(traditional), status);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the search page with chips, an offer, open filters and sorted results passes axe (light and dark)', { timeout: 90_000 }, async () => {
  // axe is injected as a script tag, which the site's CSP would (rightly) refuse
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  try {
    const failures: string[] = [];
    for (const params of [{ q: '湖南日报', section: '要闻', from: '2018-01-01', sort: 'newest' }, {}] as Record<string, string>[]) {
      await open(page, params);
      if (Object.keys(params).length) await page.waitForFunction(() => document.documentElement.dataset.filtersReady === 'true');
      await page.addScriptTag({ path: join(import.meta.dirname, '..', 'node_modules', 'axe-core', 'axe.min.js') });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        for (const v of violations) failures.push(`${JSON.stringify(params)} [${scheme}] ${v}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    }
    assert.deepEqual(failures, []);
  } finally {
    await context.close();
  }
});

test('screenshots: search at 1366 and 390 px, with results and empty', { timeout: 90_000 }, async () => {
  for (const width of [1366, 390]) {
    const { context, page, problems } = await watched(width);
    try {
      await open(page, { q: '“公安局”', sort: 'newest' });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(SHOTS, `search-results-${width}.png`), fullPage: true });
      await open(page, { q: '湖南日报' });
      await page.screenshot({ path: join(SHOTS, `search-paper-${width}.png`), fullPage: true });
      await open(page, {});
      await page.screenshot({ path: join(SHOTS, `search-empty-${width}.png`), fullPage: true });
      // nothing wider than the window
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});
