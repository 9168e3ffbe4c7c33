/**
 * Applying a file's corrections (issue 16) to what the segmenter made of it, after segmentation
 * and before Markdown: a pure function of (articles, report, operations), so a correction holds
 * through every rebuild and every later segmenter as long as its ids and text anchors exist.
 *
 * Guarantees:
 * - Nothing is silently misapplied: an operation whose id or anchor is not found, or that would
 *   lose text (a move to a missing article), changes nothing and becomes a warning with its line.
 * - Conservation: every character that was in an article or the report still is. Text a
 *   correction takes out of an article (furniture, a replaced headline or field) goes to the
 *   report's `unassigned` list with the reason.
 * - Ids are stable: a split's new article gets `<id>-2` (the next free number), no other id changes.
 *
 * Text anchors are compared with all whitespace removed, so spacing repair may change without
 * breaking them; an anchor names the block (paragraph, subhead, caption) whose text starts with it.
 */
import type { Article, Caption, FileReport, Warning } from '../segment/types.ts';
import type { FieldValues, Operation } from './parse.ts';

/** What one applied operation changed, kept in `_report.json` and shown on the article's page. */
export interface AppliedCorrection {
  /** Line of the operation in its correction file. */
  line: number;
  /** The articles it changed (a merge's second id and a split's new id included). */
  ids: string[];
  /** What was changed, in words (Chinese: it is shown to readers). */
  note: string;
}

export interface CorrectionOutcome {
  articles: Article[];
  report: FileReport;
  applied: AppliedCorrection[];
  /** Operations not applied, each with its line in the correction file. */
  warnings: Warning[];
}

const squash = (s: string) => s.replace(/\s+/gu, '');

/** Shown in warnings: the anchor as written, cut so one long anchor does not fill the line. */
const shown = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

type Found = { article: Article; where: 'body'; index: number; text: string } | { article: Article; where: 'caption'; index: number; text: string; caption: Caption };

/** The first block, in article order, whose text starts with the anchor (whitespace ignored). */
function findBlock(articles: Article[], anchor: string): Found | undefined {
  const a = squash(anchor);
  if (a === '') return undefined;
  for (const article of articles) {
    const i = article.body.findIndex((b) => squash(b.text).startsWith(a));
    if (i >= 0) return { article, where: 'body', index: i, text: article.body[i].text };
    const c = article.captions.findIndex((x) => squash(x.text).startsWith(a));
    if (c >= 0) return { article, where: 'caption', index: c, text: article.captions[c].text, caption: article.captions[c] };
  }
  return undefined;
}

function removeBlock(f: Found): void {
  if (f.where === 'body') f.article.body.splice(f.index, 1);
  else f.article.captions.splice(f.index, 1);
}

const union = (a: string[], b: string[]) => [...a, ...b.filter((x) => !a.includes(x))];

/** A deep copy: the caller's articles and report are never changed (the cache may hold them). */
const copy = <T>(v: T): T => structuredClone(v);

/**
 * Sets the given fields; printed text a field held before (title, kicker, subtitle, dateline) is
 * kept in the report, since it came from the page. Returns the names of the fields set.
 */
function setFields(article: Article, set: FieldValues, report: FileReport, line: number): string[] {
  const names: string[] = [];
  for (const [k, v] of Object.entries(set) as [keyof FieldValues, FieldValues[keyof FieldValues]][]) {
    const before = (article as unknown as Record<string, unknown>)[k];
    if (typeof before === 'string' && before !== '' && before !== v && (k === 'title' || k === 'kicker' || k === 'subtitle' || k === 'dateline')) {
      report.unassigned.push({ lines: article.source.lines, text: before, reason: `${k} of ${article.id} replaced by correction line ${line}` });
    }
    if (k === 'authors' || k === 'photographers') article[k] = v as string[];
    else if (k === 'page') article.page = v as number;
    else if (v === '' && k !== 'title') delete (article as unknown as Record<string, unknown>)[k];
    else (article as unknown as Record<string, unknown>)[k] = v;
    names.push(k);
  }
  return names;
}

const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  kicker: '引题',
  subtitle: '副题',
  authors: '作者',
  photographers: '摄影',
  dateline: '电头',
  issue_date: '日期',
  section: '版名',
  publication: '报名',
  page: '版次',
};
const fieldNote = (names: string[]) => names.map((n) => FIELD_NAMES[n] ?? n).join('、');

