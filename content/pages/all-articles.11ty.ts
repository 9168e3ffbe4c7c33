/**
 * The list of all articles: /articles/, /articles/2/ … one line each (title, byline, where it
 * was printed), each paper's articles in reading order — the order 上一篇 and 下一篇 walk.
 */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { ArticleListPage } from '../../src/site/entities.ts';
import { articleWhere, breadcrumbs, byline, count, listPager, titleHtml, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  list: ArticleListPage;
}

export const data = {
  section: 'browse',
  ...onePagePer('articleLists', 'list'),
  eleventyComputed: { title: (d: Data) => (d.list.of > 1 ? `全部文章（第 ${d.list.number} 页，共 ${d.list.of} 页）` : '全部文章') },
};

export function render(d: Data): string {
  const l = d.list;
  const total = d.archive.articles.length;
  const last = l.from + l.articles.length - 1;
  return html`${breadcrumbs([{ label: '首页', url: '/' }, ...(l.of > 1 ? [{ label: '全部文章', url: '/articles/' }, { label: `第 ${l.number} 页` }] : [{ label: '全部文章' }])])}
<h1>全部文章${l.of > 1 ? html` <span class="h1-sub">第 ${l.number} 页，共 ${l.of} 页</span>` : ''}</h1>
<p class="intro">共 ${count(total, '篇')}${l.of > 1 ? `，这一页是第 ${l.from}–${last} 篇` : ''}。按报刊排列，每种报刊按出版日期、版次和版面上的顺序；日期不详的排在最后。</p>
<ol class="all-articles" start="${l.from}">${l.articles.map((a) => {
    const names = byline(a, { links: false });
    return html`<li><a href="${a.url}">${titleHtml(a)}</a>${names.value ? html` <span class="byline">${names}</span>` : ''} <span class="meta">${articleWhere(a)}</span></li>`;
  })}</ol>
${listPager('全部文章的页', l)}
`.value;
}
