/** Browse: every publication, its years and its undated files. */
import { html } from '../../src/site/html.ts';
import { UNDATED } from '../../src/site/entities.ts';
import { breadcrumbs, count, type TemplateData } from '../../src/site/views.ts';

export const data = {
  section: 'browse',
  title: '按报刊浏览',
  permalink: '/browse/index.html',
};

export function render(d: TemplateData): string {
  const pubs = d.archive.publications;
  return html`${breadcrumbs([{ label: '首页', url: '/' }, { label: '浏览' }])}
<h1>按报刊浏览</h1>
<p class="intro">共 ${count(pubs.filter((p) => p.known).length, '种')}报刊、${count(d.archive.issues.length, '期')}、${count(d.archive.files.length, '个')}文件。报刊 → 年 → 月 → 当天的报纸 → 版面 → 文章。</p>
${pubs.map(
  (p) => html`<section class="publication" aria-labelledby="pub-${p.slug}">
<h2 id="pub-${p.slug}"><a href="${p.url}">${p.name}</a> <span class="meta">${p.span ? `${p.span} · ` : ''}${count(p.articleCount, '篇')}</span></h2>
<ul class="inline-list">${p.years.map((y) => html`<li><a href="${y.url}">${y.label}</a> <span class="meta">${count(y.issues.length, '期')}</span></li>`)}${
    p.undated.length ? html`<li><a href="${p.url}#undated">${UNDATED}</a> <span class="meta">${count(p.undated.length, '个')}文件</span></li>` : ''
  }</ul>
</section>`,
)}
`.value;
}
