/** One page per raw file: /files/<key>/ lists its pages and their articles in reading order. */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { FileGroup } from '../../src/site/entities.ts';
import { breadcrumbs, count, pageLabel, pager, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  file: FileGroup;
}

export const data = {
  section: 'browse',
  ...onePagePer('files', 'file'),
  eleventyComputed: { title: (d: Data) => d.file.file },
};

export function render(d: Data): string {
  const f = d.file;
  return html`${breadcrumbs([
    { label: '首页', url: '/' },
    { label: '浏览', url: '/browse/' },
    { label: f.publication.name, url: f.publication.url },
    { label: f.file },
  ])}
<h1 class="file-title">${f.file}</h1>
<p class="intro">${f.publication.name} · ${count(f.pages.length, '版')} · ${count(f.articles.length, '篇')}文章${
    f.rawPath ? html` · <a href="${f.rawUrl}">查看原始文本</a>` : ''
  }</p>
${f.pages.length === 0 ? html`<p>这个文件里没有识别出文章。</p>` : ''}
${f.pages.map(
  (pg) => html`<section class="page-section" aria-labelledby="p${pg.page}">
<h2 id="p${pg.page}"><a href="${pg.url}">${pageLabel(pg.page)}</a> <span class="meta">${count(pg.articles.length, '篇')}</span></h2>
${pg.articles.length
  ? html`<ol class="toc">${pg.articles.map(
      (a) => html`<li>${a.kicker ? html`<span class="kicker">${a.kicker}</span> ` : ''}<a href="${a.url}">${a.displayTitle}</a>${
        a.subtitle ? html` <span class="subtitle">——${a.subtitle}</span>` : ''
      }</li>`,
    )}</ol>`
  : html`<p class="meta">本版没有识别出文章。</p>`}
</section>`,
)}
${pager(
  '相邻文件',
  f.prev ? { url: f.prev.url, text: f.prev.file, hint: '上一个文件' } : null,
  f.next ? { url: f.next.url, text: f.next.file, hint: '下一个文件' } : null,
)}
`.value;
}
