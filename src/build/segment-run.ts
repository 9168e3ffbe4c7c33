import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { decode } from '../segment/decode.ts';
import { simplifiedShadow } from '../segment/script.ts';
import { fileKey, segmentFile, skippedReport, UndecodableError } from '../segment/index.ts';
import type { FileReport, Warning } from '../segment/types.ts';
import { defaultCacheDir, hasEntries, SegmentCache } from './segment-cache.ts';
import { KeptFolder, removeTree } from './kept-folder.ts';
import { LexiconCache } from './lexicon-cache.ts';
import type { Worker } from 'node:worker_threads';
import { diskFullMessage, firstLine, printable } from './messages.ts';
import { pauseAt } from './test-pause.ts';
import { defaultWorkers, segmentInOrder, startWarmWorkers, stopWorker, type SegmentPoolStats } from './segment-pool.ts';
import { finishFile, type CorrectionsReport, type FileCorrections, type SegmentedFile } from './segment-protocol.ts';
import { CorrectionFileError, parseCorrections } from '../corrections/parse.ts';
import { correctionPathOf, defaultCorrectionsDir } from '../corrections/files.ts';
import { isPdfName, segmentPdfFile } from '../pdf/file.ts';
import { MANIFEST_NAME, ManifestError, manifestFacts, parseManifest, unusedRows, type ManifestRow } from '../issues/manifest.ts';
import { inputFingerprint, partOf, type PartSpec } from './parts.ts';

/** A problem with the command line or the folders: printed as one line, never a stack trace. */
export class SegmentCliError extends Error {}

export interface SegmentSummary {
  /** `.txt` and `.pdf` files found in the input folder. */
  files: number;
  /** Files that yielded at least one article. */
  built: number;
  /** Files that yielded none: empty, binary, a copy of another file, too large, unreadable. */
  skipped: number;
  articles: number;
  /** Warning lines printed (one per problem; damaged lines of one file share a line). */
  warnings: number;
  /** False when nothing could be built: the previous output was left as it was. */
  written: boolean;
  /** Files segmented by the worker pool, files taken from the segment cache, workers used. */
  pool?: SegmentPoolStats;
  /** With `part`: the part's raw files and what the whole input is (src/build/parts.ts). */
  part?: { files: string[]; input: string; inputFiles: number };
}

export interface SegmentRunOptions {
  input: string;
  output: string;
  /** Progress and the summary line. */
  log?: (line: string) => void;
  /** Warning lines, each naming its file (and line). Default: `log`. */
  warn?: (line: string) => void;
  /** Files larger than this are skipped with a warning (default 64 MiB: memory grows with the file). */
  maxFileBytes?: number;
  /** The segmenter (tests put a failing one in its place); given, files are segmented in this thread. */
  segmenter?: typeof segmentFile;
  /** Worker threads (default: every core; BAOKU_WORKERS). */
  workers?: number;
  /** Segment cache folder (segment-cache.ts); default .cache/segment/<input>; false (or BAOKU_SEGMENT_CACHE=0): none. */
  cacheDir?: string | false;
  /**
   * The correction files' folder (issue 16): the corrections of `<input>/a/b.txt` are in
   * `<corrections>/a/b.yml`. Default: `corrections` beside the input folder (content/corrections).
   */
  corrections?: string;
  /**
   * Segment only the raw files of this part (src/build/parts.ts partOf()); `files` and the counts
   * are the part's. Every file of the input is still read for what the whole archive decides —
   * the lexicon, copies of earlier files, article ids —, so that a part's Markdown is byte for
   * byte what a build of the whole input writes for those files. The output is written even when
   * the part yields no article (its report says why): the merge needs every part.
   */
  part?: PartSpec;
}

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Characters of each file the place-name lexicon is learnt from. */
const LEXICON_CHARS = 1_000_000;

