// The search in the URL and in the form: ?q= and one parameter per filter, read, written and
// shown in the box and the filter <select>s.

import { FILTERS } from './page.js';

/** @typedef {import('./page.js').SearchPage} SearchPage @typedef {import('./page.js').Query} Query */

/** The query and filters the URL asks for. @returns {Query} */
export function queryFromUrl() {
  const params = new URLSearchParams(location.search);
  /** @type {Record<string, string>} */
  const filters = {};
  for (const name of FILTERS) {
    const v = params.get(name);
    if (v) filters[name] = v;
  }
  return { q: params.get('q') ?? '', filters };
}

/** The query and filters the form holds. @param {SearchPage} page @returns {Query} */
export function queryFromForm(page) {
  /** @type {Record<string, string>} */
  const filters = {};
  for (const name of FILTERS) if (page.el.selects[name].value) filters[name] = page.el.selects[name].value;
  return { q: page.el.input.value, filters };
}

/** @param {Query} query */
export function urlFor(query) {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  for (const name of FILTERS) if (query.filters[name]) params.set(name, query.filters[name]);
  const qs = params.toString();
  return location.pathname + (qs ? `?${qs}` : '');
}

/** @param {Query} query @param {'push' | 'replace'} how */
export function writeUrl(query, how) {
  const url = urlFor(query);
  if (url === location.pathname + location.search) return;
  if (how === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** Puts the query in the box and the filters in their lists. @param {SearchPage} page @param {Query} query */
export function showQuery(page, query) {
  page.el.input.value = query.q;
  for (const name of FILTERS) {
    const select = page.el.selects[name];
    const value = query.filters[name] ?? '';
    if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
    select.value = value;
  }
  // Filters in use are shown; otherwise the box stays as the reader left it.
  if (Object.keys(query.filters).length) page.el.filterBox.open = true;
}
