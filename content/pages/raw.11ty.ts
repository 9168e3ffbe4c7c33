/**
 * The raw-text view of one source file: /raw/<key>/, every line an <li id="L<n>"> (a run of
 * blank lines folded into one).
 * /raw/<key>/#L412 highlights line 412 and, through /raw/<key>/ranges.css, exactly the lines of
 * the article that starts there — its own line ranges and its captions' lines, nothing between
 * them that belongs to another article; no JavaScript needed.
 */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
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

/** A run of lines: one text line, or consecutive blank lines folded into one thin row. */
interface RawRow {
  first: number;
  last: number;
  text: string | null;
  classes: string[];
}

/**
 * The file's lines as rows: each text line its own row, each run of blank lines one folded row
 * (a page extracted with a blank line between every two would otherwise be twice as long, its
 * every other row an empty number). A folded run is highlighted with an article only when the
 * lines on both sides of it are, so a highlight never reaches past the article's lines.
 */
export function rawRows(lines: string[], classes: string[][]): RawRow[] {
  const rows: RawRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = cleanLine(lines[i]);
    if (text.trim() !== '') {
      rows.push({ first: i + 1, last: i + 1, text, classes: classes[i] });
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && cleanLine(lines[j + 1]).trim() === '') j++;
    const inside = classes.slice(i, j + 1);
    const around = [classes[i - 1] ?? [], classes[j + 1] ?? []];
    const kept = inside[0].filter((c) => inside.every((l) => l.includes(c)) && around.every((l) => l.includes(c)));
    rows.push({ first: i + 1, last: j + 1, text: null, classes: kept });
    i = j;
  }
  return rows;
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
  const blank = rows.filter((r) => r.text === null).reduce((n, r) => n + r.last - r.first + 1, 0);
  // every row says its own number (value): a folded run takes one row for several lines
  return html`${crumbs}
<h1 class="file-title"><span class="h1-pre">原始文本</span> ${f.file}</h1>
<p class="intro">${count(lines.length, '行')}，未经整理的版面文字${blank ? `（${count(blank, '个')}空行折叠为细线）` : ''}。从文章页进入时，文章所占的行会被标出。</p>
${f.articles.length ? html`<nav class="raw-back" aria-label="返回文章">${f.articles.map(
  (a, k) => html`<a class="back-r${k}" href="${a.url}">← 返回文章：${titleHtml(a)}</a>`,
)}</nav>
<details class="raw-toc">
<summary>本文件的 ${f.articles.length} 篇文章及其行号</summary>
<ol>${f.articles.map(
  (a) => html`<li><a href="#L${ownLines(a)[0][0]}">${lineRanges(a)}</a> <a href="${a.url}">${titleHtml(a)}</a> <span class="meta">${a.pageGroup.label}</span></li>`,
)}</ol>
</details>` : ''}
<ol class="raw-text" aria-label="原始文本，共 ${lines.length} 行">${rows.map((r) => {
    const cls = [...(r.text === null ? ['blank'] : []), ...r.classes];
    const attrs = html` id="L${r.first}" value="${r.first}"${cls.length ? html` class="${cls.join(' ')}"` : ''}`;
    if (r.text !== null) return html`<li${attrs}>${r.text}</li>`;
    // the folded lines keep their anchors: a link to any of them still lands here
    const anchors = Array.from({ length: r.last - r.first }, (_, k) => html`<span id="L${r.first + 1 + k}"></span>`);
    return html`<li${attrs} aria-label="${r.first === r.last ? `第 ${r.first} 行：空行` : `第 ${r.first}–${r.last} 行：空行`}">${anchors}</li>`;
  })}</ol>
`.value;
}
