// Paging: the results of the search shown are loaded a page at a time, as the reader presses
// "more", bringing the next shard in when the candidates found so far run out.

import { decodeContent, fieldsContain } from '../search-core.js';
import { moreBundles } from './bundles.js';
import { dataOf, placeUpTo } from './order.js';
import { renderResult, showStatus } from './render.js';

/** @typedef {import('./page.js').SearchPage} SearchPage */

/** Results per page: each shown result costs one fragment (~2–4 KB) of Pagefind data. */
const PAGE_SIZE = 10;

/**
 * Load and show the next page of results, after any page of this search still loading (so pages
 * keep their order). Results are checked as their data arrives: one that does not contain the
 * query is left out and the next candidate taken, until a page is full or the candidates run out.
 * @param {SearchPage} page
 * @param {number} gen the search this page belongs to (page.generation when it started)
 */
export function showMore(page, gen) {
  const s = page.shown;
  if (!s) return Promise.resolve();
  s.loading = s.loading.then(() => loadPage(page, gen));
  return s.loading;
}

/** @param {SearchPage} page @param {number} gen */
async function loadPage(page, gen) {
  const s = page.shown;
  if (!s || gen !== page.generation) return;
  const { list, more } = page.el;
  let added = 0;
  // A query with punctuation can have many candidates that fail the check: look at no more
  // than five pages' worth per press of "more".
  const stop = s.next + PAGE_SIZE * 5;
  for (;;) {
    // candidates run out before the page is full: the next shard joins the search
    if (added < PAGE_SIZE && s.next >= s.entries.length && moreBundles(page)) {
      await s.widen();
      if (gen !== page.generation) return;
      continue;
    }
    if (!(added < PAGE_SIZE && s.next < s.entries.length && s.next < stop)) break;
    // sorted by date: the entries of this page put in date order first
    await placeUpTo(s, s.next + PAGE_SIZE - added, PAGE_SIZE);
    if (gen !== page.generation) return;
    const batch = s.entries.slice(s.next, s.next + PAGE_SIZE - added);
    s.next += batch.length;
    // All of the page's data is requested at once; each result is shown as soon as it and
    // those before it have arrived.
    const datas = batch.map(dataOf);
    for (const p of datas) p.catch(() => undefined); // a failure surfaces once, below
    for (const pending of datas) {
      const d = await pending;
      if (gen !== page.generation) return;
      const fields = decodeContent(d.content ?? '');
      if (s.check && !fieldsContain(fields, s.needles)) {
        s.dropped++;
        continue;
      }
      list.appendChild(renderResult(d, fields, s.needles));
      s.shown++;
      added++;
    }
  }
  more.hidden = s.next >= s.entries.length && !moreBundles(page);
  showStatus(page, s);
  // Counts finished loads (the evaluation waits on it after pressing "more").
  list.dataset.loaded = String(Number(list.dataset.loaded ?? 0) + 1);
}
