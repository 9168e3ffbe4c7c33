/**
 * The reader's archive as the site templates see it: article Markdown files (the segmenter's
 * output contract) are read with gray-matter, checked, and cross-linked into publications →
 * files → pages → articles, people (with their roles) and keywords.
 *
 * Every node is a class instance on purpose: Eleventy deep-copies plain objects in the data
 * cascade, and these graphs are cyclic (an article knows its page, the page its articles).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { Caption, Credit, Role } from '../segment/types.ts';
import { bodyBlocks, markdown, type BodyBlock } from './markdown.ts';

export const ROLES: readonly Role[] = ['记者', '通讯员', '作者', '摄影'];
export const UNKNOWN_PUBLICATION = '未注明报刊';

export const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Encode each segment of a site path: `/authors/魏龙元/` → `/authors/%E9%AD%8F…/`. */
export function sitePath(...segments: string[]): string {
  return '/' + segments.map((s) => encodeURIComponent(s)).join('/') + '/';
}

/** The output file (relative to the site root) for an encoded site path ending in `/`. */
export function outputFor(path: string): string {
  return decodeURIComponent(path) + 'index.html';
}

/** A URL- and file-system-safe key for a name; readable names are kept as they are. */
export function slugFor(name: string): string {
  const cleaned = name.normalize('NFC').trim();
  if (/^[\p{L}\p{N}][\p{L}\p{N}·_.-]{0,47}$/u.test(cleaned) && !cleaned.endsWith('.')) return cleaned;
  return 'x-' + createHash('sha1').update(cleaned).digest('hex').slice(0, 12);
}

/** Cut text to at most `max` characters, ending with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('').trimEnd() + '…';
}

export interface SourceRef {
  file: string;
  page: number;
  lines: [number, number];
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
  /** Position on its page: the number at the end of the id (000-p1-03 → 3). */
  readonly seq: number;
  /** First paragraph as plain text. */
  readonly lead: string;
  readonly untitled: boolean;
  /** Title, or for an untitled article "（无标题）" plus the first words of the body. */
  readonly displayTitle: string;
  pageGroup!: PageGroup;
  prev: SiteArticle | null = null;
  next: SiteArticle | null = null;
  people: PersonCredit[] = [];
  keywordNodes: Keyword[] = [];
  related: RelatedArticle[] = [];

  constructor(
    readonly id: string,
    readonly title: string,
    readonly kicker: string | undefined,
    readonly subtitle: string | undefined,
    readonly authors: string[],
    readonly photographers: string[],
    readonly credits: Credit[],
    /** Credit lines as printed, when the segmenter kept them. */
    readonly bylines: string[],
    readonly captions: Caption[],
    readonly publication: string | undefined,
    readonly dateline: string | undefined,
    readonly keywords: string[],
    readonly source: SourceRef,
    readonly body: string,
    /** The front matter as written, for /articles.json. */
    readonly frontMatter: Record<string, unknown>,
  ) {
    this.url = sitePath('articles', id);
    const m = /(\d+)$/.exec(id);
    this.seq = m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
    this.lead = bodyBlocks(body).find((b) => b.kind === 'paragraph')?.text ?? '';
    this.untitled = title.trim() === '';
    this.displayTitle = this.untitled ? `（无标题）${excerpt(this.lead, 16)}` : title;
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
}

export class Keyword {
  readonly slug: string;
  readonly url: string;
  readonly articles: SiteArticle[] = [];
  constructor(readonly name: string) {
    this.slug = slugFor(name);
    this.url = sitePath('keywords', this.slug);
  }
}

export class PageGroup {
  readonly url: string;
  readonly articles: SiteArticle[] = [];
  prev: PageGroup | null = null;
  next: PageGroup | null = null;
  constructor(
    readonly file: FileGroup,
    readonly page: number,
  ) {
    this.url = sitePath('files', file.key, `p${page}`);
  }
}

