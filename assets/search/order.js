// Results by issue date, newest or oldest first, right across every shard and site. Pagefind
// sorts within one index only (a merged search orders by score), and a result says nothing of
// its date until its data is loaded. But the `date` filter's counts, which Pagefind sums over
// every merged index, tell which dates the results have and how many each: so the dates are
// taken in order, a page's worth at a time, and one search narrowed to those dates tells which
// results are theirs. Their data is loaded (as it would be to show them) to order a page of
// several dates; a date alone keeps the relevance order within it. Undated results come last.

import { UNDATED, nextDates } from '../search-core.js';

/** @typedef {import('./page.js').Shown} Shown @typedef {import('./page.js').Entry} Entry */

/** An entry's Pagefind data, fetched once. @param {Entry} e */
export function dataOf(e) {
  e.data ??= e.result.data();
  return /** @type {Promise<any>} */ (e.data);
}

/**
 * Compares two issue dates in the order `sort` asks for, undated after every date.
 * @param {string} a @param {string} b @param {'newest' | 'oldest'} sort
 */
export function compareDates(a, b, sort) {
  const ua = !a || a === UNDATED;
  const ub = !b || b === UNDATED;
  if (ua || ub) return Number(ua) - Number(ub);
  return sort === 'newest' ? (a < b ? 1 : a > b ? -1 : 0) : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Put the entries in date order up to index `want` at least (or all of them): s.entries before
 * s.order.placed are in their final order, those after it still in relevance order.
 * @param {Shown} s @param {number} want @param {number} pageSize
 */
export async function placeUpTo(s, want, pageSize) {
  const o = s.order;
  if (!o) return;
  while (o.placed < Math.min(want, s.entries.length) && o.next < o.groups.length) {
    const dates = nextDates(o.groups, o.next, pageSize);
    o.next += dates.length;
    const ids = new Set((await o.findWith({ date: { any: dates } })).map((e) => e.result.id));
    const rest = s.entries.slice(o.placed);
    /** @type {Entry[]} */
    let mine = rest.filter((e) => ids.has(e.result.id));
    if (dates.length > 1) {
      const keyed = await Promise.all(mine.map(async (e, i) => ({ e, i, date: String((await dataOf(e)).meta?.date ?? UNDATED) })));
      keyed.sort((a, b) => compareDates(a.date, b.date, o.sort) || a.i - b.i);
      mine = keyed.map((k) => k.e);
    }
    s.entries.splice(o.placed, rest.length, ...mine, ...rest.filter((e) => !ids.has(e.result.id)));
    o.placed += mine.length;
  }
  // every date placed: what is left has no date filter at all (an older site's records), and
  // keeps its relevance order at the end
  if (o.next >= o.groups.length) o.placed = s.entries.length;
}
