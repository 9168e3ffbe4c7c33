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
import type { Article, FileReport } from '../segment/types.ts';
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
