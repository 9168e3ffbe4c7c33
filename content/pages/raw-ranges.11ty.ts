/** /raw/<key>/ranges.css: highlight exactly an article's lines (its own and its captions') when its first line is the target. */
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
  const rules = d.rawFile.articles.map(
    (a, k) => `.raw-text:has(#L${ownLines(a)[0][0]}:target) .r${k} { background: var(--highlight); box-shadow: inset 3px 0 0 var(--accent); }`,
  );
  return `/* Line ranges of the articles in ${d.rawFile.file.replace(/\*\//g, '')} */\n${rules.join('\n')}\n`;
}
