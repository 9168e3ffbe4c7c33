/**
 * /raw/<key>/ranges.css: highlight exactly an article's lines (its own and its captions') when its
 * first line is the target, and show the link back to that article.
 */
import type { FileGroup } from '../../src/site/entities.ts';
import { outputFor } from '../../src/site/urls.ts';
import { ownLines } from '../../src/site/views.ts';

interface Data {
  rawFile: FileGroup;
}

export const data = {
  layout: false,
  pagination: { data: 'collections.rawFiles', size: 1, alias: 'rawFile' },
  permalink: (d: Data) => outputFor(d.rawFile.rawUrl).replace(/index\.html$/, 'ranges.css'),
  eleventyExcludeFromCollections: true,
};

export function render(d: Data): string {
  // the bar sits in the rows' left padding (site.css), clear of the first character; the article's
  // back link shows while its first line is the target
  const rules = d.rawFile.articles.flatMap((a, k) => [
    `.raw-text:has(#L${ownLines(a)[0][0]}:target) .r${k} { background: var(--highlight); box-shadow: inset 3px 0 0 var(--accent); }`,
    `main:has(#L${ownLines(a)[0][0]}:target) .raw-back .back-r${k} { display: block; }`,
  ]);
  return `/* Line ranges of the articles in ${d.rawFile.file.replace(/\*\//g, '')} */\n${rules.join('\n')}\n`;
}
