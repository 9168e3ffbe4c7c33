/**
 * The Pagefind records Baoku's search index is built from: one custom record per article, its
 * content encoded by src/search/text.ts, with the meta and filters the search page shows and
 * offers. The site build keeps them per source file (src/build/records-store.ts) and lists them
 * at RECORDS_PATH; indexShards() (src/build/shards.ts) feeds them to Pagefind's Node API and
 * deletes the list.
 */
import type { SiteArticle } from '../site/entities.ts';
import { UNDATED } from '../site/entities.ts';
import { articleWhere, authorNames, bylineText } from '../site/views.ts';
import { encodeContent, type SearchFields } from './text.ts';

export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Where the site build leaves the list of the records for indexShards() (site-relative). */
export const RECORDS_PATH = 'search/records.json';

/** Everything a reader may search for in an article, by field. */
export function searchFields(a: SiteArticle): SearchFields {
  return {
    headline: [a.kicker ?? '', a.title, a.subtitle ?? ''].filter((s) => s.trim()),
    text: [...a.blocks.map((b) => b.text), ...a.captions.flatMap((c) => [c.text, c.credit ?? ''])].filter((s) => s.trim()),
    names: [...new Set([...a.credits.map((c) => c.name), ...a.authors, ...a.photographers])],
  };
}

/**
 * How a search result names an article: its title, and where it stands in print (date · paper ·
 * page). The raw file's name is shown only when neither the date nor the paper is known, the
 * one thing left that tells two `第 2 版` apart. Kept apart so that a change to how an untitled
 * article is titled has one place to go.
 */
export function resultHead(a: SiteArticle): { title: string; where: string } {
  const paperKnown = a.file.publication.known;
  const where = a.issueDate || paperKnown ? articleWhere(a) : [`出版${UNDATED}`, a.source.file, a.pageGroup.label].join(' · ');
  return { title: a.displayTitle, where };
}

/** The paper the page is from (manifest, path, or the outlet most of its file's articles name): the `publication` filter. */
export function paperOf(a: SiteArticle): string | undefined {
  return a.file.publication.known ? a.file.publication.name : a.publication;
}

/** The `section` filter: the article's 版名, or its page's. */
export function sectionOf(a: SiteArticle): string | undefined {
  return a.section ?? a.pageGroup.section;
}

/**
 * A record as what it is made of: everything but its content, and the fields its content is
 * encoded from (encodeContent, the costly part). The record is a function of these alone, so the
 * build keeps a file's records for as long as these are the same (src/build/records-store.ts).
 */
export interface RecordParts {
  record: Omit<SearchRecord, 'content'>;
  fields: SearchFields;
}

export function recordParts(a: SiteArticle): RecordParts {
  const head = resultHead(a);
  const meta: Record<string, string> = { title: head.title, page: a.pageGroup.label, where: head.where };
  if (a.issueDate) meta.date = a.issueDate;
  if (a.kicker) meta.kicker = a.kicker;
  if (a.subtitle) meta.subtitle = `——${a.subtitle}`;
  const byline = bylineText(a);
  if (byline) meta.byline = byline;
  // `date` serves the date range and the sort by date (assets/search/order.js): its values are
  // ISO dates, which sort as strings; undated articles carry UNDATED, which both orders put last
  const filters: Record<string, string[]> = {
    file: [a.source.file],
    year: [a.issueDate ? a.issueDate.slice(0, 4) : UNDATED],
    date: [a.issueDate ?? UNDATED],
  };
  const section = sectionOf(a);
  if (section) filters.section = [section];
  const paper = paperOf(a);
  if (paper) filters.publication = [paper];
  const authors = authorNames(a);
  if (authors.length) filters.author = authors;
  return { record: { url: a.url, meta, filters }, fields: searchFields(a) };
}

/** The record of its parts. */
export function recordOf(parts: RecordParts): SearchRecord {
  const { url, meta, filters } = parts.record;
  return { url, content: encodeContent(parts.fields), meta, filters };
}

export const searchRecord = (a: SiteArticle): SearchRecord => recordOf(recordParts(a));
