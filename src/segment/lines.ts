import type { PlacedLine, SourceLine } from './types.ts';
import { displayWidth } from './rules/chars.ts';
import { HEADING_MARK, bodyHeadingLevel, markLevel } from './rules/heading-sizes.ts';
import { isSpacedOut, repairSpacing } from './rules/spacing.ts';
import { isLayoutText, readColumns } from './layout-columns.ts';
import { rejoinBoxedFirstLines } from './rules/first-line.ts';
import { splitVerticalBeside } from './rules/vertical-beside.ts';
import { splitVerticalPair } from './rules/vertical-pair.ts';
import { boxLineLength, mayEndInDisplayTail, namedPapers, splitGluedBoxEnd, splitGluedDisplayTail, splitGluedByline, splitGluedCredit, splitGluedDateline, splitGluedSignedName, splitGluedVertical } from './rules/glued.ts';
import { COLUMN_PERCENTILE, COLUMN_RADIUS, PAGE_MARKS_MAX, PAGE_MARKS_MAX_SHARE, TIGHT_RADIUS, TIGHT_SPACED_SHARE } from './thresholds.ts';

/** U+3000, NBSP and the other Unicode spaces become plain spaces; BOMs and controls go. */
function normaliseSpaces(s: string): string {
  return s
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/gu, ' ')
    .replace(/[\ufeff\u200b\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu, '');
}

/**
 * Stage 1: raw text → visual lines. Marks blank-line gaps, Markdown headings, hard breaks
 * and page starts: in column-wrapped text a page begins with a line indented by exactly one
 * space (` 树木正华滋，清池激长流。`), unless most lines are indented that way (then it is
 * paragraph indentation, not a page mark).
 */
export function toLines(text: string): SourceLine[] {
  return readLines(text).lines;
}

/**
 * toLines(), and whether the text was laid out like the page (`placed`): then it was read column by
 * column, region by region, and every head stands where the page prints it, over or beside its story.
 */
