/**
 * Shared pieces of markup for the site templates (content/pages/*.11ty.ts, _includes/).
 * Everything goes through html`…`, which escapes all article data.
 */
import type { Site } from '../../_data/site.ts';
import { html, join, type HtmlValue, type SafeHtml } from './html.ts';
import { ROLES } from '../contract/markdown.ts';
import {
  UNDATED,
  dateLabel,
  excerpt,
  type Issue,
  type Month,
  type Archive,
  type FileGroup,
  type Keyword,
  type ListPage,
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
  /**
   * Files the page's scripts will fetch (site-relative URLs), asked for by the head
   * (`<link rel="preload" as="fetch">`) so they arrive with the scripts rather than after them.
   */
  fetches?: string[];
  /** Rendered page content, for layouts. */
  content?: string;
  /** Set on article pages: the page's canonical URL is the article permalink. */
  canonical?: string;
  /** `<meta name content>` pairs for the head (an article's citation_* and DC.* tags). */
  meta?: [string, string][];
}

export const pageLabel = (n: number): string => `第 ${n} 版`;

export const lineRange = (lines: [number, number]): string =>
  lines[0] === lines[1] ? `第 ${lines[0]} 行` : `第 ${lines[0]}–${lines[1]} 行`;

/** An article's own lines (its ranges) and its captions' lines, in line order. */
export function ownLines(a: SiteArticle): [number, number][] {
  const own = a.source.ranges?.length ? a.source.ranges : [a.source.lines];
  return [...own, ...(a.source.caption_ranges ?? [])].sort((x, y) => x[0] - y[0]);
}

/** `第 473–759、811–812 行`, plus `图片说明 第 900–901 行` when its captions are printed elsewhere. */
export function lineRanges(a: SiteArticle): string {
  const list = (rs: [number, number][]) => `第 ${rs.map(([x, y]) => (x === y ? `${x}` : `${x}–${y}`)).join('、')} 行`;
  const own = a.source.ranges?.length ? a.source.ranges : [a.source.lines];
  const caps = a.source.caption_ranges ?? [];
  return caps.length ? `${list(own)}；图片说明 ${list(caps)}` : list(own);
}

export function breadcrumbs(items: { label: HtmlValue; url?: string }[]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="位置"><ol>${items.map((item, i) =>
    i === items.length - 1 || !item.url
      ? html`<li><span aria-current="${i === items.length - 1 ? 'page' : 'false'}">${item.label}</span></li>`
      : html`<li><a href="${item.url}">${item.label}</a></li>`,
  )}</ol></nav>`;
}

/** 首页 › 浏览 › paper › year › month › day, the last items as far as `upTo` goes. */
export function issueCrumbs(issue: Issue, upTo: 'year' | 'month' | 'issue' = 'issue'): { label: HtmlValue; url?: string }[] {
  const p = issue.publication;
  const year = p.years.find((y) => y.year === issue.year)!;
  const month = year.months.find((m) => m.month === issue.month)!;
  const items: { label: HtmlValue; url?: string }[] = [
    { label: '首页', url: '/' },
    { label: '浏览', url: '/browse/' },
    { label: p.name, url: p.url },
    { label: year.label, url: year.url },
  ];
  if (upTo !== 'year') items.push({ label: `${issue.month}月`, url: month.url });
  if (upTo === 'issue') items.push({ label: `${issue.day}日`, url: issue.url });
  return items;
}

/**
 * Where a file, page or article stands: paper › year › month › day › page for a dated page,
 * paper › 日期不详 › 文件 N › page for an undated one. Never the raw file's name (provenance shows it).
 */
export function fileCrumbs(file: FileGroup, page?: PageGroup, last?: SiteArticle | string): SafeHtml {
  const issue = page ? page.issue : (file.pages.find((pg) => pg.issue)?.issue ?? null);
  const items: { label: HtmlValue; url?: string }[] = issue
    ? issueCrumbs(issue)
    : [
        { label: '首页', url: '/' },
        { label: '浏览', url: '/browse/' },
        { label: file.publication.name, url: file.publication.url },
        { label: UNDATED, url: `${file.publication.url}#undated` },
        { label: file.label.replace(`${UNDATED} · `, ''), url: file.url },
      ];
  if (page) items.push({ label: page.label, url: page.url });
  else if (issue) items.push({ label: file.label, url: file.url });
  if (last) items.push({ label: typeof last === 'string' ? last : titleHtml(last) });
  return breadcrumbs(items);
}

/** `2018年1月22日 第 7 版 要闻`, or for an undated page `日期不详 · 文件 3 第 2 版`. */
export function pageTitle(pg: PageGroup): string {
  return pg.issue ? `${pg.issue.label} ${pg.label}` : `${pg.file.label} ${pg.label}`;
}

