/** Browse: every publication and its files. */
import { html } from '../../src/site/html.ts';
import { breadcrumbs, count, fileSummary, type TemplateData } from '../../src/site/views.ts';

export const data = {
  section: 'browse',
  title: '按报刊浏览',
  permalink: '/browse/index.html',
};

export function render(d: TemplateData): string {
  const pubs = d.archive.publications;
  return html`${breadcrumbs([{ label: '首页', url: '/' }, { label: '浏览' }])}
<h1>按报刊浏览</h1>
<p class="intro">共 ${count(pubs.filter((p) => p.known).length, '种')}报刊、${count(d.archive.files.length, '个')}文件。文件按文件名排列，打开文件可按版面阅读。</p>
${pubs.map(
  (p) => html`<section class="publication" aria-labelledby="pub-${p.slug}">
<h2 id="pub-${p.slug}"><a href="${p.url}">${p.name}</a> <span class="meta">${count(p.articleCount, '篇')}</span></h2>
<ul class="plain-list">${p.files.map((f) => html`<li>${fileSummary(f)}</li>`)}</ul>
</section>`,
)}
`.value;
}
