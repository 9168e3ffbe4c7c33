/**
 * The PDF segmenter (issue #17): the text items of a page PDF (read.ts), with their type sizes and
 * positions, → articles in the same shape as the text segmenter's (src/segment/types.ts), each with
 * its region on the page (`source.bbox`, PDF points, top-left origin), and a report in which every
 * text line of the page is either in an article or accounted for (page furniture, labels, text no
 * article took). Pure stages, in order:
 *
 *   items → lines (layout.ts) → the text layer: every line of every page numbered in reading order,
 *           the "raw text" of a PDF that `source.lines` and the site's raw view refer to
 *   lines → page header and foot (furniture: issue date, page number, section)
 *   lines → body type size; headlines by size (geometry.ts findHeads), kickers just above them,
 *           subtitles just under, bylines under those (or beside a vertical headline)
 *   display type left over → brief headlines, crossheads inside a column, labels
 *   body lines → column pieces (blocks) → the head each belongs to (geometry.ts ownerOf), in reading order
 *   small type next to a clear region (an image) or ending in a photo credit → captions
 *   blocks → paragraphs by first-line indent; datelines, closing credits, affiliation notes read
 *   with the text segmenter's rules (src/segment/rules/)
 *
 * Nothing here names a paper or a page size: thresholds are multiples of the page's own body type.
 */
import type { PdfPage } from './read.ts';
import { horizontalOverlap, itemsToLines, linesToBlocks, readingOrder, tidy, type Box, type TextBlock, type TextLine } from './layout.ts';
import { bodySize, boxOf, captionAbove, findHeads, flowsOf, near, paragraphsOf, photoCredits, squash, type Head } from './geometry.ts';
import { readPageHeader } from '../segment/rules/page-header.ts';
import { closingCreditStart, isRoleByline, isSignedName, parseCredits } from '../segment/rules/credits.ts';
import { parseCaption, photographersOf } from '../segment/rules/caption.ts';
import { parseDateline } from '../segment/rules/dateline.ts';
import { readAffiliation } from '../segment/rules/affiliation.ts';
import { looksLikeName } from '../segment/rules/names.ts';
import type { Article, BodyItem, Caption, Credit, ReportEntry } from '../segment/types.ts';

/** A line of the text layer: its number (1-based, across the file's pages) and its page. */
export interface LayerLine {
  no: number;
  page: number;
  line: TextLine;
}

/** A PDF page's lines in reading order: column pieces cut into columns, then rows (layout.ts readingOrder). */
export function pageLines(page: PdfPage): TextLine[] {
  const lines = itemsToLines(page.items);
  return readingOrder(linesToBlocks(lines)).flatMap((b) => b.lines);
}

/**
 * The text layer of a PDF: every line of every page in reading order, numbered from 1. This is
 * what a PDF's `source.lines` count, and what the site shows as the file's raw text.
 */
