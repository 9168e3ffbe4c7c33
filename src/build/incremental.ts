/**
 * Incremental site builds: re-render only the pages a change affects.
 *
 * Every page of a paginated template is the view of one item of the archive (an article, a
 * file, a file page, a raw file, a keyword, a person, a publication), identified by its URL. For
 * each item a signature hashes everything its page shows: the item's own data and what it lists
 * or links to (titles, counts, names, neighbours, related articles). A manifest kept next to the
 * site records the signatures, the files each item's page wrote, and a hash of the site's own
 * source (templates, views, assets, config, package versions, BAOKU_SITE_URL, BAOKU_EDIT_URL), and which folder it
 * describes: the identity of the folder the site was assembled in (siteIdentity()), which the
 * rename that publishes the site keeps. A manifest is used only for the site folder it names, so
 * the one rename that swaps the site in also makes its manifest the current one: a build killed
 * at any moment leaves a site and a manifest that belong together (issue #14: killed between the
 * swap and the manifest's commit, later builds kept the old manifest for the new site and left
 * 323 stale pages).
 *
 * An incremental build then:
 *  1. loads the archive once (Eleventy is handed the loaded archive);
 *  2. compares signatures with the manifest: changed or new items are rendered, the rest not
 *     (a changed site source or a missing manifest means a full render);
 *  3. copies the previous site as hard links into a sibling folder, removes the pages of items
 *     that changed or went away, renders the changed items and every non-paginated page (home,
 *     lists, feed, sitemap, search records) into a fresh folder and moves them in by rename, so
 *     the previous site's files are never written through a shared link;
 *  4. leaves the folder for the caller to index (indexShards() keeps the shards whose records did
 *     not change) and to swap in.
 *
 * A full build goes the same way with every item to render. Many items are rendered by child
 * processes, one per core (src/build/render-child.ts), each in batches of a few thousand items
 * per Eleventy run so that memory follows the batch, while this process renders the site-wide
 * pages; the search records file is written record by record (writeSearchRecords), not as one
 * string. renderSite() (src/build/site-build.ts) is this with no manifest: everything rendered.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, type SiteOptions } from '../../.eleventy.ts';
import site from '../../_data/site.ts';
import { RECORDS_PATH } from '../search/records.ts';
import { loadArchive } from '../site/archive.ts';
import { relatedState, type RelatedState } from '../site/related.ts';
import { readRelatedState } from './related-state.ts';
import type { Archive, FileGroup, Issue, PageGroup, SiteArticle } from '../site/entities.ts';
import { linkCopy } from './kept-folder.ts';
import { writeRecords } from './records-store.ts';
import { renderWith } from './render.ts';
import { removeHalfWritten, writeWhole } from '../util/write-whole.ts';

const MANIFEST_VERSION = 2;

export interface SiteManifest {
  version: number;
  /** The site folder it describes (siteIdentity()): a manifest is used only for that folder. */
  site: string;
  /** Hash of the site's source: templates, views, assets, config, package versions, site URL. */
  source: string;
  /** Item URL → signature. */
  items: Record<string, string>;
  /** Item URL → files its page(s) wrote, relative to the site folder. */
  outputs: Record<string, string[]>;
}

// ---------------------------------------------------------------------------------------------
// Signatures

const sha = (s: string) => createHash('sha1').update(s).digest('base64url');

/** Everything the site shows of one article wherever it lists it. */
function summaryOf(a: SiteArticle, cache: Map<SiteArticle, string>): string {
  let s = cache.get(a);
  if (s === undefined) {
    const p = a.pageGroup?.file?.publication;
    s = sha(JSON.stringify([a.url, a.frontMatter, a.body, p?.name, p?.url, p?.known]));
    cache.set(a, s);
  }
  return s;
}

function fileHead(f: FileGroup, rawHash: string | undefined): unknown[] {
  return [f.file, f.key, f.url, f.rawUrl, f.rawPath !== null, rawHash, f.report ?? null, f.publication.name, f.publication.url, f.publication.known, f.pages.length, f.label];
}

