/**
 * The nodes of the reader's archive (src/site/archive.ts links them): publications → files →
 * pages → articles, and by date publications → years → months → issues → pages; people with
 * their roles, keywords.
 *
 * Every node is a class instance on purpose: Eleventy deep-copies plain objects in the data
 * cascade, and these graphs are cyclic (an article knows its page, the page its articles).
 */
import { ROLES, type ArticleFile, type FileReportSummary, type SourceRef } from '../contract/markdown.ts';
import type { Caption, Credit, Role } from '../segment/types.ts';
import { bodyBlocks, markdown, type BodyBlock } from './markdown.ts';
import { sitePath, slugFor } from './urls.ts';
import type { DateSource } from '../issues/facts.ts';
import { plainTitle, suppliedTitle, type SuppliedTitle } from './untitled.ts';

/** `2018-01-22` → `2018年1月22日`. */
export function dateLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Shown where an issue's date is not known (never a date from the text). */
export const UNDATED = '日期不详';

/** The publication of files whose articles name none. */
export const UNKNOWN_PUBLICATION = '未注明报刊';

/** The archive's sort order for names, ids and file names (numbers by value). */
export const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Cut text to at most `max` characters, ending with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('').trimEnd() + '…';
}

export interface PersonCredit {
  person: Person;
  roles: Role[];
}

export interface RelatedArticle {
  article: SiteArticle;
  shared: string[];
  score: number;
}

export class SiteArticle {
  readonly url: string;
  /** Position on its page: the article's number in the id (000-p1-03 → 3; a split's 000-p1-03-2 → 3 too). */
  readonly seq: number;
  /** First paragraph as plain text. */
  readonly lead: string;
  readonly untitled: boolean;
  /** For an article printed without a headline, the title supplied from its first sentence and its mark (无题, 图片新闻); else null. */
  readonly supplied: SuppliedTitle | null;
  /** The headline, or the supplied title as plain text: `[无题] 今年以来，东安县公安局…` (src/site/untitled.ts). */
  readonly displayTitle: string;
  pageGroup!: PageGroup;
  /** Neighbours in the paper's reading order, across pages and issues (archive.ts linkArticles). */
  prev: SiteArticle | null = null;
  next: SiteArticle | null = null;
  people: PersonCredit[] = [];
  keywordNodes: Keyword[] = [];
  related: RelatedArticle[] = [];

  readonly id: string;
  readonly title: string;
  readonly kicker: string | undefined;
  readonly subtitle: string | undefined;
  readonly authors: string[];
  readonly photographers: string[];
  readonly credits: Credit[];
  /** Credit lines as printed, when the segmenter kept them. */
  readonly bylines: string[];
  readonly captions: Caption[];
  readonly publication: string | undefined;
  readonly dateline: string | undefined;
  /** A signed essay's author notes, the issue date, page number and section its page header prints. */
  readonly affiliations: string[];
  /** The newspaper (manifest or path), the edition, and where the issue date came from. */
  readonly paper: string | undefined;
  readonly edition: string | undefined;
  readonly dateSource: DateSource | undefined;
  readonly issueDate: string | undefined;
  readonly pageNumber: number | undefined;
  readonly section: string | undefined;
  readonly keywords: string[];
  /** What the article's correction file changed (更正记录), one note each; empty when uncorrected. */
  readonly corrections: string[];
  readonly source: SourceRef;
  #body: string;
  #frontMatter: Record<string, unknown>;

  constructor(read: ArticleFile) {
    this.id = read.id;
    this.title = read.title;
    this.kicker = read.kicker;
    this.subtitle = read.subtitle;
    this.authors = read.authors;
    this.photographers = read.photographers;
    this.credits = read.credits;
    this.bylines = read.bylines;
    this.captions = read.captions;
    this.publication = read.publication;
    this.dateline = read.dateline;
    this.affiliations = read.affiliations ?? [];
    this.paper = read.paper;
    this.edition = read.edition;
    this.dateSource = read.date_source;
    this.issueDate = read.issue_date;
    this.pageNumber = read.page;
    this.section = read.section;
    this.keywords = read.keywords;
    this.corrections = read.corrections ?? [];
    this.source = read.source;
    this.#body = read.body;
    this.#frontMatter = read.data;
    this.url = sitePath('articles', read.id);
    // a split's new article (000-p2-03-2, src/corrections/apply.ts) has the place of the one it was
    // split from, and follows it (same first line; the id breaks the tie): not the place its `2` says
    const m = /-p\d+-(\d+)(?:-\d+)*$/u.exec(read.id) ?? /(\d+)$/u.exec(read.id);
    this.seq = m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
    this.lead = bodyBlocks(read.body).find((b) => b.kind === 'paragraph')?.text ?? '';
    this.untitled = read.title.trim() === '';
    this.supplied = suppliedTitle({ title: read.title, lead: this.lead || (read.captions[0]?.text ?? ''), bylines: read.bylines, authors: read.authors, photographers: read.photographers });
    this.displayTitle = plainTitle(read.title, this.supplied);
  }

