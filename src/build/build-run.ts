import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import site from '../../_data/site.ts';
import { LockBusyError, LockWriteError } from './lock.ts';
import { diskFullMessage, firstLine, printable, shownPath } from './messages.ts';
import { isInside, prepareSibling, SegmentCliError, type SegmentSummary } from './segment-run.ts';
import { mergeSteps } from './merge-build.ts';
import { buildPart, partArticlesOf } from './part-build.ts';
import { PartsError, readParts, type PartSpec } from './parts.ts';
import { BuildError, buildSite, claimFolders, clearedLine, defaultStateDir, defaultStatePath, workDirOf, type Claim, type SiteBuildOptions, type StageRunner } from './site-build.ts';

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
/**
 * The site's settings are checked before any work: a bad BAOKU_SITE_URL or BAOKU_EDIT_URL is a
 * bad command line (exit 2), not an Eleventy failure found after the segmenting.
 */
function checkSiteSettings(): void {
  try {
    void [site.url, site.editUrl];
  } catch (err) {
    throw new BuildError(firstLine(err), 2);
  }
}

/** The site-build options of a build that segments (a whole build, a part): its folders, and the rest as given. */
function segmentingOptions(opts: PartBuildRunOptions | BuildOptions, output: string, articles: string): SiteBuildOptions {
  const log = opts.log ?? (() => {});
  return {
    input: opts.input,
    articles,
    site: output,
    state: opts.state ?? defaultStatePath(output),
    segmentCache: opts.segmentCache,
    pagesPerShard: opts.pagesPerShard,
    workers: opts.workers,
    maxFileBytes: opts.maxFileBytes,
    log,
    warn: opts.warn ?? log,
    progress: opts.progress,
  };
}

export async function runBuild(opts: BuildOptions): Promise<BuildSummary> {
  const log = opts.log ?? (() => {});
  const output = resolve(opts.output);
  checkSiteSettings();

  // the articles folder as given: the messages name it so
  const o = segmentingOptions(opts, output, opts.articles);
  const claim = await claimOrRefuse(o, opts, { skipSegment: opts.skipSegment });
  try {
    await prepareOutput(o, opts);
    const { segment, render, index } = await buildSite({ ...o, skipSegment: opts.skipSegment, claimed: true }, stageRunner(o, opts));
    if (!site.url) log(NO_SITE_URL);
    const again = render.full ? '' : ` (${render.rendered} of ${render.items} rendered again, ${index.shards - index.reused} of ${index.shards} index shards)`;
    log(`build: ${render.htmlPages} pages, ${index.pages} indexed${again} → ${shownPath(output)}`);
    return { segment, pages: render.htmlPages, indexed: index.pages, full: render.full };
  } finally {
    await claim.release();
  }
}

const NO_SITE_URL = 'build: BAOKU_SITE_URL is not set: links are root-relative (the site works on any host); no feed.xml or sitemap.xml, which need absolute URLs';

/**
 * Each stage of a build logged (`build: segment done in 1.2 s`) and its failure made one line and
 * an exit code (BuildError): 2 for a folder, the command line or a part that does not fit, 1 for
 * a stage that failed.
 */
