import type { SourceLine } from '../types.ts';

/**
 * MuPDF cuts a printed line before its opening quotation mark (`…报告中指出：` / `“从十九大到二十大，…`;
 * 101 such pairs in its text of the development pages, pdftotext and `-raw` have some too).
 * Whether lines k and k + 1 may be such a pair: the first ends in a colon and the second opens a
 * quotation right under it, no blank line between. Callers check that the two together are one
 * printed line wide. (Asking also for the blank lines MuPDF sets around the pair lost the
 * pdftotext and `-raw` gains, so a paragraph ending in a colon before a quotation that opens the
 * next, `…负责人表示：` / `“我们将…`, is told apart by the widths alone.)
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
