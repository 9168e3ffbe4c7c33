/**
 * `npm run make-news-corpus`: typeset the news pages of issue #12 item 6, print them to PDF in
 * Chromium, extract them with the five extractors, and write everything to tests/corpus-news/
 * (HTML, PDF, five texts and the exact answer per page). The library is src/segment/eval/news/.
 *
 *   npm run make-news-corpus                     regenerate the corpus
 *   npm run make-news-corpus -- --refresh-sample re-take the sample's stories (sample-stories.json)
 *                                                from content/raw and tests/gold first
 *   npm run make-news-corpus -- --seed 7 --out DIR
 *                                                the same stories set in other layouts (another seed)
 *                                                in DIR, for `npm run eval -- --news DIR`: pages no
 *                                                rule was set on (never commit them beside the corpus)
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { segmentFile } from '../src/segment/index.ts';
import type { GoldFile } from '../src/segment/eval/gold.ts';
import { sampleStories, type SampleStory } from '../src/segment/eval/news/sample.ts';
import { WRITTEN_STORIES } from '../src/segment/eval/news/stories.ts';
import { generatePages, NEWS_SEED } from '../src/segment/eval/news/layout.ts';
import { EXTRACTORS, extract, normalisePdf, printPages, subsetFonts } from '../src/segment/eval/news/extract.ts';
import { checkNewsSample, loadNewsCorpus, NEWS_CORPUS_DIR } from '../src/segment/eval/news/corpus.ts';

const root = join(new URL('.', import.meta.url).pathname, '..');
const samplePath = join(root, 'src', 'segment', 'eval', 'news', 'sample-stories.json');

const { values } = parseArgs({ options: { 'refresh-sample': { type: 'boolean' }, seed: { type: 'string' }, out: { type: 'string' } } });
if (values['refresh-sample']) {
  const stories: SampleStory[] = [];
  for (const n of readdirSync(join(root, 'tests', 'gold')).filter((f) => f.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(root, 'tests', 'gold', n), 'utf8')) as GoldFile;
    const bytes = readFileSync(join(root, 'content', 'raw', gold.file));
    stories.push(...sampleStories(gold, segmentFile(gold.file, bytes).articles));
  }
  writeFileSync(samplePath, JSON.stringify(stories, null, 1) + '\n');
  console.log(`${stories.length} sample stories → ${samplePath}`);
}

const seed = values.seed === undefined ? NEWS_SEED : Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`make-news-corpus: --seed must be a whole number, not ${values.seed}`);
  process.exit(2);
}
const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as SampleStory[];
const pages = generatePages(sample, WRITTEN_STORIES, seed);
const out = values.out === undefined ? NEWS_CORPUS_DIR : resolve(values.out);
mkdirSync(out, { recursive: true });
for (const n of readdirSync(out)) if (/^news\d+\./u.test(n)) rmSync(join(out, n));

const work = mkdtempSync(join(tmpdir(), 'news-corpus-'));
try {
  subsetFonts(pages.map((p) => p.html).join(''), work);
  for (const p of pages) {
    writeFileSync(join(out, `${p.name}.html`), p.html);
    writeFileSync(join(work, `${p.name}.html`), p.html);
    writeFileSync(join(out, `${p.name}.gold.json`), JSON.stringify(p.gold, null, 1) + '\n');
  }
  await printPages(work, pages);
  for (const p of pages) {
    const pdf = join(out, `${p.name}.pdf`);
    writeFileSync(pdf, normalisePdf(readFileSync(join(work, `${p.name}.pdf`))));
    for (const x of EXTRACTORS) writeFileSync(join(out, `${p.name}.${x}.txt`), await extract(pdf, x));
    console.log(`${p.name}: ${p.gold.articles.length} articles, ${p.gold.sentences.length} sentences`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Where an extractor breaks a gold string (columns side by side, text boxes out of order,
// neighbouring headlines merged), the place is recorded, not the gold bent: tests/news-corpus.test.ts
// holds the corpus to this list.
const missing = loadNewsCorpus(out).flatMap(checkNewsSample);
writeFileSync(join(out, 'mangled.json'), JSON.stringify(missing, null, 1) + '\n');
if (missing.length) {
  console.log(`\n${missing.length} gold string(s) not found in an extractor's text:`);
  for (const m of missing) console.log(`  ${m.page} ${m.extractor} ${m.field}: ${m.value}`);
}