function stageRunner(o: SiteBuildOptions, opts: { output: string; articles?: string }): StageRunner {
  const log = o.log ?? (() => {});
  const output = resolve(o.site);
  return async (name, run) => {
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
      const result = await (name === 'segment' || name === 'assemble' ? run() : holdingConsole(run));
      log(`build: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return result;
    } catch (err) {
      if (err instanceof BuildError) throw err;
      if (err instanceof SegmentCliError || err instanceof PartsError) throw new BuildError(err.message, 2);
      if (process.env.BAOKU_DEBUG) console.error(err);
      // a full disk is the output folder's problem, said as such (Eleventy says "Having trouble writing")
      const full = diskFullMessage(err, name === 'segment' || name === 'assemble' ? resolve(o.articles) : output);
      if (full) throw new BuildError(full, 2);
      throw new BuildError(`${name} failed: ${firstLine(err)}`, 1);
    }
  };
}

/**
 * The folders a build writes, locked (claimFolders()), with what interrupted builds left there
 * cleared and said. Another build holding one is a BuildError (exit 2) unless `wait`.
 */
async function claimOrRefuse(o: SiteBuildOptions, opts: { output: string; articles?: string; wait?: boolean }, extra: { skipSegment?: boolean }): Promise<Claim> {
  const log = o.log ?? (() => {});
  const output = resolve(o.site);
  const claim = await claimFolders({ ...o, ...extra }, { wait: opts.wait, onWait: (err) => log(`build: waiting: ${err.message}`) }).catch((err: unknown) => {
    if (err instanceof LockBusyError) throw new BuildError(`${err.message}; --wait queues this build behind it`, 2);
    if (err instanceof LockWriteError) {
      const named = err.folder === output ? opts.output : opts.articles !== undefined && err.folder === resolve(opts.articles) ? opts.articles : err.folder;
      throw new BuildError(`cannot write output folder ${printable(named)}: ${firstLine(err.cause)}`, 2);
    }
    throw err;
  });
  if (claim.cleared.length) log(clearedLine(claim.cleared));
  return claim;
}

/** The output folder checked (and its state folder made) before any work: a build that cannot be written is refused first. */
async function prepareOutput(o: SiteBuildOptions, opts: { output: string; state?: string }): Promise<void> {
  const output = resolve(o.site);
  const work = workDirOf({ site: output });
  try {
    await prepareSibling(output, work);
    if (opts.state === undefined) await defaultStateDir(output);
  } catch (err) {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
    throw new BuildError(`cannot write output folder ${printable(opts.output)}: ${firstLine(err)}`, 2);
  }
}

export interface PartBuildRunOptions extends Omit<BuildOptions, 'articles' | 'skipSegment'> {
  /** The part to build; `output` is its part folder. */
  part: PartSpec;
}

export interface PartBuildSummary {
  segment: SegmentSummary;
  /** Articles indexed, shards written. */
  indexed: number;
  shards: number;
}

/**
 * `npm run build -- --part K/N`: buildPart() (src/build/part-build.ts) into the part folder
 * `output`, with the locks, logs and exit codes of any build. Its state (the segment cache) is
 * the part folder's: a part rebuilt on the same machine segments only what changed.
 */
export async function runPartBuild(opts: PartBuildRunOptions): Promise<PartBuildSummary> {
  const log = opts.log ?? (() => {});
  const output = resolve(opts.output);
  // its copies of the raw files would be raw files of the input for the next part built from it
  if (isInside(output, resolve(opts.input))) {
    throw new BuildError(`the part folder ${printable(opts.output)} is inside the input folder ${printable(opts.input)}: its copies of the raw files would be read as input; write it elsewhere`, 2);
  }
  const o = segmentingOptions(opts, output, partArticlesOf(output));
  // the articles are written inside the part folder being assembled, which its own lock covers
  const claim = await claimOrRefuse(o, opts, { skipSegment: true });
  try {
    await prepareOutput(o, opts);
    const { segment, index, manifest } = await buildPart({ ...o, part: opts.part, output }, stageRunner(o, opts));
    const { part, of } = manifest;
    log(`build: part ${part} of ${of}: ${manifest.files.length} of ${manifest.inputFiles} raw files, ${segment.articles} articles, ${index.shards} index shard${index.shards === 1 ? '' : 's'} → ${shownPath(output)}`);
    return { segment, indexed: index.pages, shards: index.shards };
  } finally {
    await claim.release();
  }
}

export interface MergeBuildRunOptions extends Omit<BuildOptions, 'input' | 'skipSegment' | 'maxFileBytes' | 'workers' | 'pagesPerShard' | 'segmentCache'> {
  /** The part folders, as given. */
  parts: string[];
}

/**
 * `npm run build -- --merge DIR…`: the parts read and checked (readParts(), src/build/parts.ts;
 * a set that does not make one archive is a BuildError, exit 2, before anything is written),
 * then buildSite() with the merge's steps (src/build/merge-build.ts) into `output`, its Markdown
 * into `articles`, with the locks, logs and exit codes of any build.
 */
export async function runMergeBuild(opts: MergeBuildRunOptions): Promise<BuildSummary> {
  const log = opts.log ?? (() => {});
  checkSiteSettings();
  const output = resolve(opts.output);
  const { parts, ignored } = await readParts(opts.parts).catch((err: unknown) => {
    throw err instanceof PartsError ? new BuildError(err.message, 2) : err;
  });
  if (ignored.length) log(`build: left out ${ignored.map((g) => printable(g)).join(', ')}: a build's own files beside the part folders, no parts`);
  const state = opts.state ?? defaultStatePath(output);
  // the parts' raw files, for the raw views: in the state folder the build holds, gone after it
  const raw = join(state, 'merge-raw');
  const o: SiteBuildOptions = {
    input: raw,
    articles: opts.articles,
    site: output,
    state,
    // nothing is segmented
    segmentCache: false,
    log,
    warn: opts.warn ?? log,
    progress: opts.progress,
    merge: mergeSteps(parts, { articles: opts.articles, raw }),
  };
  const claim = await claimOrRefuse(o, opts, {});
  try {
    await prepareOutput(o, opts);
    const { render, index } = await buildSite({ ...o, claimed: true }, stageRunner(o, opts)).finally(() => rm(raw, { recursive: true, force: true }).catch(() => undefined));
    if (!site.url) log(NO_SITE_URL);
    const again = render.full ? '' : ` (${render.rendered} of ${render.items} rendered again)`;
    log(`build: ${parts.length} parts merged: ${render.htmlPages} pages, ${index.pages} indexed in ${index.shards} shard${index.shards === 1 ? '' : 's'}${again} → ${shownPath(output)}`);
    return { pages: render.htmlPages, indexed: index.pages, full: render.full };
  } finally {
    await claim.release();
  }
}
