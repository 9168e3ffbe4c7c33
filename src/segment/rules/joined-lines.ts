import { displayWidth } from './chars.ts';
import { JOINED_LINE_COLUMN_QUANTILE, JOINED_LINE_MIN_EM, JOINED_LINE_MIN_LINES, JOINED_LINE_SHORT_SHARE } from '../thresholds.ts';

/** A printed line's end that ends a sentence: `。`, `！`, `？`, a closing quote after one. */
const SENTENCE_END = /[。！？!?][”’」』]?$/u;

/**
 * Where a converter joined a story's printed lines into one line with a space between them
 * (`…进一步激发了涪口区的 发展活力。 今年以来,涪口区按照…`, @opendocsg/pdf2md on the typeset
 * news pages), the pieces between the spaces are the printed lines — or parts of one, where the
 * printed line holds a space of its own (`本报讯 为方便…`, `记者 王芳`) — and their widths still say
 * where a paragraph ends: at a line shorter than the column that ends a sentence (`。！？`, with a
 * closing quote; not `；` or `…`, which end no paragraph). Returns the
 * text's paragraphs, each with the width of its last printed line, and the column's width; or
 * the text alone when it is no such line (fewer than JOINED_LINE_MIN_LINES pieces as wide as a
 * column line: a name list `记者 王芳 通讯员 …`, a justified line spaced a character apart).
 */
export function splitJoinedLines(text: string): { paragraphs: { text: string; lastWidth: number }[]; column: number } {
  const pieces = text.split(/ +/u);
  const widths = pieces.map(displayWidth);
  const wide = widths.filter((w) => w >= JOINED_LINE_MIN_EM).sort((a, b) => a - b);
  if (wide.length < JOINED_LINE_MIN_LINES) return { paragraphs: [{ text, lastWidth: displayWidth(text) }], column: 0 };
  // the column's width: a high quantile of the wider lines (a paragraph's first line is
  // indented, a line with figures is narrower in em), never the widest (one overlong piece)
  const full = wide[Math.min(Math.floor(wide.length * JOINED_LINE_COLUMN_QUANTILE), wide.length - 2)]!;
  const out: { text: string; lastWidth: number }[] = [];
  let start = 0;
  pieces.forEach((p, k) => {
    if (k === pieces.length - 1) return;
    if (!SENTENCE_END.test(p) || widths[k]! >= full * JOINED_LINE_SHORT_SHARE) return;
    // a short line is a paragraph's last when the line before it filled the column (or it is
    // the paragraph's only line) and a line as wide as a column line follows
    const before = k === start || widths[k - 1]! >= full * JOINED_LINE_SHORT_SHARE;
    if (!before || widths[k + 1]! < JOINED_LINE_MIN_EM) return;
    out.push({ text: pieces.slice(start, k + 1).join(' '), lastWidth: widths[k]! });
    start = k + 1;
  });
  out.push({ text: pieces.slice(start).join(' '), lastWidth: widths[pieces.length - 1]! });
  return { paragraphs: out, column: full };
}
