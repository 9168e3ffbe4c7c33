/** One page per raw file: /files/<key>/ lists its pages and their articles in reading order. */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { FileGroup } from '../../src/site/entities.ts';
import { count, fileCrumbs, pager, titleHtml, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  file: FileGroup;
}

export const data = {
  section: 'browse',
  ...onePagePer('files', 'file'),
  eleventyComputed: { title: (d: Data) => `${d.file.publication.name} ${d.file.label}` },
};

export function render(d: Data): string {
  const f = d.file;
  return html`${fileCrumbs(f)}
<h1 class="file-title">${f.publication.name} <span class="h1-sub">${f.label}</span></h1>
<p class="intro">${count(f.pages.length, '版')} · ${count(f.articles.length, '篇')}文章 · 源文件 <code>${f.file}</code>${
    f.rawPath ? html` · <a href="${f.rawUrl}">查看原始文本</a>` : ''
  }</p>
${f.pages.length === 0 ? html`<p>这个文件里没有识别出文章。</p>` : ''}
${f.pages.map(
  (pg) => html`<section class="page-section" aria-labelledby="p${pg.page}">
<h2 id="p${pg.page}"><a href="${pg.url}">${pg.label}</a> <span class="meta">${count(pg.articles.length, '篇')}</span></h2>
${pg.articles.length
  ? html`<ol class="toc">${pg.articles.map(
      (a) => html`<li>${a.kicker ? html`<span class="kicker">${a.kicker}</span> ` : ''}<a href="${a.url}">${titleHtml(a)}</a>${
        a.subtitle ? html` <span class="subtitle">——${a.subtitle}</span>` : ''
      }</li>`,
    )}</ol>`
  : html`<p class="meta">本版没有识别出文章。</p>`}
</section>`,
)}
${pager(
  '相邻文件',
  f.prev ? { url: f.prev.url, text: f.prev.label, hint: '上一个文件' } : null,
  f.next ? { url: f.next.url, text: f.next.label, hint: '下一个文件' } : null,
)}
`.value;
}
