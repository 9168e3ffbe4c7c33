/**
 * The issue manifest a user may write beside the raw files: `<input>/_issues.csv`, one row per
 * file or folder (docs/dates.md):
 *
 *   file,publication,issue_date,page,section,edition
 *   人民日报/2018-01-22/,人民日报,2018-01-22,,,
 *   scans/0001.txt,株洲日报,2021-06-14,2,要闻,
 *
 * `file` is a path under the input folder: a file, or a folder (every file under it). A file
 * takes every row that names it or a folder above it, the nearest row's value winning field by
 * field. The header names the columns (any order; `file` required, the others optional). Blank
 * lines and lines starting with `#` are skipped; a field holding a comma is quoted ("a,b").
 * Every error names the manifest and the line (`_issues.csv:3: …`): a manifest that cannot be
 * read stops the run rather than dating pages wrongly.
 */
import { isoDate, type IssueFacts } from './facts.ts';

export const MANIFEST_NAME = '_issues.csv';

const COLUMNS = ['file', 'publication', 'issue_date', 'page', 'section', 'edition'] as const;
type Column = (typeof COLUMNS)[number];

export interface ManifestRow {
  /** The path the row names, without a trailing `/`. */
  path: string;
  /** Line number in the manifest (1-based). */
  line: number;
  facts: IssueFacts;
}

export class ManifestError extends Error {}

/** One CSV line → its fields (RFC 4180 quoting, within one line); null when a quote is left open. */
function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      out.push(field.trim());
      field = '';
    } else field += ch;
    i++;
  }
  if (quoted) return null;
  out.push(field.trim());
  return out;
}

/** Manifest text → its rows, checked; `label` (the manifest's path as shown) starts every error. */
export function parseManifest(text: string, label = MANIFEST_NAME): ManifestRow[] {
  const lines = text.replace(/^\ufeff/u, '').split(/\r\n|\r|\n/u);
  const fail = (n: number, msg: string): never => {
    throw new ManifestError(`${label}:${n}: ${msg}`);
  };
  let header: Column[] | null = null;
  const rows: ManifestRow[] = [];
  const seen = new Map<string, number>();
  lines.forEach((raw, k) => {
    const n = k + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const fields = splitCsvLine(raw) ?? fail(n, 'a quoted field is not closed (a field cannot span lines)');
    if (!header) {
      const cols = fields.map((f) => f.toLowerCase());
      for (const c of cols) if (!(COLUMNS as readonly string[]).includes(c)) fail(n, `unknown column "${c}" (the columns are ${COLUMNS.join(', ')})`);
      const dup = cols.find((c, i) => cols.indexOf(c) !== i);
      if (dup) fail(n, `column "${dup}" is given twice`);
      if (!cols.includes('file')) fail(n, 'the header has no "file" column');
      header = cols as Column[];
      return;
    }
    if (fields.length !== header.length) fail(n, `${fields.length} fields, the header has ${header.length}`);
    const v = Object.fromEntries(header.map((c, i) => [c, fields[i]])) as Partial<Record<Column, string>>;
    const path = (v.file ?? '').replace(/\/+$/u, '');
    if (!path) fail(n, 'no file or folder named');
    if (path.startsWith('/') || path.includes('\\') || path.split('/').some((p) => p === '..' || p === '.' || p === '')) {
      fail(n, `"${v.file}" is not a path under the input folder`);
    }
    const before = seen.get(path);
    if (before !== undefined) fail(n, `"${path}" is already given on line ${before}`);
    seen.set(path, n);
    const facts: IssueFacts = {};
    if (v.publication) facts.paper = v.publication;
    if (v.issue_date) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(v.issue_date);
      const date = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
      if (!date) fail(n, `issue_date "${v.issue_date}" is not a date written YYYY-MM-DD`);
      facts.issue_date = date;
    }
    if (v.page) {
      if (!/^\d{1,4}$/u.test(v.page) || Number(v.page) < 1) fail(n, `page "${v.page}" is not a page number (1, 2, …)`);
      facts.page = Number(v.page);
    }
    if (v.section) facts.section = v.section;
    if (v.edition) facts.edition = v.edition;
    if (Object.keys(facts).length === 0) fail(n, `the row for "${path}" states nothing (no publication, issue_date, page, section or edition)`);
    rows.push({ path, line: n, facts });
  });
  if (!header) fail(1, `the manifest is empty (its first line names the columns: ${COLUMNS.join(',')})`);
  return rows;
}

/** A file's facts from the manifest: every row naming it or a folder above it, the nearest winning. */
export function manifestFacts(rows: readonly ManifestRow[], file: string): IssueFacts {
  const applying = rows.filter((r) => file === r.path || file.startsWith(`${r.path}/`)).sort((a, b) => a.path.length - b.path.length);
  return Object.assign({}, ...applying.map((r) => r.facts)) as IssueFacts;
}

/** Rows that name no file of the archive (a typo in a path): the caller warns of each. */
export function unusedRows(rows: readonly ManifestRow[], files: readonly string[]): ManifestRow[] {
  return rows.filter((r) => !files.some((f) => f === r.path || f.startsWith(`${r.path}/`)));
}
