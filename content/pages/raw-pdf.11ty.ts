/**
 * /raw/<key>/original.pdf: a page PDF of the archive, published as it was given, so that a reader
 * can download the page an article was read from (its article pages link it).
 */
import { readFile } from 'node:fs/promises';
import type { FileGroup } from '../../src/site/entities.ts';

interface Data {
  rawPdf: FileGroup;
}

export const data = {
  layout: false,
  pagination: { data: 'collections.rawPdfs', size: 1, alias: 'rawPdf' },
  permalink: (d: Data) => decodeURIComponent(d.rawPdf.pdfUrl),
  eleventyExcludeFromCollections: true,
};

export function render(d: Data): Promise<Buffer> {
  return readFile(d.rawPdf.rawPath!);
}
