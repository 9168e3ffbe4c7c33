import nodejieba from 'nodejieba';
import type { PlacedLine } from '../types.ts';
import { VERTICAL_PAIR_FILE_TRIES, VERTICAL_PAIR_MAX_ALONE, VERTICAL_PAIR_MAX_ROWS, VERTICAL_PAIR_MIN_ROWS } from '../thresholds.ts';
import { bracketsBalanced } from './chars.ts';

/** What a line with marks that do not pair costs: more than any count of characters alone. */
const UNPAIRED = 100;


/** One glyph of a vertical line: a Han character, a quote or title mark, a pause. */
const GLYPH = '[\\u4e00-\\u9fff“”‘’《》「」、，：·]';
/** A text line of two vertical lines side by side: a glyph of each, one space between (`港 贸`; a spaced name, `记  者`, has more). */
const TWO = new RegExp(`^(${GLYPH}) (${GLYPH})$`, 'u');
/** A text line where only one of them has a glyph (`外`). */
const ONE = new RegExp(`^(${GLYPH})$`, 'u');

/** How many Han characters nodejieba leaves standing alone in a text: the fewer, the better it reads. */
function loneHan(text: string): number {
  let n = 0;
  for (const w of nodejieba.cut(text)) if (w.length === 1 && /\p{Script=Han}/u.test(w)) n++;
  return n;
}

/**
 * Two lines of type set down the page side by side: a headline and its subtitle (`外贸企业抢抓年初
 * 订单` beside `港口集装箱吞吐量保持增长`), a headline and its byline. Poppler's default text prints
 * each row of the page in turn: a glyph of each where both have one (`港 贸`), the glyph alone where
 * only one has (`外`, `口`), as the two sizes of type fall out of step. Read row by row, the two
 * came out interleaved (`港贸口集企装业箱`: typeset news page 9, seed 11). A run of such rows, set
 * apart by blank lines, with at least VERTICAL_PAIR_MIN_ROWS rows of two, is taken apart: the rows
 * of two say which glyph is whose (the right line's glyph is printed second); each glyph alone goes
 * to whichever line it makes read as words, the split for which nodejieba leaves the fewest
 * characters standing alone in the two lines, with their quotes paired. Left as it is: a run with
 * no glyph alone or more than VERTICAL_PAIR_MAX_ALONE, longer than VERTICAL_PAIR_MAX_ROWS rows or
 * past the file's budget of splits tried (VERTICAL_PAIR_FILE_TRIES), and one where two splits read as well (`智能产线跑出
 * “加速度”` beside `企业数字化改造见闻`: nodejieba knows neither 产线 nor 跑出, so `线跑出“…”` reads as
 * well alone). The right line comes first (a page is read from the right), then a blank line, then
 * the left; each glyph on a line of its own, under the line number of the row it was printed on. A
 * dash on a row of its own just above the run (`——`) opens the line of more glyphs: the subtitle,
 * set in the smaller type. Of the fourteen runs of such rows in poppler's default text of the news
 * pages and seven seeds, two are parted (the rest are three lines side by side, or tie); seed 11
 * subtitles 0.500 → 0.667, seed 29 boundaries 0.643 → 0.667; nothing else moved.
 */
