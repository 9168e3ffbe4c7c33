/**
 * The raw-text view of one source file: /raw/<key>/, every text line an <li id="L<n>"> (blank
 * lines folded into the row before them, keeping their anchors).
 * /raw/<key>/#L412 highlights line 412 and, through /raw/<key>/ranges.css, exactly the lines of
 * the article that starts there — its own line ranges and its captions' lines, nothing between
 * them that belongs to another article; no JavaScript needed.
 */
import { onePagePer } from '../../src/site/collections.ts';
import { html, type SafeHtml } from '../../src/site/html.ts';
import type { FileGroup } from '../../src/site/entities.ts';
import { cleanLine, readRawLines } from '../../src/site/raw.ts';
import { count, fileCrumbs, lineRanges, ownLines, titleHtml, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  rawFile: FileGroup;
}

export const data = {
  section: 'browse',
  ...onePagePer('rawFiles', 'rawFile'),
  eleventyComputed: {
    title: (d: Data) => `原始文本：${d.rawFile.file}`,
    stylesheets: (d: Data) => [`${d.rawFile.rawUrl}ranges.css`],
  },
};

/** For each line (index n-1), the indexes of the file's articles whose own or caption lines hold it. */
export function lineClasses(f: FileGroup, lineCount: number): string[][] {
  const classes: string[][] = Array.from({ length: lineCount }, () => []);
  f.articles.forEach((a, k) => {
    for (const [first, last] of ownLines(a)) {
      for (let n = Math.max(1, first); n <= Math.min(lineCount, last); n++) if (!classes[n - 1].includes(`r${k}`)) classes[n - 1].push(`r${k}`);
    }
  });
  return classes;
}

/** A text line, and the blank lines folded into it (those before it, for the first; else those after it). */
interface RawRow {
  line: number;
  text: string;
  classes: string[];
  /** Blank lines whose anchors this row carries. */
  folded: number[];
}

/**
 * The file's text lines as rows; blank lines get no row of their own (a page extracted with a
 * blank line between every two would otherwise be twice as long, its every other row an empty
 * number): each keeps its anchor in the row before it, so a link to it lands there, and the
 * numbers of the rows show the gap.
 */
export function rawRows(lines: string[], classes: string[][]): RawRow[] {
  const rows: RawRow[] = [];
  const leading: number[] = [];
  lines.forEach((line, i) => {
    const text = cleanLine(line);
    if (text.trim() !== '') rows.push({ line: i + 1, text, classes: classes[i], folded: rows.length ? [] : leading });
    else (rows.length ? rows[rows.length - 1].folded : leading).push(i + 1);
  });
  return rows;
}

/** The row's articles, and `gap` when blank lines follow it (a little space shows where they were). */
function rowClass(r: RawRow): SafeHtml {
  const cls = [...r.classes, ...(r.folded.length && r.folded[0] > r.line ? ['gap'] : [])];
  return cls.length ? html` class="${cls.join(' ')}"` : html``;
}

export async function render(d: Data): Promise<string> {
  const f = d.rawFile;
  const lines = await readRawLines(f.rawPath!);
  const crumbs = fileCrumbs(f, undefined, '原始文本');
  if (lines === null) {
    return html`${crumbs}
<h1 class="file-title"><span class="h1-pre">原始文本</span> ${f.file}</h1>
<p>这个文件无法按文本解码，没有可显示的内容。</p>
`.value;
  }
  const rows = rawRows(lines, lineClasses(f, lines.length));
  const blank = lines.length - rows.length;
  // every row says its own number (value): the numbers skip the blank lines folded away
  return html`${crumbs}
<h1 class="file-title"><span class="h1-pre">原始文本</span> ${f.file}</h1>
<p class="intro">${count(lines.length, '行')}，未经整理的版面文字${blank ? `（${count(blank, '个')}空行不单列，行号跳过它们）` : ''}。从文章页进入时，文章所占的行会被标出。</p>
${f.articles.length ? html`<nav class="raw-back" aria-label="返回文章">${f.articles.map(
  (a, k) => html`<a class="back-r${k}" href="${a.url}">← 返回文章：${titleHtml(a)}</a>`,
)}</nav>
<details class="raw-toc">
<summary>本文件的 ${f.articles.length} 篇文章及其行号</summary>
<ol>${f.articles.map(
  (a) => html`<li><a href="#L${ownLines(a)[0][0]}">${lineRanges(a)}</a> <a href="${a.url}">${titleHtml(a)}</a> <span class="meta">${a.pageGroup.label}</span></li>`,
)}</ol>
</details>` : ''}
<ol class="raw-text" aria-label="原始文本，共 ${lines.length} 行">${rows.map(
    (r) =>
      // the folded blank lines keep their anchors: a link to any of them still lands on this row
      html`<li id="L${r.line}" value="${r.line}"${rowClass(r)}>${r.text}${r.folded.map((n) => html`<span id="L${n}"></span>`)}</li>`,
  )}</ol>
`.value;
}
