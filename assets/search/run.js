// Running a search: the query cleaned and planned (assets/search-core.js), Pagefind asked, the
// candidates ranked (by relevance, or by date: assets/search/order.js), and the first page shown.
// A newer search overtakes an older one: each carries its generation and stops rendering once
// page.generation has moved on.

import { cleanQuery, dateGroups, dateRange, datesIn, planQuery, rankExact } from '../search-core.js';
import { loadConverter, loadPagefind, mergeAll, mergeNext, needsConverter } from './bundles.js';
import { showMore } from './paging.js';
import { showChips } from './render.js';
import { urlFor } from './url.js';

/** @typedef {import('./page.js').SearchPage} SearchPage @typedef {import('./page.js').Query} Query @typedef {import('./page.js').Shown} Shown @typedef {import('./page.js').Entry} Entry */

/**
 * Run a search and render it. When done, <html data-search-done> holds the URL of the search
 * shown (the browser tests wait for it).
 * @param {SearchPage} page
 * @param {Query} query
 */
export async function run(page, query) {
  const gen = ++page.generation;
  try {
    await runSearch(page, query, gen);
    // searched before the converter was there: again, if the query has traditional characters
    // (a query with none of the characters that can set off a conversion never loads it)
    const q = cleanQuery(query.q).q;
    if (q && needsConverter(page, q)) {
      const convert = await loadConverter(page).catch(() => null);
      if (convert && gen === page.generation && convert(q) !== q) await runSearch(page, query, gen);
    }
  } finally {
    if (gen === page.generation) document.documentElement.dataset.searchDone = urlFor(query);
  }
}

/** The note above the results: what was done to the query before it was searched. @param {string[]} removed @param {string} typed @param {string} simplified */
function noteText(removed, typed, simplified) {
  const parts = [];
  // every query is an exact string already: quotes add nothing, and are not searched for
  if (removed.includes('quotes')) parts.push('已去掉引号：检索本来就按输入的字符串逐字匹配。');
  if (removed.includes('punctuation')) parts.push('已去掉首尾的标点。');
  if (simplified !== typed) parts.push(`已将繁体“${typed}”转换为简体“${simplified}”检索。`);
  return parts.join('');
}

/** @param {SearchPage} page @param {Query} query @param {number} gen */
async function runSearch(page, query, gen) {
  const { note, list, more, status, help } = page.el;
  const { q, removed } = cleanQuery(query.q);
  const plan = planQuery(q, page.converter.toSimplified ?? ((t) => t));
  const simplified = plan.mode === 'none' ? q : plan.mode === 'plain' ? plan.term : plan.simplified;
  const range = dateRange(query.from, query.to);
  // a from= or to= that is no date narrows nothing
  const hasFilters = Object.keys(query.filters).length > 0 || range !== null;
  const text = noteText(removed, q, simplified);
  note.textContent = text;
  note.hidden = !text;
  list.replaceChildren();
  more.hidden = true;
  page.el.moreStatus.textContent = '';
  page.shown = null;
  showChips(page, query, q);
  // the examples and the line on matching are for the empty page only
  help.hidden = Boolean(q || hasFilters);
  if (!q && !hasFilters) {
    status.textContent = '输入标题、正文里的词语或作者姓名，开始检索。';
    status.classList.remove('no-results');
    delete status.dataset.total;
    return;
  }
  status.textContent = '正在检索…';
  let pf;
  try {
    pf = await loadPagefind(page);
  } catch (e) {
    status.textContent = '检索索引加载失败，请稍后再试。';
    throw e;
  }
  // A filtered or date-sorted search covers every shard at once: filters narrow the whole
  // archive, and the newest article may be in any shard.
  const sort = query.sort === 'newest' || query.sort === 'oldest' ? query.sort : null;
  if (hasFilters || sort) await mergeAll(page, pf);
  /** @type {Record<string, any>} */
  const filters = { ...query.filters };
  /** Issue dates of the results (Pagefind's counts of the `date` filter, over every shard). @type {Record<string, number>} */
  let dateCounts = {};
  let nothing = false;
  /** @param {Record<string, any>} extra @returns {Promise<Entry[]>} */
  const find = async (extra = {}) => {
    if (nothing) return [];
    const options = { filters: { ...filters, ...extra } };
    /** @param {any} search */
    const count = (search) => {
      for (const [d, n] of Object.entries(search?.filters?.date ?? {})) dateCounts[d] = (dateCounts[d] ?? 0) + Number(n);
    };
    if (plan.mode === 'exact') {
      const searches = await Promise.all(plan.phrases.map((p) => pf.search(p, options)));
      searches.forEach(count);
      return rankExact(searches.map((r) => r?.results ?? []), page.bundles.config.headlineSpan);
    }
    if (plan.mode === 'plain' || !q) {
      const search = await pf.search(plan.mode === 'plain' ? plan.term : null, options);
      count(search);
      return (search?.results ?? []).map((/** @type {any} */ result) => ({ result }));
    }
    return [];
  };
  /** @type {Set<string> | null} the dates a range lets through */
  let inRange = null;
  if (range || sort) {
    // Pagefind counts only the filters a search names (it loads their files then): a filter on
    // `date` that takes nothing away has it count the results' dates
    filters.date = { none: ['-'] };
    if (range) {
      // Pagefind filters match values, not ranges: the results' dates within the range
      await find();
      const dates = datesIn(Object.keys(dateCounts), range);
      inRange = new Set(dates);
      if (dates.length) filters.date = { any: dates };
      else nothing = true;
      dateCounts = {};
    }
  }
  if (gen !== page.generation) return;
  const entries = await find();
  if (gen !== page.generation) return;
  const counts = Object.fromEntries(Object.entries(dateCounts).filter(([d]) => !inRange || inRange.has(d)));
  /** @type {Shown} */
  const current = {
    q,
    searched: simplified,
    hasFilters,
    needles: plan.mode === 'none' ? [] : plan.needles,
    check: plan.mode === 'exact',
    verify: plan.mode === 'exact' && plan.verify,
    entries,
    seen: new Set(entries.map((e) => e.result.id)),
    /** Search again with the next shard in; the new candidates go after those found so far. */
    widen: async () => {
      if (!(await mergeNext(page, pf))) return false;
      for (const e of await find()) {
        if (current.seen.has(e.result.id)) continue;
        current.seen.add(e.result.id);
        current.entries.push(e);
      }
      return true;
    },
    next: 0,
    shown: 0,
    dropped: 0,
    loading: Promise.resolve(),
    order: sort ? { sort, groups: dateGroups(counts, sort), next: 0, placed: 0, findWith: (extra) => find(extra) } : null,
  };
  page.shown = current;
  await showMore(page, gen);
}