/** `2018年1月22日 · 人民日报 · 第 7 版` (`出版日期不详` for an undated article): date · paper · page. */
export function articleWhere(a: SiteArticle): string {
  const pg = a.pageGroup;
  return [a.issueDate ? dateLabel(a.issueDate) : `出版${UNDATED}`, a.file.publication.known ? a.file.publication.name : '', pg.label].filter(Boolean).join(' · ');
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

/** 上一页 / 下一页 between the pages of a long list (all articles, a keyword's). */
export function listPager(label: string, p: ListPage): SafeHtml {
  return pager(
    label,
    p.prev ? { url: p.prev.url, text: `第 ${p.prev.number} 页`, hint: '上一页' } : null,
    p.next ? { url: p.next.url, text: `第 ${p.next.number} 页`, hint: '下一页' } : null,
  );
}

/** Names of the people credited on an article, grouped by role, optionally as links. */
export function byline(a: SiteArticle, opts: { links: boolean; pagefind?: boolean } = { links: true }): SafeHtml {
  const parts: SafeHtml[] = [];
  for (const role of ROLES) {
    const people = a.peopleWithRole(role);
    if (!people.length) continue;
    const names = people.map((p) => {
      const filter = opts.pagefind && role !== '摄影' ? html` data-pagefind-filter="author"` : '';
      // class "name": a name never breaks across lines (site.css), however narrow the screen
      return opts.links
        ? html`<a class="name" href="${p.url}"${filter}>${p.name}</a>`
        : html`<span class="name">${p.name}</span>`;
    });
    parts.push(html`<span class="credit"><span class="role"${opts.pagefind ? html` data-pagefind-ignore` : ''}>${role}</span> ${join(names, '、')}</span>`);
  }
  return join(parts, html`<span class="sep" aria-hidden="true"> · </span>`);
}

/** A credit line as printed, each credited name in it kept whole on one line (class "name"). */
export function printedByline(line: string, names: string[]): SafeHtml {
  const wanted = [...new Set(names)].filter((n) => n.length > 1).sort((x, y) => y.length - x.length);
  if (!wanted.length) return html`${line}`;
  // a name may be printed spaced out (王 斌, 张 建平): the spaces are inside it, and kept
  const re = new RegExp(wanted.map((n) => [...n].map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('[ \\u3000]*')).join('|'), 'gu');
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const m of line.matchAll(re)) {
    parts.push(html`${line.slice(at, m.index)}<span class="name">${m[0]}</span>`);
    at = m.index + m[0].length;
  }
  parts.push(html`${line.slice(at)}`);
  return join(parts, '');
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

/**
 * An article's title as the page shows it: the headline, or for one printed without a headline
 * its mark (无题, 图片新闻) and, greyed, the title supplied from its first sentence.
 */
export function titleHtml(a: SiteArticle): SafeHtml {
  if (!a.supplied) return html`${a.title}`;
  return html`<span class="title-mark">${a.supplied.mark}</span>${a.supplied.text ? html` <span class="supplied-title">${a.supplied.text}</span>` : ''}`;
}

/** One article in a list: kicker, headline, subtitle, byline and first line of text. */
export function articleSummary(a: SiteArticle, opts: { heading: 'h2' | 'h3'; source?: boolean }): SafeHtml {
  const headline = html`<a href="${a.url}">${titleHtml(a)}</a>`;
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

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * A month's calendar, Monday first: the days with an issue link to it (as Chronicling America
 * shows a paper's issues), the others are plain numbers.
 */
export function calendar(m: Month, opts: { heading: boolean }): SafeHtml {
  const byDay = new Map(m.issues.map((i) => [i.day, i]));
  const days = new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(m.year, m.month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: SafeHtml[] = [];
  for (let k = 0; k < lead; k++) cells.push(html`<td></td>`);
  for (let d = 1; d <= days; d++) {
    const issue = byDay.get(d);
    cells.push(issue ? html`<td class="has-issue"><a href="${issue.url}" aria-label="${issue.label}，${count(issue.pages.length, '版')}">${d}</a></td>` : html`<td>${d}</td>`);
  }
  while (cells.length % 7) cells.push(html`<td></td>`);
  const rows = Array.from({ length: cells.length / 7 }, (_, r) => html`<tr>${cells.slice(r * 7, r * 7 + 7)}</tr>`);
  return html`<table class="calendar">
${opts.heading ? html`<caption><a href="${m.url}">${m.month}月</a> <span class="meta">${count(m.issues.length, '期')}</span></caption>` : html`<caption class="visually-hidden">${m.label}</caption>`}
<thead><tr>${WEEKDAYS.map((w) => html`<th scope="col" abbr="星期${w}">${w}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

/** A list of issues: date, pages with their sections. */
export function issueList(issues: Issue[]): SafeHtml {
  return html`<ul class="plain-list issue-list">${issues.map(
    (i) => html`<li><a href="${i.url}">${i.label}</a> <span class="meta">${count(i.pages.length, '版')} · ${count(i.articles.length, '篇')}</span></li>`,
  )}</ul>`;
}
