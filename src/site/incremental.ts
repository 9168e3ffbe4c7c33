/**
 * Incremental site builds: re-render only the pages a change affects.
 *
 * Every page of a paginated template is the view of one item of the archive (an article, a
 * file, a file page, a raw file, a keyword, a person, a publication), identified by its URL. For
 * each item a signature hashes everything its page shows: the item's own data and what it lists
 * or links to (titles, counts, names, neighbours, related articles). A manifest kept next to the
 * site records the signatures, the files each item's page wrote, and a hash of the site's own
 * source (templates, views, assets, config, package versions, BAOKU_SITE_URL).
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
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import Eleventy from '@11ty/eleventy';
import { ROOT, useSiteOptions, type SiteOptions } from '../../.eleventy.ts';
import { loadArchive, type Archive, type FileGroup, type SiteArticle } from './model.ts';

const run = promisify(execFile);
const MANIFEST_VERSION = 1;

export interface SiteManifest {
  version: number;
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
  return [f.file, f.key, f.url, f.rawUrl, f.rawPath !== null, rawHash, f.report ?? null, f.publication.name, f.publication.url, f.publication.known, f.pages.length];
}

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
          a.pageGroup.url,
          a.prev ? [a.prev.url, sum(a.prev)] : null,
          a.next ? [a.next.url, sum(a.next)] : null,
          a.related.map((r) => [r.article.url, sum(r.article), r.shared]),
          a.keywordNodes.map((k) => [k.name, k.url]),
          a.people.map((p) => [p.person.name, p.person.url, p.roles]),
        ]),
      ),
    );
  }
  for (const f of archive.files) {
    // a file's own data and its neighbours in the archive (the file and page views link them)
    const head = [...fileHead(f, undefined), f.prev ? [f.prev.url, f.prev.file] : null, f.next ? [f.next.url, f.next.file] : null];
    const pages = f.pages.map((pg) => [pg.url, pg.page, pg.articles.map(sum)]);
    out.set(f.url, sha(JSON.stringify(['file', head, pages])));
    if (f.rawPath !== null) out.set(f.rawUrl, sha(JSON.stringify(['raw', fileHead(f, rawHash(f)), f.articles.map(sum)])));
    for (const pg of f.pages) {
      out.set(pg.url, sha(JSON.stringify(['page', head, pg.page, pg.prev?.url ?? null, pg.next?.url ?? null, pg.articles.map(sum)])));
    }
  }
  for (const k of archive.keywords) out.set(k.url, sha(JSON.stringify(['keyword', k.name, k.slug, k.articles.map(sum)])));
  for (const p of archive.people) {
    out.set(p.url, sha(JSON.stringify(['person', p.name, p.slug, p.articles.map(sum), [...p.byRole].map(([r, l]) => [r, l.map((a) => a.url)])])));
  }
  for (const p of archive.publications) {
    const files = p.files.map((f) => [f.url, fileHead(f, undefined), f.pages.map((pg) => pg.articles.map(sum))]);
    out.set(p.url, sha(JSON.stringify(['publication', p.name, p.slug, p.known, files])));
  }
  return out;
}

/** Hash of the site's own source: a change to any of it means a full render. */
export async function siteSourceHash(root = ROOT): Promise<string> {
  const h = createHash('sha256');
  h.update(`manifest ${MANIFEST_VERSION}\nsite url ${process.env.BAOKU_SITE_URL ?? ''}\n`);
  const files: string[] = [];
  for (const dir of ['content/pages', '_includes', '_data', 'src/site', 'src/search', 'assets']) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const e of await readdir(abs, { withFileTypes: true, recursive: true })) {
      if (e.isFile()) files.push(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
    }
  }
  files.push(join(root, '.eleventy.ts'), join(root, 'src', 'types.ts'));
  for (const f of files.sort()) {
    h.update(`${relative(root, f)}\n`);
    h.update(await readFile(f));
  }
  for (const pkg of ['@11ty/eleventy', 'markdown-it', 'gray-matter', 'opencc-js', 'pagefind']) {
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

interface EleventyResult {
  url?: string | false;
  outputPath?: string | false;
}

/** Eleventy into `outDir` with the given site options; the pages it wrote (URL, path). */
export async function renderWith(options: SiteOptions, outDir: string): Promise<{ url: string; outputPath: string }[]> {
  await mkdir(outDir, { recursive: true });
  const input = relative(process.cwd(), ROOT) || '.';
  useSiteOptions(options);
  try {
    const elev = new Eleventy(input, outDir, { quietMode: true, configPath: join(input, '.eleventy.ts') });
    const results = (await elev.write()) as unknown;
    const flat = (Array.isArray(results) ? results.flat(3) : []) as EleventyResult[];
    return flat
      .filter((r) => r && typeof r.outputPath === 'string' && typeof r.url === 'string')
      .map((r) => ({ url: r.url as string, outputPath: resolve(r.outputPath as string) }));
  } finally {
    useSiteOptions(null);
  }
}

/**
 * Which item a page belongs to, from the URL Eleventy gives the page (decoded: `/authors/王斌/`):
 * the item's own URL (encoded, as the model has it), or its folder's (`/raw/k/ranges.css`).
 */
function itemOf(url: string, byPageUrl: Map<string, string>): string {
  return byPageUrl.get(url) ?? byPageUrl.get(url.replace(/[^/]*$/u, '')) ?? '';
}

/** The URL Eleventy gives the page of an item: its permalink is outputFor(item URL), decoded. */
const pageUrlOf = (itemUrl: string) => decodeURIComponent(itemUrl);

/** Every file under dir, relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)));
  }
  return out;
}

/** A copy of `from` at `to` made of hard links (no data copied; `to` must not exist). */
async function linkCopy(from: string, to: string): Promise<void> {
  try {
    await run('cp', ['-al', from, to], { maxBuffer: 1 << 20 });
  } catch {
    // no `cp -l` here: a real copy
    await rm(to, { recursive: true, force: true });
    const { cp } = await import('node:fs/promises');
    await cp(from, to, { recursive: true });
  }
}

export interface IncrementalOptions {
  articlesDir: string;
  rawDir: string;
  /** The site as the previous build left it (read only). */
  siteDir: string;
  /** Where to assemble the new site (must not exist; the caller indexes and swaps it). */
  workDir: string;
  /** The manifest file: read; the new site's is written next to it, see commitManifest(). */
  manifestPath: string;
  onPage?: () => void;
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
  archive: Archive;
}

async function readManifest(path: string): Promise<SiteManifest | null> {
  try {
    const m = JSON.parse(await readFile(path, 'utf8')) as SiteManifest;
    return m.version === MANIFEST_VERSION && m.items && m.outputs ? m : null;
  } catch {
    return null;
  }
}

/**
 * Build the site for `articlesDir` into `workDir`, re-rendering only what changed since the build
 * recorded in `manifestPath` (whose site is `siteDir`). See the top of this file.
 */
export async function renderIncremental(opts: IncrementalOptions): Promise<IncrementalResult> {
  const base: SiteOptions = { articlesDir: resolve(opts.articlesDir), rawDir: resolve(opts.rawDir) };
  const archive = await loadArchive(base);
  const [source, rawHashes] = await Promise.all([siteSourceHash(), rawHashesOf(archive)]);
  const items = itemSignatures(archive, rawHashes);
  const previous = await readManifest(opts.manifestPath);
  const siteDir = resolve(opts.siteDir);
  const workDir = resolve(opts.workDir);
  const usable = previous !== null && previous.source === source && (await stat(join(siteDir, 'index.html')).then((s) => s.isFile()).catch(() => false));

  const outputs: Record<string, string[]> = {};
  const byPageUrl = new Map([...items.keys()].map((u) => [pageUrlOf(u), u]));
  const record = (written: { url: string; outputPath: string }[], root: string) => {
    for (const w of written) {
      const item = itemOf(w.url, byPageUrl);
      if (!item) continue;
      (outputs[item] ??= []).push(relative(root, w.outputPath).split(sep).join('/'));
    }
  };

  if (!usable) {
    opts.onPlan?.(items.size, items.size, true);
    const written = await renderWith({ ...base, archive, onPage: opts.onPage }, workDir);
    record(written, workDir);
    await writeManifest(pending(opts.manifestPath), { version: MANIFEST_VERSION, source, items: Object.fromEntries(items), outputs });
    return { full: true, rendered: items.size, items: items.size, removed: 0, pages: written.length, archive };
  }

  const changed = new Set<string>();
  for (const [url, sig] of items) if (previous.items[url] !== sig) changed.add(url);
  const removed = Object.keys(previous.items).filter((url) => !items.has(url));
  opts.onPlan?.(changed.size, items.size, false);

  // 3. the previous site as hard links; the pages of changed and removed items out of it
  await rm(workDir, { recursive: true, force: true });
  await linkCopy(siteDir, workDir);
  for (const url of [...changed, ...removed]) {
    for (const f of previous.outputs[url] ?? []) {
      await rm(join(workDir, f), { force: true });
      // the page's folder goes with its last file, as if it had never been written
      for (let d = dirname(join(workDir, f)); d.startsWith(workDir + sep); d = dirname(d)) {
        if ((await readdir(d).catch(() => ['?'])).length > 0) break;
        await rm(d, { recursive: true, force: true });
      }
    }
  }
  const fresh = `${workDir}.render`;
  await rm(fresh, { recursive: true, force: true });
  try {
    const extraUrls = [...items.keys()].filter((u) => !changed.has(u)).map(pageUrlOf);
    const written = await renderWith({ ...base, archive, only: changed, extraUrls, onPage: opts.onPage }, fresh);
    record(written, fresh);
    // everything Eleventy wrote (pages, passthrough assets) replaces its namesake by rename
    for (const f of await listFiles(fresh)) {
      const to = join(workDir, f);
      await mkdir(dirname(to), { recursive: true });
      await rm(to, { force: true });
      await rename(join(fresh, f), to);
    }
    for (const [url] of items) if (!changed.has(url) && previous.outputs[url]) outputs[url] = previous.outputs[url];
    await writeManifest(pending(opts.manifestPath), { version: MANIFEST_VERSION, source, items: Object.fromEntries(items), outputs });
    return { full: false, rendered: changed.size, items: items.size, removed: removed.length, pages: written.length, archive };
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

async function writeManifest(path: string, m: SiteManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(m));
  await rename(tmp, path);
}

const pending = (path: string) => `${path}.pending`;

/**
 * The manifest of the site renderIncremental() just assembled becomes the current one: call it
 * once that site has replaced the previous one. Until then the old manifest stays, matching the
 * old site.
 */
export async function commitManifest(path: string): Promise<void> {
  await rename(pending(path), path);
}

/** Remove a manifest (the site it describes is gone or was built another way). */
export async function forgetManifest(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(pending(path), { force: true });
}
