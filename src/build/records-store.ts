/**
 * The search records of a build, kept per source file between builds (issue #18).
 *
 * A record shows its article and its file only (src/search/records.ts), so the records of one
 * source file are a function of what `recordParts()` takes from that file's articles. The store
 * keeps each file's records as one blob named by a key of those parts (and of the site's source,
 * which holds the code that encodes them): a rebuild encodes only the files whose articles
 * changed, and reads back no blob at all for a shard it does not index again. Before, every
 * build encoded every record into one records file and the index stage read all of it back to
 * find the shard that changed: at 10,000 raw files 680 MB, 28 s to write and 70 s to read.
 *
 * What the index stage reads is the list at RECORDS_PATH (RecordsList): for each source file in
 * the archive's order, its blob's key, the number of its records and a hash of the blob's bytes
 * (the shards' hashes are made of these: src/build/shards.ts planShards()). A store made for one
 * build only (`transient`, in the site folder: renderSite(), which keeps no state) goes with the
 * list once indexed.
 *
 * The store's own `index.json` maps each key to its blob's hash and record count, so that a
 * rebuild opens no blob of a file that did not change. Blobs no longer listed are removed at the
 * end of each write: the store holds one build's records.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { RECORDS_PATH, recordOf, recordParts, type SearchRecord } from '../search/records.ts';
import type { SiteArticle } from '../site/entities.ts';
import { writeWhole } from '../util/write-whole.ts';

export const RECORDS_LIST_VERSION = 2;

/** One source file's records in the store. */
export interface StoredFile {
  file: string;
  /** Name of its blob in the store (`<key>.json`). */
  key: string;
  /** Records in the blob. */
  records: number;
  /** SHA-256 of the blob's bytes. */
  hash: string;
}

/** What the site build leaves at RECORDS_PATH for the index stage. */
export interface RecordsList {
  version: number;
  /** Pagefind language code of the records (the site's lang, lower-cased). */
  language: string;
  /** The store folder: absolute, or (a transient one) relative to the site folder, which is moved after the render. */
  store: string;
  /** True when the store was made for this build alone and goes once indexed. */
  transient: boolean;
  /** Every source file with articles, in the archive's order. */
  files: StoredFile[];
}

const INDEX = 'index.json';
/** A transient store, in the site folder. */
const TRANSIENT_STORE = 'search/records.d';
type StoreIndex = Record<string, { hash: string; records: number }>;

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** The archive's articles by source file, files in the order of their first article, each file's articles in order. */
function byFile(articles: readonly SiteArticle[]): Map<string, SiteArticle[]> {
  const out = new Map<string, SiteArticle[]>();
  for (const a of articles) {
    const list = out.get(a.source.file);
    if (list) list.push(a);
    else out.set(a.source.file, [a]);
  }
  return out;
}

async function readIndex(store: string): Promise<StoreIndex> {
  try {
    const parsed = JSON.parse(await readFile(join(store, INDEX), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as StoreIndex) : {};
  } catch {
    return {};
  }
}

export interface WriteRecordsOptions {
  /** The store folder kept between builds; none: a transient one in the site folder. */
  store?: string;
  /** What else the records depend on: the site's source (siteSourceHash()). */
  salt: string;
  language: string;
}

/**
 * The records of `articles` into the store, and their list at `<siteDir>/RECORDS_PATH`. A file
 * whose key the store already holds is not encoded again. Resolves to the list and to how many
 * files were encoded.
 */
export async function writeRecords(articles: readonly SiteArticle[], siteDir: string, o: WriteRecordsOptions): Promise<{ list: RecordsList; encoded: number }> {
  const transient = o.store === undefined;
  const store = o.store ?? join(siteDir, TRANSIENT_STORE);
  await mkdir(store, { recursive: true });
  const before = transient ? {} : await readIndex(store);
  const index: StoreIndex = {};
  const files: StoredFile[] = [];
  let encoded = 0;
  for (const [file, list] of byFile(articles)) {
    const parts = list.map(recordParts);
    const key = sha(`${o.salt}\0${o.language}\0${JSON.stringify(parts)}`).slice(0, 40);
    let known = before[key];
    if (!known || !existsSync(join(store, `${key}.json`))) {
      const blob = JSON.stringify(parts.map(recordOf));
      await writeWhole(join(store, `${key}.json`), blob);
      known = { hash: sha(blob), records: parts.length };
      encoded++;
    }
    index[key] = known;
    files.push({ file, key, records: known.records, hash: known.hash });
  }
  if (!transient) {
    await writeWhole(join(store, INDEX), JSON.stringify(index));
    // the blobs of files that changed or went away
    for (const name of await readdir(store)) {
      if (name !== INDEX && !(name.endsWith('.json') && index[name.slice(0, -'.json'.length)])) await rm(join(store, name), { force: true });
    }
  }
  const recordsList: RecordsList = { version: RECORDS_LIST_VERSION, language: o.language, store: transient ? TRANSIENT_STORE : store, transient, files };
  const path = join(siteDir, RECORDS_PATH);
  await mkdir(dirname(path), { recursive: true });
  // unlinked first: in a site assembled from hard links it may be the previous site's file
  await rm(path, { force: true });
  await writeFile(path, JSON.stringify(recordsList));
  return { list: { ...recordsList, store }, encoded };
}

/** The list the site build left in `siteDir`; an error naming the file when it is missing or of another version. */
export async function readRecordsList(siteDir: string): Promise<RecordsList> {
  const path = join(siteDir, RECORDS_PATH);
  const list = JSON.parse(await readFile(path, 'utf8')) as RecordsList;
  if (list?.version !== RECORDS_LIST_VERSION || !Array.isArray(list.files)) throw new Error(`${path} is not a records list of this version of Baoku (render the site again)`);
  return { ...list, store: isAbsolute(list.store) ? list.store : join(siteDir, list.store) };
}

/** The records of `files`, a blob at a time, in order. */
export async function* storedRecords(list: RecordsList, files: readonly StoredFile[]): AsyncGenerator<SearchRecord> {
  for (const f of files) {
    const bytes = await readFile(join(list.store, `${f.key}.json`));
    if (sha(bytes) !== f.hash) throw new Error(`the search records of ${f.file} in ${list.store} changed since they were listed`);
    yield* JSON.parse(bytes.toString('utf8')) as SearchRecord[];
  }
}

/** The list, and the store too when it was made for this build alone. */
export async function removeRecords(siteDir: string, list: RecordsList): Promise<void> {
  await rm(join(siteDir, RECORDS_PATH), { force: true });
  if (list.transient) await rm(list.store, { recursive: true, force: true });
}
