import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { indexSite, renderSite } from '../../src/site/render.ts';
import { firstLine, printable, runSegment, SegmentCliError, swapFolder, type SegmentSummary } from './segment-run.ts';

/** A stage of the build failed; `code` is the process exit code the CLI uses. */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

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
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export interface BuildSummary {
  segment?: SegmentSummary;
  pages: number;
  indexed: number;
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
 * segment → Eleventy → Pagefind. The site is rendered into a sibling temporary folder and
 * swapped into `output` only when Eleventy and Pagefind both succeeded, so a failed build
 * leaves the previous site intact (and no temporary folder behind). The segment stage swaps
 * its own output the same way and writes nothing when no file yields an article.
 */
export async function runBuild(opts: BuildOptions): Promise<BuildSummary> {
  const log = opts.log ?? (() => {});
  const warn = opts.warn ?? log;
  const output = resolve(opts.output);
  const articles = resolve(opts.articles);
  const tmp = `${output}.tmp-${process.pid}`;

  const stage = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      const result = await run();
      log(`build: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return result;
    } catch (err) {
      if (err instanceof BuildError) throw err;
      if (err instanceof SegmentCliError) throw new BuildError(err.message, 2);
      if (process.env.BAOKU_DEBUG) console.error(err);
      throw new BuildError(`${name} failed: ${firstLine(err)}`, 1);
    }
  };

  // the site folder is checked first: a build that cannot be written is refused before any work
  try {
    const existing = await stat(output).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new Error('it exists and is not a folder');
    await mkdir(dirname(output), { recursive: true });
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw new BuildError(`cannot write output folder ${printable(opts.output)}: ${firstLine(err)}`, 2);
  }

  try {
    let segment: SegmentSummary | undefined;
    if (!opts.skipSegment) {
      segment = await stage('segment', async () => {
        const s = await runSegment({ input: opts.input, output: articles, log, warn, maxFileBytes: opts.maxFileBytes });
        if (s.articles === 0) throw new BuildError(`no articles could be built from ${printable(opts.input)} (${s.skipped} of ${s.files} files skipped; see the warnings above)`, 1);
        return s;
      });
    } else if (!(await stat(articles).catch(() => undefined))?.isDirectory()) {
      throw new BuildError(`articles folder not found: ${printable(opts.articles)}`, 2);
    }
    const rendered = await stage('eleventy', () => holdingConsole(() => renderSite({ articlesDir: articles, rawDir: resolve(opts.input), outDir: tmp })));
    const indexed = await stage('pagefind', () => holdingConsole(() => indexSite(tmp)));
    try {
      await swapFolder(tmp, output);
    } catch (err) {
      throw new BuildError(`cannot write output folder ${printable(opts.output)}: ${firstLine(err)}`, 2);
    }
    const rel = relative(process.cwd(), output);
    log(`build: ${rendered.pages} pages, ${indexed.pages} indexed → ${printable(rel === '' ? '.' : rel.startsWith('..') ? output : rel)}`);
    return { segment, pages: rendered.pages, indexed: indexed.pages };
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}
