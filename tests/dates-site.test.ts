/**
 * Browsing by date (#13), in headless Chromium: an archive laid out as <paper>/<date>/<page>.txt
 * with a manifest naming two pages' sections, plus one undated file. The paper → year → month
 * calendar → issue → page views, their neighbours within one paper, titles and breadcrumbs made
 * of paper, date and page (never a raw file's name), and the article's header with its date.
 * Screenshots of the calendar, issue and page views are written to tests/screenshots/dates-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runSegment } from '../src/build/segment-run.ts';
import { renderSite } from '../src/build/site-build.ts';
import { segmentFile } from '../src/segment/index.ts';
import { serveStatic, type StaticServer } from '../src/site/serve.ts';
import { launchBrowser } from './browser.ts';
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
  tmp = mkdtempSync(join(tmpdir(), 'baoku-dates-site-'));
  const raw = join(tmp, 'raw');
  for (const [to, from] of LAYOUT) {
    mkdirSync(dirname(join(raw, to)), { recursive: true });
    writeFileSync(join(raw, to), readFileSync(join(RAW_DIR, from)));
  }
  writeFileSync(join(raw, '_issues.csv'), 'file,publication,issue_date,page,section,edition\n人民日报/2018-01-22/01.txt,,,,要闻,\n人民日报/2018-01-22/07.txt,,,,理论,\n');
  await runSegment({ input: raw, output: join(tmp, 'articles'), segmenter: segmentFile });
  await renderSite({ articlesDir: join(tmp, 'articles'), rawDir: raw, outDir: join(tmp, 'site') });
  server = await serveStatic(join(tmp, 'site'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
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
