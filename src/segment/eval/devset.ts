/**
 * A labelled development set derived from the geometry of real newspaper PDFs (issue #12): for
 * each one-page PDF of 人民日报 page 7 in ../shared/corpus-dev/pdf/, the page header facts and the
 * articles in the shape of tests/gold/*.json, so every extractor's text of that page can be scored
 * like the hand-annotated sample.
 *
 * Pure: a PdfPage (src/pdf/read.ts) in, a DevGold out. The reading of files and the cache live in
 * devset-load.ts. The corpus is copyrighted: what this derives is held in memory or in .cache/,
 * never committed.
 *
 * What the geometry says on these pages (measured on all fourteen, body type 8.3 pt):
 *   - the header (page number and section in 33 pt, date and weekday in 11 pt) sits in the top 50 pt;
 *   - headlines are set in 29–52 pt, horizontally or vertically (the right-hand essay);
 *   - kickers (引题) in about 17 pt sit just above their headline; subtitles start with `——` just
 *     below it; section banners (26 pt) and graphic titles stand apart from any headline;
 *   - authors are 9.7 pt names alone under the headline (or beside a vertical one), a two-character
 *     name set as two runs a character apart;
 *   - crossheads (12.9 pt) and pull quotes (11 pt) stand inside the columns;
 *   - paragraphs start with a two-character indent.
 */
import type { PdfPage } from '../../pdf/read.ts';
import {
  horizontalOverlap,
  itemsToLines,
  linesToBlocks,
  readingOrder,
  type Box,
  type TextBlock,
  type TextLine,
} from '../../pdf/layout.ts';
import { squash, type GoldArticle, type GoldFile } from './gold.ts';

export interface DevArticle extends GoldArticle {
  /** Affiliation notes closing the article: `（作者为…）`, `（作者单位：…）`, whitespace removed. */
  affiliations: string[];
}

export interface DevGold extends GoldFile {
  articles: DevArticle[];
  /** From the page header: ISO date, weekday, printed page number, section name (版名). */
  issue_date: string;
  weekday: string;
  page: number;
  section: string;
  /** Display lines that belong to no article: section banners, titles of graphics. */
  labels: string[];
}

/** Bump when the derivation changes, so cached derivations are recomputed. */
export const DERIVATION_VERSION = 1;

/** Height of the page header band, in points from the top edge. */
const HEADER_BAND = 50;
/** Smallest headline, in multiples of the body size (29.4 / 8.3 ≈ 3.5; banners are at most 26.1 / 8.3 ≈ 3.1). */
const HEADLINE_MIN = 3.3;

const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/u;
const WEEKDAY = /星期[一二三四五六日天]/u;
const PAGE_SECTION = /^(\d{1,2})(\D+)$/u;
/** Page credits set in body type at the foot of the page: 制图：…, 责编：… (page furniture). */
const PAGE_CREDIT = /^(?:本版)?(?:制图|责编|责任编辑|版式设计|图片编辑)[：:]/u;
/** The end of a block that closes an article with an affiliation note. */
const CLOSING_NOTE = /（作者(?:为|单位|系)[^（）]*）$/u;
/** Text that ends a sentence (a block ending otherwise runs on elsewhere). */
const SENTENCE_END = /[。！？…][”’」』）]*$/u;
/** A photo credit line under a caption: `新华社记者 徐 昱摄` (the name alone is the photographer). */
const PHOTO_CREDIT = /^(?:.*记者)?(\S{2,4})摄$/u;
/** The source note of a chart or table: furniture of the graphic, not article text. */
/** The credit of a cartoon or drawing: `某某作（新华社发）`. */
const ART_CREDIT = /(?:作|绘)[（(][^）)]*发[）)]$/u;
const SOURCE_NOTE = /^数据来源[：:]/u;
const AFFILIATION = /^（作者(?:为|单位|系)[^）]*）$/u;
/** Sentence ends: a full stop, question or exclamation mark, with any closing quotes or brackets after it. */
const SENTENCE = /[^。！？]*[。！？][”’」』）]*/gu;

