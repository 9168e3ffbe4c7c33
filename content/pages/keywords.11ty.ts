/** Index of keywords with their article counts. */
import { html } from '../../src/site/html.ts';
import { breadcrumbs, count, type TemplateData } from '../../src/site/views.ts';

export const data = {
  section: 'keywords',
  title: '关键词',
  permalink: '/keywords/index.html',
};

export function render(d: TemplateData): string {
  const kws = d.archive.keywords;
  return html`${breadcrumbs([{ label: '首页', url: '/' }, { label: '关键词' }])}
<h1>关键词</h1>
<p class="intro">共 ${count(kws.length, '个')}关键词，按文章篇数排列。</p>
<ul class="tags tag-cloud">${kws.map(
    (k) => html`<li><a href="${k.url}">${k.name}</a> <span class="count">${k.articles.length}</span></li>`,
  )}</ul>
`.value;
}
