/** One page per keyword: every article that prints it (or a form of it: 株洲市, also 株洲). */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { Keyword } from '../../src/site/entities.ts';
import { articleList, breadcrumbs, count, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  keyword: Keyword;
}

export const data = {
  section: 'keywords',
  ...onePagePer('keywords', 'keyword'),
  eleventyComputed: { title: (d: Data) => `关键词：${d.keyword.name}` },
};

export function render(d: Data): string {
  const k = d.keyword;
  return html`${breadcrumbs([{ label: '首页', url: '/' }, { label: '关键词', url: '/keywords/' }, { label: k.name }])}
<h1><span class="h1-pre">关键词</span> ${k.name}</h1>
<p class="intro">${k.forms.length > 1 ? `也作 ${k.forms.slice(1).join('、')} · ` : ''}${count(k.articles.length, '篇')}文章提到它 · <a href="/search/?q=${encodeURIComponent(k.name)}">全文检索“${k.name}”</a></p>
${articleList(k.articles, { heading: 'h2', source: true })}
`.value;
}
