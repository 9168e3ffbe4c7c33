/**
 * The site build, written once: segment (worker pool + segment cache) → render (incremental: only
 * what changed since the last build, src/build/incremental.ts) → index (Pagefind shards, unchanged
 * shards kept; src/build/shards.ts) → swap. buildSite() runs the sequence: `npm run build`
 * (build-run.ts) wraps each stage for its log and exit codes, the bench (src/bench/stage.ts) to
 * time it, and also runs each stage in a process of its own to measure it.
 *
 * State kept between builds, under `state`: site-manifest.json (what each page of the site was
 * rendered from, bound to the site folder it describes: incremental.ts) and, unless
 * `segmentCache` says otherwise, segment/ (the segment cache). The site is assembled in
 * `<site>.next` and swapped in only when every stage succeeded.
 *
 * One build at a time (issue #14): a build first locks the folders it writes — site, articles,
 * state, segment cache — (claimFolders(), lock.ts) and clears what interrupted builds left there
 * (leftovers.ts), so that no two builds share `<site>.next` or a manifest.
 *
 * A merge of part folders (issue #18, src/build/merge-build.ts) is this same sequence with two
 * steps handed over (MergeSteps): the articles are assembled from the parts instead of segmented,
 * and the parts' search shards are listed instead of new ones indexed.
 *
 * renderSite() and indexSite() build a site from articles already segmented, with no state kept
 * (the browser tests, search-eval): the same render and index, everything rendered.
 */
import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import site from '../../_data/site.ts';
import { ROOT } from '../../.eleventy.ts';
import { commitManifest, renderIncremental, settleManifest, type IncrementalResult } from './incremental.ts';
import { clearLeftovers } from './leftovers.ts';
import { lockFolders } from './lock.ts';
import { printable } from './messages.ts';
import type { PartSpec } from './parts.ts';
import { indexShards, type IndexShardsResult } from './shards.ts';
import { progress, progressLog } from './progress.ts';
import { runSegment, swapFolder, type SegmentSummary } from './segment-run.ts';
import { stateFolder, stateFolderPath } from './state-folder.ts';
import { pauseAt } from './test-pause.ts';

/** A stage of the build failed; `code` is the process exit code the CLI uses. */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

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
  /** Articles per Pagefind shard (default PAGES_PER_SHARD, src/build/shards.ts). */
  pagesPerShard?: number;
  /** Shards indexed at once, each by a Pagefind service of its own (default defaultPagefindProcs()). */
  pagefindProcs?: number;
  workers?: number;
  maxFileBytes?: number;
  /** Progress and summary lines. */
  log?: (line: string) => void;
  /** Warning lines (default: `log`). */
  warn?: (line: string) => void;
  /** Progress bars on stderr when it is a terminal (default true). */
  progress?: boolean;
  /** Segment only this part's raw files (a part build, src/build/part-build.ts). */
  part?: PartSpec;
  /**
   * A merge of part folders (src/build/merge-build.ts): the articles folder is assembled from the
   * parts instead of segmented, and the search index is the parts' shards instead of new ones.
   */
  merge?: MergeSteps;
}

/** What a merge does in place of segmenting and indexing (mergeSteps(), src/build/merge-build.ts). */
export interface MergeSteps {
  /** Fill the articles folder and the raw folder (`input`) from the parts. */
  assemble(): Promise<{ parts: number; articles: number }>;
  /** Put the parts' search shards into the assembled site `work` and list them. */
  index(work: string): Promise<IndexShardsResult>;
}

/** Where the site is assembled before it is swapped in. */
export const workDirOf = (o: Pick<SiteBuildOptions, 'site'>) => `${resolve(o.site)}.next`;
const manifest = (o: SiteBuildOptions) => join(resolve(o.state), 'site-manifest.json');

/** The state folder for a site folder: `.cache/site/<hash of its path>/` under the project. */
export const defaultStateDir = (site: string, root = ROOT): Promise<string> => stateFolder('site', site, root);

/** Where defaultStateDir() keeps the state of a site folder, without making the folder. */
export const defaultStatePath = (site: string, root = ROOT): string => stateFolderPath('site', site, root);

