/**
 * Page PDFs as input (issue #17), on pages this test typesets itself and prints to PDF in
 * Chromium, so that no copyrighted page enters the repository: a three-column news page (page
 * header, three stories in three headline sizes, a kicker, a subtitle, bylines, a photo with its
 * caption, a closing credit), a page of pictures only (no text layer), a broken file and an
 * encrypted one; then the build over a folder holding them beside a text file of the same page,
 * and the article page showing its region on the page, in Chromium.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { readPdf } from '../src/pdf/read.ts';
import { segmentPdf, textLayer } from '../src/pdf/segment.ts';
import { segmentPdfFile } from '../src/pdf/file.ts';
import { runSegment } from '../src/build/segment-run.ts';
import { renderSite } from '../src/build/site-build.ts';
import { serveStatic } from '../src/site/serve.ts';
import { ArticleFormatError, fromMarkdown, toMarkdown } from '../src/contract/markdown.ts';
import { launchBrowser, pageProblems } from './browser.ts';

// ---------------------------------------------------------------------------------------------
// The typeset page. Every paragraph is numbered (〔1〕…) so the reading order across columns can be checked.

const para = (n: number, s: string) => `〔${n}〕${s}`;
const LEAD = [
  para(1, '清晨六点，青川县城东的新菜场已经亮起了灯。摊主们把刚从地里收来的青菜、萝卜和香葱码得整整齐齐，等着第一批买菜的居民。'),
  para(2, '这座菜场去年秋天动工，今年春节前建成开业。过去的马路市场占道经营，雨天一地泥水，附近居民意见很大。县里把菜场列为民生实事，选址、设计都先征求了周边三个社区的意见。'),
  para(3, '新菜场分为蔬菜、肉禽、水产和熟食四个区，每个摊位都装了电子秤和收款码，价格每天在门口的大屏上公示。菜场还留出二十个免费摊位，给附近村里自产自销的菜农使用。'),
  para(4, '“以前卖菜要抢位置，现在有固定摊位，心里踏实。”在菜场卖了十多年豆腐的老周说，搬进来以后生意比原来好，回头客也多了。'),
  para(5, '菜场管理方介绍，开业一个多月来，日均客流超过三千人次。下一步，菜场将开通线上订菜和送货上门，方便行动不便的老人。'),
  para(6, '县商务部门表示，今年还将改造提升两座老旧菜场，让更多居民在家门口买到新鲜实惠的菜。'),
];
const SECOND = [
  para(1, '连通青川河两岸的石桥日前完成修缮，重新向行人开放。这座石桥建于清代，是两岸村民往来的必经之路。'),
  para(2, '修缮工程严格按照原有形制施工，桥面石板能用的全部保留，缺损的部分用同样的青石补齐。施工期间，文物部门的工作人员每周到现场查看。'),
  para(3, '石桥重新开放当天，不少村民特地赶来走一走。七十多岁的李大爷说，小时候天天从桥上过河去上学，看到老桥修好了，心里格外高兴。'),
];
const THIRD = [
  para(1, '为方便群众办事，青川县政务服务中心从本月起推出周末不打烊服务，每周六上午开放社保、医保、居住证等窗口。'),
  para(2, '中心负责人介绍，周末窗口主要办理群众平时上班没时间办的事项，工作人员轮流值班。'),
];

const HTML = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><style>
  @page { size: 800px 1100px; margin: 0; }
  * { box-sizing: border-box; }
  body { margin: 36px; width: 728px; font-family: "Noto Serif CJK SC", serif; font-size: 12.5px; line-height: 1.5; }
  .mast { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2px solid #000; padding-bottom: 4px; font-family: "Noto Sans CJK SC", sans-serif; }
  .mast .date { font-size: 12px; } .mast .paper { font-size: 22px; font-weight: 700; } .mast .pno { font-size: 26px; font-weight: 700; } .mast .sec { font-size: 16px; }
  article { margin-top: 18px; }
  .kicker { font-size: 15px; margin: 0 0 2px; font-family: "Noto Sans CJK SC", sans-serif; }
  h1, h2 { margin: 0 0 6px; font-family: "Noto Sans CJK SC", sans-serif; font-weight: 700; }
  .lead h1 { font-size: 40px; } .second h2 { font-size: 28px; } .third h2 { font-size: 22px; }
  .subtitle { font-size: 18px; margin: 0 0 4px; }
  .by { font-size: 13px; margin: 0 0 6px; font-family: "Noto Sans CJK SC", sans-serif; }
  .body p { margin: 0; text-indent: 2em; text-align: justify; }
  .lead .body { column-count: 3; column-gap: 24px; }
  .row { display: flex; align-items: flex-start; gap: 24px; border-top: 1px solid #000; margin-top: 14px; }
  .second { width: 470px; } .third { width: 234px; }
  .second .body { column-count: 2; column-gap: 24px; }
  .photo { height: 150px; background: #bbb; margin: 0 0 4px; }
  figcaption { font-size: 10px; margin: 0 0 8px; font-family: "Noto Sans CJK SC", sans-serif; }
  figure { margin: 0; }
</style></head><body>
<div class="mast"><span class="date">2024年3月5日 星期二</span><span class="paper">青川日报</span><span><span class="pno">3</span> <span class="sec">要闻</span></span></div>
<article class="lead" id="a1">
  <p class="kicker">民生实事进行时</p>
  <h1>家门口的新菜场开张了</h1>
  <p class="subtitle">——青川县改造马路市场纪事</p>
  <p class="by">本报记者 林一帆 通讯员 周小满</p>
  <div class="body">${LEAD.map((p) => `<p>${p}</p>`).join('')}</div>
</article>
<div class="row">
<article class="second" id="a2">
  <h2>青川河老石桥修缮后重新开放</h2>
  <figure><div class="photo"></div><figcaption>修缮一新的石桥连通青川河两岸。 陈光明 摄</figcaption></figure>
  <div class="body">${SECOND.map((p) => `<p>${p}</p>`).join('')}</div>
</article>
<article class="third" id="a3">
  <h2>政务服务周末不打烊</h2>
  <div class="body">${THIRD.map((p) => `<p>${p}</p>`).join('')}<p>（记者 王丽）</p></div>
</article>
</div>
</body></html>`;

/** A page of pictures only: grey boxes, no text at all (a scan has no text layer either). */
const PICTURES = `<!doctype html><html><head><style>@page { size: 600px 800px; margin: 0; } div { width: 500px; height: 300px; margin: 40px; background: #999; }</style></head><body><div></div><div></div></body></html>`;