/** Where a page stands by date (breadcrumbs, titles, the pagers of its issue and its paper). */
function pagePlace(pg: PageGroup): unknown[] {
  const i = pg.issue;
  const near = (x: { url: string; label: string } | null) => (x ? [x.url, x.label] : null);
  return [pg.url, pg.label, i ? [i.url, i.date, near(i.prev), near(i.next)] : null, near(pg.prev), near(pg.next)];
}

/** Where the list of all articles says an article is: date, paper and page (views.ts articleWhere). */
const articlePlace = (a: SiteArticle) => [a.issueDate ?? null, a.file.publication.name, a.file.publication.known, a.pageGroup.label];

/** An issue as a list shows it. */
const issueHead = (i: Issue) => [i.url, i.date, i.pages.length, i.articles.length];

/**
 * The signature of every paginated page of the site, by the URL of its item. `rawHashes` maps
 * a raw file's path to a hash of its bytes (the raw view shows them).
 */
export function itemSignatures(archive: Archive, rawHashes: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const sums = new Map<SiteArticle, string>();
  const sum = (a: SiteArticle) => summaryOf(a, sums);
  const rawHash = (f: FileGroup) => (f.rawPath ? rawHashes.get(f.rawPath) : undefined);
  for (const a of archive.articles) {
    const f = a.file;
    out.set(
      a.url,
      sha(
        JSON.stringify([
          'article',
          sum(a),
          fileHead(f, undefined),
          pagePlace(a.pageGroup),
          // a neighbour on another page is named with its page (and date)
          a.prev ? [a.prev.url, sum(a.prev), pagePlace(a.prev.pageGroup), a.prev.pageGroup.issue?.label ?? null] : null,
          a.next ? [a.next.url, sum(a.next), pagePlace(a.next.pageGroup), a.next.pageGroup.issue?.label ?? null] : null,
          a.related.map((r) => [r.article.url, sum(r.article), r.shared]),
          a.keywordNodes.map((k) => [k.name, k.url]),
          a.people.map((p) => [p.person.name, p.person.url, p.roles]),
        ]),
      ),
    );
  }
  for (const f of archive.files) {
    // a file's own data and its neighbours in the archive (the file and page views link them)
    const head = [...fileHead(f, undefined), f.prev ? [f.prev.url, f.prev.label] : null, f.next ? [f.next.url, f.next.label] : null];
    const pages = f.pages.map((pg) => [pagePlace(pg), pg.articles.map(sum)]);
    out.set(f.url, sha(JSON.stringify(['file', head, pages])));
    if (f.rawPath !== null) out.set(f.rawUrl, sha(JSON.stringify(['raw', fileHead(f, rawHash(f)), f.articles.map(sum)])));
    for (const pg of f.pages) {
      out.set(pg.url, sha(JSON.stringify(['page', head, pg.page, pagePlace(pg), pg.articles.map(sum)])));
    }
  }
  for (const l of archive.articleLists) {
    out.set(l.url, sha(JSON.stringify(['articles', l.number, l.of, l.articles.map((a) => [sum(a), articlePlace(a)]), l.prev?.url ?? null, l.next?.url ?? null])));
  }
  for (const k of archive.keywords) {
    for (const p of k.pages) out.set(p.url, sha(JSON.stringify(['keyword', k.name, k.slug, k.forms, k.articles.length, p.number, p.of, p.articles.map(sum)])));
  }
  for (const p of archive.people) {
    // every page prints the person's counts, role by role
    const counts = [p.articles.length, ...p.roles.map((r) => [r, p.byRole.get(r)!.length])];
    for (const pg of p.pages) {
      out.set(pg.url, sha(JSON.stringify(['person', p.name, p.slug, counts, pg.number, pg.of, pg.sections.map((s) => [s.role, s.articles.map(sum)])])));
    }
  }
  for (const p of archive.publications) {
    const files = p.files.map((f) => [f.url, fileHead(f, undefined), f.pages.map((pg) => pg.articles.map(sum))]);
    const years = p.years.map((y) => [y.url, y.months.map((m) => [m.url, m.issues.map(issueHead)])]);
    out.set(p.url, sha(JSON.stringify(['publication', p.name, p.slug, p.known, files, years])));
    p.years.forEach((y, k) => {
      out.set(y.url, sha(JSON.stringify(['year', p.name, years[k], p.years[k - 1]?.url ?? null, p.years[k + 1]?.url ?? null])));
    });
    const months = p.months;
    months.forEach((m, k) => {
      out.set(m.url, sha(JSON.stringify(['month', p.name, m.url, m.issues.map(issueHead), months[k - 1]?.url ?? null, months[k + 1]?.url ?? null])));
    });
    for (const i of p.issues) {
      out.set(i.url, sha(JSON.stringify(['issue', p.name, issueHead(i), i.pages.map((pg) => [pagePlace(pg), pg.edition ?? null, pg.articles.map(sum)]), i.prev?.url ?? null, i.next?.url ?? null])));
    }
  }
  return out;
}

