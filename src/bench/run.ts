/**
 * The bench (`npm run bench`, scripts/bench.ts): how the build scales. Generates a deterministic
 * synthetic archive of N raw page files from the sample (synth.ts) in a folder, builds it stage by
 * stage, each stage in a child process of its own (stage.ts; time, CPU, peak memory of the
 * process tree: measure.ts), measures the reference points (one plain nodejieba.cut pass over the
 * raw text; plain Eleventy rendering the same articles with a one-line layout), rebuilds
 * incrementally after one raw file changed and again after one correction file did, and
 * measures what a browser fetches for a one-word and a two-word search (query.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { correctionPathOf, defaultCorrectionsDir } from '../corrections/files.ts';
import { runMeasured, type Measured } from './measure.ts';
import type { QueryCost } from './query.ts';
import { synthArchive, type SampleFile } from './synth.ts';
import { decode } from '../segment/decode.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const STAGE = join(ROOT, 'src', 'bench', 'stage.ts');
const TSX = import.meta.resolve('tsx');

export interface BenchOptions {
  /** Raw files to generate. */
  files: number;
  seed: number;
  /** Working folder (default: a temporary folder); emptied first. */
  dir?: string;
  /** Leave the working folder (default: removed at the end). */
  keep?: boolean;
  pagesPerShard?: number;
  pagefindProcs?: number;
  workers?: number;
  skipFloors?: boolean;
  skipQuery?: boolean;
  skipIncremental?: boolean;
  /** After the incremental build, a clean build of the changed archive must give the same bytes. */
  verify?: boolean;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface BenchResult {
  /** The stages as measured (null: skipped). */
  seg: Measured;
  ele: Measured;
  pf: Measured;
  jieba: Measured | null;
  eleFloor: Measured | null;
  inc: Measured | null;
  /** The rebuild after one correction file changed (null: skipped). */
  corr: Measured | null;
  queries: QueryCost[];
  /** The --verify outcomes, after the changed character and after the correction. */
  verified: string | null;
  corrVerified: string | null;
  /** Whether the corrected headline is in the article's Markdown after the rebuild. */
  corrApplied: boolean | null;
  /** The figures, one JSON line's worth. */
  summary: ReturnType<typeof summarise>;
}

const mb = (bytes: number) => bytes / 1048576;

async function du(path: string): Promise<number> {
  let n = 0;
  if (!existsSync(path)) return 0;
  for (const e of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) n += (await stat(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))).size;
  }
  return n;
}

/** The sample files, with the people the gold annotations name (the synthetic archive reuses them). */
async function sample(): Promise<SampleFile[]> {
  const rawDir = join(ROOT, 'content', 'raw');
  const out: SampleFile[] = [];
  for (const name of (await readdir(rawDir)).filter((n) => n.endsWith('.txt')).sort()) {
    const goldPath = join(ROOT, 'tests', 'gold', name.replace(/\.txt$/u, '.json'));
    const gold = existsSync(goldPath)
      ? (JSON.parse(await readFile(goldPath, 'utf8')) as { articles: { authors?: string[]; photographers?: string[] }[] })
      : { articles: [] };
    out.push({
      name,
      text: decode(await readFile(join(rawDir, name))).text,
      people: gold.articles.flatMap((a) => [...(a.authors ?? []), ...(a.photographers ?? [])]),
    });
  }
  return out;
}

