/** One page per publication: /browse/<publication>/ lists its files and their pages. */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { Publication } from '../../src/site/entities.ts';
import { breadcrumbs, count, pageLabel, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  publication: Publication;
}

export const data = {
  section: 'browse',
  ...onePagePer('publications', 'publication'),
  eleventyComputed: { title: (d: Data) => d.publication.name },
};

export function render(d: Data): string {
  const p = d.publication;
  return html`${breadcrumbs([{ label: '首页', url: '/' }, { label: '浏览', url: '/browse/' }, { label: p.name }])}
<h1>${p.name}</h1>
<p class="intro">${count(p.files.length, '个')}文件，${count(p.articleCount, '篇')}文章。</p>
<ol class="file-list">${p.files.map(
    (f) => html`<li>
<h2><a href="${f.url}">${f.file}</a></h2>
<p class="meta">${count(f.pages.length, '版')} · ${count(f.articles.length, '篇')}</p>
${f.pages.length ? html`<ul class="inline-list">${f.pages.map((pg) => html`<li><a href="${pg.url}">${pageLabel(pg.page)}</a> <span class="meta">${pg.articles.length} 篇</span></li>`)}</ul>` : ''}
</li>`,
  )}</ol>
`.value;
}
