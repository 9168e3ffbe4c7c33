// The search page's one state object: its elements and everything the search keeps between
// events (the Pagefind bundles, the converter, the search shown). Made once by assets/search.js
// and passed to every function of assets/search/ that reads or changes it: no module globals.

import { DEFAULT_CONFIG } from '../search-core.js';

/** Pagefind filter names, in the order of their <select>s (content/pages/search.11ty.ts). */
export const FILTERS = ['publication', 'section', 'year', 'author', 'file'];

/** What each filter is called on a chip. */
export const FILTER_LABELS = /** @type {Record<string, string>} */ ({ publication: '报刊', section: '版面', year: '年份', author: '作者', file: '源文件' });

/** Orders other than relevance (the `sort` parameter). */
export const SORTS = ['newest', 'oldest'];

/**
 * @typedef {{ version: number, bundles: string[], headlineSpan: number, sites?: string[], metaCacheTag?: string }} Config
 * A search as the URL and the form hold it: the query as typed, the filters, the order ('' for
 * relevance) and the issue-date range (`from`, `to`: ISO dates, '' when open).
 * @typedef {{ q: string, filters: Record<string, string>, sort: string, from: string, to: string }} Query
 */

/**
 * The search being shown: its ranked candidates, how far they have been loaded, and how many
 * turned out not to contain the query.
 * `widen` brings the next shard in and adds its candidates (false when none was left).
 * `searched` is the string looked for (the simplified form of a traditional query), `q` the query
 * as typed once quotes and end punctuation are off. `order`, for a search sorted by date, says how
 * far the entries are in date order (assets/search/order.js); null for relevance.
 * An entry's `data` is its Pagefind data once asked for (date order may load it before paging).
 * @typedef {{ result: any, data?: Promise<any> }} Entry
 * @typedef {{ sort: 'newest' | 'oldest', groups: [string, number][], next: number, placed: number,
 *   findWith: (filters: Record<string, any>) => Promise<Entry[]> }} DateOrder
 * @typedef {{ q: string, searched: string, hasFilters: boolean, needles: string[], check: boolean, verify: boolean,
 *   entries: Entry[], seen: Set<string>, widen: () => Promise<boolean>, next: number,
 *   shown: number, dropped: number, loading: Promise<void>, order: DateOrder | null }} Shown
 */

/**
 * @typedef {{
 *   form: HTMLFormElement, input: HTMLInputElement, filterBox: HTMLDetailsElement,
 *   status: HTMLElement, note: HTMLElement, list: HTMLOListElement, more: HTMLButtonElement,
 *   selects: Record<string, HTMLSelectElement>, sort: HTMLSelectElement, from: HTMLInputElement,
 *   to: HTMLInputElement, chips: HTMLElement, help: HTMLElement, moreStatus: HTMLElement,
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
      sort: byId('search-sort'),
      from: byId('filter-from'),
      to: byId('filter-to'),
      chips: byId('search-chips'),
      help: byId('search-help'),
      moreStatus: byId('search-more-status'),
    },
    bundles: { config: DEFAULT_CONFIG, pagefind: null, pending: [], sitesAsked: false, merging: Promise.resolve() },
    converter: { toSimplified: null, loading: null },
    generation: 0,
    shown: null,
    filters: null,
    typingTimer: 0,
  };
}
