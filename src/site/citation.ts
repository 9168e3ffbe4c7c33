/**
 * How an article is cited: the GB/T 7714—2015 reference for a newspaper article
 * (`作者. 题名[N]. 报名, 日期(版次).`), its CSL-JSON item, and from that item the RIS and BibTeX
 * downloads, written by citation-js (@citation-js/core with its RIS and BibTeX plugins) at build
 * time — the site stays static and needs no network. Only facts the archive has are cited: no
 * paper, date or page is made up (an unknown one is said to be unknown in the GB/T text, and left
 * out of the downloads).
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import type { SiteArticle } from './entities.ts';
import { authorNames, lineRanges } from './views.ts';
import { citedTitle } from './untitled.ts';

// Chinese stays Chinese in BibTeX (the plugin's default writes ASCII only, which drops every
// Han character), and the entry's key is the article's id.
const bibtexConfig = plugins.config.get('@bibtex') as { format: { asciiOnly: boolean; useIdAsLabel: boolean } };
bibtexConfig.format.asciiOnly = false;
bibtexConfig.format.useIdAsLabel = true;

/** A CSL-JSON item (the fields Baoku fills). */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  author?: { literal: string }[];
  'container-title'?: string;
  issued?: { 'date-parts': [[number, number, number]] };
  page?: string;
  section?: string;
  edition?: string;
  URL?: string;
  archive: string;
  'archive_location': string;
}

/** The article as a CSL-JSON item; `permalink` is left out when the site has no absolute URL. */
export function cslItem(a: SiteArticle, permalink: string | null): CslItem {
  const authors = authorNames(a);
  const [y, m, d] = (a.issueDate ?? '').split('-').map(Number);
  return {
    id: a.id,
    type: 'article-newspaper',
    title: citedTitle(a.title, a.supplied),
    ...(authors.length ? { author: authors.map((literal) => ({ literal })) } : {}),
    ...(a.file.publication.known ? { 'container-title': a.file.publication.name } : {}),
    ...(a.issueDate ? { issued: { 'date-parts': [[y, m, d]] as [[number, number, number]] } } : {}),
    ...(a.pageNumber !== undefined ? { page: String(a.pageNumber) } : {}),
    ...(a.pageGroup.section ? { section: a.pageGroup.section } : {}),
    ...(a.edition ? { edition: a.edition } : {}),
    ...(permalink ? { URL: permalink } : {}),
    archive: '报库 Baoku',
    archive_location: `${a.source.file}, ${lineRanges(a).replace(/ /gu, '')}`,
  };
}

/** The download files of an article's citation. */
export function citationFiles(item: CslItem): { ris: string; bibtex: string; csl: string } {
  const cite = new Cite([item]);
  return {
    // the older RIS tags (A1, Y1 with the full date, JF): citation-js's newer NEWS mapping keeps only the year and drops the authors
    ris: `${(cite.format('ris', { spec: 'old' }) as string).trimEnd()}\n`,
    bibtex: `${(cite.format('bibtex') as string).trimEnd()}\n`,
    csl: `${JSON.stringify([item], null, 2)}\n`,
  };
}

/**
 * GB/T 7714—2015, 8.1 (newspaper article, [N]): `魏龙元, 黄柳英. 东安县公安局：便民服务获好评[N].
 * 株洲日报, 2021-06-14(2).` More than three authors: the first three and 等; none: the title first.
 */
export function gbt7714(a: SiteArticle): string {
  const authors = authorNames(a);
  const who = authors.length > 3 ? `${authors.slice(0, 3).join(', ')}, 等. ` : authors.length ? `${authors.join(', ')}. ` : '';
  const title = citedTitle(a.title, a.supplied);
  const paper = a.file.publication.known ? a.file.publication.name : '[报名不详]';
  const date = a.issueDate ?? '[出版日期不详]';
  const page = a.pageNumber !== undefined ? `(${a.pageNumber})` : '';
  return `${who}${title}[N]. ${paper}, ${date}${page}.`;
}