export function textLayer(pages: readonly PdfPage[]): LayerLine[] {
  const out: LayerLine[] = [];
  for (const p of pages) for (const line of pageLines(p)) out.push({ no: out.length + 1, page: p.number, line });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Thresholds: every one a multiple of the page's body type (B) or of the page's size, each with
// what it separates and where it was measured (人民日报 theory pages of ../shared/corpus-dev/, body
// 8.3 pt; the typeset news pages of tests/corpus-news/, body 9.5 pt).

/** The page header stands in the top eighth of the page (人民日报: top 50 of 1190 pt; news pages: 52 of 1150). */
const HEADER_BAND = 0.12;
/** Page credits printed at the foot (or anywhere in small type): editors, designers. */
const PAGE_CREDIT = /^(?:本版)?(?:制图|责编|责任编辑|编辑|美编|版式设计|版式|校对|图片编辑|审读)[：:]/u;
/** Body type: within 3% of the most common size (news bylines at 10 pt sit 5% above 9.5 pt body). */
const BODY_TOLERANCE = 0.03;
/** Headline type: at least 1.9 B (news headlines 20–36 pt on 9.5 = 2.1 B and up; 人民日报 crossheads 12.9 on 8.3 = 1.55 B). */
const HEADLINE_MIN = 1.9;
/** Brief headlines and crossheads: display type from 1.08 B (news brief heads 11 pt = 1.16 B). */
const MINOR_HEAD_MIN = 1.08;
/** A minor head this large with body text of its column right above it is a crosshead (人民日报 1.55 B; news brief heads 1.16 B). */
const CROSSHEAD_MIN = 1.3;
/**
 * …and its column's body ends at most this many of its own sizes above it. 人民日报 leaves 1.6–2.2
 * crosshead sizes (2.6–3.4 B) over a crosshead; 2.5 B lost a sixteen-character crosshead set 2.6 B
 * under its column's body (development page of 16 January) to a headline of its own.
 */
const CROSSHEAD_GAP_MAX = 2.5;
/** A crosshead opening a column stands at most this many B under its head's byline (人民日报 2.9–4.2 B). */
const COLUMN_TOP_GAP_MAX = 6;
/** Bylines: at most this many times the body type (news author lines 12 pt = 1.26 B; 人民日报 9.7 pt = 1.17 B). */
const BYLINE_MAX = 1.7;
/**
 * A byline stands at most this many body sizes, or headline sizes, under its headline (or subtitle),
 * whichever is more: under a large headline the gap grows with it. 人民日报 signs an essay 0.5–0.8
 * headline sizes under it (邵晓峰 4.1 B = 0.76 × a 5.3 B headline; 范志明 2 B = 0.5 × 4 B); the news
 * pages 0.6–1.5 B under 2–3 B headlines. 3 B alone lost the first two.
 */
const BYLINE_GAP_MAX = 3;
const BYLINE_GAP_HEADLINE = 0.9;
/** A clear band at least this many B high next to small type is a picture (the news pages' photos are 120+ pt; a paragraph gap is under 1 B). */
const IMAGE_MIN = 4;
/** Longest display line read as a brief headline, in characters. */
const MINOR_HEAD_MAX_CHARS = 30;

const WEEKDAY = /(?:星期|周)[一二三四五六日天]/u;
const PUBLICATION = /(?:日报|晚报|时报|早报|商报|报|新闻)$/u;
const SENTENCE_END = /[。！？][”’」』）]*$/u;
const BYLINE_START = /^(?:本报(?:全媒体)?记者|本报通讯员|本报特约记者|新华社记者|记者|通讯员|实习生|特约记者|文[\/／]|图[\/／])/u;

export interface PageFactsRead {
  issueDate?: string;
  page?: number;
  section?: string;
}

/** The page header: which lines it is, and what it states (date, page number, section). */
export function readHeaderBand(lines: readonly TextLine[], height: number, B: number): { lines: TextLine[]; facts: PageFactsRead } {
  const top = lines.filter((l) => l.bottom <= height * HEADER_BAND);
  const isNumber = (l: TextLine) => /^\d{1,3}$/u.test(l.text) && l.size >= B;
  const marks = top.filter((l) => readPageHeader(l.spaced) !== null || WEEKDAY.test(l.text) || isNumber(l));
  if (marks.length === 0) return { lines: [], facts: {} };
  const edge = Math.max(...marks.map((l) => l.bottom));
  const band = top.filter((l) => l.top < edge);
  const facts: PageFactsRead = {};
  for (const l of [...band].sort((a, b) => a.x0 - b.x0)) {
    const h = readPageHeader(l.spaced);
    if (!h) continue;
    facts.issueDate ??= h.issueDate;
    facts.page ??= h.page;
    facts.section ??= h.section;
  }
  // a page number set alone (`04`, 22 pt) with the section beside it in another size (`要闻`, 14 pt)
  const number = band.find(isNumber);
  if (facts.page === undefined && number) {
    facts.page = Number(number.text);
    const names = band.filter((l) => l !== number && /^[\u4e00-\u9fff·]{2,8}$/u.test(l.text) && !PUBLICATION.test(l.text) && !WEEKDAY.test(l.text));
    const gap = (l: TextLine) => Math.max(0, l.x0 - number.x1, number.x0 - l.x1);
    const section = names.sort((a, b) => gap(a) - gap(b))[0];
    if (section && gap(section) < 3 * number.size) facts.section ??= section.text;
  }
  return { lines: band, facts };
}

/** A byline's text as printed: a role word and names, or a signed name alone. */
export function isBylineText(spaced: string): boolean {
  const t = squash(spaced);
  if (t === '' || t.length > 40 || SENTENCE_END.test(t)) return false;
  if (BYLINE_START.test(t) || isRoleByline(t) || isSignedName(t)) return true;
  // names alone, set apart: `陈超林 郭婧`
  const parts = spaced.trim().split(/\s+/u);
  return parts.length > 1 && parts.every((p) => looksLikeName(p));
}

/** Credits from byline lines: role words as printed; a name alone signs as author. */
export function creditsOf(lines: readonly string[]): Credit[] {
  const credits = parseCredits([...lines]);
  if (credits.length) return credits;
  return lines
    .flatMap((l) => l.trim().split(/\s+/u))
    .map((n) => squash(n))
    .filter((n) => looksLikeName(n) || isSignedName(n))
    .map((name) => ({ name, role: '作者' as const }));
}

/** Text of lines read as running text: CJK closed up, Latin words kept apart. */
const joinLines = (lines: readonly TextLine[]) => tidy(lines.map((l) => l.text).join(' '));

interface PdfHead extends Head {
  /** Lines of a wrapped kicker over its last line (`h.kicker`), top first. */
  kickerAbove: TextLine[];
  bylines: TextLine[];
  /** Crosshead blocks inside its columns. */
  subheads: Set<TextBlock>;
  captions: { block: TextBlock; caption: Caption; region: Box }[];
}

/** What the PDF segmenter made of one page. */
export interface PdfPageResult {
  facts: PageFactsRead;
  articles: PdfDraft[];
  /** Lines in no article, each with why. */
  left: { lines: TextLine[]; reason: string }[];
}

/** An article of a page before ids and keywords: its fields, its lines, its region. */
export interface PdfDraft {
  title: string;
  kicker?: string;
  subtitle?: string;
  credits: Credit[];
  bylines: string[];
  captions: Caption[];
  photographers: string[];
  publication?: string;
  dateline?: string;
  affiliations: string[];
  body: BodyItem[];
  /** Its own lines and its captions' lines. */
  lines: TextLine[];
  captionLines: TextLine[];
  bbox: Box;
}

const dedupe = <T>(xs: T[]) => [...new Set(xs)];

/** Is a clear band (no line) at least IMAGE_MIN B high directly above or below the box, over its width? Returns that band. */
function clearBand(b: Box, others: readonly TextLine[], page: PdfPage, B: number): Box | undefined {
  const over = others.filter((l) => horizontalOverlap(l, b) > 0 && !(l.top >= b.top - 0.5 && l.bottom <= b.bottom + 0.5));
  const above = Math.max(0, ...over.filter((l) => l.bottom <= b.top + 0.5).map((l) => l.bottom));
  const below = Math.min(page.height, ...over.filter((l) => l.top >= b.bottom - 0.5).map((l) => l.top));
  if (b.top - above >= IMAGE_MIN * B) return { x0: b.x0, x1: b.x1, top: above, bottom: b.top };
  if (below - b.bottom >= IMAGE_MIN * B) return { x0: b.x0, x1: b.x1, top: b.bottom, bottom: below };
  return undefined;
}

/** Segment one page. */
export function segmentPdfPage(page: PdfPage): PdfPageResult {
  const lines = itemsToLines(page.items);
  const left: PdfPageResult['left'] = [];
  if (lines.length === 0) return { facts: {}, articles: [], left };
  const B = bodySize(lines);
  const header = readHeaderBand(lines, page.height, B);
  if (header.lines.length) left.push({ lines: header.lines, reason: 'page furniture: page header' });
  const credits = lines.filter((l) => !header.lines.includes(l) && l.size <= 1.1 * B && PAGE_CREDIT.test(squash(l.text)));
  if (credits.length) left.push({ lines: credits, reason: 'page furniture: page credits' });
  const rest = lines.filter((l) => !header.lines.includes(l) && !credits.includes(l));

  const isBody = (l: TextLine) => !l.vertical && Math.abs(l.size - B) <= BODY_TOLERANCE * B;
  const isSmall = (l: TextLine) => !l.vertical && l.size < B * (1 - BODY_TOLERANCE);
  const display = rest.filter((l) => !isBody(l) && !isSmall(l));

  // 1. headlines; a large label right above a larger headline is its kicker, not a headline
  // a line opening with a dash is a subtitle however large (`——深刻认识…` at 2.7 B under a 6.2 B headline)
  let heads = (findHeads(display, HEADLINE_MIN * B) as PdfHead[]).filter((h) => !squash(h.headline[0]!.text).startsWith('——'));
  const demoted = new Set<Head>();
  for (const h of heads) {
    const hs = h.headline[0]!.size;
    const under = heads.find((g) => g !== h && !h.vertical && g.headline[0]!.size > hs && g.box.top >= h.box.bottom - 1 && g.box.top - h.box.bottom < hs && horizontalOverlap(g.box, h.box) > 0);
    if (under) demoted.add(h);
  }
  heads = heads.filter((h) => !demoted.has(h));
  const used = new Set<TextLine>(heads.flatMap((h) => h.headline));
  for (const h of heads) Object.assign(h, { kickerAbove: [], bylines: [], subheads: new Set(), captions: [] });
  attach(heads, display, used, B);

  // 2. display type left over: brief headlines (body right under them), crossheads (body of their column right above too), labels
  const bodyLines = rest.filter(isBody);
  const smallLines = rest.filter(isSmall);
  const blocksOfBody = joinColumnPieces(linesToBlocks(bodyLines));
  const crossheads: TextBlock[] = [];
  const minor: PdfHead[] = [];
  // a crosshead or a brief's headline may wrap: its lines, stacked at one size, are judged together
  for (const g of linesToBlocks(display.filter((x) => !used.has(x) && !x.vertical)).sort((a, b) => a.top - b.top || a.x0 - b.x0)) {
    const t = squash(g.lines.map((l) => l.text).join(''));
    // a character or three alone (a name's last glyph set apart, a drop cap) heads nothing
    if (g.size < MINOR_HEAD_MIN * B || t.length < 4 || t.length > MINOR_HEAD_MAX_CHARS || SENTENCE_END.test(t) || g.lines.some((l) => isBylineText(l.spaced))) continue;
    const fits = (b: Box) => horizontalOverlap(b, g) > 0.5 * Math.min(b.x1 - b.x0, g.x1 - g.x0);
    const below = blocksOfBody.some((b) => b.top >= g.bottom - 1 && b.top - g.bottom < 2 * g.size && fits(b));
    if (!below) continue;
    const above = blocksOfBody.some((b) => b.bottom <= g.top + 1 && g.top - b.bottom < CROSSHEAD_GAP_MAX * g.size && fits(b));
    for (const l of g.lines) used.add(l);
    if ((above || atColumnTop(g, heads, blocksOfBody, B)) && g.size >= CROSSHEAD_MIN * B) {
      crossheads.push(g);
      continue;
    }
    minor.push({ headline: g.lines, vertical: false, box: boxOf(g.lines), subtitle: [], authorLines: [], blocks: [], kickerAbove: [], bylines: [], subheads: new Set(), captions: [] } as PdfHead);
  }
  if (minor.length) {
    attach(minor, display, used, B);
    heads = [...heads, ...minor];
  }
  // display lines no head took: labels (section banners, titles of graphics)
  const labels = display.filter((l) => !used.has(l));

  // 3. captions: small type (or a credit ending in 摄) next to a clear band, the picture
  const all = [...bodyLines, ...smallLines, ...display];
  const smallBlocks = linesToBlocks(smallLines);
  const captions: { block: TextBlock; caption: Caption; region: Box }[] = [];
  for (const b of smallBlocks) {
    const region = clearBand(b, all, page, B);
    if (!region) continue;
    const text = joinLines(b.lines);
    captions.push({ block: b, caption: parseCaption(text) ?? { text }, region });
  }
  // 人民日报: captions in body type with the credit on a row of its own under them
  const photo = photoCredits(bodyLines, B);
  const creditLines = new Set(photo.flatMap((c) => c.lines));
  const bodyBlocks = joinColumnPieces(linesToBlocks(bodyLines.filter((l) => !creditLines.has(l))));
  for (const c of photo) {
    const block = captionAbove(c, bodyBlocks, B);
    const region = block && clearBand(block, all, page, B);
    if (!block || !region) {
      left.push({ lines: c.lines, reason: 'photo credit with no caption' });
      continue;
    }
    const merged: TextBlock = { ...block, lines: [...block.lines, ...c.lines], bottom: Math.max(block.bottom, c.box.bottom) };
    captions.push({ block: merged, caption: { text: joinLines(block.lines), credit: c.text }, region });
    bodyBlocks.splice(bodyBlocks.indexOf(block), 1);
  }
  const captionBlocks = new Set(captions.map((c) => c.block));
  const flowBlocks = [...bodyBlocks, ...smallBlocks.filter((b) => !captionBlocks.has(b))];

  // 4. every column piece to its head; crossheads to the head of the column piece above them
  let orphans: TextBlock[] = [];
  for (const b of flowBlocks) {
    const owner = headOf(b, heads, B, flowBlocks);
    if (owner) owner.blocks.push(b);
    else orphans.push(b);
  }
  orphans = claimBeside(heads, claimForVertical(heads, orphans, B), B);
  for (const block of crossheads) {
    const owner = heads.find((h) => h.blocks.some((b) => b.bottom <= block.top + 1 && block.top - b.bottom < 2.5 * B && horizontalOverlap(b, block) > 0)) ?? headOf(block, heads, B);
    if (owner) {
      owner.blocks.push(block);
      owner.subheads.add(block);
    } else left.push({ lines: block.lines, reason: 'crosshead with no article' });
  }
  const { flows, left: unplaced } = flowsOf(heads, orphans);
  for (const b of lastColumns(flows, unplaced, B)) left.push({ lines: b.lines, reason: 'text no article took' });

  // 5. captions to the article whose text stands nearest in their column
  const blockOwner = new Map<TextBlock, PdfHead>();
  for (const [h, flow] of flows) for (const b of flow) blockOwner.set(b, h as PdfHead);
  const vgap = (a: Box, b: Box) => Math.max(0, a.top - b.bottom, b.top - a.bottom);
  for (const c of captions) {
    // the article whose text stands right above or below the caption (and its picture) in its column
    // (on the side away from the picture)
    const side = c.region.bottom <= c.block.top + 1 ? (b: Box) => b.top >= c.block.bottom - 1 : (b: Box) => b.bottom <= c.block.top + 1;
    const near = [...blockOwner.keys()].filter((b) => side(b) && horizontalOverlap(b, c.block) > 0 && vgap(b, c.block) < 3 * B).sort((a, b) => vgap(a, c.block) - vgap(b, c.block))[0];
    const owner = near ? blockOwner.get(near) : headOf(boxOf([c.block, c.region]), heads, B);
    if (owner) owner.captions.push(c);
    else left.push({ lines: c.block.lines, reason: 'caption with no article' });
  }

  // 6. articles in reading order of their heads
  const articles: PdfDraft[] = [];
  const ordered = readingOrder(heads.map((h) => ({ ...h.box, h }))).map((x) => x.h);
  for (const h of ordered) {
    const flow = flows.get(h) ?? [];
    const draft = draftOf(h, flow, B);
    if (!draft) {
      left.push({ lines: [...h.headline, ...h.kickerAbove, ...(h.kicker ? [h.kicker] : []), ...h.subtitle, ...h.bylines], reason: 'headline with no text' });
      for (const c of h.captions) left.push({ lines: c.block.lines, reason: 'caption with no article' });
      continue;
    }
    articles.push(draft);
  }
  if (labels.length) left.push({ lines: labels, reason: 'label: display type that heads no article' });
  return { facts: header.facts, articles, left };
}

/** The foot of a head: the bottom of its headline, subtitle and bylines, whichever is lowest. */
const footOf = (h: PdfHead): number => Math.max(h.box.bottom, ...h.subtitle.map((l) => l.bottom), ...h.bylines.map((l) => l.bottom));

/**
 * The head a column piece belongs to: the nearest of the heads above it (overlapping it, or above
 * and to its left), a headline set beside it with its top in line, and the vertical headlines
 * beside it (its text to its left, as 人民日报 sets the right-hand essay, or to its right); none:
 * the piece is an orphan, for claimBeside() and flowsOf().
 */
function headOf(block: Box, heads: readonly PdfHead[], B: number, blocks: readonly Box[] = []): PdfHead | undefined {
  let best: PdfHead | undefined;
  let bestDist = Infinity;
  const take = (h: PdfHead, d: number) => {
    if (d < bestDist) {
      bestDist = d;
      best = h;
    }
  };
  // another headline standing between a head and the block, over the block's columns, starts another story
  const blocked = (h: PdfHead) => heads.some((g) => g !== h && g.box.top > h.box.bottom && g.box.bottom < block.top + B && horizontalOverlap(g.box, block) > 0);
  for (const h of heads) {
    // a brief's headline level with the block's top, left of it: the block is the next column of
    // the brief's row (news10: `春季招聘会…` runs on in the column beside its one-line first
    // column); counted four lines off, so a head right above the block still wins
    if (!h.vertical && Math.abs(h.box.top - block.top) < 1.5 * B && h.box.x1 < block.x0 && !blocked(h)) take(h, 4 * B);
    if (h.vertical || h.box.bottom > block.top + B) continue;
    const over = horizontalOverlap(h.box, block) > Math.min(2 * B, 0.5 * (block.x1 - block.x0));
    // a head above and to the left: a story's columns run on to the right of a short headline
    // (counted two lines further than a head right above, which wins when it is as near)
    // (unless another head, left of the block too, opens a new row between: news11's vertical
    // headline under a side headline heads the columns beside it)
    const rowBetween = (g: PdfHead) => g !== h && g.box.top >= footOf(h) - 1 && g.box.top <= block.top + B && g.box.x1 <= block.x0 + B;
    const aboveLeft = !over && h.box.x0 <= block.x0 && h.box.x1 < block.x0 && !heads.some(rowBetween);
    if ((!over && !aboveLeft) || blocked(h)) continue;
    take(h, block.top - Math.min(footOf(h), block.top) + (over ? 0 : 2 * B));
  }
  for (const h of heads) {
    // a headline set beside its story, its top in line with the story's first column, or with
    // the picture that opens it (nothing but the picture between the headline's top and the column)
    // its top: the kicker's, when it has one (a story's first column starts level with the kicker)
    const top = Math.min(h.box.top, ...[...h.kickerAbove, ...(h.kicker ? [h.kicker] : [])].map((l) => l.top));
    if (h.vertical || block.top < top - 3 * B || block.top > h.box.top + 30 * B) continue;
    const gap = Math.max(h.box.x0 - block.x1, block.x0 - h.box.x1);
    if (gap < -B || gap > 3 * B) continue;
    // a headline with its own column right under it is not set beside a story
    if (blocks.some((o) => horizontalOverlap(o, h.box) > 0 && o.top >= h.box.bottom - 1 && o.top - footOf(h) < 3 * B)) continue;
    const between = blocks.some((o) => o !== block && horizontalOverlap(o, block) > 0 && o.bottom > h.box.top - B && o.bottom <= block.top + 1);
    if (block.top > h.box.top + 3 * B && between) continue;
    take(h, Math.max(0, Math.abs(top - block.top) - 3 * B));
  }
  for (const h of heads) {
    // beside a vertical headline (its top no lower than the headline's foot), or right under it,
    // or beside it further down with nothing but pictures and small type between (news09: the
    // story's text under two photos and their captions, right of its headline)
    if (!h.vertical || block.bottom < h.box.top - 2 * B) continue;
    const picturesOnly = block.x0 >= h.box.x1 - 1 && block.top <= h.box.bottom + 30 * B && !blocks.some((o) => o !== block && (o as TextBlock).size >= (1 - BODY_TOLERANCE) * B && horizontalOverlap(o, block) > 0 && o.bottom > h.box.top && o.bottom <= block.top + 1);
    if (block.top > h.box.bottom + 4 * B && !picturesOnly) continue;
    // measured from its byline when that stands between (`魏言礼` set between the column and the headline)
    const edge = Math.min(h.box.x0, ...h.bylines.map((l) => l.x0));
    const gap = Math.max(edge - block.x1, block.x0 - h.box.x1);
    if (gap > 6 * B || (block.top > h.box.bottom && horizontalOverlap(block, h.box) <= 0 && !picturesOnly)) continue;
    // right under it counts two lines further than beside it: a second vertical headline stacked
    // under the first, set narrower, heads the text that starts beside it (news12)
    const under = block.top > h.box.bottom ? block.top - h.box.bottom + 2 * B : 0;
    take(h, Math.max(0, gap) + under);
  }
  return best;
}

/**
 * A vertical headline at the edge of its story (人民日报's right-hand essay, a side story of the
 * news pages) heads the columns standing in line beside it: the column next to it whose span
 * meets the headline's, then each column next to those with its top in line with theirs. A column
 * given to a headline far above it (nothing between but a picture) moves to the vertical one.
 */
function claimForVertical(heads: readonly PdfHead[], orphans: readonly TextBlock[], B: number): TextBlock[] {
  let left = [...orphans];
  for (const v of heads.filter((h) => h.vertical)) {
    // the columns headOf() already gave it start the chain
    const chain: TextBlock[] = [...v.blocks];
    const others = heads.filter((h) => h !== v);
    const pool = () => [...others.flatMap((h) => h.blocks.map((b) => ({ h: h as PdfHead | undefined, b }))), ...left.map((b) => ({ h: undefined, b }))];
    const near = (b: Box, c: Box) => Math.max(c.x0 - b.x1, b.x0 - c.x1) < 4.5 * B;
    for (let grown = true; grown; ) {
      grown = false;
      for (const { h, b } of pool()) {
        const foot = h ? footOf(h) : -Infinity;
        if (b.top - foot < 4 * B) continue; // right under its own headline: it is that story's
        const beside = chain.length === 0 ? Math.max(v.box.x0 - b.x1, b.x0 - v.box.x1) < 6 * B && Math.abs(b.top - v.box.top) < 2 * B : chain.some((c) => near(b, c) && Math.abs(b.top - c.top) < 1.5 * B);
        if (!beside) continue;
        if (h) h.blocks.splice(h.blocks.indexOf(b), 1);
        else left = left.filter((x) => x !== b);
        v.blocks.push(b);
        chain.push(b);
        grown = true;
      }
    }
  }
  return left;
}

/**
 * Column pieces no head stands above: a column continuing an article's row beside it (its top in
 * line with the tops of that article's columns, next to them), or the text under a headline set
 * beside its story (the headline right of or left of the columns, its top at their frame's top).
 * Claimed column by column until nothing changes; returns the pieces still unclaimed.
 */
function claimBeside(heads: readonly PdfHead[], orphans: readonly TextBlock[], B: number): TextBlock[] {
  let left = [...orphans];
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of [...left]) {
      const to = heads.find((h) => {
        const frame = h.blocks.length ? boxOf(h.blocks) : h.box;
        const gap = Math.max(frame.x0 - b.x1, b.x0 - frame.x1);
        if (gap < -B || gap > 3 * B) return false;
        if (h.blocks.length) return h.blocks.some((o) => Math.abs(o.top - b.top) < 1.5 * B && Math.max(o.x0 - b.x1, b.x0 - o.x1) < 3 * B);
        // a side headline: the column beside it starts at or below its top
        return !h.vertical && b.top >= h.box.top - 2 * B && b.top < h.box.bottom + 30 * B;
      });
      if (to) {
        to.blocks.push(b);
        left = left.filter((x) => x !== b);
        changed = true;
      }
    }
  }
  return left;
}

