import nodejieba from 'nodejieba';
import { opensAffiliation } from './rules/affiliation.ts';
import { opensDateline } from './rules/dateline.ts';
import { isBylineLine, isSignedName, signedNames } from './rules/credits.ts';
import { looksLikeName, splitNames } from './rules/names.ts';
import type { Block, Flavour, SourceLine } from './types.ts';
import { cellWidth, displayWidth, endsSentence, leftOpen } from './rules/chars.ts';
import { continues, continuesAcross } from './rules/continuation.ts';
import { affinity, contentWords } from './rules/topic.ts';
import { boxLineLength } from './rules/glued.ts';
import { parseCaption, photographersOf } from './rules/caption.ts';
import { HEADING_MARK } from './rules/heading-sizes.ts';
import { isHeaderPiece, readPageHeader } from './rules/page-header.ts';
import { isColumnLabel, isSidebarLabel, isStaffCredit, looksLikePaperName, partEnded } from './rules/headline.ts';
import { isSpacedOut, repairSpacing } from './rules/spacing.ts';
import { splitJoinedLines } from './rules/joined-lines.ts';
import { cutBeforeQuote } from './rules/quote-cut.ts';
import { unclosed } from './rules/first-line.ts';
import { CAPTION_MAX_CHARS, NAME_REUSE_LINES, HEAD_OVER_NAME_LINES, OTHER_COLUMN_RADIUS, COLUMN_PERCENTILE, GLUED_HEAD_LEAD_MIN_CHARS, COLUMN_RADIUS, FULL_SLACK, FULL_SLACK_SPACED, GAP_RADIUS, INDENT_SLACK, MARKDOWN_MEDIAN_WIDTH, MARKDOWN_SHORT_WIDTH, NARROW_HEAD_MAX_CHARS, NARROW_HEAD_MIN_LINES, COLUMN_GAP_ROWS, OPEN_BRACKET_MAX_LINES, OVERWIDE_FACTOR, OVERWIDE_MARGIN, WIDER_LINE_EM, HEAD_PART_MAX_LINES, VERTICAL_HEAD_MIN_GLYPHS, WIDE_PART_EM, DISPLAY_MAX_CHARS, PIECES_MIN_LINES, PIECES_MIN_SHARE, GLUED_PARAGRAPH_RADIUS, SPLIT_VOTE_AFFINITY } from './thresholds.ts';

/**
 * Which of the two extraction flavours a file is in: Markdown-like converter output
 * (`#` headings, one long line per paragraph) or column-wrapped PDF text (one short line
 * per printed column line). Decided from the text, never from the file name.
 */
export function detectFlavour(lines: SourceLine[]): Flavour {
  if (lines.length === 0) return 'column';
  // `#` marks read as type sizes (lines.ts took the body's off): a converter that kept the printed
  // lines, so the widths decide, as for any other text
  const sizeMarked = lines.some((l) => l.heading === 0 && HEADING_MARK.test(l.raw));
  if (!sizeMarked && lines.some((l) => l.heading > 0)) return 'markdown';
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)];
  return median > MARKDOWN_MEDIAN_WIDTH ? 'markdown' : 'column';
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/**
 * The width of a full column line near line i: the 70th percentile of the widths of the
 * neighbouring lines of the same page. Columns differ between articles and boxes of one
 * page (a 10-em box beside a 21-em column in 001), so the window is small.
 */
export function localColumnWidths(lines: SourceLine[], radius = COLUMN_RADIUS): number[] {
  // lines of type set vertically: runs of VERTICAL_HEAD_MIN_GLYPHS lines or more holding one glyph each
  const glyph = lines.map((l) => [...l.text.trim()].length === 1);
  const upright = glyph.map(() => false);
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && glyph[end] && (end === i || lines[end].page === lines[i].page)) end++;
    if (end - i >= VERTICAL_HEAD_MIN_GLYPHS) for (let k = i; k < end; k++) upright[k] = true;
    i = Math.max(end, i + 1);
  }
  return lines.map((line, i) => {
    const around: number[] = [];
    for (let j = Math.max(0, i - radius); j <= Math.min(lines.length - 1, i + radius); j++) {
      const l = lines[j];
      // (type set vertically, one glyph a line, is no column line: a vertical headline beside a
      // story would make its column look narrow, and its full lines look like two lines glued)
      if (l.page !== line.page || (j !== i && upright[j])) continue;
      // kept sorted as it grows (at most 2 × radius + 1 widths: cheaper than sort())
      let k = around.length;
      while (k > 0 && around[k - 1] > l.width) {
        around[k] = around[k - 1];
        k--;
      }
      around[k] = l.width;
    }
    return percentile(around, COLUMN_PERCENTILE);
  });
}

/**
 * A paragraph's text as joinWrapped() builds it line by line, kept as pieces and joined once:
 * reading the last character of a string grown by `+` flattens it every time, which made a
 * block of n lines cost n² (a file of 200 000 short lines: 8 minutes).
 */
class WrappedText {
  private readonly parts: string[] = [];
  /** Last character so far ('' while the text is empty). */
  private last = '';
  /** joinWrapped(text, piece). */
  wrap(piece: string): void {
    if (piece === '') return;
    if (this.parts.length > 0 && /[A-Za-z]/.test(this.last) && /^[A-Za-z]/.test(piece)) this.parts.push(' ');
    this.parts.push(piece);
    this.last = piece[piece.length - 1];
  }
  /** `${text} ${piece}`: a Markdown hard break. */
  spaced(piece: string): void {
    this.parts.push(' ', piece);
    this.last = piece === '' ? ' ' : piece[piece.length - 1];
  }
  toString(): string {
    return this.parts.join('');
  }
}

export function makeBlock(lines: SourceLine[], short: boolean): Block {
  const wrappedText = new WrappedText();
  const wrappedDisplay = new WrappedText();
  lines.forEach((l, k) => {
    wrappedText.wrap(repairSpacing(l.text, { keepWordSpaces: false }));
    const d = repairSpacing(l.text, { keepWordSpaces: true });
    if (k > 0 && lines[k - 1].hardBreak) wrappedDisplay.spaced(d);
    else wrappedDisplay.wrap(d);
  });
  const text = wrappedText.toString();
  const display = wrappedDisplay.toString();
  return {
    lines,
    text,
    display,
    page: lines[0].page,
    first: lines[0].no,
    last: lines[lines.length - 1].no,
    short,
    terminal: endsSentence(text),
    heading: lines[0].heading,
  };
}

/**
 * A line that ends in a photo credit (`何大明 摄`, `（石峰区委宣传部供图）`) or a closing name
 * credit (`…送回家中。（许天喜 聂 沛）`) ends its block whatever its width. A bracket closed
 * right after a word is inside a sentence (`…职业教育科技园（以下简称职教园）`, pdftotext on typeset
 * news page 8, seed 23): read as a credit, it ended the paragraph and made the next full line a
 * headline (bracket-inside-sentence-at-line-end.txt).
 */
function endsWithCredit(text: string): boolean {
  return /(^|[。！？\s])[^，、。“”\s]{0,14}\s?(摄|供图)[）)]?$/u.test(text) || /(?:^|[^\u4e00-\u9fffA-Za-z0-9])[（(][^（）()，。,]{2,100}[）)]$/u.test(text);
}

/**
 * A credit or an affiliation note wrapped over lines, closing at `line`: the block opens on its
 * bracket and `line`, which opens none, closes it (`（作者单位：…中` / `…研究中心）`, then the next
 * essay's headline set tight under it by an extractor that prints no blank lines: pypdf and PDFBox
 * on the development pages). It ends its block there. A bracket opened inside a sentence
 * (`…提质行动”（以下简称…` / `…两大行动）`) closes inside it too, and the sentence goes on.
 */
function creditWrappedTo(current: readonly SourceLine[], line: SourceLine): boolean {
  return current.length > 1 && /[）)]\s*$/u.test(line.text) && /^\s*[（(]/u.test(current[0]!.text) && endsWithCredit(current.map((l) => l.text.trim()).join(''));
}

/**
 * An opening bracket not yet closed (`讯（记` / `者 陈鸿飞 …）`), or a dateline's `…讯` alone:
 * the text goes on. Counted line by line as a block grows (re-reading the joined text at each
 * line would be quadratic in the block's length).
 */
/** Round brackets, full- or half-width, a text opens less those it closes. */
function roundBracketBalance(text: string): number {
  return (text.match(/[（(]/gu)?.length ?? 0) - (text.match(/[）)]/gu)?.length ?? 0);
}

class Brackets {
  private balance = 0;
  private tail = '';
  private held = 0;
  add(text: string): void {
    const was = this.balance > 0;
    this.balance += roundBracketBalance(text);
    if (text !== '') this.tail = text[text.length - 1];
    this.held = this.balance > 0 ? (was ? this.held + 1 : 1) : 0;
  }
  get unclosed(): boolean {
    return this.balance > 0 || this.tail === '讯';
  }
  /**
   * Lines the open bracket has been held open, the line it opened on counted: a closing credit's
   * bracket opened on a long paragraph's last line (`…奉献青春力量。（记者` / `谢嘉 通讯员 周媛 钟一苇）`,
   * MuPDF and others on typeset news page 12, seed 31) is as young as a dateline's on a first line.
   */
  get heldLines(): number {
    return this.held;
  }
}

/** Two or three names glued with nothing between (two three-character names as one line of six): a signature, never a line of display type. */
const namesGlued = (text: string) => {
  const names = /^[\u4e00-\u9fff]{4,9}$/u.test(text) ? splitNames([text]) : [];
  return names.length > 1 && names.every(looksLikeName);
};
/** Display lines (headlines, kickers) carry no sentence punctuation. */
const hasSentencePunct = (text: string) => /[，。；、,;]/u.test(text);
/** Running text's marks: a pause or a sentence's end (display type holds none; a kicker may hold a `、`). */
const punctuated = (text: string) => /[，。；！？,;!?]/u.test(text);
/** A photo's credit ends the line (`…白鹤在湿地觅食。 谢岚 摄`, `（唐欣 摄）`). */
const PHOTO_CREDIT_END = /(?:摄|供图|摄影)\s*[）)]?$/u;
/** Running text that stops on a word that cannot end a clause, alone: a negation or a preposition (`…改革不` / `停歇，…`). */
const endsOnGoverningWord = (text: string) => /^[不没把被将向从对与和及或]$/u.test(nodejieba.cut(text.replace(/\s+/gu, '').slice(-8)).at(-1) ?? '');

