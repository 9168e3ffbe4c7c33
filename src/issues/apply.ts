/**
 * Each issue fact from the best source that states it: the manifest, then the file's path, then
 * the page header the segmenter read (already on the article as issue_date, page and section).
 * Where the date came from is kept as `date_source`; with no source it is `unknown` and the
 * article has no issue_date — a date in the text (a dateline, `6月12日晚…`) is never one.
 *
 * Manifest and path facts describe the file's first page: for a file holding several pages the
 * page number counts on from it, and the section applies to the first page only (a later page
 * keeps what its own header prints).
 */
import type { ContractArticle } from '../contract/markdown.ts';
import type { Article } from '../segment/types.ts';
import type { DateSource, IssueFacts } from './facts.ts';
import { issueFromPath } from './path.ts';

/** The article with its issue facts settled (a new object; the article is not changed). */
export function withIssue(a: Article, manifest: IssueFacts, path: IssueFacts = issueFromPath(a.source.file)): ContractArticle {
  const offset = a.source.page - 1;
  const first = offset === 0;
  const date_source: DateSource = manifest.issue_date ? 'manifest' : path.issue_date ? 'path' : a.issue_date ? 'page-header' : 'unknown';
  const issue_date = manifest.issue_date ?? path.issue_date ?? a.issue_date;
  const given = manifest.page ?? path.page;
  const page = given !== undefined ? given + offset : a.page;
  const section = (first ? manifest.section : undefined) ?? a.section;
  const paper = manifest.paper ?? path.paper;
  const edition = manifest.edition;
  const out: ContractArticle = { ...a, date_source };
  delete out.issue_date;
  delete out.page;
  delete out.section;
  return {
    ...out,
    ...(paper ? { paper } : {}),
    ...(issue_date ? { issue_date } : {}),
    ...(page !== undefined ? { page } : {}),
    ...(section ? { section } : {}),
    ...(edition ? { edition } : {}),
  };
}
