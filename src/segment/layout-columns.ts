import type { PlacedLine } from './types.ts';
import { isSignedName } from './rules/credits.ts';
import { looksLikeName } from './rules/names.ts';
import { SIGNED_NAME_MAX_CHARS, COLUMN_ALIGN_CELLS, COLUMN_GAP_ROWS, COLUMN_SKIP_ROWS, CONTINUED_COLUMNS, GUTTER_MIN_CELLS, GUTTER_MIN_ROWS, LAYOUT_MAX_BLOCKS, LAYOUT_MAX_CELLS, STACKED_SIDE_MAX_BLOCKS, LAYOUT_MAX_ROWS, LAYOUT_MIN_LINES, LAYOUT_SHARE, LARGE_TYPE_PIECE_MAX_CHARS, OPENING_LINE_CHARS, VERTICAL_HEAD_MIN_CHARS, STACKED_TYPE_MAX_GAP_ROWS, PLACED_CELLS, SPACED_LINE_MIN_GLYPHS, STRIP_NEIGHBOUR_CELLS, VERTICAL_STRIP_MIN_GLYPHS, REGION_GAP_ROWS, STRIP_COLUMN_MIN_CELLS, STRIP_INDENT_MAX_CELLS, STRIP_MAX_SHARE } from './thresholds.ts';

/**
 * Text laid out like the page (poppler's `pdftotext -layout` and tools like it): the columns of a
 * page stand side by side on one text line, separated by runs of spaces, so one line of text holds
 * a line of every column. Read as it is, every sentence is cut every 35 characters by text of other
 * columns. This stage finds the whitespace gutters between the columns and gives the page back
 * column by column, each piece keeping the number of the line it came from.
 *
 * What it relies on: such tools put every character in a grid of fixed cells (a Han character takes
 * one cell, like a letter), so a column starts at (nearly) the same cell on every line and a gutter
 * is a tall strip of cells that no line uses. A newspaper page has several column grids (a
 * headline over two columns, a box with its own columns, essays of different widths, a picture),
 * so the gutters are not measured over the whole page: a gutter is any strip of empty cells at
 * least GUTTER_MIN_CELLS wide and GUTTER_MIN_ROWS tall, wherever it stands. Lines are cut where
 * they meet such a strip; the pieces that stand one under the other, left-aligned, make a column
 * block; the blocks are read region by region (see `readingOrder`). Nothing here knows a paper's
 * column widths: the gutters are measured on each file.
 */



const isSpace = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\u3000' || c === '\t' || c === '\u00a0';

/** A piece of one line: its cells [start, end) and its text. */
interface Segment {
  row: number;
  start: number;
  end: number;
  text: string;
  /** A piece of a line of vertical type (splitVerticalStrips): it links to no block of other text. */
  upright?: boolean;
}

/** A page of the file: its first line (0-based) and its lines as cells; `\f` (pdftotext's page break) starts a page. */
interface Page {
  first: number;
  rows: string[][];
}

function pagesOf(lines: readonly string[]): Page[] {
  const pages: Page[] = [];
  let cur: Page = { first: 0, rows: [] };
  lines.forEach((line, i) => {
    if (line.startsWith('\f') && cur.rows.length) {
      pages.push(cur);
      cur = { first: i, rows: [] };
    }
    // the page break character takes no cell: it is not printed
    cur.rows.push([...line.replace(/^\f+/u, '')]);
  });
  pages.push(cur);
  return pages;
}

/**
 * Every line of a page cut at the gutters it meets: a gap of spaces is a gutter when two cells of
 * it side by side lie in an empty strip, two cells wide, at least GUTTER_MIN_ROWS lines tall. Two
 * cells, as a gutter is wide on every line (GUTTER_MIN_CELLS); a strip one cell wide is where the
 * spaces of irregularly spaced lines happen to fall one under the other.
 */
function segmentsOf(rows: readonly string[][]): Segment[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const height = rows.length;
  // tall[r * width + x]: how many lines the empty strip through cells (r, x) and (r, x + 1) is tall
  const tall = new Uint32Array(width * height);
  // a strip one cell wide is no gutter: lines spaced out one under the other (`甲 乙 丙 丁`)
  // leave their spaces in the same cells, and such strips, as tall as a gutter, ran through the
  // development pages' `-layout` columns, cutting a clause ending `，` from the quote after it on
  // the line where a wider gap before a quotation mark met them (read in the wrong order)
  const empty = (r: number, x: number): boolean => isSpace(rows[r][x]) && isSpace(rows[r][x + 1]);
  for (let x = 0; x < width; x++) {
    let r = 0;
    while (r < height) {
      if (!empty(r, x)) {
        r++;
        continue;
      }
      let end = r;
      while (end < height && empty(end, x)) end++;
      for (let k = r; k < end; k++) tall[k * width + x] = end - r;
      r = end;
    }
  }
  return rows.map((cells, r) => {
    const out: Segment[] = [];
    let start = -1;
    let last = -1;
    const close = (): void => {
      if (start >= 0) out.push({ row: r, start, end: last + 1, text: cells.slice(start, last + 1).join('') });
    };
    for (let x = 0; x < cells.length; x++) {
      if (isSpace(cells[x])) continue;
      if (start >= 0) {
        const gap = x - last - 1;
        let gutter = false;
        if (gap >= GUTTER_MIN_CELLS) {
          for (let g = last + 1; g < x - 1 && !gutter; g++) gutter = tall[r * width + g] >= GUTTER_MIN_ROWS;
        }
        if (gutter) {
          close();
          start = x;
        }
      } else start = x;
      last = x;
    }
    close();
    return out;
  });
}

