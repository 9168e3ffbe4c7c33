/**
 * Browsing by date (#13), in headless Chromium: an archive laid out as <paper>/<date>/<page>.txt
 * with a manifest naming two pages' sections, plus one undated file. The paper → year → month
 * calendar → issue → page views, their neighbours within one paper, titles and breadcrumbs made
 * of paper, date and page (never a raw file's name), and the article's header with its date.
 * Screenshots of the calendar, issue and page views are written to tests/screenshots/dates-*.png.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Browser, Page } from 'playwright-core';
import { runSegment } from '../src/build/segment-run.ts';
import { indexSite, renderSite } from '../src/build/site-build.ts';
import { fromMarkdown } from '../src/contract/markdown.ts';
import { segmentFile } from '../src/segment/index.ts';
import { serveStatic, type StaticServer } from '../src/site/serve.ts';
import { launchBrowser, loadAllResults, waitSearchDone } from './browser.ts';
import { RAW_DIR, SAMPLE_FILES } from './helpers.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');
const LAYOUT: [string, string][] = [
  ['人民日报/2018-01-22/01.txt', SAMPLE_FILES[1]],
  ['人民日报/2018-01-22/07.txt', SAMPLE_FILES[0]],
  ['人民日报/2018-01-23/03.txt', SAMPLE_FILES[2]],
  ['湖南日报/2020/06/14/p2.txt', SAMPLE_FILES[3]],
  ['misc/scan-0001.txt', SAMPLE_FILES[4]],
];

let tmp: string;
let server: StaticServer;
let browser: Browser;
let page: Page;

before(async () => {
  // built as on a machine that does not say where the site will live
  delete process.env.BAOKU_SITE_URL;
  tmp = mkdtempSync(join(tmpdir(), 'baoku-dates-site-'));
  const raw = join(tmp, 'raw');
  for (const [to, from] of LAYOUT) {
    mkdirSync(dirname(join(raw, to)), { recursive: true });
    writeFileSync(join(raw, to), readFileSync(join(RAW_DIR, from)));
  }
  writeFileSync(join(raw, '_issues.csv'), 'file,publication,issue_date,page,section,edition\n人民日报/2018-01-22/01.txt,,,,要闻,\n人民日报/2018-01-22/07.txt,,,,理论,\n');
  await runSegment({ input: raw, output: join(tmp, 'articles'), segmenter: segmentFile });
  await renderSite({ articlesDir: join(tmp, 'articles'), rawDir: raw, outDir: join(tmp, 'site') });
  await indexSite(join(tmp, 'site'));
  server = await serveStatic(join(tmp, 'site'));
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const crumbs = () => page.$$eval('.breadcrumbs li', (els) => els.map((e) => e.textContent!.trim()));
const noFileNames = (text: string) => {
  for (const [to, from] of LAYOUT) assert.ok(!text.includes(to) && !text.includes(from) && !text.includes('scan-0001'), `${text} names a file`);
};

test('paper → year → month: a calendar of the days that have issues', { timeout: 120_000 }, async () => {
  await page.goto(`${server.url}/browse/`);
  await page.click('a:text-is("人民日报")');
  assert.match(await page.textContent('h1') ?? '', /人民日报\s*2018年/u);
  await page.click('.year-list a:text-is("2018年")');
  assert.deepEqual(await crumbs(), ['首页', '浏览', '人民日报', '2018年']);
  await page.click('.calendar caption a:text-is("1月")');
  assert.equal(await page.title(), '人民日报 2018年1月 · 报库 Baoku');
  const linked = await page.$$eval('.calendar td a', (as) => as.map((a) => a.textContent));
  assert.deepEqual(linked, ['22', '23']);
  // 2018-01-01 was a Monday: the first row starts with 1
  assert.equal(await page.textContent('.calendar tbody tr:first-child td:first-child'), '1');
  await page.screenshot({ path: join(SHOTS, 'dates-calendar.png'), fullPage: true });
});

test('issue: its pages by number with their sections, the next issue of the same paper', { timeout: 60_000 }, async () => {
  await page.click('.calendar a:text-is("22")');
  assert.deepEqual(await crumbs(), ['首页', '浏览', '人民日报', '2018年', '1月', '22日']);
  const pages = await page.$$eval('.issue-pages > li > h2 > a', (as) => as.map((a) => a.textContent));
  // the sample's files hold two pages each: 01.txt is pages 1–2, 07.txt pages 7–8
  assert.deepEqual(pages, ['第 1 版 要闻', '第 2 版', '第 7 版 理论', '第 8 版']);
  noFileNames(await page.innerText('main'));
  await page.screenshot({ path: join(SHOTS, 'dates-issue.png'), fullPage: true });
  assert.equal(await page.textContent('.pager .pager-next .pager-text'), '2018年1月23日');
  assert.equal(await page.$('.pager .pager-prev'), null, 'no earlier issue of 人民日报 (湖南日报 is another paper)');
});

test('page: its articles in order, neighbours within the issue, titled by paper, date and page', { timeout: 60_000 }, async () => {
  await page.click('.issue-pages a:text-is("第 7 版 理论")');
  assert.equal(await page.title(), '人民日报 2018年1月22日 第 7 版 理论 · 报库 Baoku');
  assert.deepEqual(await crumbs(), ['首页', '浏览', '人民日报', '2018年', '1月', '22日', '第 7 版 理论']);
  assert.ok((await page.$$('ol.articles > li')).length >= 1);
  const pagers = await page.$$eval('.pager', (ns) => ns.map((n) => n.textContent!.replace(/\s+/gu, ' ').trim()));
  assert.deepEqual(pagers, ['← 上一版 第 2 版 下一版 → 第 8 版', '下一期 → 2018年1月23日']);
  await page.screenshot({ path: join(SHOTS, 'dates-page.png'), fullPage: true });
  // an article: the paper, the date and the page in its header; the file only in provenance
  await page.click('ol.articles > li:first-child h2 a');
  assert.equal((await page.textContent('.issue-line'))!.replace(/\s+/gu, ''), '人民日报·2018年1月22日·第7版理论');
  assert.equal(await page.getAttribute('.issue-line time', 'datetime'), '2018-01-22');
  noFileNames((await crumbs()).join(' ') + (await page.title()));
  assert.match(await page.textContent('.provenance') ?? '', /人民日报\/2018-01-22\/07\.txt/u);
  assert.match(await page.textContent('.provenance') ?? '', /2018年1月22日（据文件路径）/u);
});

test('undated: the file is listed under 日期不详, its articles say 出版日期不详 and no date', { timeout: 60_000 }, async () => {
  await page.goto(`${server.url}/browse/`);
  const undated = await page.$$eval('a:text-is("日期不详")', (as) => as.map((a) => a.getAttribute('href')));
  assert.equal(undated.length, 1);
  await page.goto(`${server.url}${undated[0]}`);
  await page.click('#undated ~ ol a:text-is("文件 1")');
  assert.deepEqual((await crumbs()).slice(3), ['日期不详', '文件 1']);
  await page.click('.toc a');
  const line = await page.textContent('.issue-line');
  assert.match(line ?? '', /出版日期不详/u);
  assert.equal(await page.$('.issue-line time'), null);
});

/** RIS as tag → values (`A1  - 魏龙元`): the format's own shape, to read back what citation-js wrote. */
function readRis(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(/^([A-Z][A-Z0-9])  - ?(.*)$/gmu)) out.set(m[1], [...(out.get(m[1]) ?? []), m[2].trim()]);
  return out;
}