export interface FileReportSummary {
  file: string;
  encoding?: string;
  pages?: number;
  articles?: number;
}

export class FileGroup {
  readonly key: string;
  readonly url: string;
  readonly rawUrl: string;
  pages: PageGroup[] = [];
  publication!: Publication;
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
  get articles(): SiteArticle[] {
    return this.pages.flatMap((p) => p.articles);
  }
}

export class Publication {
  readonly slug: string;
  readonly url: string;
  readonly files: FileGroup[] = [];
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
}

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
  get pages(): PageGroup[] {
    return this.files.flatMap((f) => f.pages);
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

// ---------------------------------------------------------------------------------------------
// Reading and checking the front matter

class ArticleFormatError extends Error {}

function str(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function strList(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  const items = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of items) {
    const s = str(item)?.replace(/\s+/g, ' ');
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

function asRole(v: unknown): Role {
  const s = str(v);
  return (ROLES as readonly string[]).includes(s ?? '') ? (s as Role) : '作者';
}

function credits(v: unknown): Credit[] {
  if (!Array.isArray(v)) return [];
  const out: Credit[] = [];
  for (const item of v) {
    if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      const name = str(o.name)?.replace(/\s+/g, ' ');
      if (name) out.push({ name, role: asRole(o.role) });
    }
  }
  return out;
}

function captions(v: unknown): Caption[] {
  if (!Array.isArray(v)) return [];
  const out: Caption[] = [];
  for (const item of v) {
    if (typeof item === 'string' && item.trim()) out.push({ text: item.trim() });
    else if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      const text = str(o.text);
      const credit = str(o.credit);
      if (text || credit) out.push(credit ? { text: text ?? '', credit } : { text: text ?? '' });
    }
  }
  return out;
}

function source(v: unknown, where: string): SourceRef {
  if (!v || typeof v !== 'object') throw new ArticleFormatError(`${where}: front matter has no "source"`);
  const o = v as Record<string, unknown>;
  const file = str(o.file);
  // a path under the input folder (nested folders allowed), never absolute and never climbing out
  if (!file || file.startsWith('/') || file.includes('\\') || file.split('/').some((part) => part === '..' || part === '')) {
    throw new ArticleFormatError(`${where}: source.file must be a path under the input folder, got ${JSON.stringify(o.file)}`);
  }
  const page = Number(o.page);
  if (!Number.isInteger(page) || page < 1) throw new ArticleFormatError(`${where}: source.page must be a positive integer`);
  const lines = Array.isArray(o.lines) ? o.lines.map(Number) : [];
  if (lines.length !== 2 || !lines.every((n) => Number.isInteger(n) && n >= 1) || lines[0] > lines[1]) {
    throw new ArticleFormatError(`${where}: source.lines must be [first, last] line numbers`);
  }
  return { file, page, lines: [lines[0], lines[1]] };
}

export function parseArticle(text: string, where: string): SiteArticle {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {});
  } catch (e) {
    throw new ArticleFormatError(`${where}: cannot read front matter: ${(e as Error).message}`);
  }
  const d = parsed.data as Record<string, unknown>;
  const id = str(d.id);
  if (!id || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
    throw new ArticleFormatError(`${where}: "id" must be letters, digits, ".", "_" or "-", got ${JSON.stringify(d.id)}`);
  }
  return new SiteArticle(
    id,
    str(d.title) ?? '',
    str(d.kicker),
    str(d.subtitle),
    strList(d.authors),
    strList(d.photographers),
    credits(d.credits),
    strList(d.bylines),
    captions(d.captions),
    str(d.publication),
    str(d.dateline),
    strList(d.keywords),
    source(d.source, where),
    parsed.content.replace(/^\s*\n/, ''),
    d,
  );
}

