/**
 * The PDF reader (src/pdf/) on a page this test typesets itself: a headline, a byline and two
 * columns of Chinese text, printed to PDF by Chromium and read back. Checks what the devset
 * derivation relies on: CJK text decodes, sizes come out as set, lines keep to their column, and
 * the reading order runs down the left column before the right one.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { readPdf, type PdfPage } from '../src/pdf/read.ts';
import { itemsToLines, linesToBlocks, readingOrder, tidy, unifyRadicals } from '../src/pdf/layout.ts';
import { launchBrowser } from './browser.ts';

// Two columns of made-up text, each paragraph numbered so the order can be checked.
const LEFT = ['第一段：春天来到山村，田野里一片新绿，农民们开始忙着播种。', '第二段：村里的小学新建了图书室，孩子们每天放学后都来读书。'];
const RIGHT = ['第三段：河边的老码头修缮一新，傍晚常有居民在这里散步聊天。', '第四段：合作社的果园今年挂果很多，大家盼着秋天有个好收成。'];

const HTML = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><style>
  @page { size: 600px 800px; margin: 0; }
  body { margin: 40px; font-family: "Noto Serif CJK SC", serif; }
  h1 { font-size: 36px; margin: 0 0 12px; text-align: center; }
  .by { font-size: 14px; text-align: center; margin: 0 0 24px; }
  .cols { display: flex; gap: 40px; }
  .col { width: 240px; font-size: 12px; line-height: 20px; }
  .col p { margin: 0; text-indent: 2em; }
</style></head><body>
  <h1>山村新貌</h1>
  <p class="by">王小明</p>
  <div class="cols">
    <div class="col">${LEFT.map((p) => `<p>${p}</p>`).join('')}</div>
    <div class="col">${RIGHT.map((p) => `<p>${p}</p>`).join('')}</div>
  </div>
</body></html>`;

let browser: Browser;
let page: PdfPage;

before(async () => {
  browser = await launchBrowser();
  const tab = await browser.newPage();
  await tab.setContent(HTML);
  const pdf = await tab.pdf({ width: '600px', height: '800px', printBackground: true });
  const pages = await readPdf(new Uint8Array(pdf));
  assert.equal(pages.length, 1);
  page = pages[0]!;
});

after(async () => {
  await browser?.close();
});

test('the reader decodes CJK text and gives sizes in points', () => {
  const lines = itemsToLines(page.items);
  const head = lines.find((l) => l.text === '山村新貌');
  assert.ok(head, `headline line found among ${lines.map((l) => l.text).join(' | ')}`);
  // 36 CSS px = 27 pt; 14 px = 10.5 pt; 12 px = 9 pt.
  assert.ok(Math.abs(head.size - 27) < 1.5, `headline size ${head.size}`);
  const by = lines.find((l) => l.text === '王小明');
  assert.ok(by, 'byline line found');
  assert.ok(Math.abs(by.size - 10.5) < 1, `byline size ${by.size}`);
  assert.ok(by.top > head.bottom, 'byline under the headline');
  const body = lines.filter((l) => Math.abs(l.size - 9) < 1);
  assert.ok(body.length >= 6, `body lines: ${body.length}`);
  assert.ok(body.every((l) => l.top > by.bottom), 'body under the byline');
});

test('lines keep to their column and blocks are the columns', () => {
  const body = itemsToLines(page.items).filter((l) => Math.abs(l.size - 9) < 1);
  // No line may reach across the 40 px (30 pt) gutter between the columns (x = 40 + 240 .. 320 px).
  const gutter = { from: (280 * 72) / 96, to: (320 * 72) / 96 };
  for (const l of body) assert.ok(l.x1 <= gutter.from + 2 || l.x0 >= gutter.to - 2, `line crosses the gutter: ${l.text}`);
  const blocks = linesToBlocks(body);
  assert.equal(blocks.length, 2, `two column blocks, got ${blocks.map((b) => `${Math.round(b.x0)}–${Math.round(b.x1)}`).join(', ')}`);
});

test('reading order runs down the left column, then the right one', () => {
  const lines = itemsToLines(page.items);
  const blocks = linesToBlocks(lines);
  const text = readingOrder(blocks)
    .flatMap((b) => b.lines.map((l) => l.text))
    .join('');
  const at = ['山村新貌', '王小明', '第一段', '第二段', '第三段', '第四段'].map((s) => text.indexOf(s));
  assert.ok(at.every((i) => i !== -1), `all parts present in ${text}`);
  assert.deepEqual([...at].sort((a, b) => a - b), at, `in order: ${text}`);
  for (const p of [...LEFT, ...RIGHT]) assert.ok(text.includes(p), `paragraph read whole: ${p}`);
});

test('tidy drops the spaces pdfjs puts between spaced-out CJK glyphs, keeps Latin word spaces', () => {
  assert.equal(tidy('政 治 任 务 ，要 在'), '政治任务，要在');
  assert.equal(tidy('the  Belt and Road 倡议'), 'the Belt and Road倡议');
});

test('radical code points some producers map glyphs to come back as the ideographs', () => {
  // Written as escapes: the two strings look alike on screen.
  assert.equal(unifyRadicals('\u2f2d\u6751\u519c\u2ea0'), '\u5c71\u6751\u519c\u6c11');
});
