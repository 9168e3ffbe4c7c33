/**
 * Typesets news pages as HTML and writes down, from what it typeset, the exact answer for each
 * page in the gold shape of tests/gold/*.json (issue #12, item 6). Pure and seeded: the same
 * stories and seed give the same bytes, so the corpus in tests/corpus-news/ can be regenerated.
 *
 * What varies between pages (the things other papers' news pages bring that the sample lacks):
 * masthead and page-header shapes; 2–6 column grids; headlines above their body, in a block left
 * of it, or in a block after it (right); kickers and subtitles (`——…` or smaller type); bylines
 * as `本报记者 X`, `本报记者 X 通讯员 Y`, `本报讯（记者 X）`, `（记者 X 通讯员 Y）` at the end,
 * `新华社北京1月4日电（记者 X）`; photos as grey boxes with `……（X 摄）` captions; briefs under one
 * label; signed commentary with the author alone under the headline.
 */
import { prng } from '../../../util/prng.ts';
import { squash, type GoldArticle, type GoldCaption, type GoldFile } from '../gold.ts';
import type { SampleStory } from './sample.ts';
import type { Story } from './stories.ts';

/** The page header as typeset: the facts a segmenter could read off the page's furniture. */
export interface PageHeader {
  paper: string;
  /** ISO date, YYYY-MM-DD. */
  issue_date: string;
  weekday: string;
  page: number;
  section: string;
}

export interface NewsGold extends GoldFile {
  header: PageHeader;
}

export interface NewsPage {
  /** File stem in tests/corpus-news/ (`news01` …). */
  name: string;
  html: string;
  gold: NewsGold;
  /** Page width in millimetres (the height is measured after layout). */
  widthMm: number;
}

/** Invented mastheads: none is a real paper's besides the sample's own style of name. */
export const PAPERS = ['澧兰日报', '青溪晚报', '芷汀时报', '蓼洲日报', '云梦新闻', '沅湘晨报'] as const;
export const SECTIONS = ['要闻', '综合', '地方新闻', '社会', '经济', '评论', '图片新闻', '国内', '教育', '民生'] as const;
const EDITORS = ['林素', '黄静波', '戴晨', '彭悦', '伍思齐', '宋荷'] as const;
const BRIEF_LABELS = ['简讯', '新闻速递', '本地快讯', '一句话新闻'] as const;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;
const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Column gap: wide enough (≥ 2 em of body type) that extractors see separate columns, as on real pages. */
const GAP_MM = 7;

// ---------------------------------------------------------------------------------------------
// Stories in one shape.

/** A story ready to be placed: the sample's and the written ones alike, in the written ones' shape. */
export type PlacedStory = Story;

/** At most this many names in a byline: the sample's longest credit lists are not news-page bylines. */
const MAX_NAMES = 4;

export function fromSample(s: SampleStory): PlacedStory {
  const names = s.authors.slice(0, MAX_NAMES);
  return {
    id: s.from,
    kind: 'news',
    headline: s.headline,
    ...(s.kicker ? { kicker: s.kicker } : {}),
    ...(s.subtitle ? { subtitle: s.subtitle } : {}),
    paragraphs: s.paragraphs,
    reporters: names.slice(0, 1),
    correspondents: names.slice(1),
    photos: s.captions,
  };
}