/**
 * Column pieces still unplaced that end an article's row: beside its last column, their feet in
 * line, rising higher than it but no higher than the headline (人民日报 2018-01-05: the last column
 * of the lower essay runs from above its headline's top down to the common foot, under the lead
 * essay's frame, which closed with its affiliation note). Each goes to the end of that flow; the
 * pieces no flow takes are returned.
 */
function lastColumns(flows: Map<Head, TextBlock[]>, unplaced: readonly TextBlock[], B: number): TextBlock[] {
  return unplaced.filter((b) => {
    for (const [h, flow] of flows) {
      const last = flow.at(-1);
      if (!last || h.vertical || b.top >= last.top || b.top < h.box.top - 3 * B) continue;
      if (Math.abs(last.bottom - b.bottom) >= 1.5 * B || b.x0 - last.x1 < -B || b.x0 - last.x1 > 3 * B) continue;
      flow.push(b);
      return false;
    }
    return true;
  });
}

/**
 * Column pieces linesToBlocks() left apart within one column: a paragraph's indented first line
 * over the short last line of the one before overlap too little for it (`教育的一头……` over
 * `光所系。`). A piece that starts right under another, its left edge within two characters of
 * that one's, continues it.
 */
function joinColumnPieces(blocks: readonly TextBlock[]): TextBlock[] {
  const out = [...blocks].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    const k = out.findIndex((b, j) => j !== i && Math.abs(b.size - a.size) < 0.05 * a.size && b.top >= a.bottom - 0.3 * a.size && b.top - a.bottom < 0.8 * a.size && Math.abs(b.x0 - a.x0) <= 2.2 * a.size && b.x0 < a.x1 && a.x0 < b.x1);
    if (k === -1) continue;
    const b = out[k]!;
    out[i] = { lines: [...a.lines, ...b.lines], x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), top: a.top, bottom: Math.max(a.bottom, b.bottom), size: a.size };
    out.splice(k, 1);
    i = -1; // start over: the joined piece may continue further
  }
  return out;
}

