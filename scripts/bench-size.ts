/**
 * `npm run bench:size`: the segmenter on one very large file, figures printed. A 50 MiB file of
 * pages (every sample, repeated) and a 3 MiB file that is one single line, each segmented in a
 * fresh process (tests/fixtures/hostile/measure.ts): wall time, CPU time, articles and peak
 * memory. A few minutes. That the cost stays linear is what tests/hostile-size.test.ts checks
 * on smaller inputs; this prints what a user with such a file should expect.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cli, ROOT } from './cli.ts';

const { fail, run } = cli('bench:size');
const MEASURE = join(ROOT, 'tests', 'fixtures', 'hostile', 'measure.ts');
const MiB = 1048576;

function measure(shape: string, bytes: number) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MEASURE, shape, String(bytes)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) fail(1, `${shape} ${bytes} bytes: ${r.error?.message ?? r.stderr.trim().split('\n').pop()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { bytes: number; ms: number; cpuMs: number; articles: number; pages: number; rss: number };
}

await run(async () => {
  for (const [what, shape, bytes] of [
    ['50 MiB of pages', 'mixed', 50 * MiB],
    ['a 3 MiB line', 'line', 3 * MiB],
  ] as const) {
    const m = measure(shape, bytes);
    console.log(`${what}: ${(m.ms / 1000).toFixed(1)} s (${(m.cpuMs / 1000).toFixed(1)} s CPU), ${m.articles} articles on ${m.pages} pages, peak RSS ${m.rss} MiB`);
  }
});
