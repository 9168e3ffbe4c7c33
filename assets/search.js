// Search page behaviour: runs the query in ?q= against Baoku's Pagefind index, keeps the box, the
// filters and the URL in sync, and renders the results as <ol id="results">.
//
// A query with Chinese characters finds exactly the articles containing it (assets/search-core.js
// explains how): traditional characters are converted to simplified with opencc-js first (the
// archive is simplified) and both forms are looked for; headline hits come first; every shown
// result is checked against the string, and its excerpt highlights it. The Pagefind bundles to
// load come from /search/config.json (written by the build), /pagefind/ when it is missing.
import {
  DEFAULT_CONFIG,
  decodeContent,
  excerpt,
  fieldsContain,
  findMatches,
  highlight,
  planQuery,
  rankExact,
} from './search-core.js';

/** Results per page: each shown result costs one fragment (~2–4 KB) of Pagefind data. */
const PAGE_SIZE = 10;
const FILTERS = ['publication', 'author', 'file'];
// The traditional → simplified converter is the page's largest script, and building its tables
// takes the main thread for a while: it is loaded after the first search, which runs without it
// (and runs again with it if the query turns out to hold traditional characters).
/** @type {((text: string) => string) | null} */
let toSimplified = null;
/** @type {Promise<(text: string) => string> | null} */
let converterPromise = null;
function loadConverter() {
  converterPromise ??= import('./vendor/opencc-t2cn.js').then((m) => (toSimplified = m.Converter({ from: 'tw', to: 'cn' })));
  return converterPromise;
}

const form = /** @type {HTMLFormElement} */ (document.getElementById('search-q-form'));
const input = /** @type {HTMLInputElement} */ (document.getElementById('search-q'));
const filterBox = /** @type {HTMLDetailsElement} */ (document.getElementById('search-filters'));
const status = /** @type {HTMLElement} */ (document.getElementById('search-status'));
const note = /** @type {HTMLElement} */ (document.getElementById('search-note'));
const list = /** @type {HTMLOListElement} */ (document.getElementById('results'));
const more = /** @type {HTMLButtonElement} */ (document.getElementById('more-results'));
const selects = Object.fromEntries(
  FILTERS.map((name) => [name, /** @type {HTMLSelectElement} */ (document.getElementById(`filter-${name}`))]),
);

/** @type {{ version: number, bundles: string[], headlineSpan: number, sites?: string[] }} */
let config = DEFAULT_CONFIG;

async function loadConfig() {
  try {
    const res = await fetch('/search/config.json');
    if (!res.ok) return DEFAULT_CONFIG;
    const c = await res.json();
    if (!Array.isArray(c.bundles) || !c.bundles.length || !Number.isInteger(c.headlineSpan)) return DEFAULT_CONFIG;
    return c;
  } catch {
    return DEFAULT_CONFIG;
  }
}

/** @type {Promise<any> | null} */
let pagefindPromise = null;
/** Bundles not searched yet: this site's other shards, then those of the other sites. */
/** @type {string[]} */
let pending = [];
let sitesAsked = false;
/** @type {Promise<unknown>} */
let merging = Promise.resolve();

function loadPagefind() {
  pagefindPromise ??= (async () => {
    config = await loadConfig();
    const [first, ...rest] = config.bundles.map((b) => new URL(b, location.href).href);
    const pf = await import(new URL('pagefind.js', first).href);
    await pf.options({ excerptLength: 8 });
    await pf.init();
    pending = rest;
    return pf;
  })();
  return pagefindPromise;
}

/** True while some bundle has not joined the search yet. */
const moreBundles = () => pending.length > 0 || (!sitesAsked && (config.sites?.length ?? 0) > 0);