/** Hash of the site's own source: a change to any of it means a full render. */
export async function siteSourceHash(root = ROOT): Promise<string> {
  const h = createHash('sha256');
  h.update(`manifest ${MANIFEST_VERSION}\nsite url ${process.env.BAOKU_SITE_URL ?? ''}\nsearch also ${process.env.BAOKU_SEARCH_ALSO ?? ''}\nedit url ${process.env.BAOKU_EDIT_URL ?? ''}\n`);
  const files: string[] = [];
  // src/pdf: a PDF's raw view is its text layer and its pages are drawn by it; src/corrections:
  // an article page names its correction file and shows the entry to paste into it
  for (const dir of ['content/pages', '_includes', '_data', 'src/site', 'src/search', 'src/contract', 'src/pdf', 'src/corrections', 'assets']) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const e of await readdir(abs, { withFileTypes: true, recursive: true })) {
      if (e.isFile()) files.push(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
    }
  }
  files.push(join(root, '.eleventy.ts'), join(root, 'src', 'segment', 'types.ts'));
  for (const f of files.sort()) {
    h.update(`${relative(root, f)}\n`);
    h.update(await readFile(f));
  }
  for (const pkg of ['@11ty/eleventy', 'markdown-it', 'gray-matter', 'opencc-js', 'pagefind', '@citation-js/core', '@citation-js/plugin-ris', '@citation-js/plugin-bibtex']) {
    const path = join(root, 'node_modules', pkg, 'package.json');
    const version = existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as { version?: string }).version : 'none';
    h.update(`${pkg}@${version}\n`);
  }
  return h.digest('hex');
}