/**
 * A crosshead at the top of a column: right under a head's foot (its byline), while the same head's
 * text already runs in another column from higher up (人民日报 2018-01-05: `探索新治理：…` opens the
 * fourth column of an essay whose first column began under the byline). A brief's headline under a
 * section label has no such neighbour: the label heads no text of its own.
 */
function atColumnTop(g: Box, heads: readonly PdfHead[], bodyBlocks: readonly TextBlock[], B: number): boolean {
  return heads.some((h) => {
    if (h.vertical || horizontalOverlap(h.box, g) <= 0) return false;
    const foot = footOf(h);
    if (g.top < foot - 1 || g.top - foot > COLUMN_TOP_GAP_MAX * B) return false;
    return bodyBlocks.some((b) => horizontalOverlap(b, g) <= 0 && horizontalOverlap(b, h.box) > 0 && b.top >= foot - 1 && b.top < g.top);
  });
}

/** A line that is one glyph, or a name and nothing else: a byline's stuff, never a subtitle's. */
const isNameOrGlyph = (l: TextLine) => {
  const t = squash(l.text);
  return [...t].length === 1 || looksLikeName(t);
};

/** Kickers, subtitles and bylines of each head, taken from `display` (lines in `used` are taken). */
function attach(heads: PdfHead[], display: readonly TextLine[], used: Set<TextLine>, B: number): void {
  const free = (l: TextLine) => !used.has(l);
  for (const h of heads) {
    const hs = h.headline[0]!.size;
    if (!h.vertical) {
      // kicker: the nearest smaller display line just above, overlapping the headline
      const above = display
        .filter((l) => free(l) && !l.vertical && l.size < hs && l.bottom <= h.box.top + 1 && h.box.top - l.bottom < 0.8 * hs && horizontalOverlap(l, h.box) > 0 && !l.text.startsWith('——') && !isBylineText(l.spaced))
        .sort((a, b) => b.bottom - a.bottom)[0];
      if (above) {
        h.kicker = above;
        used.add(above);
        // a kicker wrapped on two lines or more: lines of its size stacked right above it, its
        // left edge shared (news10: `过去走路一身灰如今` / `处处闻花香` over a headline beside its story)
        for (let top = above; ; ) {
          const up = display.find((l) => free(l) && !l.vertical && near(l.size, top.size, 0.05 * top.size) && l.bottom <= top.top + 1 && top.top - l.bottom < 0.8 * l.size && Math.abs(l.x0 - top.x0) < l.size);
          if (!up) break;
          h.kickerAbove.unshift(up);
          used.add(up);
          top = up;
        }
      }
      // subtitle: display lines chained under the headline, larger than bylines or opening with a dash
      let edge = h.box.bottom;
      for (;;) {
        const next = display
          .filter((l) => free(l) && !l.vertical && l.size < hs && l.top >= edge - 1 && l.top - edge < 0.8 * l.size + (h.subtitle.length ? 0 : 0.3 * hs) && horizontalOverlap(l, h.box) > 0)
          .sort((a, b) => a.top - b.top || a.x0 - b.x0)[0];
        // a glyph alone or a bare name under a headline is its author (`陆  青` set a character apart), never a subtitle
        if (!next || isBylineText(next.spaced) || isNameOrGlyph(next)) break;
        if (h.subtitle.length && Math.abs(next.size - h.subtitle[0]!.size) > 0.1 * next.size) break;
        if (h.subtitle.length === 0 && !next.text.startsWith('——') && next.size < 1.15 * B) break;
        h.subtitle.push(next);
        used.add(next);
        edge = next.bottom;
      }
    } else {
      // beside a vertical headline, on the side away from its text: a smaller vertical line is its
      // subtitle, with the dash that opens it set upright above it (news12: `——` over `经开区…见闻`)
      const sub = display.find((l) => free(l) && l.vertical && l.size < hs && !isNameOrGlyph(l) && l.x1 <= h.box.x0 + 1 && h.box.x0 - l.x1 < 3 * B && l.top >= h.box.top - 3 * B && l.top <= h.box.bottom && !isBylineText(l.spaced));
      if (sub) {
        const dash = display.find((l) => free(l) && squash(l.text) === '——' && horizontalOverlap(l, sub) > 0 && l.bottom <= sub.top + 1 && sub.top - l.bottom < 3 * B);
        h.subtitle.push(...(dash ? [dash] : []), sub);
        used.add(sub);
        if (dash) used.add(dash);
      }
    }
  }
  // bylines: byline-sized lines under a horizontal head (or its subtitle), chained; beside a vertical one
  // a two-character name is set as two glyphs a character apart, to line up with three-character
  // names (`陆  青`): each glyph alone is no name, the pair is
  const single = display.filter((l) => free(l) && [...squash(l.text)].length === 1 && l.size <= BYLINE_MAX * B);
  const partner = new Map<TextLine, TextLine>();
  for (const a of single) {
    const b = single.find((o) => o !== a && !partner.has(o) && Math.abs(o.size - a.size) < 0.05 * a.size && (a.vertical ? Math.abs(o.x0 - a.x0) < 0.3 * a.size && o.top > a.top && o.top - a.bottom < 2.5 * a.size : Math.abs(o.bottom - a.bottom) < 0.3 * a.size && o.x0 > a.x0 && o.x0 - a.x1 < 2.5 * a.size));
    if (b && !partner.has(a)) {
      partner.set(a, b);
      partner.set(b, a);
    }
  }
  const pairs = [...partner.entries()].filter(([a, b]) => (a.vertical ? a.top < b.top : a.x0 < b.x0)).map(([a]) => a);
  const candidates = [...display.filter((l) => free(l) && l.size <= BYLINE_MAX * B && isBylineText(l.spaced)), ...pairs.filter((a) => looksLikeName(squash(a.text + partner.get(a)!.text)))].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  for (const l of candidates) {
    let best: PdfHead | undefined;
    let bestDist = Infinity;
    for (const h of heads) {
      let d = Infinity;
      if (h.vertical) {
        if (l.vertical && l.x1 <= h.box.x0 + 1 && h.box.x0 - l.x1 < 5 * B && l.top >= h.box.top - 2 * B && l.top <= h.box.bottom) d = h.box.x0 - l.x1;
      } else if (!l.vertical) {
        // under the bylines taken so far, or beside them on their row (`吴  川  韩立坤`)
        const base = boxOf([h.box, ...h.subtitle, ...h.bylines.filter((b) => b.bottom <= l.top + 1)]).bottom;
        if (l.top >= base - 1 && l.top - base < Math.max(BYLINE_GAP_MAX * B, BYLINE_GAP_HEADLINE * h.headline[0]!.size) && horizontalOverlap(l, h.box) > 0) d = l.top - base;
      }
      if (d < bestDist) {
        bestDist = d;
        best = h;
      }
    }
    if (best) {
      best.bylines.push(l);
      used.add(l);
      const second = pairs.includes(l) ? partner.get(l) : undefined;
      if (second) {
        best.bylines.push(second);
        used.add(second);
      }
    }
  }
}

