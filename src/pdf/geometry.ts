/**
 * Geometry of a newspaper page read from its PDF (src/pdf/read.ts → layout.ts lines and blocks):
 * the body type, the heads of articles (headline, kicker, subtitle, author lines), which head a
 * column piece belongs to, paragraphs by indent, photo credits. Pure functions shared by the
 * product's PDF segmenter (src/pdf/segment.ts) and the development set's gold derivation
 * (src/segment/eval/devset.ts), which is where they were first measured (on the fourteen
 * 人民日报 pages of ../shared/corpus-dev/, body type 8.3 pt).
 */
import { horizontalOverlap, readingOrder, type Box, type TextBlock, type TextLine } from './layout.ts';

/** Remove every whitespace character (the text of a line is compared without its spacing). */
export function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0\ufeff]+/gu, '');
}

/** An article's head: its headline lines (stacked, or one vertical line), kicker, subtitle, author lines, and the body blocks given to it. */
export interface Head {
  headline: TextLine[];
  vertical: boolean;
  box: Box;
  kicker?: TextLine;
  subtitle: TextLine[];
  authorLines: TextLine[];
  blocks: TextBlock[];
}

/** Most frequent type size, counted in characters: the body type. */
export function bodySize(lines: readonly TextLine[]): number {
  const count = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.size * 10) / 10;
    count.set(k, (count.get(k) ?? 0) + l.text.length);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

export function boxOf(lines: readonly Box[]): Box {
  return {
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1)),
    top: Math.min(...lines.map((l) => l.top)),
    bottom: Math.max(...lines.map((l) => l.bottom)),
  };
}

export const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/**
 * Author names from the name lines of one article. Names stand in runs; a two-character name is set
 * as two one-character runs a character apart (to line up with three-character names), so two
 * single characters in a row make one name.
 */
export function namesOf(lines: readonly TextLine[]): string[] {
  const vertical = lines.some((l) => l.vertical);
  const runs = [...lines].sort((a, b) => (vertical ? a.top - b.top : a.top - b.top || a.x0 - b.x0)).map((l) => squash(l.text));
  const names: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    if ([...r].length === 1 && i + 1 < runs.length && [...runs[i + 1]!].length === 1) {
      names.push(r + runs[i + 1]!);
      i++;
    } else names.push(r);
  }
  return names;
}


/** Lines of the head of each article: headline lines stacked, or one vertical headline. */
export function findHeads(display: readonly TextLine[], minSize: number): Head[] {
  const big = display.filter((l) => l.size >= minSize).sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const heads: Head[] = [];
  for (const l of big) {
    // A second headline line of the same size directly under the first continues it.
    const prev = heads.find((h) => {
      const last = h.headline[h.headline.length - 1]!;
      return !h.vertical && !l.vertical && near(last.size, l.size, 0.05 * l.size) && l.top - last.bottom < 0.6 * l.size && horizontalOverlap(last, l) > 0;
    });
    if (prev) {
      prev.headline.push(l);
      prev.box = boxOf(prev.headline);
    } else heads.push({ headline: [l], vertical: l.vertical, box: boxOf([l]), subtitle: [], authorLines: [], blocks: [] });
  }
  return heads;
}


/** Attach kickers, subtitles and author lines to heads; return the display lines left over. */
export function attachToHeads(heads: Head[], display: readonly TextLine[], authorSized: readonly TextLine[], B: number): TextLine[] {
  const used = new Set<TextLine>();
  for (const h of heads) {
    if (h.vertical) continue;
    const hs = h.headline[0]!.size;
    // Kicker: the nearest smaller display line just above, overlapping the headline.
    const above = display
      .filter((l) => !used.has(l) && !l.vertical && l.size < hs && l.bottom <= h.box.top + 1 && h.box.top - l.bottom < 0.8 * hs && horizontalOverlap(l, h.box) > 0)
      .sort((a, b) => b.bottom - a.bottom);
    if (above[0] && !above[0].text.startsWith('——')) {
      h.kicker = above[0];
      used.add(above[0]);
    }
    // Subtitle: display lines chained under the headline, the first opening with a dash.
    let edge = h.box.bottom;
    for (;;) {
      const next = display
        .filter((l) => !used.has(l) && !l.vertical && l.size < hs && l.top >= edge - 1 && l.top - edge < 0.8 * l.size + (h.subtitle.length ? 0 : 0.3 * hs) && horizontalOverlap(l, h.box) > 0)
        .sort((a, b) => a.top - b.top || a.x0 - b.x0)[0];
      if (!next || (h.subtitle.length === 0 && !next.text.startsWith('——'))) break;
      if (h.subtitle.length && !near(next.size, h.subtitle[0]!.size, 0.1 * next.size)) break;
      h.subtitle.push(next);
      used.add(next);
      edge = next.bottom;
    }
  }
  // Authors: author-sized lines under a horizontal head (or its subtitle), or beside a vertical one.
  for (const l of authorSized) {
    let best: Head | undefined;
    let bestDist = Infinity;
    for (const h of heads) {
      let d = Infinity;
      if (h.vertical) {
        if (l.vertical && l.x1 <= h.box.x0 + 1 && h.box.x0 - l.x1 < 5 * B && l.top >= h.box.top - 1 && l.bottom <= h.box.bottom + 1) d = h.box.x0 - l.x1;
      } else if (!l.vertical) {
        const base = h.subtitle.length ? boxOf([h.box, ...h.subtitle]).bottom : h.box.bottom;
        if (l.top >= base - 1 && l.top - base < 6 * B && horizontalOverlap(l, h.box) > 0) d = l.top - base;
      }
      if (d < bestDist) {
        bestDist = d;
        best = h;
      }
    }
    if (best) best.authorLines.push(l);
  }
  return display.filter((l) => !used.has(l) && !heads.some((h) => h.headline.includes(l)));
}


