/**
 * The reader's site, end to end: segment (or fixtures) → renderSite → indexSite → a local static
 * server → headless Chromium. Expectations come from the front matter of the articles the site was
 * built from, never from hard-coded guesses.
 *
 * Articles: $BAOKU_SITE_ARTICLES if set; else the segmenter's output for content/raw when
 * scripts/segment.ts exists; else tests/fixtures/site-articles.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { Converter } from 'opencc-js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { indexSite, renderSite } from '../src/build/site-build.ts';
import { serveStatic, type StaticServer } from '../src/site/serve.ts';
import { launchBrowser, loadAllResults, waitSearchDone } from './browser.ts';
import type { Article } from '../src/segment/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const WAIT = { timeout: 20_000 };

/** An article's front matter as the site reads it back, with its body and derived fields. */
interface FM extends Pick<Article, 'id' | 'title' | 'kicker' | 'subtitle' | 'authors' | 'photographers' | 'credits' | 'captions' | 'publication' | 'dateline' | 'keywords' | 'source'> {
  body: string;
  /** Title, kicker, subtitle, names, captions, keywords and body as plain text. */
  text: string;
  url: string;
  seq: number;
}

let tmp = '';
let articlesFrom = '';
let outDir = '';
let server: StaticServer;
let browser: Browser;
let articles: FM[] = [];
let base = '';

function plain(body: string): string {
  return body.replace(/^#{1,6}\s+/gm, '').replace(/\s+/g, ' ');
}

async function readArticles(dir: string): Promise<FM[]> {
  const out: FM[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('_')).sort()) {
    const { data, content } = matter(await readFile(join(dir, name), 'utf8'), {});
    const d = data as Omit<FM, 'body' | 'text' | 'url' | 'seq'>;
    const fm: FM = {
      ...d,
      id: String(d.id),
      title: String(d.title ?? ''),
      authors: d.authors ?? [],
      photographers: d.photographers ?? [],
      credits: d.credits ?? [],
      captions: d.captions ?? [],
      keywords: d.keywords ?? [],
      body: content,
      text: '',
      url: `/articles/${encodeURIComponent(String(d.id))}/`,
      seq: Number(/(\d+)$/.exec(String(d.id))?.[1] ?? Number.MAX_SAFE_INTEGER),
    };
    fm.text = [
      fm.title,
      fm.kicker,
      fm.subtitle,
      ...fm.authors,
      ...fm.photographers,
      ...fm.credits.map((c) => c.name),
      ...fm.captions.map((c) => `${c.text} ${c.credit ?? ''}`),
      ...fm.keywords,
      plain(content),
    ]
      .filter(Boolean)
      .join(' ');
    out.push(fm);
  }
  return out;
}

async function prepareArticles(dir: string): Promise<string> {
  if (process.env.BAOKU_SITE_ARTICLES) return resolve(process.env.BAOKU_SITE_ARTICLES);
  if (existsSync(join(ROOT, 'scripts', 'segment.ts'))) {
    const target = join(dir, 'articles');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/segment.ts', '--output', target], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (r.status !== 0) {
      throw new Error(`scripts/segment.ts --output ${target} failed (${r.status}):\n${r.stderr}\n${r.stdout}`.slice(0, 4000));
    }
    return target;
  }
  return join(ROOT, 'tests', 'fixtures', 'site-articles');
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-site-'));
  articlesFrom = await prepareArticles(tmp);
  articles = await readArticles(articlesFrom);
  assert.ok(articles.length >= 2, `need at least two articles in ${articlesFrom}, found ${articles.length}`);
  outDir = join(tmp, 'site');
  // the site knows its address: the feed, the sitemap and absolute permalinks are written
  process.env.BAOKU_SITE_URL = 'https://archive.example/';
  const rendered = await renderSite({ articlesDir: articlesFrom, outDir });
  assert.ok(rendered.pages > articles.length, `renderSite wrote ${rendered.pages} pages`);
  const indexed = await indexSite(outDir);
  assert.equal(indexed.pages, articles.length, 'Pagefind indexes exactly the article pages');
  server = await serveStatic(outDir);
  base = server.url;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** A page that records console errors, uncaught errors, CSP violations and failed requests. */