interface Head {
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

function boxOf(lines: readonly Box[]): Box {
  return {
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1)),
    top: Math.min(...lines.map((l) => l.top)),
    bottom: Math.max(...lines.map((l) => l.bottom)),
  };
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/** The header facts from the lines in the header band. */
function readHeader(lines: readonly TextLine[]): { issue_date: string; weekday: string; page: number; section: string } {
  const text = lines.map((l) => squash(l.text));
  const date = text.map((t) => DATE.exec(t)).find((m) => m);
  const weekday = text.map((t) => WEEKDAY.exec(t)).find((m) => m);
  const ps = text.map((t) => PAGE_SECTION.exec(t)).find((m) => m);
  const iso = date ? `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}` : '';
  return { issue_date: iso, weekday: weekday?.[0] ?? '', page: ps ? Number(ps[1]) : 0, section: ps?.[2] ?? '' };
}

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
function findHeads(display: readonly TextLine[], B: number): Head[] {
  const big = display.filter((l) => l.size >= HEADLINE_MIN * B).sort((a, b) => a.top - b.top || a.x0 - b.x0);
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
function attachToHeads(heads: Head[], display: readonly TextLine[], authorSized: readonly TextLine[], B: number): TextLine[] {
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
function ownerOf(block: TextBlock, heads: readonly Head[], B: number): Head | undefined {
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

interface Paragraph {
  lines: TextLine[];
  /** Index of each line's block in the flow: a sentence spanning two blocks is not scored. */
  blockOf: number[];
}

/**
 * Paragraphs of one article's body lines in reading order: a line starts a paragraph when it is
 * indented by more than one character from its column's left edge. `breakBefore` marks lines after
 * which a paragraph must end whatever the indent says (a crosshead stood in between).
 */
function paragraphsOf(blocks: readonly TextBlock[], B: number, breakBefore: ReadonlySet<TextBlock>): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const b of blocks) {
    // The column's left edge: the median start of its lines and of the lines of blocks in the same
    // column (a line opening with a quotation mark starts further left; a one-line block has no
    // edge of its own).
    const peers = blocks.filter((o) => horizontalOverlap(o, b) > 0.5 * Math.min(o.x1 - o.x0, b.x1 - b.x0));
    const starts = peers.flatMap((p) => p.lines.map((l) => l.x0)).sort((x, y) => x - y);
    const left = starts[Math.floor(starts.length / 2)]!;
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

/** Shortest prefix (at least `min` characters) of `s` that occurs once in `hay`; the whole of `s` if none. */
function uniquePrefix(s: string, hay: string, min: number): string {
  for (let n = Math.min(min, s.length); n <= s.length; n++) {
    const p = s.slice(0, n);
    if (hay.indexOf(p) === hay.lastIndexOf(p)) return p;
  }
  return s;
}

function uniqueSuffix(s: string, hay: string, min: number): string {
  for (let n = Math.min(min, s.length); n <= s.length; n++) {
    const p = s.slice(s.length - n);
    if (hay.indexOf(p) === hay.lastIndexOf(p)) return p;
  }
  return s;
}

/**
 * Sentences worth scoring: long enough to mean something, short enough to stay inside one column
 * run in every extractor's text, and occurring once on the page.
 */
function goodSentence(s: string, pageText: string): boolean {
  const n = [...s].length;
  return n >= 8 && n <= 120 && pageText.indexOf(s) === pageText.lastIndexOf(s) && !s.startsWith('（作者');
}

/** Derive the development gold of one page. `file` names the page (e.g. rmrb2018012307). */
export function deriveDevGold(file: string, page: PdfPage): DevGold {
  const lines = itemsToLines(page.items);
  const B = bodySize(lines);
  const header = lines.filter((l) => l.bottom <= HEADER_BAND);
  const rest = lines.filter((l) => l.bottom > HEADER_BAND);
  const isBody = (l: TextLine) => !l.vertical && near(l.size, B, 0.1 * B);
  const isAuthorSized = (l: TextLine) => l.size > 1.1 * B && l.size < 1.25 * B;
  const pageCredits = rest.filter((l) => isBody(l) && PAGE_CREDIT.test(squash(l.text)));
  const body = rest.filter((l) => isBody(l) && !pageCredits.includes(l));
  const authorSized = rest.filter(isAuthorSized);
  // Display type: anything larger than author names. Crossheads (≈1.55 B) and pull quotes (≈1.33 B)
  // are display type too but stand inside columns, never next to a headline.
  const display = rest.filter((l) => !isBody(l) && !isAuthorSized(l) && l.size >= 1.25 * B);

  const heads = findHeads(display, B);
  const leftover = attachToHeads(heads, display, authorSized, B);
  const insets = leftover.filter((l) => l.size < 1.8 * B); // crossheads and pull quotes
  const labels = leftover.filter((l) => l.size >= 1.8 * B);

  // Body blocks, and the crossheads that interrupt them (a crosshead closes the paragraph before it).
  // Photo credits: the body-sized runs on one baseline ending in 摄; the block right above is the caption.
  const creditRows = new Map<number, TextLine[]>();
  for (const l of body) {
    const row = [...creditRows.keys()].find((y) => near(y, l.bottom, 0.3 * B));
    if (row === undefined) creditRows.set(l.bottom, [l]);
    else creditRows.get(row)!.push(l);
  }
  const creditLines = new Set<TextLine>();
  const credits: { text: string; name: string; box: Box }[] = [];
  for (const row of creditRows.values()) {
    const sorted = row.sort((a, b) => a.x0 - b.x0);
    // The credit is the rightmost runs of the row that together end in 摄, sitting close together.
    const endAt = sorted.findIndex((l) => squash(l.text).endsWith('摄'));
    if (endAt === -1) continue;
    let from = endAt;
    while (from > 0 && sorted[from]!.x0 - sorted[from - 1]!.x1 < 1.5 * B && squash(sorted.slice(from - 1, endAt + 1).map((l) => l.text).join('')).length <= 12) from--;
    const parts = sorted.slice(from, endAt + 1);
    const text = squash(parts.map((l) => l.text).join(''));
    const m = PHOTO_CREDIT.exec(text);
    if (!m) continue;
    for (const l of parts) creditLines.add(l);
    credits.push({ text, name: m[1]!, box: boxOf(parts) });
  }
  const allBlocks = linesToBlocks(body.filter((l) => !creditLines.has(l)));
  const captions: { block: TextBlock; text: string; credit: string; name: string }[] = [];
  for (const c of credits) {
    const above = allBlocks
      .filter((b) => horizontalOverlap(b, c.box) > 0 && c.box.top - b.bottom >= -1 && c.box.top - b.bottom < 2 * B)
      .sort((a, b) => b.bottom - a.bottom)[0];
    if (above) captions.push({ block: above, text: squash(above.lines.map((l) => l.text).join('')), credit: c.text, name: c.name });
  }
  // Chart source notes; a cartoon's credit and the one-line title printed on its baseline.
  const artCredits = allBlocks.filter((b) => b.lines.length === 1 && ART_CREDIT.test(squash(b.lines[0]!.text)));
  const sourceNotes = allBlocks.filter(
    (b) =>
      SOURCE_NOTE.test(squash(b.lines[0]!.text)) ||
      artCredits.some((c) => b.lines.length === 1 && near(b.bottom, c.bottom, 0.3 * B) && Math.max(b.x0 - c.x1, c.x0 - b.x1) < 30 * B),
  );
  const blocks = allBlocks.filter((b) => !sourceNotes.includes(b) && !captions.some((c) => c.block === b));
  const insetBlocks = linesToBlocks(insets);
  const afterInset = new Set<TextBlock>();
  for (const b of blocks) {
    if (insetBlocks.some((i) => horizontalOverlap(i, b) > 0 && b.top - i.bottom >= -1 && b.top - i.bottom < 2 * B)) afterInset.add(b);
  }
  const orphans: TextBlock[] = [];
  for (const b of blocks) {
    const owner = ownerOf(b, heads, B);
    if (owner) owner.blocks.push(b);
    else orphans.push(b);
  }
  // A column beside an article's columns, starting at or below that article's headline and lining up
  // with the tops or the feet of its columns, belongs to it even though the headline's type ends short
  // of it (2018-01-04: the lower article's last column stands right of its headline).
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
  // An affiliation note closes its article: blocks read after it belong to another article, one
  // whose text breaks off mid-sentence (on 2018-01-02 the last column of the lower article runs on
  // under the right-hand essay).
  const flows = new Map<Head, TextBlock[]>();
  for (const h of heads) {
    const flow = readingOrder(h.blocks);
    const k = flow.findIndex((b) => CLOSING_NOTE.test(squash(b.lines.map((l) => l.text).join(''))));
    if (k !== -1 && k < flow.length - 1) orphans.push(...flow.splice(k + 1));
    flows.set(h, flow);
  }
  for (const o of readingOrder(orphans)) {
    const open = heads.filter((h) => {
      const last = flows.get(h)!.at(-1);
      return last && !SENTENCE_END.test(squash(last.lines.at(-1)!.text));
    });
    const dist = (h: Head) => {
      const last = flows.get(h)!.at(-1)!;
      return Math.hypot(Math.max(0, o.x0 - last.x1), Math.abs(o.top - last.top));
    };
    const to = open.sort((a, b) => dist(a) - dist(b))[0];
    if (to) flows.get(to)!.push(o);
  }

  const captionsOf = new Map<Head, typeof captions>();
  for (const c of captions) {
    const h = ownerOf(c.block, heads, B);
    if (h) captionsOf.set(h, [...(captionsOf.get(h) ?? []), c]);
  }
  const pageText = squash(body.map((l) => l.text).join(''));
  const sentences: string[] = [];
  const paragraphBreaks: [string, string][] = [];
  const articles: DevArticle[] = [];
  const ordered = readingOrder(heads.map((h) => ({ ...h.box, h }))).map((x) => x.h);
  for (const h of ordered) {
    const flow = flows.get(h)!;
    if (flow.length === 0) continue;
    const paragraphs = paragraphsOf(flow, B, afterInset);
    const paras = paragraphs.map((p) => squash(p.lines.map((l) => l.text).join('')));
    // Where each paragraph passes from one block (column piece) to the next: extractors may put
    // other text (a crosshead, a pull quote, a neighbouring column) in between.
    const seams = paragraphs.map((p) => {
      const at: number[] = [];
      let n = 0;
      p.lines.forEach((l, i) => {
        if (i > 0 && p.blockOf[i] !== p.blockOf[i - 1]) at.push(n);
        n += squash(l.text).length;
      });
      return at;
    });
    const affiliations = paras.filter((p) => AFFILIATION.test(p));
    const text = paras.filter((p) => !AFFILIATION.test(p));
    if (text.length === 0) continue;
    const first = text[0]!;
    const last = text[text.length - 1]!;
    const start = uniquePrefix(first, pageText, 12);
    const end = uniqueSuffix(last, pageText, 10);
    paras.forEach((p, i) => {
      if (AFFILIATION.test(p)) return;
      let from = 0;
      for (const m of p.match(SENTENCE) ?? []) {
        const to = from + m.length;
        if (goodSentence(m, pageText) && !seams[i]!.some((x) => x > from && x < to)) sentences.push(m);
        from = to;
      }
    });
    for (let i = 0; i + 1 < text.length; i++) {
      const a = uniqueSuffix(text[i]!, pageText, 8);
      const b = uniquePrefix(text[i + 1]!, pageText, 8);
      paragraphBreaks.push([a, b]);
    }
    articles.push({
      headline: squash(h.headline.map((l) => l.text).join('')),
      ...(h.kicker ? { kicker: squash(h.kicker.text) } : {}),
      ...(h.subtitle.length ? { subtitle: squash(h.subtitle.map((l) => l.text).join('')) } : {}),
      authors: namesOf(h.authorLines),
      photographers: (captionsOf.get(h) ?? []).map((c) => c.name),
      captions: (captionsOf.get(h) ?? []).map((c) => ({ text: c.text, credit: c.credit })),
      start,
      end,
      pages: [],
      affiliations,
    });
  }
  const facts = readHeader(header);
  for (const a of articles) a.pages = [facts.page];
  return {
    file,
    ...facts,
    articles,
    sentences,
    paragraph_breaks: paragraphBreaks,
    labels: [...labels, ...pageCredits].map((l) => squash(l.text)).concat(sourceNotes.map((b) => squash(b.lines.map((l) => l.text).join('')))),
  };
}
