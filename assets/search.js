// Search page behaviour: runs the query in ?q= against Baoku's Pagefind index, keeps the box, the
// filters and the URL in sync, and renders the results as <ol id="results">.
//
// A query with Chinese characters finds exactly the articles containing it (assets/search-core.js
// explains how): traditional characters are converted to simplified with opencc-js first (the
// archive is simplified) and both forms are looked for; headline hits come first; every shown
// result is checked against the string, and its excerpt highlights it. The Pagefind bundles to
// load come from /search/config.json (written by the build), /pagefind/ when it is missing.
//
// This module wires the page's events; the work is in assets/search/: page.js (the one state
// object every function is given), bundles.js (config, Pagefind, shards, converter), url.js (the
// query in the URL and the form), run.js (a search), paging.js (a page of results at a time),
// render.js (a result, the status line) and filters.js (the filter lists).
// fetched with the modules below rather than after them (they all import it)
import './search-core.js';
import { loadConverter } from './search/bundles.js';
import { setUpFilters } from './search/filters.js';
import { createPage, FILTERS } from './search/page.js';
import { showMore } from './search/paging.js';
import { run } from './search/run.js';
import { queryFromForm, queryFromUrl, showQuery, writeUrl } from './search/url.js';

const page = createPage(document);
const { form, input, filterBox, more, selects } = page.el;

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

for (const name of FILTERS) {
  selects[name].addEventListener('change', () => {
    const query = queryFromForm(page);
    writeUrl(query, 'push');
    run(page, query);
  });
}

more.addEventListener('click', () => showMore(page, page.generation));

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
await Promise.all([Object.keys(initial.filters).length ? setUpFilters(page) : null, run(page, initial)]);
// ready for the next query
loadConverter(page).catch(() => undefined);
showQuery(page, queryFromUrl());