/** A line that starts with a closing mark: a quote, bracket or pause that cannot open running text. */
const CLOSER_FIRST = /^\s*[”’」』）)》〉】，、。；：！？]/u;

/**
 * Do the lines from `at` hold a head over a signed name: one to HEAD_OVER_NAME_LINES lines
 * without sentence punctuation, then a line that is only a name or two (`贺岚`, `吴 川 韩立坤`)?
 * Text set without blank lines gives no other sign that a paragraph has ended before them.
 */
function headOverName(lines: readonly SourceLine[], at: number): boolean {
  for (let k = at; k < Math.min(lines.length, at + HEAD_OVER_NAME_LINES + 1); k++) {
    const t = lines[k].text;
    if (k > at && signedNames(t)) return true;
    if (hasSentencePunct(t) || endsSentence(t) || lines[k].page !== lines[at].page) return false;
  }
  return false;
}

/**
 * Is line `at` a headline line over a dash-led subtitle: display text (no pause, no sentence
 * punctuation, at most DISPLAY_MAX_CHARS characters), with a line opening on a dash set tight
 * under it that holds no pause or sentence end either (`——` alone, `——“…研讨会”`)? A dash-led
 * line of running text, an item of a list (`——整合资源、汇聚力量，…`), holds its pauses.
 */
function headOverDashLine(lines: readonly SourceLine[], at: number): boolean {
  const head = lines[at];
  const dash = lines[at + 1];
  if (dash === undefined || head.pageStart || dash.pageStart || dash.blanksBefore > 1 || head.heading !== dash.heading) return false;
  const bare = (t: string) => !/[，,、；;：:。！？!?]/u.test(t);
  return bare(head.text) && /[\u4e00-\u9fff]/u.test(head.text) && [...head.text.trim()].length <= DISPLAY_MAX_CHARS && /^\s*[—－]{2}/u.test(dash.text) && bare(dash.text);
}

/** The most common number of blank lines between lines near line i (0 or 1 in the samples). */
function localGaps(lines: SourceLine[], radius = GAP_RADIUS): number[] {
  return lines.map((line, i) => {
    const counts = new Map<number, number>();
    for (let j = Math.max(1, i - radius); j <= Math.min(lines.length - 1, i + radius); j++) {
      const g = Math.min(lines[j].blanksBefore, 2);
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    let best = 0;
    let bestCount = -1;
    for (const [g, c] of counts) if (c > bestCount || (c === bestCount && g < best)) [best, bestCount] = [g, c];
    return best;
  });
}

/** The genre word that ends a title after its quoted or bracketed subject (`“…研讨会”述要`, `《…》简评`). */
const GENRE_TAIL = /^(述要|简评|综述|述评|书评|侧记|纪要|札记)$/u;

/**
 * A few characters up to a pause, set as a line of their own (`指出：`): `pdftotext -raw` cuts a
 * printed line after a pause where justification widened the space. A full line over one is a
 * paragraph's first line, which goes on (a full first line with no pause / `指出：`), not a headline.
 */
/** A piece of a line that is one structural particle, which only ever binds a word to the next (`的`, `地`, `得`). */
const LONE_PARTICLE = /^\s*[的地得]\s*$/u;
const PAUSE_PIECE = /^[^\s，。；！？、：:,;!?]{1,8}[：:，,、；;]$/u;

/** A line of one glyph of type set vertically: a character, a quotation mark or bracket (`“` / `薪` / `”`), or a bracket in its vertical form (`﹃`, `︽`). */
const UPRIGHT_GLYPH = /^\s*[\u4e00-\u9fff\ufe10-\ufe19\ufe30-\ufe4f“”‘’《》「」『』〈〉（）·]\s*$/u;
/** …a character: a run of glyphs starts with two (a quotation mark alone on a line is more often a column's stray mark). */
const UPRIGHT_CHAR = /^\s*[\u4e00-\u9fff]\s*$/u;

/** A line of Han characters and nothing else: its printed width is its length, exactly. */
const HAN_ONLY = /^[\u4e00-\u9fff]+$/u;
/** A series' number ending a line (`…·之三`, `…⑥`; never a fraction, `三分之一`). */
const SERIES_MARK_END = /(?:[①-⑳㈠-㈩]|(?<!分)之[一二三四五六七八九十]{1,3})$/u;

/** A line and the next set one glyph a line, tight: the start of type set vertically (`黄` / `永` / `玉` / `倡` …). */
const uprightRun = (line: SourceLine, next: SourceLine | undefined) => next !== undefined && next.blanksBefore <= 1 && !next.pageStart && UPRIGHT_CHAR.test(line.text) && UPRIGHT_CHAR.test(next.text);

/** Line k an opening quotation mark alone, a character set tight under it: a vertical run that quotes (`把` / `“` / `小` / …). */
const quoteThenChar = (lines: readonly SourceLine[], k: number) => /^\s*[“‘「『《（]\s*$/u.test(lines[k]!.text) && lines[k + 1] !== undefined && lines[k + 1]!.blanksBefore <= 1 && !lines[k + 1]!.pageStart && UPRIGHT_CHAR.test(lines[k + 1]!.text);

/** Line i opens type set vertically: a character, and under it, tight, a character or a quotation mark over one. */
const opensUpright = (lines: readonly SourceLine[], i: number) => uprightRun(lines[i]!, lines[i + 1]) || (UPRIGHT_CHAR.test(lines[i]!.text) && lines[i + 1] !== undefined && lines[i + 1]!.blanksBefore <= 1 && !lines[i + 1]!.pageStart && quoteThenChar(lines, i + 1));

/** Is `word` used again in the NAME_REUSE_LINES lines from line k (a name signs; a headline's word recurs in its story)? */
const usedAfter = (lines: readonly SourceLine[], k: number, word: string) => lines.slice(k, k + NAME_REUSE_LINES).some((l) => l.text.replace(/\s+/gu, '').includes(word));

/**
 * A run of type set down, one glyph a line, and a line of several characters set across after a
 * blank line: two things on the page, though a word may run across (`…解` / `“` / `薪` / `”` / `愁`,
 * blank, `云梦新闻`, the paper's name in the page's header, reads 愁云: pdftotext on typeset news
 * page 5, seed 11). Vertical type gives its glyphs one a line to its end; what stands across after
 * a blank line is the next element.
 */
const downThenAcross = (run: readonly SourceLine[], next: SourceLine) =>
  next.blanksBefore > 0 && run.length >= VERTICAL_HEAD_MIN_GLYPHS && run.every((l) => UPRIGHT_GLYPH.test(l.text)) && [...next.text.replace(/\s+/gu, '')].length >= 2;

/**
 * Lines k, k+1, … to the end of a run of single glyphs are three that spell a signed name (`钱` /
 * `乘` / `旦`); two (`纪` / `实`) are as often a headline's last word (news pages, MuPDF and pypdf).
 */
function signsRun(lines: readonly SourceLine[], k: number): boolean {
  let end = k;
  while (end < lines.length && end - k <= 3 && UPRIGHT_GLYPH.test(lines[end]!.text) && (end === k || lines[end]!.blanksBefore <= 1) && !lines[end]!.pageStart) end++;
  return end - k === 3 && !UPRIGHT_GLYPH.test(lines[end]?.text ?? '') && isSignedName(lines.slice(k, end).map((l) => l.text.trim()).join(''));
}

/** Role words a byline opens with, as a vertical run spells them one glyph a line. */
const VERTICAL_ROLES = ['本报记者', '记者', '通讯员', '实习生', '本报通讯员'];

/** Lines k, k+1, … are single glyphs spelling a role word (a vertical byline starts at line k). */
function spellsRoleWord(lines: readonly SourceLine[], k: number): boolean {
  return k >= 0 && VERTICAL_ROLES.some((w) => [...w].every((ch, j) => lines[k + j]?.text.trim() === ch && (j === 0 || lines[k + j]!.blanksBefore <= 1)));
}

/**
 * Does line i close a round bracket that the lines set tight above it (at most
 * OPEN_BRACKET_MAX_LINES, nested brackets counted) leave open (`（记者 周明远 通讯员` / `林晓燕 实习生` /
 * `王小红）`)?
 */
function closesBracketAbove(lines: readonly SourceLine[], i: number): boolean {
  if (!/^[^（(]*[）)]/u.test(lines[i].text)) return false;
  let depth = 0;
  for (let j = i - 1; j >= 0 && i - j <= OPEN_BRACKET_MAX_LINES; j--) {
    depth += roundBracketBalance(lines[j].text);
    if (depth > 0) return true;
    if (lines[j].blanksBefore > 0 || lines[j].pageStart) break;
  }
  return false;
}

/**
 * For each line, whether it and the next are lines of one headline set in a narrow box: a run of
 * NARROW_HEAD_MIN_LINES or more tight lines of one length (the last may be shorter), each of at
 * most NARROW_HEAD_MAX_CHARS characters with neither sentence punctuation nor a space, and not a
 * stack of names (`韶山变民` / `生“实事` / `清单”为` / `群众“幸` / `福账单”`: no word runs across
 * `实事` / `清单`, and only the box says the lines are one).
 */
function narrowHeadRuns(lines: readonly SourceLine[]): boolean[] {
  // the last line may hold a single character (`衡阳县巡` / … / `动卖菜老` / `人`)
  // (a comma inside a line takes a cell: `入选国家` / `首批,湖` / `南唯一一`; one ending it is running text's)
  const cells = (t: string, least: number) => (isSignedName(t) ? 0 : boxLineLength(t.replace(/^([^，,]+)[，,](?=[^，,]+$)/u, '$1·'), least));
  // (a closing mark may hang past the box's edge: `家高校组团提供` / `志愿填报“妙方”`)
  const length = (l: SourceLine, least = 3) => {
    const t = l.text.trim();
    return cells(t, least) || (/[”’」』》）)]$/u.test(t) ? cells(t.slice(0, -1), least) : 0);
  };
  // tight lines, or lines each standing between blank lines alike (pdftotext -layout gives each
  // line of large type its own text line, the rows of other columns between: `整治校园` / blank /
  // `周边环境` / blank / `保畅安`); more blank lines than that part them
  const apart = (l: SourceLine) => (l.blanksBefore === 0 ? 0 : l.blanksBefore <= COLUMN_GAP_ROWS + 1 ? 1 : 2);
  const joins = lines.map(() => false);
  for (let i = 0; i < lines.length; ) {
    // a line that closes a round bracket left open on the lines above is their end, never a box's
    // first line (`（记者 戴凇 通讯员` / `朱泉霖）` / `加强合作` / `校企来了` / …, a story's closing credit
    // over its head printed after it: pdftotext -raw and five more on typeset news page 3, seed 11,
    // where the name's line, four cells wide as the head's, opened the box and the head ran into the credit)
    if (closesBracketAbove(lines, i)) {
      i++;
      continue;
    }
    let end = i;
    let n = length(lines[i]);
    // a first line one short where the mark that would end it may not end a line and opens the next
    // (`我市启动冬季` / `“高职院校进校` / …): the box is as wide as the next
    const first = n;
    if (n > 0 && n < NARROW_HEAD_MAX_CHARS && /^[“‘《「]/u.test(lines[i + 1]?.text.trim() ?? '') && length(lines[i + 1]) === n + 1) n++;
    if (n > 0) {
      // (marked type sizes say it themselves: a converter's blank lines stand between all lines)
      const gap = lines[i + 1] === undefined || lines[i].heading > 0 ? 0 : apart(lines[i + 1]);
      // line k goes on in the box's spacing and size
      const more = (k: number) => k < lines.length && apart(lines[k]) === gap && !lines[k].pageStart && lines[k].heading === lines[i].heading;
      for (;;) {
        if (gap >= 2 || !more(end + 1) || length(lines[end]) !== (end === i ? first : n)) break;
        const m = length(lines[end + 1], 1);
        // a line of the box cut before its opening quote (`命”` / `“株`, pdftotext): its two pieces make one line
        if (m > 0 && m < n && more(end + 2) && /^[“‘《「]/u.test(lines[end + 2].text.trim()) && m + length(lines[end + 2], 1) === n) {
          end += 2;
          continue;
        }
        if (m === 0 || m > n) break;
        end++;
      }
    }
    // a shorter last line ends the box only where no line of its own length follows it tight: two
    // phrases of one length over a narrower box are a kicker over its headline (`昔日臭水沟` /
    // `如今景观带` / `桃花镇治` / `水还河清`)
    const after = lines[end + 1];
    if (end > i && length(lines[end], 1) < n && after !== undefined && (after.blanksBefore === 0) === (lines[end].blanksBefore === 0) && length(after, 1) === length(lines[end], 1)) end--;
    // a box as wide as NARROW_HEAD_MAX_CHARS is as wide as a kicker: three lines, the last short,
    // are as often a kicker over a headline of two (`抓好农时不放松` / `冬春农业生产有` / `序推进`,
    // seed 19 page 8); it takes a fourth line, or three full ones (a box's line may fall one short
    // where a mark may not open the next: `芦淞区:打好助` / `企“组合拳”梧` / `桐枝茂产业兴`)
    // (not a box whose first line fell one short before an opening quote: a kicker's line is full)
    const kickerWide = n === NARROW_HEAD_MAX_CHARS && first === n && end - i + 1 === NARROW_HEAD_MIN_LINES && length(lines[end], 1) < n - 1;
    const run = end - i + 1 >= NARROW_HEAD_MIN_LINES && !kickerWide;
    if (run) for (let k = i; k < end; k++) joins[k] = true;
    // too few lines for a box: the next may still open one (`芷汀时报`, blank, `入选国家` / `首批,湖` / …)
    i = run ? end + 1 : i + 1;
  }
  return joins;
}

