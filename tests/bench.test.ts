/**
 * The pieces of the scale work: the synthetic archive generator, the worker pool (same bytes as
 * segmenting in this thread, in input order), the segment cache, the exact related-articles
 * search, shard cutting and the streaming records reader, the progress bar.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthArchive, samplePages, type SampleFile } from '../src/bench/synth.ts';
import { decode } from '../src/segment/decode.ts';
import { toLines } from '../src/segment/lines.ts';
import { withIssue } from '../src/issues/apply.ts';
import { toMarkdown } from '../src/contract/markdown.ts';
import { learnLexicon } from '../src/segment/keywords.ts';
import { segmentFile } from '../src/segment/index.ts';
import { buildArchive, parseArticle } from '../src/site/archive.ts';
import { collator, type RelatedArticle, type SiteArticle } from '../src/site/entities.ts';
import { cutShards } from '../src/build/shards.ts';
import { formatBar } from '../src/build/progress.ts';
import { SegmentCache } from '../src/build/segment-cache.ts';
import { segmentInOrder } from '../src/build/segment-pool.ts';
import { RAW_DIR, SAMPLE_FILES, readSample } from './helpers.ts';

const sampleFiles: SampleFile[] = SAMPLE_FILES.map((name) => ({ name, text: decode(readSample(name)).text, people: ['王斌', '魏龙元', '黄柳英', '何大明'] }));

test('synthArchive: deterministic, both flavours, the variants, names that segment', () => {
  const a = [...synthArchive(sampleFiles, { files: 40, seed: 7 })];
  const b = [...synthArchive(sampleFiles, { files: 40, seed: 7 })];
  const c = [...synthArchive(sampleFiles, { files: 40, seed: 8 })];
  assert.deepEqual(
    a.map((f) => [f.name, Buffer.from(f.bytes).toString('base64')]),
    b.map((f) => [f.name, Buffer.from(f.bytes).toString('base64')]),
  );
  assert.notDeepEqual(a.map((f) => f.name), c.map((f) => f.name));
  assert.deepEqual(new Set(a.map((f) => f.flavour)), new Set(['column', 'markdown']));
  assert.ok(new Set(a.map((f) => f.variant)).size >= 3, 'several encodings and layouts');
  assert.equal(new Set(a.map((f) => f.name)).size, a.length);
  for (const f of a.slice(0, 6)) {
    const r = segmentFile(f.name, f.bytes);
    assert.ok(r.articles.length > 0, `${f.name} yields articles`);
    assert.equal(r.report.flavour, f.flavour, `${f.name} is read in the flavour it was made in`);
  }
});

test('samplePages: pages cut where lines.ts sees page starts, every line kept', () => {
  const pages = samplePages(sampleFiles);
  const perFile = new Map<string, number>();
  for (const p of pages) perFile.set(p.source.split('#')[0], (perFile.get(p.source.split('#')[0]) ?? 0) + 1);
  for (const f of sampleFiles) {
    const lines = toLines(f.text);
    assert.equal(perFile.get(f.name), lines[lines.length - 1].page, f.name);
  }
});

test('segment pool: output byte-identical to segmenting in this thread, in input order', async () => {
  const lexicon = learnLexicon(SAMPLE_FILES.map((n) => decode(readSample(n)).text));
  const jobs = SAMPLE_FILES.map((name) => ({ name, path: join(RAW_DIR, name), key: name.slice(0, 3) }));
  const pool = segmentInOrder([...jobs, null], { lexicon, workers: 2 });
  const got = [];
  for (let i = 0; i < jobs.length; i++) got.push(await pool.take(i));
  await pool.close();
  assert.equal(pool.stats.segmented, jobs.length);
  // in this thread, the lexicon taught before the first file as the workers do
  for (const [i, job] of jobs.entries()) {
    const r = segmentFile(job.name, readSample(job.name), { lexicon, key: job.key });
    assert.deepEqual(got[i].report, r.report, job.name);
    assert.deepEqual(
      got[i].articles.map((a) => [a.id, a.md]),
      // as the workers write them: the issue facts settled (none for these names)
      r.articles.map((a) => [a.id, toMarkdown(withIssue(a, {}))]),
      job.name,
    );
  }
});

test('segment pool: a file that is not text is an UndecodableError, the others go on; the cache answers the second time', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'baoku-pool-'));
  try {
    await writeFile(join(dir, 'bad.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0]));
    const name = SAMPLE_FILES[4];
    await writeFile(join(dir, name), readSample(name));
    const jobs = [
      { name: 'bad.txt', path: join(dir, 'bad.txt'), key: 'bad' },
      { name, path: join(dir, name), key: '004' },
    ];
    const cache = await SegmentCache.open({ dir: join(dir, 'cache'), lexicon: [] });
    const run = async () => {
      const pool = segmentInOrder(jobs, { lexicon: [], cache, workers: 1 });
      const bad = await pool.take(0).then(
        () => null,
        (e: Error) => e,
      );
      const good = await pool.take(1);
      await pool.close();
      return { bad, good, stats: pool.stats };
    };
    const first = await run();
    assert.ok(first.bad && first.bad.constructor.name === 'UndecodableError', String(first.bad));
    assert.equal(first.good.cached, false);
    const second = await run();
    assert.equal(second.good.cached, true);
    assert.deepEqual(second.good.articles, first.good.articles);
    assert.equal(second.stats.segmented, 0, 'the cached file is not segmented again');
    // another lexicon: another key
    const other = await SegmentCache.open({ dir: join(dir, 'cache'), lexicon: ['芦淞区'] });
    const bytes = await readFile(join(dir, name));
    assert.notEqual(other.keyFor(name, '004', bytes), cache.keyFor(name, '004', bytes));
    assert.equal(await other.prune(), 1, 'entries this run did not use are pruned');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** The related-articles search as it was before: score every article that shares a keyword. */
