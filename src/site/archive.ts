/**
 * The reader's archive as the site templates see it: the segmenter's article files, read and
 * checked by the contract (src/contract/markdown.ts), cross-linked into publications → files →
 * pages → articles, people (with their roles) and keywords (src/site/entities.ts), each article
 * with its related articles (src/site/related.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROLES, fromMarkdown, readReport, type FileReportSummary } from '../contract/markdown.ts';
import type { Role } from '../segment/types.ts';
import {
  Archive,
  FileGroup,
  Issue,
  Keyword,
  Month,
  PageGroup,
  Person,
  Publication,
  SiteArticle,
  UNDATED,
  UNKNOWN_PUBLICATION,
  Year,
  collator,
  dateLabel,
} from './entities.ts';
import { compareNames } from './names.ts';
import { assignRelated, type RelatedState } from './related.ts';

/** One article file, read and checked; `file` names it in every error. */
export function parseArticle(text: string, file: string): SiteArticle {
  return new SiteArticle(fromMarkdown(text, file));
}

export interface LoadOptions {
  articlesDir: string;
  rawDir: string;
  /** What an earlier build found the related lists from: those no change reaches are kept (src/site/related.ts). */
  relatedFrom?: RelatedState;
}

/** Read every `*.md` article (and `_report.json` when present) and build the archive. */
export async function loadArchive({ articlesDir, rawDir, relatedFrom }: LoadOptions): Promise<Archive> {
  let names: string[];
  try {
    names = (await readdir(articlesDir)).filter((n) => n.endsWith('.md') && !n.startsWith('_')).sort();
  } catch (e) {
    throw new Error(`Baoku site: cannot read the articles folder ${articlesDir}: ${(e as Error).message}`);
  }
  const articles: SiteArticle[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    // read synchronously: a promise per file took 1.3 s of 8,281 files, this 0.3 s (the bench's 1,000 raw files)
    const article = parseArticle(readFileSync(join(articlesDir, name), 'utf8'), join(articlesDir, name));
    const clash = seen.get(article.id);
    if (clash) throw new Error(`Baoku site: article id "${article.id}" appears in both ${clash} and ${name}`);
    seen.set(article.id, name);
    articles.push(article);
  }

  let reports: FileReportSummary[] = [];
  const reportPath = join(articlesDir, '_report.json');
  if (existsSync(reportPath)) {
    try {
      reports = readReport(JSON.parse(await readFile(reportPath, 'utf8')));
    } catch (e) {
      throw new Error(`Baoku site: cannot read ${reportPath}: ${(e as Error).message}`);
    }
  }
  return buildArchive(articles, reports, rawDir, relatedFrom);
}