/**
 * A justified line cut at a wide space of its own: pdftotext sets a line of a column in cells, and
 * where the line is stretched to the column's width the stretch can gather in one place (before a
 * quotation mark: `…，        “…`, eight cells before the quote, the first line of an essay on the
 * development page of 15 January 2018). With blank lines over it (the space a headline leaves), the
 * empty strip through that space is as tall as a gutter, and the line's second half was read as a
 * column of its own, away from its sentence. Two pieces of one line are one when the nearest line
 * over or under them that has text in their span (within COLUMN_SKIP_ROWS) holds one piece there,
 * wider than both, whose left edge the first piece starts at (an indent of COLUMN_ALIGN_CELLS at
 * most) and whose right edge the second does not pass, and the line after that one holds a piece
 * with the same left edge: the pair stands inside one column. Across a true gutter the nearest
 * line holds a piece of each column, on one side at least (a line set across both columns over
 * them, a lead note or a head, is no column of theirs).
 */
function joinJustifiedGaps(rows: readonly Segment[][]): Segment[][] {
  const inSpan = (segs: readonly Segment[], start: number, end: number): Segment[] => segs.filter((s) => s.start < end && start < s.end);
  // what the nearest line with text in the pair's span says: one column's line spanning both, two
  // or more pieces (a gutter runs through), or nothing to go by
  const nearest = (r: number, step: 1 | -1, a: Segment, b: Segment): 'column' | 'gutter' | 'none' => {
    for (let k = 1; k <= COLUMN_SKIP_ROWS; k++) {
      const near = rows[r + step * k];
      if (near === undefined) return 'none';
      const hits = inSpan(near, a.start, b.end);
      if (hits.length === 0) continue;
      if (hits.length > 1) return 'gutter';
      const c = hits[0];
      if (a.start < c.start || a.start > c.start + COLUMN_ALIGN_CELLS || b.end > c.end) return 'none';
      const next = rows[r + step * (k + 1)] ?? [];
      return next.some((s) => Math.abs(s.start - c.start) <= COLUMN_ALIGN_CELLS && s.end > b.start) ? 'column' : 'none';
    }
    return 'none';
  };
  return rows.map((segs, r) => {
    const out: Segment[] = [];
    for (const s of segs) {
      const a = out[out.length - 1];
      // (a line of one column on one side and a gutter on the other is two columns under a line
      // across them: a lead note or a head set full width over the columns)
      const sides = a === undefined ? [] : [nearest(r, 1, a, s), nearest(r, -1, a, s)];
      if (a !== undefined && sides.includes('column') && !sides.includes('gutter')) {
        out[out.length - 1] = { row: r, start: a.start, end: s.end, text: a.text + ' '.repeat(s.start - a.end) + s.text };
      } else out.push(s);
    }
    return out;
  });
}

/** A line of type set vertically: the cell it stands in and the text lines that hold a piece of it. */
interface Strip {
  x: number;
  rows: Set<number>;
}

/** Digits or Latin letters set upright in a line of vertical type (`10`, `100`, `5G`), or its dash (`——`): one piece. */
const UPRIGHT_TOKEN = /^(?:[0-9A-Za-z.%]{1,4}|[—－]{1,2})$/u;

/**
 * A text line's cells read once (so that asking of every cell costs the line's length, not its
 * square): where a glyph stands alone, a space either side, outside a spaced-out stretch
 * (SPACED_LINE_MIN_GLYPHS), and where a run of inked cells standing alone is a token set upright
 * (UPRIGHT_TOKEN), with the run's first and last cells.
 */
function rowCells(row: readonly string[]): { alone: Uint8Array; upright: Uint8Array; runStart: Int32Array; runEnd: Int32Array } {
  const n = row.length;
  const inked = (x: number): boolean => x >= 0 && x < n && !isSpace(row[x]);
  const alone = new Uint8Array(n);
  const upright = new Uint8Array(n);
  const runStart = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
  // runs of inked cells
  for (let x = 0; x < n; ) {
    if (!inked(x)) {
      x++;
      continue;
    }
    let end = x;
    while (inked(end)) end++;
    const token = UPRIGHT_TOKEN.test(row.slice(x, end).join(''));
    for (let k = x; k < end; k++) {
      runStart[k] = x;
      runEnd[k] = end;
      if (token) upright[k] = 1;
    }
    x = end;
  }
  // stretches with no two spaces in a row: glyphs alone in a spaced-out one are no vertical line's
  for (let x = 0; x < n; ) {
    if (!inked(x)) {
      x++;
      continue;
    }
    let end = x;
    while (inked(end) || inked(end + 1)) end++;
    let glyphs = 0;
    let lone = 0;
    for (let k = x; k < end; k++) {
      if (!inked(k)) continue;
      glyphs++;
      if (!inked(k - 1) && !inked(k + 1)) lone++;
    }
    const spaced = glyphs >= SPACED_LINE_MIN_GLYPHS && lone * 2 >= glyphs;
    for (let k = x; k < end; k++) if (inked(k) && !inked(k - 1) && !inked(k + 1) && !spaced) alone[k] = 1;
    x = end;
  }
  return { alone, upright, runStart, runEnd };
}

/**
 * Lines of type set vertically side by side, a cell or two apart (a kicker, its headline and the
 * subtitle or the signed name down the side of a story: `多` / `措` / `并` … beside `近` / `5` / `年`
 * …, typeset news page 4, seed 29): poppler's `-layout` gives each text line a glyph of each, one
 * space between, too narrow a gap for a gutter (GUTTER_MIN_CELLS), so the pieces read across the
 * lines (`近 措`, `年 并`) and every such headline came out interleaved (`，举有建`). A cell where a
 * glyph stands alone (a space on each side) on VERTICAL_STRIP_MIN_GLYPHS text lines or more, no
 * more than STACKED_TYPE_MAX_GAP_ROWS lines apart and with no wider text through the cell between,
 * is a vertical line: its glyphs are cut out as pieces of their own, which link to no block of
 * other text (blocksOf), and joinStrips gathers them.
 * Not a glyph of a spaced-out line of running text (`甲 乙 丙 、丁 戊 己`, the development
 * pages): there most glyphs of the stretch stand alone (SPACED_LINE_MIN_GLYPHS or more).
 */
