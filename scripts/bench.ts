/**
 * `npm run bench -- --files N`: how the build scales. Generates a deterministic synthetic archive
 * of N raw page files from the sample (src/bench/synth.ts) in a temporary folder, builds it stage
 * by stage, each stage in a child process of its own (time, CPU, peak memory of the process tree),
 * measures the reference points (one plain nodejieba.cut pass over the raw text; plain Eleventy
 * rendering the same articles with a one-line layout), rebuilds incrementally after one raw file
 * changed and again after one correction file did, and measures what a browser fetches for a
 * one-word and a two-word search.
 * Prints a table and, last, one JSON line.
 *
 * Options: --files N (1000) --seed S (1) --dir DIR (a temporary folder) --keep
 *          --pages-per-shard N --pagefind-procs N (shards indexed at once) --workers N (defaults: those of npm run build) --skip-floors --skip-query --skip-incremental
 *          --verify (after the incremental build, a clean build of the changed archive must give
 *          the same articles and site, byte for byte)
 */
import { runBench } from '../src/bench/run.ts';
import { cli, options } from './cli.ts';

const { fail, count, run } = cli('bench');
const values = options(
  'bench',
  'usage: npm run bench -- [--files N] [--seed S] [--dir DIR] [--keep] [--pages-per-shard N] [--pagefind-procs N] [--workers N] [--skip-floors] [--skip-query] [--skip-incremental] [--verify]',
  {
    files: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'pages-per-shard': { type: 'string' },
    'pagefind-procs': { type: 'string' },
    workers: { type: 'string' },
    'skip-floors': { type: 'boolean', default: false },
    'skip-query': { type: 'boolean', default: false },
    'skip-incremental': { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
  },
);
const N = Number(values.files);
if (!Number.isInteger(N) || N < 1) fail(2, `--files must be a positive whole number, not ${values.files}`);
// the feed's timestamp from a fixed epoch, so that builds of the same input are the same bytes
process.env.SOURCE_DATE_EPOCH ??= String(Math.floor(Date.now() / 1000));

await run(async () => {
  const { seg, ele, pf, jieba, eleFloor, inc, corr, queries, verified, corrVerified, summary } = await runBench({
    files: N,
    seed: Number(values.seed),
    dir: values.dir,
    keep: values.keep,
    pagesPerShard: count('pages-per-shard', values['pages-per-shard']),
    pagefindProcs: count('pagefind-procs', values['pagefind-procs']),
    workers: count('workers', values.workers),
    skipFloors: values['skip-floors'],
    skipQuery: values['skip-query'],
    skipIncremental: values['skip-incremental'],
    verify: values.verify,
    log: (line) => console.error(line),
  });
  const { articles } = summary;
  const total = seg.seconds + ele.seconds + pf.seconds;
  const rows: [string, string, string, string, string][] = [
    ['stage', 'seconds', 'CPU s', 'peak RSS MiB', 'notes'],
    ['segment', seg.seconds.toFixed(1), seg.cpuSeconds.toFixed(1), seg.peakRssMb.toFixed(0), `${summary.segment_mb_s} MB/s raw, ${summary.workers} workers`],
    ['eleventy', ele.seconds.toFixed(1), ele.cpuSeconds.toFixed(1), ele.peakRssMb.toFixed(0), `${summary.pages} files written`],
    ['pagefind', pf.seconds.toFixed(1), pf.cpuSeconds.toFixed(1), pf.peakRssMb.toFixed(0), `${summary.shards} shard(s), ${summary.pagefind_mb} MB index`],
    ['total', total.toFixed(1), (seg.cpuSeconds + ele.cpuSeconds + pf.cpuSeconds).toFixed(1), String(summary.peak_rss_mb), `${articles} articles, ${summary.articles_per_s} articles/s, site ${summary.output_mb} MB`],
  ];
  if (jieba) rows.push(['jieba floor', Number(jieba.result.cutS).toFixed(1), jieba.cpuSeconds.toFixed(1), jieba.peakRssMb.toFixed(0), `cut only (wall incl. reading + dictionary ${jieba.seconds.toFixed(1)} s); segment = ${summary.segment_vs_jieba}×`]);
  if (eleFloor) rows.push(['11ty floor', eleFloor.seconds.toFixed(1), eleFloor.cpuSeconds.toFixed(1), eleFloor.peakRssMb.toFixed(0), `plain Eleventy, one-line layout; eleventy = ${summary.eleventy_vs_floor}×`]);
  if (inc) rows.push(['incremental', inc.seconds.toFixed(1), inc.cpuSeconds.toFixed(1), inc.peakRssMb.toFixed(0), `${summary.incremental_rendered} items re-rendered, ${summary.incremental_shards_reindexed} shard(s) re-indexed; ${Math.round((summary.incremental_share ?? 0) * 100)} % of full${verified ? `; ${verified}` : ''}`]);
  if (corr) rows.push(['correction', corr.seconds.toFixed(1), corr.cpuSeconds.toFixed(1), corr.peakRssMb.toFixed(0), `one headline set in a correction file: ${summary.correction_rendered} items re-rendered; ${Math.round((summary.correction_share ?? 0) * 100)} % of full${corrVerified ? `; ${corrVerified}` : ''}`]);
  for (const q of queries) rows.push([`query`, (q.ms / 1000).toFixed(1), '', '', `"${q.query}": first result ${q.firstMs ?? '–'} ms, ${Math.round(q.bytes / 1024)} KiB fetched (${Math.round(q.pagefindBytes / 1024)} KiB index), ${q.requests} requests in ${q.steps} steps, ${q.results ?? '?'} results${q.failed ? ' FAILED' : ''}`]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`\nBaoku bench: ${N} files, ${summary.raw_mb} MB raw, ${articles} articles — ${summary.cores} cores, ${summary.ram_gb} GB RAM (${summary.cpu}); load average ${summary.loadavg_start} → ${summary.loadavg_end}`);
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, k) => (k === 0 || k === 4 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  // what a first search waited for, step by step (requests of one step went out together)
  for (const q of queries) {
    console.log(`\nfirst search "${q.query}", requests in the order they had to follow one another:`);
    q.waterfall.forEach((line, k) => console.log(`  ${k + 1}. ${line}`));
  }
  console.log(JSON.stringify(summary));
});