/** Cross-link parsed articles into the archive graph. Pure apart from checking raw files exist. */
export function buildArchive(articles: SiteArticle[], reports: FileReportSummary[], rawDir: string, relatedFrom?: RelatedState): Archive {
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
    }
    f.pages.forEach((pg, i) => {
      pg.prev = f.pages[i - 1] ?? null;
      pg.next = f.pages[i + 1] ?? null;
    });
  }
  // Archive reading order: file, page, position on the page.
  const ordered = files.flatMap((f) => f.articles);

  // Publications: a file belongs to the paper its issue facts name (manifest or path), else to
  // the publication most of its articles name.
  const publications = new Map<string, Publication>();
  const unknown = new Publication(UNKNOWN_PUBLICATION, false);
  const mostNamed = (names: (string | undefined)[]) => {
    const tally = new Map<string, number>();
    for (const n of names) if (n) tally.set(n, (tally.get(n) ?? 0) + 1);
    return [...tally].sort((x, y) => y[1] - x[1] || collator.compare(x[0], y[0]))[0]?.[0];
  };
  for (const f of files) {
    const best = mostNamed(f.articles.map((a) => a.paper)) ?? mostNamed(f.articles.map((a) => a.publication));
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
    arrangeByDate(p);
    linkArticles(p);
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
  // by reading, surnames read as surnames (曾 Zēng): src/site/names.ts
  const peopleList = [...people.values()].sort((x, y) => compareNames(x.name, y.name));
  checkUnique(peopleList.map((p) => p.slug), 'people');

  // Keywords: a place and its administrative form are one (keywordFamilies); each page lists every
  // article that prints the keyword, not only those whose own five to eight name it
  const nodeOf = keywordFamilies(ordered.flatMap((a) => a.keywords));
  for (const a of ordered) {
    for (const k of a.keywords) {
      const node = nodeOf.get(k)!;
      if (a.keywordNodes.includes(node)) continue;
      a.keywordNodes.push(node);
      node.tagged.push(a);
    }
  }
  const keywordNodes = [...new Set(nodeOf.values())];
  const findIn = keywordFinder(keywordNodes);
  for (const a of ordered) {
    const found = findIn(articleText(a));
    for (const k of a.keywordNodes) found.add(k);
    // in archive order, each article once: the nodes are visited article by article
    for (const node of found) node.articles.push(a);
  }
  const keywordList = keywordNodes.sort(
    (x, y) => y.articles.length - x.articles.length || collator.compare(x.name, y.name),
  );
  checkUnique(keywordList.map((k) => k.slug), 'keywords');

  // Related articles: shared keywords, each weighted by how rare it is.
  assignRelated(ordered, relatedFrom);

  return new Archive(ordered, files, pubList, peopleList, keywordList);
}

/** Administrative suffixes, most specific last: 株洲市 is 株洲's city, 凤凰县 凤凰's county. */
const ADMIN_SUFFIXES = ['省', '市', '县', '区'];

/**
 * One node per keyword, a place's bare name merged into its administrative form when the archive
 * has both (株洲 → 株洲市, 凤凰 → 凤凰县, 芦淞 → 芦淞区). A bare name with two such forms
 * (长沙市, 长沙县: two places) goes to the city only when one of them is a city (长沙 means
 * 长沙市), else stays a keyword of its own.
 */
export function keywordFamilies(names: string[]): Map<string, Keyword> {
  const all = new Set(names);
  const adminOf = new Map<string, string>();
  for (const bare of all) {
    const forms = ADMIN_SUFFIXES.map((s) => bare + s).filter((f) => all.has(f));
    const chosen = forms.length === 1 ? forms[0] : forms.find((f) => f.endsWith('市'));
    if (chosen && [...bare].length >= 2) adminOf.set(bare, chosen);
  }
  const baresOf = new Map<string, string[]>();
  for (const [bare, form] of adminOf) baresOf.set(form, [...(baresOf.get(form) ?? []), bare]);
  const nodes = new Map<string, Keyword>();
  for (const name of [...all].sort(collator.compare)) {
    if (adminOf.has(name)) continue;
    nodes.set(name, new Keyword(name, [name, ...(baresOf.get(name) ?? [])]));
  }
  for (const [bare, form] of adminOf) nodes.set(bare, nodes.get(form)!);
  return nodes;
}

/** Title, kicker, subtitle, body and captions: what a reader sees of the article. */
function articleText(a: SiteArticle): string {
  return [a.kicker ?? '', a.title, a.subtitle ?? '', a.body, ...a.captions.map((c) => c.text)].join('\n');
}

/**
 * A function that finds which of `keywords` a text prints: at each place the longest form that
 * starts there (长沙县 is not read as 长沙, 株洲高新区 not as 株洲), every place looked at (a
 * form may start inside another: 教学生产线 prints 生产线 whatever 学生 does). Forms are
 * looked up by their first two characters, one lookup per character of the text: linear in the
 * text, whatever the number of keywords.
 */
function keywordFinder(keywords: Keyword[]): (text: string) => Set<Keyword> {
  const byStart = new Map<string, [string, Keyword][]>();
  for (const k of keywords) {
    for (const form of k.forms) {
      const list = byStart.get(form.slice(0, 2)) ?? [];
      list.push([form, k]);
      byStart.set(form.slice(0, 2), list);
    }
  }
  for (const list of byStart.values()) list.sort((x, y) => y[0].length - x[0].length);
  return (text) => {
    const found = new Set<Keyword>();
    for (let i = 0; i < text.length - 1; i++) {
      const hit = byStart.get(text.slice(i, i + 2))?.find(([form]) => text.startsWith(form, i));
      if (!hit) continue;
      found.add(hit[1]);
    }
    return found;
  };
}