export function splitVerticalPair(lines: readonly PlacedLine[]): PlacedLine[] {
  // (a row never starts with a space: a lone leading space marks a page's first line, which must
  // stay as printed)
  const rows: Row[] = lines.map((l) => {
    const t = l.text.trimEnd();
    const two = TWO.exec(t);
    if (two !== null) return { left: two[1]!, right: two[2]! };
    const one = ONE.exec(t);
    return one === null ? null : { alone: one[1]! };
  });
  // (set apart by blank lines: a run that text runs into is a part of three lines side by side,
  // `衡 改南` / … / `化 幸` / `之`, whose glyphs these rows cannot part)
  const apart = (k: number) => k < 0 || k >= lines.length || lines[k].text.trim() === '';
  const out: PlacedLine[] = [];
  let budget = VERTICAL_PAIR_FILE_TRIES;
  let i = 0;
  while (i < lines.length) {
    if (rows[i] === null) {
      out.push(lines[i]);
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && rows[end] !== null) end++;
    const run = lines.slice(i, end).map((l, k) => ({ no: l.no, row: rows[i + k]! }));
    const alone = run.filter((r) => 'alone' in r.row).length;
    // (at least one glyph alone: rows of two only, `男 女` / `老 少`, give nodejieba nothing to judge;
    // and within the file's budget of splits tried, so that no file costs more than a few seconds)
    const tries = 2 ** alone;
    const parts = run.length - alone >= VERTICAL_PAIR_MIN_ROWS && alone >= 1 && alone <= VERTICAL_PAIR_MAX_ALONE && run.length <= VERTICAL_PAIR_MAX_ROWS && tries <= budget && apart(i - 1) && apart(end);
    if (parts) budget -= tries;
    const parted = parts ? bestSplit(run, alone) : undefined;
    if (parted === undefined) {
      out.push(...lines.slice(i, end));
      i = end;
      continue;
    }
    // a dash printed on a row of its own over the run (`——`, a blank line between) opens the subtitle:
    // the line of more glyphs, set in the smaller type
    let above = out.length - 1;
    while (above >= 0 && out[above].text.trim() === '') above--;
    if (above >= 0 && /^[—－]{1,2}$/u.test(out[above].text.trim()) && out.length - above <= 2) {
      const [dash] = out.splice(above, out.length - above);
      (parted.left.length >= parted.right.length ? parted.left : parted.right).unshift(dash);
    }
    out.push(...parted.right, { no: parted.right[parted.right.length - 1].no, text: '' }, ...parted.left);
    i = end;
  }
  return out;
}

/** A row of the run: a glyph of each line, or one glyph alone. */
type Row = { left: string; right: string } | { alone: string } | null;

/** The run's glyphs given to the two lines, the glyphs alone as the bits of `mask` say (1: the right line). */
function split(run: readonly { no: number; row: NonNullable<Row> }[], mask: number): { left: PlacedLine[]; right: PlacedLine[] } {
  const left: PlacedLine[] = [];
  const right: PlacedLine[] = [];
  let bit = 0;
  for (const { no, row } of run) {
    if ('left' in row) {
      left.push({ no, text: row.left });
      right.push({ no, text: row.right });
    } else ((mask >> bit++) & 1 ? right : left).push({ no, text: row.alone });
  }
  return { left, right };
}

/**
 * Of every way to give the glyphs alone to the two lines, the one that reads best: fewest characters
 * nodejieba leaves alone, quotes paired (`线跑出“` is no line: the other holds the rest). Undefined
 * when two read as well: they say nothing (`智能产` / `线跑出“加速度”` or `线跑出“加速度”` / `智能产企业…`,
 * where nodejieba knows neither 产线 nor 跑出).
 */
function bestSplit(run: readonly { no: number; row: NonNullable<Row> }[], alone: number): { left: PlacedLine[]; right: PlacedLine[] } | undefined {
  const read = (text: string) => loneHan(text) + (bracketsBalanced(text) ? 0 : UNPAIRED);
  let best: { score: number; mask: number; tied: boolean } | undefined;
  for (let mask = 0; mask < 1 << alone; mask++) {
    let left = '';
    let right = '';
    let bit = 0;
    for (const { row } of run) {
      if ('left' in row) {
        left += row.left;
        right += row.right;
      } else if ((mask >> bit++) & 1) right += row.alone;
      else left += row.alone;
    }
    const score = read(left) + read(right);
    if (best === undefined || score < best.score) best = { score, mask, tied: false };
    else if (score === best.score) best.tied = true;
  }
  return best === undefined || best.tied ? undefined : split(run, best.mask);
}
