/**
 * From the text items of a PDF page (src/pdf/read.ts) to lines, blocks and reading order.
 * Pure functions; nothing here knows about newspapers beyond "text is set in columns".
 *
 *   items → lines: runs on one baseline, of one size, close enough to be one line of one column
 *   lines → blocks: lines of one size stacked at line pitch, overlapping horizontally (a column piece)
 *   blocks → reading order: recursive cuts, columns (vertical cuts) before rows (horizontal cuts)
 */
import type { Box, PdfItem } from './read.ts';

/**
 * A line: the runs of one line of one column joined, in the shape of a run. Its text has the
 * spaces pdfjs puts between spaced-out CJK glyphs removed; its font is the one carrying most of
 * its characters.
 */
export interface TextLine extends PdfItem {
  /**
   * The text with a space wherever its runs stand apart by a fifth of a character or more (and
   * the spaces pdfjs put inside runs): names set apart in a byline (`通讯员 陈超林 郭婧`) stay apart
   * here, while `text` closes them up as running text must be.
   */
  spaced: string;
}

export interface TextBlock extends Box {
  lines: TextLine[];
  size: number;
}

export type { Box };

/** Characters around which a space is never meaningful in Chinese text: CJK, full-width forms, CJK punctuation. */
const CJKISH = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f\\u2010-\\u2027\\u00b7]';
const SPACE_AFTER_CJK = new RegExp(`(${CJKISH})\\s+`, 'gu');
const SPACE_BEFORE_CJK = new RegExp(`\\s+(?=${CJKISH})`, 'gu');

/**
 * Radical forms some PDF producers put in a font's ToUnicode map instead of the ideograph the
 * glyph shows (Chromium's printing maps 山 to ⼭ U+2F2D, 民 to ⺠ U+2EA0): Kangxi radicals have a
 * compatibility decomposition to the ideograph; the CJK Radicals Supplement forms used as
 * simplified characters need a table, and so do two used as traditional ones (a page in traditional
 * characters printed by Chromium names 長 by ⻑ U+2ED1, CJK RADICAL LONG ONE:
 * tests/pdf-traditional.test.ts).
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⻓': '长', '⻔': '门', '⻜': '飞', '⻢': '马', '⻅': '见', '⻆': '角', '⻋': '车', '⻛': '风',
  '⻉': '贝', '⻚': '页', '⻥': '鱼', '⻦': '鸟', '⻄': '西', '⻨': '麦', '⻬': '齐', '⻮': '齿', '⻰': '龙',
  '⻳': '龟', '⻘': '青', '⻝': '食', '⻩': '黄', '⺟': '母', '⻣': '骨', '⻤': '鬼', '⻑': '長', '⻁': '虎',
};

export function unifyRadicals(s: string): string {
  return s
    .replace(/[\u2f00-\u2fd5]/gu, (c) => c.normalize('NFKC'))
    .replace(/[\u2e80-\u2ef3]/gu, (c) => RADICAL_SUPPLEMENT[c] ?? c);
}

/** Collapse spaces; drop those next to CJK characters (justified and letter-spaced type). */
export function tidy(s: string): string {
  return s.replace(/\s+/gu, ' ').replace(SPACE_AFTER_CJK, '$1').replace(SPACE_BEFORE_CJK, '').trim();
}

export function horizontalOverlap(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
}

export function verticalOverlap(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
}

function width(b: Box): number {
  return b.x1 - b.x0;
}

/**
 * Drop items drawn twice: some PDFs carry a run and, on the same baseline, a copy of part of it
 * (the 人民日报 page number "7 理论" comes with "7" and "理论" again). An item is dropped when
 * another item of the same size on the same baseline covers its extent and contains its text.
 */
export function dropDuplicateItems(items: readonly PdfItem[]): PdfItem[] {
  const key = (s: string) => s.replace(/\s+/gu, '');
  return items.filter((it, i) =>
    !items.some((other, j) => {
      if (j === i || other.vertical !== it.vertical) return false;
      if (Math.abs(other.size - it.size) > 0.1 * it.size || Math.abs(other.bottom - it.bottom) > 0.2 * it.size) return false;
      if (other.x0 > it.x0 + 0.5 || other.x1 < it.x1 - 0.5) return false;
      const ko = key(other.text);
      const ki = key(it.text);
      // Of two identical runs keep the first.
      return ko.includes(ki) && (ko.length > ki.length || j < i);
    }),
  );
}

