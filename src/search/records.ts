/**
 * The Pagefind records Baoku's search index is built from: one custom record per article, its
 * content encoded by src/search/text.ts, with the meta and filters the search page shows and
 * offers. content/pages/search-records.11ty.ts writes them during the Eleventy build;
 * indexSite() (src/build/render.ts) feeds them to Pagefind's Node API and deletes the file.
 */
import type { SiteArticle } from '../site/entities.ts';
import { authorNames, bylineText, pageLabel } from '../site/views.ts';
import { encodeContent, type SearchFields } from './text.ts';

export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface SearchRecordsFile {
  /** Pagefind language code of the records (the site's lang, lower-cased). */
  language: string;
  records: SearchRecord[];
}

/** Where the Eleventy build leaves the records for indexSite() (site-relative). */
export const RECORDS_PATH = 'search/records.json';

/** Everything a reader may search for in an article, by field. */
export function searchFields(a: SiteArticle): SearchFields {
  return {
    headline: [a.kicker ?? '', a.title, a.subtitle ?? ''].filter((s) => s.trim()),
    text: [...a.blocks.map((b) => b.text), ...a.captions.flatMap((c) => [c.text, c.credit ?? ''])].filter((s) => s.trim()),
    names: [...new Set([...a.credits.map((c) => c.name), ...a.authors, ...a.photographers])],
  };
}

export function searchRecord(a: SiteArticle): SearchRecord {
  const meta: Record<string, string> = { title: a.displayTitle, page: pageLabel(a.source.page) };
  if (a.kicker) meta.kicker = a.kicker;
  if (a.subtitle) meta.subtitle = `——${a.subtitle}`;
  const byline = bylineText(a);
  if (byline) meta.byline = byline;
  const filters: Record<string, string[]> = { file: [a.source.file] };
  if (a.publication) filters.publication = [a.publication];
  const authors = authorNames(a);
  if (authors.length) filters.author = authors;
  return { url: a.url, content: encodeContent(searchFields(a)), meta, filters };
}