function splitVerticalStrips(rows: readonly string[][], lines: readonly Segment[][]): { lines: Segment[][]; strips: Strip[] } {
  const cells = rows.map(rowCells);
  const alone = (r: number, x: number): boolean => cells[r].alone[x] === 1;
  // digits set upright in the line (`10个消防…`): the token standing alone whose cells take in x
  const token = (r: number, x: number): { start: number; end: number } | undefined => (cells[r].upright[x] === 1 ? { start: cells[r].runStart[x], end: cells[r].runEnd[x] } : undefined);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const cuts = rows.map(() => [] as { start: number; end: number }[]);
  const strips: Strip[] = [];
  for (let x = 0; x < width; x++) {
    let run: { r: number; start: number; end: number; glyph: boolean }[] = [];
    const flush = (): void => {
      if (run.filter((p) => p.glyph).length >= VERTICAL_STRIP_MIN_GLYPHS) {
        for (const p of run) cuts[p.r].push(p);
        strips.push({ x, rows: new Set(run.map((p) => p.r)) });
      }
      run = [];
    };
    for (let r = 0; r < rows.length; r++) {
      if (isSpace(rows[r][x])) continue;
      if (run.length > 0 && r - run[run.length - 1].r > STACKED_TYPE_MAX_GAP_ROWS) flush();
      if (alone(r, x)) {
        run.push({ r, start: x, end: x + 1, glyph: true });
        continue;
      }
      const t = token(r, x);
      if (t === undefined) flush();
      // (digits set upright stand where the line does, centred: `10` at its cell, `100` one cell
      // before; a token further left is the neighbouring line's, `100` of the subtitle beside the
      // headline, and neither ends nor joins this one)
      else if (t.start === x || t.start === x - 1) run.push({ r, ...t, glyph: false });
    }
    flush();
  }
  const cut = lines.map((segs, r) => {
    if (cuts[r].length === 0) return segs;
    const out: Segment[] = [];
    const piece = (a: number, b: number, upright = false): void => {
      const text = rows[r].slice(a, b).join('');
      const t = text.trim();
      const lead = text.length - text.trimStart().length;
      if (t) out.push({ row: r, start: a + lead, end: a + lead + [...t].length, text: t, ...(upright ? { upright } : {}) });
    };
    for (const s of segs) {
      let start = s.start;
      for (const c of cuts[r].filter((c) => c.start >= s.start && c.end <= s.end).sort((p, q) => p.start - q.start)) {
        if (c.start < start) continue;
        piece(start, c.start);
        piece(c.start, c.end, true);
        start = c.end;
      }
      piece(start, s.end);
    }
    return out;
  });
  return { lines: cut, strips };
}

/**
 * Each vertical line's pieces (splitVerticalStrips) gathered into one block, read where its first
 * piece was: before the block that piece opened, after one it was read at the end of (`“株` /
 * `洲产教联` / … / `解`: a narrow head's block ran on down its cell into a subtitle's first glyph).
 * Lines side by side (rows shared, at most STRIP_NEIGHBOUR_CELLS apart) are read together, where
 * the first of them would be, and from the right, as vertical type is: a kicker, its headline,
 * then the subtitle or the name (`长沙消防…` / `10个消防…` / `本报记者 周小雷`, where the name's first
 * glyph stood on the line above the headline's).
 */
function joinStrips(ordered: readonly Block[], strips: readonly Strip[]): Block[] {
  if (strips.length === 0) return [...ordered];
  // the pieces cut out of vertical lines, by text line and cell, with the block each stands in
  const where = new Map<string, { seg: Segment; block: number }>();
  ordered.forEach((b, k) => {
    for (const seg of b.segs) if (seg.upright === true) where.set(`${seg.row}:${seg.start}`, { seg, block: k });
  });
  const taken = new Set<Segment>();
  const found: { x: number; top: number; bottom: number; segs: Segment[]; at: number }[] = [];
  for (const st of strips) {
    const pieces: { seg: Segment; block: number }[] = [];
    // (a token centred on the cell starts there or one cell before it)
    for (const r of st.rows) {
      for (const start of [st.x, st.x - 1]) {
        const p = where.get(`${r}:${start}`);
        if (p !== undefined && !taken.has(p.seg) && p.seg.end > st.x) {
          pieces.push(p);
          taken.add(p.seg);
          break;
        }
      }
    }
    if (pieces.length === 0) continue;
    pieces.sort((p, q) => p.seg.row - q.seg.row);
    const { seg, block } = pieces[0];
    // (a place in the reading order: 2k before block k, 2k + 1 after it)
    const at = 2 * block + (ordered[block].segs[0] === seg ? 0 : 1);
    found.push({ x: st.x, top: seg.row, bottom: pieces[pieces.length - 1].seg.row, segs: pieces.map((p) => p.seg), at });
  }
  // lines side by side, grouped (each with every neighbour), are read at their group's earliest place
  const group = found.map((_, k) => k);
  const root = (k: number): number => (group[k] === k ? k : (group[k] = root(group[k])));
  const byX = found.map((_, k) => k).sort((p, q) => found[p].x - found[q].x);
  for (let i = 0; i < byX.length; i++) {
    for (let j = i + 1; j < byX.length && found[byX[j]].x - found[byX[i]].x <= STRIP_NEIGHBOUR_CELLS; j++) {
      const [p, q] = [found[byX[i]], found[byX[j]]];
      if (p.top <= q.bottom && q.top <= p.bottom) group[root(byX[i])] = root(byX[j]);
    }
  }
  const earliest = new Map<number, number>();
  found.forEach((f, k) => earliest.set(root(k), Math.min(earliest.get(root(k)) ?? Infinity, f.at)));
  const placed = new Map<number, Segment[][]>();
  for (const k of [...byX].reverse()) {
    const at = earliest.get(root(k))!;
    placed.set(at, [...(placed.get(at) ?? []), found[k].segs]);
  }
  return ordered.flatMap((b, k) => {
    const left = b.segs.filter((sg) => !taken.has(sg));
    return [...(placed.get(2 * k) ?? []).map(blockOf), ...(left.length > 0 ? [blockOf(left)] : []), ...(placed.get(2 * k + 1) ?? []).map(blockOf)];
  });
}