async function watchedPage(context: BrowserContext) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // The 404 page's own status shows up as a console error; that one is expected.
    const expected404 = new URL(m.location().url || 'about:blank', 'http://x').pathname.startsWith('/no-such-');
    if (m.type() === 'error' && !expected404) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (r.status() >= 400 && !(r.request().isNavigationRequest() && url.pathname.startsWith('/no-such-'))) {
      problems.push(`HTTP ${r.status()} ${url.pathname}`);
    }
  });
  await page.exposeFunction('__reportCsp', (v: string) => problems.push(`CSP: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return { page, problems };
}

async function resultPaths(page: Page): Promise<string[]> {
  await loadAllResults(page, WAIT.timeout);
  return page.$$eval('#results > li a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

async function search(page: Page, params: Record<string, string>): Promise<string[]> {
  await page.goto(`${base}/search/?${new URLSearchParams(params)}`);
  await waitSearchDone(page);
  return resultPaths(page);
}

const byUrl = () => new Map(articles.map((a) => [a.url, a]));
const cjk = (s: string) => /^[\u4e00-\u9fff]+$/u.test(s);

/** A word from one article's body that no other article contains anywhere. */
function distinctiveWord(): { article: FM; word: string } {
  for (const a of [...articles].sort((x, y) => x.id.localeCompare(y.id))) {
    const body = plain(a.body);
    const others = articles.filter((o) => o !== a);
    const candidates = [...a.keywords.filter((k) => k.length >= 2 && cjk(k))];
    // Fallback: four-character CJK runs from the body.
    for (const m of body.matchAll(/[\u4e00-\u9fff]{4}/gu)) candidates.push(m[0]);
    for (const word of candidates) {
      if (body.includes(word) && !others.some((o) => o.text.includes(word))) return { article: a, word };
    }
  }
  throw new Error('no article has a body word that no other article contains');
}

function peopleOf(a: FM): string[] {
  return [...new Set([...a.authors, ...a.credits.filter((c) => c.role !== '摄影').map((c) => c.name)])];
}

/** An author whose name appears in no article they did not write. */
function distinctiveAuthor(): { name: string; theirs: FM[] } {
  const names = [...new Set(articles.flatMap(peopleOf))].filter((n) => n.length >= 2).sort();
  for (const name of names) {
    const theirs = articles.filter((a) => peopleOf(a).includes(name));
    const elsewhere = articles.some((a) => !theirs.includes(a) && a.text.includes(name));
    if (!elsewhere && theirs.length <= 20) return { name, theirs };
  }
  throw new Error('no author name to search for');
}

// ---------------------------------------------------------------------------------------------
// Build output

test('the build writes every page type, articles.json, the feed and the sitemap', async () => {
  for (const path of ['index.html', 'browse/index.html', 'authors/index.html', 'keywords/index.html', 'search/index.html', '404.html']) {
    assert.ok(existsSync(join(outDir, path)), `${path} exists`);
  }
  for (const a of articles) assert.ok(existsSync(join(outDir, 'articles', a.id, 'index.html')), `page for ${a.id}`);

  const json = JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as { id: string; url: string; title: string; source: FM['source'] }[];
  assert.deepEqual(json.map((j) => j.id).sort(), articles.map((a) => a.id).sort());
  for (const j of json) {
    const a = articles.find((x) => x.id === j.id)!;
    assert.equal(j.url, a.url);
    assert.equal(j.title, a.title);
    assert.deepEqual(j.source, a.source);
  }

  const feed = await readFile(join(outDir, 'feed.xml'), 'utf8');
  assert.match(feed, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.equal(feed.match(/<entry>/g)?.length, articles.length);
  assert.ok(feed.includes(`<link rel="alternate" type="text/html" href="https://archive.example${articles[0].url}"/>`), 'absolute links from BAOKU_SITE_URL');
  assert.ok(json.every((j) => (j as { permalink?: string }).permalink === `https://archive.example${j.url}`));

  const sitemap = await readFile(join(outDir, 'sitemap.xml'), 'utf8');
  for (const a of articles) assert.ok(sitemap.includes(`${a.url}</loc>`), `sitemap lists ${a.url}`);
  assert.ok(!sitemap.includes('404'), 'sitemap leaves out the 404 page');
});

