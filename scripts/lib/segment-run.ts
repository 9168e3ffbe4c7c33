import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { learnLexicon } from '../../src/keywords.ts';
import { toMarkdown } from '../../src/markdown.ts';
import { fileKey, segmentFile, UndecodableError } from '../../src/segment.ts';
import type { FileReport } from '../../src/types.ts';

/** A problem with the command line or folders: printed as one line, never a stack trace. */
export class SegmentCliError extends Error {}

export interface SegmentSummary {
  files: number;
  skipped: number;
  articles: number;
  warnings: number;
}

/** Every `*.txt` under dir, nested folders included, in a stable order. */
export async function listRawFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && /\.txt$/iu.test(e.name)) out.push(p);
    }
  };
  await walk(dir);
  return out;
}

/**
 * Segments every raw file of `input` into `output`. The new output is written to a
 * sibling temporary folder and swapped in at the end, so a failure leaves the previous
 * articles intact.
 */
export async function runSegment(opts: { input: string; output: string; log: (line: string) => void }): Promise<SegmentSummary> {
  const input = resolve(opts.input);
  const output = resolve(opts.output);
  const info = await stat(input).catch(() => undefined);
  if (!info || !info.isDirectory()) throw new SegmentCliError(`input folder not found: ${opts.input}`);
  const files = await listRawFiles(input);
  if (files.length === 0) throw new SegmentCliError(`no .txt files in input folder: ${opts.input}`);

  const tmp = `${output}.tmp-${process.pid}`;
  try {
    await mkdir(dirname(output), { recursive: true });
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
  } catch (err) {
    throw new SegmentCliError(`cannot write output folder ${opts.output}: ${(err as Error).message}`);
  }

  const contents = await Promise.all(files.map((f) => readFile(f)));
  // the archive teaches nodejieba its own place and organisation names
  const lexicon = learnLexicon(contents.map((b) => new TextDecoder('utf-8').decode(b.subarray(0, 2_000_000))));

  // two files may share a leading number: fall back to the full key
  const names = files.map((f) => relative(input, f).split('\\').join('/'));
  const keys = names.map((n) => fileKey(n));
  const seen = new Map<string, number>();
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  const digests = new Map<string, string>();

  const reports: FileReport[] = [];
  const summary: SegmentSummary = { files: files.length, skipped: 0, articles: 0, warnings: 0 };
  for (let i = 0; i < files.length; i++) {
    const name = names[i];
    const bytes = contents[i];
    const key = seen.get(keys[i])! > 1 ? `${keys[i]}-${createHash('sha1').update(name).digest('hex').slice(0, 6)}` : keys[i];
    const digest = createHash('sha1').update(bytes).digest('hex');
    let report: FileReport;
    try {
      const result = segmentFile(name, bytes, { lexicon, key });
      report = result.report;
      const twin = digests.get(digest);
      if (twin) report.warnings.push({ message: `same content as ${twin}` });
      digests.set(digest, name);
      for (const a of result.articles) await writeFile(join(tmp, `${a.id}.md`), toMarkdown(a));
      summary.articles += result.articles.length;
      if (result.articles.length === 0) summary.skipped++;
    } catch (err) {
      if (!(err instanceof UndecodableError)) throw err;
      report = { file: name, encoding: 'skipped', pages: 0, articles: 0, unassigned: [], duplicates: [], decisions: [], typography: '', warnings: [{ message: err.message }] };
      summary.skipped++;
    }
    reports.push(report);
    summary.warnings += report.warnings.length;
    const extra = [report.encoding, report.flavour, `${report.pages} pages`, `${report.articles} articles`];
    if (report.unassigned.length) extra.push(`${report.unassigned.length} unassigned`);
    if (report.duplicates.length) extra.push(`${report.duplicates.length} duplicates removed`);
    opts.log(`[${i + 1}/${files.length}] ${name}: ${extra.filter(Boolean).join(', ')}`);
    for (const w of report.warnings) opts.log(`  warning: ${name}${w.line ? `:${w.line}` : ''}: ${w.message}`);
  }
  await writeFile(join(tmp, '_report.json'), `${JSON.stringify({ files: reports }, null, 2)}\n`);
  await rm(output, { recursive: true, force: true });
  await rename(tmp, output);
  opts.log(`segment: ${summary.files} files, ${summary.articles} articles, ${summary.skipped} skipped, ${summary.warnings} warnings → ${relative(process.cwd(), output) || basename(output)}`);
  return summary;
}