async function rawHashesOf(archive: Archive): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of archive.rawFiles) {
    const bytes = await readFile(f.rawPath!).catch(() => null);
    out.set(f.rawPath!, bytes ? createHash('sha1').update(bytes).digest('base64url') : 'unreadable');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * Which item a page belongs to, from the URL Eleventy gives the page (decoded: `/authors/王斌/`):
 * the item's own URL (encoded, as the model has it), or its folder's (`/raw/k/ranges.css`).
 */
function itemOf(url: string, byPageUrl: Map<string, string>): string {
  return byPageUrl.get(url) ?? byPageUrl.get(url.replace(/[^/]*$/u, '')) ?? '';
}

/** The URL Eleventy gives the page of an item: its permalink is outputFor(item URL), decoded. */
const pageUrlOf = (itemUrl: string) => decodeURIComponent(itemUrl);

export interface IncrementalOptions {
  articlesDir: string;
  rawDir: string;
  /** The site as the previous build left it (read only). */
  siteDir: string;
  /** Where to assemble the new site (must not exist; the caller indexes and swaps it). */
  workDir: string;
  /**
   * The manifest file: read; the new site's is written next to it, see commitManifest(). None:
   * everything is rendered and no manifest written (renderSite(), src/build/site-build.ts).
   */
  manifestPath?: string;
  onPage?: () => void;
  /** A line for the build's log (a render process given more memory, …). */
  log?: (line: string) => void;
  /** Told once the plan is known: items to render, items in all. */
  onPlan?: (render: number, total: number, full: boolean) => void;
}

export interface IncrementalResult {
  /** True when everything was rendered (no usable manifest, the site's source changed). */
  full: boolean;
  /** Items re-rendered, items in all, items removed. */
  rendered: number;
  items: number;
  removed: number;
  /** Files Eleventy wrote this time. */
  pages: number;
  /** HTML pages in the new site. */
  htmlPages: number;
  archive: Archive;
}

/**
 * Which folder `dir` is: device, inode and birth time. A rename keeps them, a copy or a new
 * folder of the same name does not (the birth time tells a new folder from an old one whose
 * inode number was reused; it is 0 where the file system does not record it).
 */
export async function siteIdentity(dir: string): Promise<string | null> {
  const s = await stat(dir, { bigint: true }).catch(() => null);
  return s?.isDirectory() ? `${s.dev}:${s.ino}:${s.birthtimeNs}` : null;
}

async function readManifestFile(path: string): Promise<SiteManifest | null> {
  try {
    const m = JSON.parse(await readFile(path, 'utf8')) as SiteManifest;
    return m.version === MANIFEST_VERSION && typeof m.site === 'string' && m.items && m.outputs ? m : null;
  } catch {
    return null;
  }
}

/**
 * The manifest of the site now in `siteDir`: the committed one or the pending one (written for
 * a site that was swapped in but whose build ended before commitManifest()), whichever names
 * that folder; null when neither does.
 */
async function readManifest(path: string, siteDir: string): Promise<SiteManifest | null> {
  const id = await siteIdentity(siteDir);
  if (id === null) return null;
  for (const p of [path, pending(path)]) {
    const m = await readManifestFile(p);
    if (m?.site === id) return m;
  }
  return null;
}

/**
 * Build the site for `articlesDir` into `workDir`, re-rendering only what changed since the build
 * recorded in `manifestPath` (whose site is `siteDir`). See the top of this file.
 */
export async function renderIncremental(opts: IncrementalOptions): Promise<IncrementalResult> {
  const base: SiteOptions = { articlesDir: resolve(opts.articlesDir), rawDir: resolve(opts.rawDir) };
  // the related lists no change reaches are the previous build's (src/site/related.ts)
  const relatedPath = opts.manifestPath === undefined ? undefined : relatedStateOf(opts.manifestPath);
  const archive = await loadArchive({ ...base, relatedFrom: relatedPath ? await readRelatedState(relatedPath) : undefined });
  // the state of the lists found: kept for the next build, and handed to render processes
  let state: RelatedState | undefined;
  const related = { path: relatedPath, state: () => (state ??= relatedState(archive.articles)) };
  if (relatedPath) {
    // a state half written by a build killed meanwhile goes
    await removeHalfWritten(relatedPath);
    await writeWhole(relatedPath, JSON.stringify(related.state()));
  }
  const [source, rawHashes] = await Promise.all([siteSourceHash(), rawHashesOf(archive)]);
  const items = itemSignatures(archive, rawHashes);
  const siteDir = resolve(opts.siteDir);
  const previous = opts.manifestPath === undefined ? null : await readManifest(opts.manifestPath, siteDir);
  const workDir = resolve(opts.workDir);
  const usable = previous !== null && previous.source === source && (await stat(join(siteDir, 'index.html')).then((s) => s.isFile()).catch(() => false));

  const outputs: Record<string, string[]> = {};
  const byPageUrl = new Map([...items.keys()].map((u) => [pageUrlOf(u), u]));

  const toRender = usable ? new Set<string>() : new Set(items.keys());
  let removed: string[] = [];
  if (usable) {
    for (const [url, sig] of items) if (previous.items[url] !== sig) toRender.add(url);
    removed = Object.keys(previous.items).filter((url) => !items.has(url));
  }
  opts.onPlan?.(toRender.size, items.size, !usable);

  await rm(workDir, { recursive: true, force: true });
  if (usable) {
    // 3. the previous site as hard links; the pages of changed and removed items out of it
    await linkCopy(siteDir, workDir);
    for (const url of [...toRender, ...removed]) {
      for (const f of previous.outputs[url] ?? []) {
        await rm(join(workDir, f), { force: true });
        // the page's folder goes with its last file, as if it had never been written: rmdir
        // removes a folder only when it is empty (reading the folder to know, as before, read
        // /articles/ with its 83,000 entries for every page removed: 20 s of a 10,000-file rebuild)
        for (let d = dirname(join(workDir, f)); d.startsWith(workDir + sep); d = dirname(d)) {
          if (!(await rmdir(d).then(() => true, () => false))) break;
        }
      }
    }
  } else {
    await mkdir(workDir, { recursive: true });
  }
  const records = { store: opts.manifestPath === undefined ? undefined : recordsStoreOf(opts.manifestPath), salt: source };
  const written = await renderItems(toRender, items, archive, base, workDir, opts, records, related);
  for (const w of written) {
    const item = itemOf(w.url, byPageUrl);
    if (item) (outputs[item] ??= []).push(w.path);
  }
  if (usable) for (const [url] of items) if (!toRender.has(url) && previous.outputs[url]) outputs[url] = previous.outputs[url];
  if (opts.manifestPath !== undefined) {
    const site = await siteIdentity(workDir);
    if (site === null) throw new Error(`the site folder ${workDir} went away during the render`);
    const manifest: SiteManifest = { version: MANIFEST_VERSION, site, source, items: Object.fromEntries(items), outputs };
    await writeWhole(pending(opts.manifestPath), JSON.stringify(manifest));
  }
  // the site's HTML pages: the items' (kept or written) and the site-wide ones written now
  const isHtml = (p: string) => p.endsWith('.html');
  const htmlPages = Object.values(outputs).reduce((n, list) => n + list.filter(isHtml).length, 0) + written.filter((w) => isHtml(w.path) && !itemOf(w.url, byPageUrl)).length;
  return { full: !usable, rendered: toRender.size, items: items.size, removed: removed.length, pages: written.length, htmlPages, archive };
}

/** The templates that render site-wide pages (no pagination), relative to the project. */
async function siteWideTemplates(): Promise<string[]> {
  const dir = join(ROOT, 'content', 'pages');
  const all: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.11ty.ts')).sort()) {
    const mod = (await import(pathToFileURL(join(dir, name)).href)) as { data?: { pagination?: unknown } };
    if (!mod.data?.pagination) all.push(join('content', 'pages', name));
  }
  return all;
}

