// Running a search: the query planned (assets/search-core.js), Pagefind asked, the candidates
// ranked, and the first page shown. A newer search overtakes an older one: each carries its
// generation and stops rendering once page.generation has moved on.

import { planQuery, rankExact } from '../search-core.js';
import { loadConverter, loadPagefind, mergeAll, mergeNext } from './bundles.js';
import { showMore } from './paging.js';
import { urlFor } from './url.js';

/** @typedef {import('./page.js').SearchPage} SearchPage @typedef {import('./page.js').Query} Query @typedef {import('./page.js').Shown} Shown */

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
    const q = query.q.trim();
    if (!page.converter.toSimplified && q) {
      const convert = await loadConverter(page).catch(() => null);
      if (convert && gen === page.generation && convert(q) !== q) await runSearch(page, query, gen);
    }
  } finally {
    if (gen === page.generation) document.documentElement.dataset.searchDone = urlFor(query);
  }
}

/** @param {SearchPage} page @param {Query} query @param {number} gen */
async function runSearch(page, query, gen) {
  const { note, list, more, status } = page.el;
  const q = query.q.trim();
  const plan = planQuery(q, page.converter.toSimplified ?? ((t) => t));
  const simplified = plan.mode === 'none' ? q : plan.mode === 'plain' ? plan.term : plan.simplified;
  const hasFilters = Object.keys(query.filters).length > 0;
  if (simplified !== q) {
    note.textContent = `已将繁体“${q}”转换为简体“${simplified}”检索。`;
    note.hidden = false;
  } else {
    note.hidden = true;
    note.textContent = '';
  }
  list.replaceChildren();
  more.hidden = true;
  page.shown = null;
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
  // a filtered search covers every shard at once: filters are for narrowing the whole archive
  if (hasFilters) await mergeAll(page, pf);
  const options = { filters: query.filters };
  /** @returns {Promise<{ result: any }[]>} */
  const find = async () => {
    if (plan.mode === 'exact') {
      const searches = await Promise.all(plan.phrases.map((p) => pf.search(p, options)));
      return rankExact(searches.map((r) => r?.results ?? []), page.bundles.config.headlineSpan);
    }
    if (plan.mode === 'plain' || !q) {
      const search = await pf.search(plan.mode === 'plain' ? plan.term : null, options);
      return (search?.results ?? []).map((/** @type {any} */ result) => ({ result }));
    }
    return [];
  };
  const entries = await find();
  if (gen !== page.generation) return;
  /** @type {Shown} */
  const current = {
    q,
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
  };
  page.shown = current;
  await showMore(page, gen);
}
