import type { PlacedLine } from '../types.ts';
import { NARROW_HEAD_MAX_CHARS, VERTICAL_BESIDE_MIN_LINES } from '../thresholds.ts';


/**
 * A glyph of a vertical line, one space, then a line of a narrow box set beside it (`社 民生实`):
 * the box's line holds no sentence punctuation and is at most as long as a box's line is
 * (NARROW_HEAD_MAX_CHARS and one mark).
 */
const GLYPH_THEN_BOX = new RegExp(`^([\\u4e00-\\u9fff“”‘’《》「」])\\s([^\\s，。；！？,;!?]{2,${NARROW_HEAD_MAX_CHARS + 1}})$`, 'u');
/** A glyph of a vertical line alone on its text line (`堂`). */
const GLYPH_ALONE = /^[\u4e00-\u9fff“”‘’《》「」]$/u;

/**
 * A headline set vertically beside a narrow box of display type (`社区食堂让老人吃上热乎饭` down the
 * side, `民生实` / `事看` / `落实` in the box): poppler's default text prints each text line of the two
 * side by side, a glyph of the head, a space, a line of the box (`社 民生实` / `区 事看` / `食 落实`),
 * then the head's glyphs alone where the box has ended (`堂` / `让` / …). Read so, both came out
 * interleaved (`社民生实区事看食落实堂…`, typeset news page 7, seed 23). At least
 * VERTICAL_BESIDE_MIN_LINES such lines, then as many glyphs alone at least, are taken apart: the
 * box's lines first (a page is read from the right, and the box stands right of the head), then
 * the head's glyphs, each on a line of its own, under the line number it came from, a blank line
 * between the two.
 */
export function splitVerticalBeside(lines: readonly PlacedLine[]): PlacedLine[] {
  // (a line led by a space is a page's first line, `lines.ts`: never a row of a run, so the mark stays)
  const pair = lines.map((l) => GLYPH_THEN_BOX.exec(l.text.trimEnd()));
  const glyph = lines.map((l) => GLYPH_ALONE.test(l.text.trimEnd()));
  const out: PlacedLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (pair[i] === null) {
      out.push(lines[i]);
      i++;
      continue;
    }
    // a run of such lines, read whole (each line is looked at once)
    let k = i;
    while (k < lines.length && pair[k] !== null) k++;
    let end = k;
    while (end < lines.length && glyph[end]) end++;
    // (and no such line after the glyphs: three lines side by side, glyphs of two of them alone
    // between, `衡 改南` / `南 ”县` / `县 出高` / `质` / `全` / `量` / `面 群发`, say too little to part)
    const closes = end === lines.length || pair[end] === null;
    if (k - i >= VERTICAL_BESIDE_MIN_LINES && end - k >= VERTICAL_BESIDE_MIN_LINES && closes) {
      const pairs = lines.slice(i, k).map((l, j) => ({ no: l.no, m: pair[i + j]! }));
      for (const { no, m } of pairs) out.push({ no, text: m[2] });
      // (a blank line between: the box and the head are two blocks, as two boxes of a page are)
      out.push({ no: pairs[pairs.length - 1].no, text: '' });
      for (const { no, m } of pairs) out.push({ no, text: m[1] });
      out.push(...lines.slice(k, end));
      i = end;
    } else {
      out.push(...lines.slice(i, k));
      i = k;
    }
  }
  return out;
}