/** Where the state the related lists were found from is kept between builds (src/site/related.ts): beside the manifest. */
export const relatedStateOf = (manifestPath: string) => join(dirname(manifestPath), 'related.json');

/** Where the search records are kept between builds (src/build/records-store.ts): beside the manifest. */
export const recordsStoreOf = (manifestPath: string) => join(dirname(manifestPath), 'search-records');

/**
 * The search records of the archive (src/build/records-store.ts): kept in `store` (none: a store
 * for this build alone in the site folder), listed at RECORDS_PATH for the index stage. `salt`
 * is the site's source hash (siteSourceHash()): the code that encodes them is part of it.
 */
export async function writeSearchRecords(archive: Archive, siteDir: string, o: { store?: string; salt: string }): Promise<string> {
  await writeRecords(archive.articles, siteDir, { ...o, language: site.lang.toLowerCase() });
  return `/${RECORDS_PATH}`;
}

/**
 * Move everything in `from` into `to`, replacing namesakes by rename (never writing through a
 * file `to` may share with the previous site), then remove `from`. A folder `to` lacks moves
 * whole, in one rename.
 */
async function moveInto(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const e of await readdir(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    const dest = join(to, e.name);
    const there = await stat(dest).catch(() => null);
    if (e.isDirectory() && there?.isDirectory()) {
      await moveInto(src, dest);
      continue;
    }
    if (there) await rm(dest, { recursive: true, force: true });
    await rename(src, dest);
  }
  await rm(from, { recursive: true, force: true });
}

