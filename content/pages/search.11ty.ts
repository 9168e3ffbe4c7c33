/**
 * The search page. The form works as GET /search/?q=…; /assets/search.js runs the query with
 * Pagefind's JS API, keeps the URL and the box in sync, and renders the results itself.
 */
import { html } from '../../src/site/html.ts';
import { breadcrumbs, searchForm, type TemplateData } from '../../src/site/views.ts';

export const data = {
  section: 'search',
  title: '检索',
  permalink: '/search/index.html',
  scripts: ['/assets/search.js'],
};

/** Pagefind filter names (see data-pagefind-filter on article pages) with their labels. */
const FILTERS = [
  ['publication', '报刊', '全部报刊'],
  ['year', '年份', '全部年份'],
  ['author', '作者', '全部作者'],
  ['file', '源文件', '全部文件'],
] as const;

export function render(_d: TemplateData): string {
  return html`${breadcrumbs([{ label: '首页', url: '/' }, { label: '检索' }])}
<h1>检索</h1>
${searchForm({
  id: 'search-q',
  autofocus: true,
  extra: html`<details id="search-filters" class="search-filters" hidden>
<summary>筛选：报刊、年份、作者、源文件</summary>
<div class="filter-grid">
${FILTERS.map(
  ([name, label, all]) =>
    html`<div class="filter-row"><label for="filter-${name}">${label}</label><select id="filter-${name}" name="${name}"><option value="">${all}</option></select></div>`,
)}
</div>
</details>`,
})}
<p id="search-note" class="search-note" hidden></p>
<p id="search-status" class="search-status" role="status" aria-live="polite"></p>
<noscript><p class="search-status">检索需要 JavaScript。不用脚本时，可以<a href="/browse/">按报刊浏览</a>、查看<a href="/authors/">作者</a>或<a href="/keywords/">关键词</a>。</p></noscript>
<ol id="results" class="results"></ol>
<p><button type="button" id="more-results" class="more" hidden>显示更多结果</button></p>
`.value;
}