/** A column block: pieces standing one under the other, left-aligned. */
interface Block {
  segs: Segment[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function blockOf(segs: Segment[]): Block {
  return {
    segs,
    top: segs[0].row,
    bottom: segs[segs.length - 1].row,
    left: Math.min(...segs.map((s) => s.start)),
    right: Math.max(...segs.map((s) => s.end)),
  };
}

const span = (b: Block): { start: number; end: number } => ({ start: b.left, end: b.right });
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/**
 * Pieces linked into column blocks: a piece continues the block above it when it is the only
 * piece under that block, the block is the only one over it, and their left edges agree
 * (COLUMN_ALIGN_CELLS). A piece under two (a headline over columns) or two under one (the
 * columns under a headline) start new blocks. A block runs on across lines that hold text of
 * other columns only (COLUMN_SKIP_ROWS) and a blank line or two (COLUMN_GAP_ROWS), when what
 * comes after the gap reads on (see `goesOn`).
 */
function blocksOf(lines: readonly Segment[][]): Block[] {
  const done: Block[] = [];
  let open: Block[] = [];
  const extend = (b: Block, s: Segment): void => {
    b.segs.push(s);
    b.bottom = s.row;
    b.left = Math.min(b.left, s.start);
    b.right = Math.max(b.right, s.end);
  };
  // blankBefore[r]: how many of the lines before line r are blank
  const blankBefore = [0];
  lines.forEach((segs, r) => blankBefore.push(blankBefore[r] + (segs.length === 0 ? 1 : 0)));
  // the page's running head (date, paper, page and section on its first line, set apart by
  // gutters) is no column's first line: nothing links under it
  // (a first line whose pieces each go on in a piece under it is the columns' first line)
  const first = lines.findIndex((segs) => segs.length > 0);
  const aligned = (s: Segment): boolean => {
    const under = lines.slice(first + 1).find((segs) => segs.some((t) => overlaps(s, t)));
    return under !== undefined && under.some((t) => overlaps(s, t) && Math.abs(s.start - t.start) <= COLUMN_ALIGN_CELLS);
  };
  const running = first >= 0 && lines[first].length >= 2 && !lines[first].every(aligned);
  const header = new Set<Block>();
  lines.forEach((segs, r) => {
    // blank lines between the block's last line and this one, and lines with text elsewhere only
    const blanks = (b: Block): number => blankBefore[r] - blankBefore[b.bottom + 1];
    // across blank lines only a column of two lines or more: a lone line over a blank one is a
    // page header or a headline, not a column's line
    const live = open.filter((b) => r - 1 - b.bottom <= COLUMN_SKIP_ROWS && (blanks(b) === 0 || (b.segs.length >= 2 && blanks(b) <= COLUMN_GAP_ROWS)));
    for (const b of open) if (!live.includes(b)) done.push(b);
    const next: Block[] = [];
    const taken = new Set<Block>();
    for (const s of segs) {
      const over = live.filter((b) => overlaps(span(b), s));
      const b = over.length === 1 ? over[0] : undefined;
      const under = b ? segs.filter((t) => overlaps(span(b), t)) : [];
      // across a gap, a column's text goes on mid-sentence or with a paragraph's indented first
      // line; a line set flush under a finished sentence is the next story's headline
      const gapped = b !== undefined && b.bottom < r - 1;
      const goesOn = !gapped || !SENTENCE_END.test(b.segs[b.segs.length - 1].text) || s.start > b.left;
      // (a glyph of vertical type goes on no block of other text, nor such a block on it: `本`, the
      // first glyph of a vertical byline set two lines under a column left mid-sentence at its left
      // edge, ran on that column, and the byline and the headline beside it were read in the story before)
      if (b && goesOn && !header.has(b) && under.length === 1 && Math.abs(s.start - b.left) <= COLUMN_ALIGN_CELLS && (s.upright === true) === (b.segs[b.segs.length - 1].upright === true)) {
        extend(b, s);
        taken.add(b);
        next.push(b);
      } else {
        const block = blockOf([s]);
        if (r === first && running) header.add(block);
        next.push(block);
      }
    }
    // a block with text now under it that did not take it ends here
    for (const b of live) {
      if (taken.has(b)) continue;
      if (segs.some((s) => overlaps(span(b), s))) done.push(b);
      else next.push(b);
    }
    open = next;
  });
  done.push(...open);
  return done;
}

/** Sentence punctuation, pauses included: a line of headline type holds none. */
const SENTENCE_PUNCT = /[，。；！？、,;!?]/u;

/** A piece of large type: one to LARGE_TYPE_PIECE_MAX_CHARS characters, no space, no sentence punctuation. */
const largeTypePiece = (s: Segment): boolean => {
  const n = [...s.text].length;
  return n <= LARGE_TYPE_PIECE_MAX_CHARS && !/\s/u.test(s.text) && !SENTENCE_PUNCT.test(s.text);
};

/**
 * Blocks of large type stacked in one strip rejoined: a headline set a few characters a line in
 * a narrow box beside its story (`衡阳县巡` / `特警：暖` / `心举动感` / …, typeset news page 3)
 * gets, in `-layout` text, a text line of its own per line of type, with lines of the columns
 * beside it and blank lines between, so the column rules cut it into blocks that the reading order
 * puts apart (its last lines after the story). Lines of large type (largeTypePiece) go on the
 * block above when they start at its left edge, are no wider, and nothing else stands in the strip
 * between, at most STACKED_TYPE_MAX_GAP_ROWS lines down; what follows them in their block (a
 * wider headline under the box) stays where it is read. Runs after the reading order, so that the
 * blocks' places in it do not move: only the lines taken move, to the block of the stack's first line.
 */
function joinStackedType(ordered: readonly Block[], lines: readonly Segment[][]): Block[] {
  // the page's running head (paper, date, page) stands over everything on the first line
  const first = lines.findIndex((segs) => segs.length > 0);
  const left = new Map<Block, Segment[]>(ordered.map((b) => [b, [...b.segs]]));
  const byTop = [...ordered].sort((a, b) => a.top - b.top || a.left - b.left);
  // each stack's pieces, by the block of its first line: read where that block is read (read
  // where its last line is, the stack made the news pages' headlines 0.766 → 0.729)
  const stacks = new Map<Block, Segment[]>();
  for (const a of byTop) {
    const own = left.get(a)!;
    if (own.length === 0 || own[0].row === first || !own.every(largeTypePiece)) continue;
    const stack = [...own];
    const x = stack[0].start;
    const width = Math.max(...stack.map((s) => s.end - s.start));
    const strip = { start: x, end: x + width };
    for (;;) {
      const bottom = stack[stack.length - 1].row;
      // the nearest block below whose first lines go on with the type: same left edge, no wider
      const b = byTop.find((c) => {
        const t = left.get(c)![0];
        return c !== a && t !== undefined && t.row > bottom && t.row - bottom <= STACKED_TYPE_MAX_GAP_ROWS && t.start === x && t.end - t.start <= width && largeTypePiece(t);
      });
      if (!b) break;
      const rest = left.get(b)!;
      let free = true;
      for (let r = bottom + 1; r < rest[0].row && free; r++) free = !lines[r].some((s) => overlaps(strip, s));
      if (!free) break;
      let k = 0;
      while (k < rest.length && largeTypePiece(rest[k]) && rest[k].start === x && rest[k].end - rest[k].start <= width) k++;
      stack.push(...rest.splice(0, k));
    }
    if (stack.length === own.length) continue;
    left.set(a, []);
    stacks.set(a, stack);
  }
  return ordered.flatMap((b) => {
    const own = left.get(b)!;
    const stack = stacks.get(b);
    return [...(stack ? [blockOf(stack)] : []), ...(own.length ? [blockOf(own)] : [])];
  });
}

/** Characters of a piece, spaces left out: a spaced-out justified line counts as the same line unspaced. */
const inked = (s: Segment): number => [...s.text.replace(/\s/gu, '')].length;

/**
 * A line of running text stopped mid-sentence: a comma or the like inside (a headline's line has
 * none as a rule), no sentence end, no photo credit (`…摄`) at its end, not a subtitle (`——…`).
 */
const runningLine = (text: string): boolean => {
  const t = text.replace(/\s/gu, '');
  return /[，、；：,;:]./u.test(t) && !SENTENCE_END.test(t) && !/^——|摄$/u.test(t);
};

/**
 * A column's first line set apart from the rest of its column: the opening line of an essay whose
 * headline is printed down the page's side (人民日报's theory pages of 5 and 29 January 2018 as
 * `-layout` text) stands at the top of the page, and the headline's first glyphs and blank lines
 * come between it and the column's second line. blocksOf() ends a one-line block at a blank line
 * (it is a headline or a header as a rule), so the reading order put the line with the page's
 * top band, before every other story. A one-line block is that first line when the column under
 * it (two lines or more, within COLUMN_SKIP_ROWS, nothing between in its strip) has its left and
 * right edges (COLUMN_ALIGN_CELLS), it holds as many characters as the column's lines do
 * (OPENING_LINE_CHARS: a line of large type holds fewer for its width) and it is running text
 * stopped mid-sentence (`runningLine`; without it, captions over a story's first column and a
 * kicker's line over the headline's were joined on the typeset news pages). It is read as the
 * column's first line, where the column is read.
 */
function joinLoneOpenings(ordered: readonly Block[], lines: readonly Segment[][]): Block[] {
  const first = lines.findIndex((segs) => segs.length > 0);
  const byTop = [...ordered].sort((a, b) => a.top - b.top || a.left - b.left);
  // the column under each line joined, and that line by its column
  const into = new Map<Block, Block>();
  const onto = new Map<Block, Block>();
  for (const a of byTop) {
    if (a.segs.length !== 1 || a.top === first || !runningLine(a.segs[0].text)) continue;
    const c = byTop.find(
      (b) =>
        b !== a &&
        b.top > a.bottom &&
        b.top - a.bottom - 1 <= COLUMN_SKIP_ROWS &&
        b.segs.length >= 2 &&
        Math.abs(b.left - a.left) <= COLUMN_ALIGN_CELLS &&
        Math.abs(b.right - a.right) <= COLUMN_ALIGN_CELLS,
    );
    if (!c || onto.has(c)) continue;
    let free = true;
    for (let r = a.bottom + 1; r < c.top && free; r++) free = !lines[r].some((s) => overlaps(span(a), s));
    const counts = c.segs.map(inked).sort((x, y) => x - y);
    const median = counts[counts.length >> 1];
    if (free && Math.abs(inked(a.segs[0]) - median) <= OPENING_LINE_CHARS * median) {
      into.set(a, c);
      onto.set(c, a);
    }
  }
  if (into.size === 0) return [...ordered];
  return ordered.flatMap((b) => {
    if (into.has(b)) return [];
    const a = onto.get(b);
    return a ? [blockOf([...a.segs, ...b.segs])] : [b];
  });
}

/** Groups of items cut where the sorted items leave a gap: [lo, hi) extents, gap in units between. */
function cuts<T>(items: readonly T[], lo: (t: T) => number, hi: (t: T) => number): { groups: T[][]; gaps: number[] } {
  const sorted = [...items].sort((a, b) => lo(a) - lo(b) || hi(a) - hi(b));
  const groups: T[][] = [];
  const gaps: number[] = [];
  let reach = -Infinity;
  for (const t of sorted) {
    if (groups.length && lo(t) >= reach) {
      gaps.push(lo(t) - reach);
      groups.push([t]);
    } else if (groups.length) groups[groups.length - 1].push(t);
    else groups.push([t]);
    reach = Math.max(reach, hi(t));
  }
  return { groups, gaps };
}

/** Groups rejoined where a cut is not kept (`keep[i]` is the cut between groups i and i + 1). */
function kept<T>(groups: readonly T[][], keep: readonly boolean[]): T[][] {
  const out: T[][] = [[...groups[0]]];
  keep.forEach((cut, i) => (cut ? out.push([...groups[i + 1]]) : out[out.length - 1].push(...groups[i + 1])));
  return out;
}

/**
 * Whether the columns run on across a horizontal cut: at least CONTINUED_COLUMNS blocks above it
 * have as nearest block below (overlapping them) one under the cut with the same left and right
 * edges (COLUMN_ALIGN_CELLS), and the right-most block reaching down to the cut stops
 * mid-sentence: the text goes on below. A story that ends there ends its last column with a
 * full stop. `below` gives each block the nearest block under it that overlaps it.
 */
function runsOn(above: readonly Block[], cut: number, below: ReadonlyMap<Block, Block>): boolean {
  // only blocks that reach down to the cut: nothing of the region above stands under them
  // (and reach down near it: a head at the region's top with nothing under it in its strip, set
  // over the last column, is no column that goes on, typeset news page 3 of seed 29)
  const bottom = Math.max(...above.map((a) => a.bottom));
  const headAbove = (a: Block): boolean => a.segs.length >= 2 && a.bottom < bottom - COLUMN_SKIP_ROWS && !a.segs.some((g) => SENTENCE_PUNCT.test(g.text));
  const lowest = above.filter((a) => (below.get(a)?.top ?? Infinity) >= cut && !headAbove(a));
  const on = lowest.filter((a) => {
    const b = below.get(a);
    return b !== undefined && Math.abs(b.left - a.left) <= COLUMN_ALIGN_CELLS && Math.abs(b.right - a.right) <= COLUMN_ALIGN_CELLS;
  });
  if (on.length < CONTINUED_COLUMNS) return false;
  const last = lowest.reduce((x, y) => (y.left > x.left ? y : x));
  return !SENTENCE_END.test(last.segs[last.segs.length - 1].text);
}

/**
 * Whether a narrow strip over the cut is the top of a column that goes on under it: everything over
 * the cut stands in a strip at most STRIP_MAX_SHARE of the region's width, and a block of it that
 * reaches down to the cut, a column's width (STRIP_COLUMN_MIN_CELLS: not a vertical head's glyphs set
 * one a line), stops mid-sentence and has under it a block with its right edge and its left edge, or
 * a left edge up to a paragraph's indent (STRIP_INDENT_MAX_CELLS) left of its own: the strip's block
 * may open on an indented line. An essay set down the page's side beside a lead whose head stands
 * lower opens on a few lines of its own at the page's top, with blank lines before its column goes
 * on beside the lead (人民日报's theory page of 16 January 2018 as `-layout` text: read as a band of
 * their own, those lines went to the lead under them, and the rest of the essay after the lead).
 */
function stripRunsOn(above: readonly Block[], region: readonly Block[], cut: number, below: ReadonlyMap<Block, Block>): boolean {
  const width = (bs: readonly Block[]) => Math.max(...bs.map((b) => b.right)) - Math.min(...bs.map((b) => b.left));
  if (width(above) > STRIP_MAX_SHARE * width(region)) return false;
  return above.some((a) => {
    const b = below.get(a);
    if (b === undefined || b.top < cut || a.right - a.left < STRIP_COLUMN_MIN_CELLS) return false;
    const indent = a.left - b.left;
    return Math.abs(b.right - a.right) <= COLUMN_ALIGN_CELLS && indent >= -COLUMN_ALIGN_CELLS && indent <= STRIP_INDENT_MAX_CELLS && !SENTENCE_END.test(a.segs[a.segs.length - 1].text);
  });
}

/** Each block's nearest block under it that overlaps it. */
function nearestBelow(blocks: readonly Block[]): Map<Block, Block> {
  const out = new Map<Block, Block>();
  for (const a of blocks) {
    for (const b of blocks) {
      if (b.top > a.bottom && overlaps(span(a), span(b)) && b.top < (out.get(a)?.top ?? Infinity)) out.set(a, b);
    }
  }
  return out;
}

/** A line that ends a sentence: full stop, question or exclamation mark, maybe closed by a quote or bracket. */
const SENTENCE_END = /[。！？!?][”’」』）)]?\s*$|[”」』）)]\s*$/u;