/**
 * Items rendered per Eleventy run in a render child: bounds a run's memory (6,000 took the build
 * of 83k articles to 6.4 GB). BAOKU_RENDER_BATCH sets another (the tests render the sample in
 * render processes with batches of a few dozen).
 */
const batchSize = () => Math.max(1, Number(process.env.BAOKU_RENDER_BATCH) || 3000);
/**
 * …and at most this many times BATCH entries listed by its pages: a keyword's page lists a
 * hundred articles, a person's all of theirs, and Eleventy holds every page of a run until it
 * ends. 3,000 keyword pages of the bench's 10,000 files took a render process to 3.3 GB, where
 * 3,000 article pages (about 12 KB of HTML each, a listed article about 1.4 KB) take 1.2 GB.
 */
const LISTED_PER_ITEM = 8;

/**
 * A render process's V8 heap limit (`--max-old-space-size`), MiB: this much for Eleventy and one
 * batch of pages…
 */
const RENDER_HEAP_FIXED_MB = 768;
/**
 * …and this much per article of the archive, for its share of the site model (what a render
 * process keeps once it has let go of the text of the articles it does not render,
 * SiteArticle.releaseText). Measured on the bench's 10,000 files (83,078 articles): the live heap
 * after a collection was 0.65 GB, 7.8 KB an article; this leaves a quarter more. Without a limit
 * V8 let each render process grow to 2.9–3.2 GB before collecting (7.0 GB in all with the main
 * process); with 1,536 MB they peaked at 1.5–1.7 GB.
 */
const RENDER_HEAP_PER_ARTICLE_KB = 10;

/**
 * The heap limit of a render process for an archive of `articles` articles, MiB
 * (BAOKU_RENDER_HEAP_MB sets another). A process that runs out of it renders its share again
 * with Node's own limit (runChild), so a low estimate costs time, never the build.
 */
export function renderHeapMb(articles: number): number {
  const set = Number(process.env.BAOKU_RENDER_HEAP_MB);
  if (Number.isFinite(set) && set > 0) return Math.round(set);
  return Math.ceil(RENDER_HEAP_FIXED_MB + (articles * RENDER_HEAP_PER_ARTICLE_KB) / 1024);
}

/** How many articles each list page of the archive lists, by URL (item pages not listed weigh 1). */
export function listedCounts(archive: Archive): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of archive.keywords) for (const p of k.pages) out.set(p.url, p.articles.length);
  for (const p of archive.people) for (const pg of p.pages) out.set(pg.url, pg.articles.length);
  for (const f of archive.files) {
    out.set(f.url, f.articles.length);
    out.set(f.rawUrl, f.articles.length);
  }
  return out;
}

