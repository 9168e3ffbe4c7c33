/**
 * The segmenter's output contract: one article per `<id>.md`, YAML front matter then the body as
 * Markdown. Written and read here only — by the segmenter's writer (src/build/segment-run.ts),
 * the site (src/site/archive.ts) and search-eval's synthetic archive (src/search/eval/synth.ts,
 * written by scripts/search-eval.ts) — so that what one side writes is what the other accepts.
 */
import { sep } from 'node:path';
import matter from 'gray-matter';
import type { Article, Caption, Credit, Role } from '../segment/types.ts';
import { DATE_SOURCES, type DateSource } from '../issues/facts.ts';

/** The roles a credit may name, in the order the site lists them; any other reads as 作者. */
export const ROLES: readonly Role[] = ['记者', '通讯员', '作者', '摄影'];

/** Where an article stands in its raw file (source.file relative to the input folder, nested folders allowed). */
export type SourceRef = Article['source'];

/**
 * What the build adds to the segmenter's article from the issue's metadata (src/issues/): the
 * paper, the edition, and where the issue date came from (the date, page and section are the
 * segmenter's fields, settled by src/issues/apply.ts).
 */
export interface IssueFields {
  /** The newspaper the page is from (manifest or path), unlike `publication`, the outlet the text names. */
  paper?: string;
  edition?: string;
  date_source?: DateSource;
}

/**
 * What the article's correction file changed (issue 16, src/corrections/), one note per applied
 * operation, in Chinese: the site shows them as 更正记录. Absent when nothing was corrected.
 */
export interface CorrectionFields {
  corrections?: string[];
}

/** An article as the contract writes it. */
export type ContractArticle = Article & IssueFields & CorrectionFields;

/** The front matter as written: the article without its body; optional fields left out when empty. */
export type FrontMatter = Omit<ContractArticle, 'body' | 'bylines'> & { bylines?: string[] };

/** An article file as read back: every list present (maybe empty), optional text absent or non-empty. */
export type ArticleFile = Omit<ContractArticle, 'body'> & {
  /** The Markdown body, leading blank lines removed. */
  body: string;
  /** The front matter as YAML gave it (for /articles.json, which shows it as written). */
  data: Record<string, unknown>;
};

/** A file that does not keep the contract; the message names the file. */
export class ArticleFormatError extends Error {}

// ---------------------------------------------------------------------------------------------
// Writing

/** The front matter of an article, in contract order, empty optional fields left out. */
export function frontMatterOf(a: ContractArticle): FrontMatter {
  // spread in contract order: the YAML keys come out in the order the object has them
  return {
    id: a.id,
    title: a.title,
    ...(a.kicker ? { kicker: a.kicker } : {}),
    ...(a.subtitle ? { subtitle: a.subtitle } : {}),
    authors: a.authors,
    photographers: a.photographers,
    credits: a.credits,
    ...(a.bylines.length ? { bylines: a.bylines } : {}),
    captions: a.captions.map((c) => (c.credit ? { text: c.text, credit: c.credit } : { text: c.text })),
    ...(a.publication ? { publication: a.publication } : {}),
    ...(a.dateline ? { dateline: a.dateline } : {}),
    ...(a.affiliations?.length ? { affiliations: a.affiliations } : {}),
    ...(a.paper ? { paper: a.paper } : {}),
    ...(a.issue_date ? { issue_date: a.issue_date } : {}),
    ...(a.page !== undefined ? { page: a.page } : {}),
    ...(a.section ? { section: a.section } : {}),
    ...(a.edition ? { edition: a.edition } : {}),
    ...(a.date_source ? { date_source: a.date_source } : {}),
    keywords: a.keywords,
    ...(a.corrections?.length ? { corrections: a.corrections } : {}),
    source: {
      file: a.source.file,
      page: a.source.page,
      lines: a.source.lines,
      ...(a.source.ranges?.length ? { ranges: a.source.ranges } : {}),
      ...(a.source.caption_ranges?.length ? { caption_ranges: a.source.caption_ranges } : {}),
      ...(a.source.bbox ? { bbox: a.source.bbox } : {}),
    },
  };
}