/** The segment cache folder of a build, false for none. */
const segmentCacheOf = (o: SiteBuildOptions): string | false => o.segmentCache ?? (process.env.BAOKU_SEGMENT_CACHE === '0' ? false : join(resolve(o.state), 'segment'));

export interface Claim {
  /** What interrupted builds had left, and was cleared, one phrase each. */
  cleared: string[];
  release(): Promise<void>;
}

/**
 * Lock every folder the build writes (the site, the articles unless `skipSegment`, the state,
 * the segment cache; src/build/lock.ts) and clear what interrupted builds left next to them
 * (leftovers.ts: `<site>.next`, `<site>.old-<pid>`, `<articles>.tmp-<pid>`, a pending manifest).
 * LockBusyError when another build holds one of them (unless `wait`), LockWriteError when a lock
 * cannot be written.
 */
export async function claimFolders(o: SiteBuildOptions & { skipSegment?: boolean }, lock: { wait?: boolean; onWait?: (err: Error) => void } = {}): Promise<Claim> {
  const cache = segmentCacheOf(o);
  const writes = [o.site, o.state, ...(o.skipSegment ? [] : [o.articles]), ...(cache === false ? [] : [cache])];
  const held = await lockFolders(writes, { what: 'build', ...lock });
  try {
    const cleared: string[] = [];
    for (const f of [o.site, ...(o.skipSegment ? [] : [o.articles])]) cleared.push(...(await clearLeftovers(f)));
    // after the site's: a site put back is the one its manifest describes
    cleared.push(...(await settleManifest(manifest(o), resolve(o.site))));
    return { cleared, release: held.release };
  } catch (err) {
    await held.release();
    throw err;
  }
}