export function fromWritten(s: Story): PlacedStory {
  return { ...s, paragraphs: [...s.paragraphs], photos: [...s.photos] };
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

type Rand = () => number;

function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function shuffle<T>(r: Rand, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function esc(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

function cnYear(y: number): string {
  return String(y).split('').map((d) => CN_DIGITS[Number(d)]).join('');
}

function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}

// ---------------------------------------------------------------------------------------------
// The printed parts of one article, and its gold.

interface Printed {
  html: string;
  /** Printed text of the page in typesetting order (for uniqueness checks of gold strings). */
  text: string[];
  gold: GoldArticle[];
  sentences: string[];
  breaks: [string, string][];
}

type BylineForm = 'lead' | 'lead-split' | 'dateline' | 'paper-dateline' | 'tail' | 'none';

interface ArticleStyle {
  headlinePt: number;
  place: 'above' | 'left' | 'right';
  /** A headline block beside the body set in vertical lines (writing-mode: vertical-rl), as papers do. */
  vertical: boolean;
  span: number;
  byline: BylineForm;
  subtitleDash: boolean;
  photoAt: 'top' | 'end';
  creditForm: 'paren' | 'staff' | 'plain';
}

function nameList(xs: readonly string[]): string {
  return xs.join(' ');
}

/** `记者 X 通讯员 Y Z` as printed inside a dateline or a closing credit. */
function creditInner(s: PlacedStory): string {
  const parts: string[] = [];
  if (s.reporters.length) parts.push(`记者 ${nameList(s.reporters)}`);
  if (s.correspondents.length) parts.push(`通讯员 ${nameList(s.correspondents)}`);
  return parts.join(' ');
}

function captionCredit(form: ArticleStyle['creditForm'], who: string): string {
  if (form === 'paren') return `（${who} 摄）`;
  if (form === 'staff') return `本报记者 ${who} 摄`;
  return `${who} 摄`;
}

const SENTENCE_END = /[。！？]/u;
const CLOSERS = /[”’」』）)]/u;

/** Split squashed body text into sentences: after 。！？, keeping closing quotes with them. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    cur += chars[i];
    if (SENTENCE_END.test(chars[i]!)) {
      while (i + 1 < chars.length && CLOSERS.test(chars[i + 1]!)) cur += chars[++i];
      out.push(cur);
      cur = '';
    }
  }
  return out;
}

/**
 * The shortest prefix (or suffix) of `s`, at least `min` characters, that occurs once in `hay`;
 * undefined when even the whole of `s` is not unique.
 */
function uniquePart(s: string, hay: string, min: number, fromEnd: boolean): string | undefined {
  for (let n = Math.min(min, s.length); n <= s.length; n++) {
    const part = fromEnd ? s.slice(s.length - n) : s.slice(0, n);
    const i = hay.indexOf(part);
    if (i !== -1 && hay.indexOf(part, i + 1) === -1) return part;
  }
  return undefined;
}

interface Draft {
  story: PlacedStory;
  /** Body paragraphs as printed, with any dateline or closing credit. */
  printed: string[];
  /** Body paragraphs without dateline or closing credit (what the gold's strings come from). */
  body: string[];
  captions: GoldCaption[];
  photographers: string[];
  authors: string[];
}

function draftArticle(story: PlacedStory, style: ArticleStyle, paper: string, date: Date): Draft {
  const body = story.paragraphs.map(squash);
  const printed = [...body];
  const inner = creditInner(story);
  let authors = [...story.reporters, ...story.correspondents];
  if (story.kind === 'wire') {
    const d = new Date(date.getTime() - 86400000);
    printed[0] = `新华社${story.filedAt}${d.getUTCMonth() + 1}月${d.getUTCDate()}日电（${inner}）${printed[0]}`;
  } else if (story.kind === 'commentary') {
    if (story.authorNote) printed.push(`（${story.authorNote}）`);
  } else if (style.byline === 'dateline') {
    printed[0] = `本报讯${inner ? `（${inner}）` : ''}${printed[0]}`;
  } else if (style.byline === 'paper-dateline') {
    printed[0] = `${paper}讯${inner ? `（${inner}）` : ''}${printed[0]}`;
  } else if (style.byline === 'tail' && inner) {
    printed[printed.length - 1] = `${printed[printed.length - 1]}（${inner}）`;
  } else if (style.byline === 'none') {
    authors = [];
  }
  const photographers: string[] = [];
  const captions: GoldCaption[] = story.photos.map((p) => {
    if (!p.photographer) return { text: squash(p.text) };
    if (!photographers.includes(p.photographer)) photographers.push(p.photographer);
    return { text: squash(p.text), credit: squash(captionCredit(style.creditForm, p.photographer)) };
  });
  return { story, printed, body, captions, photographers, authors };
}

function headlineHtml(d: Draft, st: ArticleStyle, cls: string): string {
  const s = d.story;
  const parts: string[] = [];
  if (s.kicker) parts.push(`<div class="kicker">${esc(s.kicker)}</div>`);
  parts.push(`<h2 class="${cls}" style="font-size:${st.headlinePt}pt">${esc(s.headline)}</h2>`);
  if (s.subtitle)
    parts.push(
      st.subtitleDash
        ? `<div class="subtitle">——${esc(s.subtitle)}</div>`
        : `<div class="subtitle small">${esc(s.subtitle)}</div>`,
    );
  if (s.kind === 'commentary') parts.push(`<div class="author">${esc(nameList(s.reporters))}</div>`);
  else if (s.kind !== 'wire' && s.kind !== 'photo') {
    const reps = s.reporters.length ? `本报记者 ${nameList(s.reporters)}` : '';
    const cors = s.correspondents.length ? `通讯员 ${nameList(s.correspondents)}` : '';
    if (st.byline === 'lead' && (reps || cors))
      parts.push(`<div class="byline">${esc([reps, cors].filter(Boolean).join('　'))}</div>`);
    if (st.byline === 'lead-split' && (reps || cors))
      parts.push(...[reps, cors].filter(Boolean).map((b) => `<div class="byline">${esc(b)}</div>`));
  }
  return parts.join('');
}

function photosHtml(d: Draft, st: ArticleStyle, r: Rand): string {
  return d.story.photos
    .map((p) => {
      const h = 28 + Math.floor(r() * 5) * 6;
      const credit = p.photographer ? captionCredit(st.creditForm, p.photographer) : '';
      const sep = credit.startsWith('（') ? '' : credit ? '　' : '';
      return `<figure><div class="photo" style="height:${h}mm"></div><figcaption>${esc(squash(p.text))}${sep}${esc(credit)}</figcaption></figure>`;
    })
    .join('');
}

function bodyHtml(d: Draft, cols: number): string {
  const ps = d.printed
    .map((p, i) => {
      const note = d.story.kind === 'commentary' && d.story.authorNote && i === d.printed.length - 1;
      return `<p${note ? ' class="note"' : ''}>${esc(p)}</p>`;
    })
    .join('');
  return `<div class="body" style="column-count:${cols}">${ps}</div>`;
}

/** The printed text of an article in reading order, for the page's uniqueness checks. */
function draftText(d: Draft): string[] {
  const s = d.story;
  return [s.kicker ?? '', s.headline, s.subtitle ?? '', ...d.printed, ...d.captions.map((c) => c.text + (c.credit ?? ''))];
}

function articleHtml(r: Rand, d: Draft, st: ArticleStyle): string {
  const cls = d.story.kind === 'brief' ? 'brief-head' : 'headline';
  const head = d.story.headline === '' ? '' : headlineHtml(d, st, cls);
  const photos = photosHtml(d, st, r);
  const spanCols = Math.max(1, st.span);
  if (st.place === 'above' || spanCols < 2 || head === '') {
    const top = st.photoAt === 'top' ? photos : '';
    const end = st.photoAt === 'end' ? photos : '';
    return `<article class="art" style="flex:${spanCols} ${spanCols} 0">${head}${top}${bodyHtml(d, spanCols)}${end}</article>`;
  }
  // A headline block beside the body: left of it (read first) or right of it (read after it).
  const side = st.vertical
    ? `<div class="side vertical">${head}</div>`
    : `<div class="side" style="width:${Math.round(st.headlinePt * 4.2)}pt">${head}</div>`;
  const main = `<div class="main">${photos}${bodyHtml(d, Math.max(1, spanCols - 1))}</div>`;
  const inner = st.place === 'left' ? side + main : main + side;
  return `<article class="art beside ${st.place}" style="flex:${spanCols} ${spanCols} 0">${inner}</article>`;
}

// ---------------------------------------------------------------------------------------------
// Gold from drafts.

function goldOf(drafts: readonly Draft[], pageText: string): Omit<Printed, 'html' | 'text'> {
  const gold: GoldArticle[] = [];
  const sentences: string[] = [];
  const breaks: [string, string][] = [];
  for (const d of drafts) {
    const s = d.story;
    const start = uniquePart(d.body[0]!, pageText, 14, false);
    const endPara = d.body[d.body.length - 1]!;
    const end = uniquePart(endPara, pageText, 12, true) ?? endPara.slice(-12);
    if (start === undefined) throw new Error(`news page: the start of ${s.id} is not unique on its page`);
    gold.push({
      headline: squash(s.headline),
      ...(s.kicker ? { kicker: squash(s.kicker) } : {}),
      ...(s.subtitle ? { subtitle: squash(s.subtitle) } : {}),
      authors: d.authors,
      photographers: d.photographers,
      captions: d.captions,
      start,
      end,
      pages: [1],
    });
    for (const p of d.body) for (const x of sentencesOf(p)) if ([...x].length >= 6 && pageText.includes(x)) sentences.push(x);
    for (let i = 0; i + 1 < d.body.length; i++) {
      const a = uniquePart(d.body[i]!, pageText, 10, true);
      const b = uniquePart(d.body[i + 1]!, pageText, 10, false);
      if (a && b) breaks.push([a, b]);
    }
  }
  return { gold, sentences, breaks };
}

// ---------------------------------------------------------------------------------------------
// Pages.

export interface PageSpec {
  index: number;
  columns: number;
  stories: PlacedStory[];
  /** Briefs printed together under one label at the end of the page. */
  briefs: PlacedStory[];
}

const STYLE = (widthMm: number) => `
@page { size: ${widthMm}mm auto; margin: 0 }
html, body { margin: 0; padding: 0; background: #fff; }
body { width: ${widthMm}mm; box-sizing: border-box; padding: 9mm 10mm 10mm; color: #000;
  font-family: NewsSerif, "Noto Serif CJK SC", serif; font-size: 9.5pt; line-height: 1.36; }
.masthead { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2.5pt solid #000; padding-bottom: 1.5mm; margin-bottom: 4mm; font-family: NewsSans, "Noto Sans CJK SC", sans-serif; font-size: 10pt; }
.masthead .paper { font-family: NewsSerif, "Noto Serif CJK SC", serif; font-weight: 700; font-size: 18pt; }
.masthead .pno { font-weight: 700; font-size: 22pt; }
.masthead .sec { font-weight: 700; font-size: 14pt; padding: 0 2mm; }
.row { display: flex; gap: ${GAP_MM}mm; align-items: flex-start; border-top: 1pt solid #000; padding-top: 3mm; margin-top: 3mm; }
.row:first-of-type { border-top: none; margin-top: 0; padding-top: 0; }
.art { min-width: 0; }
.art.beside { display: flex; gap: ${GAP_MM}mm; align-items: flex-start; }
.art.beside .main { flex: 1 1 0; min-width: 0; }
.side { flex: none; }
.side.vertical { writing-mode: vertical-rl; }
.side.vertical h2 { margin: 0 0 0 1.5mm; }
.kicker { font-family: NewsSans, "Noto Sans CJK SC", sans-serif; font-size: 12pt; margin-bottom: 1mm; }
h2 { font-family: NewsSans, "Noto Sans CJK SC", sans-serif; font-weight: 700; line-height: 1.22; margin: 0 0 1.5mm; }
h2.brief-head { font-size: 11pt !important; margin: 2.5mm 0 0.8mm; }
.subtitle { font-family: NewsSerif, "Noto Serif CJK SC", serif; font-size: 15pt; margin-bottom: 1.5mm; }
.subtitle.small { font-size: 12pt; }
.author, .byline { font-family: NewsSans, "Noto Sans CJK SC", sans-serif; font-size: 10pt; margin-bottom: 1.5mm; }
.author { font-size: 12pt; }
.body { column-gap: ${GAP_MM}mm; column-rule: 0.4pt solid #888; text-align: justify; }
.body p { margin: 0; text-indent: 2em; }
.body p.note { text-indent: 0; font-family: NewsSans, "Noto Sans CJK SC", sans-serif; font-size: 8.5pt; }
figure { margin: 1mm 0 2.5mm; break-inside: avoid; }
.photo { background: #c8c8c8; }
figcaption { font-family: NewsSans, "Noto Sans CJK SC", sans-serif; font-size: 8.5pt; margin-top: 1mm; text-align: justify; }
.briefs .label { font-family: NewsSans, "Noto Sans CJK SC", sans-serif; font-weight: 700; font-size: 14pt; border-bottom: 1pt solid #000; margin-bottom: 1mm; }
.foot { border-top: 1pt solid #000; margin-top: 4mm; padding-top: 1mm; font-family: NewsSans, "Noto Sans CJK SC", sans-serif; font-size: 8.5pt; display: flex; gap: 6mm; }
`;

/** The @font-face rules: subset fonts beside the HTML when printing, the system fonts otherwise. */
export const FONT_FACES = `
@font-face { font-family: NewsSerif; font-weight: 400; src: url("fonts/serif-400.ttf"); }
@font-face { font-family: NewsSerif; font-weight: 700; src: url("fonts/serif-700.ttf"); }
@font-face { font-family: NewsSans; font-weight: 400; src: url("fonts/sans-400.ttf"); }
@font-face { font-family: NewsSans; font-weight: 700; src: url("fonts/sans-700.ttf"); }
`;

function headerHtml(r: Rand, h: PageHeader, date: Date, shape: number): { html: string; text: string[] } {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const dates = [
    `${y}年${m}月${d}日 ${h.weekday}`,
    `${y} 年 ${m} 月 ${d} 日 ${h.weekday}`,
    `${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日 ${h.weekday.replace('星期', '周')}`,
    `${cnYear(y)}年${cnNumber(m)}月${cnNumber(d)}日　${h.weekday}`,
  ];
  const dateStr = dates[shape % dates.length]!;
  const pageStr = pick(r, [`第${h.page}版`, `${String(h.page).padStart(2, '0')}`, `${h.page}`]);
  let html: string;
  if (shape % 3 === 0)
    html = `<header class="masthead"><span class="date">${esc(dateStr)}</span><span class="paper">${esc(h.paper)}</span><span><span class="pno">${esc(pageStr)}</span><span class="sec">${esc(h.section)}</span></span></header>`;
  else if (shape % 3 === 1)
    html = `<header class="masthead"><span><span class="pno">${esc(pageStr)}</span><span class="sec">${esc(h.section)}</span></span><span class="date">${esc(dateStr)}</span><span class="paper">${esc(h.paper)}</span></header>`;
  else
    html = `<header class="masthead"><span class="paper">${esc(h.paper)}</span><span class="date">${esc(dateStr)}</span><span class="sec">${esc(h.section)}</span><span class="pno">${esc(pageStr)}</span></header>`;
  return { html, text: [dateStr, h.paper, pageStr, h.section] };
}

function articleStyle(r: Rand, s: PlacedStory, span: number, lead: boolean): ArticleStyle {
  const place: ArticleStyle['place'] =
    s.kind === 'brief' || span < 2 ? 'above' : pick(r, ['above', 'above', 'left', 'right'] as const);
  const forms: BylineForm[] =
    s.kind === 'brief' ? ['tail', 'tail', 'dateline'] : ['lead', 'lead-split', 'dateline', 'paper-dateline', 'tail'];
  return {
    headlinePt: s.kind === 'brief' ? 11 : lead ? 28 + Math.floor(r() * 5) * 2 : 20 + Math.floor(r() * 4) * 2,
    place,
    vertical: place !== 'above' && r() < 0.4,
    span,
    byline: s.reporters.length + s.correspondents.length === 0 ? 'dateline' : pick(r, forms),
    subtitleDash: r() < 0.5,
    photoAt: r() < 0.6 ? 'top' : 'end',
    creditForm: pick(r, ['paren', 'paren', 'staff', 'plain'] as const),
  };
}

/** Split a grid of `columns` between the modules of one row. */
function spansFor(r: Rand, columns: number, n: number): number[] {
  if (n === 1) return [columns];
  const a = 1 + Math.floor(r() * (columns - 1));
  return [columns - a, a];
}

export function renderPage(spec: PageSpec, seed: number): NewsPage {
  const r = prng(seed * 7919 + spec.index);
  const date = new Date(Date.UTC(2023, 0, 2 + spec.index * 9 + Math.floor(r() * 5)));
  const header: PageHeader = {
    paper: PAPERS[spec.index % PAPERS.length]!,
    issue_date: date.toISOString().slice(0, 10),
    weekday: WEEKDAYS[date.getUTCDay()]!,
    page: 1 + Math.floor(r() * 12),
    section: SECTIONS[spec.index % SECTIONS.length]!,
  };
  const widthMm = spec.columns <= 2 ? 250 : spec.columns <= 4 ? 310 : 350;
  const head = headerHtml(r, header, date, spec.index);

  // Rows of modules: the first story alone across the grid; the others in pairs where the grid allows.
  const rows: { story: PlacedStory; span: number }[][] = [];
  const queue = [...spec.stories];
  rows.push([{ story: queue.shift()!, span: spec.columns }]);
  while (queue.length) {
    const pair = spec.columns >= 3 && queue.length >= 2 && r() < 0.75;
    const items = pair ? [queue.shift()!, queue.shift()!] : [queue.shift()!];
    const spans = spansFor(r, spec.columns, items.length);
    rows.push(items.map((story, i) => ({ story, span: spans[i]! })));
  }

  const drafts: Draft[] = [];
  const htmlRows: string[] = [];
  const texts: string[] = [...head.text];
  rows.forEach((row, ri) => {
    const cells = row.map(({ story, span }) => {
      const st = articleStyle(r, story, span, ri === 0);
      const d = draftArticle(story, st, header.paper, date);
      drafts.push(d);
      texts.push(...draftText(d));
      return articleHtml(r, d, st);
    });
    htmlRows.push(`<div class="row">${cells.join('')}</div>`);
  });
  if (spec.briefs.length) {
    const label = pick(r, BRIEF_LABELS);
    texts.push(label);
    const cells = spec.briefs.map((story) => {
      const st = articleStyle(r, story, 1, false);
      const d = draftArticle(story, st, header.paper, date);
      drafts.push(d);
      texts.push(...draftText(d));
      return articleHtml(r, d, { ...st, span: 1 });
    });
    const cols = Math.min(spec.columns, spec.briefs.length);
    htmlRows.push(
      `<div class="row briefs-row"><section class="briefs" style="flex:1 1 0"><div class="label">${esc(label)}</div><div class="brief-cols" style="column-count:${cols};column-gap:${GAP_MM}mm;column-rule:0.4pt solid #888">${cells.join('')}</div></section></div>`,
    );
  }
  const foot = `责任编辑：${pick(r, EDITORS)}　版式：${pick(r, EDITORS)}`;
  texts.push(foot);
  const pageText = squash(texts.join(''));
  const g = goldOf(drafts, pageText);
  const name = `news${String(spec.index + 1).padStart(2, '0')}`;
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(`${header.paper} ${header.issue_date} ${header.section}`)}</title>
<style>${FONT_FACES}${STYLE(widthMm)}</style></head>
<body>
${head.html}
${htmlRows.join('\n')}
<footer class="foot">${esc(foot)}</footer>
</body></html>
`;
  return {
    name,
    html,
    widthMm,
    gold: { file: name, header, articles: g.gold, sentences: g.sentences, paragraph_breaks: g.breaks },
  };
}

/** Seed of the committed corpus. */
export const NEWS_SEED = 20230104;
export const PAGE_COUNT = 12;

/**
 * Deal the stories out to the pages: each page gets two or three of the sample's stories and
 * one or two written ones (wire, photo, news, commentary); every third page a group of briefs.
 * The grids run through 2–6 columns.
 */
export function planPages(sample: readonly SampleStory[], written: readonly Story[], seed = NEWS_SEED): PageSpec[] {
  const r = prng(seed);
  const samples = shuffle(r, sample.map(fromSample));
  const others = shuffle(r, written.filter((s) => s.kind !== 'brief').map(fromWritten));
  const briefs = written.filter((s) => s.kind === 'brief').map(fromWritten);
  const grids = [4, 2, 6, 3, 5, 4, 3, 6, 2, 5, 4, 3];
  const specs: PageSpec[] = [];
  for (let i = 0; i < PAGE_COUNT; i++) {
    const stories: PlacedStory[] = [];
    const nSample = Math.ceil((samples.length - 0) / (PAGE_COUNT - i));
    stories.push(...samples.splice(0, Math.min(nSample, 3)));
    const nOther = Math.ceil(others.length / (PAGE_COUNT - i));
    stories.push(...others.splice(0, nOther));
    // A commentary or wire item leads some pages; photo news never leads (it has little text).
    const ordered = i % 4 === 3 ? [...stories.slice(-1), ...stories.slice(0, -1)] : stories;
    const lead = ordered.findIndex((s) => s.kind !== 'photo');
    if (lead > 0) ordered.unshift(...ordered.splice(lead, 1));
    const pageBriefs = i % 4 === 1 ? briefs.splice(0, i === 9 ? briefs.length : 3) : [];
    specs.push({ index: i, columns: grids[i % grids.length]!, stories: ordered, briefs: pageBriefs });
  }
  return specs;
}

export function generatePages(sample: readonly SampleStory[], written: readonly Story[], seed = NEWS_SEED): NewsPage[] {
  return planPages(sample, written, seed).map((spec) => renderPage(spec, seed));
}
