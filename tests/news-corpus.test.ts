/**
 * The typeset news corpus (tests/corpus-news/, issue #12 item 6) is consistent: the generator is
 * deterministic and reproduces the committed HTML and gold; the gold agrees exactly with the text
 * that was typeset; and every gold string occurs in every extractor's text of its page, except the
 * places recorded in mangled.json, where an extractor itself breaks the string.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateGold } from '../src/segment/eval/gold.ts';
import { generatePages } from '../src/segment/eval/news/layout.ts';
import { WRITTEN_STORIES } from '../src/segment/eval/news/stories.ts';
import type { SampleStory } from '../src/segment/eval/news/sample.ts';
import { EXTRACTORS } from '../src/segment/eval/news/extract.ts';
import { checkNewsSample, loadNewsCorpus, NEWS_CORPUS_DIR, type Mangled } from '../src/segment/eval/news/corpus.ts';

const sample = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'src', 'segment', 'eval', 'news', 'sample-stories.json'), 'utf8'),
) as SampleStory[];

/** The text a page's HTML typesets, tags and the style sheet removed. */
function typesetText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/u, '')
    .replace(/<[^>]+>/gu, '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&amp;/gu, '&');
}

test('the generator is deterministic and reproduces the committed HTML and gold', () => {
  const a = generatePages(sample, WRITTEN_STORIES);
  const b = generatePages(sample, WRITTEN_STORIES);
  assert.equal(a.length, 12);
  assert.deepEqual(a.map((p) => p.html), b.map((p) => p.html));
  for (const p of a) {
    assert.equal(readFileSync(join(NEWS_CORPUS_DIR, `${p.name}.html`), 'utf8'), p.html, `${p.name}.html`);
    assert.equal(readFileSync(join(NEWS_CORPUS_DIR, `${p.name}.gold.json`), 'utf8'), JSON.stringify(p.gold, null, 1) + '\n');
  }
});

test('the pages vary as news pages do: grids, headline places, bylines, captions, briefs, commentary', () => {
  const pages = generatePages(sample, WRITTEN_STORIES);
  const html = pages.map((p) => p.html).join('\n');
  const grids = new Set(pages.map((p) => /class="row"><article class="art[^"]*" style="flex:(\d+)/u.exec(p.html)?.[1]));
  for (const n of ['2', '3', '4', '5', '6']) assert.ok(grids.has(n), `a page with a ${n}-column grid`);
  assert.match(html, /class="art beside left"/u);
  assert.match(html, /class="art beside right"/u);
  assert.match(html, /<div class="byline">本报记者 \S+/u);
  assert.match(html, /本报讯（记者 [^）]+）/u);
  assert.match(html, /（记者 [^）]+ 通讯员 [^）]+）<\/p>/u);
  assert.match(html, /新华社\S+?\d+月\d+日电（记者 [^）]+）/u);
  assert.match(html, /（\S+ 摄）<\/figcaption>/u);
  assert.match(html, /<div class="subtitle">——/u);
  assert.match(html, /<div class="kicker">/u);
  assert.match(html, /<div class="author">/u);
  assert.match(html, /<section class="briefs"/u);
  const gold = pages.flatMap((p) => p.gold.articles);
  assert.ok(gold.length >= 50, `${gold.length} articles`);
  assert.ok(gold.filter((g) => g.captions.length).length >= 5);
});

test('the gold agrees exactly with the typeset text of each page', () => {
  for (const p of generatePages(sample, WRITTEN_STORIES)) {
    const { errors } = validateGold(p.gold, typesetText(p.html));
    assert.deepEqual(errors, [], p.name);
    const text = typesetText(p.html).replace(/\s+/gu, '');
    for (const a of p.gold.articles) for (const n of [...a.authors, ...a.photographers]) assert.ok(text.includes(n), `${p.name}: ${n}`);
    assert.ok(text.includes(p.gold.header.section) && text.includes(p.gold.header.paper), p.name);
  }
});

test('every gold string occurs in every extractor text, except the recorded places where the extractor breaks it', () => {
  const samples = loadNewsCorpus();
  assert.equal(samples.length, 12 * EXTRACTORS.length);
  const found = samples.flatMap(checkNewsSample);
  const recorded = JSON.parse(readFileSync(join(NEWS_CORPUS_DIR, 'mangled.json'), 'utf8')) as Mangled[];
  assert.deepEqual(found, recorded);
  // The exceptions stay exceptions: pdftotext -layout prints columns side by side, so a string
  // that crosses a line is never whole there; every other extractor keeps at least 90% whole.
  for (const x of EXTRACTORS.filter((e) => e !== 'pdftotext-layout')) {
    const strings = samples
      .filter((s) => s.extractor === x)
      .reduce((n, s) => n + s.gold.sentences.length + s.gold.paragraph_breaks.length + 2 * s.gold.articles.length, 0);
    const broken = found.filter((m) => m.extractor === x).length;
    assert.ok(broken <= strings * 0.1, `${x}: ${broken} of ${strings} gold strings broken`);
  }
});
