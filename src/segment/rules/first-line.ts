import type { SourceLine } from '../types.ts';
import { BRACKET_PAIRS, leftOpen } from './chars.ts';
import { continuesAcross } from './continuation.ts';
import { signedNames } from './credits.ts';
import { cutBeforeQuote } from './quote-cut.ts';
import { FIRST_LINE_EXACT_MIN_CHARS, FIRST_LINE_EXACT_SLACK_EM, FIRST_LINE_INDENT_EM, INDENT_SLACK, NAME_MAX_LINES } from '../thresholds.ts';

/** Brackets and quotes a text opens and does not close. */
export function unclosed(t: string): boolean {
  return BRACKET_PAIRS.some(([o, c]) => t.split(o).length > t.split(c).length);
}

/** A line that goes on into the next: a pause inside it, a bracket or quote left open, or a word across the cut. */
export function runsOnInto(line: string, next: string): boolean {
  return /[，,、；;]/u.test(line) || unclosed(line) || continuesAcross(line, next);
}

/** Whether a line is as wide as a paragraph's first line in a column of this measure: the measure less its indent, at most the measure. */
export function firstLineWide(width: number, measure: number): boolean {
  return width >= measure - FIRST_LINE_INDENT_EM - 1 && width <= measure + 0.5;
}

/**
 * The column a paragraph's first line is measured against: the widest of the lines under it but
 * the last (a last line may be short). A printed line MuPDF cut before its opening quote (`出：` /
 * `“…，…`, cutBeforeQuote) counts whole, when its two pieces make one line of the run:
 * their sum within INDENT_SLACK of the run's widest line (two full lines, one ending in a colon
 * and one opening a quotation, are not one).
 */
export function runMeasure(run: readonly SourceLine[]): number {
  const widest = Math.max(...run.map((x) => x.width));
  const printed = (k: number) => {
    const sum = run[k].width + (run[k + 1]?.width ?? 0);
    return cutBeforeQuote(run, k) && sum <= widest + INDENT_SLACK ? sum : run[k].width;
  };
  return Math.max(...run.slice(0, -1).map((_, k) => printed(k)));
}

/**
 * A paragraph's first line that the extractor boxed apart from the rest (mutool and pdfminer set an
 * indented first line as a text block of its own, one blank line under it:
 * `涪口区基层公共服务(一门式)全覆盖工作紧密围绕“一件事一次` / blank / `办”改革,…`). The line is as wide
 * as the paragraph's column less its indent (FIRST_LINE_INDENT_EM; the column measured on the run of
 * lines under it, all but its last), ends no sentence, and runs on into the next line: a pause
 * inside it, a bracket or quote left open, a word across the cut, or exactly the column less its
 * indent wide over a full line — or it stands straight under a
 * signed name, where a page that prints heads after their bodies starts the next essay (MuPDF and
 * pdfminer on the development pages: a three-glyph name / a first line of 14 characters / `…`; a
 * subtitle is set above the name, not under it). A headline is set in larger
 * type: fewer characters than the column holds, and no pause inside. Such a line gets its paragraph
 * back: the blank line under it is taken away. Pure: new lines where one changes.
 */
export function rejoinBoxedFirstLines(lines: readonly SourceLine[]): SourceLine[] {
  const out = [...lines];
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i];
    const n = lines[i + 1];
    // a line boxed alone: a blank line over it too (the last line of a block that runs on into another is interleaving, not this)
    if (l.blanksBefore === 0 || n.blanksBefore !== 1 || n.pageStart || n.page !== l.page || l.heading > 0 || n.heading > 0 || !leftOpen(l.text)) continue;
    // the run of lines set under it without a blank line, the paragraph's rest
    let end = i + 2;
    while (end < lines.length && lines[end].blanksBefore === 0 && !lines[end].pageStart && lines[end].heading === 0) end++;
    if (end - (i + 1) < 2) continue;
    const measure = runMeasure(lines.slice(i + 1, end));
    if (!firstLineWide(l.width, measure)) continue;
    // the block over it, a name set across (`林 晓 岚`) or one glyph a line (`栾` / `平`)
    let top = i - 1;
    while (top > 0 && lines[top].blanksBefore === 0 && !lines[top].pageStart) top--;
    const underName = i > 0 && i - top <= NAME_MAX_LINES && signedNames(lines.slice(top, i).map((x) => x.text)) !== null;
    // exactly as wide as the column less its indent, over a line that fills the column: a
    // paragraph's first line, whatever words stand either side of the cut (`南浦校区是三塘联合学校最偏远的`
    // / `校区。过去，…`, MuPDF on the typeset news pages; on the development pages most such cuts fall
    // between words). A headline over its story has the story's first line under it, which is
    // indented, not full; a line ending in a credit (`…次。 （樊钰慧 朱孝荣）`, `学生实训。 刘任玉 摄`) is no first line.
    // (with two lines under it, the column is the line under it alone: a headline exactly two em
    // narrower than its story's indented first line, over a story of two lines, would be taken;
    // asking for three lines cost seed 23 mutool boundaries 0.891 → 0.865 and news mutool paragraph
    // breaks 0.956 → 0.948, and no such headline is in any corpus)
    const indentedExactly =
      Math.abs(l.width - (measure - FIRST_LINE_INDENT_EM)) <= FIRST_LINE_EXACT_SLACK_EM &&
      [...l.text].length >= FIRST_LINE_EXACT_MIN_CHARS &&
      // (the line under it counted whole where MuPDF cut it before its opening quote: `中指出：` / `“经过…`)
      (cutBeforeQuote(lines, i + 1) ? n.width + lines[i + 2].width : n.width) >= measure - FIRST_LINE_EXACT_SLACK_EM &&
      !/[)）摄]$|[。！？!?]\s/u.test(l.text);
    const runsOn = runsOnInto(l.text, n.text);
    if (!runsOn && !underName && !indentedExactly) continue;
    // …into running text: the line under it has punctuation (a headline under a kicker has none);
    // under a name, the paragraph's rest has (the same essay's next lines: none in the first, `…，…` in the second)
    const punctuated = (x: SourceLine) => /[，,、；;。：:！？!?]/u.test(x.text);
    // …or, for a line of the exact width over a full one, the paragraph's rest has (`…历时一年终于` /
    // `街道两旁的老房子修旧如旧路面都换成` / `了青石板，…`; MuPDF on the development pages' lead essays)
    const restPunctuated = underName || (indentedExactly && !runsOn);
    if (!(restPunctuated ? lines.slice(i + 1, end).some(punctuated) : punctuated(n))) continue;
    out[i] = { ...out[i], boxedFirst: true };
    out[i + 1] = { ...out[i + 1], blanksBefore: 0 };
  }
  return out;
}
