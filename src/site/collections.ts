/**
 * The archive's item collections, one page per item: the config (.eleventy.ts) adds them to
 * Eleventy, keeping only the items an incremental run asks for by URL (SiteOptions.only), and
 * the paginated templates (content/pages/*.11ty.ts) page through them with onePagePer().
 */
import type { Archive, ArticleListPage, FileGroup, Issue, KeywordPage, Month, PageGroup, PersonPage, Publication, SiteArticle, Year } from './entities.ts';
import { outputFor } from './urls.ts';

interface ItemCollection<T> {
  items(archive: Archive): T[];
  /** The URL of the item's page: what SiteOptions.only names. */
  url(item: T): string;
}

const collection = <T>(items: (archive: Archive) => T[], url: (item: T) => string): ItemCollection<T> => ({ items, url });

export const COLLECTIONS = {
  articles: collection((a): SiteArticle[] => a.articles, (x) => x.url),
  files: collection((a): FileGroup[] => a.files, (f) => f.url),
  rawFiles: collection((a): FileGroup[] => a.rawFiles, (f) => f.rawUrl),
  // a PDF and its page images are written with the file's raw view: same item, same URL
  rawPdfs: collection((a): FileGroup[] => a.rawFiles.filter((f) => f.isPdf), (f) => f.rawUrl),
  rawPdfPages: collection((a): PageGroup[] => a.rawFiles.filter((f) => f.isPdf).flatMap((f) => f.pages), (p) => p.file.rawUrl),
  filePages: collection((a): PageGroup[] => a.pages, (p) => p.url),
  publications: collection((a): Publication[] => a.publications, (p) => p.url),
  years: collection((a): Year[] => a.years, (y) => y.url),
  months: collection((a): Month[] => a.months, (m) => m.url),
  issues: collection((a): Issue[] => a.issues, (i) => i.url),
  people: collection((a): PersonPage[] => a.people.flatMap((p) => p.pages), (p) => p.url),
  keywords: collection((a): KeywordPage[] => a.keywords.flatMap((k) => k.pages), (p) => p.url),
  articleLists: collection((a): ArticleListPage[] => a.articleLists, (l) => l.url),
};

export type CollectionName = keyof typeof COLLECTIONS;

/** The items of collection `name`; with `only`, those whose page URL it holds. */
export function collectionItems(name: CollectionName, archive: Archive, only?: Set<string>): unknown[] {
  const c: ItemCollection<unknown> = COLLECTIONS[name];
  const items = c.items(archive);
  return only ? items.filter((x) => only.has(c.url(x))) : items;
}
type ItemOf<K extends CollectionName> = ReturnType<(typeof COLLECTIONS)[K]['items']>[number];

/**
 * The data block of a template with one page per item of `name`: the item is the template's
 * `alias`, the page is written at the item's URL, and every page joins collections.all (which
 * the sitemap lists).
 */
export function onePagePer<K extends CollectionName, A extends string>(name: K, alias: A) {
  const url = COLLECTIONS[name].url as (item: ItemOf<K>) => string;
  return {
    pagination: { data: `collections.${name}`, size: 1, alias, addAllPagesToCollections: true },
    permalink: (d: Record<A, ItemOf<K>>) => outputFor(url(d[alias])),
  };
}
