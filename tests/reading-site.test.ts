/**
 * Reading the site (issue #15, "Reading"), in headless Chromium on the sample archive: articles
 * printed without a headline, names in bylines at 390 px, the author index's order, keyword pages,
 * the raw-text view, the home page's counts and the list of all articles, and 上一篇/下一篇 across
 * pages. Expectations come from the articles' front matter and the raw files, never from a list
 * of answers. Screenshots: tests/screenshots/reading-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pinyin } from 'pinyin-pro';
import type { Browser, Page } from 'playwright-core';
import { runSegment } from '../src/build/segment-run.ts';
import { renderSite } from '../src/build/site-build.ts';
import { fromMarkdown, type ArticleFile } from '../src/contract/markdown.ts';
import { segmentFile } from '../src/segment/index.ts';
import { loadArchive } from '../src/site/archive.ts';
import { measureKeywords } from '../src/site/keyword-measure.ts';
import { serveStatic, type StaticServer } from '../src/site/serve.ts';
import { launchBrowser } from './browser.ts';
import { RAW_DIR } from './helpers.ts';
import { readRecordsList, storedRecords } from '../src/build/records-store.ts';
import type { SearchRecord } from '../src/search/records.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');
let tmp: string;
let articlesDir: string;
let siteDir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
let phone: Page;
let articles: ArticleFile[] = [];

before(async () => {
  process.env.BAOKU_SITE_URL = 'https://archive.example/';
  tmp = mkdtempSync(join(tmpdir(), 'baoku-reading-'));
  articlesDir = join(tmp, 'articles');
  siteDir = join(tmp, 'site');
  await runSegment({ input: RAW_DIR, output: articlesDir, segmenter: segmentFile });
  articles = readdirSync(articlesDir)
    .filter((n) => n.endsWith('.md') && !n.startsWith('_'))
    .sort()
    .map((n) => fromMarkdown(readFileSync(join(articlesDir, n), 'utf8'), n));
  // the search records are read before anything indexes (and deletes) them
  await renderSite({ articlesDir, rawDir: RAW_DIR, outDir: siteDir });
  server = await serveStatic(siteDir);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })).newPage();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const urlOf = (a: ArticleFile) => `/articles/${a.id}/`;
/** The first paragraph of an article's body, as plain text. */
const leadOf = (a: ArticleFile) => a.body.split(/\n\s*\n/u).map((p) => p.trim()).find((p) => p && !p.startsWith('#')) ?? '';
/** What a reader sees of an article: title, kicker, subtitle, body, captions. */
const textOf = (a: ArticleFile) => [a.kicker ?? '', a.title, a.subtitle ?? '', a.body, ...a.captions.map((c) => c.text)].join('\n');

test('an article printed without a headline: 图片新闻 or 无题, its first sentence as a greyed title, never （无标题） glued to it', { timeout: 120_000 }, async () => {
  const untitled = articles.filter((a) => a.title.trim() === '');
  assert.ok(untitled.length >= 2, `the sample has ${untitled.length} untitled articles`);
  const photo = untitled.filter((a) => a.bylines.some((b) => b.includes('摄影报道')));
  assert.ok(photo.length >= 1, 'the sample has a 摄影报道 without a headline');
  const feed = readFileSync(join(siteDir, 'feed.xml'), 'utf8');
  // the render's records, as the index stage reads them (src/build/records-store.ts)
  const list = await readRecordsList(siteDir);
  const records: SearchRecord[] = [];
  for await (const r of storedRecords(list, list.files)) records.push(r);
  for (const a of untitled) {
    const mark = photo.includes(a) ? '图片新闻' : '无题';
    await page.goto(`${server.url}${urlOf(a)}`);
    assert.equal(await page.textContent('h1 .title-mark'), mark, `${a.id}: the headline's mark`);
    const supplied = (await page.textContent('h1 .supplied-title'))!;
    const words = supplied.replace(/…$/u, '');
    assert.ok(words.length >= 4 && leadOf(a).includes(words), `${a.id}: "${supplied}" is taken from the first sentence of "${leadOf(a).slice(0, 40)}"`);
    assert.ok(!/[。！？]/u.test(words), `${a.id}: one sentence at most: ${supplied}`);
    // greyed: not the colour of a headline
    const [greyed, headline] = await page.$eval('h1 .supplied-title', (el) => [getComputedStyle(el).color, getComputedStyle(el.closest('h1')!).color]);
    assert.notEqual(greyed, headline, `${a.id}: the supplied title is greyed`);
    const citation = (await page.textContent('#cite-gbt'))!;
    assert.ok(!citation.includes('无标题'), `${a.id}: ${citation}`);
    assert.ok(citation.includes(`[${mark === '图片新闻' ? `图片新闻：${supplied}` : supplied}][N]`), `${a.id}: the citation brackets the supplied title: ${citation}`);
    for (const meta of ['citation_title', 'DC.title']) {
      assert.equal(await page.getAttribute(`meta[name="${meta}"]`, 'content'), citation.slice(citation.indexOf('[')).split('[N]')[0], `${a.id}: ${meta}`);
    }
    assert.equal(await page.title(), `[${mark}] ${supplied} · 报库 Baoku`, `${a.id}: the page's title`);
    assert.ok(feed.includes(`<title>[${mark}] ${supplied}</title>`), `${a.id}: the feed's title`);
    assert.equal(records.find((r) => r.url === urlOf(a))!.meta.title, `[${mark}] ${supplied}`, `${a.id}: the search record's title`);
    // and in a list: the page's list of its articles
    await page.click('.issue-line a:has-text("第")');
    const item = page.locator(`.articles a[href="${urlOf(a)}"]`);
    assert.equal(await item.locator('.title-mark').textContent(), mark);
    if (a === photo[0]) await item.screenshot({ path: join(SHOTS, 'reading-untitled-in-list.png') });
  }
  assert.ok(!feed.includes('无标题'), 'no （无标题） in the feed');
});

