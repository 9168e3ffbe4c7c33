/**
 * An archive built as N parts, one per job of an array job (a Kubernetes Indexed Job, a CI
 * matrix, a Slurm array), and merged into one site (issue #18): which raw file goes to which
 * part, what a part folder holds and says about itself (`part.json`), and the checks the merge
 * makes before it trusts a set of part folders. The part build is src/build/part-build.ts, the
 * merge src/build/merge-build.ts; docs/scaling.md tells the whole story.
 *
 * A part folder:
 *
 *   part.json           PartManifest: which part of how many, of which input, its raw files
 *   articles/           its raw files' Markdown and their _report.json (as `npm run segment` writes them)
 *   raw/                its raw files, copied (the site shows each raw file's text, and a PDF's pages)
 *   pagefind/           its articles' Pagefind shard(s) and shards.json (src/build/shards.ts)
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isLocked } from './lock.ts';
import { printable, shownPath } from './messages.ts';

/** A set of part folders (or a `--part` value) that cannot be built or merged: one line, exit code 2. */
export class PartsError extends Error {}

/** The K-th of N parts, K counted from 1 (as `--part K/N` and JOB_COMPLETION_INDEX + 1 say). */
export interface PartSpec {
  k: number;
  n: number;
}

/** `--part K/N`: two whole numbers, 1 ≤ K ≤ N. Anything else is a PartsError naming the value. */
export function parsePartSpec(value: string): PartSpec {
  const why = (what: string) => new PartsError(`--part must be K/N, two whole numbers with 1 ≤ K ≤ N (e.g. --part 2/8), not ${printable(value)}: ${what}`);
  const m = /^(\d{1,9})\/(\d{1,9})$/u.exec(value);
  if (!m) throw why('not of that form');
  const [k, n] = [Number(m[1]), Number(m[2])];
  if (n < 1) throw why('N counts the parts, at least 1');
  if (k < 1) throw why('K counts from 1 (a Kubernetes JOB_COMPLETION_INDEX counts from 0: add 1)');
  if (k > n) throw why(`there is no part ${k} of ${n}`);
  return { k, n };
}

/**
 * The part (1…n) a raw file belongs to: the first four bytes of the SHA-256 of its path under the
 * input folder (`source.file`), modulo n. It depends on the file's own path and n alone, so a
 * new file, a removed one or a changed one moves no other file between parts, and every job of
 * an array computes the same split without talking to the others.
 */
export function partOf(name: string, n: number): number {
  return (createHash('sha256').update(name, 'utf8').digest().readUInt32BE(0) % n) + 1;
}

/** What an input folder is, for the parts built from it: its raw files' names and its lexicon. */
export function inputFingerprint(names: readonly string[], lexicon: readonly string[]): string {
  const h = createHash('sha256');
  for (const n of names) h.update(n).update('\0');
  h.update('\u0001');
  for (const w of lexicon) h.update(w).update('\0');
  return h.digest('hex');
}

export const PART_FILE = 'part.json';
const PART_VERSION = 1;

/** `part.json`: what a part folder is. Written last, in a folder swapped in whole. */
export interface PartManifest {
  version: number;
  part: number;
  of: number;
  /**
   * inputFingerprint() of the whole input the part was cut from: the Markdown of a raw file
   * depends on its bytes, the names of the others (article ids) and the archive's lexicon, so
   * parts of one archive must agree on it.
   */
  input: string;
  /** Raw files in the whole input, and this part's (paths under the input folder, in input order). */
  inputFiles: number;
  files: string[];
  articles: number;
}

export const partManifest = (spec: PartSpec, input: string, inputFiles: number, files: string[], articles: number): PartManifest => ({
  version: PART_VERSION,
  part: spec.k,
  of: spec.n,
  input,
  inputFiles,
  files,
  articles,
});

/** A part folder given to the merge, read and checked. */
export interface PartFolder {
  /** As given on the command line (messages name it so), and resolved. */
  given: string;
  dir: string;
  manifest: PartManifest;
}