/**
 * Column-wrapped flavour. A line continues its paragraph when it fills the column (or was
 * justified with inserted spaces), or when it is a paragraph's first line, set 2 em in.
 * A shorter line ends the paragraph. Headline lines are told apart by their spacing: where
 * column lines are separated by a blank line, headline, subtitle and caption lines sit
 * together without one (`鲲鹏展翅从兹起` + `——职业教育的株洲模式之“产教融合”篇`), so a
 * change of gap never joins. A page start always begins a new block.
 */
function columnBlocks(source: SourceLine[]): Block[] {
  const full = localColumnWidths(source);
  // a printed line cut before its opening quote (cutBeforeQuote: `…指出：` / `“…，…`,
  // MuPDF) whose pieces fill the column together (within INDENT_SLACK either side: the local
  // column is a percentile of the lines around, and a cut line set at the page's top measured
  // up to 3.5 em over it): the paragraph goes on across the cut, and the
  // second piece carries the printed line's width (SourceLine.width), which the rules below and
  // the later stages read
  const joinedAt = new Set<number>();
  const lines = source.map((l, i) => {
    if (i === 0 || !cutBeforeQuote(source, i - 1)) return l;
    const sum = source[i - 1].width + l.width;
    if (sum < full[i - 1] - INDENT_SLACK || sum > full[i - 1] + INDENT_SLACK) return l;
    joinedAt.add(i - 1);
    return { ...l, width: sum };
  });
  const gaps = localGaps(lines);
  // text in pieces of printed lines (pdftotext -raw on justified columns breaks a line wherever its
  // spacing changes, mostly after a pause: `绝非` / `易事，` / `任重道远。新时代，`): there a line's
  // width says nothing of where a paragraph ends, only its sentence does
  const inPieces = lines.length >= PIECES_MIN_LINES && lines.filter((l) => /[，、；：,;:]\s*$/u.test(l.text)).length >= lines.length * PIECES_MIN_SHARE;
  const isFull = (i: number) => lines[i].width >= full[i] - (lines[i].spacedOut ? FULL_SLACK_SPACED : FULL_SLACK);
  // a line full in print though short in em: each full-width mark takes a whole cell on the page,
  // but width (and so the local column) counts it half, as a half-width mark is; a line of two
  // commas among lines holding half-width digits reads a cell or two short of its column
  // (`特征之一，近年来，职教园大力`, pdftotext on typeset news page 8, seed 29; punctuated-line-full-in-print.txt).
  // Only for a line that ends no sentence (below): read so, a paragraph's first line after it
  // (isIndented, measured the same way) cost the development pages' `-layout` boundaries 0.03
  const fullInCells = (i: number) => cellWidth(lines[i].text) >= full[i] - FULL_SLACK;
  // a line left open whose word runs on two lines down and not into the next, blank lines between…
  const skipsOne = (i: number) =>
    i >= 0 && i + 2 < lines.length && lines[i + 1].blanksBefore > 0 && lines[i + 2].blanksBefore > 0 && !lines[i + 1].pageStart && !lines[i + 2].pageStart && leftOpen(lines[i].text) && !continuesAcross(lines[i].text, lines[i + 1].text) && continuesAcross(lines[i].text, lines[i + 2].text);
  // line k is a story's opening line printed between a column's cut line and the line that goes
  // on with it, two lines down (`…种植户要提前做好大棚加固和蔬` / `本报讯（记者 …）…` / `菜防冻。`)
  const storyLineBetween = (k: number) => skipsOne(k - 1) && opensStoryLine(lines[k].text);
  // a line between them that is another column's paragraph end: short, closing its sentence, and
  // run into by a word from another line left open nearby (`…沿海外贸企业加紧生` / `欢迎。` / `产，港口…`,
  // pdfminer on typeset news page 2: `欢迎。` ends `…新开发的节能产品尤其受`, printed a box later). A
  // paragraph's own end between (`…开创` / a short line, `…。` / `新…`, where 创新 reads
  // across by chance, pdf2md on the development pages) is run into by no other line
  // (k is a line of the file: interleaved asks it only of i + 1, after skipsOne has seen i + 2)
  const endsOtherColumn = (k: number) => {
    if (!endsSentence(lines[k].text) || isFull(k)) return false;
    for (let j = Math.max(0, k - OTHER_COLUMN_RADIUS); j <= Math.min(lines.length - 1, k + OTHER_COLUMN_RADIUS); j++) {
      if (j !== k && j !== k - 1 && lines[j].page === lines[k].page && lines[j].heading === 0 && punctuated(lines[j].text) && leftOpen(lines[j].text) && continuesAcross(lines[j].text, lines[k].text)) return true;
    }
    return false;
  };
  // a line between them that is another story's first line, left open: pdfminer prints a brief's
  // first line, set in, a box of its own, late (`…种植户要提前做好大棚加固和蔬` / `为方便老旧小区居民出行，
  // 市公交集团近日开通两条微循环线路，串联` / `菜防冻。`, typeset news page 2, seeds 11 and 29); a line of
  // running text, as the cut line is, not a header, and one that reads nothing of the paragraph it
  // would cut, its lines so far and the line it goes on in: a line of that paragraph does (`…美国建筑师
  // 协会建筑` / `类大奖等，已成为吉首市新的文化地标和` / `网红打卡地。` reads 建筑网 by chance, and 吉首 is
  // the paragraph's: the sample's column text; `…谭国平` / `与海鲜店老板核实…谭国` / `平自己…` reads
  // 平平, and 老板 is the paragraph's: pdf2md, seed 29), and one whose own headline stands near, a
  // display line within OTHER_COLUMN_RADIUS lines that reads of it (SPLIT_VOTE_AFFINITY: `城区新增两条
  // 微循环公交线路` over `为方便…市公交集团近日开通两条微循环线路，串联`): a line of the paragraph that
  // shares no word with it has no head of its own near (`…谭国平` / `立即调取监控录像…谭国` / `平自己…`).
  // (`paragraph`: the text of the paragraph the cut line ends, so far; asked for only when the
  // line's own tests pass, not on every line read)
  const headNear = (k: number) => {
    if (contentWords(lines[k].text).size === 0) return false;
    for (let j = Math.max(0, k - OTHER_COLUMN_RADIUS); j <= Math.min(lines.length - 1, k + OTHER_COLUMN_RADIUS); j++) {
      if (Math.abs(j - k) > 1 && lines[j].page === lines[k].page && !punctuated(lines[j].text) && [...lines[j].text.replace(/\s+/gu, '')].length <= DISPLAY_MAX_CHARS && affinity(contentWords(lines[j].text), lines[k].text) >= SPLIT_VOTE_AFFINITY) return true;
    }
    return false;
  };
  const opensOtherColumn = (k: number, paragraph: () => string) =>
    leftOpen(lines[k].text) && punctuated(lines[k].text) && lines[k].heading === lines[k - 1].heading && !header[k] && affinity(contentWords(lines[k].text), paragraph() + lines[k + 1].text) === 0 && headNear(k) && !continuesAcross(lines[k].text, lines[k + 1].text);
  // …and so does the line beside it: two columns' lines in turn (one such line alone is as often a
  // word read across by chance: `…科技工信` / `局把…` / `风和…` makes 信风), unless the line between is
  // another column's paragraph end
  const interleaved = (i: number, paragraph: () => string) => skipsOne(i) && (skipsOne(i + 1) || skipsOne(i - 1) || endsOtherColumn(i + 1) || opensOtherColumn(i + 1, paragraph));
  const isIndented = (i: number) => lines[i].setIn === true || (lines[i].width >= full[i] - INDENT_SLACK && lines[i].width < full[i] - FULL_SLACK);
  /**
   * A box's first line set in (or as wide as the column: a miner's widths of an indent are rough),
   * over a full line of running text set tight under it: a paragraph's
   * first line, though no pause or word across the cut says so (`在一家家电出口企业的生产` / `车间里，工人
   * 们正在赶制…`, pdfminer on typeset news page 8, seed 31, where the line read as a headline). A
   * miner boxes a head apart from the text under it; a file without blank lines has no boxes to ask.
   * (The line under holds a comma or a sentence's end: a subtitle set tight under its headline,
   * `株洲吉安43项高频事项“跨省通办”` / `有效解决企业、群众跨省异地办事“`, holds only a list's 、.)
   */
  const boxOpensSetIn = (i: number) => (isIndented(i) || isFull(i)) && lines[i].blanksBefore > 0 && lines[i + 1] !== undefined && lines[i + 1].blanksBefore === 0 && isFull(i + 1) && /[，。；,;]/u.test(lines[i + 1].text);
  /** A line standing with no blank line beside it where its neighbours have one. */
  const tight = (i: number) =>
    gaps[i] >= 1 &&
    ((i > 0 && lines[i].blanksBefore === 0 && !lines[i].pageStart) || (i + 1 < lines.length && lines[i + 1].blanksBefore === 0 && !lines[i + 1].pageStart));
  // a page header line (page number, section twice and date run together) stands alone: extractors that print no
  // blank lines would otherwise run it into the page's first paragraph
  // so does a column label (`本地快讯`, `延伸阅读`): run into the headline under it, it makes a
  // subhead of that headline
  const narrowHead = narrowHeadRuns(lines);
  // (the page's staff credits too: pdftotext sets `责任编辑：戴晨 版式：戴晨` tight under a column's last line)
  const dated = lines.map((l) => readPageHeader(l.text)?.strong === true);
  // a page header line cut at its gutters (pdftotext -layout: `01 经济` / `2023年2月7日 星期二` /
  // `云梦新闻`, three pieces of line 1): each piece stands alone, as the header does
  const headerRows = new Set(lines.filter((_, i) => dated[i]).map((l) => l.no));
  // and so does a line that is a byline and nothing else (`本报记者 孙晓静 通讯员 刘莲苇`, pdftotext, as wide
  // as the column over the story's first line), unless it closes a bracket the line above opened
  // or is a photo credit wrapped before its `摄` (`本报记者 龚毅` / `摄`)
  // and so does a page number alone on the line right after the dated line (`2023年01月24日 周二地方新闻` /
  // `12` / `衡阳县巡` / …, pdf.js text of typeset news page 3: run into the vertical head under it)
  const pageNumber = (i: number) => i > 0 && dated[i - 1] && /^\s*[A-Z]?\d{1,3}\s*$/u.test(lines[i].text) && !lines[i].pageStart;
  // …and so does a paper's name on the other side of the dated line from the page's number and
  // section (`01经济` / `2023年2月7日 星期二` / `云梦新闻`, pdf.js, no blank lines: the name had run into
  // the narrow box of the headline under it, `云梦新闻` / `整治校园` / `周边环境` / `保畅安`)
  const PAGE_AND_SECTION = /^\s*[A-Z]?\d{1,3}\s*[\u4e00-\u9fff·]{2,6}\s*$/u;
  // (not where a name stands over them already, `澧兰日报` / `5 要闻` / `2023年1月3日 星期二` / `制造名城`,
  // or in the dated line, `2023 年 1 月 14 日 星期六 青溪晚报` / `入选国家`: a headline's first line)
  const NAME = /^\s*[\u4e00-\u9fff·]{2,6}\s*$/u;
  const nameBesideDate = (i: number) => i > 1 && dated[i - 1] && PAGE_AND_SECTION.test(lines[i - 2].text) && looksLikePaperName(lines[i].text) && !(i > 2 && !lines[i - 2].pageStart && NAME.test(lines[i - 3].text)) && readPageHeader(lines[i - 1].text)?.publication === undefined && !lines[i].pageStart && !lines[i - 1].pageStart;
  const header = lines.map((l, i) => dated[i] || (headerRows.has(l.no) && isHeaderPiece(l.text)) || pageNumber(i) || nameBesideDate(i) || isSidebarLabel(l.text.trim()) || isColumnLabel(l.text.trim()) || isStaffCredit(l.text) || (isBylineLine(l.text) && !(i > 0 && unclosed(lines[i - 1].text)) && !/^摄/u.test(lines[i + 1]?.text ?? '')));
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  let brackets = new Brackets();
  // after a closing credit, column text prints the headline block: lines without sentence punctuation stand alone
  let afterCredit = false;
  // the block just made is running text left mid-sentence
  let openBefore = false;
  // the glyphs from line k on, one a line in one size, spell a signed name of two or three glyphs
  // and stop there (a line that is no lone glyph, or another size, comes next)
  const nameSpeltDown = (k: number): boolean => {
    const glyph = (l: SourceLine | undefined) => l !== undefined && l.heading === lines[k].heading && !l.pageStart && UPRIGHT_CHAR.test(l.text);
    let end = k;
    while (end - k < 4 && glyph(lines[end])) end++;
    const name = lines.slice(k, end).map((l) => l.text.trim()).join('');
    // (never the head's own last glyphs: a figure's unit, `…近20` / `万` / `人` / `次`, or a word run on)
    const before = lines[k - 1]?.text.trim() ?? '';
    return end - k >= 2 && end - k <= 3 && !glyph(lines[end]) && isSignedName(name) && !/[0-9０-９一二三四五六七八九十百千]$/u.test(before) && !continues(before, name);
  };
  // how many lines of one size run from line k on, set one under the other
  const runOfSize = (k: number): number => {
    let n = 1;
    while (k + n < lines.length && lines[k + n].heading === lines[k].heading && lines[k + n].blanksBefore <= 1 && !lines[k + n].pageStart) n++;
    return n;
  };
  // the block being read, and the next one, start where a wrapped display part ended (Block.resized)
  let resized = false;
  let resizedNext = false;
  // the block being read holds a comma or a sentence's end (kept as it grows: running text, not display)
  let currentPunctuated = false;
  lines.forEach((line, i) => {
    if (current.length > 0 && line.pageStart) {
      blocks.push(makeBlock(current, false));
      resized = false;
      current = [];
      currentPunctuated = false;
      brackets = new Brackets();
    }
    current.push(line);
    currentPunctuated ||= punctuated(line.text);
    brackets.add(line.text);
    const next = lines[i + 1];
    let goesOn = false;
    // a line far wider than its column is display type set across columns (a subtitle, a headline)
    // …unless it is two printed lines of running text an extractor gave as one (pypdf on the news
    // pages: `此次集中驻队执勤的10个站` / `中，芙蓉区张公岭、…长沙县安沙等9个站为中心消防` / `站。…`): it
    // goes on from a column line left mid-sentence, is as wide as two full lines (within
    // INDENT_SLACK: a subtitle under its headline is as wide as it runs), holds a pause, and stops
    // mid-sentence itself; a story's wide lead (`本报讯…`) under its subtitle (`——…`) opens a story,
    // and a subtitle as wide as two lines has the byline or the dateline under it
    const glued = (k: number) =>
      k > 0 &&
      Math.abs(lines[k].width - 2 * full[k]) <= INDENT_SLACK &&
      k + 1 < lines.length &&
      lines[k].blanksBefore === 0 &&
      lines[k + 1].blanksBefore === 0 &&
      lines[k].heading === 0 &&
      (isFull(k - 1) || isIndented(k - 1)) &&
      !endsSentence(lines[k - 1].text) &&
      !/^[—－]{2}/u.test(lines[k - 1].text.trim()) &&
      !opensDateline(lines[k].text) &&
      !isBylineLine(lines[k + 1].text) &&
      !opensDateline(lines[k + 1].text) &&
      !endsSentence(lines[k].text) &&
      /[，、；,;]/u.test(lines[k].text);
    // …nor is a line a word runs into from the line above, that stops mid-sentence: a full line of
    // a column among the pieces an extractor made of justified lines (pdftotext -raw breaks a line
    // at each change of spacing: short pieces ending on a pause or a sentence's end, a word cut
    // across two (`中国共` / `产党人…`), a piece spaced out glyph by glyph, so that the column reads a few
    // characters wide, development pages), never display type set across columns
    const runsInto = (k: number) => k > 0 && lines[k].blanksBefore === 0 && lines[k].heading === lines[k - 1].heading && !endsSentence(lines[k].text) && continuesAcross(lines[k - 1].text, lines[k].text);
    const overwide = (k: number) => lines[k].width > full[k] * OVERWIDE_FACTOR + OVERWIDE_MARGIN && !glued(k) && !runsInto(k);
    if (next !== undefined && (header[i] || header[i + 1] || line.paragraphEnd)) {
      goesOn = false;
    } else if (next !== undefined && next.blanksBefore === 0 && !next.pageStart && next.heading === line.heading && opensDateline(line.text) && leftOpen(line.text) && continuesAcross(line.text, next.text)) {
      // a dateline's line cut inside a word goes on in the line set tight under it, though it holds no
      // pause and falls short of the column (its credit's spaces: `新华社成都1月1日电（记者 叶青禾）一` /
      // `场以“科学点亮梦想”为主题的科普活动日前`, pdfminer on typeset news page 1, seed 17, where the
      // second line stood alone as a headline)
      goesOn = true;
    } else if (inPieces && next !== undefined && next.blanksBefore === 0 && !next.pageStart && next.heading === line.heading && !endsSentence(line.text) && !/[）)]\s*$/u.test(line.text) && [...next.text.trim()].length > 1 && currentPunctuated && !endsWithCredit(line.text)) {
      // a piece of running text that stops mid-sentence goes on in the next piece, however short
      // either is (`来 看 书 的 人` / `多了一倍，` / `不少` / `家长，`); display lines hold no comma or
      // sentence end (a kicker may hold a `、`: `…、` / `…`, a kicker's two lines cut after its pause)
      goesOn = true;
    } else if (inPieces && next !== undefined && next.blanksBefore === 0 && !next.pageStart && next.heading === line.heading && !endsSentence(line.text) && (LONE_PARTICLE.test(next.text) || (/的\s*$/u.test(line.text) && /^\s*[“‘「『]/u.test(next.text)))) {
      // a 的 alone on the next piece, or a piece that ends on 的 over a quotation (`县图书馆主办` / `的` / `“乡土读书月”` /
      // `日前在城南` / `开幕。…`, `…联合主办的` / `“老照片里的` / …: a quotation set as a piece of its
      // own, pdftotext -raw on the development page of 29 January): the particle binds the word before
      // it to the one after, and the block is running text from there on, though no pause has come
      // yet (the first piece read as a headline under a report's name, the quotation as display lines;
      // fixture pieces-particle-and-head-over-dash-subtitle.txt)
      goesOn = true;
      currentPunctuated = true;
    } else if (next !== undefined && line.heading === 0 && next.heading === 0 && current.length === 1 && next.blanksBefore === 0 && !next.pageStart && !isFull(i) && !hasSentencePunct(line.text) && !/[，,、；;：:]/u.test(line.text + next.text) && !hasSentencePunct(next.text) && next.width > line.width + WIDE_PART_EM && !/[“‘「《（﹃﹁『]$/u.test(line.text.trim()) && !/[（(][^）)]*$/u.test(line.text) && !opensDateline(line.text) && !continues(line.text, next.text) && [...next.text.trim()].length <= DISPLAY_MAX_CHARS) {
      // display type over a much wider line of display type: a headline wraps at its measure, so
      // the line under it is another part, a subtitle set smaller and longer (`资兴市掀起农耕文化“研学热”`
      // / `五岭农耕文明博物馆近三年接待研学师生近20万人次`, pdfminer on typeset news page 5, seed 17)
      goesOn = false;
      resizedNext = true;
    } else if (next !== undefined && line.heading === 0 && current.length === 1 && SERIES_MARK_END.test(line.text.trim()) && !hasSentencePunct(line.text)) {
      // a series kicker ends with its number (`聚焦衡南县高质量发展·之三`, `高质量发展看资兴⑥`): a line
      // of its own over the headline, which MuPDF sets tight under it
      goesOn = false;
    } else if (next !== undefined && next.blanksBefore <= 1 && !next.pageStart && next.heading === line.heading && CLOSER_FIRST.test(next.text)) {
      // no line of running text starts with a closing mark: one pushed onto the next line, alone or
      // before the rest of its printed line (pdftotext -raw: `…乡村大变样。` / `”`; `…省心不少。` /
      // `”黄忠民是…`), closes this line's sentence and the paragraph goes on
      goesOn = true;
    } else if (next !== undefined && next.blanksBefore <= 1 && !next.pageStart && next.heading === line.heading && /[”》」）)]$/u.test(line.text.trim()) && GENRE_TAIL.test(next.text.trim())) {
      // a genre word alone on the line under a closing quote or bracket ends that title (`——“…保护利用学术研讨会”`
      // / `述要`, `《…》` / `简评`, pdftotext -raw): never a headline or a name of its own
      goesOn = true;
    } else if (joinedAt.has(i)) {
      // one printed line MuPDF cuts before its opening quote (`…指出：` / `“…，…`):
      // together the two fill the column, and the quotation goes on in the paragraph
      goesOn = true;
    } else if (next !== undefined && next.blanksBefore <= 1 && !next.pageStart && /[（(][^（）()]*$/u.test(line.text) && /^[^（）()]{1,12}[）)]$/u.test(next.text.trim())) {
      // a bracket left open at the line's end and closed by a short line under it, a blank line
      // between where the column broke (`…（记者 谢嘉 通讯员 周媛 钟一` / blank / `苇）`): one credit
      goesOn = true;
    } else if (next !== undefined && current.length === 1 && /^[—－]{2}/u.test(line.text.trim()) && next.blanksBefore === 0 && !next.pageStart && next.heading === line.heading && !punctuated(line.text + next.text) && !/^[—－]/u.test(next.text.trim()) && !isBylineLine(next.text) && signedNames(next.text.trim()) === null && !namesGlued(next.text.trim()) && !opensDateline(next.text) && !header[i + 1] && !isFull(i + 1) && !isIndented(i + 1) && displayWidth(next.text) < displayWidth(line.text)) {
      // a subtitle led by a dash wraps: the shorter line set tight under it, with no comma or
      // sentence's end in either, is its end (`——有效解决企业、群众跨省异地办事“多地跑”` / `“折返跑”等问题`,
      // pdftotext on typeset news page 5, seed 23, where the end read as a headline of its own). Not
      // a line as wide as the column or set in (the story's first line), a byline, a name or two
      // (two names run together, pdf.js on the development page of 29 January), a dateline or the page's header
      goesOn = true;
    } else if (next !== undefined && /^[—－]{2}/u.test(next.text.trim()) && !hasSentencePunct(line.text) && !/[—－]$/u.test(line.text.trim())) {
      // a subtitle opens with a dash on a line of its own under the headline (`积极应对…的挑战` / `——《…》简评`)
      goesOn = false;
    } else if (next !== undefined && opensDateline(next.text)) {
      // a dateline opens a story's first paragraph: the line above it, set tight against it where
      // an extractor leaves no blank lines, is the headline or the end of another story
      // (`社区食堂让老人吃上热乎饭` / `青溪晚报讯（记者 孟秋 通讯`)
      goesOn = false;
    } else if (next !== undefined && opensAffiliation(next.text)) {
      // the note that closes a signed essay (`（作者为…）`) is the essay's credit, never its last sentence
      goesOn = false;
    } else if (next !== undefined && next.blanksBefore <= 1 && !next.pageStart && PHOTO_CREDIT_ALONE.test(next.text.trim()) && current.reduce((n, l) => n + l.text.length, 0) <= CAPTION_MAX_CHARS) {
      // a caption's credit wrapped onto a line of its own (`建设者在主塔顶部作业。 本报记者 龚毅` / `摄`,
      // `游客在古镇观赏花灯。` / `（唐欣 摄）`) stays with its caption
      goesOn = true;
    } else if (next !== undefined && next.blanksBefore === 0 && !next.pageStart && next.heading === line.heading && /[，、；,;]$/u.test(line.text.trimEnd())) {
      // a line that stops at a pause ends no paragraph: its sentence goes on in the line set under
      // it (pdftotext -raw breaks a line after each pause of a justified line: `…、`
      // / `…` / `…，` / `…，` / `…国` / `家…。…`: pieces ending on a pause or a cut word, development pages)
      goesOn = true;
    } else if (next !== undefined && narrowHead[i]) {
      goesOn = true;
    } else if (next !== undefined && (line.heading > 0 || next.heading > 0)) {
      // type sizes marked by a converter (column text has no other headings): a display line set
      // on several lines goes on in the same size; a change of size ends the block
      // (…unless the lines so far end a wrapped part: `## 长沙消防救援又添生` / `## 力军` / `## 10个消防`)
      goesOn = line.heading === next.heading && next.blanksBefore <= 1 && !next.pageStart;
      // …but a name alone in the same size, the last display line before body type, signs the
      // piece (`## 让阅读成为城市的日常` / `## 韦知秋` / `### 一座城市的气质…`): a byline of its own
      if (goesOn && line.heading > 0 && isSignedName(next.text.trim()) && (lines[i + 2] === undefined || lines[i + 2]!.heading !== next.heading)) goesOn = false;
      // …or the line is no wrapped line: a line wrapped fills the measure, so one followed by a
      // wider display line of its size (a crosshead `## …` of 13 characters over one of 15),
      // or made of two phrases set apart (`## … …`, two parallel phrases of seven characters), is a part of its own
      // (only before the last line or two of a run of its size: running text set in a larger size
      // has a first line shorter than the next too, and goes on for many lines)
      // (two lines of Han characters alone measure exactly: wider at all is wider, `## 民生实事看落实` /
      // `## 社区食堂让老人吃` / `## 上热乎饭`, pdf2md on typeset news pages)
      const slack = HAN_ONLY.test(line.text.trim()) && HAN_ONLY.test(next.text.trim()) ? 0 : WIDER_LINE_EM;
      const ownPart = line.heading > 0 && next.width > line.width + slack && !/[，,、；;]/u.test(next.text) && runOfSize(i + 1) <= HEAD_PART_MAX_LINES;
      // …and so is a line set otherwise than the next: one spaced out and one not (`## …`, 11 characters
      // / `## … … …`, 11 spaced glyph by glyph, type of another size set to the measure), or phrases set
      // apart over a line of one phrase (`## … … …`, three phrases of four characters, / `## …`)
      const phrases = (t: string) => /^\S{2,8}(?: \S{2,8}){1,3}$/u.test(t.trim());
      const setOtherwise = line.heading > 0 && runOfSize(i) <= HEAD_PART_MAX_LINES + 1 && !/[，,、；;。]/u.test(line.text + next.text) && (line.spacedOut !== next.spacedOut || (!line.spacedOut && !next.spacedOut && phrases(line.text) && !phrases(next.text)));
      // …and a series kicker ends with its number (`## 聚焦衡南县高质量发展·之三` / `## “改”出…`)
      const series = line.heading > 0 && SERIES_MARK_END.test(line.text.trim()) && !hasSentencePunct(line.text);
      if (goesOn && (partEnded(current.map((l) => l.width)) || ownPart || setOtherwise || series)) {
        goesOn = false;
        resizedNext = true;
      }
      // a glyph alone in display type after a display line left open is that line's last glyph,
      // whatever size the converter gave it (`##### … 奋 进`, spaced out, / `## 者`: the word 奋进者 cut): no headline of one character
      // (…unless the glyphs from there spell a signed name set vertically and stop, the head's
      // signature: `## 把“小事”当成大事来办` / `## 郑` / `## 远` / `## 航` / `### 群众身边的事…`, pdf2md on
      // typeset news page 7, seed 11)
      if (line.heading > 0 && next.heading > 0 && next.blanksBefore <= 1 && !next.pageStart && /^[\u4e00-\u9fff]$/u.test(next.text.trim()) && !endsSentence(line.text)) goesOn = !nameSpeltDown(i + 1) || UPRIGHT_CHAR.test(line.text);
    } else if (next !== undefined && overwide(i) !== overwide(i + 1) && !brackets.unclosed) {
      goesOn = false;
    } else if (next !== undefined && (brackets.unclosed || /^讯/u.test(next.text)) && (brackets.heldLines > 0 ? brackets.heldLines : current.length) < OPEN_BRACKET_MAX_LINES) {
      goesOn = true;
    } else if ((line.boxedFirst || line.setIn) && next !== undefined && next.blanksBefore === 0) {
      // a paragraph's first line boxed apart (rejoinBoxedFirstLines), even right after a credit and a
      // head (`（作者为…）` / a crosshead / … / a signed name / a first line cut mid-word, `…十九` / blank /
      // `大…`, MuPDF): it goes on into its paragraph, never a headline line of its own;
      // so does a first line that text laid out like the page shows set in by an indent (`setIn`:
      // a first line with no pause, `…报告` / `中指出，…`, after a credit, a head and a name, 人民日报's theory
      // page of 29 January 2018 as `-layout` text, where a short line of no punctuation after a
      // credit reads as a headline line)
      goesOn = true;
    } else if (afterCredit && current.length === 1 && !hasSentencePunct(line.text) && (next === undefined || !continues(line.text, next.text)) && !opensUpright(lines, i) && !(isFull(i) && next !== undefined && next.blanksBefore === 0 && PAUSE_PIECE.test(next.text.trim()))) {
      // a headline line, even a full one (`韶山变民生“实事清单”为群众“幸福账单”`); a body line cut mid-word goes on
      goesOn = false;
    } else if (next !== undefined && downThenAcross(current, next)) {
      // vertical type, then a line set across: the next element, though a word may run across
      goesOn = false;
    } else if (next !== undefined && next.blanksBefore <= 1 && !next.pageStart && !isFull(i) && !hasSentencePunct(line.text) && continuesAcross(line.text, next.text)) {
      // large type the extractor broke into short lines, a word cut at each break
      // (`…变` / `化…社` / `会…`, lines of seven and nine characters): one display block again; a miner
      // that boxes each piece apart puts a blank line between them
      goesOn = true;
    } else if (next !== undefined && next.blanksBefore <= 1 && !next.pageStart && UPRIGHT_GLYPH.test(line.text) && UPRIGHT_GLYPH.test(next.text) && (current.length >= 2 || (UPRIGHT_CHAR.test(line.text) && (UPRIGHT_CHAR.test(next.text) || quoteThenChar(lines, i + 1))))) {
      // type set vertically, one character a line (`梁` / `玉` / `春`): a name or a headline…
      // …which ends where a role word is spelt out under it (`…洞` / `庭` / `湖` / `本` / `报` / `记` /
      // `者` / `龚` …, pypdf's vertical headline and byline in one run): the byline is a block of its own
      goesOn = !spellsRoleWord(lines, i + 1) || spellsRoleWord(lines, i - 1) || spellsRoleWord(lines, i - 2);
      const glyphs = current.map((l) => l.text.trim()).join('');
      // …and where a blank line cuts a run set without them: a signed name over its headline, both
      // vertical (`陈` / `先` / `达`, blank, `法` / `治` / …, pdfminer on the development pages)
      // (a role word spelt out, `本` / `报` / `记` / `者`, blank, `王` / `立` / `新`, stays with its names)
      if (next.blanksBefore > 0 && current.length >= 2 && current.slice(1).every((l) => l.blanksBefore === 0) && !VERTICAL_ROLES.some((w) => glyphs.endsWith(w))) goesOn = false;
      // …and the other way round: a name in small type, each glyph a box of its own (a blank line
      // after each), over a headline in large type set without them (`栾`, blank, `平`, blank, `增` /
      // `强` / `法` / …, pdfminer on the development pages): where the glyphs set apart stop, so does the name
      // (not a word the story goes on to use: `黄`, blank, `河`, blank, `安` / `澜` / … over `黄河安澜是…`
      // is a headline's first word set apart, though 黄河 passes for a name)
      if (next.blanksBefore > 0 && current.length >= 2 && current.slice(1).every((l) => l.blanksBefore > 0) && lines[i + 2] !== undefined && lines[i + 2]!.blanksBefore === 0 && !lines[i + 2]!.pageStart && UPRIGHT_CHAR.test(lines[i + 2]!.text) && isSignedName(glyphs) && !usedAfter(lines, i + 2, glyphs)) goesOn = false;
      // …and where its last three glyphs are a name that signs it, set on under the headline
      // with no break between (`…历` / `史` / `方` / `位` / `钱` / `乘` / `旦`, pdftotext -raw)
      // (never a byline's own names after its role word: `本` / `报` / `记` / `者` / `王` / `立` / `新`)
      // (and never where a word runs across: `…的历` / `史` / `方` / `位` is one headline, pdfminer,
      // its name printed apart before it; 史 is a surname too)
      // …and where a series kicker set vertically ends with its number, over the headline set on in
      // the next column (`聚` / `焦` / … / `展 ·` / `之` / `三` / `“` / `改` / `”` / …, pypdf and
      // pdftotext -raw on typeset news page 6): the kicker is a block of its own
      if (goesOn && SERIES_MARK_END.test(glyphs.replace(/\s+/gu, '')) && !/^\s*[一二三四五六七八九十]/u.test(next.text)) goesOn = false;
      // …and so does a sidebar's label set vertically over its headline (`延` / `伸` / `阅` / `读` /
      // `湖` / `南` / …, pypdf on typeset news page 3, seed 19)
      if (goesOn && isSidebarLabel(glyphs)) goesOn = false;
      if (goesOn && current.length >= VERTICAL_HEAD_MIN_GLYPHS && signsRun(lines, i + 1) && !VERTICAL_ROLES.some((w) => glyphs.includes(w)) && !continues(glyphs, lines.slice(i + 1, i + 4).map((l) => l.text.trim()).join(''))) goesOn = false;
    } else if (next !== undefined && !next.pageStart && next.blanksBefore <= 1 && current.length === 1 && i > 0 && endsSentence(lines[i - 1].text) && line.heading === 0 && next.heading === 0 && isIndented(i) && /[，,、；;][^，,、；;]*[\u4e00-\u9fff]$/u.test(line.text.trim()) && !/[。！？!?]/u.test(line.text) && !UPRIGHT_GLYPH.test(next.text) && !opensStoryLine(next.text) && !header[i + 1]) {
      // a paragraph's first line, set in after a sentence's end, that stops mid-sentence after a pause
      // goes on in the next line, though no word runs across the cut and a blank line stands between
      // (`会上,3所职业院校与3家企业` / `分享了校企合作经验及感悟。`: pdfminer and MuPDF give a printed line a
      // box of its own). Not a short line after a line left open: that is a column's last line cut
      // by a box, which goes on elsewhere (`…把特色农产品` / `卖到全国各地，也让乡村的日子更加红火`,
      // opening-printed-inside.txt). Not into a glyph of vertical type (`…越来越` / a glyph alone, a
      // signed name beside the column), a dateline or the page's header. On the news pages and five
      // seeds 1,659 of 1,663 such joins read on in the page's HTML; the 4 others are lines of two
      // columns interleaved
      goesOn = true;
    } else if (next !== undefined && !next.pageStart && current.length === 1 && i > 0 && endsSentence(lines[i - 1].text) && line.heading === 0 && next.heading === 0 && boxOpensSetIn(i) && !hasSentencePunct(line.text) && !/[：:]/u.test(line.text) && !UPRIGHT_GLYPH.test(next.text) && !opensStoryLine(next.text) && !header[i + 1]) {
      // …and so does one with no pause, at the top of a box, over the paragraph's full lines set tight
      // under it (boxOpensSetIn: `在一家家电出口企业的生产` / `车间里，…`)
      goesOn = true;
    } else if (next !== undefined && !next.pageStart && next.blanksBefore <= 1 && line.heading === 0 && next.heading === 0 && punctuated(line.text) && endsOnGoverningWord(line.text) && /^\s*[\u4e00-\u9fff]/u.test(next.text) && (punctuated(next.text) || isFull(i + 1)) && !header[i + 1] && !opensStoryLine(next.text)) {
      // running text stopping on a negation or a preposition alone goes on in the next line of
      // running text, blank line or not, though no word runs across (`…青春涪口,创业新城。改革不` /
      // `停歇,探索无止境!`, pdfminer on typeset news page 1, where the rest read as a crosshead and the
      // line ran on into the next paragraph). Asked in continues() instead, every block after such a
      // line could take it in threading: development boundaries −0.06, news pdfminer −0.008
      goesOn = true;
    } else if (next !== undefined && !next.pageStart && next.blanksBefore <= 1 && (current.length >= 2 || openBefore) && !endsSentence(line.text) && !PHOTO_CREDIT_END.test(line.text) && next.heading === line.heading && continuesAcross(line.text, next.text)) {
      // a paragraph's lines wrapped short around a picture (`…，养老` / `保险…`, 养老保险 cut):
      // a word cut at the break says the paragraph goes on, however short the lines (a line
      // after a paragraph left mid-sentence is such a line too, `…，…退休人` / `员…`). Not a
      // photo's credit: `…何大明 摄` / `入夏以来` makes 摄入 (typeset news page 12, seed 23, the
      // caption after the page's staff credit)
      goesOn = true;
    } else if (next !== undefined && !next.pageStart && next.blanksBefore === 0 && next.heading === line.heading && currentPunctuated && leftOpen(line.text) && !endsWithCredit(line.text) && !PHOTO_CREDIT_END.test(line.text) && (hasSentencePunct(next.text) || isFull(i + 1)) && (continuesAcross(line.text, next.text) || ((isFull(i) || isIndented(i) || fullInCells(i)) && !PHOTO_CREDIT_END.test(next.text)))) {
      // a line of running text left open goes on into the line set tight under it where a word runs
      // across, whatever the gap between lines nearby (`…发车间隔不超` / `过十五分钟。（记者…）`: pdfminer
      // keeps a box's lines together and sets boxes apart, and the box's first line, after a blank,
      // read otherwise than its second, set tight; parted, the second was taken by another story's
      // open line through a chance word, `…尤其受` + `过` makes 受过). Not a photo's credit (`…何大明 摄`
      // / `入夏以来` makes 摄入), nor into a display line, which holds no pause and is not full
      // (`…“株洲产教联合` / `体”正向你走来`). A line as wide as its column goes on so though no word
      // runs across: a box's lines are one paragraph's (`6月12日晚23时许，…公安局马` / `杜桥派出所接警称：…`,
      // pdfminer on typeset news page 10, seed 23: 马杜桥 is a place nodejieba does not know, and the
      // second line read as a crosshead); not a short line (`谋篇布局，绘就治污蓝图`, a crosshead over
      // its paragraph where a file has no blank lines) nor into a caption (`…接到家啦。古镇花灯迎新春` /
      // `游客在古镇观赏花灯。（唐欣 摄）`, pypdf). A line with no pause of its own goes on so too once
      // its block holds one (`11月29日,…校企合作` / `论坛暨…委员会` / `2023年第一次会议在…职业` / `学院举行。`,
      // one of pdfminer's boxes where most are a line or two: typeset news page 10, seed 37, where
      // the third line read as a headline)
      goesOn = true;
    } else if (next !== undefined && !next.pageStart && next.blanksBefore <= 1 && tight(i) === tight(i + 1) && next.blanksBefore === Math.min(gaps[i + 1], 1)) {
      const terminal = endsSentence(line.text);
      if (endsWithCredit(line.text) || creditWrappedTo(current, line) || /[。！？]\s*[^。！？]{1,20}(摄|供图)[）)]?$/u.test(next.text)) {
        goesOn = false;
      } else if (interleaved(i, () => current.map((l) => l.text).join(''))) {
        // two columns' lines printed in turn, each a box of its own (`…北方多地迎` / `各地环卫部门…气` /
        // `来今冬首场…` / `象专家提醒…`, pdfminer on typeset news page 2): the sentence goes on two lines
        // down, where a word runs across, and the next line belongs to the other column. The line ends
        // its block; threading (thread.ts) takes it on to the line its word runs into
        goesOn = false;
      } else if (isFull(i) || (!terminal && fullInCells(i))) {
        // a sentence ending flush with the column: the next line decides (indented start, or a heading;
        // a headline as wide as the column over a signed name: `…` / `…` / `甲乙丙 丁戊己`, kicker, headline and two names;
        // or a line of two columns printed in turn, whose word runs on two lines down past another
        // story's first line, skipsOne: the other column's, `…问路服务。` / `…展期至二月` / `本报讯（…）…` /
        // `底，…`, two briefs side by side printed line by line by pdfminer on typeset news page 10,
        // seeds 17 and 23; a word read two lines down alone is as often chance, `…一批民` / `间艺人…`)
        goesOn = !terminal || (!isIndented(i + 1) && (isFull(i + 1) || endsSentence(next.text)) && !headOverName(lines, i + 1) && !storyLineBetween(i + 2));
      } else if (current.length === 1 && isIndented(i)) {
        // a first line is followed by full lines; two short lines in a row are a headline and a lead
        // (…and a name alone under a display line signs the head over it: `春耕备耕` / `要早谋划` / `柏松` over the next
        // story's head set in a narrow box, `青少年科` / `普活动走` / …, pdfminer on typeset news page 2,
        // seed 31, where the name, as short as a first line set in, ran into that head)
        goesOn = !terminal && !isIndented(i + 1) && !(i > 0 && !punctuated(lines[i - 1].text) && isSignedName(line.text.trim()) && !continuesAcross(line.text, next.text));
      }
      // a paragraph's last line ends a sentence; a short unpunctuated line after a full one is a
      // name or a label (`——解读…“株洲样本”` / `李永亮`), unless a word runs across the break
      if (goesOn && !isFull(i + 1) && !isIndented(i + 1) && !endsSentence(next.text) && !/[，、；：,]/u.test(next.text) && !continues(line.text, next.text)) goesOn = false;
    }
    // a story's opening line printed between a column's cut line and the line that goes on with it
    // (`…种植户要提前做好大棚加固和蔬` / `本报讯（记者 …）为方便老旧小区居民出行，市公交` / `菜防冻。`:
    // pdfminer gives a brief's first line, set in, a box of its own and prints it late, on typeset news
    // page 2 of every seed; without its dateline, `为方便老旧小区居民出行，市公交集团…串联`, seeds 11 and
    // 29): it ends there, where no word runs on from it, and the cut line is threaded on past it
    // (thread.ts), the opening line back to its own story
    if (goesOn && current.length === 1 && next !== undefined && (storyLineBetween(i) || (skipsOne(i - 1) && opensOtherColumn(i, () => blocks.at(-1)?.text ?? ''))) && !continuesAcross(line.text, next.text)) goesOn = false;
    // a headline over its dash-led subtitle, set tight under a paragraph's last line: the paragraph
    // ends with its sentence, however wide the headline line reads (`…两场讲座。` / a headline /
    // `——` / `“…”` / `开幕见闻` / a name, as pdftotext -raw gives the development page of 29 January,
    // where pieces of lines leave no width to go by and the head ran on in the story before it). Only
    // in text of pieces: in a column, a full line with no pause over a dash-led line is running text
    // as often (`…历时整整两年。` / `有关负责人介绍了今后的安排设想` / `——逐步把公园连成…`, the review)
    if (inPieces && goesOn && endsSentence(line.text) && next !== undefined && headOverDashLine(lines, i + 1)) goesOn = false;
    if (!goesOn) {
      const joined = current.map((l) => l.text).join('');
      const block = makeBlock(current, current.length === 1 && !isFull(i));
      if (current.length === 1 && overwide(i)) block.overwide = true;
      // (no box opens on a credit: one set tight over the next head's box, `（记者 戴凇 通讯员` / `朱泉霖）` /
      // `加强合作` / …, pypdf, joins the box's block, which is then no box; the bracket as far as it closes)
      const opening = /^\s*[（(][^）)]*[）)]/u.exec(joined)?.[0];
      if (current.length >= NARROW_HEAD_MIN_LINES && narrowHead[i - 1] && !(opening !== undefined && endsWithCredit(opening))) block.boxed = true;
      if (resized) block.resized = true;
      resized = resizedNext;
      resizedNext = false;
      // (the page's staff credits are furniture, not a story's closing credit: `责任编辑：戴晨 版式：戴晨`)
      afterCredit = (endsWithCredit(joined) && !isStaffCredit(joined)) || (afterCredit && current.length === 1 && !hasSentencePunct(joined));
      // marked sizes say where the display lines after a credit end: at the first line in body type
      // (`## …` / `## …` / `#### 甲乙丙 丁 戊`, two names / `《…》…`, a paragraph's first line)
      if (line.heading > 0 && next !== undefined && next.heading === 0) afterCredit = false;
      blocks.push(block);
      // (a line that stands alone as furniture or a label — a page header, a staff credit, a
      // column's label — set between two lines of a paragraph leaves it open: `…孩子` /
      // `责任编辑：戴晨 版式：戴晨` / `们在老师指导下…`)
      if (!header[i]) openBefore = !block.short && !endsSentence(joined) && next !== undefined && next.heading === line.heading;
      current = [];
      currentPunctuated = false;
      brackets = new Brackets();
    }
  });
  if (current.length) blocks.push(makeBlock(current, false));
  return blocks;
}

