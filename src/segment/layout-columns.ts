/**
 * Text laid out like the page (poppler's `pdftotext -layout` and tools like it): the columns of a
 * page stand side by side on one text line, separated by runs of spaces, so one line of text holds
 * a line of every column. Read as it is, every sentence is cut every 35 characters by text of other
 * columns. This stage finds the whitespace gutters between the columns and gives the page back
 * column by column, each piece keeping the number of the line it came from.
 *
 * What it relies on: such tools put every character in a grid of fixed cells (a Han character takes
 * one cell, like a letter), so a column starts at the same cell on every line and a gutter is a run
 * of cells that almost no line uses. Nothing here knows a paper's column widths: the gutters are
 * measured on each file.
 */

/** One line of the re-ordered text: its text and the line of the file it comes from (1-based). */
export interface PlacedLine {
  no: number;
  text: string;
}

/**
 * A cell is in a gutter when fewer than this share of the text lines have a character in it.
 * Measured on the development pages' `-layout` text: gutter cells have 0–1.5 % (headlines and
 * the page header that cross them), column cells 10–100 %.
 */
export const GUTTER_OCCUPANCY = 0.02;
/** A gutter is at least this many cells wide; a single space is the gap of justified text. */
export const GUTTER_MIN_CELLS = 2;
/** A column at least this many cells wide; narrower stretches between gutters are noise. */
export const COLUMN_MIN_CELLS = 6;
/**
 * Layout text is recognised when at least this share of the text lines hold two pieces of text
 * separated by a gutter. The development pages' `-layout` text: 0.55–0.95; column-wrapped and
 * Markdown-like text (the sample, other extractors): 0.
 */
export const LAYOUT_SHARE = 0.3;
/** Files with fewer text lines than this are never taken for layout text: too little to measure. */
export const LAYOUT_MIN_LINES = 20;

interface Column {
  start: number;
  end: number;
}

const cells = (line: string): string[] => [...line];

/** The columns of a page: the stretches of cells between gutters. */
export function findColumns(lines: readonly string[]): Column[] {
  const text = lines.filter((l) => l.trim() !== '');
  if (text.length === 0) return [];
  const occupancy: number[] = [];
  for (const line of text) {
    cells(line).forEach((c, x) => {
      if (c !== ' ') occupancy[x] = (occupancy[x] ?? 0) + 1;
    });
  }
  const width = occupancy.length;
  const limit = GUTTER_OCCUPANCY * text.length;
  const columns: Column[] = [];
  let start = -1;
  let gap = 0;
  for (let x = 0; x <= width; x++) {
    const empty = x === width || (occupancy[x] ?? 0) <= limit;
    if (!empty) {
      if (start < 0) start = x;
      gap = 0;
      continue;
    }
    gap++;
    if (start >= 0 && (gap >= GUTTER_MIN_CELLS || x === width)) {
      const end = x - gap + 1;
      if (end - start >= COLUMN_MIN_CELLS) columns.push({ start, end });
      start = -1;
    }
  }
  return columns;
}

/** Pieces of one line: runs of text separated by two or more spaces, with the cell each starts at. */
function pieces(line: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  const c = cells(line);
  let x = 0;
  while (x < c.length) {
    if (c[x] === ' ') {
      x++;
      continue;
    }
    const start = x;
    let end = x;
    while (x < c.length && !(c[x] === ' ' && (x + 1 >= c.length || c[x + 1] === ' '))) {
      if (c[x] !== ' ') end = x + 1;
      x++;
    }
    out.push({ start, end, text: c.slice(start, end).join('') });
  }
  return out;
}

/** Whether the text is laid out like the page, columns side by side (see LAYOUT_SHARE). */
export function isLayoutText(lines: readonly string[]): boolean {
  const text = lines.filter((l) => l.trim() !== '');
  if (text.length < LAYOUT_MIN_LINES) return false;
  const columns = findColumns(text);
  if (columns.length < 2) return false;
  let side = 0;
  for (const line of text) {
    const hit = new Set<number>();
    for (const p of pieces(line)) {
      const k = columns.findIndex((col) => p.start < col.end && p.end > col.start);
      if (k >= 0) hit.add(k);
    }
    if (hit.size >= 2) side++;
  }
  return side / text.length >= LAYOUT_SHARE;
}

/**
 * The page column by column, article by article. A piece of text that crosses a gutter (a headline
 * over several columns, the page header) opens a new region in the columns it covers: what those
 * columns hold below it is read after it, while the other columns read on undisturbed. Regions are
 * read in the order they open, top to bottom, then left to right — the way a story's columns
 * follow its headline. A row where a column is empty is a blank line of that column (the vertical
 * space around headlines and between blocks); runs of them fold into one.
 */
export function readColumns(lines: readonly string[]): PlacedLine[] {
  const columns = findColumns(lines);
  if (columns.length < 2) return lines.map((text, i) => ({ no: i + 1, text }));
  interface Region {
    row: number;
    col: number;
    lines: PlacedLine[];
  }
  const regions: Region[] = [];
  const open: Region[] = columns.map((_c, k) => ({ row: 0, col: k, lines: [] }));
  regions.push(...open);
  lines.forEach((line, i) => {
    const no = i + 1;
    const cols = columns.map(() => '');
    for (const p of pieces(line)) {
      const hit = columns.map((col, k) => (p.start < col.end && p.end > col.start ? k : -1)).filter((k) => k >= 0);
      if (hit.length > 1) {
        // a spanning piece: it stands before the regions it opens in the columns it covers
        regions.push({ row: no, col: hit[0] - 0.5, lines: [{ no, text: p.text }] });
        for (const k of hit) {
          open[k] = { row: no, col: k, lines: [] };
          regions.push(open[k]);
        }
        continue;
      }
      // in a gutter or past the last column: the nearest column on its left
      const k = hit.length === 1 ? hit[0] : Math.max(0, columns.filter((col) => col.start <= p.start).length - 1);
      cols[k] = cols[k] ? `${cols[k]} ${p.text}` : p.text;
    }
    cols.forEach((text, k) => open[k].lines.push({ no, text }));
  });
  regions.sort((a, b) => a.row - b.row || a.col - b.col);
  const out: PlacedLine[] = [];
  const push = (line: PlacedLine): void => {
    const blank = line.text.trim() === '';
    if (blank && (out.length === 0 || out[out.length - 1].text.trim() === '')) return;
    out.push(line);
  };
  for (const region of regions) {
    for (const line of region.lines) push(line);
    if (region.lines.length) push({ no: region.lines[region.lines.length - 1].no, text: '' });
  }
  while (out.length && out[out.length - 1].text.trim() === '') out.pop();
  return out;
}
