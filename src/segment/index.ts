import type { Article, ClassifiedBlock, FileReport, ReportEntry, SegmentResult } from './types.ts';
import { assemble } from './assemble.ts';
import { classify } from './classify.ts';
import { threadBlocks } from './thread.ts';
import { decode, UndecodableError } from './decode.ts';
import { keywordsOf, teach } from './keywords.ts';
import { readLines } from './lines.ts';
import { detectFlavour, toBlocks } from './paragraphs.ts';
import { gatherSpreadNames } from './spread-names.ts';
import { simplifiedShadow } from './script.ts';
import { REPAIRS } from './repair.ts';
import { pageFacts, type PageFacts } from './rules/page-header.ts';
import { readAffiliation } from './rules/affiliation.ts';

export { UndecodableError };

/**
 * The short key of a raw file used in article ids and URLs: the leading number of the
 * sample's names (`000_9b41f1c6617766a6.txt` → `000`), else the name's safe characters
 * plus a hash of the full name so two names never collide.
 */
export function fileKey(name: string): string {
  const base = name.replace(/^.*[\\/]/u, '').replace(/\.[^.]*$/u, '');
  const lead = /^(\d{1,6})[_-]/u.exec(base);
  if (lead) return lead[1];
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  const safe = base.normalize('NFKD').replace(/[^A-Za-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 24).toLowerCase();
  return `${safe ? `${safe}-` : ''}${h.toString(16).padStart(8, '0')}`;
}

/** A signed essay's notes (`（作者为…）`) move from the credit lines to `affiliations`. */
function affiliationsOf(bylines: string[]): Pick<Article, 'bylines' | 'affiliations'> {
  const affiliations = bylines.map(readAffiliation).filter((x): x is string => x !== null);
  return affiliations.length ? { bylines: bylines.filter((b) => readAffiliation(b) === null), affiliations } : { bylines };
}

/** An article's fields from its page's header, only those the header states. */
function header(f: PageFacts | undefined): Pick<Article, 'issue_date' | 'page' | 'section'> {
  if (!f) return {};
  return { ...(f.issueDate ? { issue_date: f.issueDate } : {}), ...(f.page !== undefined ? { page: f.page } : {}), ...(f.section ? { section: f.section } : {}) };
}

/**
 * The report of a file nothing was segmented from (too large, undecodable, a PDF without text):
 * no article, its one warning saying why; `pages` as far as the file was read.
 */
export const skippedReport = (file: string, message: string, pages = 0): FileReport => ({
  file,
  encoding: 'skipped',
  pages,
  articles: 0,
  unassigned: [],
  duplicates: [],
  decisions: [],
  typography: '',
  warnings: [{ message }],
});

export interface SegmentOptions {
  /**
   * Place and organisation names the archive teaches (learnLexicon()), taught to nodejieba
   * before any stage cuts text. Default: none, nodejieba's own dictionary.
   */
  lexicon?: string[];
  /** Override the key used in ids (when two files share a leading number). */
  key?: string;
}

/**
 * The whole segmenter for one raw file: bytes → articles plus a report of everything that
 * is not in an article. A function of the name, the bytes and the options alone: the lexicon
 * is taught first, so nodejieba's dictionary is the same whatever ran before in the process.
 * Throws UndecodableError for bytes that are not text.
 */
/**
 * The page furniture as page facts read it: runs of furniture lines printed one after another
 * first, joined (a header an extractor set in pieces, `沅湘晨报` / `1` / `评论` / `2023 年 2 月 19 日
 * 星期日`), then each line alone.
 */
function headerRuns(blocks: readonly ClassifiedBlock[]): { page: number; display: string }[] {
  const runs: { page: number; display: string }[] = [];
  let run: ClassifiedBlock[] = [];
  const flush = () => {
    if (run.length > 1) runs.push({ page: run[0].page, display: run.map((b) => b.display).join(' ') });
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === 'furniture' && (run.length === 0 || run[0].page === b.page)) run.push(b);
    else {
      flush();
      if (b.kind === 'furniture') run.push(b);
    }
  }
  flush();
  return [...runs, ...blocks.filter((b) => b.kind === 'furniture')];
}

