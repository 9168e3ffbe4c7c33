/**
 * What passes between the segment pool (segment-pool.ts), its worker threads (segment-worker.ts),
 * the segment cache (segment-cache.ts) and the runner that writes the articles (segment-run.ts):
 * the messages, the shape of a segmented file, and the one function that turns an article into
 * what is written. Every one of them imports this module and none imports another for these, so
 * the worker never loads the runner and the pool and the cache do not import each other.
 */
import { toMarkdown, type ContractArticle } from '../contract/markdown.ts';
import type { IssueFacts } from '../issues/facts.ts';
import { withIssue } from '../issues/apply.ts';
import type { Article, FileReport, Warning } from '../segment/types.ts';
import { applyCorrections, type AppliedCorrection } from '../corrections/apply.ts';
import type { Operation } from '../corrections/parse.ts';
import { firstLine } from './messages.ts';

/** An article ready to be written: its Markdown, or why it cannot be written. */
export interface SegmentedArticle {
  id: string;
  /** The article's first source line (for a warning). */
  line: number;
  md: string | { problem: string };
}

/** What the segmenter made of one raw file, as the worker answers it and the cache keeps it. */
export interface SegmentedFile {
  articles: SegmentedArticle[];
  report: FileReport;
  /** What the file's correction file did, when it has one (written to `_report.json`). */
  corrections?: CorrectionsReport;
}

/** A raw file's correction file (content/corrections/<raw path>.yml), parsed by the main thread. */
export interface FileCorrections {
  /** How messages name it: `corrections/<raw path>.yml`. */
  label: string;
  /** Its text: part of the segment cache key, so editing it re-segments its file alone. */
  text: string;
  ops: Operation[];
}

/** What a correction file did to its raw file's articles. */
export interface CorrectionsReport {
  file: string;
  applied: AppliedCorrection[];
  /** Operations not applied (stale id or anchor, refused move), with their lines in `file`. */
  warnings: Warning[];
}

/** The worker's start data: the archive's lexicon, or null for a warm worker that waits for it. */
export interface WorkerInit {
  lexicon: string[] | null;
}

/** Pool → worker: the lexicon, for a warm worker started without one. */
export interface LexiconMessage {
  lexicon: string[];
}

/** Pool → worker: a file to segment; its bytes are transferred, not copied. */
export interface WorkerJob {
  seq: number;
  name: string;
  key: string;
  /** The file's issue facts from the manifest (src/issues/manifest.ts); {} without one. */
  issue: IssueFacts;
  /** The file's corrections, applied after segmentation and before Markdown. */
  corrections?: FileCorrections;
  buffer: ArrayBuffer;
  byteOffset: number;
  byteLength: number;
}

/**
 * Pool → worker: finish what you are doing and exit. A worker is never terminated from outside
 * while it may be inside nodejieba: a thread torn down in the middle of a native call aborts the
 * whole process ("terminate called after throwing an instance of 'Napi::Error'", seen when a
 * full disk stopped a run while the warm workers were still loading their dictionaries).
 */
export interface StopMessage {
  stop: true;
}

/** Worker → pool: it is ready for jobs (its lexicon is taught). */
export interface ReadyMessage {
  ready: true;
}

/** Worker → pool: the outcome of a job. */
export type WorkerReply =
  | ({ seq: number; ok: true } & SegmentedFile)
  | { seq: number; ok: false; undecodable: boolean; message: string; stack?: string };

/** The worker module the pool starts (by URL: a thread loads it, nothing imports it). */
export const WORKER_URL = new URL('./segment-worker.ts', import.meta.url);

/**
 * The article's Markdown, or the one-line reason toMarkdown() refused it: the file's other
 * articles are still written and the reason becomes a warning of the file (segment-run.ts).
 */
export function markdownOf(a: ContractArticle): string | { problem: string } {
  try {
    return toMarkdown(a);
  } catch (err) {
    return { problem: firstLine(err) };
  }
}

/** An article as the workers hand it back (and the cache keeps it). */
export const prepareArticle = (a: ContractArticle): SegmentedArticle => ({ id: a.id, line: a.source.lines[0], md: markdownOf(a) });

/** A file's articles with their issue facts settled (manifest > path > page header), ready to be written. */
export const prepareArticles = (articles: Article[], issue: IssueFacts): SegmentedArticle[] => articles.map((a) => prepareArticle(withIssue(a, issue)));

/**
 * A segmented file ready to be written: its corrections applied (when it has a correction file),
 * then its issue facts settled and its articles turned into Markdown. The worker and the
 * in-thread segmenter of segment-run.ts both go through here, so they write the same output.
 */
export function finishFile(result: { articles: Article[]; report: FileReport }, issue: IssueFacts, corrections?: FileCorrections): SegmentedFile {
  if (!corrections || corrections.ops.length === 0) return { articles: prepareArticles(result.articles, issue), report: result.report };
  const c = applyCorrections(result.articles, result.report, corrections.ops);
  // each article carries the notes of the operations that changed it, in the order applied
  const notes = (id: string) => c.applied.filter((x) => x.ids.includes(id)).map((x) => x.note);
  const articles = c.articles.map((a) => {
    const n = notes(a.id);
    return prepareArticle(n.length ? { ...withIssue(a, issue), corrections: n } : withIssue(a, issue));
  });
  return { articles, report: c.report, corrections: { file: corrections.label, applied: c.applied, warnings: c.warnings } };
}
