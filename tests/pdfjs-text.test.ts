// pdf.js's plain text (src/segment/eval/pdfjs-text.ts), the extractor `npm run eval` holds out: made
// from a committed typeset news page, and read by the segmenter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfjsText } from '../src/segment/eval/pdfjs-text.ts';
import { squash } from '../src/segment/eval/gold.ts';
import { segmentFile } from '../src/segment/index.ts';

const dir = join(import.meta.dirname, 'corpus-news');
const gold = JSON.parse(readFileSync(join(dir, 'news03.gold.json'), 'utf8')) as { articles: { headline: string; start: string; end: string }[] };

test('pdf.js plain text: the runs in drawing order, a line a baseline, no blank line inside the page', async () => {
  const text = await pdfjsText(readFileSync(join(dir, 'news03.pdf')));
  const lines = text.trimEnd().split('\n');
  assert.ok(!lines.includes(''), 'a one-page PDF has no blank line');
  // the header as the page draws it (date, weekday and section glued), then its page number, then
  // the first head set vertically in a narrow box, a line a row
  assert.deepEqual(lines.slice(1, 8).map((l) => l.trim()), ['2023年01月24日 周二地方新闻', '12', '衡阳县巡', '特警：暖', '心举动感', '动卖菜老', '人']);
  for (const a of gold.articles) for (const s of [a.headline, a.start, a.end]) assert.ok(squash(text).includes(squash(s)), s);
});

test('the segmenter reads pdf.js text: the page number apart from the head under it, the section glued to the weekday', async () => {
  const text = await pdfjsText(readFileSync(join(dir, 'news03.pdf')));
  const { articles } = segmentFile('news03.pdfjs.txt', new TextEncoder().encode(text));
  assert.ok(articles.length >= 4);
  for (const a of articles) assert.deepEqual([a.issue_date, a.page, a.section], ['2023-01-24', 12, '地方新闻']);
  assert.equal(articles[0].title, '衡阳县巡特警：暖心举动感动卖菜老人');
});