test('citation: GB/T 7714 copied from the page; RIS, BibTeX and CSL-JSON read back to the same fields', { timeout: 60_000 }, async () => {
  await page.goto(`${server.url}/browse/`);
  await page.click('a:text-is("人民日报")');
  await page.goto(`${server.url}${await page.getAttribute('.year-list ul a', 'href')}`);
  await page.click('.calendar a:text-is("22")');
  await page.click('.issue-pages a:text-is("第 8 版")');
  await page.click('ol.articles a:text-is("东安县公安局：便民服务获好评")');
  const want = '魏龙元, 黄柳英. 东安县公安局：便民服务获好评[N]. 人民日报, 2018-01-22(8).';
  assert.equal(await page.textContent('#cite-gbt'), want);
  await page.click('button:text-is("复制引文")');
  // the copy is asynchronous: the status says when it is done
  await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent !== '', null, { timeout: 10_000 });
  assert.equal(await page.textContent('.copy-status'), '已复制');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want);
  // the head tags Zotero's connector reads
  const meta = await page.$$eval('meta[name^="citation_"]', (ms) => ms.map((m) => `${m.getAttribute('name')}=${m.getAttribute('content')}`));
  for (const t of ['citation_title=东安县公安局：便民服务获好评', 'citation_author=魏龙元', 'citation_author=黄柳英', 'citation_publication_date=2018/01/22', 'citation_journal_title=人民日报', 'citation_firstpage=8']) {
    assert.ok(meta.includes(t), `${t} in ${meta.join(' ')}`);
  }
  const files = await page.$$eval('.cite-downloads a', (as) => as.map((a) => a.getAttribute('href')!));
  assert.equal(files.length, 3);
  const [ris, bib, csl] = await Promise.all(files.map((f) => fetch(server.url + f).then((r) => r.text())));
  const r = readRis(ris);
  assert.deepEqual([r.get('TY'), r.get('T1'), r.get('A1'), r.get('JF'), r.get('Y1'), r.get('SP')], [['NEWS'], ['东安县公安局：便民服务获好评'], ['魏龙元', '黄柳英'], ['人民日报'], ['2018/1/22/'], ['8']]);
  const b = new Cite(bib).data[0] as Record<string, unknown>;
  assert.deepEqual(
    [b.title, (b.author as { family?: string; literal?: string }[]).map((n) => n.family ?? n.literal), b['container-title'], b.issued, b.page],
    ['东安县公安局：便民服务获好评', ['魏龙元', '黄柳英'], '人民日报', { 'date-parts': [[2018, 1, 22]] }, '8'],
  );
  const c = (JSON.parse(csl) as Record<string, unknown>[])[0];
  assert.deepEqual([c.type, c.title, c.author, c['container-title'], c.issued, c.page], ['article-newspaper', '东安县公安局：便民服务获好评', [{ literal: '魏龙元' }, { literal: '黄柳英' }], '人民日报', { 'date-parts': [[2018, 1, 22]] }, '8']);
  assert.equal(c.URL, undefined, 'no absolute URL without BAOKU_SITE_URL');
});