/**
 * Markdown-like flavour: one line is one paragraph, except a line ending in a Markdown
 * hard break (two spaces: `株洲日报全媒体记者/戴凇  ` + `通讯员/王培宏 摄`), and a long
 * line cut mid-sentence that continues after at most one blank line
 * (`…市域产教联合体和行` + `业产教融合共同体。`).
 */
function markdownBlocks(source: SourceLine[]): Block[] {
  // (one line is one paragraph here, and a long line cut mid-sentence goes on: the paragraphs of a
  // joined line keep its width, which says it was long)
  const lines = source.flatMap((l) => unjoinLines(l).map((p) => ({ ...p, width: l.width })));
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  lines.forEach((line, i) => {
    current.push(line);
    const next = lines[i + 1];
    const cutMidSentence =
      line.heading === 0 &&
      line.width >= MARKDOWN_SHORT_WIDTH &&
      !endsSentence(line.text) &&
      !/[：:]$/u.test(line.text) &&
      next !== undefined &&
      next.heading === 0 &&
      next.blanksBefore <= 1 &&
      !next.pageStart;
    const goesOn = next !== undefined && next.heading === 0 && !line.paragraphEnd && ((line.hardBreak && next.blanksBefore === 0) || cutMidSentence);
    if (!goesOn) {
      blocks.push(makeBlock(current, current.length === 1 && line.width < MARKDOWN_SHORT_WIDTH));
      current = [];
    }
  });
  return blocks;
}