/**
 * Which head a body block belongs to: the nearest head above it that overlaps it horizontally, or
 * a vertical headline to its right whose frame the block shares (the essay in the right-hand
 * column has its headline set vertically at the right edge, its body to the left and below).
 */
export function ownerOf(block: TextBlock, heads: readonly Head[], B: number): Head | undefined {
  let best: Head | undefined;
  let bestDist = Infinity;
  for (const h of heads) {
    let d = Infinity;
    if (h.box.bottom <= block.top + B && horizontalOverlap(h.box, block) > 2 * B) d = block.top - h.box.bottom;
    else if (h.vertical && block.x0 < h.box.x0 && h.box.x0 - block.x1 < 40 * B && block.bottom > h.box.top - 40 * B && block.top < h.box.bottom + 4 * B) {
      d = Math.max(0, h.box.x0 - block.x1, h.box.top - block.bottom);
    }
    if (d < bestDist) {
      bestDist = d;
      best = h;
    }
  }
  return best;
}


export interface Paragraph {
  lines: TextLine[];
  /** Index of each line's block in the flow: a sentence spanning two blocks is not scored. */
  blockOf: number[];
}

/**
 * Paragraphs of one article's body lines in reading order: a line starts a paragraph when it is
 * indented by more than one character from its column's left edge. `breakBefore` marks lines after
 * which a paragraph must end whatever the indent says (a crosshead stood in between).
 */
export function paragraphsOf(blocks: readonly TextBlock[], B: number, breakBefore: ReadonlySet<TextBlock>): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const b of blocks) {
    // The column's left edge: the median start of its lines and of the lines of blocks in the same
    // column (a line opening with a quotation mark starts further left; a one-line block has no
    // edge of its own).
    const peers = blocks.filter((o) => horizontalOverlap(o, b) > 0.5 * Math.min(o.x1 - o.x0, b.x1 - b.x0));
    const starts = peers.flatMap((p) => p.lines.map((l) => l.x0)).sort((x, y) => x - y);
    // the lowest start two lines share: a median is an indent where most paragraphs are one or
    // two lines (news09: 7 of 13 lines open a paragraph); a quotation mark hangs half a character
    // left, less than the indent the test below asks for
    const shared = starts.find((x, k) => k + 1 < starts.length && starts[k + 1]! - x < 0.2 * B);
    const left = shared ?? starts[Math.floor(starts.length / 2)]!;
    const k = blocks.indexOf(b);
    b.lines.forEach((l, i) => {
      const indented = l.x0 - left > 1.0 * B;
      const cur = paragraphs[paragraphs.length - 1];
      if (!cur || indented || (i === 0 && breakBefore.has(b))) paragraphs.push({ lines: [l], blockOf: [k] });
      else {
        cur.lines.push(l);
        cur.blockOf.push(k);
      }
    });
  }
  return paragraphs;
}


/** A photo credit line under a caption: `…记者 甲 乙摄` (the name alone is the photographer). */
const PHOTO_CREDIT = /^(?:.*记者)?(\S{2,4})摄$/u;

export interface PhotoCredit {
  text: string;
  name: string;
  box: Box;
  /** The runs it is made of. */
  lines: TextLine[];
}

/**
 * Photo credits among body-sized lines: the rightmost runs of a row that together end in 摄,
 * sitting close together (`…记者 甲 乙摄`, the name set as spaced runs).
 */
