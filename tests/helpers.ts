import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Article, FileReport } from '../src/segment/types.ts';

export const RAW_DIR = join(import.meta.dirname, '..', 'content', 'raw');
export const SAMPLE_FILES = readdirSync(RAW_DIR).filter((f) => f.endsWith('.txt')).sort();
export const readSample = (name: string): Buffer => readFileSync(join(RAW_DIR, name));

/**
 * Non-whitespace characters of the raw text minus every character the segmenter put in an
 * article or its report: an empty result means nothing was lost and nothing invented.
 */
export function unaccounted(rawText: string, articles: Article[], report: FileReport): Map<string, number> {
  const m = new Map<string, number>();
  const count = (s: string, d: number) => {
    for (const c of s.replace(/[\s#\ufeff]/gu, '')) m.set(c, (m.get(c) ?? 0) + d);
  };
  count(rawText, 1);
  for (const a of articles) {
    for (const t of [a.title, a.kicker ?? '', a.subtitle ?? '', ...a.bylines, ...a.captions.flatMap((c) => [c.text, c.credit ?? '']), ...a.body.map((b) => b.text)]) count(t, -1);
  }
  for (const e of [...report.unassigned, ...report.duplicates]) count(e.text.replace(/ \/ /gu, ''), -1);
  count(report.typography, -1);
  return new Map([...m].filter(([, n]) => n !== 0));
}

/** An article of the given paragraphs and nothing else (tests of metrics and invariants). */
export function plainArticle(title: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  return {
    id: title || 'x',
    title,
    authors: [],
    photographers: [],
    credits: [],
    bylines: [],
    captions: [],
    keywords: [],
    source: { file: 'test.txt', page: 1, lines: [1, 1] },
    body: paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    ...extra,
  };
}

/** Every file of a folder with its SHA-256: the whole state of a site or an articles folder. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out.set(relative(dir, path).split(sep).join('/'), createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return out;
}

/** The names next to `dir` that start with its own name and a dot: what a run left beside it. */
export const siblings = async (dir: string) => (await readdir(join(dir, '..'))).filter((n) => n.startsWith(`${dir.split(sep).pop()}.`));