/**
 * A converter's line of a story's printed lines joined by spaces, as its paragraphs
 * (splitJoinedLines), under one line number. In column text each is given the column's width,
 * the last its last printed line's: what the column rules read to see whether the next line
 * goes on, and what keeps the local column measure from growing (markdownBlocks gives them the
 * joined line's width back).
 */
function unjoinLines(l: SourceLine): SourceLine[] {
  if (l.heading > 0 || l.spacedOut) return [l];
  const { paragraphs: parts, column } = splitJoinedLines(l.text);
  if (parts.length === 1) return [l];
  return parts.map(({ text: t, lastWidth }, k) => ({
    ...l,
    text: t,
    raw: t,
    width: k < parts.length - 1 ? column : lastWidth,
    ...(k > 0 ? { blanksBefore: 0, pageStart: false, tight: false } : {}),
    ...(k < parts.length - 1 ? { hardBreak: false, paragraphEnd: true } : {}),
  }));
}

/** A line that opens a story: a dateline (`本报讯（记者 …`, `新华社…电`) or a byline (`本报记者 王小明`). */
const opensStoryLine = (text: string) => opensDateline(text) || /^\s*(?:本报记者|本报通讯员)/u.test(text);

/** A photo credit alone on a line, or the `摄` of one cut off by the wrap. */
const PHOTO_CREDIT_ALONE = /^(?:摄|[（(][^（()）。，！？]{1,24}?\s*(?:摄|供图)[）)])$/u;

