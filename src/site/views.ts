/**
 * Shared pieces of markup for the site templates (content/pages/*.11ty.ts, _includes/).
 * Everything goes through html`…`, which escapes all article data.
 */
import type { Site } from '../../_data/site.ts';
import { html, join, type HtmlValue, type SafeHtml } from './html.ts';
import { ROLES } from '../contract/markdown.ts';
import {
  excerpt,
  type Archive,
  type FileGroup,
  type Keyword,
  type PageGroup,
  type Person,
  type Publication,
  type SiteArticle,
} from './entities.ts';

/** The data Eleventy hands to every template and layout. */
export interface TemplateData {
  site: Site;
  archive: Archive;
  page: { url: string | false; inputPath: string; outputPath: string | false };
  /** Page title (without the site name). */
  title?: string;
  description?: string;
  /** Which top-level section the page belongs to, for aria-current in the navigation. */
  section?: 'home' | 'browse' | 'authors' | 'keywords' | 'search' | 'none';
  /** Extra stylesheets and module scripts (site-relative URLs). */
  stylesheets?: string[];
  scripts?: string[];
  /** Rendered page content, for layouts. */
  content?: string;
  /** Set on article pages: the page's canonical URL is the article permalink. */
  canonical?: string;
}

export const pageLabel = (n: number): string => `第 ${n} 版`;

export const lineRange = (lines: [number, number]): string =>
  lines[0] === lines[1] ? `第 ${lines[0]} 行` : `第 ${lines[0]}–${lines[1]} 行`;

