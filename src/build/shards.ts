/**
 * A sharded search index for archives too large for one Pagefind index (Pagefind's memory grows
 * by about a third of a megabyte per page): the records the render listed in
 * `<site>/search/records.json` (kept per source file, src/build/records-store.ts) are cut into
 * shards of about `pagesPerShard` articles, whole source files to a shard, and Pagefind indexes
 * one shard at a time, each with its own index and service process, into `/pagefind/shard-NN/`.
 * Memory is bounded by the shard, not the archive; only the records of the shards indexed are
 * read.
 *
 * Written next to the bundles:
 *  - `/pagefind/shards.json`: the shards, their bundle paths, page counts, first and last source
 *    file and a hash of their records;
 *  - `/search/config.json` (SearchConfig), listing every bundle: the search page loads the first
 *    and merges the others into it (`pagefind.mergeIndex(url)`);
 *  - in `/search/index.html`, the preload links of the first bundle's files
 *    (src/build/search-preload.ts).
 *
 * Shard boundaries depend only on the files around them (content-defined: a cut falls before a
 * file whose name hashes to 0 modulo a stride, within size bounds), so one changed file moves at
 * most its own shard's boundaries. A shard whose records hash the same as in the site already in
 * `outDir` (a copy of the previous build) is kept as it is, not indexed again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, statfs, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import site_ from '../../_data/site.ts';
import { RECORDS_PATH, type SearchRecord } from '../search/records.ts';
import { readRecordsList, removeRecords, storedRecords, type StoredFile } from './records-store.ts';
import { ENCODING_VERSION, HEADLINE_SPAN, SEARCH_CONFIG_PATH } from '../search/text.ts';
import { firstBundleFiles, writeSearchPreloads } from './search-preload.ts';

export const SHARDS_PATH = 'pagefind/shards.json';

/**
 * Articles per Pagefind shard, the default of every build: indexing takes about 0.4 MB of memory
 * per article of a shard, and a reader's first search loads one shard's metadata (about 7 bytes
 * per article).
 */
export const PAGES_PER_SHARD = 6000;

/** Shards indexed at once by default: two Pagefind services (one on a single core). */
export const defaultPagefindProcs = () => Math.min(2, availableParallelism());

/** What /search/config.json tells the search page. */
export interface SearchConfig {
  version: number;
  /** Pagefind bundle URLs; the first is loaded, the others merged into it (mergeIndex). */
  bundles: string[];
  /** Word positions reserved for the headline region of every record. */
  headlineSpan: number;
  /** Root URLs of other Baoku sites whose bundles the search page merges too. */
  sites?: string[];
  /**
   * Pagefind's `metaCacheTag` for the first bundle: the query its entry file is fetched with,
   * the address the search page's head preloads (src/build/search-preload.ts).
   */
  metaCacheTag?: string;
}

export interface ShardInfo {
  /** Site path of the Pagefind bundle, e.g. `/pagefind/shard-03/`. */
  bundle: string;
  pages: number;
  /** First and last source file of the shard. */
  files: [string, string];
  /** Hash of the shard's records (and the Pagefind version): equal hash, equal bundle. */
  hash: string;
}

export interface ShardsFile {
  version: 1;
  pagesPerShard: number;
  language: string;
  shards: ShardInfo[];
}

export interface IndexShardsOptions {
  /** Target articles per shard (default PAGES_PER_SHARD); a shard holds whole source files. */
  pagesPerShard?: number;
  /** Or: about this many shards (the target is the articles divided by it). */
  shards?: number;
  /**
   * Shards indexed at once, each by a Pagefind service process of its own (default
   * defaultPagefindProcs(); 1: one after the other). Their records are added in parallel; their files are written one shard at a time
   * unless `parallelWrites`. Peak memory: about pagesPerShard × (0.34 + (concurrency − 1) × 0.08) MB.
   */
  concurrency?: number;
  /** Let the shards of several lanes write their files at the same time (peak memory adds up). */
  parallelWrites?: boolean;
  /** Called after each shard: shards done, shards in all, pages indexed so far, pages in all. */
  onShard?: (done: number, total: number, pages: number, totalPages: number, reused: boolean) => void;
}