/** The horizontal cuts of a set of blocks, and which of them part stories stacked (see `readingOrder`). */
function stacked(blocks: readonly Block[]): { groups: Block[][]; apart: boolean[] } {
  const h = cuts(blocks, (b) => b.top, (b) => b.bottom + 1);
  const big = h.gaps.some((g) => g >= REGION_GAP_ROWS);
  const below = big && blocks.length <= LAYOUT_MAX_BLOCKS ? nearestBelow(blocks) : new Map<Block, Block>();
  const apart = h.gaps.map((g, i) => {
    if (g < REGION_GAP_ROWS) return false;
    const above = h.groups.slice(0, i + 1).flat();
    const cut = h.groups[i + 1][0].top;
    return !runsOn(above, cut, below) && !stripRunsOn(above, blocks, cut, below);
  });
  return { groups: h.groups, apart };
}

/**
 * Where side-by-side parts hold stories stacked that the whole region does not: the longest run
 * of parts from the left (or, failing that, from the right) with a cut of its own between stacked
 * stories (`stacked`). Two stories stacked on the left of a page beside a story that runs the
 * page's height on the right (a vertical headline's, 人民日报's theory pages of 2 and 4 January
 * 2018 as `-layout` text) are read one after the other, then the one beside them; cutting at
 * every gutter first reads each column strip down the whole page, through both stories.
 */