export function breadcrumbs(items: { label: HtmlValue; url?: string }[]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="位置"><ol>${items.map((item, i) =>
    i === items.length - 1 || !item.url
      ? html`<li><span aria-current="${i === items.length - 1 ? 'page' : 'false'}">${item.label}</span></li>`
      : html`<li><a href="${item.url}">${item.label}</a></li>`,
  )}</ol></nav>`;
}

export function fileCrumbs(file: FileGroup, page?: PageGroup, article?: SiteArticle): SafeHtml {
  const items: { label: HtmlValue; url?: string }[] = [
    { label: '首页', url: '/' },
    { label: '浏览', url: '/browse/' },
    { label: file.publication.name, url: file.publication.url },
    { label: file.file, url: file.url },
  ];
  if (page) items.push({ label: pageLabel(page.page), url: page.url });
  if (article) items.push({ label: article.displayTitle });
  return breadcrumbs(items);
}

/** "prev / next" navigation; either side may be missing. */
export function pager(
  label: string,
  prev: { url: string; text: HtmlValue; hint: string } | null,
  next: { url: string; text: HtmlValue; hint: string } | null,
): SafeHtml {
  if (!prev && !next) return html``;
  return html`<nav class="pager" aria-label="${label}">
${prev ? html`<a class="pager-prev" rel="prev" href="${prev.url}"><span class="pager-hint">← ${prev.hint}</span> <span class="pager-text">${prev.text}</span></a>` : html`<span></span>`}
${next ? html`<a class="pager-next" rel="next" href="${next.url}"><span class="pager-hint">${next.hint} →</span> <span class="pager-text">${next.text}</span></a>` : html`<span></span>`}
</nav>`;
}

/** Names of the people credited on an article, grouped by role, optionally as links. */
export function byline(a: SiteArticle, opts: { links: boolean; pagefind?: boolean } = { links: true }): SafeHtml {
  const parts: SafeHtml[] = [];
  for (const role of ROLES) {
    const people = a.peopleWithRole(role);
    if (!people.length) continue;
    const names = people.map((p) => {
      const filter = opts.pagefind && role !== '摄影' ? html` data-pagefind-filter="author"` : '';
      return opts.links
        ? html`<a href="${p.url}"${filter}>${p.name}</a>`
        : html`<span>${p.name}</span>`;
    });
    parts.push(html`<span class="credit"><span class="role"${opts.pagefind ? html` data-pagefind-ignore` : ''}>${role}</span> ${join(names, '、')}</span>`);
  }
  return join(parts, html`<span class="sep" aria-hidden="true"> · </span>`);
}

/** The byline as plain text: "记者 谢嘉 · 通讯员 周媛、钟一苇". */
export function bylineText(a: SiteArticle): string {
  return ROLES.map((role) => [role, a.peopleWithRole(role).map((p) => p.name)] as const)
    .filter(([, names]) => names.length)
    .map(([role, names]) => `${role} ${names.join('、')}`)
    .join(' · ');
}

/** Authors (not photographers) as plain text, for citations and the search index. */
export function authorNames(a: SiteArticle): string[] {
  return a.people.filter((p) => p.roles.some((r) => r !== '摄影')).map((p) => p.person.name);
}

/** One article in a list: kicker, headline, subtitle, byline and first line of text. */
export function articleSummary(a: SiteArticle, opts: { heading: 'h2' | 'h3'; source?: boolean }): SafeHtml {
  const headline = html`<a href="${a.url}">${a.displayTitle}</a>`;
  const names = byline(a, { links: false });
  return html`<article class="summary">
${a.kicker ? html`<p class="kicker">${a.kicker}</p>` : ''}
${opts.heading === 'h2' ? html`<h2 class="summary-title">${headline}</h2>` : html`<h3 class="summary-title">${headline}</h3>`}
${a.subtitle ? html`<p class="subtitle">——${a.subtitle}</p>` : ''}
${names.value ? html`<p class="byline">${names}</p>` : ''}
${a.lead ? html`<p class="lead">${excerpt(a.lead, 60)}</p>` : ''}
${opts.source ? html`<p class="meta">${a.file.publication.name} · ${a.source.file} · ${pageLabel(a.source.page)}</p>` : ''}
</article>`;
}

export function articleList(articles: SiteArticle[], opts: { heading: 'h2' | 'h3'; source?: boolean; ordered?: boolean }): SafeHtml {
  const items = articles.map((a) => html`<li>${articleSummary(a, opts)}</li>`);
  return opts.ordered
    ? html`<ol class="articles">${items}</ol>`
    : html`<ul class="articles">${items}</ul>`;
}

export function count(n: number, unit: string): string {
  return `${n.toLocaleString('zh-CN')} ${unit}`;
}

export function personRoles(p: Person): SafeHtml {
  return join(
    p.roles.map((r) => html`<span class="role-count">${r} ${p.byRole.get(r)!.length}</span>`),
    html`<span class="sep" aria-hidden="true"> · </span>`,
  );
}

export function keywordLinks(keywords: Keyword[]): SafeHtml {
  return html`<ul class="tags">${keywords.map((k) => html`<li><a href="${k.url}">${k.name}</a></li>`)}</ul>`;
}

export function fileSummary(f: FileGroup): SafeHtml {
  return html`<a href="${f.url}">${f.file}</a> <span class="meta">${count(f.pages.length, '版')} · ${count(
    f.articles.length,
    '篇',
  )}</span>`;
}

export function publicationSummary(p: Publication): SafeHtml {
  return html`<a href="${p.url}">${p.name}</a> <span class="meta">${count(p.files.length, '个文件')} · ${count(
    p.articleCount,
    '篇',
  )}</span>`;
}

/** The search form used on the home page and the search page. */
export function searchForm(opts: { id: string; value?: string; autofocus?: boolean; big?: boolean; extra?: SafeHtml }): SafeHtml {
  return html`<form class="search-form${opts.big ? ' big' : ''}" action="/search/" method="get" role="search" id="${opts.id}-form">
<label for="${opts.id}">检索文章</label>
<div class="search-row"><input id="${opts.id}" name="q" type="search" value="${opts.value ?? ''}" placeholder="标题、正文、作者…" autocomplete="off" enterkeyhint="search"${
    opts.autofocus ? html` autofocus` : ''
  }><button type="submit">检索</button></div>
${opts.extra}
</form>`;
}