export async function runBench(b: BenchOptions): Promise<BenchResult> {
  const N = b.files;
  const seed = b.seed;
  const dir = resolve(b.dir ?? join(tmpdir(), `baoku-bench-${N}-${process.pid}`));
  const raw = join(dir, 'raw');
  const opts = {
    input: raw,
    articles: join(dir, 'articles'),
    site: join(dir, 'site'),
    state: join(dir, 'state'),
    pagesPerShard: b.pagesPerShard,
    pagefindProcs: b.pagefindProcs,
    workers: b.workers,
  };
  const log = b.log ?? (() => {});

  async function stage(name: string, extra: Record<string, unknown> = {}): Promise<Measured> {
    log(`bench: ${name}…`);
    const m = await runMeasured(process.execPath, ['--import', TSX, STAGE, name, JSON.stringify({ ...opts, ...extra })], {
      cwd: ROOT,
      inheritStderr: true,
      onLine: (l) => log(`  ${l}`),
    });
    if (m.code !== 0) throw new Error(`stage ${name} failed (exit ${m.code})`);
    log(`bench: ${name} ${m.seconds.toFixed(1)} s, CPU ${m.cpuSeconds.toFixed(1)} s, peak RSS ${m.peakRssMb.toFixed(0)} MiB`);
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // 1. the synthetic archive

  const load0 = loadavg();
  await rm(dir, { recursive: true, force: true });
  await mkdir(raw, { recursive: true });
  const tGen = performance.now();
  let rawBytes = 0;
  const variants = new Map<string, number>();
  const plain: string[] = [];
  for (const f of synthArchive(await sample(), { files: N, seed })) {
    await writeFile(join(raw, f.name), f.bytes);
    rawBytes += f.bytes.length;
    variants.set(`${f.flavour}/${f.variant}`, (variants.get(`${f.flavour}/${f.variant}`) ?? 0) + 1);
    if (f.variant === 'utf-8' && f.flavour === 'column') plain.push(f.name);
  }
  // the file the incremental build changes: a plain UTF-8 column file from the middle of the archive
  const changeTarget = plain[Math.floor(plain.length / 2)] ?? (await readdir(raw)).sort()[Math.floor(N / 2)];
  log(`bench: ${N} files, ${mb(rawBytes).toFixed(1)} MiB raw in ${((performance.now() - tGen) / 1000).toFixed(1)} s → ${relative(process.cwd(), raw) || raw}`);
  log(`bench: ${[...variants].map(([k, v]) => `${k} ${v}`).join(', ')}`);

  // ---------------------------------------------------------------------------------------------
  // 2. the build, stage by stage; the reference points

  const seg = await stage('segment');
  const ele = await stage('eleventy');
  const pf = await stage('pagefind');
  const articles = Number(seg.result.articles);
  const jieba = b.skipFloors ? null : await stage('jieba-floor');
  const eleFloor = b.skipFloors ? null : await stage('eleventy-floor', { scratch: join(dir, 'floor') });

  const siteBytes = await du(opts.site);
  const pagefindBytes = await du(join(opts.site, 'pagefind'));
  const articlesBytes = await du(opts.articles);

  // ---------------------------------------------------------------------------------------------
  // 3. queries: a common keyword, and it followed by the word most often written after it (the
  //    search page looks for the words side by side, as a phrase)

  async function chooseQueries(): Promise<string[]> {
    const list = JSON.parse(await readFile(join(opts.site, 'articles.json'), 'utf8')) as { keywords?: string[] }[];
    const freq = new Map<string, number>();
    for (const a of list) for (const k of a.keywords ?? []) freq.set(k, (freq.get(k) ?? 0) + 1);
    const ranked = [...freq].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k]) => k);
    const one = ranked[Math.min(9, ranked.length - 1)] ?? '株洲';
    const after = new Map<string, number>();
    const names = (await readdir(opts.articles)).filter((n) => n.endsWith('.md')).sort();
    for (const name of names.slice(0, 5000)) {
      const text = await readFile(join(opts.articles, name), 'utf8');
      for (let i = text.indexOf(one); i >= 0; i = text.indexOf(one, i + one.length)) {
        const next = text.slice(i + one.length, i + one.length + 2);
        if (/^\p{Script=Han}{2}$/u.test(next)) after.set(next, (after.get(next) ?? 0) + 1);
      }
    }
    const two = [...after].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0];
    return two ? [one, `${one} ${two}`] : [one];
  }
  let query: Measured | null = null;
  let queries: QueryCost[] = [];
  if (!b.skipQuery) {
    query = await stage('query', { queries: await chooseQueries() });
    queries = query.result.queries as typeof queries;
  }

  // ---------------------------------------------------------------------------------------------
  // 4. one raw file changes: an incremental rebuild

  /** A clean build of the archive as it now stands, compared file by file with the incremental one. */
  async function verifyClean(tag: string): Promise<string> {
    const clean = { input: raw, articles: join(dir, `${tag}-articles`), site: join(dir, `${tag}-site`), state: join(dir, `${tag}-state`) };
    await stage('segment', clean);
    await stage('eleventy', clean);
    await stage('pagefind', clean);
    const diffs: string[] = [];
    for (const [a, b] of [
      [opts.articles, clean.articles],
      [opts.site, clean.site],
    ]) {
      const files = new Set<string>();
      for (const root of [a, b]) {
        for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
          if (e.isFile()) files.add(relative(root, join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)));
        }
      }
      for (const f of files) {
        const [x, y] = await Promise.all([readFile(join(a, f)).catch(() => null), readFile(join(b, f)).catch(() => null)]);
        if (!x || !y || !x.equals(y)) diffs.push(join(relative(dir, a), f));
      }
    }
    await Promise.all(Object.values(clean).filter((d) => d !== raw).map((d) => rm(d, { recursive: true, force: true })));
    return diffs.length === 0 ? 'identical' : `${diffs.length} files differ: ${diffs.slice(0, 5).join(', ')}`;
  }

  let inc: Measured | null = null;
  let verified: string | null = null;
  let corr: Measured | null = null;
  let corrVerified: string | null = null;
  let corrApplied: boolean | null = null;
  if (!b.skipIncremental) {
    const path = join(raw, changeTarget);
    const text = (await readFile(path, 'utf8')).replace('的', '之');
    await writeFile(path, text);
    log(`bench: changed one character of ${changeTarget}`);
    inc = await stage('incremental');
    if (b.verify) {
      verified = await verifyClean('verify');
      log(`bench: incremental vs clean build: ${verified}`);
    }

    // 5. one correction file changes: an archivist fixes the headline of one of that file's
    //    articles (content/corrections/<raw path>.yml, beside the raw folder)
    const id = await firstArticleOf(opts.articles, changeTarget);
    if (id) {
      const file = join(defaultCorrectionsDir(raw), correctionPathOf(changeTarget));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `- article: ${id}\n  set: {title: 校正后的标题}\n`);
      log(`bench: corrected the headline of ${id} in ${relative(dir, file)}`);
      corr = await stage('incremental');
      // (the correction must show in the article's Markdown, or the figure measures nothing)
      corrApplied = (await readFile(join(opts.articles, `${id}.md`), 'utf8').catch(() => '')).includes('title: 校正后的标题');
      if (!corrApplied) log(`bench: WARNING the correction of ${id} is not in its Markdown`);
      if (b.verify) {
        corrVerified = await verifyClean('verify-correction');
        log(`bench: correction rebuild vs clean build: ${corrVerified}`);
      }
    }
  }

  if (!b.keep) await rm(dir, { recursive: true, force: true });
  else log(`bench: kept ${dir}`);
  const summary = summarise({ N, rawBytes, articles, seg, ele, pf, jieba, eleFloor, inc, verified, corr, corrVerified, corrApplied, queries, siteBytes, pagefindBytes, articlesBytes, load0 });
  return { seg, ele, pf, jieba, eleFloor, inc, verified, corr, corrVerified, corrApplied, queries, summary };
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** What the figures are computed from: the stages, and the sizes of the archive and its outputs. */
interface Figures extends Omit<BenchResult, 'summary'> {
  N: number;
  rawBytes: number;
  articles: number;
  siteBytes: number;
  pagefindBytes: number;
  articlesBytes: number;
  load0: number[];
}