function reportSummaries(json: unknown): FileReportSummary[] {
  const list: unknown[] = Array.isArray(json)
    ? json
    : json && typeof json === 'object' && Array.isArray((json as { files?: unknown }).files)
      ? (json as { files: unknown[] }).files
      : json && typeof json === 'object'
        ? Object.entries(json as Record<string, unknown>).map(([file, v]) =>
            v && typeof v === 'object' ? { file, ...(v as object) } : { file },
          )
        : [];
  const out: FileReportSummary[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    const file = str(o.file);
    if (!file || file.includes('/')) continue;
    out.push({
      file,
      encoding: str(o.encoding),
      pages: Number.isInteger(o.pages) ? (o.pages as number) : undefined,
      articles: Number.isInteger(o.articles) ? (o.articles as number) : undefined,
    });
  }
  return out;
}

export interface LoadOptions {
  articlesDir: string;
  rawDir: string;
}

/** Read every `*.md` article (and `_report.json` when present) and build the archive. */
export async function loadArchive({ articlesDir, rawDir }: LoadOptions): Promise<Archive> {
  let names: string[];
  try {
    names = (await readdir(articlesDir)).filter((n) => n.endsWith('.md') && !n.startsWith('_')).sort();
  } catch (e) {
    throw new Error(`Baoku site: cannot read the articles folder ${articlesDir}: ${(e as Error).message}`);
  }
  const articles: SiteArticle[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const article = parseArticle(await readFile(join(articlesDir, name), 'utf8'), join(articlesDir, name));
    const clash = seen.get(article.id);
    if (clash) throw new Error(`Baoku site: article id "${article.id}" appears in both ${clash} and ${name}`);
    seen.set(article.id, name);
    articles.push(article);
  }

  let reports: FileReportSummary[] = [];
  const reportPath = join(articlesDir, '_report.json');
  if (existsSync(reportPath)) {
    try {
      reports = reportSummaries(JSON.parse(await readFile(reportPath, 'utf8')));
    } catch (e) {
      throw new Error(`Baoku site: cannot read ${reportPath}: ${(e as Error).message}`);
    }
  }
  return buildArchive(articles, reports, rawDir);
}

