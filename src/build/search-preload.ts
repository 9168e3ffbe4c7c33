/**
 * The search page asks for the first Pagefind bundle's files in its head, so that a first search
 * waits for no chain of requests before its own: Pagefind's script, its entry file, the
 * metadata of the index and its WebAssembly are fetched with the page's scripts, in one round
 * trip, instead of each after the one before (script → entry → metadata and WebAssembly).
 *
 * Only the index knows their names (the metadata's carries a hash of the index), and Eleventy
 * renders the page before Pagefind indexes, so the index stage adds the links to the rendered
 * /search/index.html, after the preload of /search/config.json that the template writes, and
 * marks them `data-first-bundle`. It replaces any marked links already there: a rebuild may
 * start from the previous build's page, and a clean build and a rebuild give the same bytes.
 *
 * With them, before the page's style sheet (a script waits for the style sheets above it), go the
 * bundle's table of index chunks, read from its metadata (src/build/pagefind-meta.ts), and the
 * script that asks for the chunks of a query in the page's address while the head is still
 * being read (src/search/chunk-preload.ts): a search in the address then waits for three round
 * trips — the page, what its head names with the chunks, the results' fragments.
 *
 * Pagefind asks for its entry file as `pagefind-entry.json?ts=<time>` to get past caches; the
 * page gives it a tag instead (its `metaCacheTag` option, from /search/config.json: a hash of
 * the entry file, so it changes when the index does), and the link asks for that address.
 * assets/search/bundles.js has Pagefind run without its web worker, so that its requests are
 * the page's own and are answered by these preloads.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHUNK_PRELOAD_SCRIPT, CHUNK_TABLE_ID } from '../search/chunk-preload.ts';
import { html, raw } from '../site/html.ts';
import { indexChunks, type IndexChunk } from './pagefind-meta.ts';

/** The rendered search page, site-relative. */
export const SEARCH_PAGE_PATH = 'search/index.html';

/** The template's preload of the bundle list (content/pages/search.11ty.ts); the links go after it. */
const ANCHOR = /^<link rel="preload" href="\/search\/config\.json" as="fetch" crossorigin>\n/mu;
const STYLESHEET = /^<link rel="stylesheet" /mu;
const MARKED = /^<(?:link [^>\n]*data-first-bundle[^>\n]*>|script [^>\n]*data-first-bundle[^>\n]*>[^\n]*<\/script>)\n/gmu;

interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/**
 * The index of `languages` Pagefind's page script picks for a page in `lang` (its findIndex():
 * the language, else its first part, else the language with the most pages).
 */
function pickIndex(languages: PagefindEntry['languages'], lang: string) {
  return languages[lang] ?? languages[lang.split('-')[0]] ?? Object.values(languages).sort((a, b) => b.page_count - a.page_count)[0];
}

export interface FirstBundle {
  /** Site path of the bundle. */
  bundle: string;
  /** Pagefind's `metaCacheTag` for the bundle: the query its entry file is fetched with. */
  metaCacheTag: string;
  /** Site URLs: Pagefind's script (a module), then the files it fetches. */
  script: string;
  fetches: string[];
  /** Its index chunks (from its metadata; none when that cannot be read). */
  chunks: IndexChunk[];
}

/**
 * What a search page in `lang` (its `<html lang>`, lower-cased as Pagefind reads it) fetches from
 * the bundle at site path `bundle` before it can search. Null when the bundle has no entry file.
 */
export async function firstBundleFiles(site: string, bundle: string, lang: string): Promise<FirstBundle | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(site, bundle, 'pagefind-entry.json'));
  } catch {
    return null;
  }
  const entry = JSON.parse(bytes.toString('utf8')) as PagefindEntry;
  const index = pickIndex(entry.languages ?? {}, lang);
  if (!index) return null;
  const metaCacheTag = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const meta = `${bundle}pagefind.${index.hash}.pf_meta`;
  const chunks = await readFile(join(site, meta)).then(indexChunks, () => []);
  return {
    bundle,
    metaCacheTag,
    script: `${bundle}pagefind.js`,
    fetches: [`${bundle}pagefind-entry.json?ts=${metaCacheTag}`, meta, `${bundle}wasm.${index.wasm ?? 'unknown'}.pagefind`],
    chunks,
  };
}

/** The links, one a line, as the page's head carries them. */
export function preloadLinks(files: FirstBundle): string {
  return html`<link rel="modulepreload" href="${files.script}" data-first-bundle>
${files.fetches.map((href) => html`<link rel="preload" href="${href}" as="fetch" crossorigin data-first-bundle>\n`)}`.value;
}

/**
 * When the bundle's chunks are known: their table and the script that asks for the chunks of the
 * query in the page's address (src/search/chunk-preload.ts), one a line. The table is JSON in a
 * script element of its own, `<` written as `\u003c` so that no word of the index can end it.
 */
export function chunkScripts(files: FirstBundle): string {
  if (!files.chunks.length) return '';
  const table = JSON.stringify({ bundle: files.bundle, chunks: files.chunks }).replaceAll('<', '\\u003c');
  return html`<script type="application/json" id="${CHUNK_TABLE_ID}" data-first-bundle>${raw(table)}</script>
<script data-first-bundle>${raw(CHUNK_PRELOAD_SCRIPT)}</script>\n`.value;
}

/**
 * Put the links for `files` (none when null) into the site's search page, in place of those of an
 * earlier build. The page is written anew, never in place: in a site assembled from hard links it
 * may be the previous site's file too. A site without a search page, or whose page lacks the
 * anchor, is left as it is.
 */
export async function writeSearchPreloads(site: string, files: FirstBundle | null): Promise<void> {
  const path = join(site, SEARCH_PAGE_PATH);
  let page: string;
  try {
    page = await readFile(path, 'utf8');
  } catch {
    return;
  }
  const bare = page.replace(MARKED, '');
  if (!ANCHOR.test(bare)) return;
  let next = files ? bare.replace(ANCHOR, (anchor) => anchor + preloadLinks(files)) : bare;
  // the chunk script before the first style sheet: a script waits for the style sheets above it
  const scripts = files ? chunkScripts(files) : '';
  if (scripts) next = STYLESHEET.test(next) ? next.replace(STYLESHEET, (sheet) => scripts + sheet) : next.replace(ANCHOR, (anchor) => anchor + scripts);
  if (next === page) return;
  await rm(path, { force: true });
  await writeFile(path, next);
}