/**
 * Newspaper text must read as printed, never as markup: every character Markdown gives a
 * meaning to inside a line (`* _ [ ] < > | ~ & # \` and backticks) is backslash-escaped, and so
 * is what would open a block at a paragraph start (`-`, `+`, `=`, `1.`, `1)`).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~&#!])/gu, '\\$1')
    .replace(/^([-+=])/u, '\\$1')
    .replace(/^(\d+)([.)])/u, '$1\\$2');
}

/** Stage 5: article → Markdown with YAML front matter. Body paragraphs one per line, subheads as `## `. */
export function toMarkdown(a: ContractArticle): string {
  const body = a.body.map((item) => (item.kind === 'subhead' ? `## ${escapeMarkdown(item.text)}` : escapeMarkdown(item.text))).join('\n\n');
  // the front matter alone goes through gray-matter; the body is appended, never re-parsed
  // (a body that opens with `---` would otherwise be read as a second front matter)
  return `${matter.stringify('', frontMatterOf(a)).trimEnd()}\n${body}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading and checking
//
// Lenient where the site can make sense of a value (a YAML date as a dateline, a single name
// for a list, a caption given as a string) and strict where a wrong value would break a URL or
// a link to the raw text (id, source).

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

function source(v: unknown, file: string): SourceRef {
  if (!v || typeof v !== 'object') throw new ArticleFormatError(`${file}: front matter has no "source"`);
  const o = v as Record<string, unknown>;
  const raw = str(o.file);
  // a path under the input folder (nested folders allowed), never absolute and never climbing out;
  // parts are split on "/" only: on POSIX a backslash is a character of a name like any other
  // (`a\b.txt`, issue #14), and only where it separates folders (Windows) could it climb out
  if (!raw || raw.startsWith('/') || (sep === '\\' && raw.includes('\\')) || raw.split('/').some((part) => part === '..' || part === '')) {
    throw new ArticleFormatError(`${file}: source.file must be a path under the input folder, got ${JSON.stringify(o.file)}`);
  }
  const page = Number(o.page);
  if (!Number.isInteger(page) || page < 1) throw new ArticleFormatError(`${file}: source.page must be a positive integer`);
  const lines = Array.isArray(o.lines) ? o.lines.map(Number) : [];
  if (lines.length !== 2 || !lines.every((n) => Number.isInteger(n) && n >= 1) || lines[0] > lines[1]) {
    throw new ArticleFormatError(`${file}: source.lines must be [first, last] line numbers`);
  }
  const ranges = lineRangeList(o.ranges, 'ranges', file);
  const captionRanges = lineRangeList(o.caption_ranges, 'caption_ranges', file);
  const bbox = bboxOf(o.bbox, file);
  return {
    file: raw,
    page,
    lines: [lines[0], lines[1]],
    // a file written before ranges were: its one span is its range
    ranges: ranges.length ? ranges : [[lines[0], lines[1]]],
    caption_ranges: captionRanges,
    ...(bbox ? { bbox } : {}),
  };
}

/** `[left, top, right, bottom]` in PDF points (an article read from a PDF page); undefined when absent. */
function bboxOf(v: unknown, file: string): [number, number, number, number] | undefined {
  if (v === undefined || v === null) return undefined;
  const ok = Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) && v[0] <= v[2] && v[1] <= v[3];
  if (!ok) throw new ArticleFormatError(`${file}: source.bbox must be [left, top, right, bottom] in points, left ≤ right and top ≤ bottom`);
  return [v[0], v[1], v[2], v[3]];
}

/** `[[first, last], …]` of line numbers, each first ≤ last; [] when absent. */
function lineRangeList(v: unknown, name: string, file: string): [number, number][] {
  if (v === undefined || v === null) return [];
  const ok = (r: unknown): r is [number, number] => Array.isArray(r) && r.length === 2 && r.every((n) => Number.isInteger(n) && n >= 1) && r[0] <= r[1];
  if (!Array.isArray(v) || !v.every(ok)) throw new ArticleFormatError(`${file}: source.${name} must be a list of [first, last] line numbers`);
  return v.map((r) => [r[0], r[1]]);
}

/** Markdown text → the article it holds, checked; `file` names the file in every error. */
export function fromMarkdown(text: string, file: string): ArticleFile {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // with options, gray-matter does not keep every text it parsed in its cache (an archive is read once)
    parsed = matter(text, {});
  } catch (e) {
    throw new ArticleFormatError(`${file}: cannot read front matter: ${(e as Error).message}`);
  }
  const d = parsed.data as Record<string, unknown>;
  const id = str(d.id);
  if (!id || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
    throw new ArticleFormatError(`${file}: "id" must be letters, digits, ".", "_" or "-", got ${JSON.stringify(d.id)}`);
  }
  const issueDate = /^\d{4}-\d\d-\d\d$/u.test(str(d.issue_date) ?? '') ? str(d.issue_date) : undefined;
  return {
    id,
    title: str(d.title) ?? '',
    kicker: str(d.kicker),
    subtitle: str(d.subtitle),
    authors: strList(d.authors),
    photographers: strList(d.photographers),
    credits: credits(d.credits),
    bylines: strList(d.bylines),
    captions: captions(d.captions),
    publication: str(d.publication),
    dateline: str(d.dateline),
    affiliations: strList(d.affiliations).length ? strList(d.affiliations) : undefined,
    paper: str(d.paper),
    issue_date: issueDate,
    page: typeof d.page === 'number' && Number.isInteger(d.page) && d.page > 0 ? d.page : undefined,
    section: str(d.section),
    edition: str(d.edition),
    // a hand-made file without it: its date's source is not known, and with no date there is none
    date_source: (DATE_SOURCES as readonly string[]).includes(str(d.date_source) ?? '') ? (str(d.date_source) as DateSource) : issueDate ? undefined : 'unknown',
    keywords: strList(d.keywords),
    // only when there are some: an uncorrected article reads back exactly as its writer's object
    ...(strList(d.corrections).length ? { corrections: strList(d.corrections) } : {}),
    source: source(d.source, file),
    body: parsed.content.replace(/^\s*\n/, ''),
    data: d,
  };
}

/** What the site takes from a file's entry in `_report.json`. */
export interface FileReportSummary {
  file: string;
  encoding?: string;
  pages?: number;
  articles?: number;
}

/**
 * `_report.json` → one summary per raw file. Takes the list the segmenter writes and, from
 * hand-made archives, `{ files: [...] }` or an object keyed by file name; entries without a
 * plain file name are left out.
 */
export function readReport(json: unknown): FileReportSummary[] {
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