/** Cross-link parsed articles into the archive graph. Pure apart from checking raw files exist. */
export function buildArchive(articles: SiteArticle[], reports: FileReportSummary[], rawDir: string): Archive {
  // Files, in file-name order.
  const reportByFile = new Map(reports.map((r) => [r.file, r]));
  const fileNames = [...new Set([...reports.map((r) => r.file), ...articles.map((a) => a.source.file)])].sort(collator.compare);
  const files = fileNames.map((file) => {
    const rawPath = join(rawDir, file);
    return new FileGroup(file, existsSync(rawPath) ? rawPath : null, reportByFile.get(file));
  });
  const keys = new Map<string, string>();
  for (const f of files) {
    const clash = keys.get(f.key);
    if (clash) throw new Error(`Baoku site: files ${clash} and ${f.file} map to the same URL key "${f.key}"`);
    keys.set(f.key, f.file);
  }
  const fileByName = new Map(files.map((f) => [f.file, f]));
  files.forEach((f, i) => {
    f.prev = files[i - 1] ?? null;
    f.next = files[i + 1] ?? null;
  });

  // Pages: every page the report or an article mentions, 1…max.
  const byFile = new Map<FileGroup, SiteArticle[]>();
  for (const a of articles) {
    const f = fileByName.get(a.source.file)!;
    const list = byFile.get(f);
    if (list) list.push(a);
    else byFile.set(f, [a]);
  }
  for (const f of files) {
    const own = byFile.get(f) ?? [];
    const count = Math.max(f.report?.pages ?? 0, ...own.map((a) => a.source.page), 0);
    f.pages = Array.from({ length: count }, (_, i) => new PageGroup(f, i + 1));
    for (const a of own) {
      const pg = f.pages[a.source.page - 1];
      a.pageGroup = pg;
      pg.articles.push(a);
    }
    for (const pg of f.pages) {
      pg.articles.sort((x, y) => x.seq - y.seq || x.source.lines[0] - y.source.lines[0] || collator.compare(x.id, y.id));
      pg.articles.forEach((a, i) => {
        a.prev = pg.articles[i - 1] ?? null;
        a.next = pg.articles[i + 1] ?? null;
      });
    }
    f.pages.forEach((pg, i) => {
      pg.prev = f.pages[i - 1] ?? null;
      pg.next = f.pages[i + 1] ?? null;
    });
  }
  // Archive reading order: file, page, position on the page.
  const ordered = files.flatMap((f) => f.articles);

  // Publications: a file belongs to the publication most of its articles name.
  const publications = new Map<string, Publication>();
  const unknown = new Publication(UNKNOWN_PUBLICATION, false);
  for (const f of files) {
    const tally = new Map<string, number>();
    for (const a of f.articles) if (a.publication) tally.set(a.publication, (tally.get(a.publication) ?? 0) + 1);
    const best = [...tally].sort((x, y) => y[1] - x[1] || collator.compare(x[0], y[0]))[0]?.[0];
    let pub = unknown;
    if (best) {
      pub = publications.get(best) ?? new Publication(best, true);
      publications.set(best, pub);
    }
    pub.files.push(f);
    f.publication = pub;
  }
  const pubList = [...publications.values()].sort((x, y) => collator.compare(x.name, y.name));
  if (unknown.files.length) pubList.push(unknown);
  const pubSlugs = new Set<string>();
  for (const p of pubList) {
    if (pubSlugs.has(p.slug)) throw new Error(`Baoku site: two publications map to the URL key "${p.slug}"`);
    pubSlugs.add(p.slug);
  }

  // People and their roles, in byline order.
  const people = new Map<string, Person>();
  const person = (name: string) => {
    let p = people.get(name);
    if (!p) people.set(name, (p = new Person(name)));
    return p;
  };
  for (const a of ordered) {
    const names = [...a.credits.map((c) => c.name), ...a.authors, ...a.photographers];
    const unique = [...new Set(names)];
    for (const name of unique) {
      const roles = new Set<Role>(a.credits.filter((c) => c.name === name).map((c) => c.role));
      if (a.photographers.includes(name) && !roles.has('摄影')) roles.add('摄影');
      if (a.authors.includes(name) && ![...roles].some((r) => r !== '摄影')) roles.add('作者');
      const list = ROLES.filter((r) => roles.has(r));
      const p = person(name);
      p.add(a, list);
      a.people.push({ person: p, roles: list });
    }
  }
  const peopleList = [...people.values()].sort((x, y) => collator.compare(x.name, y.name));
  checkUnique(peopleList.map((p) => p.slug), 'people');

  // Keywords.
  const keywords = new Map<string, Keyword>();
  for (const a of ordered) {
    for (const k of a.keywords) {
      let node = keywords.get(k);
      if (!node) keywords.set(k, (node = new Keyword(k)));
      node.articles.push(a);
      a.keywordNodes.push(node);
    }
  }
  const keywordList = [...keywords.values()].sort(
    (x, y) => y.articles.length - x.articles.length || collator.compare(x.name, y.name),
  );
  checkUnique(keywordList.map((k) => k.slug), 'keywords');

  // Related articles: shared keywords, each weighted by how rare it is.
  const related: RelatedContext = { keywordSets: new Map(ordered.map((a) => [a, new Set(a.keywordNodes)])), idRank: idRanks(ordered) };
  // articles with the same keywords in the same order rank every other article alike: the list
  // is found once for them all, one longer, and each drops itself from it
  const twins = new Map<string, SiteArticle[]>();
  for (const a of ordered) {
    const key = a.keywords.join('\n');
    const list = twins.get(key);
    if (list) list.push(a);
    else twins.set(key, [a]);
  }
  for (const group of twins.values()) {
    if (group.length === 1) {
      group[0].related = relatedArticles(group[0], related);
      continue;
    }
    const shared = relatedArticles(group[0], related, 5 + 1, false);
    for (const a of group) a.related = shared.filter((r) => r.article !== a).slice(0, 5);
  }

  return new Archive(ordered, files, pubList, peopleList, keywordList);
}