/**
 * Bring the next shard into the search (Pagefind's mergeIndex): a large archive's index is cut
 * into shards, each costing its own WebAssembly, metadata and index chunks, so the first results
 * come from the first shard alone and the others join as the reader asks for more. After this
 * site's shards come those of the other Baoku sites named in the config (built apart, hosted
 * apart; their results link to them: Pagefind takes a bundle's site from the part of its URL
 * before /pagefind/). A site that cannot be reached, or encodes its index differently, is left
 * out and named in data-search-missing. Resolves to false when every bundle is in.
 * @param {any} pf
 */
function mergeNext(pf) {
  const step = merging.then(async () => {
    if (!pending.length && !sitesAsked) {
      sitesAsked = true;
      for (const root of config.sites ?? []) {
        try {
          const res = await fetch(new URL('search/config.json', root));
          const other = res.ok ? await res.json() : null;
          if (!other || other.version !== config.version || other.headlineSpan !== config.headlineSpan || !Array.isArray(other.bundles)) throw new Error('incompatible');
          pending.push(...other.bundles.map((/** @type {string} */ b) => new URL(b, root).href));
        } catch {
          markMissing(root);
        }
      }
    }
    const next = pending.shift();
    if (!next) return false;
    try {
      await pf.mergeIndex(next);
    } catch {
      markMissing(next);
    }
    return true;
  });
  merging = step.catch(() => undefined);
  return step;
}

/** Names the host of `url` in data-search-missing (once): its articles are not in the results. @param {string} url */
function markMissing(url) {
  const root = document.documentElement;
  const host = new URL(url).host;
  const hosts = (root.dataset.searchMissing ?? '').split(' ').filter(Boolean);
  if (!hosts.includes(host)) root.dataset.searchMissing = [...hosts, host].join(' ');
}

/** Every bundle in (a filter list, or a filtered search, covers the whole archive). @param {any} pf */
async function mergeAll(pf) {
  while (await mergeNext(pf));
}

/** The query and filters the URL asks for. */
function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  /** @type {Record<string, string>} */
  const filters = {};
  for (const name of FILTERS) {
    const v = params.get(name);
    if (v) filters[name] = v;
  }
  return { q: params.get('q') ?? '', filters };
}

function stateFromForm() {
  /** @type {Record<string, string>} */
  const filters = {};
  for (const name of FILTERS) if (selects[name].value) filters[name] = selects[name].value;
  return { q: input.value, filters };
}

/** @param {{q: string, filters: Record<string, string>}} state */
function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
  const qs = params.toString();
  return location.pathname + (qs ? `?${qs}` : '');
}

