/**
 * One page per newspaper page: /files/<key>/p<n>/ with its articles in reading order. A dated
 * page is titled by its paper, date and page number, and leads to the issue's other pages and to
 * the paper's previous and next issues; an undated one to its file's other pages.
 */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { PageGroup } from '../../src/site/entities.ts';
import { articleList, count, fileCrumbs, pageTitle, pager, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  filePage: PageGroup;
}

export const data = {
  section: 'browse',
  ...onePagePer('filePages', 'filePage'),
  eleventyComputed: { title: (d: Data) => `${d.filePage.file.publication.name} ${pageTitle(d.filePage)}` },
};

export function render(d: Data): string {
  const pg = d.filePage;
  const f = pg.file;
  const issue = pg.issue;
  return html`${fileCrumbs(f, pg)}
<h1>${pg.label} <span class="h1-sub">${f.publication.name} ${issue ? html`<time datetime="${issue.date}">${issue.label}</time>` : '出版日期不详'}</span></h1>
<p class="intro">${count(pg.articles.length, '篇')}文章，按版面顺序排列。<span class="meta">源文件 <a href="${f.url}">${f.file}</a></span></p>
${pg.articles.length ? articleList(pg.articles, { heading: 'h2', ordered: true }) : html`<p>本版没有识别出文章。</p>`}
${pager(
  issue ? '本期版面' : '本文件版面',
  pg.prev ? { url: pg.prev.url, text: pg.prev.label, hint: '上一版' } : null,
  pg.next ? { url: pg.next.url, text: pg.next.label, hint: '下一版' } : null,
)}
${issue
  ? pager(
      '相邻各期',
      issue.prev ? { url: issue.prev.url, text: issue.prev.label, hint: '上一期' } : null,
      issue.next ? { url: issue.next.url, text: issue.next.label, hint: '下一期' } : null,
    )
  : pager(
      '相邻文件',
      f.prev ? { url: f.prev.url, text: f.prev.label, hint: '上一个文件' } : null,
      f.next ? { url: f.next.url, text: f.next.label, hint: '下一个文件' } : null,
    )}
`.value;
}
