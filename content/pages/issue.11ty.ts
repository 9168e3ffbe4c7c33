/** One page per issue: /browse/<publication>/<yyyy-mm-dd>/, its pages with their sections and articles. */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { Issue } from '../../src/site/entities.ts';
import { breadcrumbs, count, issueCrumbs, pager, titleHtml, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  issue: Issue;
}

export const data = {
  section: 'browse',
  ...onePagePer('issues', 'issue'),
  eleventyComputed: { title: (d: Data) => `${d.issue.publication.name} ${d.issue.label}` },
};

export function render(d: Data): string {
  const issue = d.issue;
  const edition = issue.pages.find((pg) => pg.edition)?.edition;
  return html`${breadcrumbs(issueCrumbs(issue))}
<h1>${issue.publication.name} <span class="h1-sub"><time datetime="${issue.date}">${issue.label}</time>${edition ? ` ${edition}` : ''}</span></h1>
<p class="intro">${count(issue.pages.length, '版')}，${count(issue.articles.length, '篇')}文章。</p>
<ol class="issue-pages">${issue.pages.map(
    (pg) => html`<li>
<h2><a href="${pg.url}">${pg.label}</a> <span class="meta">${count(pg.articles.length, '篇')}</span></h2>
${pg.articles.length ? html`<ol class="toc">${pg.articles.map((a) => html`<li><a href="${a.url}">${titleHtml(a)}</a></li>`)}</ol>` : ''}
</li>`,
  )}</ol>
${pager(
  '相邻各期',
  issue.prev ? { url: issue.prev.url, text: issue.prev.label, hint: '上一期' } : null,
  issue.next ? { url: issue.next.url, text: issue.next.label, hint: '下一期' } : null,
)}
`.value;
}