/** @param {{q: string, filters: Record<string, string>}} state @param {'push' | 'replace'} how */
function writeUrl(state, how) {
  const url = urlFor(state);
  if (url === location.pathname + location.search) return;
  if (how === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** @param {{q: string, filters: Record<string, string>}} state */
function showState(state) {
  input.value = state.q;
  for (const name of FILTERS) {
    const select = selects[name];
    const value = state.filters[name] ?? '';
    if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
    select.value = value;
  }
  // Filters in use are shown; otherwise the box stays as the reader left it.
  if (Object.keys(state.filters).length) filterBox.open = true;
}

/** @param {import('./search-core.js').Piece[]} pieces */
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
 * @param {import('./search-core.js').Fields} fields
 * @param {string[]} needles
 */
function renderResult(data, fields, needles) {
  const li = el('li', 'result');
  const meta = data.meta ?? {};
  if (meta.kicker) li.appendChild(marked('p', 'kicker', meta.kicker, needles));
  const h = el('h2', 'result-title');
  const a = marked('a', '', meta.title || data.url, needles);
  a.setAttribute('href', data.url);
  h.appendChild(a);
  li.appendChild(h);
  if (meta.subtitle) li.appendChild(marked('p', 'subtitle', meta.subtitle, needles));
  const source = [
    meta.byline,
    data.filters?.publication?.[0],
    [data.filters?.file?.[0], meta.page].filter(Boolean).join(' '),
  ].filter(Boolean);
  if (source.length) li.appendChild(marked('p', 'meta', source.join(' · '), needles));
  const p = el('p', 'excerpt');
  p.appendChild(piecesNodes(excerpt(fields, needles)));
  li.appendChild(p);
  return li;
}

let generation = 0;

/**
 * The search being shown: its ranked candidates, how far they have been loaded, and how many
 * turned out not to contain the query.
 * `widen` brings the next shard in and adds its candidates (false when none was left).
 * @typedef {{ q: string, hasFilters: boolean, needles: string[], check: boolean, verify: boolean,
 *   entries: { result: any }[], seen: Set<string>, widen: () => Promise<boolean>, next: number,
 *   shown: number, dropped: number, loading: Promise<void> }} Shown
 */
/** @type {Shown | null} */
let shown = null;

/** @param {Shown} s */
function showStatus(s) {
  const quoted = /[“”]/.test(s.q) ? `「${s.q}」` : `“${s.q}”`;
  const scope = !s.q ? '符合筛选条件的' : s.check ? `包含${quoted}的` : `与${quoted}相关的`;
  const filtered = s.hasFilters ? '（已筛选）' : '';
  const unchecked = s.entries.length - s.next;
  const missing = document.documentElement.dataset.searchMissing;
  if (missing) {
    note.textContent = `以下站点的索引暂时无法加载，结果不含其文章：${missing}。`;
    note.hidden = false;
  }
  if (moreBundles()) {
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

/**
 * Load and show the next page of results, after any page of this search still loading (so pages
 * keep their order). Results are checked as their data arrives: one that does not contain the
 * query is left out and the next candidate taken, until a page is full or the candidates run out.
 * @param {number} gen
 */
function showMore(gen) {
  const s = shown;
  if (!s) return Promise.resolve();
  s.loading = s.loading.then(() => loadPage(gen));
  return s.loading;
}

/** @param {number} gen */
async function loadPage(gen) {
  const s = shown;
  if (!s || gen !== generation) return;
  let added = 0;
  // A query with punctuation can have many candidates that fail the check: look at no more
  // than five pages' worth per press of "more".
  const stop = s.next + PAGE_SIZE * 5;
  for (;;) {
    // candidates run out before the page is full: the next shard joins the search
    if (added < PAGE_SIZE && s.next >= s.entries.length && moreBundles()) {
      await s.widen();
      if (gen !== generation) return;
      continue;
    }
    if (!(added < PAGE_SIZE && s.next < s.entries.length && s.next < stop)) break;
    const batch = s.entries.slice(s.next, s.next + PAGE_SIZE - added);
    s.next += batch.length;
    // All of the page's data is requested at once; each result is shown as soon as it and
    // those before it have arrived.
    const datas = batch.map((e) => e.result.data());
    for (const p of datas) p.catch(() => undefined); // a failure surfaces once, below
    for (const pending of datas) {
      const d = await pending;
      if (gen !== generation) return;
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
  more.hidden = s.next >= s.entries.length && !moreBundles();
  showStatus(s);
  // Counts finished loads (the evaluation waits on it after pressing "more").
  list.dataset.loaded = String(Number(list.dataset.loaded ?? 0) + 1);
}

/**
 * Run a search and render it. When done, <html data-search-done> holds the URL of the search
 * shown (the browser tests wait for it).
 * @param {{q: string, filters: Record<string, string>}} state
 */
async function run(state) {
  const gen = ++generation;
  try {
    await runSearch(state, gen);
    // searched before the converter was there: again, if the query has traditional characters
    const q = state.q.trim();
    if (!toSimplified && q) {
      const convert = await loadConverter().catch(() => null);
      if (convert && gen === generation && convert(q) !== q) await runSearch(state, gen);
    }
  } finally {
    if (gen === generation) document.documentElement.dataset.searchDone = urlFor(state);
  }
}

/** @param {{q: string, filters: Record<string, string>}} state @param {number} gen */
async function runSearch(state, gen) {
  const q = state.q.trim();
  const plan = planQuery(q, toSimplified ?? ((t) => t));
  const simplified = plan.mode === 'none' ? q : plan.mode === 'plain' ? plan.term : plan.simplified;
  const hasFilters = Object.keys(state.filters).length > 0;
  if (simplified !== q) {
    note.textContent = `已将繁体“${q}”转换为简体“${simplified}”检索。`;
    note.hidden = false;
  } else {
    note.hidden = true;
    note.textContent = '';
  }
  list.replaceChildren();
  more.hidden = true;
  shown = null;
  if (!q && !hasFilters) {
    status.textContent = '输入标题、正文里的词语或作者姓名，开始检索。';
    status.classList.remove('no-results');
    delete status.dataset.total;
    return;
  }
  status.textContent = '正在检索…';
  let pf;
  try {
    pf = await loadPagefind();
  } catch (e) {
    status.textContent = '检索索引加载失败，请稍后再试。';
    throw e;
  }
  // a filtered search covers every shard at once: filters are for narrowing the whole archive
  if (hasFilters) await mergeAll(pf);
  const options = { filters: state.filters };
  /** @returns {Promise<{ result: any }[]>} */
  const find = async () => {
    if (plan.mode === 'exact') {
      const searches = await Promise.all(plan.phrases.map((p) => pf.search(p, options)));
      return rankExact(searches.map((r) => r?.results ?? []), config.headlineSpan);
    }
    if (plan.mode === 'plain' || !q) {
      const search = await pf.search(plan.mode === 'plain' ? plan.term : null, options);
      return (search?.results ?? []).map((/** @type {any} */ result) => ({ result }));
    }
    return [];
  };
  const entries = await find();
  if (gen !== generation) return;
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
      if (!(await mergeNext(pf))) return false;
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
  shown = current;
  await showMore(gen);
}

/**
 * The filter lists come from every shard's filter files, which grow with the archive: they are
 * fetched when the reader opens the filter box (or the URL asks for a filter), not with every
 * search.
 */
/** @type {Promise<void> | null} */
let filtersPromise = null;
function setUpFilters() {
  filtersPromise ??= fillFilters();
  return filtersPromise;
}

async function fillFilters() {
  const pf = await loadPagefind();
  await mergeAll(pf);
  const available = await pf.filters();
  let any = false;
  for (const name of FILTERS) {
    const select = selects[name];
    const counts = available?.[name] ?? {};
    const entries = Object.entries(counts).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], 'zh-Hans-CN'));
    for (const [value, n] of entries) {
      if ([...select.options].some((o) => o.value === value)) continue;
      select.add(new Option(`${value}（${n}）`, value));
    }
    select.disabled = entries.length === 0;
    any ||= entries.length > 0;
  }
  filterBox.hidden = !any;
  document.documentElement.dataset.filtersReady = 'true';
}

let typingTimer = 0;
input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => {
    const state = stateFromForm();
    writeUrl(state, 'replace');
    run(state);
  }, 300);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  const state = stateFromForm();
  writeUrl(state, 'push');
  run(state);
});

for (const name of FILTERS) {
  selects[name].addEventListener('change', () => {
    const state = stateFromForm();
    writeUrl(state, 'push');
    run(state);
  });
}

more.addEventListener('click', () => showMore(generation));

window.addEventListener('popstate', () => {
  const state = stateFromUrl();
  showState(state);
  run(state);
});

filterBox.hidden = false;
filterBox.addEventListener('toggle', () => {
  if (filterBox.open) setUpFilters();
});
const initial = stateFromUrl();
showState(initial);
await Promise.all([Object.keys(initial.filters).length ? setUpFilters() : null, run(initial)]);
// ready for the next query
loadConverter().catch(() => undefined);
showState(stateFromUrl());