export function segmentFile(name: string, bytes: Uint8Array, opts: SegmentOptions = {}): SegmentResult {
  // before any stage: paragraphs, classify and assemble cut words too (continues(), topic.ts), not only keywordsOf()
  teach(opts.lexicon ?? []);
  const decoded = decode(bytes);
  // a file in traditional characters is read through its simplified shadow (script.ts)
  const shadow = simplifiedShadow(decoded.text);
  const read = readLines(shadow?.text ?? decoded.text);
  const lines = gatherSpreadNames(read.lines);
  const flavour = detectFlavour(lines);
  const report: FileReport = {
    file: name,
    encoding: decoded.encoding,
    flavour,
    pages: lines.length ? lines[lines.length - 1].page : 0,
    articles: 0,
    unassigned: [],
    duplicates: [],
    decisions: [],
    typography: '',
    warnings: decoded.damagedLines.map((line) => ({ line, message: 'undecodable bytes replaced by U+FFFD' })),
  };
  if (lines.length === 0) {
    report.warnings.push({ message: 'no text: the file is empty or blank' });
    return { articles: [], report };
  }
  const blocks = threadBlocks(classify(toBlocks(lines, flavour)));
  // what each page's header states: the issue's date, the page number, the section
  const facts = pageFacts(headerRuns(blocks));
  const assembled = assemble(blocks, flavour, read.placed);
  for (const e of assembled.unassigned) report.unassigned.push(e);
  for (const e of assembled.decisions) report.decisions.push(e);
  report.typography = assembled.typography;
  let drafts = assembled.articles;
  for (const { repair, report: part } of REPAIRS) {
    const repaired = repair(drafts);
    for (const e of repaired.report) report[part].push(e);
    drafts = repaired.articles;
  }
  const key = opts.key ?? fileKey(name);
  const perPage = new Map<number, number>();
  const articles: Article[] = [];
  for (const draft of drafts) {
    if (draft.body.length === 0 && !draft.title && draft.captions.length === 0) {
      // nothing to read: whatever display text or credit it held goes to the report
      const left = [draft.kicker, draft.subtitle, ...draft.bylines].filter((x): x is string => Boolean(x));
      if (left.length) report.unassigned.push({ lines: draft.source.lines, text: left.join(' / '), reason: 'display text or credit with no article' });
      continue;
    }
    const n = (perPage.get(draft.source.page) ?? 0) + 1;
    perPage.set(draft.source.page, n);
    articles.push({
      ...draft,
      id: `${key}-p${draft.source.page}-${String(n).padStart(2, '0')}`,
      ...affiliationsOf(draft.bylines),
      ...header(facts.get(draft.source.page)),
      keywords: keywordsOf(draft),
      source: { ...draft.source, file: name },
    });
  }
  report.articles = articles.length;
  return shadow ? inOwnCharacters({ articles, report }, shadow.back) : { articles, report };
}

/**
 * What the segmenter read in a file's simplified shadow, in the file's own characters: every string
 * it took from the text, each looked for where its article (or its report entry) was printed.
 */
export function inOwnCharacters({ articles, report }: SegmentResult, back: (s: string, lines?: readonly [number, number]) => string): SegmentResult {
  const entries = (list: ReportEntry[]) => list.map((e) => ({ ...e, text: back(e.text, e.lines) }));
  return {
    articles: articles.map((a) => {
      const b = (s: string) => back(s, a.source.lines);
      return {
        ...a,
        title: b(a.title),
        ...(a.kicker !== undefined ? { kicker: b(a.kicker) } : {}),
        ...(a.subtitle !== undefined ? { subtitle: b(a.subtitle) } : {}),
        ...(a.publication !== undefined ? { publication: b(a.publication) } : {}),
        ...(a.dateline !== undefined ? { dateline: b(a.dateline) } : {}),
        ...(a.section !== undefined ? { section: b(a.section) } : {}),
        ...(a.affiliations !== undefined ? { affiliations: a.affiliations.map(b) } : {}),
        authors: a.authors.map(b),
        photographers: a.photographers.map(b),
        credits: a.credits.map((c) => ({ ...c, name: b(c.name) })),
        bylines: a.bylines.map(b),
        captions: a.captions.map((c) => ({ ...c, text: b(c.text), ...(c.credit !== undefined ? { credit: b(c.credit) } : {}) })),
        body: a.body.map((x) => ({ ...x, text: b(x.text) })),
        keywords: a.keywords.map(b),
      };
    }),
    report: { ...report, unassigned: entries(report.unassigned), duplicates: entries(report.duplicates), decisions: entries(report.decisions) },
  };
}