/** Applies `ops` in order to a copy of the file's articles and report. */
export function applyCorrections(articlesIn: Article[], reportIn: FileReport, ops: Operation[]): CorrectionOutcome {
  const articles = copy(articlesIn);
  const report = copy(reportIn);
  const applied: AppliedCorrection[] = [];
  const warnings: Warning[] = [];
  const byId = (id: string) => articles.find((a) => a.id === id);
  const missing = (line: number, id: string) => warnings.push({ line, message: `article ${id} not found; correction not applied` });
  const stale = (line: number, anchor: string) => warnings.push({ line, message: `anchor "${shown(anchor)}" not found; correction not applied` });

  for (const op of ops) {
    switch (op.op) {
      case 'article': {
        const a = byId(op.id);
        if (!a) {
          missing(op.line, op.id);
          break;
        }
        const names = setFields(a, op.set, report, op.line);
        if (names.length) applied.push({ line: op.line, ids: [a.id], note: `更正${fieldNote(names)}` });
        break;
      }
      case 'merge': {
        const [first, second] = op.ids.map(byId);
        if (!first || !second || first === second) {
          if (first === second && first) warnings.push({ line: op.line, message: `merge names ${op.ids[0]} twice; correction not applied` });
          for (const id of op.ids) if (!byId(id)) missing(op.line, id);
          break;
        }
        // the second article's printed heads stay as subheads of the first: no text is lost
        const heads = [second.kicker, second.title, second.subtitle].filter((s): s is string => !!s);
        first.body.push(...heads.map((text) => ({ kind: 'subhead' as const, text })), ...second.body);
        first.captions.push(...second.captions);
        first.authors = union(first.authors, second.authors);
        first.photographers = union(first.photographers, second.photographers);
        first.credits.push(...second.credits.filter((c) => !first.credits.some((d) => d.name === c.name && d.role === c.role)));
        first.bylines = union(first.bylines, second.bylines);
        first.keywords = union(first.keywords, second.keywords);
        const s = first.source;
        const t = second.source;
        s.lines = [Math.min(s.lines[0], t.lines[0]), Math.max(s.lines[1], t.lines[1])];
        if (s.ranges || t.ranges) s.ranges = [...(s.ranges ?? [s.lines]), ...(t.ranges ?? [t.lines])].sort((x, y) => x[0] - y[0]);
        if (s.caption_ranges || t.caption_ranges) s.caption_ranges = [...(s.caption_ranges ?? []), ...(t.caption_ranges ?? [])].sort((x, y) => x[0] - y[0]);
        articles.splice(articles.indexOf(second), 1);
        applied.push({ line: op.line, ids: [first.id, second.id], note: `并入 ${second.id}（原为两篇）` });
        break;
      }
      case 'split': {
        const a = byId(op.id);
        if (!a) {
          missing(op.line, op.id);
          break;
        }
        const anchor = squash(op.before);
        // the first block cannot start the new article: that would leave the old one empty
        const at = a.body.findIndex((b, i) => i > 0 && squash(b.text).startsWith(anchor));
        if (anchor === '' || at < 0) {
          stale(op.line, op.before);
          break;
        }
        let n = 2;
        while (byId(`${a.id}-${n}`)) n++;
        const body = a.body.splice(at);
        // without a title given, a subhead that opens the new part is its headline
        let title = '';
        if (op.set.title === undefined && body[0].kind === 'subhead' && body.length > 1) title = body.shift()!.text;
        const fresh: Article = {
          id: `${a.id}-${n}`,
          title,
          authors: [],
          photographers: [],
          credits: [],
          bylines: [],
          captions: [],
          keywords: [],
          ...(a.issue_date ? { issue_date: a.issue_date } : {}),
          ...(a.page !== undefined ? { page: a.page } : {}),
          ...(a.section ? { section: a.section } : {}),
          ...(a.publication ? { publication: a.publication } : {}),
          // the blocks carry no line numbers: the new article points at the old one's span, not its ranges
          source: { file: a.source.file, page: a.source.page, lines: [...a.source.lines] },
          body,
        };
        setFields(fresh, op.set, report, op.line);
        articles.splice(articles.indexOf(a) + 1, 0, fresh);
        applied.push({ line: op.line, ids: [a.id, fresh.id], note: `${a.id} 在“${shown(op.before)}”处拆为两篇，后一篇为 ${fresh.id}` });
        break;
      }
      case 'furniture': {
        const f = findBlock(articles, op.anchor);
        if (!f) {
          stale(op.line, op.anchor);
          break;
        }
        removeBlock(f);
        report.unassigned.push({ lines: f.article.source.lines, text: f.text, reason: `furniture (correction line ${op.line})` });
        applied.push({ line: op.line, ids: [f.article.id], note: `移除版面杂项“${shown(f.text)}”` });
        break;
      }
      case 'move': {
        const target = byId(op.to);
        if (!target) {
          // refused: the block would have nowhere to go
          missing(op.line, op.to);
          break;
        }
        const f = findBlock(articles, op.anchor);
        if (!f) {
          stale(op.line, op.anchor);
          break;
        }
        if (f.article === target) {
          warnings.push({ line: op.line, message: `anchor "${shown(op.anchor)}" is already in ${target.id}; correction not applied` });
          break;
        }
        removeBlock(f);
        if (f.where === 'caption') target.captions.push(f.caption);
        else target.body.push({ kind: 'paragraph', text: f.text });
        applied.push({ line: op.line, ids: [f.article.id, target.id], note: `“${shown(f.text)}”从 ${f.article.id} 移至 ${target.id}` });
        break;
      }
      case 'headline_of': {
        const a = byId(op.id);
        if (!a) {
          missing(op.line, op.id);
          break;
        }
        const want = squash(op.text);
        // the printed line is found where the segmenter left it: a block of an article, or the report
        const f = findBlock(articles, op.text);
        const u = f ? -1 : report.unassigned.findIndex((e) => squash(e.text).startsWith(want));
        if (want === '' || (!f && u < 0)) {
          stale(op.line, op.text);
          break;
        }
        let printed: string;
        if (f) {
          printed = f.text;
          removeBlock(f);
        } else {
          printed = report.unassigned[u].text;
          report.unassigned.splice(u, 1);
        }
        if (a.title && a.title !== printed) report.unassigned.push({ lines: a.source.lines, text: a.title, reason: `title of ${a.id} replaced by correction line ${op.line}` });
        a.title = printed;
        applied.push({ line: op.line, ids: [a.id], note: `标题改为“${shown(printed)}”` });
        break;
      }
    }
  }
  report.articles = articles.length;
  return { articles, report, applied, warnings };
}
