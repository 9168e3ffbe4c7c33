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
import { horizontalOverlap, itemsToLines, linesToBlocks, readingOrder, type TextBlock, type TextLine } from '../../pdf/layout.ts';
import { attachToHeads, bodySize, captionAbove, type Head, findHeads, flowsOf, moveBesideColumns, namesOf, near, ownerOf, paragraphsOf, photoCredits } from '../../pdf/geometry.ts';
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
/** The source note of a chart or table: furniture of the graphic, not article text. */
/** The credit of a cartoon or drawing: `某某作（新华社发）`. */
const ART_CREDIT = /(?:作|绘)[（(][^）)]*发[）)]$/u;
const SOURCE_NOTE = /^数据来源[：:]/u;
const AFFILIATION = /^（作者(?:为|单位|系)[^）]*）$/u;
/** Sentence ends: a full stop, question or exclamation mark, with any closing quotes or brackets after it. */
const SENTENCE = /[^。！？]*[。！？][”’」』）]*/gu;

export { bodySize, namesOf };

/** The header facts from the lines in the header band. */
function readHeader(lines: readonly TextLine[]): { issue_date: string; weekday: string; page: number; section: string } {
  const text = lines.map((l) => squash(l.text));
  const date = text.map((t) => DATE.exec(t)).find((m) => m);
  const weekday = text.map((t) => WEEKDAY.exec(t)).find((m) => m);
  const ps = text.map((t) => PAGE_SECTION.exec(t)).find((m) => m);
  const iso = date ? `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}` : '';
  return { issue_date: iso, weekday: weekday?.[0] ?? '', page: ps ? Number(ps[1]) : 0, section: ps?.[2] ?? '' };
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

  const heads = findHeads(display, HEADLINE_MIN * B);
  const leftover = attachToHeads(heads, display, authorSized, B);
  const insets = leftover.filter((l) => l.size < 1.8 * B); // crossheads and pull quotes
  const labels = leftover.filter((l) => l.size >= 1.8 * B);

  // Body blocks, and the crossheads that interrupt them (a crosshead closes the paragraph before it).
  // Photo credits: the body-sized runs on one baseline ending in 摄; the block right above is the caption.
  const credits = photoCredits(body, B);
  const creditLines = new Set<TextLine>(credits.flatMap((c) => c.lines));
  const allBlocks = linesToBlocks(body.filter((l) => !creditLines.has(l)));
  const captions: { block: TextBlock; text: string; credit: string; name: string }[] = [];
  for (const c of credits) {
    const above = captionAbove(c, allBlocks, B);
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
  moveBesideColumns(heads, B);
  const { flows } = flowsOf(heads, orphans);

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
