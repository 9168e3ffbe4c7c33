/**
 * How the build names files and errors on one line of a terminal or log: used by the runner, the
 * worker protocol and the CLIs alike, so that no message can smuggle a line break or a
 * bidirectional override (tests/hostile-build.test.ts).
 */
import { relative } from 'node:path';

/**
 * A file name as it may be printed on one line: control characters, line separators and
 * bidirectional overrides (which could make a name print as another) are shown escaped.
 */
export function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line of an error message (a stack trace or a multi-line message never reaches the user). */
export function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return printable(message.split(/\r?\n/u)[0] ?? '').slice(0, 300);
}

/** A path as the build names it: relative to the working directory when under it. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return printable(rel === '' ? '.' : rel.startsWith('..') ? path : rel);
}

/**
 * `no space left on device while writing <path>` when `err`, or an error it wraps (Eleventy's
 * `originalError`, a `cause`), says the disk is full — a Node error code or Pagefind's text
 * (`os error 28`) — or `disk quota exceeded while writing <path>`; null for any other error.
 * The path is the one the error names (Eleventy's `Having trouble writing to "…"`), else
 * `writing`: the folder being written.
 */
export function diskFullMessage(err: unknown, writing: string): string | null {
  const seen = new Set<unknown>();
  let what: string | null = null;
  let path: string | undefined;
  const visit = (e: unknown) => {
    if (!e || typeof e !== 'object' || seen.has(e)) return;
    seen.add(e);
    const x = e as { code?: unknown; path?: unknown; message?: unknown; cause?: unknown; originalError?: unknown };
    const message = String(x.message ?? '');
    if (x.code === 'ENOSPC' || /\bENOSPC\b|no space left on device|os error 28\b/iu.test(message)) what ??= 'no space left on device';
    else if (x.code === 'EDQUOT' || /\bEDQUOT\b|quota exceeded|os error 122\b/iu.test(message)) what ??= 'disk quota exceeded';
    if (typeof x.path === 'string') path ??= x.path;
    path ??= /writing to "([^"]+)"/u.exec(message)?.[1];
    visit(x.originalError);
    visit(x.cause);
  };
  visit(err);
  return what === null ? null : `${what} while writing ${shownPath(path ?? writing)}`;
}
