/**
 * /raw/<key>/page-<n>.webp: each page of a page PDF drawn as an image (src/pdf/render.ts), on
 * which an article page outlines the article's region. Not written where pages cannot be drawn
 * (no canvas for this platform): the article pages then link the PDF alone.
 */
import { readFile } from 'node:fs/promises';
import { canDrawPages, drawPage } from '../../src/pdf/render.ts';
import type { PageGroup } from '../../src/site/entities.ts';

interface Data {
  pdfPage: PageGroup;
}

export const data = {
  layout: false,
  pagination: { data: 'collections.rawPdfPages', size: 1, alias: 'pdfPage', before: (items: PageGroup[]) => (canDrawPages() ? items : []) },
  permalink: (d: Data) => decodeURIComponent(d.pdfPage.file.pageImageUrl(d.pdfPage.page)),
  eleventyExcludeFromCollections: true,
};

export async function render(d: Data): Promise<Buffer> {
  return drawPage(await readFile(d.pdfPage.file.rawPath!), d.pdfPage.page);
}
