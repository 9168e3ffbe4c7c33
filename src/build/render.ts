/**
 * Building the reader's site: Eleventy renders the archive, Pagefind indexes the articles.
 * scripts/build.ts calls renderSite() then indexSite() on a temporary folder.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import * as pagefind from 'pagefind';
import { INPUT_DIR, ROOT, configure, type SiteOptions } from '../../.eleventy.ts';
import { indexShards } from './shards.ts';

export interface RenderOptions {
  /** Folder with the segmenter's `<id>.md` files (and `_report.json`). */
  articlesDir: string;
  /** Folder to write the site into; it should be new or empty. */
  outDir: string;
  /** Folder with the raw `.txt` files for the raw-text views (default content/raw). */
  rawDir?: string;
}

interface EleventyResult {
  url?: string | false;
  outputPath?: string | false;
}

async function countHtml(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  }
  return n;
}

/**
 * One Eleventy run into `outDir` with the given site options (the one place Eleventy is
 * started); resolves to the pages it wrote (URL, path). The options reach the run as its own
 * config callback, not through a config file, so runs may overlap.
 */
export async function renderWith(options: SiteOptions, outDir: string): Promise<{ url: string; outputPath: string }[]> {
  await mkdir(outDir, { recursive: true });
  const input = relative(process.cwd(), join(ROOT, INPUT_DIR));
  const elev = new Eleventy(input, outDir, { quietMode: true, configPath: false, config: configure(options) });
  const results = (await elev.write()) as unknown;
  const flat = (Array.isArray(results) ? results.flat(3) : []) as EleventyResult[];
  return flat
    .filter((r) => r && typeof r.outputPath === 'string' && typeof r.url === 'string')
    .map((r) => ({ url: r.url as string, outputPath: resolve(r.outputPath as string) }));
}

/** Render the site with Eleventy into `outDir`; resolves to the number of HTML pages written. */
export async function renderSite(opts: RenderOptions): Promise<{ pages: number }> {
  const options: SiteOptions = {
    articlesDir: resolve(opts.articlesDir),
    rawDir: resolve(opts.rawDir ?? join(ROOT, 'content/raw')),
  };
  if (!existsSync(options.articlesDir)) {
    throw new Error(`renderSite: the articles folder ${options.articlesDir} does not exist (run the segmenter first)`);
  }
  const outDir = resolve(opts.outDir);
  try {
    const written = (await renderWith(options, outDir)).filter((w) => w.outputPath.endsWith('.html')).length;
    return { pages: written || (await countHtml(outDir)) };
  } catch (e) {
    const err = e as Error & { originalError?: Error };
    const detail = [err.message, err.originalError?.message, (err.cause as Error | undefined)?.message]
      .filter(Boolean)
      .join(' — ');
    throw new Error(`renderSite: Eleventy could not build the site from ${options.articlesDir}: ${detail}`, { cause: e });
  }
}

/** Read the page count Pagefind wrote into a bundle's entry file. */
async function bundlePageCount(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
}

export interface IndexOptions {
  /** Split the articles over about this many Pagefind shards (default: 10,000 articles each). */
  bundles?: number;
}

/**
 * Index the articles of a rendered site with Pagefind, from the records the Eleventy build left
 * in `<outDir>/search/records.json` (src/search/records.ts): one custom record per article whose
 * content has every Han character as its own word, so that a Chinese query is an exact phrase
 * search (see src/search/text.ts). The index is cut into shards under `<outDir>/pagefind/`
 * (src/build/shards.ts); `<outDir>/search/config.json` tells the search page which to load.
 */
export async function indexSite(outDir: string, opts: IndexOptions = {}): Promise<{ pages: number }> {
  const site = resolve(outDir);
  if (!existsSync(join(site, 'index.html'))) {
    throw new Error(`indexSite: ${site} has no index.html; run renderSite first`);
  }
  const { pages } = await indexShards(site, { shards: opts.bundles });
  return { pages };
}

/** What /search/config.json tells the search page. */
export interface SearchConfig {
  version: number;
  /** Pagefind bundle URLs; the first is loaded, the others merged into it (mergeIndex). */
  bundles: string[];
  /** Word positions reserved for the headline region of every record. */
  headlineSpan: number;
  /** Root URLs of other Baoku sites whose bundles the search page merges too. */
  sites?: string[];
}

/**
 * Pagefind's stock indexing of the rendered HTML pages (data-pagefind-body, -meta, -filter,
 * -ignore as the views mark them), into `outputPath`. Baoku's site does not ship this index;
 * scripts/search-eval.ts builds it to compare against the stock Pagefind UI.
 */
export async function indexHtmlPages(siteDir: string, outputPath: string): Promise<{ pages: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) throw new Error(errors.join('; ') || 'no index returned');
    const added = await index.addDirectory({ path: resolve(siteDir) });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: resolve(outputPath) });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    return { pages: await bundlePageCount(resolve(outputPath)) };
  } catch (e) {
    throw new Error(`indexHtmlPages: Pagefind could not index ${siteDir}: ${(e as Error).message}`, { cause: e });
  } finally {
    await pagefind.close();
  }
}