/**
 * A publication's pages by date: issues (a date's pages by page number), months and years; its
 * files dated first (by date and first page), then the undated ones by name. Neighbours stay
 * within the paper: pages within their issue, issues and files within the publication.
 */
function arrangeByDate(p: Publication): void {
  const byDate = new Map<string, Issue>();
  for (const f of p.files) {
    for (const pg of f.pages) {
      const date = pg.date;
      if (!date) continue;
      let issue = byDate.get(date);
      if (!issue) byDate.set(date, (issue = new Issue(p, date)));
      issue.pages.push(pg);
      pg.issue = issue;
    }
  }
  const issues = [...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  issues.forEach((issue, i) => {
    issue.prev = issues[i - 1] ?? null;
    issue.next = issues[i + 1] ?? null;
    issue.pages.sort((x, y) => x.number - y.number || collator.compare(x.file.file, y.file.file) || x.page - y.page);
    issue.pages.forEach((pg, k) => {
      pg.prev = issue.pages[k - 1] ?? null;
      pg.next = issue.pages[k + 1] ?? null;
    });
    const year = p.years[p.years.length - 1]?.year === issue.year ? p.years[p.years.length - 1] : new Year(p, issue.year);
    if (year !== p.years[p.years.length - 1]) p.years.push(year);
    const last = year.months[year.months.length - 1];
    const month = last?.month === issue.month ? last : new Month(p, issue.year, issue.month);
    if (month !== last) year.months.push(month);
    month.issues.push(issue);
  });
  p.issues.push(...issues);

  const firstDated = (f: FileGroup) => f.pages.find((pg) => pg.issue);
  p.files.sort((x, y) => {
    const [a, b] = [firstDated(x), firstDated(y)];
    if (a && b) return (a.issue!.date < b.issue!.date ? -1 : a.issue!.date > b.issue!.date ? 1 : 0) || a.number - b.number || collator.compare(x.file, y.file);
    return a ? -1 : b ? 1 : collator.compare(x.file, y.file);
  });
  for (const f of p.files) {
    const pg = firstDated(f);
    if (pg) f.label = `${dateLabel(pg.issue!.date)} ${f.pages.length === 1 ? pg.label : `第 ${pg.number}–${pg.number + f.pages.length - 1} 版`}`;
    else {
      p.undated.push(f);
      f.label = `${UNDATED} · 文件 ${p.undated.length}`;
    }
  }
  p.files.forEach((f, i) => {
    f.prev = p.files[i - 1] ?? null;
    f.next = p.files[i + 1] ?? null;
  });
}

/**
 * Each article's previous and next article in its paper's reading order: issues by date, their
 * pages by number, then the undated pages in file order; each page's
 * articles as printed. So a page's first article leads back to the previous page's last, and an
 * issue's first to the previous issue's last.
 */
function linkArticles(p: Publication): void {
  const dated = p.issues.flatMap((i) => i.pages);
  // undated pages (the undated files', and any a dated file holds) follow, in file order
  const pages = [...dated, ...p.files.flatMap((f) => f.pages.filter((pg) => !pg.issue))];
  const order = pages.flatMap((pg) => pg.articles);
  // one at a time: spread into push(), a publication of 100,000-odd articles overflows the stack
  for (const a of order) p.reading.push(a);
  order.forEach((a, i) => {
    a.prev = order[i - 1] ?? null;
    a.next = order[i + 1] ?? null;
  });
}

function checkUnique(slugs: string[], what: string): void {
  const seen = new Set<string>();
  for (const s of slugs) {
    if (seen.has(s)) throw new Error(`Baoku site: two ${what} map to the same URL key "${s}"`);
    seen.add(s);
  }
}
