/**
 * One page per article: /articles/<id>/. The site's search index is built from the same article
 * data (src/search/records.ts), not from this HTML; the data-pagefind-* attributes below say what
 * a stock Pagefind index of the page takes, which `npm run search-eval` builds for comparison.
 */
import { onePagePer } from '../../src/site/collections.ts';
import { html, join, raw } from '../../src/site/html.ts';
import { UNDATED, dateLabel, excerpt, type SiteArticle } from '../../src/site/entities.ts';
import { citedTitle as cited } from '../../src/site/untitled.ts';
import { gbt7714 } from '../../src/site/citation.ts';
import { citeFile } from '../../src/site/cite-files.ts';
import { pageView } from '../../src/site/page-view.ts';
import { correctSection } from '../../src/site/correct.ts';
import { correctionPathOf } from '../../src/corrections/files.ts';

const CITE_LABELS = { ris: 'RIS', bib: 'BibTeX', json: 'CSL-JSON' } as const;
const CITE_TYPES = { ris: 'application/x-research-info-systems', bib: 'application/x-bibtex', json: 'application/vnd.citationstyles.csl+json' } as const;
import type { DateSource } from '../../src/issues/facts.ts';

/** How the provenance names where an issue date came from. */
const DATE_SOURCE_LABELS: Record<DateSource | 'unknown', string> = {
  manifest: '据清单 _issues.csv',
  path: '据文件路径',
  'page-header': '据版头',
  unknown: '来源未注明',
};
import {
  authorNames,
  byline,
  bylineText,
  fileCrumbs,
  keywordLinks,
  lineRanges,
  ownLines,
  pageTitle,
  pager,
  printedByline,
  titleHtml,
  type TemplateData,
} from '../../src/site/views.ts';

interface Data extends TemplateData {
  article: SiteArticle;
}

export const data = {
  section: 'browse',
  ...onePagePer('articles', 'article'),
  eleventyComputed: {
    title: (d: Data) => d.article.displayTitle,
    description: (d: Data) => excerpt(d.article.lead, 100),
    canonical: (d: Data) => d.article.url,
    meta: (d: Data) => citationMeta(d.article, d.site.url ? d.site.url + d.article.url : null),
    scripts: () => ['/assets/cite.js'],
  },
};

/**
 * The head's citation_* (Google Scholar's, which Zotero's connector reads) and Dublin Core tags:
 * title, authors, paper, issue date, page; nothing the archive does not know.
 */
export function citationMeta(a: SiteArticle, permalink: string | null): [string, string][] {
  const authors = authorNames(a);
  const paper = a.file.publication.known ? a.file.publication.name : null;
  const tags: [string, string][] = [['citation_title', cited(a.title, a.supplied)], ...authors.map((n): [string, string] => ['citation_author', n])];
  if (a.issueDate) tags.push(['citation_publication_date', a.issueDate.replace(/-/gu, '/')], ['citation_date', a.issueDate]);
  if (paper) tags.push(['citation_journal_title', paper], ['citation_publisher', paper]);
  if (a.pageNumber !== undefined) tags.push(['citation_firstpage', String(a.pageNumber)]);
  tags.push(['citation_language', 'zh']);
  if (permalink) tags.push(['citation_public_url', permalink]);
  tags.push(['DC.title', cited(a.title, a.supplied)], ...authors.map((n): [string, string] => ['DC.creator', n]));
  if (a.issueDate) tags.push(['DC.date', a.issueDate]);
  if (paper) tags.push(['DC.source', paper]);
  tags.push(['DC.language', 'zh'], ['DC.type', 'Text']);
  return tags;
}

/**
 * What the pager says of a neighbour: `本版上一篇` on the same page, else where it is — the page
 * (`上一篇 · 第 6 版`), with its date when it is in another issue.
 */
function neighbourHint(a: SiteArticle, other: SiteArticle, which: '上一篇' | '下一篇'): string {
  if (other.pageGroup === a.pageGroup) return `本版${which}`;
  const sameIssue = other.pageGroup.issue === a.pageGroup.issue && other.file.publication === a.file.publication;
  return `${which} · ${sameIssue ? other.pageGroup.label : pageTitle(other.pageGroup)}`;
}