export async function segmentStage(o: SiteBuildOptions): Promise<SegmentSummary> {
  const log = o.log ?? (() => {});
  // the per-file lines drive a progress bar on a terminal, and are dropped elsewhere
  const bar = o.progress === false ? null : progressLog('segment', () => {});
  return runSegment({
    input: o.input,
    output: o.articles,
    cacheDir: segmentCacheOf(o),
    workers: o.workers,
    maxFileBytes: o.maxFileBytes,
    part: o.part,
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
    log: o.warn ?? o.log,
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
    pagesPerShard: o.pagesPerShard,
    concurrency: o.pagefindProcs,
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
  await swapFolder(workDirOf(o), resolve(o.site), 'swap');
  await commitManifest(manifest(o));
}

export type StageName = 'segment' | 'assemble' | 'eleventy' | 'pagefind' | 'swap';

/** The one line that says what claimFolders() cleared. */
export const clearedLine = (cleared: string[]) => `build: cleared what an interrupted build left: ${cleared.join(', ')}`;

/** Runs one stage of buildSite(): the build wraps it for its log and errors, the bench times it. */
export type StageRunner = <T>(name: StageName, run: () => Promise<T>) => Promise<T>;

export interface SiteBuildResult {
  /** Absent with `skipSegment` and in a merge. */
  segment?: SegmentSummary;
  /** A merge's parts and articles. */
  assembled?: { parts: number; articles: number };
  render: Awaited<ReturnType<typeof renderStage>>;
  index: IndexShardsResult;
}

/**
 * segment → render what changed → index the shards that changed → swap, each stage through
 * `runStage`. No article, or (with `skipSegment`) no articles folder, is a BuildError: a site
 * of nothing would replace the previous one. The work folder goes whatever happens. Unless
 * `claimed` (the caller holds claimFolders()), the build claims its folders itself first and
 * fails with LockBusyError when another build holds them.
 */
export async function buildSite(o: SiteBuildOptions & { skipSegment?: boolean; claimed?: boolean }, runStage: StageRunner = (_name, run) => run()): Promise<SiteBuildResult> {
  if (!o.claimed) {
    const claim = await claimFolders(o);
    if (claim.cleared.length) (o.log ?? (() => {}))(clearedLine(claim.cleared));
    try {
      return await buildSite({ ...o, claimed: true }, runStage);
    } finally {
      await claim.release();
    }
  }
  try {
    let segment: SegmentSummary | undefined;
    let assembled: SiteBuildResult['assembled'];
    if (o.merge) {
      const merge = o.merge;
      assembled = await runStage('assemble', () => merge.assemble());
    } else if (!o.skipSegment) {
      segment = await runStage('segment', async () => {
        const s = await segmentStage(o);
        if (s.articles === 0) throw new BuildError(`no articles could be built from ${printable(o.input)} (${s.skipped} of ${s.files} files skipped; see the warnings above)`, 1);
        return s;
      });
    } else if (!(await stat(o.articles).catch(() => undefined))?.isDirectory()) {
      throw new BuildError(`articles folder not found: ${printable(o.articles)}`, 2);
    }
    await pauseAt('eleventy');
    const render = await runStage('eleventy', () => renderStage(o));
    await pauseAt('pagefind');
    const merge = o.merge;
    const index = await runStage('pagefind', () => (merge ? merge.index(workDirOf(o)) : indexStage(o)));
    await runStage('swap', () => swapStage(o));
    return { segment, assembled, render, index };
  } finally {
    await rm(workDirOf(o), { recursive: true, force: true }).catch(() => undefined);
    // a failed build's manifest goes with its site (a swapped-in site's is kept)
    await settleManifest(manifest(o), resolve(o.site)).catch(() => undefined);
  }
}

/** buildSite() with no stage wrapped (tests/incremental.test.ts). */
export const buildSiteIncremental = (o: SiteBuildOptions) => buildSite(o);

// ---------------------------------------------------------------------------------------------
// A site from articles already segmented, no state kept

export interface RenderOptions {
  /** Folder with the segmenter's `<id>.md` files (and `_report.json`). */
  articlesDir: string;
  /** Folder to write the site into; whatever it held is replaced. */
  outDir: string;
  /** Folder with the raw `.txt` files for the raw-text views (default content/raw). */
  rawDir?: string;
}

// one render at a time: the Eleventy config module takes its folders from one shared slot (render.ts)
let queue: Promise<unknown> = Promise.resolve();

/** Render the whole site into `outDir` (renderStage() with no manifest); resolves to the HTML pages written. */
export function renderSite(opts: RenderOptions): Promise<{ pages: number }> {
  const run = queue.then(() => renderAll(opts));
  queue = run.catch(() => undefined);
  return run;
}

async function renderAll(opts: RenderOptions): Promise<{ pages: number }> {
  const articlesDir = resolve(opts.articlesDir);
  if (!existsSync(articlesDir)) {
    throw new Error(`renderSite: the articles folder ${articlesDir} does not exist (run the segmenter first)`);
  }
  const outDir = resolve(opts.outDir);
  // the site's settings before any work: a bad BAOKU_EDIT_URL found inside Eleventy stops it while
  // it still copies the assets into the folder being cleared (tests/correct.test.ts, under load)
  void [site.url, site.editUrl];
  try {
    const r = await renderIncremental({ articlesDir, rawDir: resolve(opts.rawDir ?? join(ROOT, 'content/raw')), siteDir: outDir, workDir: outDir });
    return { pages: r.htmlPages };
  } catch (e) {
    const err = e as Error & { originalError?: Error };
    const detail = [err.message, err.originalError?.message, (err.cause as Error | undefined)?.message].filter(Boolean).join(' — ');
    throw new Error(`renderSite: Eleventy could not build the site from ${articlesDir}: ${detail}`, { cause: e });
  }
}

export interface IndexOptions {
  /** Split the articles over about this many Pagefind shards (default: PAGES_PER_SHARD articles each). */
  bundles?: number;
}

/**
 * Index a site renderSite() wrote (indexStage() on it): the records it left in
 * `<outDir>/search/records.json` become Pagefind shards under `<outDir>/pagefind/` and
 * `<outDir>/search/config.json` tells the search page which to load (src/build/shards.ts).
 */
export async function indexSite(outDir: string, opts: IndexOptions = {}): Promise<{ pages: number }> {
  const site = resolve(outDir);
  if (!existsSync(join(site, 'index.html'))) {
    throw new Error(`indexSite: ${site} has no index.html; run renderSite first`);
  }
  const { pages } = await indexShards(site, { shards: opts.bundles });
  return { pages };
}
