/**
 * The segment cache: what the segment worker made of a raw file, kept so that a rebuild after one
 * file changed segments only that file. `npm run build` keeps it in its state folder
 * (`.cache/site/<hash of the site folder>/segment/`, site-build.ts); `npm run segment` in
 * `.cache/segment/<hash of the input folder>/` (defaultCacheDir()).
 *
 * An entry is keyed by the file's bytes, its name, id key and manifest facts (all appear in the output), a hash
 * of the segmenter (segmenterHash(): every module the worker loads, found from its imports, and
 * the versions of the packages they use) and a hash of the lexicon. The lexicon is learnt from
 * every file of the archive, so a change that alters it invalidates every entry, as it must: the
 * dictionary nodejieba segments with is then different.
 *
 * Entries are written atomically (temporary file + rename); an unreadable entry is a miss.
 * After a run, prune() removes the entries that run did not use, so the cache holds one archive.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IssueFacts } from '../issues/facts.ts';
import type { FileReport } from '../segment/types.ts';
import { importGraph } from './import-graph.ts';
import { WORKER_URL, type CorrectionsReport, type SegmentedArticle, type SegmentedFile } from './segment-protocol.ts';
import { stateFolder } from './state-folder.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FORMAT = 1;

/** Packages the segmenter's packages load in turn, whose versions decide its output too (gray-matter's YAML writer). */
const INDIRECT_PACKAGES = ['js-yaml'];

let sourceHash: Promise<string> | undefined;

/**
 * A hash of everything that decides what the segmenter makes of a file: the source of every
 * module the worker (segment-protocol.ts WORKER_URL) loads, followed through its imports, and
 * the versions of the packages they import.
 */
export function segmenterHash(root = ROOT): Promise<string> {
  if (root === ROOT && sourceHash) return sourceHash;
  const run = (async () => {
    const h = createHash('sha256');
    h.update(`format ${FORMAT}\n`);
    const worker = join(root, relative(ROOT, fileURLToPath(WORKER_URL)));
    const graph = await importGraph([worker]);
    for (const f of [...graph.modules.keys()].sort()) {
      h.update(`${relative(root, f)}\n`);
      h.update(await readFile(f));
    }
    for (const pkg of [...graph.packages, ...INDIRECT_PACKAGES].sort()) {
      const path = [join(root, 'node_modules', pkg, 'package.json'), join(root, 'node_modules', 'gray-matter', 'node_modules', pkg, 'package.json')].find(existsSync);
      const version = path ? (JSON.parse(await readFile(path, 'utf8')) as { version?: string }).version : 'none';
      h.update(`${pkg}@${version}\n`);
    }
    return h.digest('hex');
  })();
  if (root === ROOT) sourceHash = run;
  return run;
}

export const lexiconHash = (lexicon: string[]) => createHash('sha256').update(lexicon.join('\n')).digest('hex');

interface Entry {
  v: number;
  key: string;
  articles: SegmentedArticle[];
  report: FileReport;
  corrections?: CorrectionsReport;
}

export interface CacheOpenOptions {
  /** The cache folder. */
  dir: string;
  lexicon: string[];
  /** Override the segmenter hash (tests). */
  segmenter?: string;
}

export class SegmentCache {
  private readonly used = new Set<string>();
  hits = 0;
  misses = 0;

  private constructor(
    readonly dir: string,
    /** Hash of the segmenter and the lexicon: part of every key. */
    readonly salt: string,
  ) {}

  static async open(opts: CacheOpenOptions): Promise<SegmentCache> {
    const segmenter = opts.segmenter ?? (await segmenterHash());
    const salt = createHash('sha256').update(`${segmenter}\n${lexiconHash(opts.lexicon)}`).digest('hex');
    await mkdir(opts.dir, { recursive: true });
    return new SegmentCache(resolve(opts.dir), salt);
  }

  /**
   * `issue`: the file's manifest facts, written into its articles (a manifest edit re-segments the files it names);
   * `corrections`: the text of its correction file (editing one re-segments its file alone).
   */
  keyFor(name: string, key: string, bytes: Uint8Array, issue: IssueFacts = {}, corrections?: string): string {
    return createHash('sha256').update(`${this.salt}\0${name}\0${key}\0${JSON.stringify(issue)}\0${JSON.stringify(corrections ?? null)}\0`).update(bytes).digest('hex');
  }

  private path(k: string): string {
    return join(this.dir, k.slice(0, 2), `${k.slice(2)}.json`);
  }

  async get(k: string): Promise<SegmentedFile | undefined> {
    this.used.add(k);
    try {
      const e = JSON.parse(await readFile(this.path(k), 'utf8')) as Entry;
      if (e.v !== FORMAT || e.key !== k || !Array.isArray(e.articles) || !e.report) throw new Error('stale entry');
      this.hits++;
      return { articles: e.articles, report: e.report, ...(e.corrections ? { corrections: e.corrections } : {}) };
    } catch {
      this.misses++;
      return undefined;
    }
  }

  async put(k: string, value: SegmentedFile): Promise<void> {
    this.used.add(k);
    const path = this.path(k);
    // serialised now: the caller goes on to amend the report it was handed
    const json = JSON.stringify({ v: FORMAT, key: k, articles: value.articles, report: value.report, corrections: value.corrections } satisfies Entry);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, json);
    await rename(tmp, path);
  }

  /** Delete every entry this run neither read nor wrote; resolves to the number deleted. */
  async prune(): Promise<number> {
    let n = 0;
    for (const sub of await readdir(this.dir).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{2}$/u.test(sub)) continue;
      for (const f of await readdir(join(this.dir, sub)).catch(() => [] as string[])) {
        const k = sub + f.replace(/\.json$/u, '');
        if (f.endsWith('.json') && this.used.has(k)) continue;
        await rm(join(this.dir, sub, f), { force: true });
        n++;
      }
    }
    return n;
  }
}

/** Whether the cache folder holds any entry (a cold cache: every file will be segmented). */
export async function hasEntries(dir: string): Promise<boolean> {
  for (const sub of await readdir(dir).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/u.test(sub)) continue;
    if ((await readdir(join(dir, sub)).catch(() => [] as string[])).some((f) => f.endsWith('.json'))) return true;
  }
  return false;
}

/** The cache folder for an input folder: `.cache/segment/<hash of its path>/` under the project. */
export const defaultCacheDir = (input: string, root = ROOT): Promise<string> => stateFolder('segment', input, root);