/**
 * pypdf prints a paragraph's last line and the next paragraph's first line as one line
 * (`…提高履职能力。为激发年轻村（社区）干部的干劲，桃源`): a line far wider than its column (by
 * OVERWIDE_FACTOR) with a sentence end inside, where the text either side fits the column (or
 * the widest running line near it, the piece after the end then a first line set in by an indent
 * at most), is two lines again, under the same line number. So is a paragraph's short last line
 * with the next box's head glued after its sentence end, or with the next paragraph's first line.
 */
function unglueParagraphs(lines: SourceLine[]): SourceLine[] {
  const full = localColumnWidths(lines);
  const widthOf = (t: string) => displayWidth(repairSpacing(t, { keepWordSpaces: false }));
  const split = (l: SourceLine, first: string, second: string): SourceLine[] => [
    { ...l, text: first, raw: first, width: widthOf(first), spacedOut: isSpacedOut(first), hardBreak: false, paragraphEnd: false },
    { ...l, text: second, raw: second, width: widthOf(second), spacedOut: isSpacedOut(second), blanksBefore: 0, pageStart: false, tight: false },
  ];
  const isFull = (k: number) => lines[k].width >= full[k] - FULL_SLACK;
  // the widest running line within GLUED_PARAGRAPH_RADIUS of line i, i left out (display type set
  // across columns left out too)
  const widestAround = (i: number) => {
    let w = 0;
    for (let j = Math.max(0, i - GLUED_PARAGRAPH_RADIUS); j <= Math.min(lines.length - 1, i + GLUED_PARAGRAPH_RADIUS); j++) {
      if (j !== i && lines[j].heading === 0 && lines[j].width <= full[i] * OVERWIDE_FACTOR) w = Math.max(w, lines[j].width);
    }
    return w;
  };
  return lines.flatMap((l, i) => {
    // …and a paragraph's short last line with the next box's head glued after its sentence end
    // (`品。云田镇拆除一处“卫` / `片”违法建筑`, `校。跨江大桥主塔` / `封顶`): the line ends a full paragraph
    // line's sentence, and what follows its end is display type going on on a short line
    const next = lines[i + 1];
    // (not running text cut short before a quotation or a colon: `他还说：` / `“我们这一…`, `这是` / `“伟大复兴”`)
    if (l.heading === 0 && i > 0 && l.blanksBefore === 0 && isFull(i - 1) && !isFull(i) && next !== undefined && next.blanksBefore === 0 && !isFull(i + 1) && !hasSentencePunct(next.text) && !endsSentence(next.text) && !/^\s*[“‘「『《（(]|[：:]\s*$/u.test(next.text)) {
      const m = /^(.*?[。！？!?][”’」』]?)([^，。；、,;！？!?：:]*[\u4e00-\u9fff][^，。；、,;！？!?：:]*)$/u.exec(l.text);
      // (nor running text whose bracket the next line closes: `白关服饰产业园(以下简称“园区”` / `)`; a
      // closing credit that goes on, `（记者 龚柏威 通讯员 贾` / `宏宇 宋振威）`, is set apart all the same)
      const openBracket = (m?.[2].match(/[（(]/gu)?.length ?? 0) > (m?.[2].match(/[）)]/gu)?.length ?? 0) && !/^\s*[（(]\s*(?:本报)?(?:记者|通讯员)/u.test(m?.[2] ?? '');
      if (m !== null && !openBracket && !CLOSER_FIRST.test(next.text) && !/[。！？!?]/u.test(m[1].slice(0, -1).replace(/[”’」』]$/u, ''))) return split(l, m[1], m[2].trim());
    }
    // …and a line of any width whose last sentence is followed by display text, over a dateline
    // (`…名额按报名先后确定。部分路段今晚停水检修` / `本报讯因供水管网改造施工，…`): a dateline opens
    // a story, so what stands right before it is that story's headline
    if (l.heading === 0 && next !== undefined && next.blanksBefore === 0 && opensStoryLine(next.text)) {
      const m = /^(.*[。！？!?][”’」』]?)([^，。；、,;！？!?：:“”（()）]{4,30})$/u.exec(l.text);
      // (a photo's credit after its caption, `白鹤在湿地觅食。 谢岚 摄`, is no headline)
      if (m !== null && m[1].replace(/\s+/gu, '').length >= GLUED_HEAD_LEAD_MIN_CHARS && !PHOTO_CREDIT_END.test(m[2])) return split(l, m[1], m[2].trim());
    }
    // …and a paragraph's short last line with the next paragraph's first line, set in (pypdf on the
    // typeset news pages: `和趣味实验。“原来星星也有颜色！”一`, 17 em among lines of 14): a line wider
    // than every line around it and than its column by more than an indent, after a full line,
    // which a sentence end cuts into a short line and one an indent short of the column (not a
    // file of one paragraph a line, which has no full line). Both width tests: MuPDF's and
    // pdftotext's lines of one column vary by 3 em (`田出苗整齐。下一步将重点…`, 24 em where the
    // column's percentile is 22), and their parts fit the same cut (GLUED_PARAGRAPH_RADIUS)
    if (l.heading === 0 && i > 0 && isFull(i - 1) && l.width > widestAround(i) + FULL_SLACK && l.width > full[i] + INDENT_SLACK && l.width <= full[i] * OVERWIDE_FACTOR + OVERWIDE_MARGIN) {
      for (const m of l.text.matchAll(/[。！？!?][”’」』]?/gu)) {
        const at = m.index + m[0].length;
        const first = l.text.slice(0, at);
        const second = l.text.slice(at).trim();
        const w = widthOf(second);
        if (second !== '' && widthOf(first) < full[i] - FULL_SLACK && w >= full[i] - INDENT_SLACK && w < full[i] - FULL_SLACK) return split(l, first, second);
      }
    }
    if (l.heading > 0 || l.width <= full[i] * OVERWIDE_FACTOR + OVERWIDE_MARGIN) return [l];
    // (a caption of two sentences set across the columns under a wide photo, `株洲生态环境持续好转。
    // 图为株洲河西城区。 本报记者 张咪 摄`, pdftotext on typeset news page 5, seed 23: one caption)
    // (only a line that starts afresh, not a paragraph's line going on from the line above, and
    // only with a credit that names a photographer or a source: `…全县每个村子拍摄` is a sentence)
    const credit = PHOTO_CREDIT_END.test(l.text) ? parseCaption(l.text)?.credit : undefined;
    const goesOnFromAbove = i > 0 && l.blanksBefore === 0 && !l.pageStart && lines[i - 1].page === l.page && punctuated(lines[i - 1].text) && leftOpen(lines[i - 1].text);
    if (credit !== undefined && !goesOnFromAbove && (photographersOf(credit).length > 0 || /记者|通讯员|供图/u.test(credit))) return [l];
    const fits = (t: string, column: number) => widthOf(t) <= column + FULL_SLACK;
    // (a column is as wide as the widest running line near it: a story's last lines among heads and
    // credits read a narrow column, `…确保农资供应不断档。同时，…为全年粮` between a byline and a note,
    // pypdf on typeset news page 9. Read so, the piece after the sentence end must be a paragraph's
    // first line, set in by an indent at most: pdftotext prints a wide column's line among narrow
    // ones, and a sentence ends inside it, `…充分就业。日前,湖汽职院联合株`, page 7 of seed 23)
    const widest = Math.max(full[i], widestAround(i));
    for (const m of l.text.matchAll(/[。！？!?][”’」』]?/gu)) {
      const at = m.index + m[0].length;
      const first = l.text.slice(0, at);
      const second = l.text.slice(at).trim();
      if (second === '') continue;
      if ((fits(first, full[i]) && fits(second, full[i])) || (fits(first, widest) && fits(second, widest) && widthOf(second) >= widest - INDENT_SLACK)) return split(l, first, second);
    }
    return [l];
  });
}

/** Stage 2: lines → blocks (paragraphs and short lines standing alone). */
export function toBlocks(lines: SourceLine[], flavour: Flavour): Block[] {
  return flavour === 'markdown' ? markdownBlocks(lines) : columnBlocks(unglueParagraphs(lines.flatMap(unjoinLines)));
}
