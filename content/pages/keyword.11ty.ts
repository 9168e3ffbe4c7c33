/**
 * One page per keyword, in pages of ARTICLES_PER_LIST_PAGE: every article that prints it (or a
 * form of it: 株洲市, also 株洲), /keywords/株洲市/, /keywords/株洲市/2/ …
 */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { KeywordPage } from '../../src/site/entities.ts';
import { articleList, breadcrumbs, count, listPager, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  kpage: KeywordPage;
}

export const data = {
  section: 'keywords',
  ...onePagePer('keywords', 'kpage'),
  eleventyComputed: {
    title: (d: Data) => `关键词：${d.kpage.keyword.name}${d.kpage.of > 1 ? `（第 ${d.kpage.number} 页，共 ${d.kpage.of} 页）` : ''}`,
  },
};

export function render(d: Data): string {
  const p = d.kpage;
  const k = p.keyword;
  const last = p.from + p.articles.length - 1;
  const crumbs = [{ label: '首页', url: '/' }, { label: '关键词', url: '/keywords/' }, ...(p.of > 1 ? [{ label: k.name, url: k.url }, { label: `第 ${p.number} 页` }] : [{ label: k.name }])];
  return html`${breadcrumbs(crumbs)}
<h1><span class="h1-pre">关键词</span> ${k.name}${p.of > 1 ? html` <span class="h1-sub">第 ${p.number} 页，共 ${p.of} 页</span>` : ''}</h1>
<p class="intro">${k.forms.length > 1 ? `也作 ${k.forms.slice(1).join('、')} · ` : ''}${count(k.articles.length, '篇')}文章提到它${p.of > 1 ? `（这一页是第 ${p.from}–${last} 篇）` : ''} · <a href="/search/?q=${encodeURIComponent(k.name)}">全文检索“${k.name}”</a></p>
${articleList(p.articles, { heading: 'h2', source: true })}
${listPager(`关键词“${k.name}”的页`, p)}
`.value;
}