function stackedSide(parts: readonly Block[][]): number | undefined {
  if (parts.length < 3 || parts.flat().length > STACKED_SIDE_MAX_BLOCKS) return undefined;
  const has = (ps: readonly Block[][]): boolean => {
    const st = stacked(ps.flat());
    return st.apart.some((cut, i) => cut && opensWithHead(st.groups[i + 1], st.groups.slice(i + 1).flat()));
  };
  for (let k = parts.length - 1; k >= 2; k--) if (has(parts.slice(0, k))) return k;
  for (let k = 1; k <= parts.length - 2; k++) if (has(parts.slice(k))) return k;
  return undefined;
}

/**
 * Whether the region under a cut opens with a head: a line standing alone (a block of one line)
 * in its first band with a column (two lines or more) of the region under it. A region that opens
 * with columns' text only is the same story's columns the extractor set apart by a line of other
 * type beside them (the news pages' `-layout` text, where a headline in large type beside the
 * columns leaves blank lines across them).
 */
function opensWithHead(first: readonly Block[], region: readonly Block[]): boolean {
  return first.some((h) => h.top === h.bottom && region.some((c) => c.top > h.bottom && c.bottom > c.top && overlaps(span(h), span(c))));
}

/**
 * A headline printed down the right side of its essay's first column (人民日报's theory pages,
 * one essay a page, as `-layout` text: the extractor gives the vertical headline one line, level
 * with the column's top) is read before that column, not after it: the right-most part is one
 * line of headline type alone in its strip (no sentence punctuation, not a note in brackets
 * `（作者单位：…）`, VERTICAL_HEAD_MIN_CHARS characters or more) and the part left of it has a
 * column (two lines or more) whose top is at most a line above the headline's. Read left to
 * right, the essay's first column went to the story before it.
 */