test('at 390 px a name in a byline never breaks across lines', { timeout: 180_000 }, async () => {
  const credited = articles.filter((a) => a.credits.length > 0);
  let names = 0;
  const broken: string[] = [];
  for (const a of credited) {
    await phone.goto(`${server.url}${urlOf(a)}`);
    const lines = await phone.$$eval('.article-header .byline a, .provenance .name', (els) =>
      els.map((el) => {
        // the lines a name's characters stand on
        const r = document.createRange();
        r.selectNodeContents(el);
        const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        return [el.textContent ?? '', tops.size] as const;
      }),
    );
    names += lines.length;
    for (const [name, n] of lines) if (n > 1) broken.push(`${a.id}: ${name}`);
  }
  assert.ok(names > 20, `${names} names looked at`);
  assert.deepEqual(broken, []);
  // the article with the longest byline, as a reader sees it
  const longest = [...credited].sort((x, y) => y.bylines.join('').length - x.bylines.join('').length)[0];
  await phone.goto(`${server.url}${urlOf(longest)}`);
  await phone.screenshot({ path: join(SHOTS, 'reading-byline-390.png') });
  await phone.locator('.provenance').screenshot({ path: join(SHOTS, 'reading-provenance-390.png') });
});

test('the author index files names by pinyin, a surname by its surname reading (曾 Zēng under Z)', { timeout: 60_000 }, async () => {
  await page.goto(`${server.url}/authors/`);
  const sections = await page.$$eval('section.letter', (ss) => ss.map((s) => [s.querySelector('h2')!.textContent!.trim(), [...s.querySelectorAll('.people li a.name')].map((a) => a.textContent!.trim())] as const));
  const listed = sections.flatMap(([, names]) => names);
  const credited = new Set(articles.flatMap((a) => [...a.credits.map((c) => c.name), ...a.authors, ...a.photographers]));
  assert.deepEqual([...listed].sort(), [...credited].sort(), 'every credited name once');
  // each name under the letter its surname reading starts with, the letters in order
  const initial = (n: string) => pinyin(n, { surname: 'head', toneType: 'none', type: 'array' })[0].charAt(0).toUpperCase();
  for (const [letter, names] of sections) for (const n of names) assert.equal(initial(n), letter, `${n} under ${letter}`);
  const letters = sections.map(([l]) => l);
  assert.deepEqual(letters, [...letters].sort(), 'letters in order');
  const zeng = [...credited].find((n) => n.startsWith('曾'));
  assert.ok(zeng, 'the sample credits a 曾');
  assert.equal(sections.find(([, names]) => names.includes(zeng))?.[0], 'Z', `${zeng} is filed under Z`);
  // within a letter, by the whole reading
  const reading = (n: string) => pinyin(n, { surname: 'head', toneType: 'none', type: 'array' }).join(' ');
  for (const [letter, names] of sections) {
    for (let i = 1; i < names.length; i++) assert.ok(reading(names[i - 1]) <= reading(names[i]), `${letter}: ${names[i - 1]} before ${names[i]}`);
  }
  await page.screenshot({ path: join(SHOTS, 'reading-authors.png'), fullPage: true });
});

