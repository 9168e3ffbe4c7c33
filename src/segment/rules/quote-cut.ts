import type { SourceLine } from '../types.ts';

/**
 * MuPDF cuts a printed line before its opening quotation mark and sets the two pieces as a text
 * block of their own (`…报告中指出：` / `“从十九大到二十大，…`, blank lines around them; 101 such
 * pairs in its text of the development pages). Whether lines k and k + 1 are such a pair: the
 * first ends in a colon, the second opens a quotation right under it, and the two stand apart
 * from the lines around them. Callers check that the two together are one printed line wide.
 * (A paragraph ending in a colon with a quotation opening the next one, `…负责人表示：` /
 * `“我们将…`, runs on without the blank lines, and is left alone.)
 */
export function cutBeforeQuote(lines: readonly SourceLine[], k: number): boolean {
  const a = lines[k];
  const b = lines[k + 1];
  if (a === undefined || b === undefined) return false;
  return (
    /[：:]$/u.test(a.text) &&
    /^[“‘「『]/u.test(b.text) &&
    b.blanksBefore === 0 &&
    !b.pageStart &&
    b.page === a.page &&
    b.heading === a.heading
  );
}
