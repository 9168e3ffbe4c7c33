// Loading what the search runs on: the bundle list (/search/config.json, written by the build;
// /pagefind/ when it is missing), Pagefind itself, the shards merged in as the reader asks for
// more, and the traditional → simplified converter.

import { DEFAULT_CONFIG, mayConvert } from '../search-core.js';
// written by the build beside the converter it describes (content/pages/search-triggers.11ty.ts)
import TRIGGERS from '../vendor/opencc-t2cn-triggers.js';

/** @typedef {import('./page.js').SearchPage} SearchPage */

/**
 * The traditional → simplified converter is the page's largest script, and building its tables
 * takes the main thread for a while: it is loaded only for a query it could change
 * (`needsConverter`), after that query's first search, which runs without it (and runs again with
 * it if the query does hold traditional characters).
 * @param {SearchPage} page
 */
export function loadConverter(page) {
  const c = page.converter;
  c.loading ??= import('../vendor/opencc-t2cn.js').then((m) => (c.toSimplified = m.Converter({ from: 'tw', to: 'cn' })));
  return c.loading;
}

/** True when the converter is not loaded yet and could change the query `q`. @param {SearchPage} page @param {string} q */
export const needsConverter = (page, q) => !page.converter.toSimplified && mayConvert(q, TRIGGERS);

async function loadConfig() {
  try {
    const res = await fetch('/search/config.json');
    if (!res.ok) return DEFAULT_CONFIG;
    const c = await res.json();
    if (!Array.isArray(c.bundles) || !c.bundles.length || !Number.isInteger(c.headlineSpan)) return DEFAULT_CONFIG;
    return c;
  } catch {
    return DEFAULT_CONFIG;
  }
}

/**
 * Pagefind of the first bundle, loaded once; the other bundles wait in `pending`. Called as the
 * page starts, before any query: Pagefind fetches its entry file, metadata and WebAssembly as
 * soon as it is made, so they are in (or on their way) when the reader's first search runs.
 *
 * The page's head asks for all of them already (`<link rel="preload">`, written by the build:
 * src/build/search-preload.ts), and Pagefind's own requests are answered from those preloads,
 * provided they are the same requests: Pagefind runs on this thread (`noWorker`), since its web
 * worker would first fetch a script of its own and then ask for every file again, out of the
 * page's reach; and it asks for its entry file with the build's tag (`metaCacheTag`), where it
 * would otherwise add the time of day to the address to defeat caches.
 * @param {SearchPage} page
 */
export function loadPagefind(page) {
  const b = page.bundles;
  b.pagefind ??= (async () => {
    b.config = await loadConfig();
    const [first, ...rest] = b.config.bundles.map((x) => new URL(x, location.href).href);
    const pf = await import(new URL('pagefind.js', first).href);
    const tag = typeof b.config.metaCacheTag === 'string' ? { metaCacheTag: b.config.metaCacheTag } : {};
    await pf.options({ excerptLength: 8, noWorker: true, ...tag });
    await pf.init();
    warmSegmenter();
    b.pending = rest;
    await ready(pf);
    return pf;
  })();
  return b.pagefind;
}

/** How often `ready()` looks whether Pagefind has loaded, in ms (Pagefind itself: every 50). */
const READY_STEP = 10;

/**
 * Resolves once Pagefind has its metadata and WebAssembly in. Every Pagefind call made before
 * that waits for them by looking every 50 ms, so a search asked for while they load starts up to
 * 50 ms after they are in. `preload('')` is such a call and does nothing else (an empty query
 * is turned away once Pagefind is ready): five of them, started 10 ms apart, look every 10 ms
 * between them, and the search is asked for once the first comes back.
 * @param {any} pf
 */
function ready(pf) {
  return new Promise((resolve, reject) => {
    for (let k = 0; k < 50 / READY_STEP; k++) setTimeout(() => pf.preload('').then(resolve, reject), k * READY_STEP);
  });
}

/**
 * Pagefind splits every query into words with Intl.Segmenter, and the first word segmenter of a
 * page loads the browser's Chinese word dictionary (10–75 ms of this thread in a fresh headless
 * Chromium here): made once while the page waits for something else (Pagefind compiling its
 * WebAssembly, the reader typing), Pagefind's own is made from the loaded dictionary.
 */
function warmSegmenter() {
  if (typeof Intl.Segmenter !== 'function') return;
  const warm = () => new Intl.Segmenter(document.documentElement.lang || 'zh', { granularity: 'word' }).segment('检索');
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 1000 });
  else setTimeout(warm, 0);
}

/** True while some bundle has not joined the search yet. @param {SearchPage} page */
export const moreBundles = (page) => page.bundles.pending.length > 0 || (!page.bundles.sitesAsked && (page.bundles.config.sites?.length ?? 0) > 0);

/**
 * Bring the next shard into the search (Pagefind's mergeIndex): a large archive's index is cut
 * into shards, each costing its own WebAssembly, metadata and index chunks, so the first results
 * come from the first shard alone and the others join as the reader asks for more. After this
 * site's shards come those of the other Baoku sites named in the config (built apart, hosted
 * apart; their results link to them: Pagefind takes a bundle's site from the part of its URL
 * before /pagefind/). A site that cannot be reached, or encodes its index differently, is left
 * out and named in data-search-missing. Resolves to false when every bundle is in.
 * @param {SearchPage} page
 * @param {any} pf
 */
export function mergeNext(page, pf) {
  const b = page.bundles;
  const step = b.merging.then(async () => {
    if (!b.pending.length && !b.sitesAsked) {
      b.sitesAsked = true;
      for (const root of b.config.sites ?? []) {
        try {
          const res = await fetch(new URL('search/config.json', root));
          const other = res.ok ? await res.json() : null;
          if (!other || other.version !== b.config.version || other.headlineSpan !== b.config.headlineSpan || !Array.isArray(other.bundles)) throw new Error('incompatible');
          b.pending.push(...other.bundles.map((/** @type {string} */ x) => new URL(x, root).href));
        } catch {
          markMissing(root);
        }
      }
    }
    const next = b.pending.shift();
    if (!next) return false;
    try {
      await pf.mergeIndex(next);
    } catch {
      markMissing(next);
    }
    return true;
  });
  b.merging = step.catch(() => undefined);
  return step;
}

/** Names the host of `url` in data-search-missing (once): its articles are not in the results. @param {string} url */
function markMissing(url) {
  const root = document.documentElement;
  const host = new URL(url).host;
  const hosts = (root.dataset.searchMissing ?? '').split(' ').filter(Boolean);
  if (!hosts.includes(host)) root.dataset.searchMissing = [...hosts, host].join(' ');
}

/** Every bundle in (a filter list, or a filtered search, covers the whole archive). @param {SearchPage} page @param {any} pf */
export async function mergeAll(page, pf) {
  while (await mergeNext(page, pf));
}
