/**
 * The raw-text view of one source file: /raw/<key>/, every line an <li id="L<n>">.
 * /raw/<key>/#L412 highlights line 412 and, through /raw/<key>/ranges.css, exactly the lines of
 * the article that starts there — its own line ranges and its captions' lines, nothing between
 * them that belongs to another article; no JavaScript needed.
 */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { FileGroup } from '../../src/site/entities.ts';
import { cleanLine, readRawLines } from '../../src/site/raw.ts';
import { count, fileCrumbs, lineRanges, ownLines, type TemplateData } from '../../src/site/views.ts';

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
  const classes = lineClasses(f, lines.length);
  return html`${crumbs}
<h1 class="file-title"><span class="h1-pre">原始文本</span> ${f.file}</h1>
<p class="intro">${count(lines.length, '行')}，未经整理的版面文字。从文章页进入时，文章所占的行会被标出。</p>
${f.articles.length ? html`<details class="raw-toc">
<summary>本文件的 ${f.articles.length} 篇文章及其行号</summary>
<ol>${f.articles.map(
  (a) => html`<li><a href="#L${ownLines(a)[0][0]}">${lineRanges(a)}</a> <a href="${a.url}">${a.displayTitle}</a> <span class="meta">${a.pageGroup.label}</span></li>`,
)}</ol>
</details>` : ''}
<ol class="raw-text" aria-label="原始文本，共 ${lines.length} 行">${lines.map(
    (line, i) => html`<li id="L${i + 1}"${classes[i].length ? html` class="${classes[i].join(' ')}"` : ''}>${cleanLine(line)}</li>`,
  )}</ol>
`.value;
}