async function readPart(given: string): Promise<PartFolder> {
  const dir = resolve(given);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new PartsError(`part folder not found: ${printable(given)}`);
  let m: PartManifest;
  try {
    m = JSON.parse(await readFile(join(dir, PART_FILE), 'utf8')) as PartManifest;
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PartsError(`${printable(given)} is not a part folder (${missing ? `no ${PART_FILE}` : `its ${PART_FILE} cannot be read`}): build it with --part K/N`);
  }
  const whole = (x: unknown) => Number.isInteger(x) && (x as number) >= 1;
  if (m.version !== PART_VERSION || !whole(m.part) || !whole(m.of) || m.part > m.of || typeof m.input !== 'string' || !Array.isArray(m.files) || !Number.isInteger(m.articles)) {
    throw new PartsError(`${printable(given)}/${PART_FILE} is not one this version of Baoku writes: build the part again`);
  }
  return { given, dir, manifest: m };
}

/**
 * What a build leaves beside a folder it writes (src/build/leftovers.ts, lock.ts): a shell glob
 * over the part folders (`--merge parts/*`) picks them up too, and they are no parts.
 */
const BESIDE = /\.(?:lock|lock\.break|lock\.\d+\.tmp|next|next\..*|old-\d+|tmp-\d+)$/u;

/**
 * The part folders of one archive, by part number: every folder a part, all cut the same way
 * (same N, same input), each part once, none missing, none being built. Anything else is a
 * PartsError that says which folders disagree and how. A build's own files beside the part
 * folders (locks, `.next`) are left out, and named in `ignored`.
 */
export async function readParts(given: readonly string[]): Promise<{ parts: PartFolder[]; ignored: string[] }> {
  const ignored = given.filter((g) => BESIDE.test(g.replace(/\/+$/u, '')));
  given = given.filter((g) => !ignored.includes(g));
  if (given.length === 0) throw new PartsError('--merge needs the part folders, e.g. --merge parts/*');
  const parts: PartFolder[] = [];
  const seen = new Map<string, string>();
  for (const g of given) {
    const dir = resolve(g);
    const twice = seen.get(dir);
    if (twice !== undefined) throw new PartsError(`${printable(g)} is given twice${twice === g ? '' : ` (also as ${printable(twice)})`}`);
    seen.set(dir, g);
    // a part being built is swapped whole at its end: merged now, it could be read half old, half new
    if (await isLocked(dir)) throw new PartsError(`${printable(g)} is being built (${printable(g)}.lock is held): merge once that build is done, or remove the lock of a build that died on another machine`);
    parts.push(await readPart(g));
  }
  const first = parts[0];
  const name = (p: PartFolder) => `${printable(p.given)} (part ${p.manifest.part} of ${p.manifest.of})`;
  for (const p of parts.slice(1)) {
    if (p.manifest.of !== first.manifest.of) throw new PartsError(`${name(first)} and ${name(p)} were cut with different N: build every part with the same --part K/N count`);
    if (p.manifest.input !== first.manifest.input) {
      const counts = p.manifest.inputFiles === first.manifest.inputFiles ? 'their raw files differ' : `${first.manifest.inputFiles} and ${p.manifest.inputFiles} raw files`;
      throw new PartsError(`${name(first)} and ${name(p)} were built from different inputs (${counts}): build every part from the same raw files`);
    }
  }
  const byK = new Map<number, PartFolder>();
  for (const p of parts) {
    const other = byK.get(p.manifest.part);
    if (other) throw new PartsError(`${printable(other.given)} and ${printable(p.given)} are both part ${p.manifest.part} of ${p.manifest.of}`);
    byK.set(p.manifest.part, p);
  }
  const n = first.manifest.of;
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byK.has(k));
  if (missing.length) {
    const list = missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
    throw new PartsError(`part${missing.length > 1 ? 's' : ''} ${list} of ${n} missing: the merge needs every part (given: ${parts.map((p) => p.manifest.part).sort((a, b) => a - b).join(', ')})`);
  }
  return { parts: [...byK.values()].sort((a, b) => a.manifest.part - b.manifest.part), ignored };
}

/**
 * Raw file paths (`a/b.txt`) in the order the input folder is listed (listRawFiles(): each folder's
 * entries by name, code unit order, folders descended into in place): component by component.
 * The merged `_report.json` lists files in this order, as a build of the whole input does.
 */
export function compareInputOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/** A part as log lines name it. */
export const partLabel = (p: PartFolder) => `part ${p.manifest.part} of ${p.manifest.of} (${shownPath(p.dir)})`;