  /** The Markdown body ('' once released). */
  get body(): string {
    return this.#body;
  }

  /** The front matter as written, for /articles.json ({} once released). */
  get frontMatter(): Record<string, unknown> {
    return this.#frontMatter;
  }

  /**
   * Let go of the body and the front matter: a render process keeps them only for the articles
   * whose pages it renders (src/build/render-child.ts). Lists, links and the site model need
   * neither (the lead, title and credits stay), and they were 40 % of the model's memory (the
   * bench's 1,000 files: 101 → 62 MB; its 10,000: about 1 GB in each render process).
   */
  releaseText(): void {
    this.#body = '';
    this.#frontMatter = {};
  }

  /**
   * The body's blocks, parsed when asked for (not kept: an archive of 100,000 articles would hold
   * every body twice).
   */
  get blocks(): BodyBlock[] {
    return bodyBlocks(this.body);
  }

  /**
   * The body as HTML, rendered when asked for (once, by the article's page): an incremental build
   * renders few articles, and a full one need not hold every article's HTML at once.
   */
  get bodyHtml(): string {
    return markdown.render(this.body);
  }

  get file(): FileGroup {
    return this.pageGroup.file;
  }

  /** Plain text of the whole body. */
  get text(): string {
    return this.blocks.map((b) => b.text).join('\n');
  }

  peopleWithRole(role: Role): Person[] {
    return this.people.filter((p) => p.roles.includes(role)).map((p) => p.person);
  }
}

export class Person {
  readonly slug: string;
  readonly url: string;
  readonly byRole = new Map<Role, SiteArticle[]>();
  readonly articles: SiteArticle[] = [];
  constructor(readonly name: string) {
    this.slug = slugFor(name);
    this.url = sitePath('authors', this.slug);
  }
  add(article: SiteArticle, roles: Role[]): void {
    if (!this.articles.includes(article)) this.articles.push(article);
    for (const role of roles) {
      const list = this.byRole.get(role) ?? [];
      if (!list.includes(article)) list.push(article);
      this.byRole.set(role, list);
    }
  }
  get roles(): Role[] {
    return ROLES.filter((r) => this.byRole.has(r));
  }
  #pages: PersonPage[] | undefined;
  /**
   * The person's pages: their articles role by role (ROLES' order), ARTICLES_PER_LIST_PAGE to a
   * page, /authors/王斌/, /authors/王斌/2/ … An article credited to them in two roles is listed
   * under each. One page for all grew with the archive (2.5 MB of HTML for one name of the bench's
   * 10,000 files). Read once all articles are in.
   */
  get pages(): PersonPage[] {
    if (this.#pages) return this.#pages;
    const entries = this.roles.flatMap((role) => this.byRole.get(role)!.map((article) => ({ role, article })));
    const pages = listPages(
      entries.map((e) => e.article),
      (n) => (n === 1 ? this.url : sitePath('authors', this.slug, String(n))),
    );
    return (this.#pages = pages.map((page) => {
      const mine = entries.slice(page.from - 1, page.from - 1 + page.articles.length);
      const sections = this.roles.flatMap((role) => {
        const articles = mine.filter((e) => e.role === role).map((e) => e.article);
        return articles.length ? [{ role, articles }] : [];
      });
      return Object.assign(page, { person: this, sections });
    }));
  }
}

/** One page of a person's articles, by the role they had. */
export type PersonPage = ListPage & { person: Person; sections: { role: Role; articles: SiteArticle[] }[] };