function summarise({ N, rawBytes, articles, seg, ele, pf, jieba, eleFloor, inc, verified, corr, corrVerified, corrApplied, queries, siteBytes, pagefindBytes, articlesBytes, load0 }: Figures) {
  const total = seg.seconds + ele.seconds + pf.seconds;
  return {
    files: N,
    articles,
    raw_mb: r1(mb(rawBytes)),
    segment_s: r1(seg.seconds),
    eleventy_s: r1(ele.seconds),
    pagefind_s: r1(pf.seconds),
    total_s: r1(total),
    peak_rss_mb: Math.round(Math.max(seg.peakRssMb, ele.peakRssMb, pf.peakRssMb)),
    segment_rss_mb: Math.round(seg.peakRssMb),
    eleventy_rss_mb: Math.round(ele.peakRssMb),
    pagefind_rss_mb: Math.round(pf.peakRssMb),
    segment_cpu_s: r1(seg.cpuSeconds),
    eleventy_cpu_s: r1(ele.cpuSeconds),
    pagefind_cpu_s: r1(pf.cpuSeconds),
    segment_mb_s: r2(mb(rawBytes) / seg.seconds),
    articles_per_s: r1(articles / total),
    jieba_floor_s: jieba ? r1(Number(jieba.result.cutS)) : null,
    jieba_floor_wall_s: jieba ? r1(jieba.seconds) : null,
    segment_vs_jieba: jieba ? r2(seg.seconds / Number(jieba.result.cutS)) : null,
    eleventy_floor_s: eleFloor ? r1(eleFloor.seconds) : null,
    eleventy_floor_render_s: eleFloor ? r1(Number(eleFloor.result.renderS)) : null,
    eleventy_floor_rss_mb: eleFloor ? Math.round(eleFloor.peakRssMb) : null,
    eleventy_vs_floor: eleFloor ? r2(ele.seconds / eleFloor.seconds) : null,
    incremental_s: inc ? r1(inc.seconds) : null,
    incremental_share: inc ? r2(inc.seconds / total) : null,
    incremental_rss_mb: inc ? Math.round(inc.peakRssMb) : null,
    incremental_rendered: inc ? (inc.result.render as { rendered: number }).rendered : null,
    incremental_shards_reindexed: inc ? (inc.result.index as { shards: number; reused: number }).shards - (inc.result.index as { reused: number }).reused : null,
    incremental_verified: verified,
    incremental_full: inc ? (inc.result.render as { full: boolean }).full : null,
    correction_s: corr ? r1(corr.seconds) : null,
    correction_share: corr ? r2(corr.seconds / total) : null,
    correction_rendered: corr ? (corr.result.render as { rendered: number }).rendered : null,
    correction_verified: corrVerified,
    correction_applied: corrApplied,
    incremental_steps_s: inc
      ? (['segment', 'render', 'index'] as const).map((k) => r1((inc!.result[k] as { seconds: number }).seconds))
      : null,
    query_kb: queries.map((q) => Math.round(q.bytes / 1024)),
    query_pagefind_kb: queries.map((q) => Math.round(q.pagefindBytes / 1024)),
    query_ms: queries.map((q) => q.firstMs ?? q.ms),
    query_done_ms: queries.map((q) => q.ms),
    query_steps: queries.map((q) => q.steps),
    queries: queries.map((q) => q.query),
    query_results: queries.map((q) => q.results),
    pages: Number(ele.result.pages),
    shards: Number(pf.result.shards),
    workers: (seg.result.pool as { workers?: number } | undefined)?.workers ?? null,
    output_mb: r1(mb(siteBytes)),
    pagefind_mb: r1(mb(pagefindBytes)),
    articles_mb: r1(mb(articlesBytes)),
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? '',
    ram_gb: Math.round(totalmem() / 2 ** 30),
    loadavg_start: r2(load0[0]),
    loadavg_end: r2(loadavg()[0]),
  };
}

/** The id of the first article (by file name) that a raw file gave, from its Markdown's front matter. */
async function firstArticleOf(articles: string, rawName: string): Promise<string | undefined> {
  for (const name of (await readdir(articles)).filter((n) => n.endsWith('.md')).sort()) {
    const text = await readFile(join(articles, name), 'utf8');
    if (text.split('\n').some((l) => l.trim() === `file: ${rawName}`)) return /^id: (.+)$/mu.exec(text)?.[1];
  }
  return undefined;
}
