/**
 * A sharded search index for archives too large for one Pagefind index (Pagefind's memory grows
 * by about a third of a megabyte per page): the records the Eleventy build left in
 * `<site>/search/records.json` are cut into shards of about `pagesPerShard` articles, whole
 * source files to a shard, and Pagefind indexes one shard at a time, each with its own index and
 * service process, into `/pagefind/shard-NN/`. Memory is bounded by the shard, not the archive.
 *
 * Written next to the bundles:
 *  - `/pagefind/shards.json`: the shards, their bundle paths, page counts, first and last source
 *    file and a hash of their records;
 *  - `/search/config.json` (as indexSite() writes it), listing every bundle: the search page loads
 *    the first and merges the others into it (`pagefind.mergeIndex(url)`).
 *
 * Shard boundaries depend only on the files around them (content-defined: a cut falls before a
 * file whose name hashes to 0 modulo a stride, within size bounds), so one changed file moves at
 * most its own shard's boundaries. A shard whose records hash the same as in the site already in
 * `outDir` (a copy of the previous build) is kept as it is, not indexed again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import site_ from '../../_data/site.ts';
import { RECORDS_PATH, type SearchRecord } from '../search/records.ts';
import { ENCODING_VERSION, HEADLINE_SPAN, SEARCH_CONFIG_PATH } from '../search/text.ts';

export const SHARDS_PATH = 'pagefind/shards.json';

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
  /** Target articles per shard (default 10,000); a shard holds whole source files. */
  pagesPerShard?: number;
  /** Or: about this many shards (the target is the articles divided by it). */
  shards?: number;
  /**
   * Shards indexed at once, each by a Pagefind process of its own started from a child process
   * (default 1: one after the other, in this process). Peak memory grows with it: about
   * concurrency × pagesPerShard × 0.34 MB.
   */
  concurrency?: number;
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
// Reading the records without one giant string: records.json of 100,000 articles is close to a
// gigabyte, beyond what one JavaScript string may hold. The bytes are scanned for the objects of
// the "records" array, each parsed on its own.

interface RawRecord {
  /** The record's JSON bytes, as written. */
  bytes: Buffer;
  record: SearchRecord;
}