/**
 * Checks that `output` is a folder or can be one and makes `sibling` (next to it) a new, empty
 * folder: the place a run writes before it swaps its result in (swapFolder). On failure nothing
 * is left behind and the error says why.
 */
export async function prepareSibling(output: string, sibling: string): Promise<void> {
  try {
    const existing = await stat(output).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new Error('it exists and is not a folder');
    await mkdir(dirname(output), { recursive: true });
    await rm(sibling, { recursive: true, force: true });
    await mkdir(sibling);
  } catch (err) {
    await rm(sibling, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What a directory entry is, when it is neither a regular file nor a folder. */
function kindOf(e: Dirent<Buffer>): string {
  if (e.isFIFO()) return 'a FIFO';
  if (e.isSocket()) return 'a socket';
  if (e.isCharacterDevice() || e.isBlockDevice()) return 'a device';
  return 'not a file or folder';
}

/** Raw files: page text (`*.txt`) and page PDFs (`*.pdf`), any case. */
const RAW_NAME = /\.(?:txt|pdf)$/iu;

/**
 * Every `*.txt` and `*.pdf` under dir, nested folders included, in a stable (code unit) order. Entries that
 * are not read are told to `skipped` (path, why), one call each (issue #14: they used to vanish
 * without a word): a `.txt` that is a FIFO, a socket or a device (reading one could wait for
 * ever); a symbolic link named `.txt` or pointing to a folder, never followed (a link in an
 * archive could publish any file of the machine in the site's raw view, or loop); a name that is
 * not valid UTF-8 (it could not be named in the articles, the report or a URL).
 */
export async function listRawFiles(dir: string, skipped: (path: string, why: string) => void = () => {}): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const named: { name: string; e: Dirent<Buffer> }[] = [];
    for (const e of await readdir(d, { withFileTypes: true, encoding: 'buffer' })) {
      let name: string;
      try {
        name = utf8.decode(e.name);
      } catch {
        if (RAW_NAME.test(e.name.toString('latin1')) || e.isDirectory()) skipped(join(d, e.name.toString('utf8')), 'the name is not valid UTF-8: skipped (rename it)');
        continue;
      }
      named.push({ name, e });
    }
    for (const { name, e } of named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, name);
      const txt = RAW_NAME.test(name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) {
        if (txt) out.push(p);
      } else if (e.isSymbolicLink()) {
        const to = await stat(p).catch(() => null);
        if (txt || to?.isDirectory()) skipped(p, `not a regular file: a symbolic link${to?.isDirectory() ? ' to a folder' : ''}, not followed`);
      } else if (txt) skipped(p, `not a regular file: ${kindOf(e)}, skipped`);
    }
  };
  await walk(dir);
  return out;
}

/** Warning lines for one file: one per message, the lines it applies to listed in the first. */
export function warningLines(name: string, warnings: Warning[]): string[] {
  const byMessage = new Map<string, number[]>();
  for (const w of warnings) {
    const lines = byMessage.get(w.message) ?? [];
    if (w.line !== undefined) lines.push(w.line);
    byMessage.set(w.message, lines);
  }
  const file = printable(name);
  return [...byMessage].map(([message, lines]) => {
    if (lines.length === 0) return `warning: ${file}: ${printable(message)}`;
    const more = lines.length > 1 ? ` (also line${lines.length > 2 ? 's' : ''} ${lines.slice(1, 6).join(', ')}${lines.length > 6 ? ` and ${lines.length - 6} more` : ''})` : '';
    return `warning: ${file}:${lines[0]}: ${printable(message)}${more}`;
  });
}

/** A correction file's warning lines: `warning: corrections/a.yml:3: anchor "…" not found; correction not applied`. */
export const correctionWarnings = (c: CorrectionsReport): string[] => c.warnings.map((w) => `warning: ${printable(c.file)}:${w.line}: ${printable(w.message)}`);

/**
 * The correction file of each raw file that has one, parsed. A file that is not valid YAML or
 * holds something other than corrections is a SegmentCliError naming its file and line.
 */
