/**
 * `npm run correct -- <id> --title "…"` (scripts/correct.ts): write a correction into the
 * correction file of the raw file the article comes from, then segment again so that the
 * articles folder shows it.
 *
 * The article's raw file is read from its own Markdown (`<articles>/<id>.md`, `source.file`):
 * the id must be one the segmenter wrote, so a correction is never filed under an article that
 * does not exist. The correction file is edited by editCorrections() (edit.ts), which keeps its
 * comments and order. Segmenting again is runSegment() over the whole input folder with the
 * segment cache `npm run segment` uses: the correction file's text is part of its raw file's
 * cache key, so that file alone is segmented and every other comes from the cache (on a cold
 * cache, every file is segmented once). The folders are locked as `npm run segment` locks them,
 * so a correction never interleaves with a segment run or a build writing the same articles.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { ArticleFormatError, fromMarkdown } from '../contract/markdown.ts';
import { clearLeftovers } from '../build/leftovers.ts';
import { LockBusyError, LockWriteError, lockFolders } from '../build/lock.ts';
import { firstLine, printable, shownPath } from '../build/messages.ts';
import { runSegment, SegmentCliError, type SegmentSummary } from '../build/segment-run.ts';
import { stateFolderPath } from '../build/state-folder.ts';
import { editCorrections, type CorrectionEdit, type EditOutcome } from './edit.ts';
import { correctionPathOf, defaultCorrectionsDir } from './files.ts';
import { CorrectionFileError } from './parse.ts';
import { writeWhole } from '../util/write-whole.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The correction cannot be made: `code` is the exit code (2: the command line or a folder, 1: the work). */
export class CorrectError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

export interface CorrectOptions {
  edit: CorrectionEdit;
  /** The raw files (content/raw). */
  input: string;
  /** The segmenter's output (content/articles): read to find the article, then written again. */
  articles: string;
  /** The correction folder (default: `corrections` beside `input`, as runSegment() reads it). */
  corrections?: string;
  /** Segment cache; false: none (default: `npm run segment`'s, none with BAOKU_SEGMENT_CACHE=0). */
  cacheDir?: string | false;
  workers?: number;
  /** When another run holds the articles folder: wait for it (default: CorrectError, exit 2). */
  wait?: boolean;
  /** Warning lines of the segment run (stale corrections included). */
  warn?: (line: string) => void;
  /** Told once when the run starts waiting for another. */
  onWait?: (message: string) => void;
}

export interface CorrectResult {
  /** The correction file, absolute, and as messages name it (`corrections/000_….yml`). */
  path: string;
  label: string;
  /** The raw file the article comes from (its `source.file`). */
  raw: string;
  outcome: EditOutcome;
  segment: SegmentSummary;
  /** Warnings of the segment run on the entries this edit wrote: they did not apply. */
  notApplied: { line: number; message: string }[];
}

/** An id as the segmenter writes them (the contract's rule): never a path. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/u;

/** The raw file an article comes from, read from its Markdown; an id with no article is a CorrectError. */
async function rawFileOf(articles: string, id: string): Promise<string> {
  if (!ID.test(id)) throw new CorrectError(`"${printable(id)}" is not an article id (letters, digits and "-", e.g. 000-p2-03)`, 2);
  const path = join(articles, `${id}.md`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CorrectError(`unknown article id ${id}: there is no ${shownPath(path)}`, 2);
    throw new CorrectError(`cannot read ${shownPath(path)}: ${firstLine(err)}`, 2);
  }
  try {
    return fromMarkdown(text, shownPath(path)).source.file;
  } catch (err) {
    if (err instanceof ArticleFormatError) throw new CorrectError(printable(err.message), 2);
    throw err;
  }
}

