/** One page per publication: /browse/<publication>/ lists its years and months, then its undated files. */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import { UNDATED, type Publication } from '../../src/site/entities.ts';
import { breadcrumbs, count, type TemplateData } from '../../src/site/views.ts';

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
<h1>${p.name}${p.span ? html` <span class="h1-sub">${p.span}</span>` : ''}</h1>
<p class="intro">${count(p.issues.length, '期')}、${count(p.files.length, '个')}文件，${count(p.articleCount, '篇')}文章。按日期浏览：年 → 月 → 当天的报纸 → 版面。</p>
${p.years.length ? html`<section aria-labelledby="years-h">
<h2 id="years-h">按日期</h2>
<ul class="year-list">${p.years.map(
    (y) => html`<li><a href="${y.url}">${y.label}</a> <span class="meta">${count(y.issues.length, '期')}</span>
<ul class="inline-list">${y.months.map((m) => html`<li><a href="${m.url}">${m.month}月</a> <span class="meta">${m.issues.length}</span></li>`)}</ul></li>`,
  )}</ul>
</section>` : ''}
${p.undated.length ? html`<section aria-labelledby="undated">
<h2 id="undated">${UNDATED}</h2>
<p class="meta">这些文件的出版日期未知：既没有清单（_issues.csv）或路径给出，版面上也没有印出的日期。按文件排列。</p>
<ol class="file-list">${p.undated.map(
    (f) => html`<li><a href="${f.url}">${f.label.replace(`${UNDATED} · `, '')}</a> <span class="meta">${f.file} · ${count(f.pages.length, '版')} · ${count(f.articles.length, '篇')}</span>
${f.pages.length ? html`<ul class="inline-list">${f.pages.map((pg) => html`<li><a href="${pg.url}">${pg.label}</a> <span class="meta">${pg.articles.length} 篇</span></li>`)}</ul>` : ''}</li>`,
  )}</ol>
</section>` : ''}
`.value;
}
