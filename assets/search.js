// Search page behaviour: runs the query in ?q= against Baoku's Pagefind index, keeps the box, the
// filters and the URL in sync, and renders the results as <ol id="results">.
//
// A query with Chinese characters finds exactly the articles containing it (assets/search-core.js
// explains how): quotes and end punctuation are taken off first (every query is an exact string),
// traditional characters are converted to simplified with opencc-js (the archive is simplified)
// and both forms are looked for; headline hits come first, or the newest or oldest issues when
// the reader sorts by date; every shown result is checked against the string, and its excerpt
// highlights it. The Pagefind bundles to load come from /search/config.json (written by the
// build), /pagefind/ when it is missing.
//
// This module wires the page's events; the work is in assets/search/: page.js (the one state
// object every function is given), bundles.js (config, Pagefind, shards, converter), url.js (the
// query in the URL and the form), run.js (a search), order.js (by date), paging.js (a page of
// results at a time), render.js (a result, the status line, the chips) and filters.js (the
// filter lists).
// fetched with the modules below rather than after them (they all import it)
import './search-core.js';
import { loadPagefind } from './search/bundles.js';
import { setUpFilters } from './search/filters.js';
import { createPage, FILTERS } from './search/page.js';
import { showMore } from './search/paging.js';
import { run } from './search/run.js';
import { isFiltered, queryFromForm, queryFromUrl, showQuery, writeUrl } from './search/url.js';

const page = createPage(document);
// Pagefind starts loading now, not at the first search: its files are preloaded by the head, and
// by the time the reader has typed a query it is ready to search. A failure shows at that search.
loadPagefind(page).catch(() => undefined);
const { form, input, filterBox, more, selects, list, chips, help, moreStatus } = page.el;

input.addEventListener('input', () => {
  clearTimeout(page.typingTimer);
  page.typingTimer = window.setTimeout(() => {
    const query = queryFromForm(page);
    writeUrl(query, 'replace');
    run(page, query);
  }, 300);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(page.typingTimer);
  const query = queryFromForm(page);
  writeUrl(query, 'push');
  run(page, query);
});

/** A change of filter, order or date: a new search, a new history entry. */
const changed = () => {
  const query = queryFromForm(page);
  writeUrl(query, 'push');
  run(page, query);
};
for (const name of FILTERS) selects[name].addEventListener('change', changed);
for (const control of [page.el.sort, page.el.from, page.el.to]) control.addEventListener('change', changed);

/** A link to another search (a chip, an example query): run in place, as a new history entry. @param {MouseEvent} event */
const followSearchLink = (event) => {
  const a = /** @type {Element} */ (event.target).closest?.('a[href^="/search/"], a[data-search]');
  if (!(a instanceof HTMLAnchorElement) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  history.pushState(null, '', a.href);
  const query = queryFromUrl();
  showQuery(page, query);
  run(page, query);
  if (isFiltered(query)) setUpFilters(page);
  // the chip followed is gone with the old chips: the reader is taken to the new status line
  page.el.status.focus({ preventScroll: true });
};
chips.addEventListener('click', followSearchLink);
help.addEventListener('click', followSearchLink);

// After "more", the reader's place is the first new result: focus goes there (a keyboard or
// screen-reader user would otherwise stay on the button, below the new results), and the count
// is announced.
more.addEventListener('click', async () => {
  const gen = page.generation;
  const before = list.children.length;
  await showMore(page, gen);
  if (gen !== page.generation) return;
  const added = list.children.length - before;
  const total = page.el.status.dataset.total;
  moreStatus.textContent = added
    ? `又显示 ${added} 篇，已显示 ${list.children.length} 篇${total ? `，共 ${total} 篇` : ''}。`
    : '没有更多结果了。';
  const first = /** @type {HTMLElement | undefined} */ (list.children[before]?.querySelector('.result-title a'));
  if (first) first.focus();
});

window.addEventListener('popstate', () => {
  const query = queryFromUrl();
  showQuery(page, query);
  run(page, query);
});

filterBox.hidden = false;
filterBox.addEventListener('toggle', () => {
  if (filterBox.open) setUpFilters(page);
});
const initial = queryFromUrl();
showQuery(page, initial);
// The box takes the focus only on an empty search page: with ?q= the reader came for the
// results, and on a phone a focused box opens the keyboard over them.
if (!initial.q.trim() && !isFiltered(initial)) input.focus();
await Promise.all([isFiltered(initial) ? setUpFilters(page) : null, run(page, initial)]);
showQuery(page, queryFromUrl());