test('keyword pages: a place and its administrative form are one page, a page lists every article printing it, no fragment is a keyword', { timeout: 120_000 }, async () => {
  await page.goto(`${server.url}/keywords/`);
  const index = await page.$$eval('.tag-cloud li', (lis) => lis.map((li) => [li.querySelector('a')!.textContent!.trim(), li.querySelector('a')!.getAttribute('href')!, Number(li.querySelector('.count')!.textContent)] as const));
  const names = new Set(index.map(([n]) => n));
  const doubles = [...names].filter((n) => ['省', '市', '县', '区'].some((s) => names.has(n + s)));
  assert.deepEqual(doubles, [], 'no place with a page of its own beside its administrative form');
  // every keyword an article names leads to a page that lists it
  for (const a of articles) for (const k of a.keywords) assert.ok(names.has(k) || ['省', '市', '县', '区'].some((s) => names.has(k + s)), `${a.id}: keyword ${k} has a page`);
  let checked = 0;
  for (const [name, href, n] of index) {
    // a keyword inside a longer one (株洲 in 株洲高新区) is counted where the longer is printed: test the others
    if ([...names].some((other) => other !== name && other.includes(name))) continue;
    // over HTTP without rendering: two hundred pages
    const body = await (await page.request.get(`${server.url}${href}`)).text();
    const listed = new Set([...body.matchAll(/<h2 class="summary-title"><a href="([^"]+)"/gu)].map((m) => m[1]));
    assert.equal(listed.size, n, `${name}: the index's count is the page's`);
    const printing = articles.filter((a) => textOf(a).includes(name)).map(urlOf);
    for (const u of printing) assert.ok(listed.has(u), `${name}: ${u} prints it and is listed`);
    const bare = name.replace(/[省市县区]$/u, '');
    for (const u of listed) {
      const a = articles.find((x) => urlOf(x) === u)!;
      assert.ok(textOf(a).includes(name) || textOf(a).includes(bare) || a.keywords.includes(name), `${name}: ${u} is listed and prints it`);
    }
    checked++;
  }
  assert.ok(checked > 50, `${checked} keyword pages checked`);
  const multi = index.filter(([, , n]) => n >= 2).length;
  assert.ok(multi * 2 > index.length, `${multi} of ${index.length} keyword pages list two articles or more`);
  const m = await measureKeywords(await loadArchive({ articlesDir, rawDir: RAW_DIR }), RAW_DIR);
  assert.deepEqual(m.fragments, [], 'every keyword is a word of its articles or a learned name');
  assert.equal(m.pages, index.length);
});

test('the raw-text view: the bar clears the first character, blank lines folded, a link back, context above the range', { timeout: 120_000 }, async () => {
  const file = articles[0].source.file;
  const lines = readFileSync(join(RAW_DIR, file), 'utf8').split(/\r\n|\r|\n/u);
  const inFile = articles.filter((a) => a.source.file === file);
  // an article that starts well into the file, so there is something above it
  const a = inFile.find((x) => (x.source.ranges?.[0] ?? x.source.lines)[0] > 20) ?? inFile[inFile.length - 1];
  await page.goto(`${server.url}${urlOf(a)}`);
  await page.click('a:text("查看原文中的这几行")');
  await page.waitForURL(/\/raw\//u);
  const first = (a.source.ranges?.[0] ?? a.source.lines)[0];
  assert.ok(page.url().endsWith(`#L${first}`));
  // the highlight's bar is left of the first character of every highlighted line
  const overlaps = await page.$$eval('.raw-text li', (lis) =>
    lis
      .filter((li) => getComputedStyle(li).boxShadow !== 'none' && (li.textContent ?? '').trim() !== '')
      .map((li) => {
        const bar = Number(/(-?\d+(?:\.\d+)?)px/u.exec(getComputedStyle(li).boxShadow.replace(/rgba?\([^)]*\)/u, ''))?.[1] ?? 0);
        const r = document.createRange();
        const text = li.firstChild!;
        r.setStart(text, 0);
        r.setEnd(text, 1);
        const char = r.getBoundingClientRect();
        return [li.id, char.left - li.getBoundingClientRect().left - bar] as const;
      }),
  );
  assert.ok(overlaps.length > 0, 'lines are highlighted');
  for (const [id, gap] of overlaps) assert.ok(gap >= 1, `${id}: the first character starts ${gap.toFixed(1)} px right of the bar`);
  // a link back to the article, in view
  const back = page.locator(`.raw-back a[href="${urlOf(a)}"]`);
  assert.ok(await back.isVisible(), 'a link back to the article');
  assert.ok(await back.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight), 'the link back is in view');
  // a few text lines above the range are in view
  const above = await page.$eval(`#L${first}`, (target) => {
    const all = [...document.querySelectorAll('.raw-text li')].filter((li) => (li.textContent ?? '').trim() !== '');
    const k = all.indexOf(target.closest('li')!);
    return all.slice(0, k).filter((li) => li.getBoundingClientRect().top >= 0).length;
  });
  assert.ok(above >= 3, `${above} lines of context above line ${first}`);
  // blank lines are folded: no row is blank, a row per text line, each numbered as its line
  const rows = await page.$$eval('.raw-text > li', (lis) => lis.map((li) => [(li.textContent ?? '').trim(), li.id, (li as HTMLLIElement).value] as const));
  const textLines = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim() !== '');
  assert.ok(textLines.length < lines.length, `${file} has blank lines`);
  assert.equal(rows.length, textLines.length, `${rows.length} rows for ${textLines.length} text lines of ${lines.length}`);
  for (const [text, id, value] of rows) assert.ok(text !== '' && id === `L${value}`, `row ${id} (${value}): "${text}"`);
  // every line still has its anchor
  assert.equal(await page.locator('.raw-text [id^="L"]').count(), lines.length - (lines[lines.length - 1] === '' ? 1 : 0));
  await page.screenshot({ path: join(SHOTS, 'reading-raw.png') });
  await phone.goto(page.url());
  await phone.screenshot({ path: join(SHOTS, 'reading-raw-390.png') });
});