export interface IndexShardsResult {
  pages: number;
  shards: number;
  /** Shards kept from the site already in outDir (same records). */
  reused: number;
}

// ---------------------------------------------------------------------------------------------
// Cutting shards

function fnv1a(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export interface FileCount {
  file: string;
  pages: number;
}

/**
 * Groups of consecutive files, each of about `target` pages (at least half, at most one and a half
 * times, unless one file alone is larger). A group ends before a file whose name hash is 0 modulo
 * a stride chosen so that groups average `target`: the cut points are properties of the files, so
 * an edit inside one file shifts no boundary elsewhere.
 */
export function cutShards(files: FileCount[], target: number): FileCount[][] {
  if (files.length === 0) return [];
  const total = files.reduce((n, f) => n + f.pages, 0);
  const perFile = Math.max(total / files.length, 1e-9);
  // after the minimum, a cut is expected every `stride` files: about target / 2 more pages
  const stride = Math.max(1, Math.round(target / 2 / perFile));
  const min = Math.floor(target / 2);
  const max = Math.ceil(target * 1.5);
  const out: FileCount[][] = [];
  let cur: FileCount[] = [];
  let pages = 0;
  for (const f of files) {
    const cut = cur.length > 0 && ((pages >= min && fnv1a(f.file) % stride === 0) || pages + f.pages > max);
    if (cut) {
      out.push(cur);
      cur = [];
      pages = 0;
    }
    cur.push(f);
    pages += f.pages;
  }
  if (cur.length) out.push(cur);
  return out;
}

type Pagefind = typeof pagefind;

/** Records sent to a Pagefind service before waiting for the first answer (it adds them one by one). */
const IN_FLIGHT = 32;

/**
 * The Pagefind Node API keeps one service process per module instance: lane 0 uses this module's
 * import, every other lane an instance of its own (the same module under another URL), so that
 * each lane has a service process of its own and lanes add records in parallel.
 */
const lanes = new Map<number, Promise<Pagefind>>();
function pagefindOf(lane: number): Promise<Pagefind> {
  if (lane === 0) return Promise.resolve(pagefind);
  let p = lanes.get(lane);
  if (!p) {
    p = import(`${import.meta.resolve('pagefind')}?lane=${lane}`) as Promise<Pagefind>;
    lanes.set(lane, p);
  }
  return p;
}

/** A lock: one holder at a time, in the order asked. */
function gate(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * One Pagefind index of `records` (in this order) written to `outputPath`, by the service of
 * `pf` (default: this module's). `write` wraps the writeFiles call (indexShards: one writer at a time).
 */
export async function indexOne(
  records: Iterable<SearchRecord> | AsyncIterable<SearchRecord>,
  language: string,
  outputPath: string,
  pf: Pagefind = pagefind,
  write: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn(),
): Promise<void> {
  const { index, errors } = await pf.createIndex({});
  if (!index || errors.length) throw new Error(errors.join('; ') || 'no index returned');
  // a window of IN_FLIGHT records sent ahead: the service never waits for the next message, and
  // it indexes them in the order sent (page numbers, and so the files, follow that order)
  const it = Symbol.asyncIterator in records ? records[Symbol.asyncIterator]() : records[Symbol.iterator]();
  let failed: string | null = null;
  const sender = async () => {
    for (let r = await it.next(); !r.done && failed === null; r = await it.next()) {
      const added = await index.addCustomRecord({ ...r.value, language });
      if (added.errors.length) failed ??= added.errors.join('; ');
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
  if (failed !== null) throw new Error(failed);
  const written = await write(() => index.writeFiles({ outputPath }));
  if (written.errors.length) throw new Error(written.errors.join('; '));
}

/** Free space below this on the index's disk after its service stopped: the disk was full. */
const NEARLY_FULL = 1 << 20;

/**
 * `work`, or an error if the process would exit before it settles. A Pagefind service that
 * stops (it panics on a full disk; the kernel may kill it for memory) leaves its answers pending
 * for ever — the pagefind package does not watch its process —, and Node would end the build
 * with exit code 13 and not a word. When the disk under `writing` is then (nearly) full, the
 * error is ENOSPC for that folder, so that the build says `no space left on device`.
 */
async function unlessStalled<T>(work: Promise<T>, writing: string): Promise<T> {
  let onEmpty = () => {};
  const stalled = new Promise<never>((_resolve, reject) => {
    onEmpty = () => {
      process.off('beforeExit', onEmpty);
      void statfs(writing)
        .catch(() => statfs(dirname(writing)))
        .then((s) => s.bavail * s.bsize < NEARLY_FULL)
        .catch(() => false)
        .then((full) =>
          reject(full ? Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', path: writing }) : new Error('the Pagefind service stopped without an answer (its own message is above)')),
        );
    };
  });
  // emitted when nothing is left to run: only a service that will never answer is awaited
  process.on('beforeExit', onEmpty);
  try {
    return await Promise.race([work, stalled]);
  } finally {
    process.off('beforeExit', onEmpty);
  }
}

const bundleName = (i: number, n: number) => `shard-${String(i).padStart(Math.max(2, String(n - 1).length), '0')}`;

async function pagefindVersion(): Promise<string> {
  try {
    const pkg = resolve(import.meta.dirname, '..', '..', 'node_modules', 'pagefind', 'package.json');
    return (JSON.parse(await readFile(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * Index the site in `outDir` into Pagefind shards (see the top of this file). Records of one
 * source file stay together and in order. Resolves to the pages indexed, the shards and how many
 * of them were kept from the previous build in `outDir`.
 */
export async function indexShards(outDir: string, opts: IndexShardsOptions = {}): Promise<IndexShardsResult> {
  const site = resolve(outDir);
  if (!existsSync(join(site, RECORDS_PATH))) {
    throw new Error(`indexShards: ${join(site, RECORDS_PATH)} is missing; it is written by the site render (and removed once indexed)`);
  }
  const list = await readRecordsList(site);
  const { language } = list;
  let target = Math.max(1, Math.floor(opts.pagesPerShard ?? PAGES_PER_SHARD));
  if (opts.shards) {
    const n = list.files.reduce((k, f) => k + f.records, 0);
    target = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(opts.shards))));
  }

  const byFile = new Map(list.files.map((f) => [f.file, f]));
  const { groups, shards } = await planShards(byFile, language, target);

  // what the site in outDir already holds (a copy of the previous build)
  const pfDir = join(site, 'pagefind');
  let previous: ShardsFile | null = null;
  try {
    previous = JSON.parse(await readFile(join(site, SHARDS_PATH), 'utf8')) as ShardsFile;
  } catch {
    previous = null;
  }
  const keep = new Set<string>();
  if (previous?.version === 1 && previous.language === language) {
    const old = new Map(previous.shards.map((s) => [s.bundle, s.hash]));
    for (const s of shards) if (old.get(s.bundle) === s.hash && existsSync(join(site, s.bundle, 'pagefind-entry.json'))) keep.add(s.bundle);
  }
  // everything else in /pagefind/ goes: stale shards, an unsharded index
  for (const entry of await readdir(pfDir).catch(() => [] as string[])) {
    if (!keep.has(`/pagefind/${entry}/`)) await rm(join(pfDir, entry), { recursive: true, force: true });
  }

  const totalPages = shards.reduce((n, s) => n + s.pages, 0);
  let done = 0;
  let finished = 0;
  const report = (i: number) => {
    done += shards[i].pages;
    opts.onShard?.(++finished, shards.length, done, totalPages, keep.has(shards[i].bundle));
  };
  const concurrency = Math.max(1, Math.min(Math.floor(opts.concurrency ?? defaultPagefindProcs()), shards.length - keep.size));
  const writeGate = opts.parallelWrites ? <T>(fn: () => Promise<T>) => fn() : gate();
  const used: Pagefind[] = [];
  try {
    // `concurrency` lanes take the shards in order, each with a Pagefind service of its own
    let next = 0;
    const lane = async (n: number) => {
      while (next < shards.length) {
        const i = next++;
        if (!keep.has(shards[i].bundle)) {
          const pf = await pagefindOf(n);
          used.push(pf);
          await indexOne(
            storedRecords(
              list,
              groups[i].map((f) => byFile.get(f.file)!),
            ),
            language,
            join(site, shards[i].bundle),
            pf,
            writeGate,
          );
          // a fresh Pagefind process for the lane's next shard: its memory is given back
          await pf.close();
        }
        report(i);
      }
    };
    await unlessStalled(Promise.all(Array.from({ length: Math.max(1, concurrency) }, (_, n) => lane(n))), pfDir);
  } catch (e) {
    throw new Error(`indexShards: Pagefind could not index ${site}: ${(e as Error).message}`, { cause: e });
  } finally {
    await unlessStalled(
      (async () => {
        for (const pf of new Set([pagefind, ...used])) await pf.close();
      })(),
      pfDir,
    ).catch(() => undefined);
  }

  await writeShardList(site, { version: 1, pagesPerShard: target, language, shards });
  await removeRecords(site, list);
  return { pages: totalPages, shards: shards.length, reused: keep.size };
}

/**
 * The shards of `byFile`'s records (cutShards()), each with its bundle path and the hash of its
 * records (made of the hashes of its files' records, src/build/records-store.ts): the same records
 * and target give the same shards, in any process (the merge checks a part's shards against the
 * merged site's records with it, src/build/merge-build.ts).
 */
export async function planShards(byFile: ReadonlyMap<string, Pick<StoredFile, 'records' | 'hash'>>, language: string, target: number): Promise<{ groups: FileCount[][]; shards: ShardInfo[] }> {
  const groups = cutShards([...byFile].map(([file, f]) => ({ file, pages: f.records })), target);
  const version = await pagefindVersion();
  const shards: ShardInfo[] = groups.map((g, i) => {
    const h = createHash('sha256').update(`pagefind ${version}\0${language}\0`);
    for (const f of g) h.update(byFile.get(f.file)!.hash).update('\0');
    return {
      bundle: `/pagefind/${bundleName(i, groups.length)}/`,
      pages: g.reduce((n, f) => n + f.pages, 0),
      files: [g[0].file, g[g.length - 1].file],
      hash: h.digest('hex'),
    };
  });
  return { groups, shards };
}

/**
 * `/pagefind/shards.json` and `/search/config.json` of a site whose shards are `file.shards`: the
 * search page loads the first bundle and merges the others in (assets/search/bundles.js).
 */
export async function writeShardList(site: string, file: ShardsFile): Promise<void> {
  // the search page asks for the first bundle's files in its head (Pagefind reads the page's
  // <html lang>, as the search page does)
  const first = file.shards.length ? await firstBundleFiles(site, file.shards[0].bundle, site_.lang.toLowerCase()) : null;
  await writeSearchPreloads(site, first);
  // other Baoku sites searched with this one: their own config names their bundles (assets/search.js)
  const config: SearchConfig = {
    version: ENCODING_VERSION,
    bundles: file.shards.map((s) => s.bundle),
    headlineSpan: HEADLINE_SPAN,
    ...(site_.searchAlso.length ? { sites: site_.searchAlso } : {}),
    ...(first ? { metaCacheTag: first.metaCacheTag } : {}),
  };
  // unlinked first: in a site assembled from hard links these may be shared with the previous one
  for (const [path, text] of [
    [SHARDS_PATH, `${JSON.stringify(file, null, 1)}\n`],
    [SEARCH_CONFIG_PATH, `${JSON.stringify(config)}\n`],
  ] as const) {
    await rm(join(site, path), { force: true });
    await mkdir(dirname(join(site, path)), { recursive: true });
    await writeFile(join(site, path), text);
  }
}