/** `urls` cut into batches of at most `size` items and `size` × LISTED_PER_ITEM listed entries. */
export function batchesOf(urls: readonly string[], size: number, listed: ReadonlyMap<string, number>): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let weight = 0;
  for (const u of urls) {
    const w = Math.max(1, listed.get(u) ?? 1);
    if (cur.length && (cur.length >= size || weight + w > size * LISTED_PER_ITEM)) {
      out.push(cur);
      cur = [];
      weight = 0;
    }
    cur.push(u);
    weight += w;
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Batches dealt to `procs` render processes, each in turn to the one with the least work so far:
 * an item weighs 1, a list page one for every LISTED_PER_ITEM articles it lists (`listed`). The
 * items come in the archive's order, articles first and list pages last: cut into contiguous
 * shares, every keyword and person page went to the last process. Processes left without a batch
 * are dropped.
 */
export function dealBatches(batches: readonly string[][], procs: number, listed: ReadonlyMap<string, number>): string[][][] {
  const shares: string[][][] = Array.from({ length: procs }, () => []);
  const work = new Array<number>(procs).fill(0);
  for (const b of batches) {
    const i = work.indexOf(Math.min(...work));
    shares[i].push(b);
    work[i] += b.reduce((n, u) => n + Math.max(1, (listed.get(u) ?? 0) / LISTED_PER_ITEM), 0);
  }
  return shares.filter((s) => s.length);
}

/**
 * Render the items `render` (item URLs) and every site-wide page into `target`. Few items (a
 * batch): one Eleventy run here. More: child processes, one per core (BAOKU_RENDER_PROCS), each
 * rendering the batches dealt to it (batchesOf: BATCH items, fewer when they list many articles;
 * dealBatches), while this process renders the site-wide pages; everything lands in `target` by
 * rename. Resolves to the pages written (URL, path in target).
 */
async function renderItems(
  render: Set<string>,
  items: Map<string, string>,
  archive: Archive,
  base: SiteOptions,
  target: string,
  opts: IncrementalOptions,
  recordsOpts: { store?: string; salt: string },
  related: { path?: string; state: () => RelatedState },
): Promise<{ url: string; path: string }[]> {
  const procs = Math.max(1, Number(process.env.BAOKU_RENDER_PROCS) || availableParallelism());
  const extraUrls = [...items.keys()].filter((u) => !render.has(u)).map(pageUrlOf);
  const rel = (root: string, w: { url: string; outputPath: string }) => ({ url: w.url, path: relative(root, w.outputPath).split(sep).join('/') });
  const stage = `${target}.render`;
  await rm(stage, { recursive: true, force: true });
  // the search records are written here, kept per source file between builds
  const records = async (dir: string) => [{ url: await writeSearchRecords(archive, dir, recordsOpts), path: RECORDS_PATH }];
  const BATCH = batchSize();
  try {
    // few items (no more than a batch): one Eleventy run in this process
    if (render.size <= BATCH) {
      const w = await renderWith({ ...base, archive, only: render, extraUrls, onPage: opts.onPage }, stage);
      const out = [...w.map((x) => rel(stage, x)), ...(await records(stage))];
      await moveInto(stage, target);
      return out;
    }
    // the items in archive order, in batches, dealt to the processes
    const list = [...items.keys()].filter((u) => render.has(u));
    const skipTemplates = await siteWideTemplates();
    const listed = listedCounts(archive);
    const shares = dealBatches(batchesOf(list, BATCH, listed), procs, listed);
    const heapMb = renderHeapMb(archive.articles.length);
    // the related lists, as this process found them (the state it keeps for the next build, or
    // one written for them): a render process keeps them all
    const relatedPath = related.path ?? `${stage}.related.json`;
    if (!related.path) await writeFile(relatedPath, JSON.stringify(related.state()));
    const children = shares.map(async (batches, i) => {
      const share = batches.flat();
      const outDir = `${stage}-${i}`;
      const jobPath = `${stage}-${i}.json`;
      const resultPath = `${stage}-${i}.result.json`;
      await writeFile(jobPath, JSON.stringify({ articlesDir: base.articlesDir, rawDir: base.rawDir, relatedPath, outDir, batches, skipTemplates, resultPath }));
      if (!(await runChild(jobPath, heapMb, opts.onPage))) {
        // out of memory: the estimate was low for this archive; the share again, from scratch
        opts.log?.(`render: a render process ran out of its ${heapMb} MB heap; its ${share.length} items are rendered again with Node's own limit`);
        await rm(outDir, { recursive: true, force: true });
        if (!(await runChild(jobPath, null, opts.onPage))) throw new Error('a render process ran out of memory with Node\'s own heap limit (raise it: NODE_OPTIONS=--max-old-space-size=…)');
      }
      const w = JSON.parse(await readFile(resultPath, 'utf8')) as { url: string; outputPath: string }[];
      await rm(jobPath, { force: true });
      await rm(resultPath, { force: true });
      return { outDir, written: w.map((x) => rel(outDir, x)) };
    });
    // meanwhile, here: the site-wide pages (no items; every item in the sitemap)
    const siteWide = renderWith({ ...base, archive, only: new Set(), extraUrls: [...items.keys()].map(pageUrlOf), onPage: opts.onPage }, stage);
    const [own, ...done] = await Promise.all([siteWide, ...children]);
    const out = [...own.map((x) => rel(stage, x)), ...(await records(stage))];
    await moveInto(stage, target);
    for (const d of done) {
      // one at a time: a child's pages (60,000-odd of the bench's 10,000 files) spread into
      // push() overflowed the stack
      for (const w of d.written) out.push(w);
      await moveInto(d.outDir, target);
    }
    return out;
  } finally {
    // (retried: an Eleventy run that failed may still be copying the assets in as the folder is
    // cleared, ENOTEMPTY; a failure here would hide the one that ended the render)
    await rm(stage, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    await rm(`${stage}.related.json`, { force: true });
    for (let i = 0; i < procs; i++) await rm(`${stage}-${i}`, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/**
 * Runs one render process on `jobPath` with a heap limit of `heapMb` MiB (null: Node's own).
 * Resolves to true when it rendered everything, false when it ran out of heap (V8's report of
 * that is not passed on; anything else it prints is); rejects on any other failure.
 */
function runChild(jobPath: string, heapMb: number | null, onPage?: () => void): Promise<boolean> {
  return new Promise((resolvePromise, reject) => {
    const heap = heapMb === null ? [] : [`--max-old-space-size=${heapMb}`];
    const child = spawn(process.execPath, [...heap, '--import', import.meta.resolve('tsx'), fileURLToPath(new URL('./render-child.ts', import.meta.url)), jobPath], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const m = /^pages (\d+)$/u.exec(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if (m && onPage) for (let n = Number(m[1]); n > 0; n--) onPage();
      }
    });
    // stderr is held back until the process ends: V8's out-of-memory report (a GC trace and a
    // native stack) says nothing a reader of the build's log can use
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const text = Buffer.concat(err).toString('utf8');
      if (code === 0) {
        if (text) process.stderr.write(text);
        resolvePromise(true);
      } else if (/heap out of memory|Reached heap limit/u.test(text)) {
        resolvePromise(false);
      } else {
        if (text) process.stderr.write(text);
        reject(new Error(`a render process failed (${code === null ? `signal ${signal}` : `exit ${code}`})`));
      }
    });
  });
}

const pending = (path: string) => `${path}.pending`;

/**
 * The manifest of the site renderIncremental() just assembled takes the current one's name:
 * call it once that site has replaced the previous one. Tidying only: from the swap on, the
 * pending manifest is already the one readManifest() finds for the site.
 */
export async function commitManifest(path: string): Promise<void> {
  await rename(pending(path), path);
}

/**
 * After an interrupted build (its lock held by the next one): the pending manifest becomes the
 * current one if its site was swapped in, and goes otherwise, with any manifest half-written
 * (`<path>.<pid>.tmp`). Resolves to what was done, one phrase each.
 */
export async function settleManifest(path: string, siteDir: string): Promise<string[]> {
  const done: string[] = [];
  // the committed manifest and the pending one are each written whole by a rename from their own temporary file
  for (let n = (await removeHalfWritten(path)) + (await removeHalfWritten(pending(path))); n > 0; n--) done.push(`removed a half-written site manifest`);
  const p = await readManifestFile(pending(path));
  if (p !== null && p.site === (await siteIdentity(siteDir))) {
    await rename(pending(path), path);
    done.push(`kept the manifest of the site swapped in`);
  } else if (existsSync(pending(path))) {
    await rm(pending(path), { force: true });
    done.push(`removed the manifest of a site never swapped in`);
  }
  return done;
}

/** Remove a manifest (the site it describes is gone or was built another way). */
export async function forgetManifest(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(pending(path), { force: true });
}