/** The `language` and the records of a records.json buffer, record by record. */
export function parseRecords(buf: Buffer): { language: string; records: () => Generator<RawRecord> } {
  const key = buf.indexOf('"records"');
  if (key < 0) throw new Error('no "records" in the records file');
  const head = buf.subarray(0, Math.min(key, 4096)).toString('utf8');
  const lang = /"language"\s*:\s*"([^"]*)"/u.exec(head) ?? /"language"\s*:\s*"([^"]*)"/u.exec(buf.subarray(buf.lastIndexOf('"language"')).toString('utf8').slice(0, 200));
  const language = lang ? lang[1] : 'zh';
  const open = buf.indexOf(0x5b /* [ */, key);
  if (open < 0) throw new Error('the records file has no records array');
  function* records(): Generator<RawRecord> {
    let depth = 0;
    let start = -1;
    let inString = false;
    for (let i = open + 1; i < buf.length; i++) {
      const c = buf[i];
      if (inString) {
        if (c === 0x5c /* \ */) i++;
        else if (c === 0x22 /* " */) inString = false;
        continue;
      }
      if (c === 0x22) inString = true;
      else if (c === 0x7b /* { */) {
        if (depth === 0) start = i;
        depth++;
      } else if (c === 0x7d /* } */) {
        depth--;
        if (depth === 0) {
          const bytes = buf.subarray(start, i + 1);
          yield { bytes, record: JSON.parse(bytes.toString('utf8')) as SearchRecord };
        }
      } else if (c === 0x5d /* ] */ && depth === 0) return;
    }
    throw new Error('the records file ends inside the records array');
  }
  return { language, records };
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

/** One Pagefind index of `records` written to `outputPath` (this process's Pagefind service). */
export async function indexOne(records: SearchRecord[], language: string, outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length) throw new Error(errors.join('; ') || 'no index returned');
  for (let k = 0; k < records.length; k += 64) {
    const added = await Promise.all(records.slice(k, k + 64).map((r) => index.addCustomRecord({ ...r, language })));
    const failed = added.flatMap((a) => a.errors);
    if (failed.length) throw new Error(failed.join('; '));
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(written.errors.join('; '));
}

/** indexOne() in a child process (src/site/shard-child.ts): the records handed over in a file. */
async function indexInChild(records: RawRecord[], language: string, outputPath: string): Promise<void> {
  const job = `${outputPath.replace(/[\\/]+$/u, '')}.records.json`;
  await mkdir(dirname(job), { recursive: true });
  await writeFile(job, Buffer.concat([Buffer.from(`{"language":${JSON.stringify(language)},"records":[`), ...records.flatMap((r, i) => (i ? [Buffer.from(','), r.bytes] : [r.bytes])), Buffer.from(']}')]));
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('./shard-child.ts', import.meta.url)), job, outputPath], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`the Pagefind process for ${outputPath} failed (exit ${code})`))));
    });
  } finally {
    await rm(job, { force: true });
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
  const recordsPath = join(site, RECORDS_PATH);
  if (!existsSync(recordsPath)) {
    throw new Error(`indexShards: ${recordsPath} is missing; it is written by renderSite (and removed once indexed)`);
  }
  const { language, records } = parseRecords(await readFile(recordsPath));
  let target = Math.max(1, Math.floor(opts.pagesPerShard ?? 10_000));
  if (opts.shards) {
    let n = 0;
    for (const _ of records()) n++;
    target = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(opts.shards))));
  }

  // records by source file, files in archive order
  const byFile = new Map<string, RawRecord[]>();
  for (const r of records()) {
    const file = r.record.filters?.file?.[0] ?? '';
    const list = byFile.get(file);
    if (list) list.push(r);
    else byFile.set(file, [r]);
  }
  const groups = cutShards([...byFile].map(([file, list]) => ({ file, pages: list.length })), target);
  const version = await pagefindVersion();
  const shards: ShardInfo[] = groups.map((g, i) => {
    const h = createHash('sha256').update(`pagefind ${version}\0${language}\0`);
    for (const f of g) for (const r of byFile.get(f.file)!) h.update(r.bytes).update('\0');
    return {
      bundle: `/pagefind/${bundleName(i, groups.length)}/`,
      pages: g.reduce((n, f) => n + f.pages, 0),
      files: [g[0].file, g[g.length - 1].file],
      hash: h.digest('hex'),
    };
  });

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
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
  try {
    if (concurrency === 1) {
      for (let i = 0; i < shards.length; i++) {
        if (!keep.has(shards[i].bundle)) {
          await indexOne(groups[i].flatMap((f) => byFile.get(f.file)!).map((r) => r.record), language, join(site, shards[i].bundle));
          // a fresh Pagefind process for the next shard: its memory is given back
          await pagefind.close();
        }
        report(i);
      }
    } else {
      // a child process per shard (one Pagefind service each), `concurrency` at a time
      let next = 0;
      const lane = async () => {
        while (next < shards.length) {
          const i = next++;
          if (!keep.has(shards[i].bundle)) {
            const list = groups[i].flatMap((f) => byFile.get(f.file)!);
            await indexInChild(list, language, join(site, shards[i].bundle));
          }
          report(i);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, shards.length) }, lane));
    }
  } catch (e) {
    throw new Error(`indexShards: Pagefind could not index ${site}: ${(e as Error).message}`, { cause: e });
  } finally {
    await pagefind.close();
  }

  const file: ShardsFile = { version: 1, pagesPerShard: target, language, shards };
  // other Baoku sites searched with this one: their own config names their bundles (assets/search.js)
  const config = { version: ENCODING_VERSION, bundles: shards.map((s) => s.bundle), headlineSpan: HEADLINE_SPAN, ...(site_.searchAlso.length ? { sites: site_.searchAlso } : {}) };
  // unlinked first: in a site assembled from hard links these may be shared with the previous one
  for (const [path, text] of [
    [SHARDS_PATH, `${JSON.stringify(file, null, 1)}\n`],
    [SEARCH_CONFIG_PATH, `${JSON.stringify(config)}\n`],
  ] as const) {
    await rm(join(site, path), { force: true });
    await writeFile(join(site, path), text);
  }
  await rm(recordsPath);
  return { pages: totalPages, shards: shards.length, reused: keep.size };
}