function dominantFont(parts: readonly PdfItem[]): string {
  const count = new Map<string, number>();
  for (const p of parts) count.set(p.font, (count.get(p.font) ?? 0) + p.text.length);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

function lineOf(parts: PdfItem[]): TextLine {
  const vertical = parts[0]!.vertical;
  const ordered = [...parts].sort((a, b) => (vertical ? a.top - b.top : a.x0 - b.x0));
  let text = '';
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i]!;
    if (i > 0) {
      const q = ordered[i - 1]!;
      const gap = vertical ? p.top - q.bottom : p.x0 - q.x1;
      // A visible gap between two Latin runs is a word space; tidy() removes it again next to CJK.
      if (gap > 0.2 * p.size) text += ' ';
    }
    text += p.text;
  }
  return {
    text: tidy(unifyRadicals(text)),
    spaced: unifyRadicals(text).replace(/\s+/gu, ' ').trim(),
    x0: Math.min(...parts.map((p) => p.x0)),
    x1: Math.max(...parts.map((p) => p.x1)),
    top: Math.min(...parts.map((p) => p.top)),
    bottom: Math.max(...parts.map((p) => p.bottom)),
    size: Math.max(...parts.map((p) => p.size)),
    font: dominantFont(parts),
    vertical,
  };
}

/**
 * Vertical writing drawn as upright glyphs one under another (Chromium prints CSS
 * `writing-mode: vertical-rl` that way: each glyph a run of its own, not flagged vertical): three or
 * more one-character runs of one size, left edges aligned, each starting where the one above ends
 * (within half a character), become one vertical run. Otherwise the top glyph would join the
 * horizontal line it happens to share a baseline with.
 */
export function stackGlyphs(items: readonly PdfItem[]): PdfItem[] {
  const single = (it: PdfItem) => !it.vertical && [...it.text.trim()].length === 1;
  const used = new Set<PdfItem>();
  const stacks: PdfItem[][] = [];
  const candidates = items.filter(single).sort((a, b) => a.x0 - b.x0 || a.top - b.top);
  for (const it of candidates) {
    if (used.has(it)) continue;
    const stack = [it];
    for (;;) {
      const last = stack[stack.length - 1]!;
      const next = candidates.find(
        (o) => !used.has(o) && !stack.includes(o) && Math.abs(o.x0 - last.x0) < 0.2 * last.size && Math.abs(o.size - last.size) < 0.05 * last.size && o.top >= last.bottom - 0.25 * last.size && o.top - last.bottom < 0.5 * last.size,
      );
      if (!next) break;
      stack.push(next);
    }
    if (stack.length >= 3) {
      for (const s of stack) used.add(s);
      stacks.push(stack);
    }
  }
  if (stacks.length === 0) return [...items];
  const size = (st: PdfItem[]) => st[0]!.size;
  const merged: PdfItem[] = stacks.map((st) => ({
    // a glyph set apart from the one above by a sixth of a character or more parts two names
    text: st.map((s, i) => (i > 0 && s.top - st[i - 1]!.bottom >= size(st) / 6 ? ' ' : '') + s.text.trim()).join(''),
    x0: Math.min(...st.map((s) => s.x0)),
    x1: Math.max(...st.map((s) => s.x1)),
    top: st[0]!.top,
    bottom: st[st.length - 1]!.bottom,
    size: st[0]!.size,
    font: st[0]!.font,
    vertical: true,
  }));
  return [...items.filter((it) => !used.has(it)), ...merged];
}

/**
 * Largest horizontal gap, in multiples of the type size, between two runs of one line. Body type
 * is set with gutters of about one character between columns, so small type gets a tight limit;
 * display type is often letter-spaced by most of a character.
 */
export function maxRunGap(size: number): number {
  return size >= 14 ? 1.6 * size : 0.8 * size;
}

/**
 * Group items into lines: items of one size on one baseline form a row; a row splits into lines
 * where the gap between runs exceeds maxRunGap (a column gutter). Runs may overlap: pdfjs counts
 * the letter spacing of justified lines into a run's width, so a run can reach past the start of
 * the next one on the same line.
 */
