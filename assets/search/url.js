// The search in the URL and in the form: ?q=, one parameter per filter, the order (sort=) and
// the issue-date range (from=, to=), read, written and shown in the box, the <select>s and the
// date inputs.

import { FILTERS, SORTS } from './page.js';

/** @typedef {import('./page.js').SearchPage} SearchPage @typedef {import('./page.js').Query} Query */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** The query, filters, order and date range the URL asks for. @returns {Query} */
export function queryFromUrl() {
  const params = new URLSearchParams(location.search);
  /** @type {Record<string, string>} */
  const filters = {};
  for (const name of FILTERS) {
    const v = params.get(name);
    if (v) filters[name] = v;
  }
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    filters,
    sort: SORTS.includes(sort) ? sort : '',
    // a year or a month is taken too (`from=2018`): dateRange() in search-core.js widens it
    from: params.get('from')?.trim() ?? '',
    to: params.get('to')?.trim() ?? '',
  };
}

/** The query, filters, order and date range the form holds. @param {SearchPage} page @returns {Query} */
export function queryFromForm(page) {
  /** @type {Record<string, string>} */
  const filters = {};
  for (const name of FILTERS) if (page.el.selects[name].value) filters[name] = page.el.selects[name].value;
  // a date input holds days only: a year or month the URL gave (data-range) stands until a day is picked
  const { from, to } = page.el;
  return { q: page.el.input.value, filters, sort: page.el.sort.value, from: from.value || (from.dataset.range ?? ''), to: to.value || (to.dataset.range ?? '') };
}

/** @param {Query} query */
export function urlFor(query) {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  for (const name of FILTERS) if (query.filters[name]) params.set(name, query.filters[name]);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.sort) params.set('sort', query.sort);
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

/** Does the search narrow by anything but the query (a filter or a date range)? @param {Query} query */
export const isFiltered = (query) => Object.keys(query.filters).length > 0 || Boolean(query.from || query.to);

/** Puts the query in the box, the filters in their lists, the order and the dates in theirs. @param {SearchPage} page @param {Query} query */
export function showQuery(page, query) {
  page.el.input.value = query.q;
  for (const name of FILTERS) {
    const select = page.el.selects[name];
    const value = query.filters[name] ?? '';
    if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
    select.value = value;
  }
  page.el.sort.value = query.sort;
  // a date input holds full days only; a year or month range from the URL is kept beside it
  for (const [input, value] of /** @type {[HTMLInputElement, string][]} */ ([[page.el.from, query.from], [page.el.to, query.to]])) {
    input.value = ISO_DAY.test(value) ? value : '';
    if (value && !ISO_DAY.test(value)) input.dataset.range = value;
    else delete input.dataset.range;
  }
  // Filters in use are shown; otherwise the box stays as the reader left it.
  if (isFiltered(query)) page.el.filterBox.open = true;
}
