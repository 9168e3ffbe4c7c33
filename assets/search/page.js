// The search page's one state object: its elements and everything the search keeps between
// events (the Pagefind bundles, the converter, the search shown). Made once by assets/search.js
// and passed to every function of assets/search/ that reads or changes it: no module globals.

import { DEFAULT_CONFIG } from '../search-core.js';

/** Pagefind filter names, in the order of their <select>s (content/pages/search.11ty.ts). */
export const FILTERS = ['publication', 'year', 'author', 'file'];

/**
 * @typedef {{ version: number, bundles: string[], headlineSpan: number, sites?: string[] }} Config
 * @typedef {{ q: string, filters: Record<string, string> }} Query
 */

/**
 * The search being shown: its ranked candidates, how far they have been loaded, and how many
 * turned out not to contain the query.
 * `widen` brings the next shard in and adds its candidates (false when none was left).
 * @typedef {{ q: string, hasFilters: boolean, needles: string[], check: boolean, verify: boolean,
 *   entries: { result: any }[], seen: Set<string>, widen: () => Promise<boolean>, next: number,
 *   shown: number, dropped: number, loading: Promise<void> }} Shown
 */

/**
 * @typedef {{
 *   form: HTMLFormElement, input: HTMLInputElement, filterBox: HTMLDetailsElement,
 *   status: HTMLElement, note: HTMLElement, list: HTMLOListElement, more: HTMLButtonElement,
 *   selects: Record<string, HTMLSelectElement>,
 * }} Elements
 */

/**
 * @typedef {{
 *   el: Elements,
 *   bundles: {
 *     config: Config,
 *     pagefind: Promise<any> | null,
 *     pending: string[],
 *     sitesAsked: boolean,
 *     merging: Promise<unknown>,
 *   },
 *   converter: { toSimplified: ((text: string) => string) | null, loading: Promise<(text: string) => string> | null },
 *   generation: number,
 *   shown: Shown | null,
 *   filters: Promise<void> | null,
 *   typingTimer: number,
 * }} SearchPage
 */

/**
 * The page's state, before any search. `bundles.pending` lists the bundles not searched yet:
 * this site's other shards, then those of the other sites; `generation` counts the searches
 * started, so a search overtaken by a newer one stops rendering.
 * @param {Document} doc
 * @returns {SearchPage}
 */
export function createPage(doc) {
  const byId = (/** @type {string} */ id) => /** @type {any} */ (doc.getElementById(id));
  return {
    el: {
      form: byId('search-q-form'),
      input: byId('search-q'),
      filterBox: byId('search-filters'),
      status: byId('search-status'),
      note: byId('search-note'),
      list: byId('results'),
      more: byId('more-results'),
      selects: Object.fromEntries(FILTERS.map((name) => [name, byId(`filter-${name}`)])),
    },
    bundles: { config: DEFAULT_CONFIG, pagefind: null, pending: [], sitesAsked: false, merging: Promise.resolve() },
    converter: { toSimplified: null, loading: null },
    generation: 0,
    shown: null,
    filters: null,
    typingTimer: 0,
  };
}