function headBesideFirst(parts: readonly Block[][]): Block[][] {
  const n = parts.length;
  if (n < 2 || parts[n - 1].length !== 1) return [...parts];
  const [h] = parts[n - 1];
  const text = h.segs[0].text.replace(/\s/gu, '');
  if (h.top !== h.bottom || [...text].length < VERTICAL_HEAD_MIN_CHARS || SENTENCE_PUNCT.test(text) || /^[（(]/u.test(text)) return [...parts];
  const top = parts[n - 2].reduce((a, b) => (b.top < a.top ? b : a));
  if (top.segs.length < 2 || top.top < h.top - 1) return [...parts];
  return [...parts.slice(0, n - 2), [h], parts[n - 2]];
}

/**
 * A story's head set over its columns in pieces that stand in different column strips, the upper
 * piece in a strip further right: a 13-character kicker over the second and third columns, two
 * lines above the 15-character headline over the first (人民日报's theory page of 10 January
 * 2018 as `-layout` text). Read strip by strip, the headline and the first column came before the
 * kicker, and the story's first column went to the story above as a section under a crosshead.
 * The head band is the one-line blocks that end before any column (two lines or more) of the region
 * starts; when the strips read left to right would put a lower piece of it before a higher one, it
 * is read first, top to bottom. Heads of stories side by side stand level, each over its own
 * columns, and are read with them as before.
 */
function headBandAcross(parts: readonly Block[][]): Block[] {
  const all = parts.flat();
  const columnTop = Math.min(...all.filter((b) => b.segs.length >= 2).map((b) => b.top));
  const band = parts.map((p) => p.filter((b) => b.top === b.bottom && b.bottom < columnTop));
  if (band.flat().some((b) => SENTENCE_PUNCT.test(b.segs[0].text))) return [];
  // (a strip whose own head stands level with the lower piece holds a story beside, its kicker
  // higher: two stories' heads, each read with its columns; a name level with it, `韩立坤` or
  // `欧阳小明`, is no head)
  const headLike = (t: string) => [...t].length > SIGNED_NAME_MAX_CHARS && !isSignedName(t) && !looksLikeName(t);
  const headLevel = (p: readonly Block[], hi: Block, lo: Block) => p.some((x) => x !== hi && Math.abs(x.top - lo.top) <= 1 && headLike(x.segs[0].text.replace(/\s/gu, '')));
  const inverted = band.some((p, i) => p.some((hi) => band.slice(0, i).some((q) => q.some((lo) => lo.top - hi.top >= REGION_GAP_ROWS && !headLevel(p, hi, lo)))));
  return inverted ? band.flat().sort((a, b) => a.top - b.top || a.left - b.left) : [];
}

/**
 * Blocks in reading order, cut recursively like a page is read: stories stacked with
 * REGION_GAP_ROWS blank lines between them one after the other, unless the columns run on
 * across the blank lines (`runsOn`); else the running head over the page; else side-by-side
 * parts (a vertical strip of white through the whole region) left to right, those that hold
 * stories stacked first as one region (`stackedSide`); else bands stacked
 * without space (a headline over its columns) top to bottom. Blocks that no cut separates are
 * read top to bottom, left to right.
 *
 * Measured on the `-layout` text (`npm run eval`) against two other ways: reading each band's
 * columns and then the next band's (no `runsOn`) cuts the development pages' essays where the
 * extractor left blank lines across their columns (sentences kept whole 0.925 against 0.949,
 * boundaries 0.095 against 0.110; the news pages' sentences 0.927 against 0.932); splitting side
 * by side before taking off the running head reads the head's pieces between columns (news
 * boundaries 0.685 against 0.704, development 0.097 against 0.110).
 */
function readingOrder(blocks: Block[]): Block[] {
  if (blocks.length <= 1) return blocks;
  const h = stacked(blocks);
  if (h.apart.some(Boolean)) return kept(h.groups, h.apart).flatMap(readingOrder);
  // a line of pieces over everything else, each a block of one line (the page's running head):
  // read first, left to right, before any split into side-by-side parts would scatter its pieces
  const top = h.groups[0];
  if (h.groups.length > 1 && top.length >= 2 && top.every((b) => b.top === b.bottom)) {
    return [...[...top].sort((a, b) => a.left - b.left), ...readingOrder(h.groups.slice(1).flat())];
  }
  const v = cuts(blocks, (b) => b.left, (b) => b.right);
  // a side-by-side cut needs a gutter's width of white: blocks touching edge to edge are one
  // column's lines cut apart, not two columns
  const sides = v.gaps.map((g) => g >= GUTTER_MIN_CELLS);
  if (sides.some(Boolean)) {
    const parts = kept(v.groups, sides);
    const band = headBandAcross(parts);
    if (band.length) return [...band, ...readingOrder(blocks.filter((b) => !band.includes(b)))];
    const k = stackedSide(parts);
    if (k !== undefined) return [...readingOrder(parts.slice(0, k).flat()), ...readingOrder(parts.slice(k).flat())];
    return headBesideFirst(parts).flatMap(readingOrder);
  }
  if (h.groups.length > 1) return h.groups.flatMap(readingOrder);
  return [...blocks].sort((a, b) => a.top - b.top || a.left - b.left);
}

const stackedType = ({ lines, strips }: { lines: Segment[][]; strips: readonly Strip[] }): Block[] => joinStackedType(joinStrips(joinLoneOpenings(readingOrder(blocksOf(lines)), lines), strips), lines);

/** The pieces of every page, in blocks, in reading order. */
function readPages(lines: readonly string[]): { first: number; blocks: Block[] }[] {
  return pagesOf(lines).map((p) => ({ first: p.first, blocks: stackedType(splitVerticalStrips(p.rows, joinJustifiedGaps(segmentsOf(p.rows)))) }));
}

/** Whether a page of the file is too big to measure (LAYOUT_MAX_CELLS). */
const tooBig = (lines: readonly string[]): boolean => {
  let width = 0;
  let rows = 0;
  for (const l of lines) {
    if (l.startsWith('\f')) width = rows = 0;
    width = Math.max(width, l.length);
    rows++;
    if (width * rows > LAYOUT_MAX_CELLS || rows > LAYOUT_MAX_ROWS) return true;
  }
  return false;
};

/** Whether the text is laid out like the page, columns side by side (see LAYOUT_SHARE). */
export function isLayoutText(lines: readonly string[]): boolean {
  const text = lines.filter((l) => l.trim() !== '');
  if (text.length < LAYOUT_MIN_LINES) return false;
  // cheap first: a placed line holds a run of spaces between text, or starts far in
  const gapped = text.filter((l) => /\S {2,}\S|^ {6,}\S/u.test(l)).length;
  if (gapped / text.length < LAYOUT_SHARE || tooBig(lines)) return false;
  let placed = 0;
  for (const p of pagesOf(lines)) {
    for (const segs of segmentsOf(p.rows)) if (segs.length >= 2 || (segs.length === 1 && segs[0].start >= PLACED_CELLS)) placed++;
  }
  return placed / text.length >= LAYOUT_SHARE;
}

/**
 * Whether the block's line k is a paragraph's first line, set in by an indent (2 to
 * COLUMN_ALIGN_CELLS cells) from the line right under it, which starts at the column's left edge.
 */
function setInAt(block: Block, k: number): boolean {
  const [line, under] = [block.segs[k], block.segs[k + 1]];
  if (line === undefined || under === undefined || under.row !== line.row + 1 || under.start > block.left + 1) return false;
  const indent = line.start - under.start;
  return indent >= 2 && indent <= COLUMN_ALIGN_CELLS;
}

/**
 * Whether a block opens with a head set over its column: one line of head type (no sentence
 * punctuation, not spaced glyph by glyph) more than COLUMN_GAP_ROWS lines above the column's first
 * line, which is set in (setInAt). The column rules keep the head in the block (it stands at the
 * column's left edge, the space between holds other columns' text only), and without a blank line
 * between, the essay's indented first line (14 characters cut mid-phrase, short of the column by its
 * indent and ending on no punctuation) was read as the head's second line (人民日报's theory page of
 * 25 January 2018).
 */
function headOverIndent(block: Block): boolean {
  const [head, first] = block.segs;
  if (first === undefined || first.row - head.row <= COLUMN_GAP_ROWS || !setInAt(block, 1)) return false;
  const text = head.text.trim();
  return !SENTENCE_PUNCT.test(text) && !/\s/u.test(text);
}

/**
 * The page column by column, region by region (see `readingOrder`). Every character of the
 * input is in the output once: pieces are cut only at runs of spaces. A blank line stands
 * between blocks.
 */
export function readColumns(lines: readonly string[]): PlacedLine[] {
  if (tooBig(lines)) return lines.map((text, i) => ({ no: i + 1, text }));
  const out: PlacedLine[] = [];
  const push = (line: PlacedLine): void => {
    const blank = line.text.trim() === '';
    if (blank && (out.length === 0 || out[out.length - 1].text.trim() === '')) return;
    out.push(line);
  };
  for (const page of readPages(lines)) {
    for (const block of page.blocks) {
      // no blank line inside a block where it runs on across empty lines: they are the space a
      // headline beside it takes, not a paragraph's end (a blank line there cost the news pages
      // 0.03 of their boundaries and sentences kept whole)
      block.segs.forEach((s, k) => {
        if (k === 1 && headOverIndent(block)) push({ no: page.first + s.row, text: '' });
        push(setInAt(block, k) ? { no: page.first + s.row + 1, text: s.text, setIn: true } : { no: page.first + s.row + 1, text: s.text });
      });
      push({ no: page.first + block.bottom + 1, text: '' });
    }
  }
  while (out.length && out[out.length - 1].text.trim() === '') out.pop();
  return out;
}

/** The column blocks of a page as cell ranges, in reading order: for tests and diagnostics. */
export function findBlocks(lines: readonly string[]): { top: number; bottom: number; left: number; right: number; text: string }[] {
  return readPages(lines).flatMap((p) =>
    p.blocks.map((b) => ({ top: p.first + b.top + 1, bottom: p.first + b.bottom + 1, left: b.left, right: b.right, text: b.segs.map((s) => s.text).join('') })),
  );
}

