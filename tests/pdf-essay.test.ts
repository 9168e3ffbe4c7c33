/**
 * The PDF segmenter on a commentary page (issue #17), typeset by this test and printed to PDF in
 * Chromium: what a theory page sets that a news page does not, each part made up here.
 *
 *   - a subtitle opening with a dash, in type as large as a small headline: a subtitle, not a head
 *   - a two-character name set as two glyphs a character apart, under its headline: the author,
 *     never a subtitle; and a name of a rarer surname (萧) well under a large headline
 *   - crossheads in display type: one wrapped on two lines, the first indented; one opening a column
 *   - a row of names `吴  川  韩立坤`: both credited
 *   - an essay on the right whose vertical headline has its author's name set between it and the column
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { readPdf } from '../src/pdf/read.ts';
import { segmentPdf } from '../src/pdf/segment.ts';
import type { Article } from '../src/segment/types.ts';
import { launchBrowser } from './browser.ts';

const para = (n: number, s: string) => `〔${n}〕${s}`;
const ESSAY = [
  para(1, '基层治理是国家治理的基石。近年来，各地在实践中探索出许多行之有效的做法，群众的获得感不断增强，社区的面貌也发生了很大变化。'),
  para(2, '推进基层治理，首先要把群众的事放在心上。社区工作者走进楼栋，听取居民意见，把停车难、加装电梯、老旧管网改造等难题一件件列入清单，逐项推动解决。'),
  para(3, '其次要善于调动各方力量。物业企业、驻区单位和志愿者组织各有所长，只要搭好平台、理顺机制，就能形成共建共治的合力。'),
  para(4, '再次要用好制度和技术。议事规则让大家有话好好说，信息平台让办事少跑腿，这些都为基层治理提供了有力支撑。'),
  para(5, '基层治理没有一劳永逸的办法，需要在实践中不断总结经验，因地制宜，久久为功，才能把好的做法坚持下去。'),
  para(6, '面向未来，要坚持以人民为中心，把基层治理的成效体现在群众的笑脸上，体现在社区的点滴变化中，让城乡更加和谐有序。'),
];
const SECOND = [
  para(1, '乡村振兴离不开人才。近年来，一批年轻人回到家乡创业，带来了新技术和新理念，也带动了乡亲们增收致富。'),
  para(2, '留住人才，要在政策、服务和环境上下功夫，让返乡创业的人有舞台、有奔头，安心在乡村干事业。'),
];
const SIDE = [
  para(1, '读书是一种生活方式。一本好书，能让人开阔眼界，也能让人在忙碌中找到片刻安宁，思考自己走过的路和将要走的路。'),
  para(2, '在信息纷繁的今天，更需要静下心来读几本经典，从中汲取智慧和力量，这样才能不被一时的喧嚣带偏方向。'),
  para(3, '全民阅读需要全社会共同营造氛围，图书馆、书店和社区书屋都应成为人们愿意走进去的地方。'),
];

const HTML = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><style>
  @page { size: 800px 1100px; margin: 0; }
  * { box-sizing: border-box; }
  body { margin: 30px; width: 740px; font-family: "Noto Serif CJK SC", serif; font-size: 11px; line-height: 1.55; display: flex; gap: 20px; }
  .main { width: 560px; } .side { width: 160px; display: flex; flex-direction: row-reverse; gap: 30px; align-items: flex-start; }
  h1, h2 { margin: 0; font-family: "Noto Sans CJK SC", sans-serif; font-weight: 700; text-align: center; }
  h1 { font-size: 52px; } h2 { font-size: 36px; margin-top: 30px; }
  .subtitle { font-size: 24px; text-align: center; margin: 6px 0 0; }
  .by { font-size: 12.5px; text-align: center; margin: 30px 0 14px; font-family: "Noto Sans CJK SC", sans-serif; }
  .by2 { margin: 8px 0 14px; }
  .gap { display: inline-block; width: 1em; }
  .body p { margin: 0; text-indent: 2em; text-align: justify; }
  .essay .body { column-count: 3; column-gap: 20px; }
  .second .body { column-count: 3; column-gap: 20px; }
  h3 { font-size: 17px; font-family: "Noto Sans CJK SC", sans-serif; margin: 10px 0 6px; text-indent: 2em; width: 150px; }
  h3.top { break-before: column; margin-top: 0; }
  .vhead { writing-mode: vertical-rl; font-family: "Noto Sans CJK SC", sans-serif; font-weight: 700; font-size: 36px; margin: 0; }
  .vby { writing-mode: vertical-rl; font-size: 12.5px; margin: 120px 0 0; font-family: "Noto Sans CJK SC", sans-serif; }
  .side .body { width: 60px; }
</style></head><body>
<div class="main">
<article class="essay">
  <h1>夯实基层治理根基</h1>
  <p class="subtitle">——关于社区治理的几点思考</p>
  <p class="by">萧<span class="gap"></span>然</p>
  <div class="body">
    <p>${ESSAY[0]}</p>
    <h3>把群众的事放在心上</h3>
    <p>${ESSAY[1]}</p><p>${ESSAY[2]}</p>
    <h3 class="top">调动各方力量共建共治</h3>
    <p>${ESSAY[3]}</p><p>${ESSAY[4]}</p><p>${ESSAY[5]}</p>
    <p>（作者为青川大学教授）</p>
  </div>
</article>
<article class="second">
  <h2>让人才在乡村留得住</h2>
  <p class="by by2">吴<span class="gap"></span>川<span class="gap"></span>韩立坤</p>
  <div class="body">${SECOND.map((p) => `<p>${p}</p>`).join('')}</div>
</article>
</div>
<article class="side">
  <h2 class="vhead">读书让生活更丰盈</h2>
  <p class="vby">雷鸣远</p>
  <div class="body">${SIDE.map((p) => `<p>${p}</p>`).join('')}</div>
</article>
</body></html>`;

let browser: Browser;
let articles: Omit<Article, 'id' | 'keywords'>[];

before(async () => {
  browser = await launchBrowser();
  const tab = await browser.newPage();
  await tab.setContent(HTML);
  await tab.evaluate(() => document.fonts.ready);
  const pdf = await tab.pdf({ width: '800px', height: '1100px', printBackground: true });
  articles = segmentPdf('essay.pdf', await readPdf(new Uint8Array(pdf))).articles;
});

after(async () => {
  await browser?.close();
});

const squash = (s: string) => s.replace(/\s+/gu, '');
const byTitle = (t: string) => articles.find((a) => squash(a.title) === t);
const authors = (a: (typeof articles)[number] | undefined) => (a?.credits ?? []).map((c) => c.name);

test('three articles, one per headline: no crosshead, subtitle or name heads an article', () => {
  assert.deepEqual(articles.map((a) => squash(a.title)).sort(), ['夯实基层治理根基', '让人才在乡村留得住', '读书让生活更丰盈'].sort());
});

test('a dash subtitle in large type is the subtitle; the name glyphs under it are the author', () => {
  const a = byTitle('夯实基层治理根基');
  assert.equal(squash(a?.subtitle ?? ''), '关于社区治理的几点思考');
  assert.deepEqual(authors(a), ['萧然']);
  assert.deepEqual(a?.affiliations, ['青川大学教授']);
});

test('crossheads stay in their essay, the wrapped one whole, the one opening a column too', () => {
  const a = byTitle('夯实基层治理根基')!;
  const subheads = a.body.filter((b) => b.kind === 'subhead').map((b) => squash(b.text));
  assert.deepEqual(subheads, ['把群众的事放在心上', '调动各方力量共建共治']);
  const numbers = [...a.body.map((b) => b.text).join('').matchAll(/〔(\d+)〕/gu)].map((m) => Number(m[1]));
  assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6]);
});

test('a row of names, one padded to three cells, credits both', () => {
  assert.deepEqual(authors(byTitle('让人才在乡村留得住')).sort(), ['吴川', '韩立坤'].sort());
});

test('the essay beside a vertical headline keeps its column though its author stands between', () => {
  const a = byTitle('读书让生活更丰盈');
  assert.deepEqual(authors(a), ['雷鸣远']);
  const numbers = [...(a?.body ?? []).map((b) => b.text).join('').matchAll(/〔(\d+)〕/gu)].map((m) => Number(m[1]));
  assert.deepEqual(numbers, [1, 2, 3]);
});