function naiveRelated(a: SiteArticle): RelatedArticle[] {
  const scores = new Map<SiteArticle, RelatedArticle>();
  for (const k of a.keywordNodes) {
    const weight = 1 / k.tagged.length;
    for (const other of k.tagged) {
      if (other === a) continue;
      const r = scores.get(other) ?? { article: other, shared: [], score: 0 };
      r.shared.push(k.name);
      r.score += weight;
      scores.set(other, r);
    }
  }
  return [...scores.values()]
    .sort((x, y) => y.score - x.score || y.shared.length - x.shared.length || collator.compare(x.article.id, y.article.id))
    .slice(0, 5);
}

test('related articles: the pruned search finds exactly what scoring every article finds', () => {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // a skewed vocabulary: a few keywords on most articles, many rare ones
  const vocab = Array.from({ length: 120 }, (_, i) => `词${i}`);
  const pickWord = () => vocab[Math.floor(vocab.length * rand() ** 3)];
  const articles: SiteArticle[] = [];
  for (let i = 0; i < 600; i++) {
    const kws = [...new Set(Array.from({ length: 2 + Math.floor(rand() * 7) }, pickWord))];
    const id = `${String(Math.floor(i / 10)).padStart(3, '0')}-p1-${String((i % 10) + 1).padStart(2, '0')}`;
    const md = `---\nid: ${id}\ntitle: 标题${i}\nkeywords: [${kws.join(', ')}]\nsource: {file: f${Math.floor(i / 10)}.txt, page: 1, lines: [1, 2]}\n---\n正文。\n`;
    articles.push(parseArticle(md, id));
  }
  const archive = buildArchive(articles, [], '/nonexistent');
  let nonEmpty = 0;
  for (const a of archive.articles) {
    const want = naiveRelated(a).map((r) => [r.article.id, r.shared, r.score]);
    assert.deepEqual(a.related.map((r) => [r.article.id, r.shared, r.score]), want, a.id);
    if (want.length) nonEmpty++;
  }
  assert.ok(nonEmpty > 500);
});

test('cutShards: whole files in order, sizes bounded, an edit moves no distant boundary', () => {
  let seed = 99;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const files = Array.from({ length: 3000 }, (_, i) => ({ file: `${String(i).padStart(5, '0')}_x.txt`, pages: 1 + Math.floor(rand() * 19) }));
  const target = 2000;
  const shards = cutShards(files, target);
  assert.deepEqual(shards.flat(), files, 'every file once, in order');
  const sizes = shards.map((s) => s.reduce((n, f) => n + f.pages, 0));
  for (const n of sizes.slice(0, -1)) assert.ok(n >= target / 2 && n <= target * 1.5, `shard of ${n}`);
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  assert.ok(mean > target * 0.7 && mean < target * 1.3, `mean shard ${mean}`);
  // one file in the middle gains articles: shards far from it keep their boundaries
  const edited = files.map((f, i) => (i === 1500 ? { ...f, pages: f.pages + 5 } : f));
  const again = cutShards(edited, target);
  const firsts = (s: typeof shards) => s.map((g) => g[0].file);
  const before = firsts(shards).filter((f) => f < '01400');
  assert.deepEqual(firsts(again).filter((f) => f < '01400'), before);
});

test('formatBar: done, total, rate and ETA', () => {
  const line = formatBar('segment', 250, 1000, 'files', 10);
  assert.match(line, /250\/1,000 files/u);
  assert.match(line, /25\.0\/s|25\/s/u);
  assert.match(line, /ETA 0:30/u);
});
