/**
 * The build as three stages over a state folder, for archives of any size: segment (worker pool +
 * segment cache) → render (incremental: only what changed since the last build,
 * src/build/incremental.ts) → index (Pagefind shards, unchanged shards kept; src/build/shards.ts)
 * → swap. `npm run build` (build-run.ts) runs them in one process; scripts/bench.ts runs each
 * stage in a process of its own to measure it.
 *
 * State kept between builds, under `state`: site-manifest.json (what each page of the site was
 * rendered from) and, unless `segmentCache` says otherwise, segment/ (the segment cache). The
 * site is assembled in `<site>.next` and swapped in only when every stage succeeded.
 */
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../../.eleventy.ts';
import { commitManifest, renderIncremental, type IncrementalResult } from './incremental.ts';
import { indexShards, type IndexShardsResult } from './shards.ts';
import { progress, progressLog } from './progress.ts';
import { runSegment, swapFolder, type SegmentSummary } from './segment-run.ts';
import { stateFolder } from './state-folder.ts';

export interface SiteBuildOptions {
  /** Raw `.txt` files. */
  input: string;
  /** The segmenter's output. */
  articles: string;
  /** The site. */
  site: string;
  /** Site manifest (and the segment cache, by default). */
  state: string;
  /** Segment cache folder; false: none; default `<state>/segment` (none with BAOKU_SEGMENT_CACHE=0). */
  segmentCache?: string | false;
  /** Articles per Pagefind shard (default PAGES_PER_SHARD). */
  pagesPerShard?: number;
  /** Shards indexed at once, each by a Pagefind service of its own (default: 2, or 1 on one core). */
  pagefindProcs?: number;
  workers?: number;
  maxFileBytes?: number;
  /** Progress and summary lines. */
  log?: (line: string) => void;
  /** Warning lines (default: `log`). */
  warn?: (line: string) => void;
  /** Progress bars on stderr when it is a terminal (default true). */
  progress?: boolean;
}

/**
 * Articles per Pagefind shard: indexing takes about 0.4 MB of memory per article of a shard, and a
 * reader's first search loads one shard's metadata (about 7 bytes per article).
 */
export const PAGES_PER_SHARD = 6000;

/** Where the site is assembled before it is swapped in. */
export const workDirOf = (o: Pick<SiteBuildOptions, 'site'>) => `${resolve(o.site)}.next`;
const manifest = (o: SiteBuildOptions) => join(resolve(o.state), 'site-manifest.json');

/** The state folder for a site folder: `.cache/site/<hash of its path>/` under the project. */
export const defaultStateDir = (site: string, root = ROOT): Promise<string> => stateFolder('site', site, root);

export async function segmentStage(o: SiteBuildOptions): Promise<SegmentSummary> {
  const log = o.log ?? (() => {});
  // the per-file lines drive a progress bar on a terminal, and are dropped elsewhere
  const bar = o.progress === false ? null : progressLog('segment', () => {});
  return runSegment({
    input: o.input,
    output: o.articles,
    cacheDir: o.segmentCache ?? (process.env.BAOKU_SEGMENT_CACHE === '0' ? false : join(resolve(o.state), 'segment')),
    workers: o.workers,
    maxFileBytes: o.maxFileBytes,
    log: (l) => (l.startsWith('[') ? bar?.(l) : log(l)),
    warn: o.warn ?? log,
  });
}

export async function renderStage(o: SiteBuildOptions): Promise<Omit<IncrementalResult, 'archive'> & { expected: number }> {
  const bar = o.progress === false ? null : progress('eleventy', 0, 'pages');
  let expected = 0;
  const r = await renderIncremental({
    articlesDir: o.articles,
    rawDir: o.input,
    siteDir: o.site,
    workDir: workDirOf(o),
    manifestPath: manifest(o),
    onPage: () => bar?.tick(),
    // one page per item (two for a raw file: the page and its ranges.css) plus a dozen others
    onPlan: (render) => {
      expected = render + 12;
      bar?.setTotal(expected);
    },
  });
  bar?.done();
  const { archive: _archive, ...rest } = r;
  return { ...rest, expected };
}

export async function indexStage(o: SiteBuildOptions): Promise<IndexShardsResult> {
  const bar = o.progress === false ? null : progress('pagefind', 0, 'pages');
  let lastPages = 0;
  const r = await indexShards(workDirOf(o), {
    pagesPerShard: o.pagesPerShard ?? PAGES_PER_SHARD,
    concurrency: o.pagefindProcs ?? Math.min(2, availableParallelism()),
    onShard: (_d, _n, pages, total) => {
      bar?.setTotal(total);
      bar?.tick(pages - lastPages);
      lastPages = pages;
    },
  });
  bar?.done();
  return r;
}

/** The assembled site replaces the previous one; its manifest becomes the one to build on. */
export async function swapStage(o: SiteBuildOptions): Promise<void> {
  await swapFolder(workDirOf(o), resolve(o.site));
  await commitManifest(manifest(o));
}

/** segment → render what changed → index the shards that changed → swap. */
export async function buildSiteIncremental(o: SiteBuildOptions) {
  try {
    const segment = await segmentStage(o);
    const render = await renderStage(o);
    const index = await indexStage(o);
    await swapStage(o);
    return { segment, render, index };
  } finally {
    await rm(workDirOf(o), { recursive: true, force: true }).catch(() => undefined);
  }
}