/**
 * An encrypted PDF, written by hand: its /Encrypt dictionary (standard security handler, RC4
 * 40-bit) holds a user-password check value no empty password meets, so a reader needs the password.
 */
function encryptedPdf(): Buffer {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>', `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'7a'.repeat(32)}> /U <${'3c'.repeat(32)}> >>`];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

let browser: Browser;
let pagePdf: Buffer;
let picturesPdf: Buffer;
/** Each story's box on the printed page, in PDF points (CSS px × 0.75), as Chromium laid it out. */
const boxes = new Map<string, [number, number, number, number]>();

before(async () => {
  browser = await launchBrowser();
  const tab = await browser.newPage();
  await tab.setContent(HTML);
  await tab.evaluate(() => document.fonts.ready);
  for (const id of ['a1', 'a2', 'a3']) {
    const r = await tab.$eval(`#${id}`, (e) => {
      const b = e.getBoundingClientRect();
      return [b.left, b.top, b.right, b.bottom];
    });
    boxes.set(id, r.map((x) => x * 0.75) as [number, number, number, number]);
  }
  pagePdf = await tab.pdf({ width: '800px', height: '1100px', printBackground: true });
  await tab.setContent(PICTURES);
  picturesPdf = await tab.pdf({ width: '600px', height: '800px', printBackground: true });
  await tab.close();
});

after(async () => {
  await browser?.close();
});

const squash = (s: string) => s.replace(/\s+/gu, '');
const numbers = (text: string) => [...text.matchAll(/〔(\d+)〕/gu)].map((m) => Number(m[1]));

test('a typeset three-column page: header facts, three stories by their headline sizes, kicker, subtitle, bylines, caption, columns in order', async () => {
  const pages = await readPdf(pagePdf);
  const out = segmentPdf('qc.pdf', pages);
  assert.deepEqual(
    out.articles.map((a) => a.title),
    ['家门口的新菜场开张了', '青川河老石桥修缮后重新开放', '政务服务周末不打烊'],
    'one article per headline, 40, 28 and 22 px, in reading order',
  );
  const [lead, second, third] = out.articles;
  assert.equal(lead!.kicker, '民生实事进行时');
  assert.equal(lead!.subtitle, '青川县改造马路市场纪事', 'the dash that opens a subtitle is typography');
  assert.deepEqual(lead!.authors, ['林一帆', '周小满']);
  assert.deepEqual(lead!.credits, [
    { name: '林一帆', role: '记者' },
    { name: '周小满', role: '通讯员' },
  ]);
  // three columns of body text read down each column in turn: paragraphs 1–6, whole, in order
  const leadText = lead!.body.map((b) => b.text).join('\n');
  assert.deepEqual(numbers(leadText), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(lead!.body.map((b) => squash(b.text)), LEAD.map(squash), 'paragraphs broken where the indent says, none cut or glued');
  assert.deepEqual(second!.body.map((b) => squash(b.text)), SECOND.map(squash));
  assert.deepEqual(second!.captions, [{ text: '修缮一新的石桥连通青川河两岸。', credit: '陈光明 摄' }], 'small type under a clear band is a caption');
  assert.deepEqual(second!.photographers, ['陈光明']);
  assert.deepEqual(third!.body.map((b) => squash(b.text)), THIRD.map(squash), 'the closing credit leaves the body');
  assert.deepEqual(third!.authors, ['王丽']);
  for (const a of out.articles) {
    assert.equal(a.issue_date, '2024-03-05');
    assert.equal(a.page, 3);
    assert.equal(a.section, '要闻');
    assert.equal(a.source.page, 1);
  }
});

test('each article region on the page is the story as Chromium laid it out (PDF points)', async () => {
  const out = segmentPdf('qc.pdf', await readPdf(pagePdf));
  out.articles.forEach((a, i) => {
    const want = boxes.get(`a${i + 1}`)!;
    const got = a.source.bbox!;
    // the region holds the story's type: inside its box, and reaching to within a line of each edge
    // (the box's margins and a justified line's last glyph leave a few points)
    assert.ok(got[0] >= want[0] - 2 && got[1] >= want[1] - 2 && got[2] <= want[2] + 2 && got[3] <= want[3] + 2, `${a.title}: ${got} inside ${want.map(Math.round)}`);
    assert.ok(got[0] - want[0] < 12 && got[1] - want[1] < 12 && want[2] - got[2] < 12 && want[3] - got[3] < 20, `${a.title}: ${got} fills ${want.map(Math.round)}`);
  });
});

test('every line of the text layer is in exactly one article or in the report', async () => {
  const pages = await readPdf(pagePdf);
  const out = segmentPdf('qc.pdf', pages);
  const layer = textLayer(pages);
  assert.equal(out.lineCount, layer.length);
  const seen = new Map<number, string>();
  const mark = (ranges: [number, number][], who: string) => {
    for (const [a, b] of ranges) for (let n = a; n <= b; n++) {
      assert.ok(!seen.has(n), `line ${n} (${layer[n - 1]!.line.text}) in ${seen.get(n)} and ${who}`);
      seen.set(n, who);
    }
  };
  for (const a of out.articles) mark([...(a.source.ranges ?? []), ...(a.source.caption_ranges ?? [])], a.title);
  for (const u of out.unassigned) mark([u.lines], u.reason);
  for (const l of layer) assert.ok(seen.has(l.no), `line ${l.no} (${l.line.text}) is nowhere`);
  // the header and the paper's name are furniture, said so
  const header = out.unassigned.find((u) => u.reason === 'page furniture: page header');
  assert.ok(header && header.text.includes('2024年3月5日') && header.text.includes('青川日报'), JSON.stringify(out.unassigned));
});

test('source.bbox in the contract: written as four numbers, read back, refused when malformed with the file named', async () => {
  const out = segmentPdf('qc.pdf', await readPdf(pagePdf));
  const a = { ...out.articles[0]!, id: 'qc-p1-01', keywords: [] };
  const md = toMarkdown(a);
  assert.deepEqual(fromMarkdown(md, 'qc-p1-01.md').source.bbox, a.source.bbox);
  const bad = md.replace(/bbox:\n(?:\s+- [\d.]+\n){4}/u, 'bbox: [300, 10, 20, 40]\n');
  assert.notEqual(bad, md);
  assert.throws(() => fromMarkdown(bad, 'qc-p1-01.md'), (e: Error) => e instanceof ArticleFormatError && /^qc-p1-01\.md: source\.bbox must be \[left, top, right, bottom\]/u.test(e.message));
});

test('a page of pictures only: no article, one warning that says to OCR it', async () => {
  const r = await segmentPdfFile('scan.pdf', picturesPdf);
  assert.equal(r.articles.length, 0);
  assert.equal(r.report.encoding, 'skipped');
  assert.deepEqual(r.report.warnings, [{ message: 'no text layer: OCR it first (1 page of images only)' }]);
});

test('a broken PDF and an encrypted one: no article, one warning each that says which', async () => {
  const cut = await segmentPdfFile('cut.pdf', pagePdf.subarray(0, 2000));
  assert.equal(cut.articles.length, 0);
  assert.equal(cut.report.warnings.length, 1);
  assert.match(cut.report.warnings[0]!.message, /^broken PDF: /u);
  const notPdf = await segmentPdfFile('notes.pdf', Buffer.from('这不是PDF文件', 'utf8'));
  assert.deepEqual(notPdf.report.warnings, [{ message: 'broken PDF: no %PDF- header (not a PDF, or cut short)' }]);
  const locked = await segmentPdfFile('locked.pdf', encryptedPdf());
  assert.deepEqual(locked.report.warnings, [{ message: 'encrypted: the PDF needs a password to be opened; save an unprotected copy' }]);
});

test('the build: PDFs beside text files, the PDF read in place of the text of the same page, bad PDFs warned once each, cached by bytes, same bytes twice', { timeout: 180_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-pdf-'));
  try {
    const input = join(work, 'raw');
    await mkdir(join(input, '2024'), { recursive: true });
    await writeFile(join(input, '2024', 'qc03.pdf'), pagePdf);
    // the same page as text, as an extractor would give it: set aside for the PDF
    await writeFile(join(input, '2024', 'qc03.txt'), `${HTML.replace(/<[^>]+>/gu, '\n').replace(/\n{2,}/gu, '\n\n')}`);
    await writeFile(join(input, 'scan.pdf'), picturesPdf);
    await writeFile(join(input, 'cut.pdf'), pagePdf.subarray(0, 2000));
    await writeFile(join(input, 'note.txt'), '社区新开一家书店\n\n本报讯 社区新开的书店本周末开门迎客，店里设有儿童阅读区和自习区，居民可以免费借阅图书。\n');
    const warnings: string[] = [];
    const cacheDir = join(work, 'cache');
    const run = (output: string) => runSegment({ input, output, workers: 1, cacheDir, warn: (l) => warnings.push(l) });
    const first = await run(join(work, 'out1'));
    assert.deepEqual(warnings.sort(), [
      'warning: 2024/qc03.txt: set aside: 2024/qc03.pdf, the PDF of the same page, is read instead',
      'warning: cut.pdf: broken PDF: Invalid PDF structure.',
      'warning: scan.pdf: no text layer: OCR it first (1 page of images only)',
    ]);
    assert.equal(first.files, 5);
    assert.equal(first.built, 2);
    const names = (await readdir(join(work, 'out1'))).filter((n) => n.endsWith('.md')).sort();
    const pdfArticles = [];
    for (const n of names) {
      const a = fromMarkdown(await readFile(join(work, 'out1', n), 'utf8'), n);
      if (a.source.file === '2024/qc03.pdf') pdfArticles.push(a);
      else assert.equal(a.source.file, 'note.txt', 'no article from the text file the PDF replaced');
    }
    assert.deepEqual(pdfArticles.map((a) => a.title), ['家门口的新菜场开张了', '青川河老石桥修缮后重新开放', '政务服务周末不打烊']);
    for (const a of pdfArticles) {
      assert.equal(a.source.bbox?.length, 4, 'source.bbox is written');
      assert.equal(a.issue_date, '2024-03-05');
      assert.equal(a.date_source, 'page-header');
    }
    const report = JSON.parse(await readFile(join(work, 'out1', '_report.json'), 'utf8')) as { files: { file: string; encoding: string; warnings: { message: string }[] }[] };
    const byFile = new Map(report.files.map((f) => [f.file, f]));
    assert.equal(byFile.get('2024/qc03.pdf')!.encoding, 'pdf');
    assert.equal(byFile.get('2024/qc03.txt')!.encoding, 'skipped');
    assert.match(byFile.get('2024/qc03.txt')!.warnings[0]!.message, /the PDF of the same page, is read instead/u);
    // again, from the cache: the same bytes
    const second = await run(join(work, 'out2'));
    assert.equal(second.pool?.cached, 4, 'the three PDFs (the bad ones with their warnings) and the text file come from the segment cache');
    for (const n of [...names, '_report.json']) assert.equal(await readFile(join(work, 'out2', n), 'utf8'), await readFile(join(work, 'out1', n), 'utf8'), n);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test('the article page shows the page with the article outlined, and the PDF to download (Chromium)', { timeout: 240_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-pdf-site-'));
  const server = { close: async () => {} } as { close(): Promise<void>; url?: string };
  try {
    const input = join(work, 'raw');
    await mkdir(input);
    await writeFile(join(input, 'qc03.pdf'), pagePdf);
    const articles = join(work, 'articles');
    await runSegment({ input, output: articles, workers: 1, cacheDir: false });
    const site = join(work, 'site');
    await renderSite({ articlesDir: articles, rawDir: input, outDir: site });
    Object.assign(server, await serveStatic(site));
    const ids = (await readdir(articles)).filter((n) => n.endsWith('.md')).map((n) => n.replace(/\.md$/u, '')).sort();
    const second = fromMarkdown(await readFile(join(articles, `${ids[1]}.md`), 'utf8'), ids[1]!);
    assert.equal(second.title, '青川河老石桥修缮后重新开放');
    const tab = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = pageProblems(tab);
    await tab.goto(`${server.url}/articles/${ids[1]}/`);
    const view = tab.locator('.on-page');
    await view.scrollIntoViewIfNeeded();
    // the image is the page: it loads, and is as wide as the page drawn at its scale
    const image = await tab.$eval('.page-view svg image', (e) => e.getAttribute('href'));
    const img = await tab.evaluate(async (src) => {
      const i = new Image();
      i.src = src!;
      await i.decode();
      return { w: i.naturalWidth, h: i.naturalHeight };
    }, image);
    assert.equal(img.w, 1400);
    assert.equal(img.h, Math.round((1100 / 800) * 1400));
    // the outline sits where the story was typeset: the SVG's rectangle, in page points
    const rect = await tab.$eval('.page-region', (e) => ['x', 'y', 'width', 'height'].map((k) => Number(e.getAttribute(k))));
    const want = boxes.get('a2')!;
    assert.ok(Math.abs(rect[0]! - want[0]) < 12 && Math.abs(rect[1]! - want[1]) < 12, `region ${rect} at story ${want.map(Math.round)}`);
    // and on screen, over the image: the outline's box inside the image's, in proportion
    const onScreen = await tab.evaluate(() => {
      const r = document.querySelector('.page-region')!.getBoundingClientRect();
      const s = document.querySelector('.page-view svg')!.getBoundingClientRect();
      return { rx: (r.left - s.left) / s.width, ry: (r.top - s.top) / s.height, sw: s.width };
    });
    assert.ok(Math.abs(onScreen.rx - want[0] / 600) < 0.02 && Math.abs(onScreen.ry - want[1] / 825) < 0.02, JSON.stringify(onScreen));
    // the PDF is linked, downloadable, and is the file given
    const link = tab.locator('.page-view a[download]');
    assert.equal(await link.getAttribute('download'), 'qc03.pdf');
    const [download] = await Promise.all([tab.waitForEvent('download'), link.click()]);
    const saved = join(work, 'got.pdf');
    await download.saveAs(saved);
    assert.ok((await readFile(saved)).equals(pagePdf), 'the PDF downloaded is the PDF given');
    await view.screenshot({ path: join(import.meta.dirname, 'screenshots', 'pdf-article-page.png') }).catch(async () => {
      await mkdir(join(import.meta.dirname, 'screenshots'), { recursive: true });
      await view.screenshot({ path: join(import.meta.dirname, 'screenshots', 'pdf-article-page.png') });
    });
    assert.deepEqual(errors, []);
    // the raw view of a PDF is its text layer, the lines source.lines count
    await tab.goto(`${server.url}/raw/qc03.pdf/#L${second.source.lines[0]}`);
    assert.equal(await tab.locator(`#L${second.source.lines[0]}`).textContent(), '青川河老石桥修缮后重新开放');
    await tab.close();
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
});
