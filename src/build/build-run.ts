import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import site from '../../_data/site.ts';
import { LockBusyError, LockWriteError } from './lock.ts';
import { diskFullMessage, firstLine, printable, shownPath } from './messages.ts';
import { prepareSibling, SegmentCliError, type SegmentSummary } from './segment-run.ts';
import { BuildError, buildSite, claimFolders, clearedLine, defaultStateDir, defaultStatePath, workDirOf, type SiteBuildOptions, type StageRunner } from './site-build.ts';

export interface BuildOptions {
  /** Raw `.txt` files. */
  input: string;
  /** The segmenter's output, the site's input. */
  articles: string;
  /** The site. */
  output: string;
  /** Render the articles already in `articles` without segmenting again. */
  skipSegment?: boolean;
  maxFileBytes?: number;
  /** Site manifest folder (default .cache/site/<hash of output>). */
  state?: string;
  /** Segment cache folder; false: none (default `<state>/segment`, none with BAOKU_SEGMENT_CACHE=0). */
  segmentCache?: string | false;
  /** Articles per Pagefind shard (default PAGES_PER_SHARD, src/build/shards.ts). */
  pagesPerShard?: number;
  /** Segmenter threads (default: every core). */
  workers?: number;
  /** Progress bars on a terminal (default true). */
  progress?: boolean;
  /** When another build holds the folders: wait for it (default: stop with exit code 2). */
  wait?: boolean;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export interface BuildSummary {
  segment?: SegmentSummary;
  /** HTML pages of the site, articles indexed. */
  pages: number;
  indexed: number;
  /** False when only what changed since the previous build was rendered again. */
  full: boolean;
}

/**
 * Runs `fn` with console.error and console.warn held back: Eleventy prints a failed build's
 * error with its stack trace there, and the build reports its own one-line message instead.
 * What was held back is printed after a success, and after a failure with BAOKU_DEBUG set.
 */
async function holdingConsole<T>(fn: () => Promise<T>): Promise<T> {
  const held: [typeof console.error, unknown[]][] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => void held.push([error, args]);
  console.warn = (...args: unknown[]) => void held.push([warn, args]);
  let ok = false;
  try {
    const result = await fn();
    ok = true;
    return result;
  } finally {
    console.error = error;
    console.warn = warn;
    if (ok || process.env.BAOKU_DEBUG) for (const [write, args] of held) write(...args);
  }
}

/**
 * `npm run build`: buildSite() (src/build/site-build.ts) with each stage logged and its failure
 * made one line and an exit code (BuildError). The site is assembled in a sibling
 * folder and swapped into `output` only when Eleventy and Pagefind both succeeded, so a failed
 * build leaves the previous site intact (and no temporary folder behind). The segment stage
 * swaps its own output the same way and writes nothing when no file yields an article.
 *
 * Builds are incremental: raw files whose bytes did not change come from the segment cache, and
 * only the pages (and Pagefind shards) whose content changed are written again; the result is
 * byte for byte a clean build's (tests/incremental.test.ts).
 *
 * One build at a time: the folders it writes are locked first (claimFolders()); another build
 * holding them stops this one with exit code 2 (`another build is running (pid 1234, started
 * 10:02)`), or this one waits with `wait`. What interrupted builds left is cleared, in one line.
 */
export async function runBuild(opts: BuildOptions): Promise<BuildSummary> {
  const log = opts.log ?? (() => {});
  const warn = opts.warn ?? log;
  const output = resolve(opts.output);
  // the site's settings are checked before any work: a bad BAOKU_SITE_URL or BAOKU_EDIT_URL is a
  // bad command line (exit 2), not an Eleventy failure found after the segmenting
  try {
    void [site.url, site.editUrl];
  } catch (err) {
    throw new BuildError(firstLine(err), 2);
  }

  const stage: StageRunner = async (name, run) => {
    if (name === 'swap') {
      try {
        return await run();
      } catch (err) {
        throw new BuildError(diskFullMessage(err, output) ?? `cannot write output folder ${printable(opts.output)}: ${firstLine(err)}`, 2);
      }
    }
    const t0 = performance.now();
    try {
      // Eleventy and Pagefind print a failure's stack trace; the build prints its own one line
      const result = await (name === 'segment' ? run() : holdingConsole(run));
      log(`build: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return result;
    } catch (err) {
      if (err instanceof BuildError) throw err;
      if (err instanceof SegmentCliError) throw new BuildError(err.message, 2);
      if (process.env.BAOKU_DEBUG) console.error(err);
      // a full disk is the output folder's problem, said as such (Eleventy says "Having trouble writing")
      const full = diskFullMessage(err, name === 'segment' ? resolve(opts.articles) : output);
      if (full) throw new BuildError(full, 2);
      throw new BuildError(`${name} failed: ${firstLine(err)}`, 1);
    }
  };

  const o: SiteBuildOptions = {
    input: opts.input,
    // as given: the messages name it so
    articles: opts.articles,
    site: output,
    state: opts.state ?? defaultStatePath(output),
    segmentCache: opts.segmentCache,
    pagesPerShard: opts.pagesPerShard,
    workers: opts.workers,
    maxFileBytes: opts.maxFileBytes,
    log,
    warn,
    progress: opts.progress,
  };
  const claim = await claimFolders(
    { ...o, skipSegment: opts.skipSegment },
    { wait: opts.wait, onWait: (err) => log(`build: waiting: ${err.message}`) },
  ).catch((err: unknown) => {
    if (err instanceof LockBusyError) throw new BuildError(`${err.message}; --wait queues this build behind it`, 2);
    if (err instanceof LockWriteError) {
      const named = err.folder === output ? opts.output : err.folder === resolve(opts.articles) ? opts.articles : err.folder;
      throw new BuildError(`cannot write output folder ${printable(named)}: ${firstLine(err.cause)}`, 2);
    }
    throw err;
  });
  try {
    if (claim.cleared.length) log(clearedLine(claim.cleared));
    // the site folder is checked first: a build that cannot be written is refused before any work
    const work = workDirOf({ site: output });
    try {
      await prepareSibling(output, work);
      if (opts.state === undefined) await defaultStateDir(output);
    } catch (err) {
      await rm(work, { recursive: true, force: true }).catch(() => undefined);
      throw new BuildError(`cannot write output folder ${printable(opts.output)}: ${firstLine(err)}`, 2);
    }
    const { segment, render, index } = await buildSite({ ...o, skipSegment: opts.skipSegment, claimed: true }, stage);
    if (!site.url) log('build: BAOKU_SITE_URL is not set: links are root-relative (the site works on any host); no feed.xml or sitemap.xml, which need absolute URLs');
    const again = render.full ? '' : ` (${render.rendered} of ${render.items} rendered again, ${index.shards - index.reused} of ${index.shards} index shards)`;
    log(`build: ${render.htmlPages} pages, ${index.pages} indexed${again} → ${shownPath(output)}`);
    return { segment, pages: render.htmlPages, indexed: index.pages, full: render.full };
  } finally {
    await claim.release();
  }
}
