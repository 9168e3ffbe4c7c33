/** One page per newspaper page: /files/<key>/p<n>/ with its articles in reading order. */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { PageGroup } from '../../src/site/entities.ts';
import { articleList, count, fileCrumbs, pageLabel, pager, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  filePage: PageGroup;
}

export const data = {
  section: 'browse',
  ...onePagePer('filePages', 'filePage'),
  eleventyComputed: { title: (d: Data) => `${d.filePage.file.file} ${pageLabel(d.filePage.page)}` },
};

export function render(d: Data): string {
  const pg = d.filePage;
  const f = pg.file;
  return html`${fileCrumbs(f, pg)}
<h1>${pageLabel(pg.page)} <span class="h1-sub">${f.file}</span></h1>
<p class="intro">${f.publication.name} · ${count(pg.articles.length, '篇')}文章，按版面顺序排列。</p>
${pg.articles.length ? articleList(pg.articles, { heading: 'h2', ordered: true }) : html`<p>本版没有识别出文章。</p>`}
${pager(
  '相邻版面',
  pg.prev ? { url: pg.prev.url, text: pageLabel(pg.prev.page), hint: '上一版' } : null,
  pg.next ? { url: pg.next.url, text: pageLabel(pg.next.page), hint: '下一版' } : null,
)}
${pager(
  '相邻文件',
  f.prev ? { url: f.prev.url, text: f.prev.file, hint: '上一个文件' } : null,
  f.next ? { url: f.next.url, text: f.next.file, hint: '下一个文件' } : null,
)}
`.value;
}
