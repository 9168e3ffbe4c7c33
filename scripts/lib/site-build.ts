/**
 * The build as three resumable stages over a state folder, for archives of any size: segment
 * (worker pool + segment cache) → render (incremental: only what changed since the last build,
 * src/site/incremental.ts) → index (Pagefind shards, unchanged shards kept; src/site/shards.ts)
 * and swap. scripts/bench.ts runs each stage in its own process; buildSiteIncremental() runs
 * them in one.
 *
 * State kept between builds, under `state`: segment/ (the segment cache), site-manifest.json
 * (what each page of the site was rendered from). The site is assembled in `<site>.next` and
 * swapped in only when every stage succeeded.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { commitManifest, renderIncremental, type IncrementalResult } from '../../src/site/incremental.ts';
import { indexShards, type IndexShardsResult } from '../../src/site/shards.ts';
import { progress, progressLog } from './progress.ts';
import { runSegment, swapFolder, type SegmentSummary } from './segment-run.ts';

export interface SiteBuildOptions {
  /** Raw `.txt` files. */
  input: string;
  /** The segmenter's output. */
  articles: string;
  /** The site. */
  site: string;
  /** Segment cache and site manifest. */
  state: string;
  /** Articles per Pagefind shard (default 10,000). */
  pagesPerShard?: number;
  /** Shards indexed at once, each in a process of its own (default 1). */
  pagefindProcs?: number;
  workers?: number;
  log?: (line: string) => void;
  /** Progress bars on stderr when it is a terminal (default true). */
  progress?: boolean;
}

const work = (o: SiteBuildOptions) => `${resolve(o.site)}.next`;
const manifest = (o: SiteBuildOptions) => join(resolve(o.state), 'site-manifest.json');

export async function segmentStage(o: SiteBuildOptions): Promise<SegmentSummary> {
  const log = o.log ?? (() => {});
  // the per-file lines drive a progress bar on a terminal, and are dropped elsewhere
  const bar = o.progress === false ? null : progressLog('segment', () => {});
  return runSegment({
    input: o.input,
    output: o.articles,
    cacheDir: join(resolve(o.state), 'segment'),
    workers: o.workers,
    log: (l) => (l.startsWith('[') ? bar?.(l) : log(l)),
    warn: log,
  });
}

export async function renderStage(o: SiteBuildOptions): Promise<Omit<IncrementalResult, 'archive'> & { expected: number }> {
  const bar = o.progress === false ? null : progress('eleventy', 0, 'pages');
  let expected = 0;
  const r = await renderIncremental({
    articlesDir: o.articles,
    rawDir: o.input,
    siteDir: o.site,
    workDir: work(o),
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
  const r = await indexShards(work(o), {
    pagesPerShard: o.pagesPerShard,
    concurrency: o.pagefindProcs,
    onShard: (_d, _n, pages, total) => {
      bar?.setTotal(total);
      bar?.tick(pages - lastPages);
      lastPages = pages;
    },
  });
  bar?.done();
  await swapFolder(work(o), resolve(o.site));
  await commitManifest(manifest(o));
  return r;
}

/** segment → render what changed → index the shards that changed → swap. */
export async function buildSiteIncremental(o: SiteBuildOptions) {
  try {
    const segment = await segmentStage(o);
    const render = await renderStage(o);
    const index = await indexStage(o);
    return { segment, render, index };
  } finally {
    await rm(work(o), { recursive: true, force: true }).catch(() => undefined);
  }
}