export function itemsToLines(items: readonly PdfItem[]): TextLine[] {
  const clean = stackGlyphs(dropDuplicateItems(items));
  const horizontal = clean.filter((i) => !i.vertical).sort((a, b) => a.bottom - b.bottom || a.x0 - b.x0);
  const rows: PdfItem[][] = [];
  for (const it of horizontal) {
    const row = rows.find((r) => {
      const first = r[0]!;
      return Math.abs(first.bottom - it.bottom) <= 0.35 * it.size && it.size <= 1.25 * first.size && first.size <= 1.25 * it.size;
    });
    if (row) row.push(it);
    else rows.push([it]);
  }
  const groups: PdfItem[][] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    let cur: PdfItem[] = [];
    let reach = -Infinity;
    for (const it of row) {
      if (cur.length && it.x0 - reach > maxRunGap(Math.max(it.size, cur[0]!.size))) {
        groups.push(cur);
        cur = [];
        reach = -Infinity;
      }
      cur.push(it);
      reach = Math.max(reach, it.x1);
    }
    if (cur.length) groups.push(cur);
  }
  // Vertical runs: stack runs sharing a column of glyphs.
  const vertical = clean.filter((i) => i.vertical).sort((a, b) => a.x0 - b.x0 || a.top - b.top);
  for (const it of vertical) {
    const home = groups.find((g) => {
      const last = g[g.length - 1]!;
      return last.vertical && Math.abs(last.x0 - it.x0) < 0.3 * it.size && it.top - last.bottom <= maxRunGap(it.size) && it.top >= last.top;
    });
    if (home) home.push(it);
    else groups.push([it]);
  }
  return groups.map(lineOf).filter((l) => l.text !== '').sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

/**
 * Group horizontal lines into blocks: a line joins the block above it when it has the same size,
 * starts within one and a half line heights of the block's last line, and overlaps it horizontally
 * by at least half the narrower of the two (a column; a first-line indent stays inside).
 */
/** A first-line indent: at most this many characters (人民日报 and the news pages indent 2). */
const INDENT_MAX = 2.2;

export function linesToBlocks(lines: readonly TextLine[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  const sorted = [...lines].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  for (const l of sorted) {
    let best: TextBlock | undefined;
    if (!l.vertical) {
      for (const b of blocks) {
        const last = b.lines[b.lines.length - 1]!;
        if (last.vertical || Math.abs(last.size - l.size) > 0.08 * l.size) continue;
        const gap = l.top - last.bottom;
        if (gap < -0.3 * l.size || gap > 1.0 * l.size) continue;
        // overlapping by half the narrower, or a second line flush left under an indented first (a
        // two-line crosshead: six characters indented two, then four, short and flush)
        const overlap = horizontalOverlap(b, l);
        const underIndent = b.lines.length === 1 && overlap > 0 && l.x0 <= last.x0 && last.x0 - l.x0 <= INDENT_MAX * l.size;
        if (overlap < 0.5 * Math.min(width(b), width(l)) && !underIndent) continue;
        // Of two candidates take the one closest above.
        if (!best || last.bottom > best.lines[best.lines.length - 1]!.bottom) best = b;
      }
    }
    if (best) {
      best.lines.push(l);
      best.x0 = Math.min(best.x0, l.x0);
      best.x1 = Math.max(best.x1, l.x1);
      best.bottom = Math.max(best.bottom, l.bottom);
    } else {
      blocks.push({ lines: [l], x0: l.x0, x1: l.x1, top: l.top, bottom: l.bottom, size: l.size });
    }
  }
  return blocks;
}

/** Split boxes into groups separated by a clear band along one axis (no box straddles it). */
function cut<T extends Box>(boxes: readonly T[], axis: 'x' | 'y', minGap: number): T[][] {
  const lo = (b: Box) => (axis === 'x' ? b.x0 : b.top);
  const hi = (b: Box) => (axis === 'x' ? b.x1 : b.bottom);
  const sorted = [...boxes].sort((a, b) => lo(a) - lo(b));
  const groups: T[][] = [];
  let reach = -Infinity;
  for (const b of sorted) {
    if (groups.length === 0 || lo(b) - reach >= minGap) groups.push([b]);
    else groups[groups.length - 1]!.push(b);
    reach = Math.max(reach, hi(b));
  }
  return groups;
}

/**
 * Reading order of boxes by recursive cuts: split into columns where a vertical band is clear of
 * every box, else into rows where a horizontal band is; recurse; a group that cannot be cut is
 * read top to bottom. Columns first, because in a newspaper the body of an article runs down each
 * column in turn, while a row split would interleave neighbouring columns.
 */
export function readingOrder<T extends Box>(boxes: readonly T[], minGap = 2): T[] {
  if (boxes.length <= 1) return [...boxes];
  const cols = cut(boxes, 'x', minGap);
  if (cols.length > 1) return cols.flatMap((c) => readingOrder(c, minGap));
  // Rows: any clear horizontal band, however thin, separates.
  const rows = cut(boxes, 'y', 0.01);
  if (rows.length > 1) return rows.flatMap((r) => readingOrder(r, minGap));
  return [...boxes].sort((a, b) => a.top - b.top || a.x0 - b.x0);
}
