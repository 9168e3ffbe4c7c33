/**
 * The search page. The form works as GET /search/?q=…; /assets/search.js runs the query with
 * Pagefind's JS API, keeps the URL and the box in sync, and renders the results itself.
 */
import { html } from '../../src/site/html.ts';
import { breadcrumbs, searchForm, type TemplateData } from '../../src/site/views.ts';
import { searchExamples, searchFacets, type SearchExample } from '../../src/search/examples.ts';
import { SEARCH_CONFIG_PATH } from '../../src/search/text.ts';

const SEARCH_CONFIG_URL = `/${SEARCH_CONFIG_PATH}`;

export const data = {
  section: 'search',
  title: '检索',
  permalink: '/search/index.html',
  scripts: ['/assets/search.js'],
  // the bundles to search: the first thing the page's script asks for (assets/search/bundles.js);
  // the build adds the first bundle's Pagefind files below it (src/build/search-preload.ts)
  fetches: [SEARCH_CONFIG_URL],
};

/** Pagefind filter names (see searchRecord in src/search/records.ts) with their labels. */
const FILTERS = [
  ['publication', '报刊', '全部报刊'],
  ['section', '版面', '全部版面'],
  ['year', '年份', '全部年份'],
  ['author', '作者', '全部作者'],
  ['file', '源文件', '全部文件'],
] as const;

const KIND_LABEL: Record<SearchExample['kind'], string> = { name: '人名', place: '地名', keyword: '关键词' };

export function render(d: TemplateData): string {
  const examples = searchExamples(d.archive);
  const facets = searchFacets(d.archive);
  const kinds = (['name', 'place', 'keyword'] as const).filter((k) => examples.some((e) => e.kind === k));
  return html`${breadcrumbs([{ label: '首页', url: '/' }, { label: '检索' }])}
<h1>检索</h1>
${searchForm({
  id: 'search-q',
  extra: html`<div class="search-options"><label for="search-sort">排序</label><select id="search-sort" name="sort"><option value="">按相关度</option><option value="newest">最新的在前</option><option value="oldest">最早的在前</option></select></div>
<details id="search-filters" class="search-filters" hidden>
<summary>筛选：报刊、版面、日期、作者、源文件</summary>
<div class="filter-grid">
${FILTERS.map(
  ([name, label, all]) =>
    html`<div class="filter-row"><label for="filter-${name}">${label}</label><select id="filter-${name}" name="${name}"><option value="">${all}</option></select></div>`,
)}
<div class="filter-row"><label for="filter-from">出版日期 从</label><input id="filter-from" name="from" type="date"></div>
<div class="filter-row"><label for="filter-to">到</label><input id="filter-to" name="to" type="date"></div>
</div>
</details>`,
})}
<div id="search-chips" class="chips" data-papers="${JSON.stringify(facets.papers)}" data-sections="${JSON.stringify(facets.sections)}" hidden></div>
<p id="search-note" class="search-note" hidden></p>
<p id="search-status" class="search-status" role="status" aria-live="polite" tabindex="-1"></p>
<div id="search-help" class="search-help">
<p>按原文逐字匹配：找出含有所输入字符串的文章，加不加引号都一样；繁体字先转换为简体再检索。可按报刊、版面、日期筛选，按日期排序。</p>
${examples.length
  ? html`<p>试试这些：</p><dl class="examples">${kinds.map(
      (k) => html`<div><dt>${KIND_LABEL[k]}</dt><dd><ul class="tags">${examples
        .filter((e) => e.kind === k)
        .map((e) => html`<li><a href="/search/?${new URLSearchParams({ q: e.q }).toString()}">${e.q}</a></li>`)}</ul></dd></div>`,
    )}</dl>`
  : ''}
</div>
<noscript><p class="search-status">检索需要 JavaScript。不用脚本时，可以<a href="/browse/">按报刊浏览</a>、查看<a href="/authors/">作者</a>或<a href="/keywords/">关键词</a>。</p></noscript>
<ol id="results" class="results"></ol>
<p><button type="button" id="more-results" class="more" hidden>显示更多结果</button></p>
<p id="search-more-status" class="visually-hidden" aria-live="polite"></p>
`.value;
}
