/**
 * Property tests: the segmenter on mutated sample files (random spaces, line breaks, deletions,
 * duplicated lines, shuffled blocks, random bytes) never throws — except UndecodableError for
 * bytes that are not text —, ends (no runaway work), and accounts for every character.
 * And the Markdown writer: any headline survives front matter, any paragraph reads back as
 * written. Seeded for reproducibility; BAOKU_FC_SEED / BAOKU_FC_RUNS override.
 */
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import matter from 'gray-matter';
import { decode } from '../src/segment/decode.ts';
import { toMarkdown } from '../src/contract/markdown.ts';
import { segmentFile, UndecodableError } from '../src/segment/index.ts';
import { bodyBlocks } from '../src/site/markdown.ts';
import type { Article } from '../src/segment/types.ts';
import { plainArticle, readSample, SAMPLE_FILES, unaccounted } from './helpers.ts';
import { mutate, opArb } from './fixtures/hostile/mutations.ts';

const SEED = Number(process.env.BAOKU_FC_SEED ?? 20261125);
const RUNS = Number(process.env.BAOKU_FC_RUNS ?? 200);
/**
 * A guard against runaway work (a regex that backtracks without end, a loop that never closes), not
 * a speed target: one mutated file (≈ 20–40 KB) takes tens of milliseconds; speed is measured by
 * `npm run bench`. Generous, so that a loaded machine never fails it.
 */
const PER_RUN_MS = 30_000;

const samples = SAMPLE_FILES.map((f) => readSample(f).toString('utf8'));

test('mutated samples: segmentFile never throws (but UndecodableError), ends and accounts for every character', () => {
  // nodejieba loads its dictionaries on first use (seconds on a busy machine): not the mutation's doing
  segmentFile(SAMPLE_FILES[0], readSample(SAMPLE_FILES[0]));
  let undecodable = 0;
  let slowest = 0;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: samples.length - 1 }), fc.array(opArb, { minLength: 1, maxLength: 8 }), (which, ops) => {
      const bytes = mutate(samples[which], ops);
      const t0 = performance.now();
      let result: ReturnType<typeof segmentFile>;
      try {
        result = segmentFile(SAMPLE_FILES[which], bytes);
      } catch (err) {
        if (err instanceof UndecodableError) {
          undecodable++;
          return;
        }
        throw err;
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      assert.ok(ms < PER_RUN_MS, `took ${ms.toFixed(0)} ms`);
      const left = unaccounted(decode(bytes).text, result.articles, result.report);
      assert.deepEqual(Object.fromEntries(left), {}, 'characters not accounted for');
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: false },
  );
  // random bytes are rare and few: most runs must be text the segmenter reads
  assert.ok(undecodable < RUNS / 4, `${undecodable} of ${RUNS} mutated files were judged not text`);
  assert.ok(slowest < PER_RUN_MS);
});

/** Text with everything that could break YAML or Markdown: quotes, colons, dashes, markup, template syntax. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', "'", ':', ': ', '---', '\n---\n', '#', '# ', '> ', '- ', '* ', '1. ', '[', ']', '(', ')', '<', '>', '&', '`', '```', '|', '~', '_', '*', '\\', '{{ 7*7 }}', '{% include "x" %}', '<script>alert(1)</script>', '![x](y)', '[a](javascript:alert(1))', '&amp;', '&#60;', '=', '===', '+', '!', '@', '%', ' ', '\u3000', '　'),
    fc.constantFrom('报', '库', '记', '者', '，', '。', '“', '”', '（', '）', '——', '·', 'a', 'Z', '7'),
  ),
  minLength: 1,
  maxLength: 30,
});

const article = (title: string, paragraphs: string[]): Article => plainArticle(title, paragraphs, { id: 'x-p1-01', source: { file: 'x.txt', page: 1, lines: [1, 2] } });

// src/contract/markdown.ts lost `#`, `-`, `+`, `1.` standing alone, showed `1. x` as `\\1. x` and `&amp;` as `&`, and had gray-matter
// re-parse a body opening with `---` (an error, or JavaScript evaluated for `---js`)
test(
  'any headline survives the front matter and any paragraph reads back as written',
  () => {
  // paragraphs as the segmenter makes them: one line, trimmed, never empty
  const paragraph = hostileText.map((s) => s.replace(/\s+/gu, ' ').trim()).filter((s) => s !== '');
  fc.assert(
    fc.property(hostileText, fc.array(paragraph, { minLength: 1, maxLength: 4 }), (title, paragraphs) => {
      const md = toMarkdown(article(title, paragraphs));
      const { data, content } = matter(md);
      assert.equal(data.title, title);
      assert.equal(data.id, 'x-p1-01');
      assert.deepEqual(
        bodyBlocks(content).map((b) => b.text),
        paragraphs,
      );
    }),
    { seed: SEED, numRuns: 300 },
  );
  },
);

/** Counterexamples the property test found, shrunk to a few lines (tests/fixtures/hostile/). */
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'hostile', name));

// assemble.ts step 4c read the last block of a head group that step 4b had emptied by moving its only block away
test('found: a kicker moved to another story leaves an empty head group (TypeError in isSignedByline)', () => {
  const bytes = fixture('empty-head-after-kicker-move.txt');
  const r = segmentFile('empty-head-after-kicker-move.txt', bytes);
  assert.deepEqual([...unaccounted(decode(bytes).text, r.articles, r.report)], []);
});

// segment.ts dropped a draft with no body, title or caption reporting only its bylines: its subtitle vanished
test('found: a subtitle whose story lost its only paragraph as a repeat is still accounted for', () => {
  const bytes = fixture('lost-subtitle.txt');
  const r = segmentFile('lost-subtitle.txt', bytes);
  assert.deepEqual([...unaccounted(decode(bytes).text, r.articles, r.report)], []);
});