export class Keyword {
  readonly slug: string;
  readonly url: string;
  /** Every article whose text prints the keyword (any of its forms): what its pages list. */
  readonly articles: SiteArticle[] = [];
  /** The articles whose own keywords (front matter) include it: what related articles weigh. */
  readonly tagged: SiteArticle[] = [];
  constructor(
    readonly name: string,
    /** The forms it is printed in: the name, and a place's bare form (株洲市: also 株洲). */
    readonly forms: string[] = [name],
  ) {
    this.slug = slugFor(name);
    this.url = sitePath('keywords', this.slug);
  }
  #pages: KeywordPage[] | undefined;
  /**
   * The keyword's pages, ARTICLES_PER_LIST_PAGE articles each: /keywords/湖南/, /keywords/湖南/2/ …
   * One page for every article would grow with the archive (湖南 on the bench's 10,000 files: 28 MB
   * of HTML, more than a reader's browser or a render process holds). Read once all articles are in.
   */
  get pages(): KeywordPage[] {
    return (this.#pages ??= listPages(this.articles, (n) => (n === 1 ? this.url : sitePath('keywords', this.slug, String(n)))).map((page) => Object.assign(page, { keyword: this })));
  }
}

/** One page of a keyword's articles. */
export type KeywordPage = ListPage & { keyword: Keyword };

export class PageGroup {
  readonly url: string;
  readonly articles: SiteArticle[] = [];
  /** Neighbours: within the issue by page number when the page is dated, else within the file. */
  prev: PageGroup | null = null;
  next: PageGroup | null = null;
  /** The issue the page belongs to (null: its date is not known). */
  issue: Issue | null = null;
  constructor(
    readonly file: FileGroup,
    readonly page: number,
  ) {
    this.url = sitePath('files', file.key, `p${page}`);
  }
  /** The issue date its articles carry. */
  get date(): string | undefined {
    return this.articles.find((a) => a.issueDate)?.issueDate;
  }
  /** The paper's page number (版次) when known, else the page's place in its file. */
  get number(): number {
    return this.articles.find((a) => a.pageNumber !== undefined)?.pageNumber ?? this.page;
  }
  get section(): string | undefined {
    return this.articles.find((a) => a.section)?.section;
  }
  get edition(): string | undefined {
    return this.articles.find((a) => a.edition)?.edition;
  }
  /** `第 7 版 要闻` (a dated page) or `第 2 版` of its file. */
  get label(): string {
    return `第 ${this.number} 版${this.section ? ` ${this.section}` : ''}`;
  }
}

/** One day's paper: its pages, by page number. */
export class Issue {
  readonly url: string;
  readonly pages: PageGroup[] = [];
  prev: Issue | null = null;
  next: Issue | null = null;
  constructor(
    readonly publication: Publication,
    /** ISO date. */
    readonly date: string,
  ) {
    this.url = sitePath('browse', publication.slug, date);
  }
  get label(): string {
    return dateLabel(this.date);
  }
  get articles(): SiteArticle[] {
    return this.pages.flatMap((p) => p.articles);
  }
  get year(): number {
    return Number(this.date.slice(0, 4));
  }
  get month(): number {
    return Number(this.date.slice(5, 7));
  }
  get day(): number {
    return Number(this.date.slice(8, 10));
  }
}

/** A month of one paper: the calendar of its issues. */
export class Month {
  readonly url: string;
  readonly issues: Issue[] = [];
  constructor(
    readonly publication: Publication,
    readonly year: number,
    readonly month: number,
  ) {
    this.url = sitePath('browse', publication.slug, String(year), String(month).padStart(2, '0'));
  }
  get label(): string {
    return `${this.year}年${this.month}月`;
  }
}

/** A year of one paper: its months that have issues. */
export class Year {
  readonly url: string;
  readonly months: Month[] = [];
  constructor(
    readonly publication: Publication,
    readonly year: number,
  ) {
    this.url = sitePath('browse', publication.slug, String(year));
  }
  get label(): string {
    return `${this.year}年`;
  }
  get issues(): Issue[] {
    return this.months.flatMap((m) => m.issues);
  }
}

export class FileGroup {
  readonly key: string;
  readonly url: string;
  readonly rawUrl: string;
  pages: PageGroup[] = [];
  publication!: Publication;
  /**
   * What breadcrumbs and titles call the file: its paper, date and page (`2018年1月22日 第 7 版`),
   * or for an undated file `日期不详 · 文件 3` (its place among the paper's undated files); the
   * file's name is shown in provenance only.
   */
  label = '';
  prev: FileGroup | null = null;
  next: FileGroup | null = null;
  constructor(
    readonly file: string,
    /** Absolute path of the raw text, or null when it is not on disk. */
    readonly rawPath: string | null,
    readonly report: FileReportSummary | undefined,
  ) {
    this.key = slugFor(file.replace(/\.txt$/i, ''));
    this.url = sitePath('files', this.key);
    this.rawUrl = sitePath('raw', this.key);
  }
  /** A page PDF (src/pdf/): the site publishes it and draws its pages. */
  get isPdf(): boolean {
    return /\.pdf$/iu.test(this.file);
  }
  /** Where the site publishes the PDF itself (beside its raw view), for download. */
  get pdfUrl(): string {
    return `${this.rawUrl}original.pdf`;
  }
  /** The image of page `n` of a PDF (content/pages/raw-page-image.11ty.ts). */
  pageImageUrl(n: number): string {
    return `${this.rawUrl}page-${n}.webp`;
  }
  get articles(): SiteArticle[] {
    return this.pages.flatMap((p) => p.articles);
  }
}

export class Publication {
  readonly slug: string;
  readonly url: string;
  readonly files: FileGroup[] = [];
  readonly years: Year[] = [];
  /** Its articles in reading order (archive.ts linkArticles): what prev and next walk through. */
  readonly reading: SiteArticle[] = [];
  /** Issues in date order, and the files none of whose pages has a date. */
  readonly issues: Issue[] = [];
  readonly undated: FileGroup[] = [];
  constructor(
    readonly name: string,
    readonly known: boolean,
  ) {
    this.slug = known ? slugFor(name) : 'unknown';
    this.url = sitePath('browse', this.slug);
  }
  get articleCount(): number {
    return this.files.reduce((n, f) => n + f.articles.length, 0);
  }
  get months(): Month[] {
    return this.years.flatMap((y) => y.months);
  }
  /** `2018–2021`, or '' when no issue is dated. */
  get span(): string {
    if (!this.issues.length) return '';
    const [a, b] = [this.issues[0].year, this.issues[this.issues.length - 1].year];
    return a === b ? `${a}年` : `${a}–${b}年`;
  }
}

/** How many articles one page of a long list holds: all articles (/articles/, /articles/2/ …), a keyword's (/keywords/湖南/2/ …), a person's (/authors/王斌/2/ …). */
export const ARTICLES_PER_LIST_PAGE = 100;

/** One page of a long list of articles, linked to the pages either side. */
export class ListPage {
  prev: ListPage | null = null;
  next: ListPage | null = null;
  constructor(
    readonly url: string,
    /** 1-based. */
    readonly number: number,
    readonly of: number,
    readonly articles: SiteArticle[],
    /** Place of the first article in the whole list (1-based). */
    readonly from: number,
  ) {}
}

/** A list of articles in pages of ARTICLES_PER_LIST_PAGE (one page, maybe empty, when short), page n at `urlOf(n)`. */
function listPages(articles: readonly SiteArticle[], urlOf: (n: number) => string): ListPage[] {
  const n = Math.max(1, Math.ceil(articles.length / ARTICLES_PER_LIST_PAGE));
  const pages = Array.from({ length: n }, (_, i) => new ListPage(urlOf(i + 1), i + 1, n, articles.slice(i * ARTICLES_PER_LIST_PAGE, (i + 1) * ARTICLES_PER_LIST_PAGE), i * ARTICLES_PER_LIST_PAGE + 1));
  pages.forEach((p, i) => {
    p.prev = pages[i - 1] ?? null;
    p.next = pages[i + 1] ?? null;
  });
  return pages;
}

/** One page of the list of all articles: each paper's articles in reading order, the papers in the archive's order. */
export type ArticleListPage = ListPage;

export interface ArchiveCounts {
  publications: number;
  files: number;
  pages: number;
  articles: number;
  authors: number;
  keywords: number;
}

export class Archive {
  constructor(
    readonly articles: SiteArticle[],
    readonly files: FileGroup[],
    readonly publications: Publication[],
    readonly people: Person[],
    readonly keywords: Keyword[],
  ) {}
  #lists: ArticleListPage[] | undefined;
  get pages(): PageGroup[] {
    return this.files.flatMap((f) => f.pages);
  }
  /** The list of all articles, in pages of ARTICLES_PER_LIST_PAGE (one page, empty, for an empty archive). */
  get articleLists(): ArticleListPage[] {
    return (this.#lists ??= listPages(
      this.publications.flatMap((p) => p.reading),
      (n) => (n === 1 ? '/articles/' : sitePath('articles', String(n))),
    ));
  }
  get issues(): Issue[] {
    return this.publications.flatMap((p) => p.issues);
  }
  get years(): Year[] {
    return this.publications.flatMap((p) => p.years);
  }
  get months(): Month[] {
    return this.publications.flatMap((p) => p.months);
  }
  get rawFiles(): FileGroup[] {
    return this.files.filter((f) => f.rawPath !== null);
  }
  get counts(): ArchiveCounts {
    return {
      publications: this.publications.filter((p) => p.known).length,
      files: this.files.length,
      pages: this.files.reduce((n, f) => n + f.pages.length, 0),
      articles: this.articles.length,
      authors: this.people.length,
      keywords: this.keywords.length,
    };
  }
  article(id: string): SiteArticle | undefined {
    return this.articles.find((a) => a.id === id);
  }
}