/** The article a head and its flow make, or undefined when it has no text at all. */
function draftOf(h: PdfHead, flow: readonly TextBlock[], B: number): PdfDraft | undefined {
  const body: BodyItem[] = [];
  const paragraphs: TextLine[][] = [];
  let run: TextBlock[] = [];
  const flush = () => {
    for (const p of paragraphsOf(run, B, new Set())) paragraphs.push(p.lines);
    run = [];
  };
  const items: ({ kind: 'paragraph'; lines: TextLine[] } | { kind: 'subhead'; lines: TextLine[] })[] = [];
  for (const b of flow) {
    if (h.subheads.has(b)) {
      flush();
      items.push(...paragraphs.splice(0).map((lines) => ({ kind: 'paragraph' as const, lines })));
      items.push({ kind: 'subhead', lines: b.lines });
    } else run.push(b);
  }
  flush();
  items.push(...paragraphs.splice(0).map((lines) => ({ kind: 'paragraph' as const, lines })));
  if (!items.some((i) => i.kind === 'paragraph') && h.captions.length === 0) return undefined;

  const credits: Credit[] = [];
  const bylines: string[] = [];
  const affiliations: string[] = [];
  let publication: string | undefined;
  let dateline: string | undefined;
  if (h.bylines.length) {
    // a name's glyphs set apart (attach()) are one name again
    const texts: string[] = [];
    h.bylines.forEach((l, i) => {
      const prev = h.bylines[i - 1];
      if (prev && [...squash(prev.text)].length === 1 && [...squash(l.text)].length === 1 && texts.length) texts[texts.length - 1] += l.spaced;
      else texts.push(l.spaced);
    });
    credits.push(...creditsOf(texts));
    bylines.push(...texts.map((t) => t.replace(/\s+/gu, ' ')));
  }
  const paras = items.filter((i) => i.kind === 'paragraph');
  paras.forEach((p, k) => {
    let text = joinLines(p.lines);
    if (k === 0) {
      const d = parseDateline(text, p.lines.map((l) => l.spaced));
      if (d) {
        credits.push(...d.credits);
        publication = d.publication;
        dateline = d.date;
      }
    }
    const aff = readAffiliation(text);
    if (aff !== null) {
      affiliations.push(aff);
      text = '';
    } else if (k === paras.length - 1) {
      // the closing credit `（记者 杨清 通讯员 李永亮）` leaves the body for the bylines
      // judged on the text as printed, spaces kept: `魏源 曾庆梁` closed up is one name too long
      const spaced = p.lines.map((l) => l.spaced).join(' ');
      const printedAt = /[（(][^（）()]*[）)]\s*$/u.exec(spaced);
      const at = closingCreditStart(text) >= 0 || (printedAt && closingCreditStart(printedAt[0]) === 0) ? text.search(/[（(][^（）()]*[）)]\s*$/u) : -1;
      if (at >= 0) {
        const bracket = text.slice(at);
        const printed = printedAt?.[0] ?? bracket;
        credits.push(...parseCredits([printed.replace(/^[（(]|[）)]$/gu, '')]));
        bylines.push(printed.trim());
        text = text.slice(0, at).trim();
      }
    }
    (p as { text?: string }).text = text;
  });
  for (const i of items) {
    const text = i.kind === 'subhead' ? joinLines(i.lines) : ((i as { text?: string }).text ?? '');
    if (text) body.push({ kind: i.kind, text });
  }
  const captions = h.captions.map((c) => c.caption);
  const photographers = dedupe(captions.flatMap((c) => (c.credit ? photographersOf(c.credit) : [])));
  const own = [...h.headline, ...h.kickerAbove, ...(h.kicker ? [h.kicker] : []), ...h.subtitle, ...h.bylines, ...flow.flatMap((b) => b.lines)];
  const captionLines = h.captions.flatMap((c) => c.block.lines);
  const bbox = boxOf([...own, ...h.captions.flatMap((c) => [c.block, c.region])]);
  const creditsDeduped: Credit[] = [];
  for (const c of credits) if (!creditsDeduped.some((x) => x.name === c.name && x.role === c.role)) creditsDeduped.push(c);
  return {
    title: joinLines(h.headline),
    ...(h.kicker ? { kicker: joinLines([...h.kickerAbove, h.kicker]) } : {}),
    ...(h.subtitle.length ? { subtitle: joinLines(h.subtitle).replace(/^——\s*/u, '') } : {}),
    credits: creditsDeduped,
    bylines,
    captions,
    photographers,
    ...(publication ? { publication } : {}),
    ...(dateline ? { dateline } : {}),
    affiliations,
    body,
    lines: own,
    captionLines,
    bbox,
  };
}