export function readLines(text: string): { lines: SourceLine[]; placed: boolean } {
  const rawLines = text.split(/\r\n|\r|\n/u);
  // text laid out like the page (columns side by side on one line) is read column by column first
  const placedText = isLayoutText(rawLines);
  // (a vertical headline beside a narrow box, printed a glyph and a box line a text line, is taken
  // apart; so are two vertical lines side by side, printed a glyph of each a text line)
  const read: PlacedLine[] = placedText ? readColumns(rawLines) : splitVerticalPair(splitVerticalBeside(rawLines.map((t, i) => ({ no: i + 1, text: t }))));
  // a headline glued after a story's closing credit goes on a line of its own (same line number)
  // a vertical run's last glyph glued to the next line goes back to the run (same line number)
  // a byline or a signed name run into the next line goes on a line of its own (same line number)
  // the last characters of a headline set in a narrow box, glued to a dateline, go back to the box
  const placed: PlacedLine[] = [];
  let before = '';
  let run = '';
  // the narrow box being read: its line length and how many lines of it
  let box = { width: 0, lines: 0 };
  const papers = namedPapers(read.map((l) => l.text));
  // the next line with text after each line (looked up once, from the end: a search per line
  // would make a file of many blank lines cost its length squared)
  const nextText: string[] = new Array(read.length).fill('');
  for (let k = read.length - 2; k >= 0; k--) nextText[k] = read[k + 1].text.trim() !== '' ? read[k + 1].text : nextText[k + 1];
  const widths = read.map((l) => displayWidth(l.text.trim()));
  read.forEach((l, i) => {
    const after = nextText[i];
    // (the line right under it, not the next with text: a blank line between says the boxes were
    // kept apart; the column is measured only for a line that may hold such a tail)
    const under = read[i + 1]?.text ?? '';
    const tail = mayEndInDisplayTail(l.text) ? splitGluedDisplayTail(l.text, columnAround(widths, i), under, `${under}${read[i + 2]?.text ?? ''}`, [under, read[i + 2]?.text ?? '']) : [l.text];
    // (a paragraph's first line set in: its first piece keeps the mark)
    let setIn = l.setIn === true;
    for (const glued of tail) for (const boxed of splitGluedBoxEnd(glued, box.width, box.lines, papers, after)) for (const credited of splitGluedCredit(boxed, before)) for (const upright of splitGluedVertical(credited, run)) for (const byline of splitGluedByline(upright)) for (const signed of splitGluedSignedName(byline, before)) for (const text of splitGluedDateline(signed)) {
      placed.push(setIn ? { no: l.no, text, setIn: true } : { no: l.no, text });
      setIn = false;
    }
    const t = l.text.trim();
    if (t !== '') {
      before = t;
      run = t.length === 1 ? run + t : '';
      // (a box's first line may be glued after a sentence's end: the piece split off is the box's)
      const width = boxLineLength(tail[tail.length - 1]);
      box = width === 0 ? { width: 0, lines: 0 } : width === box.width ? { width, lines: box.lines + 1 } : { width, lines: 1 };
    }
  });
  const normalised = placed.map((l) => normaliseSpaces(l.text));
  // a converter that marks every body line with #s marks type sizes: body type is no heading
  const bodyLevel = bodyHeadingLevel(normalised.filter((l) => l.trim() !== '').map(markLevel));
  const nonBlank = normalised.filter((l) => l.trim() !== '');
  const singleIndent = nonBlank.filter((l) => /^ \S/u.test(l)).length;
  // a lone leading space marks a page start in column text; a converter that marks type sizes marks no
  // pages that way (a paragraph it gave up on starts with a space)
  const indentMarksPages = bodyLevel === 0 && singleIndent <= Math.max(PAGE_MARKS_MAX, nonBlank.length * PAGE_MARKS_MAX_SHARE);
  const out: SourceLine[] = [];
  let blanks = 0;
  let page = 1;
  let seenText = false;
  normalised.forEach((raw, i) => {
    if (raw.trim() === '') {
      blanks++;
      return;
    }
    const marked = HEADING_MARK.exec(raw);
    const heading = marked && (bodyLevel === 0 || marked[1].length < bodyLevel) ? marked : null;
    const pageStart = seenText && indentMarksPages && /^ \S/u.test(raw);
    if (pageStart) page++;
    const body = marked ? raw.trim().replace(/^#{1,6}\s+/u, '') : raw.trim();
    out.push({
      no: placed[i].no,
      raw,
      text: body,
      heading: heading ? heading[1].length : 0,
      blanksBefore: seenText ? blanks : 0,
      pageStart: pageStart || !seenText,
      page,
      spacedOut: isSpacedOut(body),
      width: displayWidth(repairSpacing(body, { keepWordSpaces: false })),
      // endsWith, not / {2,}$/: the pattern backtracks through every run of spaces in the line
      hardBreak: raw.endsWith('  ') && !marked,
      ...(placed[i].setIn ? { setIn: true } : {}),
      tight: false,
    });
    seenText = true;
    blanks = 0;
  });
  const rejoined = rejoinBoxedFirstLines(out);
  markTight(rejoined);
  return { lines: rejoined, placed: placedText };
}

/**
 * The width of a full line of the column around line i, before any line is split: the
 * COLUMN_PERCENTILE of the widths of the lines with text within COLUMN_RADIUS either side, line i
 * left out (localColumnWidths in paragraphs.ts reads the split lines the same way).
 */
function columnAround(widths: readonly number[], i: number): number {
  const around: number[] = [];
  for (let j = Math.max(0, i - COLUMN_RADIUS); j <= Math.min(widths.length - 1, i + COLUMN_RADIUS); j++) if (j !== i && widths[j] > 0) around.push(widths[j]);
  if (around.length === 0) return 0;
  around.sort((a, b) => a - b);
  return around[Math.min(around.length - 1, Math.floor(around.length * COLUMN_PERCENTILE))];
}

/** Marks the lines set tight where the usual gap around them is a blank line. */
function markTight(lines: SourceLine[], radius = TIGHT_RADIUS): void {
  lines.forEach((line, i) => {
    if (line.blanksBefore !== 0 || line.pageStart) return;
    let spaced = 0;
    let total = 0;
    for (let j = Math.max(1, i - radius); j <= Math.min(lines.length - 1, i + radius); j++) {
      if (j === i || lines[j].pageStart) continue;
      total++;
      if (lines[j].blanksBefore >= 1) spaced++;
    }
    line.tight = total > 0 && spaced > total * TIGHT_SPACED_SHARE;
  });
}
