// Rendering: one result as <li> (the query highlighted in its headline parts, source line and
// excerpt), and the status line above the list.

import { excerpt, findMatches, highlight } from '../search-core.js';
import { moreBundles } from './bundles.js';
import { FILTER_LABELS } from './page.js';
import { urlFor } from './url.js';

/** @typedef {import('./page.js').SearchPage} SearchPage @typedef {import('./page.js').Shown} Shown @typedef {import('./page.js').Query} Query */

/** @param {import('../search-core.js').Piece[]} pieces */
function piecesNodes(pieces) {
  const out = document.createDocumentFragment();
  for (const p of pieces) {
    if (p.mark) {
      const mark = document.createElement('mark');
      mark.textContent = p.text;
      out.appendChild(mark);
    } else out.appendChild(document.createTextNode(p.text));
  }
  return out;
}

/** @param {string} tag @param {string} [className] @param {string} [text] */
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

/**
 * An element holding `text` with the query highlighted.
 * @param {string} tag @param {string} className @param {string} text @param {string[]} needles
 */
function marked(tag, className, text, needles) {
  const e = el(tag, className);
  e.appendChild(piecesNodes(highlight(text, findMatches(text, needles))));
  return e;
}

/**
 * @param {any} data a Pagefind result's data()
 * @param {import('../search-core.js').Fields} fields
 * @param {string[]} needles
 */
export function renderResult(data, fields, needles) {
  const li = el('li', 'result');
  const meta = data.meta ?? {};
  if (meta.kicker) li.appendChild(marked('p', 'kicker', meta.kicker, needles));
  const h = el('h2', 'result-title');
  const a = marked('a', '', meta.title || data.url, needles);
  a.setAttribute('href', data.url);
  h.appendChild(a);
  li.appendChild(h);
  if (meta.subtitle) li.appendChild(marked('p', 'subtitle', meta.subtitle, needles));
  // date · paper · page (records from before the dates, from other sites: paper, file and page)
  const source = [
    meta.byline,
    ...(meta.where ? [meta.where] : [data.filters?.publication?.[0], [data.filters?.file?.[0], meta.page].filter(Boolean).join(' ')]),
  ].filter(Boolean);
  if (source.length) li.appendChild(marked('p', 'meta', source.join(' · '), needles));
  const p = el('p', 'excerpt');
  p.appendChild(piecesNodes(excerpt(fields, needles)));
  li.appendChild(p);
  return li;
}

/** A link to another search (search.js runs it in place), as a chip. @param {Query} query @param {string} text @param {string} [label] */
function chipLink(query, text, label) {
  const a = el('a', 'chip', text);
  a.setAttribute('href', urlFor(query));
  a.dataset.search = '';
  if (label) a.setAttribute('aria-label', label);
  return a;
}

/** @param {string} s */
const parseList = (s) => {
  try {
    const v = JSON.parse(s || '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

/**
 * The chips above the results: each filter in use (with the date range) as a link to the same
 * search without it, and, when the query is exactly the name of one of the archive's papers or
 * sections (which the page lists in data-papers, data-sections), the offer of that filter: the
 * paper's articles are what such a query wants, not the articles whose text names the paper.
 * @param {SearchPage} page @param {Query} query @param {string} q the query as searched
 */
export function showChips(page, query, q) {
  const { chips } = page.el;
  chips.replaceChildren();
  const active = Object.entries(query.filters);
  const ranged = Boolean(query.from || query.to);
  if (active.length || ranged) {
    const row = el('p', 'chip-row');
    row.appendChild(el('span', 'chip-label', '筛选：'));
    for (const [name, value] of active) {
      const { [name]: _, ...rest } = query.filters;
      row.appendChild(chipLink({ ...query, filters: rest }, `${FILTER_LABELS[name] ?? name}：${value} ×`, `去掉筛选条件 ${FILTER_LABELS[name] ?? name}：${value}`));
    }
    if (ranged) {
      const text = `出版日期：${query.from || '…'} 至 ${query.to || '…'}`;
      row.appendChild(chipLink({ ...query, from: '', to: '' }, `${text} ×`, `去掉筛选条件 ${text}`));
    }
    chips.appendChild(row);
  }
  /** @type {[string, string, string][]} filter, its values, the offer's wording */
  const offers = [
    ['publication', chips.dataset.papers ?? '', `查看《${q}》的全部文章`],
    ['section', chips.dataset.sections ?? '', `查看“${q}”版的全部文章`],
  ];
  for (const [name, list, text] of offers) {
    if (!q || query.filters[name] === q || !parseList(list).includes(q)) continue;
    const row = el('p', 'chip-row offer');
    row.appendChild(el('span', 'chip-label', name === 'publication' ? `“${q}”是报刊名：` : `“${q}”是版面名：`));
    row.appendChild(chipLink({ ...query, q: '', filters: { ...query.filters, [name]: q } }, text));
    chips.appendChild(row);
  }
  chips.hidden = !chips.childElementCount;
}

/** The status line (and the note naming sites left out) for the search shown. @param {SearchPage} page @param {Shown} s */
export function showStatus(page, s) {
  const { status, note } = page.el;
  // the string looked for: the simplified form of a traditional query
  const quoted = /[“”]/.test(s.searched) ? `「${s.searched}」` : `“${s.searched}”`;
  // a traditional query says which simplified form it searched
  const from = s.searched !== s.q ? `（由繁体“${s.q}”转换）` : '';
  const scope = !s.q ? '符合筛选条件的' : s.check ? `包含${quoted}${from}的` : `与${quoted}${from}相关的`;
  const filtered = (s.hasFilters ? '（已筛选）' : '') + (s.order ? (s.order.sort === 'newest' ? '，最新的在前' : '，最早的在前') : '');
  const unchecked = s.entries.length - s.next;
  const missing = document.documentElement.dataset.searchMissing;
  if (missing) {
    const text = `以下站点的索引暂时无法加载，结果不含其文章：${missing}。`;
    if (!note.textContent?.includes(text)) note.textContent = (note.textContent ?? '') + text;
    note.hidden = false;
  }
  if (moreBundles(page)) {
    // the rest of the archive's shards are searched as the reader asks for more
    status.classList.remove('no-results');
    status.textContent = `已找到 ${s.entries.length - s.dropped} 篇${scope}文章${filtered}，档案其余部分在点“更多结果”时检索。`;
    delete status.dataset.total;
    return;
  }
  if (s.shown === 0 && unchecked === 0) {
    status.textContent = `没有找到${scope}文章。${s.hasFilters ? '试试去掉筛选条件，或' : '试试'}换一个更短的词。`;
    status.classList.add('no-results');
    status.dataset.total = '0';
    return;
  }
  status.classList.remove('no-results');
  if (s.verify && unchecked > 0) {
    // Candidates from a query with punctuation are checked as they are shown.
    status.textContent = `已找到 ${s.shown} 篇${scope}文章${filtered}，还有 ${unchecked} 篇待核对。`;
    delete status.dataset.total;
  } else {
    const total = s.entries.length - s.dropped;
    status.textContent = `找到 ${total} 篇${scope}文章${filtered}。`;
    status.dataset.total = String(total);
  }
}
