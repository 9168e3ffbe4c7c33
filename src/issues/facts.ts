/**
 * What an archive knows of the issue a raw file comes from: the paper, the issue's date, the
 * page number, the section (版名) and the edition. Three sources can say it — a manifest the
 * user writes (manifest.ts), the file's path (path.ts) and the page header the segmenter reads
 * (src/segment/rules/page-header.ts) — and apply.ts takes each fact from the best of them.
 */

/** Issue facts from one source; every field optional (a source says what it knows). */
export interface IssueFacts {
  /** The newspaper (报名). */
  paper?: string;
  /** ISO date of the issue, YYYY-MM-DD. */
  issue_date?: string;
  /** The paper's page number (版次) of the file's first page. */
  page?: number;
  /** The page's section name (版名). */
  section?: string;
  /** The edition (e.g. 海外版, 农村版). */
  edition?: string;
}

/**
 * Where an article's issue date came from, best first: the manifest, the file's path, the page
 * header, or nowhere (`unknown`: the site says 出版日期不详; a date in the text is never used).
 */
export type DateSource = 'manifest' | 'path' | 'page-header' | 'unknown';

export const DATE_SOURCES: readonly DateSource[] = ['manifest', 'path', 'page-header', 'unknown'];

/** YYYY-MM-DD of a real calendar day between 1800 and 2199, or undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1800 || year > 2199) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