/** Checks the edit, writes it into the article's correction file, segments again. */
export async function runCorrect(opts: CorrectOptions): Promise<CorrectResult> {
  const { edit } = opts;
  const input = resolve(opts.input);
  const articles = resolve(opts.articles);
  if (Object.keys(edit.set).length === 0 && edit.splitBefore === undefined && edit.mergeWith === undefined) {
    throw new CorrectError('nothing to correct: give --title, --kicker, --subtitle, --authors, --split-before or --merge-with', 2);
  }
  if (edit.splitBefore !== undefined && edit.splitBefore.trim() === '') throw new CorrectError('--split-before needs the first characters of the text that starts the new article', 2);
  if (edit.mergeWith === edit.id) throw new CorrectError(`--merge-with names ${edit.id} itself: a merge joins two articles`, 2);
  // the folders runSegment() writes: the articles and the segment cache (its default is found, and made, by runSegment())
  const cacheDir = opts.cacheDir ?? (process.env.BAOKU_SEGMENT_CACHE === '0' ? false : stateFolderPath('segment', input, ROOT));
  const lock = await lockFolders([articles, ...(cacheDir === false ? [] : [cacheDir])], {
    what: 'segment',
    wait: opts.wait,
    onWait: (err) => opts.onWait?.(err.message),
  }).catch((err: unknown) => {
    if (err instanceof LockBusyError) throw new CorrectError(`${err.message}; --wait queues this run behind it`, 2);
    if (err instanceof LockWriteError) throw new CorrectError(`cannot write ${shownPath(err.folder)}: ${firstLine(err.cause)}`, 2);
    throw err;
  });
  try {
    await clearLeftovers(articles);
    // the ids are those of the articles folder: without one there is nothing to correct yet
    if (!(await stat(articles).then((s) => s.isDirectory(), () => false))) throw new CorrectError(`articles folder not found: ${shownPath(articles)} (npm run segment writes it)`, 2);
    const raw = await rawFileOf(articles, edit.id);
    if (edit.mergeWith !== undefined) {
      const other = await rawFileOf(articles, edit.mergeWith);
      // corrections apply file by file: a merge can only join two articles of one raw file
      if (other !== raw) throw new CorrectError(`${edit.id} is in ${printable(raw)} and ${edit.mergeWith} in ${printable(other)}: only articles of one raw file can be merged`, 2);
    }
    const rawPath = join(input, ...raw.split('/'));
    if (!(await stat(rawPath).then((s) => s.isFile(), () => false))) throw new CorrectError(`${edit.id} comes from ${printable(raw)}, which is not in ${shownPath(input)}`, 2);

    const rel = correctionPathOf(raw);
    const path = join(resolve(opts.corrections ?? defaultCorrectionsDir(input)), ...rel.split('/'));
    const label = `corrections/${rel}`;
    const before = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw new CorrectError(`cannot read ${shownPath(path)}: ${firstLine(err)}`, 2);
    });
    let outcome: EditOutcome;
    try {
      outcome = editCorrections(before, label, edit, ` Corrections of ${raw}: applied in order after segmentation (docs/corrections.md).`);
    } catch (err) {
      // the file as it is would stop the build too: it is not edited until it is mended
      if (err instanceof CorrectionFileError) throw new CorrectError(printable(err.message), 2);
      throw err;
    }
    if (outcome.changed) await writeWhole(path, outcome.text);

    let segment: SegmentSummary;
    try {
      segment = await runSegment({ input, output: articles, corrections: opts.corrections, cacheDir: opts.cacheDir, workers: opts.workers, warn: opts.warn });
    } catch (err) {
      if (err instanceof SegmentCliError) throw new CorrectError(err.message, 2);
      throw err;
    }
    if (!segment.written) throw new CorrectError(`no articles could be built from ${shownPath(input)}; ${shownPath(articles)} was left as it was`, 1);
    // what the segment run said about the entries just written: each one either applied or is named
    const report = JSON.parse(await readFile(join(articles, '_report.json'), 'utf8')) as { files: { file: string; corrections?: { warnings: { line: number; message: string }[] } }[] };
    const lines = new Set(outcome.entries.map((e) => e.line));
    const warnings = report.files.find((f) => f.file === raw)?.corrections?.warnings ?? [];
    return { path, label, raw, outcome, segment, notApplied: warnings.filter((w) => lines.has(w.line)) };
  } finally {
    await lock.release();
  }
}

const HOW = { added: 'added', amended: 'amended', present: 'already there' } as const;

/**
 * The one line `npm run correct` prints: what was written where, and what was segmented again.
 * `correct: content/corrections/000_….yml: line 2 amended (000-p2-03: title); re-segmented
 * 000_….txt (1 file segmented, 4 from the segment cache) → content/articles`
 */
export function correctLine(r: CorrectResult, articles: string): string {
  const entries = r.outcome.entries.map((e) => `line ${e.line} ${HOW[e.how]} (${printable(e.what)})`).join(', ');
  const pool = r.segment.pool;
  const counts = pool ? ` (${pool.segmented} file${pool.segmented === 1 ? '' : 's'} segmented, ${pool.cached} from the segment cache)` : '';
  const file = shownPath(r.path).split(sep).join('/');
  return `correct: ${file}: ${entries}${r.outcome.changed ? '' : ', nothing new written'}; re-segmented ${printable(r.raw)}${counts} → ${shownPath(articles)}`;
}
