// Search page behaviour: runs the query in ?q= with Pagefind's JS API, keeps the box, the filters
// and the URL in sync, and renders the results as <ol id="results">. Traditional characters in the
// query are converted to simplified with opencc-js before searching (the archive is simplified).
import { Converter } from './vendor/opencc-t2cn.js';

const PAGE_SIZE = 20;
const FILTERS = ['publication', 'author', 'file'];
const toSimplified = Converter({ from: 'tw', to: 'cn' });

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

/** @type {Promise<any> | null} */
let pagefindPromise = null;
function loadPagefind() {
  pagefindPromise ??= import('/pagefind/pagefind.js').then(async (pf) => {
    await pf.options({ excerptLength: 36 });
    await pf.init();
    return pf;
  });
  return pagefindPromise;
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

/** Copy Pagefind's excerpt (HTML with <mark>) as text and <mark> elements only. */
function excerptNodes(markup) {
  const doc = new DOMParser().parseFromString(`<p>${markup}</p>`, 'text/html');
  const out = document.createDocumentFragment();
  const walk = (/** @type {Node} */ node, /** @type {Node} */ into) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) into.appendChild(document.createTextNode(child.textContent ?? ''));
      else if (child.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        walk(child, mark);
        into.appendChild(mark);
      } else walk(child, into);
    }
  };
  walk(doc.body, out);
  return out;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

function renderResult(data) {
  const li = el('li', 'result');
  const meta = data.meta ?? {};
  if (meta.kicker) li.appendChild(el('p', 'kicker', meta.kicker));
  const h = el('h2', 'result-title');
  const a = el('a', '', meta.title || data.url);
  a.href = data.url;
  h.appendChild(a);
  li.appendChild(h);
  if (meta.subtitle) li.appendChild(el('p', 'subtitle', meta.subtitle));
  const source = [
    meta.byline,
    data.filters?.publication?.[0],
    [data.filters?.file?.[0], meta.page].filter(Boolean).join(' '),
  ].filter(Boolean);
  if (source.length) li.appendChild(el('p', 'meta', source.join(' · ')));
  const p = el('p', 'excerpt');
  p.appendChild(excerptNodes(data.excerpt ?? ''));
  li.appendChild(p);
  return li;
}

let generation = 0;
/** @type {any[]} */
let pending = [];

async function showMore(gen) {
  const batch = pending.splice(0, PAGE_SIZE);
  const datas = await Promise.all(batch.map((r) => r.data()));
  if (gen !== generation) return;
  for (const d of datas) list.appendChild(renderResult(d));
  more.hidden = pending.length === 0;
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
  } finally {
    if (gen === generation) document.documentElement.dataset.searchDone = urlFor(state);
  }
}

/** @param {{q: string, filters: Record<string, string>}} state @param {number} gen */
async function runSearch(state, gen) {
  const q = state.q.trim();
  const term = toSimplified(q);
  const hasFilters = Object.keys(state.filters).length > 0;
  if (term !== q) {
    note.textContent = `已将繁体“${q}”转换为简体“${term}”检索。`;
    note.hidden = false;
  } else {
    note.hidden = true;
    note.textContent = '';
  }
  list.replaceChildren();
  more.hidden = true;
  pending = [];
  if (!q && !hasFilters) {
    status.textContent = '输入标题、正文里的词语或作者姓名，开始检索。';
    status.classList.remove('no-results');
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
  const search = await pf.search(q ? term : null, { filters: state.filters });
  if (gen !== generation || !search) return;
  const results = search.results ?? [];
  const scope = q ? `与“${q}”相关的` : '符合筛选条件的';
  status.dataset.total = String(results.length);
  if (results.length === 0) {
    status.textContent = `没有找到${scope}文章。${hasFilters ? '试试去掉筛选条件，或' : '试试'}换一个更短的词。`;
    status.classList.add('no-results');
    return;
  }
  status.classList.remove('no-results');
  status.textContent = `找到 ${results.length} 篇${scope}文章${hasFilters ? '（已筛选）' : ''}。`;
  pending = results.slice();
  await showMore(gen);
}

async function setUpFilters() {
  const pf = await loadPagefind();
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

const initial = stateFromUrl();
showState(initial);
await Promise.all([setUpFilters(), run(initial)]);
showState(stateFromUrl());
