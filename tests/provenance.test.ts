/**
 * Exact provenance (#13): an article's source is the line ranges that are its own plus its
 * captions' lines, and no line is in two articles — over the sample and, when it is present, the
 * development corpus (../shared/corpus-dev/text, read at run time, never copied).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ArticleFormatError, fromMarkdown, toMarkdown } from '../src/contract/markdown.ts';
import { DEVSET_DIR, devsetPresent } from '../src/segment/eval/devset-load.ts';
import { segmentFile } from '../src/segment/index.ts';
import { toLines } from '../src/segment/lines.ts';
import { decode } from '../src/segment/decode.ts';
import type { Article } from '../src/segment/types.ts';
import { readSample, SAMPLE_FILES } from './helpers.ts';

/** Lines (1-based) held by more than one article, with the articles. */
function sharedLines(articles: Article[], split: ReadonlySet<number> = new Set()): string[] {
  const owner = new Map<number, string>();
  const shared: string[] = [];
  for (const a of articles) {
    const mine = new Set<number>();
    for (const [x, y] of [...a.source.ranges!, ...a.source.caption_ranges!]) for (let n = x; n <= y; n++) mine.add(n);
    for (const n of mine) {
      if (owner.has(n) && !split.has(n)) shared.push(`line ${n}: ${owner.get(n)} and ${a.id}`);
      else owner.set(n, a.id);
    }
  }
  return shared;
}

test('sample: no line belongs to two articles; ranges are sorted, apart, and inside the article span', () => {
  for (const f of SAMPLE_FILES) {
    const { articles } = segmentFile(f, readSample(f));
    assert.deepEqual(sharedLines(articles), [], f);
    for (const a of articles) {
      const rs = a.source.ranges!;
      assert.ok(rs.length >= 1, a.id);
      assert.deepEqual([rs[0][0], rs[rs.length - 1][1]], a.source.lines, `${a.id}: the ranges span source.lines`);
      for (let k = 1; k < rs.length; k++) assert.ok(rs[k][0] > rs[k - 1][1] + 1, `${a.id}: ranges ${JSON.stringify(rs)} are apart`);
    }
  }
});

test('sample: the cited lines hold the article — its ranges its text, its caption lines its captions', () => {
  // the issue's own example: 000-p2-02 (473–812) used to include all of 000-p2-03 (761–809)
  const f = SAMPLE_FILES[0];
  const { articles } = segmentFile(f, readSample(f));
  const byId = new Map(articles.map((a) => [a.id, a]));
  assert.deepEqual(byId.get('000-p2-02')!.source.ranges, [[473, 759], [811, 812]]);
  assert.deepEqual(byId.get('000-p2-03')!.source.ranges, [[761, 809]]);
  let withCaptions = 0;
  for (const name of SAMPLE_FILES) {
    const lines = toLines(decode(readSample(name)).text);
    const text = (rs: [number, number][]) => lines.filter((l) => rs.some(([x, y]) => l.no >= x && l.no <= y)).map((l) => l.text).join('').replace(/\s+/gu, '');
    for (const a of segmentFile(name, readSample(name)).articles) {
      const own = text(a.source.ranges!);
      const first = a.body.find((b) => b.kind === 'paragraph')?.text.replace(/\s+/gu, '').slice(0, 6);
      if (first) assert.ok(own.includes(first), `${a.id}: its lines hold its first words ${first}`);
      if (a.captions.length) {
        withCaptions++;
        const caps = text(a.source.caption_ranges!);
        for (const c of a.captions) assert.ok(caps.includes(c.text.replace(/\s+/gu, '').slice(0, 4)), `${a.id}: caption lines hold ${c.text}`);
      }
    }
  }
  assert.ok(withCaptions >= 5, `${withCaptions} articles with captions`);
});

test('contract: ranges and caption lines are written, read back, and checked', () => {
  const f = SAMPLE_FILES[0];
  const a = segmentFile(f, readSample(f)).articles.find((x) => x.id === '000-p2-02')!;
  const back = fromMarkdown(toMarkdown(a), 'a.md');
  assert.deepEqual([back.source.ranges, back.source.caption_ranges], [[[473, 759], [811, 812]], a.source.caption_ranges]);
  const md = toMarkdown(a).replace(/ranges:\n(\s+- - 473)/u, 'ranges:\n  - - 9000\n    - 1\n$1');
  assert.throws(() => fromMarkdown(md, 'bad.md'), (e: Error) => e instanceof ArticleFormatError && /^bad\.md: source\.ranges must be a list of \[first, last\] line numbers$/u.test(e.message));
});

// The development corpus, when present. pdftotext -layout prints the page's columns side by side,
// so one of its lines holds the text of several articles: a line cannot be given to one of them,
// and that extractor's text is left out here (its provenance is the lines, shared, not columns).
const devText = join(DEVSET_DIR, 'text');
test('development corpus: no line belongs to two articles (every extractor but pdftotext -layout)', { skip: devsetPresent() && existsSync(devText) ? false : `no development corpus at ${DEVSET_DIR}` }, () => {
  const files = readdirSync(devText).filter((n) => n.endsWith('.txt') && !n.includes('.pdftotext-layout.'));
  assert.ok(files.length >= 40, `${files.length} texts`);
  let articles = 0;
  for (const name of files) {
    const bytes = readFileSync(join(devText, name));
    const r = segmentFile(name, bytes);
    articles += r.articles.length;
    // a line an extractor glued from two articles' text (`甲乙丙 子 丑 寅 卯 辰 …`: one essay's
    // signed name, the next essay's first line) is cut in two by lines.ts, both parts keeping its
    // number: that line belongs to both articles, as printed; no other line may
    const numbers = toLines(decode(bytes).text).map((l) => l.no);
    const split = new Set(numbers.filter((n, i) => numbers.indexOf(n) !== i));
    assert.deepEqual(sharedLines(r.articles, split), [], name);
  }
  assert.ok(articles > 100, `${articles} articles`);
});