export function photoCredits(body: readonly TextLine[], B: number): PhotoCredit[] {
  const creditRows = new Map<number, TextLine[]>();
  for (const l of body) {
    const row = [...creditRows.keys()].find((y) => near(y, l.bottom, 0.3 * B));
    if (row === undefined) creditRows.set(l.bottom, [l]);
    else creditRows.get(row)!.push(l);
  }
  const credits: PhotoCredit[] = [];
  for (const row of creditRows.values()) {
    const sorted = row.sort((a, b) => a.x0 - b.x0);
    const endAt = sorted.findIndex((l) => squash(l.text).endsWith('摄'));
    if (endAt === -1) continue;
    let from = endAt;
    while (from > 0 && sorted[from]!.x0 - sorted[from - 1]!.x1 < 1.5 * B && squash(sorted.slice(from - 1, endAt + 1).map((l) => l.text).join('')).length <= 12) from--;
    const parts = sorted.slice(from, endAt + 1);
    const text = squash(parts.map((l) => l.text).join(''));
    const m = PHOTO_CREDIT.exec(text);
    if (!m) continue;
    credits.push({ text, name: m[1]!, box: boxOf(parts), lines: parts });
  }
  return credits;
}

/** The block a photo credit closes: the nearest block right above it, overlapping it. */
export function captionAbove<T extends TextBlock>(credit: PhotoCredit, blocks: readonly T[], B: number): T | undefined {
  return blocks
    .filter((b) => horizontalOverlap(b, credit.box) > 0 && credit.box.top - b.bottom >= -1 && credit.box.top - b.bottom < 2 * B)
    .sort((a, b) => b.bottom - a.bottom)[0];
}

/**
 * A column beside an article's columns, starting at or below that article's headline and lining up
 * with the tops or the feet of its columns, belongs to it even though the headline's type ends short
 * of it (2018-01-04: the lower article's last column stands right of its headline). Moves such
 * blocks between heads, in place.
 */
export function moveBesideColumns(heads: readonly Head[], B: number): void {
  for (const h1 of heads) {
    for (const b of [...h1.blocks]) {
      const to = heads.find((h2) => {
        if (h2 === h1 || h2.vertical || h2.blocks.length === 0 || h2.box.top <= h1.box.bottom) return false;
        const frame = boxOf(h2.blocks);
        const gap = Math.max(frame.x0 - b.x1, b.x0 - frame.x1);
        // Beside the frame, starting no higher than its headline, lining up with its columns, while
        // the rest of the article it was given to ends above that headline.
        if (!h1.blocks.every((o) => o === b || o.bottom <= h2.box.top + B)) return false;
        return gap >= 0 && gap < 3 * B && b.top >= h2.box.top - 4 * B && (near(b.top, frame.top, B) || near(b.bottom, frame.bottom, B));
      });
      if (to) {
        h1.blocks.splice(h1.blocks.indexOf(b), 1);
        to.blocks.push(b);
      }
    }
  }
}

/** The end of a block that closes an article with an affiliation note. */
const CLOSING_NOTE = /（作者(?:为|单位|系)[^（）]*）$/u;
/** Text that ends a sentence (a block ending otherwise runs on elsewhere). */
const SENTENCE_END = /[。！？…][”’」』）]*$/u;

/**
 * Each head's blocks in reading order. An affiliation note closes its article: blocks read after
 * it belong to another article, one whose text breaks off mid-sentence (on 2018-01-02 the last
 * column of the lower article runs on under the right-hand essay); so do the orphans (blocks no
 * head claimed), each to the nearest article left open. Orphans no open article takes are
 * returned.
 */
export function flowsOf(heads: readonly Head[], orphanBlocks: readonly TextBlock[]): { flows: Map<Head, TextBlock[]>; left: TextBlock[] } {
  const orphans = [...orphanBlocks];
  const flows = new Map<Head, TextBlock[]>();
  for (const h of heads) {
    const flow = readingOrder(h.blocks);
    const k = flow.findIndex((b) => CLOSING_NOTE.test(squash(b.lines.map((l) => l.text).join(''))));
    if (k !== -1 && k < flow.length - 1) orphans.push(...flow.splice(k + 1));
    flows.set(h, flow);
  }
  const left: TextBlock[] = [];
  for (const o of readingOrder(orphans)) {
    const open = heads.filter((h) => {
      const last = flows.get(h)!.at(-1);
      // closed: its text ends a sentence, or the affiliation note (`…原副主任）` ends no sentence)
      return last && !SENTENCE_END.test(squash(last.lines.at(-1)!.text)) && !CLOSING_NOTE.test(squash(last.lines.map((l) => l.text).join('')));
    });
    const dist = (h: Head) => {
      const last = flows.get(h)!.at(-1)!;
      return Math.hypot(Math.max(0, o.x0 - last.x1), Math.abs(o.top - last.top));
    };
    const to = open.sort((a, b) => dist(a) - dist(b))[0];
    if (to) flows.get(to)!.push(o);
    else left.push(o);
  }
  return { flows, left };
}
