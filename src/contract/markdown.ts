import matter from 'gray-matter';
import type { Article } from '../segment/types.ts';

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
export function toMarkdown(a: Article): string {
  const body = a.body.map((item) => (item.kind === 'subhead' ? `## ${escapeMarkdown(item.text)}` : escapeMarkdown(item.text))).join('\n\n');
  // the front matter alone goes through gray-matter; the body is appended, never re-parsed
  // (a body that opens with `---` would otherwise be read as a second front matter)
  return `${matter.stringify('', frontMatter(a)).trimEnd()}\n${body}\n`;
}