test('article data is escaped, never interpreted as HTML', async () => {
  const dir = join(tmp, 'hostile');
  const out = join(tmp, 'hostile-site');
  await rm(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const body = '正文<script>alert(1)</script>里有<b>标签</b>和 {{ site.name }} 与 {% raw %}。\n\n## 小标题<i>x</i>\n\n第二段 https://example.com/ 不是链接。\n';
  // written by hand, not by the contract's toMarkdown: its escaping would leave no markup for the site to defuse
  await writeFile(
    join(dir, 'x-p1-01.md'),
    matter.stringify(body, {
      id: 'x-p1-01',
      title: '<img src=x onerror=alert(1)>标题',
      kicker: '"引号" & 符号',
      authors: ['<b>某人</b>'],
      photographers: [],
      credits: [{ name: '<b>某人</b>', role: '记者' }],
      captions: [{ text: '<svg onload=alert(1)>', credit: '某 摄' }],
      keywords: ['<关键词>'],
      source: { file: 'x.txt', page: 1, lines: [1, 3] },
    }),
  );
  await renderSite({ articlesDir: dir, outDir: out });
  const page = await readFile(join(out, 'articles', 'x-p1-01', 'index.html'), 'utf8');
  for (const bad of ['<script>alert', '<img src=x', '<b>标签', '<b>某人', '<svg onload', '<i>x</i>', '<关键词>', 'href="https://example.com']) {
    assert.ok(!page.includes(bad), `page must not contain ${bad}`);
  }
  assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;标题'));
  assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(page.includes('{{ site.name }}') && page.includes('{% raw %}'), 'Markdown is not run through a template engine');
  assert.ok(page.includes('&quot;引号&quot; &amp; 符号'));
});

// ---------------------------------------------------------------------------------------------
// Search

test('search by a Chinese body word finds the article, and its result opens it', async () => {
  const { article, word } = distinctiveWord();
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  const paths = await search(page, { q: word });
  assert.ok(paths.includes(article.url), `searching ${word} finds ${article.id}; got ${paths.join(', ')}`);
  assert.equal(await page.inputValue('#search-q'), word, 'the box shows the query from the URL');
  const li = page.locator('#results > li', { has: page.locator(`a[href="${article.url}"]`) });
  assert.ok((await li.locator('mark').count()) > 0, 'the excerpt highlights the match');
  const link = li.locator('a').first();
  if (article.title) assert.ok((await link.textContent())!.includes(article.title), 'result link text holds the headline');

  await link.click();
  await page.waitForURL(`${base}${article.url}`, WAIT);
  const h1 = await page.locator('h1').textContent();
  // no headline printed: the h1 says so (无题 or 图片新闻) before the title supplied from the text
  assert.ok(article.title ? h1!.includes(article.title) : /^(无题|图片新闻)/u.test(h1!.trim()), `h1 "${h1}" holds the headline`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('search by an author name finds their articles', async () => {
  const { name, theirs } = distinctiveAuthor();
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  const paths = await search(page, { q: name });
  for (const a of theirs) assert.ok(paths.includes(a.url), `searching ${name} finds ${a.id}; got ${paths.join(', ')}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a query in traditional characters finds the simplified text', async () => {
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const candidates = ['职业教育', '环保', '污水处理', '东安县', ...articles.flatMap((a) => a.keywords)];
  const simplified = candidates.find((w) => toTraditional(w) !== w && articles.some((a) => a.text.includes(w)));
  assert.ok(simplified, 'some article text has a word whose traditional form differs');
  const traditional = toTraditional(simplified);
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  const viaSimplified = await search(page, { q: simplified });
  const viaTraditional = await search(page, { q: traditional });
  assert.ok(viaTraditional.length > 0, `searching ${traditional} finds something`);
  assert.deepEqual(viaTraditional, viaSimplified, `${traditional} gives the same results as ${simplified}`);
  const containing = new Set(articles.filter((a) => a.text.includes(simplified)).map((a) => a.url));
  assert.ok(viaTraditional.some((p) => containing.has(p)), 'a result contains the simplified word');
  assert.equal(await page.inputValue('#search-q'), traditional, 'the box keeps what the reader typed');
  assert.ok((await page.textContent('#search-note'))!.includes(simplified), 'the page says it searched the simplified form');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a source-file filter narrows the results and stays in the URL', async () => {
  // A keyword used by articles from at least two files.
  const candidates = [...new Set(articles.flatMap((a) => a.keywords))]
    .filter((k) => k.length >= 2 && cjk(k))
    .map((k) => ({ k, files: new Set(articles.filter((a) => plain(a.body).includes(k)).map((a) => a.source.file)) }))
    .filter((c) => c.files.size >= 2)
    .sort((x, y) => y.files.size - x.files.size || x.k.localeCompare(y.k));
  assert.ok(candidates.length > 0, 'some keyword occurs in articles of two files');
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  const map = byUrl();
  let done = false;
  for (const { k } of candidates.slice(0, 5)) {
    const all = await search(page, { q: k });
    const files = [...new Set(all.map((p) => map.get(p)?.source.file))];
    if (files.length < 2) continue;
    assert.equal(await page.isVisible('#search-filters'), true, 'filters are offered');
    assert.equal((await page.evaluate(() => document.documentElement.dataset.filtersReady)) === 'true', false, 'the filter lists are not fetched before the box is opened');
    await page.click('#search-filters summary');
    // opening the box fetches the lists
    await page.waitForFunction(() => document.documentElement.dataset.filtersReady === 'true', null, WAIT);
    const file = files[0]!;
    await page.selectOption('#filter-file', file);
    await page.waitForFunction(() => location.search.includes('file='), null, WAIT);
    await waitSearchDone(page);
    const narrowed = await resultPaths(page);
    assert.ok(narrowed.length > 0 && narrowed.length < all.length, `filter ${file}: ${narrowed.length} of ${all.length}`);
    for (const p of narrowed) assert.equal(map.get(p)?.source.file, file, `${p} comes from ${file}`);
    assert.equal(new URL(page.url()).searchParams.get('file'), file);
    // Reloading the URL restores the filter.
    await page.reload();
    await waitSearchDone(page);
    assert.deepEqual(await resultPaths(page), narrowed);
    assert.equal(await page.inputValue('#filter-file'), file);
    done = true;
    break;
  }
  assert.ok(done, 'found a query whose results span two files');
  assert.deepEqual(problems, []);
  await context.close();
});

test('no results gives a clear message; typing updates the URL', async () => {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  const nonsense = 'qzxjvkw';
  assert.ok(!articles.some((a) => a.text.includes(nonsense)));
  assert.deepEqual(await search(page, { q: nonsense }), []);
  assert.match((await page.textContent('#search-status'))!, /没有找到/);

  const { word } = distinctiveWord();
  await page.fill('#search-q', word);
  await page.waitForFunction((w) => new URLSearchParams(location.search).get('q') === w, word, WAIT);
  await waitSearchDone(page);
  assert.ok((await resultPaths(page)).length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// Pages

/** The richest article: most of kicker, subtitle, captions, subheads, credits. */
function richest(): FM {
  const score = (a: FM) =>
    (a.title ? 2 : 0) + (a.subtitle ? 1 : 0) + (a.kicker ? 1 : 0) + a.captions.length + (/^## /m.test(a.body) ? 1 : 0) + (a.photographers.length ? 1 : 0);
  return [...articles].sort((x, y) => score(y) - score(x) || x.id.localeCompare(y.id))[0];
}

test('an article page shows the front matter, provenance and citation', async () => {
  const a = richest();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto(`${base}${a.url}`);
  assert.equal(res?.status(), 200);
  assert.equal(await page.locator('h1').count(), 1);
  if (a.title) assert.ok((await page.textContent('h1'))!.includes(a.title));
  if (a.kicker) assert.equal((await page.textContent('.article-header .kicker'))!.trim(), a.kicker);
  if (a.subtitle) assert.equal((await page.textContent('.article-header .subtitle'))!.trim(), `——${a.subtitle}`);
  const bylineLinks = await page.$$eval('.article-header .byline a', (as) => as.map((x) => x.textContent));
  for (const n of [...a.authors, ...a.photographers]) assert.ok(bylineLinks.includes(n), `${n} is linked`);
  assert.equal(await page.locator('figure figcaption').count(), a.captions.length);
  assert.equal(await page.locator('.article-body h2').count(), (a.body.match(/^## /gm) ?? []).length);
  assert.deepEqual(await page.$$eval('.keywords a', (as) => as.map((x) => x.textContent)), a.keywords);
  const prov = (await page.textContent('.provenance'))!;
  // the article's own line ranges, and its captions' lines
  const own = [...(a.source.ranges ?? [a.source.lines]), ...(a.source.caption_ranges ?? [])];
  assert.ok(prov.includes(a.source.file) && own.every(([f, l]) => prov.includes(f === l ? `${f}` : `${f}–${l}`)), prov);
  assert.ok((await page.textContent('.citation'))!.includes(`${a.title}[N]`));
  assert.ok((await page.textContent('.cite-archive'))!.includes(a.url));

  // Previous / next on the same page, in id order.
  const samePage = articles
    .filter((o) => o.source.file === a.source.file && o.source.page === a.source.page)
    .sort((x, y) => x.seq - y.seq);
  const i = samePage.indexOf(a);
  const prev = await page.locator('.pager a[rel=prev]').getAttribute('href').catch(() => null);
  const next = await page.locator('.pager a[rel=next]').getAttribute('href').catch(() => null);
  if (i > 0) assert.equal(prev, samePage[i - 1].url);
  if (i < samePage.length - 1) assert.equal(next, samePage[i + 1].url);

  // The raw view highlights the article's line range, without JavaScript.
  const rawHref = await page.getAttribute('.provenance a[href^="/raw/"]', 'href');
  assert.ok(rawHref?.endsWith(`#L${a.source.lines[0]}`));
  await page.goto(`${base}${rawHref}`);
  const bg = (n: number) => page.$eval(`[id="L${n}"]`, (el) => getComputedStyle(el).backgroundColor);
  const clear = 'rgba(0, 0, 0, 0)';
  const [first, last] = a.source.lines;
  for (const [f, l] of own) {
    assert.notEqual(await bg(f), clear, `line ${f}, the first of a range, is highlighted`);
    assert.notEqual(await bg(l), clear, `line ${l}, the last of a range, is highlighted`);
  }
  const total = await page.locator('.raw-text > li').count();
  const inOwn = (n: number) => own.some(([f, l]) => f <= n && n <= l);
  const outside = [last + 1, first - 1, ...own.map(([, l]) => l + 1)].filter((n) => n >= 1 && n <= total && !inOwn(n));
  for (const n of outside) assert.equal(await bg(n), clear, `line ${n}, outside the article's lines, is not highlighted`);
  await context.close();
});

test('browse pages list a page\'s articles in reading order', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const a = articles[0];
  await page.goto(`${base}${a.url}`);
  const pageHref = await page.getAttribute('.provenance a[href*="/p"]', 'href');
  await page.goto(`${base}${pageHref}`);
  const listed = await page.$$eval('ol.articles .summary-title a', (as) => as.map((x) => (x as HTMLAnchorElement).getAttribute('href')));
  const expected = articles
    .filter((o) => o.source.file === a.source.file && o.source.page === a.source.page)
    .sort((x, y) => x.seq - y.seq)
    .map((o) => o.url);
  assert.deepEqual(listed, expected);

  // Home → browse → publication → file.
  await page.goto(`${base}/`);
  const stats = await page.textContent('.stats');
  assert.ok(stats!.includes(`${articles.length} 篇`), `home counts ${articles.length} articles: ${stats}`);
  await page.click('a[href="/browse/"] >> nth=0');
  // each publication's page lists its files (the undated ones by file, their names beside them)
  const pubs = await page.$$eval('main h2 a[href^="/browse/"]', (as) => as.map((x) => x.getAttribute('href')!));
  const onPublications: string[] = [];
  for (const p of pubs) {
    await page.goto(`${base}${p}`);
    onPublications.push(...(await page.$$eval('main .file-list > li', (lis) => lis.map((li) => li.textContent ?? ''))));
  }
  for (const f of new Set(articles.map((o) => o.source.file))) assert.ok(onPublications.some((t) => t.includes(f)), `a publication page lists ${f}`);
  await context.close();
});

test('a person page separates roles', async () => {
  const credited = articles.flatMap((a) => a.credits.map((c) => ({ a, c }))).sort((x, y) => x.c.name.localeCompare(y.c.name))[0];
  const { a, c } = credited ?? { a: articles.find((x) => x.authors.length)!, c: { name: articles.find((x) => x.authors.length)!.authors[0], role: '作者' } };
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/authors/`);
  await page.click(`.people a:text-is("${c.name}")`);
  assert.equal((await page.textContent('h1'))!.trim(), c.name);
  const section = page.locator('section', { has: page.locator(`h2:has-text("${c.role}")`) });
  assert.equal(await section.count(), 1, `a section for the role ${c.role}`);
  assert.ok((await section.locator(`a[href="${a.url}"]`).count()) === 1, `${a.id} listed under ${c.role}`);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// Every page type: accessibility, 375px layout, CSP and console

async function pageTypes(): Promise<[string, string][]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const a = richest();
  await page.goto(`${base}${a.url}`);
  const href = (sel: string) => page.getAttribute(sel, 'href').then((h) => h!);
  const types: [string, string][] = [
    ['home', '/'],
    ['browse', '/browse/'],
    ['publication', await href('.breadcrumbs li:nth-child(3) a')],
    ['file', await href('.provenance a[href^="/files/"]')],
    ['file-page', await href('.provenance a[href*="/p"]')],
    ['article', a.url],
    ['authors', '/authors/'],
    ['author', await href('.article-header .byline a')],
    ['keywords', '/keywords/'],
    ['keyword', await href('.keywords a')],
    ['search', `/search/?${new URLSearchParams({ q: distinctiveWord().word })}`],
    ['raw', await href('.provenance a[href^="/raw/"]')],
    ['404', '/no-such-page/'],
  ];
  await context.close();
  return types;
}

test('every page type passes axe (light and dark) and fits 375px', async () => {
  const types = await pageTypes();
  // axe is injected as a script tag, which the site's CSP would (rightly) refuse.
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  const failures: string[] = [];
  for (const [type, path] of types) {
    const res = await page.goto(`${base}${path}`);
    assert.equal(res?.status(), type === '404' ? 404 : 200, `${type} ${path} status`);
    if (type === 'search') await waitSearchDone(page);
    assert.equal(await page.locator('h1').count(), 1, `${type}: one h1`);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    for (const landmark of ['header', 'nav', 'main', 'footer']) assert.ok((await page.locator(landmark).count()) > 0, `${type}: ${landmark}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 375) failures.push(`${type}: scrollWidth ${width} > 375`);
    await page.addScriptTag({ path: AXE });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await page.evaluate(async (onlyContrast) => {
        const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run(document, onlyContrast ? { runOnly: ['color-contrast'] } : { resultTypes: ['violations'] });
        return r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }, scheme === 'dark');
      for (const v of violations) failures.push(`${type} [${scheme}]: ${v}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  assert.deepEqual(failures, []);
  await context.close();
});

test('no page breaks the CSP or logs errors', async () => {
  const types = await pageTypes();
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  for (const [type, path] of types) {
    await page.goto(`${base}${path}`);
    if (type === 'search') {
      await waitSearchDone(page);
      assert.ok((await page.locator('#results > li').count()) > 0, 'the search page ran its query');
    }
    await page.waitForLoadState('networkidle');
  }
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.ok(csp?.includes("script-src 'self' 'wasm-unsafe-eval'"), 'CSP meta present');
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript the site still reads; search explains itself', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  const word = distinctiveWord().word;
  await page.fill('#home-q', word);
  await page.press('#home-q', 'Enter');
  await page.waitForURL(`${base}/search/?${new URLSearchParams({ q: word })}`, WAIT);
  assert.ok((await page.textContent('main'))!.includes('检索需要 JavaScript'));
  await context.close();
});
