/**
 * /search/records.json: the search index's input (src/search/records.ts), one record per article.
 * A build intermediate: indexSite() reads it into Pagefind and deletes it.
 */
import { RECORDS_PATH, searchRecord, type SearchRecordsFile } from '../../src/search/records.ts';
import type { TemplateData } from '../../src/site/views.ts';

export const data = {
  layout: false,
  permalink: `/${RECORDS_PATH}`,
  eleventyExcludeFromCollections: true,
};

export function render(d: TemplateData): string {
  const file: SearchRecordsFile = {
    language: d.site.lang.toLowerCase(),
    records: d.archive.articles.map(searchRecord),
  };
  return JSON.stringify(file);
}