/** Line numbers as [first, last] ranges. */
export function rangesOf(nos: readonly number[]): [number, number][] {
  const sorted = [...new Set(nos)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** Round a coordinate to a tenth of a point: the bbox is written into the front matter. */
const pt = (x: number) => Math.round(x * 10) / 10;

export interface PdfSegmentOutput {
  articles: Omit<Article, 'id' | 'keywords'>[];
  unassigned: ReportEntry[];
  /** Text lines in all (the text layer's length). */
  lineCount: number;
  facts: Map<number, PageFactsRead>;
}

/**
 * Segment every page of a PDF: the articles in reading order with their line numbers in the text
 * layer (textLayer()), their region, and the report of every line not in an article.
 */
export function segmentPdf(file: string, pages: readonly PdfPage[]): PdfSegmentOutput {
  const layer = textLayer(pages);
  // a line is identified by its page and its box: segmentPdfPage() reads the same lines again
  const key = (page: number, l: TextLine) => `${page}:${l.x0}:${l.top}:${l.text}`;
  const numbers = new Map(layer.map((x) => [key(x.page, x.line), x.no]));
  const articles: PdfSegmentOutput['articles'] = [];
  const unassigned: ReportEntry[] = [];
  const facts = new Map<number, PageFactsRead>();
  for (const p of pages) {
    const r = segmentPdfPage(p);
    facts.set(p.number, r.facts);
    const no = (l: TextLine) => numbers.get(key(p.number, l))!;
    for (const d of r.articles) {
      const own = d.lines.map(no);
      const caps = d.captionLines.map(no);
      const all = [...own, ...caps];
      articles.push({
        title: d.title,
        ...(d.kicker ? { kicker: d.kicker } : {}),
        ...(d.subtitle ? { subtitle: d.subtitle } : {}),
        authors: dedupe(d.credits.filter((c) => c.role !== '摄影').map((c) => c.name)),
        photographers: dedupe([...d.photographers, ...d.credits.filter((c) => c.role === '摄影').map((c) => c.name)]),
        credits: d.credits,
        bylines: d.bylines,
        captions: d.captions,
        ...(d.publication ? { publication: d.publication } : {}),
        ...(d.dateline ? { dateline: d.dateline } : {}),
        ...(d.affiliations.length ? { affiliations: d.affiliations } : {}),
        ...(r.facts.issueDate ? { issue_date: r.facts.issueDate } : {}),
        ...(r.facts.page !== undefined ? { page: r.facts.page } : {}),
        ...(r.facts.section ? { section: r.facts.section } : {}),
        source: {
          file,
          page: p.number,
          lines: [Math.min(...all), Math.max(...all)],
          ranges: rangesOf(own),
          ...(caps.length ? { caption_ranges: rangesOf(caps) } : {}),
          bbox: [pt(d.bbox.x0), pt(d.bbox.top), pt(d.bbox.x1), pt(d.bbox.bottom)],
        },
        body: d.body,
      });
    }
    for (const l of r.left) {
      for (const [first, last] of rangesOf(l.lines.map(no))) {
        const text = layer.slice(first - 1, last).map((x) => x.line.text).join(' / ');
        unassigned.push({ lines: [first, last], text, reason: l.reason });
      }
    }
  }
  unassigned.sort((a, b) => a.lines[0] - b.lines[0]);
  return { articles, unassigned, lineCount: layer.length, facts };
}
