import matter from 'gray-matter';
import type { Article } from './types.ts';

/** Front matter in contract order; optional fields are left out when empty. */
function frontMatter(a: Article): Record<string, unknown> {
  const fm: Record<string, unknown> = { id: a.id, title: a.title };
  if (a.kicker) fm.kicker = a.kicker;
  if (a.subtitle) fm.subtitle = a.subtitle;
  fm.authors = a.authors;
  fm.photographers = a.photographers;
  fm.credits = a.credits;
  if (a.bylines.length) fm.bylines = a.bylines;
  fm.captions = a.captions.map((c) => (c.credit ? { text: c.text, credit: c.credit } : { text: c.text }));
  if (a.publication) fm.publication = a.publication;
  if (a.dateline) fm.dateline = a.dateline;
  fm.keywords = a.keywords;
  fm.source = { file: a.source.file, page: a.source.page, lines: a.source.lines };
  return fm;
}

/**
 * Markdown characters at a paragraph start (`#`, `>`, `-`, `1.`) or anywhere (`[`, `<`, `*`,
 * backticks) would turn newspaper text into markup; they are escaped so it reads as printed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/gu, '\\$1')
    .replace(/^(#{1,6}|>|[-+]|\d+[.)]) /u, (m) => `\\${m}`)
    .replace(/^(={3,}|-{3,})$/u, '\\$1');
}

/** Stage 5: article → Markdown with YAML front matter. Body paragraphs one per line, subheads as `## `. */
export function toMarkdown(a: Article): string {
  const body = a.body.map((item) => (item.kind === 'subhead' ? `## ${escapeMarkdown(item.text)}` : escapeMarkdown(item.text))).join('\n\n');
  return matter.stringify(`${body}\n`, frontMatter(a));
}
