/**
 * The PDF segmenter on three of the project's typeset news pages (tests/corpus-news/, made by
 * `npm run make-news-corpus` from made-up and sample text, so the exact answer is known): layouts
 * where a headline does not stand right above its story.
 *
 *   - news10: a headline set beside its story at the right, under a kicker wrapped on two lines; a
 *     brief whose first column is one line, its text running on in the column beside
 *   - news11: a side headline over a vertical headline stacked under it, each heading its own row
 *   - news12: two vertical headlines stacked at the left edge, the second narrower; a vertical
 *     subtitle opened by an upright dash
 *   - news09: a vertical headline whose text stands under two photos, right of it; paragraphs of
 *     one or two lines, so that most lines of a column open a paragraph
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { segmentPdfFile } from '../src/pdf/file.ts';
import { scoreFile, summarize } from '../src/segment/eval/metrics.ts';
import { NEWS_CORPUS_DIR } from '../src/segment/eval/news/corpus.ts';
import type { GoldFile } from '../src/segment/eval/gold.ts';

async function page(name: string) {
  const { articles } = await segmentPdfFile(`${name}.pdf`, readFileSync(join(NEWS_CORPUS_DIR, `${name}.pdf`)));
  const gold = JSON.parse(readFileSync(join(NEWS_CORPUS_DIR, `${name}.gold.json`), 'utf8')) as GoldFile;
  return { articles, gold, scores: scoreFile(gold, articles) };
}
const squash = (s: string) => s.replace(/\s+/gu, '');

test('news10: the headline beside its story takes its columns and its two-line kicker', async () => {
  const { articles, scores } = await page('news10');
  const a = articles.find((x) => squash(x.title) === '西洞庭力推人居环境整治');
  assert.ok(a, articles.map((x) => x.title).join(' | '));
  assert.equal(squash(a.kicker ?? ''), '过去走路一身灰如今处处闻花香');
  assert.deepEqual(a.credits.map((c) => c.name), ['李杰', '魏源', '曾庆梁']);
  const brief = articles.find((x) => squash(x.title) === '春季招聘会提供岗位三千余个');
  assert.ok(brief?.body.map((b) => b.text).join('').includes('为求职者解读就业补贴申领办法'), 'the brief runs on in the column beside');
  assert.ok(!scores.misses.some((m) => m.kind === 'article' && m.detail.includes('西洞庭')), scores.misses.map((m) => m.detail).join('\n'));
});

test('news11: a vertical headline under a side headline heads the row beside it', async () => {
  const { scores } = await page('news11');
  assert.equal(summarize(scores).boundaryF1, 1, scores.misses.map((m) => m.detail).join('\n'));
  assert.ok(!scores.misses.some((m) => m.kind === 'authors'), scores.misses.map((m) => m.detail).join('\n'));
});

test('news12: stacked vertical headlines each head their own text; the vertical subtitle is read', async () => {
  const { articles, scores } = await page('news12');
  assert.equal(summarize(scores).boundaryF1, 1, scores.misses.map((m) => m.detail).join('\n'));
  const a = articles.find((x) => squash(x.title) === '智能产线跑出“加速度”');
  assert.equal(squash(a?.subtitle ?? ''), '经开区企业数字化改造见闻');
});

test('news09: the text under the photos beside a vertical headline is its story; short paragraphs are told apart', async () => {
  const { scores } = await page('news09');
  const detail = scores.misses.map((m) => m.detail).join('\n');
  assert.equal(summarize(scores).boundaryF1, 1, detail);
  // the lead story's paragraphs as typeset: the <p>s of news09.html up to the next story's dateline
  const html = readFileSync(join(NEWS_CORPUS_DIR, 'news09.html'), 'utf8');
  const typeset = [...html.matchAll(/<p>([^<]{6})/gu)].map((m) => m[1]!);
  const lead = typeset.slice(0, typeset.findIndex((t) => t.startsWith('本报讯')));
  const { articles } = await page('news09');
  const a = articles.find((x) => squash(x.title).startsWith('入选国家首批'));
  assert.deepEqual(a?.body.map((b) => b.text.slice(0, 6)), lead);
});