test('without BAOKU_SITE_URL: no feed, no sitemap, and no file names 127.0.0.1:8080 or any other host', () => {
  const site = join(tmp, 'site');
  assert.ok(!existsSync(join(site, 'feed.xml')) && !existsSync(join(site, 'sitemap.xml')));
  let files = 0;
  for (const e of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const text = readFileSync(join(e.parentPath, e.name), 'latin1');
    files++;
    assert.ok(!text.includes('127.0.0.1:8080'), `${e.name} links to 127.0.0.1:8080`);
    if (/\.(html|json|ris|bib|css)$/u.test(e.name)) {
      const hosts = [...text.matchAll(/(?:href|src|content)="(https?:)?\/\/([^"/]+)/gu)].map((m) => m[2]);
      assert.deepEqual(hosts, [], `${join(e.parentPath, e.name)} links to another host`);
    }
  }
  assert.ok(files > 100, `${files} files checked`);
});

test('raw text: from an article, exactly its own lines and its captions\' lines are highlighted', { timeout: 60_000 }, async () => {
  // the sample's 000-p2-02 (here 人民日报/2018-01-22/07.txt): two ranges around another article, a caption elsewhere
  const name = readdirSync(join(tmp, 'articles')).find((n) => /^07-[0-9a-f]+-p2-02\.md$/u.test(n))!;
  const a = fromMarkdown(readFileSync(join(tmp, 'articles', name), 'utf8'), name);
  assert.equal(a.source.ranges!.length, 2);
  assert.equal(a.source.caption_ranges!.length, 1);
  const want: string[] = [];
  for (const [x, y] of [...a.source.ranges!, ...a.source.caption_ranges!].sort((p, q) => p[0] - q[0])) for (let n = x; n <= y; n++) want.push(`L${n}`);
  await page.goto(`${server.url}/articles/${a.id}/`);
  assert.match(await page.textContent('.provenance') ?? '', /第 473–759、811–812 行；图片说明 第 890 行/u);
  await page.click('a:text-is("查看原文中的这几行")');
  // the raw view loaded (with its ranges.css), not the article page it was clicked on
  await page.waitForURL(/\/raw\//u);
  const lit = await page.$$eval('.raw-text li', (lis) => lis.filter((li) => getComputedStyle(li).backgroundColor !== 'rgba(0, 0, 0, 0)').map((li) => li.id));
  // a run of blank lines is one row, named by its first line: the rows of the lines wanted
  const rows = new Set(await page.$$eval('.raw-text li', (lis) => lis.map((li) => li.id)));
  assert.deepEqual(lit, want.filter((id) => rows.has(id)));
});

test('search: results say date · paper · page; a year filter narrows them', { timeout: 90_000 }, async () => {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent('公安局')}`);
  await waitSearchDone(page);
  await loadAllResults(page);
  const metas = await page.$$eval('#results .result', (lis) => lis.map((li) => [li.querySelector('h2')!.textContent!.trim(), li.querySelector('.meta')?.textContent ?? '']));
  const dongan = metas.find(([t]) => t === '东安县公安局：便民服务获好评');
  assert.ok(dongan, metas.map(([t]) => t).join(' / '));
  assert.match(dongan[1], /2018年1月22日 · 人民日报 · 第 8 版$/u);
  for (const [, m] of metas) noFileNames(m);
  const years = new Set(metas.map(([, m]) => /(\d{4})年|出版日期不详/u.exec(m)?.[0]));
  assert.ok(years.size >= 2, [...years].join(' '));
  await page.goto(`${server.url}/search/?q=${encodeURIComponent('公安局')}&year=2018`);
  await waitSearchDone(page);
  await loadAllResults(page);
  const only2018 = await page.$$eval('#results .result .meta', (ps) => ps.map((p) => p.textContent ?? ''));
  assert.ok(only2018.length > 0 && only2018.length < metas.length, `${only2018.length} of ${metas.length}`);
  for (const m of only2018) assert.match(m, /2018年/u);
  assert.equal(await page.inputValue('#filter-year'), '2018');
});

test('articles.json carries the issue fields; with BAOKU_SITE_URL the feed is dated by issue', { timeout: 90_000 }, async () => {
  const json = JSON.parse(readFileSync(join(tmp, 'site', 'articles.json'), 'utf8')) as Record<string, unknown>[];
  const dongan = json.find((j) => j.title === '东安县公安局：便民服务获好评')!;
  assert.deepEqual([dongan.paper, dongan.issue_date, dongan.page, dongan.date_source, dongan.permalink], ['人民日报', '2018-01-22', 8, 'path', undefined]);
  assert.ok(json.some((j) => j.date_source === 'unknown' && j.issue_date === undefined));
  process.env.BAOKU_SITE_URL = 'https://archive.example/';
  try {
    await renderSite({ articlesDir: join(tmp, 'articles'), rawDir: join(tmp, 'raw'), outDir: join(tmp, 'site-with-url') });
  } finally {
    delete process.env.BAOKU_SITE_URL;
  }
  const feed = readFileSync(join(tmp, 'site-with-url', 'feed.xml'), 'utf8');
  const entry = feed.split('<entry>').find((e) => e.includes('东安县公安局：便民服务获好评'))!;
  assert.match(entry, /<updated>2018-01-22T00:00:00Z<\/updated>\n<published>2018-01-22T00:00:00Z<\/published>/u);
  assert.match(entry, /<source><title>2018年1月22日 · 人民日报 · 第 8 版<\/title><\/source>/u);
  assert.match(entry, /<link rel="alternate" type="text\/html" href="https:\/\/archive\.example\/articles\/07-[0-9a-f]+-p2-03\/"\/>/u);
  assert.ok(existsSync(join(tmp, 'site-with-url', 'sitemap.xml')));
  const page1 = readFileSync(join(tmp, 'site-with-url', 'articles', /\/articles\/([^/]+)\//u.exec(entry)![1], 'index.html'), 'utf8');
  assert.match(page1, /<link rel="canonical" href="https:\/\/archive\.example\/articles\//u);
});
