/**
 * Memory and time stay proportional to the input: no stage may be quadratic. Each measure runs
 * segmentFile in a fresh process (tests/fixtures/hostile/measure.ts) on text generated from the
 * samples; four times the input must take well under sixteen times as long. Time is the child's
 * CPU time, so that other work on the machine does not make a linear stage look quadratic.
 *
 * `npm run bench:size` prints the figures for a 50 MiB file and a 3 MiB line (a few minutes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const MEASURE = join(import.meta.dirname, 'fixtures', 'hostile', 'measure.ts');
const TSX = import.meta.resolve('tsx');
const MiB = 1048576;

interface Measure {
  shape: string;
  bytes: number;
  ms: number;
  cpuMs: number;
  articles: number;
  pages: number;
  rss: number;
  baseRss: number;
}

function measure(shape: string, bytes: number, timeoutMs = 120_000): Measure {
  const r = spawnSync(process.execPath, ['--import', TSX, MEASURE, shape, String(bytes)], { encoding: 'utf8', timeout: timeoutMs });
  assert.equal(r.status, 0, `${shape} ${bytes}: ${r.error?.message ?? ''} ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure;
}

/** Linear work quadruples when the input does (×3–5 measured, CPU time); quadratic work grows sixteenfold (×8–16). */
const MAX_RATIO = 6.5;
/** Peak memory added per MiB of input (the segmenter keeps lines, blocks and articles: ~30 MiB/MiB today). */
const MAX_RSS_PER_MIB = 100;

function scales(shape: string, from = MiB / 2) {
  const small = measure(shape, from);
  const large = measure(shape, 4 * from);
  const ratio = large.cpuMs / Math.max(small.cpuMs, 50);
  const rssPerMib = (large.rss - large.baseRss) / (large.bytes / MiB);
  const line = `${shape}: ${(small.bytes / MiB).toFixed(2)} MiB ${small.cpuMs} ms CPU → ${(large.bytes / MiB).toFixed(2)} MiB ${large.cpuMs} ms CPU (×${ratio.toFixed(1)}), peak RSS +${(large.rss - large.baseRss).toFixed(0)} MiB`;
  return { small, large, ratio, rssPerMib, line };
}

test('a year of pages in one file (all samples, Markdown-like and column): time and memory grow linearly', (t) => {
  const s = scales('mixed');
  t.diagnostic(s.line);
  assert.ok(s.large.articles > s.small.articles * 3, s.line);
  assert.ok(s.ratio < MAX_RATIO, s.line);
  assert.ok(s.rssPerMib < MAX_RSS_PER_MIB, s.line);
});

test('one page that never ends (Markdown-like files without page marks): time and memory grow linearly', (t) => {
  const s = scales('one-page');
  t.diagnostic(s.line);
  assert.equal(s.large.pages, 1);
  assert.ok(s.ratio < MAX_RATIO, s.line);
  assert.ok(s.rssPerMib < MAX_RSS_PER_MIB, s.line);
});

// assemble.ts step 5 scored every caption against every story of its page: quadratic on a page without end
test('one page of many captioned stories: captions are matched to stories in linear time', (t) => {
  const s = scales('captions', MiB / 8);
  t.diagnostic(s.line);
  assert.equal(s.large.pages, 1);
  assert.ok(s.large.articles > 1500, s.line);
  assert.ok(s.ratio < MAX_RATIO, s.line);
});

// paragraphs.ts read the last character of a block's text grown by `+` for every line: n² (200 000 short lines: 487 s → 3.9 s)
test('hundreds of thousands of short lines: time and memory grow linearly', (t) => {
  const s = scales('short-lines', MiB / 4);
  t.diagnostic(s.line);
  assert.ok(s.ratio < MAX_RATIO, s.line);
  // the lines join into one unpunctuated paragraph, which nodejieba (keywords) holds as one
  // sentence: ~130 MiB of native memory per MiB of it, on top of the segmenter's own
  assert.ok(s.rssPerMib < 2.5 * MAX_RSS_PER_MIB, s.line);
});

// classify.ts ran `(记者|通讯员).*摄$` before its length check: quadratic on a long line (3 MB line: 11.6 s)
test('one line of megabytes: time and memory grow linearly', (t) => {
  const s = scales('line', MiB);
  t.diagnostic(s.line);
  assert.ok(s.ratio < MAX_RATIO, s.line);
  assert.ok(s.rssPerMib < MAX_RSS_PER_MIB, s.line);
});
