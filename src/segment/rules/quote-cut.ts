import { endsSentence } from './chars.ts';
import type { SourceLine } from '../types.ts';

/**
 * MuPDF cuts a printed line before its opening quotation mark (`…指出：` / `“…，…`;
 * 101 such pairs in its text of the development pages, pdftotext and `-raw` have some too).
 * Whether lines k and k + 1 may be such a pair: the first ends in a colon and the second opens a
 * quotation right under it, no blank line between. Callers check that the two together are one
 * printed line wide. (Asking also for the blank lines MuPDF sets around the pair lost the
 * pdftotext and `-raw` gains, so a paragraph ending in a colon before a quotation that opens the
 * next, `…负责人表示：` / `“我们将…`, is told apart by the widths alone.)
 * pdftotext cuts a line between two quotations set side by side the same way (`…接续奋斗，“一件事情
 * 接着一件事情办”` / `“一年接着一年干”，让`, typeset news page 9, seed 19): a first line that ends on a
 * closing quote without ending its sentence (no 。！？ inside the quotation) may be such a pair too.
 * On the five seeds kickers rose by 0.15 and subtitles by 0.13 summed; one boundary fell, on a page
 * whose vertical headline pdftotext interleaves with the lines beside it (seed 29, page 3).
 */
export function cutBeforeQuote(lines: readonly SourceLine[], k: number): boolean {
  const a = lines[k];
  const b = lines[k + 1];
  if (a === undefined || b === undefined) return false;
  return (
    (/[：:]$/u.test(a.text) || (/[”’」』]$/u.test(a.text) && !endsSentence(a.text))) &&
    /^[“‘「『]/u.test(b.text) &&
    b.blanksBefore === 0 &&
    !b.pageStart &&
    b.page === a.page &&
    b.heading === a.heading
  );
}