test('home: the count of papers is the list of papers; a list of all articles', { timeout: 60_000 }, async () => {
  await page.goto(`${server.url}/`);
  const said = Number(/(\d+)/u.exec((await page.textContent('.stat:has(dt:text-is("报刊")) dd'))!)![1]);
  const listed = await page.locator('section[aria-labelledby="pubs-h"] li').count();
  assert.equal(said, listed, `报刊 ${said} 种, ${listed} listed`);
  await page.click('a:has-text("全部文章")');
  const seen: string[] = [];
  for (;;) {
    seen.push(...(await page.$$eval('.all-articles li > a', (as) => as.map((x) => x.getAttribute('href')!))));
    const next = page.locator('.pager a[rel="next"]');
    if (!(await next.count())) break;
    await next.click();
  }
  assert.deepEqual([...seen].sort(), articles.map(urlOf).sort(), 'every article, once');
});

test('上一篇 / 下一篇 run across pages within a paper: only its first article has no 上一篇', { timeout: 120_000 }, async () => {
  const prevOf = new Map<string, string | null>();
  const nextOf = new Map<string, string | null>();
  for (const a of articles) {
    await page.goto(`${server.url}${urlOf(a)}`);
    const [p, n] = await page.$$eval('.pager', (ps) => ['prev', 'next'].map((rel) => ps.map((x) => x.querySelector(`a[rel="${rel}"]`)?.getAttribute('href')).find(Boolean) ?? null));
    prevOf.set(urlOf(a), p);
    nextOf.set(urlOf(a), n);
  }
  // the chains: from each article without a 上一篇, follow 下一篇
  const starts = [...prevOf].filter(([, p]) => p === null).map(([u]) => u);
  await page.goto(`${server.url}/browse/`);
  const papers = await page.locator('section.publication').count();
  assert.equal(starts.length, papers, `one chain per paper: ${starts.join(' ')}`);
  const walked = new Set<string>();
  for (const s of starts) {
    for (let u: string | null = s; u; u = nextOf.get(u) ?? null) {
      assert.ok(!walked.has(u), `${u} is reached once`);
      walked.add(u);
      const n = nextOf.get(u);
      if (n) assert.equal(prevOf.get(n), u, `${n}'s 上一篇 is ${u}`);
    }
  }
  assert.equal(walked.size, articles.length, 'the chains hold every article');
  // a page's first article leads back to the previous page's last
  const byPage = new Map<string, ArticleFile[]>();
  for (const a of articles) byPage.set(`${a.source.file} ${a.source.page}`, [...(byPage.get(`${a.source.file} ${a.source.page}`) ?? []), a]);
  const crossing = [...byPage.values()].filter((list) => prevOf.get(urlOf(list[0])) && !list.some((x) => urlOf(x) === prevOf.get(urlOf(list[0]))));
  assert.ok(crossing.length > 0, 'some page\'s first article links to another page');
});