export interface RelatedContext {
  /** Each article's keywords as a set. */
  keywordSets: Map<SiteArticle, Set<Keyword>>;
  /** Each article's place in id order (collator order; ids the collator finds equal share it). */
  idRank: Map<SiteArticle, number>;
}

/** Articles ranked by id in collator order: comparing ranks is comparing ids, without the collator. */
function idRanks(articles: SiteArticle[]): Map<SiteArticle, number> {
  const sorted = [...articles].sort((x, y) => collator.compare(x.id, y.id));
  const rank = new Map<SiteArticle, number>();
  sorted.forEach((a, i) => rank.set(a, i > 0 && collator.compare(sorted[i - 1].id, a.id) === 0 ? rank.get(sorted[i - 1])! : i));
  return rank;
}

/**
 * The `limit` articles sharing the most keyword weight with `a` (a keyword shared by n articles
 * weighs 1/n), best first; ties by the number of shared keywords, then id. Exact, without
 * scoring every article that shares a common keyword (that is quadratic in an archive where a
 * place name tags thousands of articles): keywords are visited rarest first and every article
 * met is scored in full at once (summed in `a`'s keyword order, as a full pass would sum it).
 * An article not met yet shares none of the keywords visited, so it scores at most the weight
 * of those left; once that is below the `limit`-th score found, the list is final.
 */
export function relatedArticles(a: SiteArticle, ctx: RelatedContext, limit = 5, excludeSelf = true): RelatedArticle[] {
  const { keywordSets, idRank } = ctx;
  const byRelevance = (x: RelatedArticle, y: RelatedArticle) =>
    y.score - x.score || y.shared.length - x.shared.length || idRank.get(x.article)! - idRank.get(y.article)!;
  const ks = a.keywordNodes;
  const order = ks.map((_, i) => i).sort((x, y) => ks[x].articles.length - ks[y].articles.length || x - y);
  const rest: number[] = new Array(order.length + 1).fill(0);
  for (let j = order.length - 1; j >= 0; j--) rest[j] = rest[j + 1] + 1 / ks[order[j]].articles.length;
  const seen = new Set<SiteArticle>(excludeSelf ? [a] : []);
  const best: RelatedArticle[] = [];
  for (let j = 0; j < order.length; j++) {
    // strictly less, with a margin for rounding: an article not met can neither tie nor pass
    if (best.length === limit && rest[j] * (1 + 1e-9) + 1e-12 < best[limit - 1].score) break;
    for (const other of ks[order[j]].articles) {
      if (seen.has(other)) continue;
      seen.add(other);
      const own = keywordSets.get(other);
      const r: RelatedArticle = { article: other, shared: [], score: 0 };
      for (const k of ks) {
        if (own ? own.has(k) : other.keywordNodes.includes(k)) {
          r.shared.push(k.name);
          r.score += 1 / k.articles.length;
        }
      }
      // keep the best `limit`, sorted (insertion into a short list)
      if (best.length === limit && (r.score < best[limit - 1].score || byRelevance(r, best[limit - 1]) >= 0)) continue;
      let at = best.length;
      while (at > 0 && byRelevance(r, best[at - 1]) < 0) at--;
      best.splice(at, 0, r);
      if (best.length > limit) best.pop();
    }
  }
  return best;
}

function checkUnique(slugs: string[], what: string): void {
  const seen = new Set<string>();
  for (const s of slugs) {
    if (seen.has(s)) throw new Error(`Baoku site: two ${what} map to the same URL key "${s}"`);
    seen.add(s);
  }
}
