// The filter lists (publication, section, year, author, source file; the span of issue dates) come from every shard's filter files,
// which grow with the archive: they are fetched when the reader opens the filter box (or the
// URL asks for a filter), not with every search.

import { loadPagefind, mergeAll } from './bundles.js';
import { FILTERS } from './page.js';

/** @typedef {import('./page.js').SearchPage} SearchPage */

/** Fills the filter lists, once. @param {SearchPage} page */
export function setUpFilters(page) {
  page.filters ??= fillFilters(page);
  return page.filters;
}

/** @param {SearchPage} page */
async function fillFilters(page) {
  const pf = await loadPagefind(page);
  await mergeAll(page, pf);
  const available = await pf.filters();
  let any = false;
  for (const name of FILTERS) {
    const select = page.el.selects[name];
    const counts = available?.[name] ?? {};
    const entries = Object.entries(counts).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], 'zh-Hans-CN'));
    for (const [value, n] of entries) {
      if ([...select.options].some((o) => o.value === value)) continue;
      select.add(new Option(`${value}（${n}）`, value));
    }
    select.disabled = entries.length === 0;
    any ||= entries.length > 0;
  }
  // the date inputs offer the archive's span of issue dates
  const dates = Object.keys(available?.date ?? {}).filter((d) => /^\d{4}-\d{2}-\d{2}$/u.test(d)).sort();
  for (const input of [page.el.from, page.el.to]) {
    input.disabled = dates.length === 0;
    if (dates.length) [input.min, input.max] = [dates[0], dates[dates.length - 1]];
  }
  any ||= dates.length > 0;
  page.el.filterBox.hidden = !any;
  document.documentElement.dataset.filtersReady = 'true';
}