export async function render(d: Data): Promise<string> {
  const a = d.article;
  const onPage = await pageView(a);
  const f = a.file;
  // absolute only when the site knows where it lives (BAOKU_SITE_URL); else the root-relative URL
  const permalink = d.site.url ? d.site.url + a.url : a.url;
  const names = byline(a, { links: true, pagefind: true });
  const rawLink = f.rawPath ? `${f.rawUrl}#L${ownLines(a)[0][0]}` : null;
  return html`${fileCrumbs(f, a.pageGroup, a)}
<article class="article" data-pagefind-body>
<header class="article-header">
${a.kicker ? html`<p class="kicker" data-pagefind-meta="kicker">${a.kicker}</p>` : ''}
<h1 data-pagefind-weight="10" data-pagefind-meta="title">${titleHtml(a)}</h1>
${a.subtitle ? html`<p class="subtitle" data-pagefind-meta="subtitle">——${a.subtitle}</p>` : ''}
${names.value ? html`<p class="byline" data-pagefind-meta="byline:${bylineText(a)}">${names}</p>` : ''}
<p class="issue-line" data-pagefind-ignore>${join(
    [
      f.publication.known ? html`<a href="${f.publication.url}" data-pagefind-filter="publication">${f.publication.name}</a>` : null,
      a.pageGroup.issue
        ? html`<a href="${a.pageGroup.issue.url}"><time datetime="${a.issueDate}">${a.pageGroup.issue.label}</time></a>`
        : a.issueDate
          ? html`<time datetime="${a.issueDate}">${dateLabel(a.issueDate)}</time>`
          : html`<span class="undated">出版${UNDATED}</span>`,
      html`<a href="${a.pageGroup.url}">${a.pageGroup.label}</a>`,
      a.edition ? html`<span>${a.edition}</span>` : null,
    ].filter((x) => x !== null),
    html`<span class="sep" aria-hidden="true"> · </span>`,
  )}</p>
</header>
${a.captions.map(
  (c) =>
    html`<figure class="photo"><figcaption>${c.text}${c.credit ? html` <span class="photo-credit">${c.credit}</span>` : ''}</figcaption></figure>`,
)}
<div class="article-body">
${raw(a.bodyHtml)}
</div>
${a.keywordNodes.length ? html`<section class="keywords" aria-labelledby="keywords-h">
<h2 id="keywords-h" data-pagefind-ignore>关键词</h2>
${keywordLinks(a.keywordNodes)}
</section>` : ''}
<section class="provenance" aria-labelledby="provenance-h" data-pagefind-ignore>
<h2 id="provenance-h">出处</h2>
<dl>
<dt>报刊</dt><dd><a href="${f.publication.url}">${f.publication.name}</a></dd>
<dt>出版日期</dt><dd>${a.issueDate ? html`<time datetime="${a.issueDate}">${dateLabel(a.issueDate)}</time>（${DATE_SOURCE_LABELS[a.dateSource ?? 'unknown']}）` : html`不详（清单、路径、版头都没有给出；不以正文中的日期代替）`}</dd>
<dt>版次</dt><dd><a href="${a.pageGroup.url}" data-pagefind-meta="page">${a.pageGroup.label}</a>${a.edition ? html` · ${a.edition}` : ''}</dd>
${a.dateline ? html`<dt>文中日期</dt><dd>${a.dateline}（电头或导语中的日期，不是出版日期）</dd>
` : ''}${a.publication && a.publication !== f.publication.name ? html`<dt>文中署名报刊</dt><dd>${a.publication}</dd>
` : ''}<dt>源文件</dt><dd><a href="${f.url}" data-pagefind-filter="file">${f.file}</a> · 文件第 ${String(a.source.page)} 页</dd>
${a.bylines.length ? html`<dt>原文署名</dt><dd>${join(a.bylines.map((b) => printedByline(b, a.people.map((p) => p.person.name))), '；')}</dd>
` : ''}${a.affiliations.length ? html`<dt>作者单位</dt><dd>${join(a.affiliations, '；')}</dd>
` : ''}<dt>行号</dt><dd>${lineRanges(a)}${
    rawLink ? html` · <a href="${rawLink}">查看原文中的这几行</a>` : html` · 原文文件未收录`
  }</dd>
<dt>编号</dt><dd><code>${a.id}</code></dd>
${a.corrections.length ? html`<dt>更正记录</dt><dd><ul class="corrections">${a.corrections.map((n) => html`<li>${n}</li>`)}</ul>据更正文件 <code>corrections/${correctionPathOf(a.source.file)}</code></dd>
` : ''}</dl>
</section>
${onPage}
<section class="cite" aria-labelledby="cite-h" data-pagefind-ignore>
<h2 id="cite-h">引用本文</h2>
<p class="cite-style">GB/T 7714—2015</p>
<p class="citation" id="cite-gbt">${gbt7714(a)}</p>
<p class="cite-actions"><button type="button" class="copy-button" data-copy="cite-gbt" hidden>复制引文</button> <span class="copy-status" role="status"></span></p>
<p class="cite-archive">来源：报库 Baoku，${permalink}（源文件 ${a.source.file}，${lineRanges(a).replace(/ /gu, '')}）。</p>
<p class="cite-downloads">下载引文：${join(
  (['ris', 'bib', 'json'] as const).map((ext) => html`<a href="${a.url}${citeFile(a, ext)}" download="${citeFile(a, ext)}" type="${CITE_TYPES[ext]}">${CITE_LABELS[ext]}</a>`),
  ' · ',
)}</p>
<p class="permalink">永久链接：<a href="${a.url}">${permalink}</a></p>
</section>
${correctSection(a, d.site.editUrl)}
</article>
${pager(
  '相邻文章',
  a.prev ? { url: a.prev.url, text: titleHtml(a.prev), hint: neighbourHint(a, a.prev, '上一篇') } : null,
  a.next ? { url: a.next.url, text: titleHtml(a.next), hint: neighbourHint(a, a.next, '下一篇') } : null,
)}
${a.related.length ? html`<section class="related" aria-labelledby="related-h">
<h2 id="related-h">相关文章</h2>
<ul class="related-list">${a.related.map(
  (r) =>
    html`<li><a href="${r.article.url}">${titleHtml(r.article)}</a> <span class="meta">共同关键词：${r.shared.join('、')}</span></li>`,
)}</ul>
</section>` : ''}
`.value;
}