export async function readCorrections(dir: string, names: string[]): Promise<Map<string, FileCorrections>> {
  const out = new Map<string, FileCorrections>();
  for (const name of names) {
    const rel = correctionPathOf(name);
    const text = await readFile(join(dir, rel), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null;
      throw new SegmentCliError(`cannot read corrections/${printable(rel)}: ${firstLine(err)}`);
    });
    if (text === null) continue;
    const label = `corrections/${rel}`;
    try {
      out.set(name, { label, text, ops: parseCorrections(text, label) });
    } catch (err) {
      if (err instanceof CorrectionFileError) throw new SegmentCliError(printable(err.message));
      throw err;
    }
  }
  return out;
}

const sizeOf = (bytes: number) => (bytes < 1048576 ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`);

/** Is `child` the folder `parent` or inside it? */
export const isInside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/**
 * Replaces folder `target` by folder `fresh` with two renames: the old one moves aside to
 * `<target>.old-<pid>`, the new one into its place, and the old one is deleted only once the new
 * one is in place. A run killed between the two renames leaves no `target`, and the next run
 * puts `.old-<pid>` back (clearLeftovers(), leftovers.ts). `pause` names the test pause points
 * of this swap (test-pause.ts): before it, `-renamed` between the renames, `-done` after them.
 */
export async function swapFolder(fresh: string, target: string, pause?: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new Error(`${target} exists and is not a folder`);
  if (pause) await pauseAt(pause);
  await rm(old, { recursive: true, force: true });
  if (existing) await rename(target, old);
  if (pause && existing) await pauseAt(`${pause}-renamed`);
  try {
    await rename(fresh, target);
  } catch (err) {
    if (existing) await rename(old, target).catch(() => undefined);
    throw err;
  }
  if (pause) await pauseAt(`${pause}-done`);
  await removeTree(old);
}

/**
 * Segments every raw file of `input` into `output`: one `<id>.md` per article and
 * `_report.json`. A file that cannot be read as text, is empty, is a byte-for-byte copy of an
 * earlier file, is too large or makes the segmenter fail is skipped with one warning line that
 * names it; the run goes on. The new output is written to a sibling temporary folder and swapped
 * in at the end, so a failure — or a run where nothing could be built — leaves the previous
 * articles intact. Files are read a few at a time (twice: once for the lexicon), so memory is
 * bounded by the largest file, not the archive.
 */
export async function runSegment(opts: SegmentRunOptions): Promise<SegmentSummary> {
  const log = opts.log ?? (() => {});
  const warn = opts.warn ?? log;
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const input = resolve(opts.input);
  const output = resolve(opts.output);
  const info = await stat(input).catch(() => undefined);
  if (!info) throw new SegmentCliError(`input folder not found: ${printable(opts.input)}`);
  if (!info.isDirectory()) throw new SegmentCliError(`input is not a folder: ${printable(opts.input)}`);
  if (isInside(input, output)) throw new SegmentCliError(`the output folder ${printable(opts.output)} would replace the input folder ${printable(opts.input)}`);
  let files: string[];
  const irregular: string[] = [];
  const part = opts.part;
  // a part's: what is not read is told by the part the path falls to, as its own files would be
  const ownsPath = (name: string) => !part || partOf(name, part.n) === part.k;
  try {
    files = await listRawFiles(input, (path, why) => {
      const name = relative(input, path).split(sep).join('/');
      if (ownsPath(name)) irregular.push(...warningLines(name, [{ message: why }]));
    });
  } catch (err) {
    throw new SegmentCliError(`cannot read input folder ${printable(opts.input)}: ${firstLine(err)}`);
  }
  for (const line of irregular) warn(line);
  if (files.length === 0) throw new SegmentCliError(`no .txt or .pdf files in input folder: ${printable(opts.input)}`);

  // the issue manifest, when the user wrote one: a bad row stops the run before anything is written
  let manifest: ManifestRow[] = [];
  const manifestPath = join(input, MANIFEST_NAME);
  const manifestText = await readFile(manifestPath, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw new SegmentCliError(`cannot read ${printable(join(opts.input, MANIFEST_NAME))}: ${firstLine(err)}`);
  });
  if (manifestText !== null) {
    try {
      manifest = parseManifest(manifestText, join(opts.input, MANIFEST_NAME));
    } catch (err) {
      if (err instanceof ManifestError) throw new SegmentCliError(printable(err.message));
      throw err;
    }
  }

  // the correction files: one that cannot be read as corrections stops the run before anything is written
  const names = files.map((f) => relative(input, f).split(sep).join('/'));
  const mine = names.map(ownsPath);
  const own = names.filter((_, i) => mine[i]);
  // a part reads its own files' corrections: another part's broken correction file stops that part
  const corrections = await readCorrections(resolve(opts.corrections ?? defaultCorrectionsDir(input)), own);

  const tmp = `${output}.tmp-${process.pid}`;
  let out: KeptFolder;
  try {
    await prepareSibling(output, tmp);
    // the previous articles as hard links: only what changed is written again
    out = await KeptFolder.open(output, tmp);
  } catch (err) {
    throw new SegmentCliError(`cannot write output folder ${printable(opts.output)}: ${firstLine(err)}`);
  }

  let pool: ReturnType<typeof segmentInOrder> | null = null;
  let warm: Worker[] = [];
  try {
    // a page given both as text and as its PDF: the PDF is read (it has the type sizes and
    // positions the text lost), the text file is reported as set aside
    const pdfStems = new Map(names.filter(isPdfName).map((n) => [n.replace(/\.pdf$/iu, ''), n]));
    const replaced = new Map<number, string>();
    names.forEach((n, i) => {
      const twin = /\.txt$/iu.test(n) ? pdfStems.get(n.replace(/\.txt$/iu, '')) : undefined;
      if (twin !== undefined) replaced.set(i, twin);
    });
    for (const r of unusedRows(manifest, names)) {
      warn(`warning: ${printable(join(opts.input, MANIFEST_NAME))}:${r.line}: "${printable(r.path)}" names no .txt file of the input folder`);
    }
    const cacheDir = opts.cacheDir ?? (process.env.BAOKU_SEGMENT_CACHE === '0' ? false : await defaultCacheDir(input));
    // with every file to segment, the workers load their dictionaries while the lexicon is learnt;
    // with a cache, one worker does, for the files that changed: its dictionary load (3–4 s) is
    // most of a one-file rebuild's segment stage otherwise (a worker no file needs is stopped)
    if (!opts.segmenter && own.length > 0) {
      const cold = cacheDir === false || !(await hasEntries(cacheDir));
      warm = startWarmWorkers(cold ? Math.min(opts.workers ?? defaultWorkers(), own.length) : 1);
    }
    // 1. what each file is: too large, unreadable, a copy, not text; the lexicon from the rest
    const skip = new Map<number, string>();
    for (const [i, twin] of replaced) skip.set(i, `set aside: ${printable(twin)}, the PDF of the same page, is read instead`);
    const firstWithDigest = new Map<string, string>();
    // each file's share of the lexicon, kept between builds: only a changed file is cut again
    const lexiconCache = await LexiconCache.open(cacheDir, LEXICON_CHARS);
    // files are read a few ahead (one at a time, the wait for the disk would add up), used in order
    type Read = { bytes: Buffer } | { skip: string } | { unread: true };
    // A part reads another part's PDF only when its size is that of a file whose copy it could
    // be and which matters here: one of the part's own, or a text file (read for the lexicon,
    // unless it is a copy of an earlier file). A PDF teaches no lexicon.
    const sizes = part ? await Promise.all(files.map((f) => stat(f).then((s) => s.size).catch(() => -1))) : [];
    const wanted = new Set(sizes.filter((_, i) => mine[i] || !isPdfName(names[i])));
    const read = async (i: number): Promise<Read> => {
      const size = await stat(files[i]).then((s) => s.size).catch(() => -1);
      if (size > maxBytes) return { skip: `too large: ${sizeOf(size)} (the limit is ${sizeOf(maxBytes)}; see --max-file-mb)` };
      if (part && !mine[i] && isPdfName(names[i]) && !wanted.has(size)) return { unread: true };
      try {
        return { bytes: await readFile(files[i]) };
      } catch (err) {
        return { skip: `cannot be read: ${firstLine(err)}` };
      }
    };
    const AHEAD = 8;
    const reads: Promise<Read>[] = [];
    for (let i = 0; i < Math.min(AHEAD, files.length); i++) reads.push(read(i));
    for (let i = 0; i < files.length; i++) {
      if (skip.has(i)) {
        delete reads[i];
        if (i + AHEAD < files.length) reads[i + AHEAD] = read(i + AHEAD);
        continue;
      }
      const got = await reads[i];
      delete reads[i];
      if (i + AHEAD < files.length) reads[i + AHEAD] = read(i + AHEAD);
      if ('unread' in got) continue;
      if ('skip' in got) {
        skip.set(i, got.skip);
        continue;
      }
      const bytes = got.bytes;
      const digest = createHash('sha256').update(bytes).digest('hex');
      const twin = firstWithDigest.get(digest);
      if (twin !== undefined) {
        skip.set(i, `same content as ${printable(twin)}: skipped`);
        continue;
      }
      firstWithDigest.set(digest, names[i]);
      // a PDF's words teach no lexicon: its bytes are not text
      if (isPdfName(names[i])) continue;
      try {
        // (a file in traditional characters teaches the words of its simplified shadow, the text
        // nodejieba cuts: src/segment/script.ts)
        lexiconCache.tally(digest, () => {
          const text = decode(bytes).text.slice(0, LEXICON_CHARS);
          return simplifiedShadow(text)?.text ?? text;
        });
      } catch {
        /* not text: reported when the file's turn comes */
      }
    }
    // the archive teaches nodejieba its own place and organisation names
    const lexicon = lexiconCache.lexicon();
    await lexiconCache.save();
    // another part's files are read above and segmented by their own part
    for (let i = 0; i < files.length; i++) if (!mine[i]) skip.set(i, 'another part');

    // two files may share a leading number: fall back to the full key
    const keys = names.map((n) => fileKey(n));
    const seen = new Map<string, number>();
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    const written = new Set<string>();
    const keyOf = (i: number) => (seen.get(keys[i])! > 1 ? `${keys[i]}-${createHash('sha1').update(names[i]).digest('hex').slice(0, 6)}` : keys[i]);
    // files are segmented on every core (segment-pool.ts), results taken in input order
    const cache = opts.segmenter || cacheDir === false ? null : await SegmentCache.open({ dir: cacheDir, lexicon });
    pool = opts.segmenter ? null : segmentInOrder(files.map((path, i) => (skip.has(i) ? null : { name: names[i], path, key: keyOf(i), issue: manifestFacts(manifest, names[i]), corrections: corrections.get(names[i]) })), { lexicon, cache, workers: opts.workers, warm });
    warm = [];

    // 2. segment file by file
    const reports: (FileReport & { corrections?: CorrectionsReport })[] = [];
    const summary: SegmentSummary = { files: own.length, built: 0, skipped: 0, articles: 0, warnings: irregular.length, written: false };
    if (part) summary.part = { files: own, input: inputFingerprint(names, lexicon), inputFiles: names.length };
    let done = 0;
    for (let i = 0; i < files.length; i++) {
      if (!mine[i]) continue;
      done++;
      const name = names[i];
      let report: FileReport;
      let result: SegmentedFile | undefined;
      const skipped = skip.get(i);
      if (skipped !== undefined) {
        report = skippedReport(name, skipped);
      } else {
        try {
          if (pool) result = await pool.take(i);
          else {
            const bytes = await readFile(files[i]);
            const r = isPdfName(name) ? await segmentPdfFile(name, bytes, { lexicon, key: keyOf(i) }) : opts.segmenter!(name, bytes, { lexicon, key: keyOf(i) });
            result = finishFile(r, manifestFacts(manifest, name), corrections.get(name));
          }
          report = result.report;
        } catch (err) {
          const message = err instanceof UndecodableError ? `not text: ${firstLine(err)}` : `could not be segmented: ${firstLine(err)}`;
          if (!(err instanceof UndecodableError) && process.env.BAOKU_DEBUG) console.error(err);
          report = skippedReport(name, message);
        }
        const clash = result?.articles.find((a) => written.has(a.id));
        if (result && clash) {
          report = skippedReport(name, `article id ${clash.id} is already taken by another file: skipped`);
        } else if (result) {
          // a write error is the output folder's problem, not the file's: it ends the run
          let kept = 0;
          for (const a of result.articles) {
            const md = a.md;
            if (typeof md !== 'string') {
              report.warnings.push({ line: a.line, message: `article ${a.id} not written: ${md.problem}` });
              continue;
            }
            await out.write(`${a.id}.md`, md);
            written.add(a.id);
            kept++;
          }
          report.articles = kept;
          if (result.articles.length === 0 && report.warnings.length === 0) {
            report.warnings.push({ message: `no articles found (${report.unassigned.length} text fragments reported as unassigned)` });
          }
        }
      }
      // a correction file's stale entries are named by its own file and line, not the raw file's
      const corrected = result?.corrections;
      reports.push(corrected ? { ...report, corrections: corrected } : report);
      if (report.articles > 0) summary.built++;
      else summary.skipped++;
      summary.articles += report.articles;
      const extra =
        report.encoding === 'skipped'
          ? ['skipped']
          : [report.encoding, report.flavour, `${report.pages} pages`, `${report.articles} articles`, report.unassigned.length ? `${report.unassigned.length} unassigned` : '', report.duplicates.length ? `${report.duplicates.length} duplicates removed` : ''];
      log(`[${done}/${own.length}] ${printable(name)}: ${extra.filter(Boolean).join(', ')}`);
      for (const line of [...warningLines(name, report.warnings), ...(corrected ? correctionWarnings(corrected) : [])]) {
        warn(line);
        summary.warnings++;
      }
    }
    if (pool) await pool.close();
    if (pool) summary.pool = pool.stats;
    await cache?.prune();
    const rel = relative(process.cwd(), output);
    const where = rel === '' ? '.' : rel.startsWith('..') ? output : rel;
    const of = part ? `part ${part.k} of ${part.n}: ${summary.files} of ${names.length}` : `${summary.files}`;
    const counts = `${of} files: ${summary.built} built, ${summary.skipped} skipped, ${summary.articles} articles, ${summary.warnings} warnings`;
    if (summary.articles === 0 && !part) {
      log(`segment: ${counts}; nothing written, ${printable(where)} left as it was`);
      return summary;
    }
    await out.write('_report.json', `${JSON.stringify({ files: reports }, null, 2)}\n`);
    await out.finish();
    try {
      await swapFolder(tmp, output, 'segment-swap');
    } catch (err) {
      throw new SegmentCliError(diskFullMessage(err, output) ?? `cannot write output folder ${printable(opts.output)}: ${firstLine(err)}`);
    }
    summary.written = true;
    log(`segment: ${counts} → ${printable(where)}`);
    return summary;
  } catch (err) {
    if (err instanceof SegmentCliError) throw err;
    const full = diskFullMessage(err, output);
    if (full) throw new SegmentCliError(full);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
      throw new SegmentCliError(`cannot write output folder ${printable(opts.output)}: ${firstLine(err)}`);
    }
    throw err;
  } finally {
    await Promise.all(warm.map(stopWorker));
    await pool?.close();
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}
