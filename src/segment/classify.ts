import type { Block, ClassifiedBlock } from './types.ts';
import { isBareCaption, parseArtworkCredit, parseCaption } from './rules/caption.ts';
import { closingCreditStart, findPublication, isRoleByline, isSignedName, parseCredits, signedNames } from './rules/credits.ts';
import { parseDateline, spacedCreditBracket } from './rules/dateline.ts';
import { isCampaignBanner, isDisplayLine, isFurniture, isKickerLabel, isMasthead, isNumberedSubhead, isSidebarLabel, isSubtitle, looksLikePaperName } from './rules/headline.ts';
import { continues, continuesAcross } from './rules/continuation.ts';
import { firstLineWide, runsOnInto } from './rules/first-line.ts';
import { isHeaderPiece, readPageHeader } from './rules/page-header.ts';
import { readAffiliation } from './rules/affiliation.ts';
import { halveOverprint } from './rules/overprint.ts';
import { isSurname, splitNames } from './rules/names.ts';
import { repairSpacing } from './rules/spacing.ts';
import { BYLINE_MAX_CHARS, DATELINE_MAX_CHARS, DISPLAY_MAX_CHARS, HEADER_NEAR_BLOCKS, HEADER_PIECES_MAX, TIGHT_SUBTITLE_MAX_CHARS } from './thresholds.ts';
import { endsSentence, leftOpen } from './rules/chars.ts';

/** A block set vertically, one character a line (`叶` / `青` / `禾`). */
export const vertical = (b: Block) => b.lines.length > 1 && b.lines.every((l) => l.text.trim().length === 1);

/** Raw printed lines of a block, for name lists whose spacing matters. */
// a block set vertically is one line of type turned on its side: read as its display text, which
// keeps the spaces between names (`通讯员 吴寒梅 李璇`), not glyph by glyph
const rawLinesOf = (b: Block) => (vertical(b) ? [b.display] : b.lines.map((l) => l.text));

/**
 * A closing credit printed on the paragraph's last line, `…业务水平。（魏龙元 黄柳英）`, is
 * split off into a block of its own so the body keeps only running text. Detected on the
 * printed lines: `（邱 莎 陈琴庆 聂 沛）` needs its spaces to be read as names.
 */
function splitClosingCredit(b: Block): Block[] {
  const raw = rawLinesOf(b).join('\n');
  const at = closingCreditStart(raw);
  if (at < 0 || b.heading > 0) return [b];
  const creditRaw = raw.slice(at);
  const creditLines = creditRaw.split('\n');
  const creditDisplay = creditLines.map((l) => l.trim()).join(' ');
  const credit: Block = {
    ...b,
    lines: b.lines.slice(b.lines.length - creditLines.length),
    first: b.lines[b.lines.length - creditLines.length].no,
    text: repairSpacing(creditDisplay, { keepWordSpaces: false }),
    display: creditDisplay,
    short: true,
    terminal: false,
    heading: 0,
  };
  if (at === 0) return [credit];
  const cut = Math.max(b.display.lastIndexOf('（'), b.display.lastIndexOf('('));
  const bodyDisplay = b.display.slice(0, cut).trim();
  if (!/[。！？!?”…]$/u.test(bodyDisplay)) return [b];
  const body: Block = { ...b, text: repairSpacing(bodyDisplay, { keepWordSpaces: false }), display: bodyDisplay, terminal: true };
  return [body, credit];
}

/**
 * One rule of classification: the block with the part it plays, or null when the rule does
 * not apply. The first rule that applies decides.
 */
export interface ClassifyRule {
  name: string;
  apply: (block: Block) => ClassifiedBlock | null;
}

/** Byline of a block whose credits are printed in it (`记者/谢嘉 通讯员/周媛`, `…摄影报道`). */
const asByline = (block: Block): ClassifiedBlock => ({ ...block, kind: 'byline', credits: parseCredits(rawLinesOf(block)), publication: findPublication(block.display) });

/**
 * The rules in the order they are tried, most specific first (as markdown-it's block ruler
 * runs its rules): page furniture and credits are recognised by their own marks before any
 * length or shape could make them look like display type; display type comes last before
 * running text because a short line without sentence punctuation is all it needs.
 */
export const CLASSIFY_RULES: readonly ClassifyRule[] = [
  // `责任编辑：…`, `第3版`, `2021年7月1日 星期四`
  { name: 'furniture', apply: (b) => (isFurniture(b.display) || isCampaignBanner(b.display) ? { ...b, kind: 'furniture' } : null) },
  // the page header in any extractor's shape: a dated line (`YYYY 年 M 月 D 日 星期…`), `7 甲乙`,
  // `77 甲乙甲乙YYYY 年…`, `## …^77 甲乙甲乙` (甲乙 the section's name; number and section printed
  // twice in fake bold, the date run on); a bare number and word only as a line of its own
  {
    name: 'page-header',
    apply: (b) => {
      const header = readPageHeader(b.display);
      return header && (header.strong || (header.section !== undefined && b.lines.length === 1)) ? { ...b, kind: 'furniture' } : null;
    },
  },
  // `（作者为…大学教授）`, `（作者单位：…）`: the note that closes a signed essay, kept with its credits
  { name: 'affiliation', apply: (b) => (readAffiliation(b.display) !== null ? { ...b, kind: 'credit', credits: [] } : null) },
  // `（魏龙元 黄柳英）` standing alone (splitClosingCredit cut it off the paragraph it ended)
  {
    name: 'closing-credit',
    apply: (b) => {
      const raw = rawLinesOf(b).join('\n');
      // (a name the line end cut, `（记者 谭` / `昕吾）`, is read on its printed lines, where the credit
      // cut off a paragraph's last line starts: spaced, `谭 昕吾` is two names, pypdf on typeset news page 1)
      const at = closingCreditStart(raw);
      const onLines = at >= 0 && raw.slice(at).split('\n').map((l) => l.trim()).join(' ') === b.display;
      if (closingCreditStart(b.display) !== 0 && !onLines) return null;
      const open = Math.max(raw.lastIndexOf('（'), raw.lastIndexOf('('));
      const inner = raw.slice(open + 1).replace(/[）)]\s*$/u, '');
      // `（记者 杨清 通讯员 李永亮）`, `（实习生 王五）`: role words name roles, not persons
      const credits = /记\s*者|通\s*讯\s*员|实\s*习\s*生/u.test(inner) ? parseCredits(inner.split('\n')) : splitNames(inner.split('\n')).map((name) => ({ name, role: '作者' as const }));
      return { ...b, kind: 'credit', credits };
    },
  },
  // `株洲日报·掌上株洲讯(记者/谢嘉 …) 11月23日,…`: alone a dateline, with its lead the story's first paragraph
  {
    name: 'dateline',
    apply: (b) => {
      const dateline = b.heading === 0 ? parseDateline(b.text, rawLinesOf(b)) : null;
      if (!dateline) return null;
      const kind = b.text.length <= DATELINE_MAX_CHARS && !b.terminal ? 'dateline' : 'body';
      // the names in its bracket keep the spaces that part them
      const bracket = spacedCreditBracket(rawLinesOf(b));
      const text = bracket ? b.text.replace(/[（(][^（）()]*[）)]/u, bracket) : b.text;
      return { ...b, text, kind, opensStory: true, dateline: dateline.date, publication: dateline.publication, credits: dateline.credits };
    },
  },
  // `株洲日报·掌上株洲记者/杨凌凌 通讯员/安蓉`
  // (a converter that marks type sizes marks it too: `### 本报记者 莫成`)
  { name: 'role-byline', apply: (b) => (b.heading !== 1 && isRoleByline(b.display) ? asByline(b) : null) },
  // `…图为株洲河西城区。张咪 摄`, `图为…`, `▲…`
  {
    name: 'caption',
    apply: (b) => {
      // a converter marks a cartoon's credit line in its own size (`##### … 甲乙丙作（新华社发）`: the cartoon's title, its artist)
      const caption = b.heading === 0 ? parseCaption(b.display) : parseArtworkCredit(b.display);
      return caption ? { ...b, kind: 'caption', caption } : null;
    },
  },
  // `记者 徐行 通讯员 于坤 摄影报道`: a photo story's byline, not a caption
  { name: 'photo-byline', apply: (b) => (b.heading === 0 && b.display.length <= BYLINE_MAX_CHARS && /摄影报道$|(记者|通讯员).*摄$/u.test(b.display) ? asByline(b) : null) },
  // `谢能武` alone under a headline; a converter that marks type sizes marks it too (`#### 苏德永`)
  {
    name: 'signed-name',
    apply: (b) => {
      if (!(b.heading === 0 ? b.short || vertical(b) : b.heading > 1)) return null;
      // a name in fake bold comes out twice (`叶青禾叶青禾`): the name is the one copy
      const name = halveOverprint(b.display) ?? b.display.replace(/\s+/gu, '');
      if (isSignedName(name)) return { ...b, kind: 'byline', credits: [{ name, role: '作者' }] };
      // two or three authors signing together, printed apart (`吴 川 韩立坤`)
      const names = signedNames(rawLinesOf(b));
      return names ? { ...b, kind: 'byline', credits: names.map((n) => ({ name: n, role: '作者' as const })) } : null;
    },
  },
  // `延伸阅读`, `相关链接`
  { name: 'sidebar-label', apply: (b) => (isSidebarLabel(b.display) ? { ...b, kind: 'sidebar-label' } : null) },
  // display type, by its own marks: `——…` subtitle, `…⑥` series kicker, `1 …` / `一、…` subhead
  { name: 'subtitle', apply: (b) => (isDisplayLine(b) && isSubtitle(b.display) ? { ...b, kind: 'subtitle' } : null) },
  { name: 'kicker', apply: (b) => (isDisplayLine(b) && isKickerLabel(b.display) ? { ...b, kind: 'kicker' } : null) },
  { name: 'subhead', apply: (b) => (isDisplayLine(b) && isNumberedSubhead(b.display) && b.heading !== 1 ? { ...b, kind: 'subhead' } : null) },
  // any other display line: assembly decides whether it heads an article or a part of one
  { name: 'headline', apply: (b) => (isDisplayLine(b) ? { ...b, kind: 'headline' } : null) },
  { name: 'body', apply: (b) => ({ ...b, kind: 'body' }) },
];

/** The part one block plays: the first rule of CLASSIFY_RULES that applies. */
export function classifyBlock(block: Block, rules: readonly ClassifyRule[] = CLASSIFY_RULES): ClassifiedBlock {
  for (const rule of rules) {
    const classified = rule.apply(block);
    if (classified) return classified;
  }
  return { ...block, kind: 'body' };
}

/** Stage 3: the part each block plays on the page (closing credits cut off first, wrapped subtitles joined after). */
export function classify(blocks: Block[]): ClassifiedBlock[] {
  return subtitlesUnderHeads(quotesLeftOpen(narrowRunningText(headlineFirstLines(bareCaptions(joinBoxedFirstLines(absorbHeaderPieces(joinBylinePieces(mergeWrappedSubtitles(blocks.flatMap(splitClosingCredit).map((b) => classifyBlock(b)))))))))));
}

/**
 * Running text wrapped short around a signed name or a picture, read as display lines for their
 * length (short lines of running text, some holding a pause, `…` / `…、…` / `…，…` /
 * `…面` / a signed name / `临…`, 面临 cut: pdftotext on the development pages, where the
 * column narrows beside the name). Short lines set tight after running text left open, holding a
 * pause, whose last line runs on, a word cut, into the running text after them (面临; past a signed
 * name standing between) are that text: a head's last line ends its head, and a head holds no pause
 * as running text does.
 */
function narrowRunningText(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  const out = [...blocks];
  for (let i = 1; i < blocks.length; i++) {
    const before = blocks[i - 1];
    if (blocks[i].kind !== 'headline' || before.kind !== 'body' || before.page !== blocks[i].page || !leftOpen(before.text)) continue;
    let end = i;
    while (end + 1 < blocks.length && blocks[end + 1].kind === 'headline' && blocks[end + 1].page === blocks[i].page) end++;
    const run = blocks.slice(i, end + 1);
    if (run.some((b) => b.boxed === true || vertical(b) || b.lines[0].blanksBefore !== 0 || b.heading !== 0)) continue;
    let k = end + 1;
    if (blocks[k]?.kind === 'byline' && signedNames(blocks[k].display) !== null) k++;
    const after = blocks[k];
    if (after?.kind !== 'body' || after.page !== blocks[i].page || !/[，,、]/u.test(run.map((b) => b.text).join('')) || !continuesAcross(blocks[end].text, after.text)) continue;
    for (let m = i; m <= end; m++) out[m] = { ...blocks[m], kind: 'body' };
    i = end;
  }
  return out;
}

/**
 * Running text read as display for a short line, that leaves a quote or a bracket open, with
 * running text right under it (`“一带` / `一路”…`, pdftotext on the development pages;
 * `…新型智能化的“聚乙烯` / `（PE）固定床…技术”、…`, every extractor on typeset news page 7, seed 23;
 * `公司拥有三项环保核心技术：新型智` / `能化的“聚乙烯（PE）固定床生` over another story's column, seed
 * 19 page 3): a head closes its own marks, and running text, not a head, goes on under an open one.
 * Not a title's `《》`: on the development pages a chart's source note (`数据来源：` / `《…`
 * / `…报告》。`) stands among its box's heads, which lose their order when the note is
 * read as running text (`-layout` boundaries −0.007).
 */
// the marks by family, full- and half-width alike (`(之二）` is closed; a quotation closed with `"` too)
const MARKS: readonly [RegExp, RegExp][] = [[/[“]/gu, /[”"]/gu], [/[（(]/gu, /[）)]/gu], [/[「]/gu, /[」]/gu]];
const lastAt = (t: string, re: RegExp) => Math.max(-1, ...[...t.matchAll(re)].map((m) => m.index ?? -1));
function quotesLeftOpen(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  return blocks.map((b, i) => {
    const after = blocks[i + 1];
    // (not over a story's opening: a head over `本报讯…` is one, whatever marks it leaves: `“双减“让…`)
    if ((b.kind !== 'headline' && b.kind !== 'kicker' && b.kind !== 'subtitle') || after?.kind !== 'body' || after.page !== b.page || after.opensStory === true) return b;
    const t = b.text.replace(/\s+/gu, '');
    return MARKS.some(([open, close]) => lastAt(t, open) > lastAt(t, close)) ? { ...b, kind: 'body' } : b;
  });
}

/**
 * A subtitle set without its dash between the headline and the byline (`多措并举建强村干部队伍` /
 * `近5年来，有100多名村（社区）干部成为乡镇领导干部和事业编制人员` / `本报记者 …`, typeset news
 * pages): read as running text for its comma and length, but running text never stands between a
 * headline and the byline under it, and a story's text ends its sentences — this line ends none.
 * However many lines it spans: a subtitle set in a narrow box beside the story wraps every few
 * characters (`近5年来，有100` / `多名村（社区）` / …, MuPDF; subtitle-in-narrow-box.txt). A limit of
 * two lines, kept before, missed those: without it the five seeds' subtitles rose by 1.40 summed
 * over their 35 rows, headlines by 0.24, and no row of any corpus fell.
 */
function subtitlesUnderHeads(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  return blocks.map((b, i) => {
    const head = blocks[i - 1];
    const name = blocks[i + 1];
    // (a narrow box of large type with a pause in it is display type for its box, and this line all the same)
    const boxedPause = b.kind === 'headline' && b.boxed === true && /[，,]/u.test(b.display);
    if ((b.kind !== 'body' && !boxedPause) || b.heading !== 0 || head?.kind !== 'headline' || head.page !== b.page || name?.kind !== 'byline' || name.page !== b.page) return b;
    if (endsSentence(b.display) || /[：:]$/u.test(b.display) || [...b.display].length > DISPLAY_MAX_CHARS) return b;
    return { ...b, kind: 'subtitle' };
  });
}

/**
 * A headline set on two lines across the columns, its first line long and holding a comma
 * (`入选国家首批,湖南唯一一个“新生命”“株洲产教联合体”` / `正向你走来`, MuPDF on typeset news page 6,
 * seed 11): the first line read as running text for its comma and length. A line that ends no
 * sentence, tight over a headline line that a story's dateline follows, is that headline's first line:
 * running text never stops mid-sentence right before a story's opening.
 */
function headlineFirstLines(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  return blocks.map((b, i) => {
    const head = blocks[i + 1];
    const lead = blocks[i + 2];
    if (b.kind !== 'body' || b.lines.length !== 1 || b.heading !== 0 || head?.kind !== 'headline' || head.page !== b.page || head.lines[0].blanksBefore !== 0 || lead === undefined || (lead.kind !== 'dateline' && lead.opensStory !== true) || lead.page !== b.page) return b;
    if (endsSentence(b.display) || /[，,、；;：:]$/u.test(b.display) || (b.display.match(/[，,]/gu) ?? []).length > 1 || /[。；;]/u.test(b.display) || [...b.display].length > DISPLAY_MAX_CHARS) return b;
    return { ...b, kind: 'headline' };
  });
}

/**
 * A photo's caption printed without a credit: a short line that reads as a noun phrase
 * (isBareCaption) where a caption stands — beside another caption (a second photo's, `…图为株洲河西城区。张咪 摄` /
 * `正进行“后半篇文章”的清水塘老工业区。`), or between a story's last sentence and the next head
 * (`…付瑶坦言。` / `白关服饰产业园一角。` / `高新区举办…`), or between a head and the dateline or
 * byline that opens its story. Running text is never a noun phrase alone there.
 */
function bareCaptions(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  return blocks.map((b, i) => {
    if (b.kind !== 'body' || b.lines.length > 2) return b;
    const prev = blocks[i - 1]?.page === b.page ? blocks[i - 1] : undefined;
    const next = blocks[i + 1]?.page === b.page ? blocks[i + 1] : undefined;
    // a line after running text left mid-sentence is that sentence's end (`…同比` / `同期明显增加。`)
    if (prev?.kind === 'body' && !endsSentence(prev.text)) return b;
    const besideCaption = prev?.kind === 'caption' || next?.kind === 'caption';
    const storyEnd = (prev?.kind === 'body' || prev?.kind === 'credit') && (next === undefined || next.kind === 'headline' || next.kind === 'kicker' || next.kind === 'furniture');
    // …or between a head and the dateline or byline that opens its story (`芦淞区:打好助企“组合拳”…` /
    // `白关服饰产业园一角。` / `芷汀时报讯（记者 …）…`: the photo set under the head, as typeset news page
    // 9 of seed 29 prints it): the story opens after it. Not before plain running text, where a
    // feature's first paragraph may be a noun phrase alone (`清晨六点的芦淞菜市场。`; taken there, seed
    // 11's seven bare captions were found and such an opening lost)
    const underHead = prev !== undefined && ['headline', 'subtitle', 'kicker'].includes(prev.kind) && (next?.kind === 'dateline' || next?.kind === 'byline' || next?.opensStory === true);
    // the words are read (nodejieba) only where a caption can stand
    return (besideCaption || storyEnd || underHead) && isBareCaption(b.text) ? { ...b, kind: 'caption', caption: { text: b.text } } : b;
  });
}

/** A page number and nothing else of a header, read as one alone (`第6版`; a bare `12` is not). */
const pageNumberAlone = (text: string) => {
  const h = readPageHeader(text);
  return h !== null && h.page !== undefined && h.section === undefined && h.issueDate === undefined && h.publication === undefined;
};

/** A page number glued to its section, spaced as a header prints it (`7要闻` → `7 要闻`, pdf.js). */
const spacedPage = (text: string) => text.replace(/^([A-Z]?\d{1,3})(?=[\u4e00-\u9fff])/u, '$1 ');

/**
 * A piece of a page header an extractor set apart from the dated line: a page number or a short
 * word on a line of its own, or the two on two lines read as one block (mutool: `地方新闻` / `12`).
 */
const headerPiece = (b: ClassifiedBlock) => b.kind !== 'furniture' && b.lines.length <= 2 && b.heading === 0 && isHeaderPiece(b.display);

/**
 * The page header printed in pieces, each on a line of its own around the dated line (`沅湘晨报` /
 * `1` / `评论` / `2023 年 2 月 19 日 星期日`; `2023年3月16日 星期四` / `教育` / `10`): a number or a
 * short word right beside a strong header line is a piece of it when the header read with it gains
 * a page number or a section it did not have. Those pieces are furniture, not headlines.
 */
function absorbHeaderPieces(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  const out = [...blocks];
  // the section's or paper's name printed again beside a header line that names it (fake bold drawn
  // twice, one copy a line of its own: `7 甲乙` / `甲乙` / the dated line, mutool) is furniture
  out.forEach((b, i) => {
    if (b.kind !== 'furniture') return;
    const named = readPageHeader(b.display);
    const names = [named?.section, named?.publication].filter((x): x is string => x !== undefined);
    for (const k of [i - 1, i + 1]) {
      const n = out[k];
      if (n && n.page === b.page && headerPiece(n) && names.includes(n.display.replace(/\s+/gu, ''))) out[k] = { ...n, kind: 'furniture' };
    }
  });
  // a piece cut from the dated line itself (pdftotext -layout gives the header's parts on one text
  // line, cut at its gutters: `01 经济` / `2023年2月7日 星期二` / `云梦新闻`) is of the header
  const headerRows = new Set(out.filter((b) => b.kind === 'furniture' && b.lines.length === 1 && readPageHeader(b.display)?.strong).map((b) => `${b.page}:${b.lines[0].no}`));
  out.forEach((b, i) => {
    if (headerPiece(b) && b.lines.length === 1 && headerRows.has(`${b.page}:${b.lines[0].no}`)) out[i] = { ...b, kind: 'furniture' };
  });
  out.forEach((b, i) => {
    if (b.kind !== 'furniture') return;
    const header = readPageHeader(b.display);
    if (!header?.strong) return;
    // does block k stand right over a story's first paragraph (the block after it opens one)?
    const overOpening = (k: number) => {
      const under = out[k + 1];
      return under !== undefined && under.page === b.page && (under.kind === 'body' || under.kind === 'dateline');
    };
    for (const step of [-1, 1]) {
      const pieces: number[] = [];
      // (past a masthead read already, `澧兰日报`, between the dated line and the page's number and
      // section: `2023年02月27日 周一` / `澧兰日报` / `08图片新闻`, pdf.js)
      for (let k = i + step; pieces.length < HEADER_PIECES_MAX && k >= 0 && k < out.length && out[k].page === b.page && (headerPiece(out[k]) || (out[k].kind === 'furniture' && isMasthead(out[k].display))); k += step) if (headerPiece(out[k])) pieces.push(k);
      // pieces beside the dated line are of the header when they read with it and another line of
      // the header near it as one header naming the paper (`7 要闻` / `云梦新闻` / `2023年04月03日 周一`;
      // `01 经济` / a headline / `云梦新闻` / `2023年2月7日 星期二`): the paper's name in its masthead type
      // (only a name between the two, or one set tight under the dated line where the header's lines
      // are set tight together, `01 经济` / `2023年2月7日 星期二` / `云梦新闻`: a headline right under
      // the dated line would read as a name too)
      const setTight = step > 0 && pieces.length > 0 && out[pieces[0]!]!.lines[0].blanksBefore === 0 && b.lines[0].blanksBefore === 0;
      // (or a name right beside the dated line, the page's number on its other side: `12 要闻` / a kicker /
      // the dated line / `云梦新闻` / the headline, pdfminer on typeset news page 5, seed 23)
      // (not a word right over a story's first paragraph: `07 要闻` / the date / `春耕捷报` / `本报讯…` is
      // a headline under the header)
      const besideDate = pieces.length > 0 && pieces[0] === i + step && !overOpening(pieces[0]!);
      const other = pieces.length === 0 ? -1 : out.findIndex((o, k) => Math.abs(k - i) <= HEADER_NEAR_BLOCKS && ((k - pieces[0]!) * step > 0 || (setTight && k === i - 1) || (besideDate && (k - i) * step < 0)) && o.kind === 'furniture' && o.page === b.page && readPageHeader(spacedPage(o.display))?.page !== undefined);
      if (pieces.length > 0 && other >= 0 && header.publication === undefined && header.page === undefined) {
        const read = readPageHeader([other, pieces[0]!, i].sort((x, y) => x - y).map((k) => out[k]!.display).join(' '));
        // (and the piece looks like a paper's name: `01 社会` / date / `坚守一线` / `护平安` is a
        // headline's first line under the header, which reads as a name too)
        if (read?.publication !== undefined && read.publication === out[pieces[0]!]!.display.replace(/\s+/gu, '') && looksLikePaperName(read.publication)) {
          out[pieces[0]!] = { ...out[pieces[0]!]!, kind: 'furniture' };
          continue;
        }
      }
      // the most pieces that still read as one header with more facts than the dated line alone
      for (let n = pieces.length; n > 0; n--) {
        // (a word alone right over a story's first paragraph is its headline, not the section:
        // `第6版` / `老街换新颜` / `本报讯…`. Not after a bare page number, `6`, which reads only with a
        // section beside it: taken so, the page is kept and the headline lost, as before)
        if (n === 1 && step > 0 && overOpening(pieces[n - 1]!) && !/^\s*[A-Z]?\d/u.test(out[pieces[0]!].display)) continue;
        const taken = pieces.slice(0, n).map((k) => out[k].display);
        const read = readPageHeader(step < 0 ? [...taken.reverse(), b.display].join(' ') : [b.display, ...taken].join(' '));
        const gains = read !== null && ((read.page !== undefined && header.page === undefined) || (read.section !== undefined && header.section === undefined));
        if (!gains) continue;
        for (const k of pieces.slice(0, n)) out[k] = { ...out[k], kind: 'furniture' };
        break;
      }
    }
    // …or the pieces either side together, neither side reading alone: a section before the dated
    // line and a page number after it (`教育` / `2023年3月16日 星期四` / `8`, pdftotext on typeset news
    // page 9, seed 29: a section needs its page number beside it to read as one). The page number may
    // be furniture already, read alone (`地方新闻` / `2023年01月21日 周六` / `第6版`, pdftotext on page 3
    // of seed 11, where the section headed the story under it): on the news pages and seven seeds, the
    // articles with the header's date, page and section all right went from 0.967 to 0.973
    const side = (step: number) => {
      const k = i + step;
      // (the page number may stand as furniture already, read alone: `第6版`)
      return k >= 0 && k < out.length && out[k].page === b.page && (headerPiece(out[k]) || (out[k].kind === 'furniture' && pageNumberAlone(out[k].display))) ? k : -1;
    };
    const [before, after] = [side(-1), side(1)];
    if (before < 0 || after < 0) return;
    const read = readPageHeader([out[before].display, b.display, out[after].display].join(' '));
    if (read !== null && read.page !== undefined && read.section !== undefined && header.page === undefined && header.section === undefined) {
      out[before] = { ...out[before], kind: 'furniture' };
      out[after] = { ...out[after], kind: 'furniture' };
    }
  });
  return out;
}

/** A role word alone (`本报记者`, `通讯员`): the start of a byline whose names were set apart. */
const ROLE_WORD_ALONE = /^(?:本报|特约)?(?:记者|通讯员|实习生)$/u;

/**
 * A byline cut into blocks by gaps the extractor read between its pieces: a role word set apart
 * from the names it credits (a vertical byline with a gap between `本` / `报` / `记` / `者` and
 * `严` / `明` / `远`, MuPDF), or a last name cut by the line end into a box of its own. The pieces
 * are one byline.
 */
function joinBylinePieces(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  const out: ClassifiedBlock[] = [];
  // a byline and the piece cut off its end, read as one byline with nothing between them
  const gluedOn = (prev: ClassifiedBlock, b: ClassifiedBlock) => asByline({ ...prev, lines: [...prev.lines, ...b.lines], last: b.last, text: prev.text + b.text.trim(), display: prev.display + b.display.trim() });
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.kind !== 'byline' && ROLE_WORD_ALONE.test(prev.display.replace(/\s+/gu, '')) && b.kind === 'byline' && b.page === prev.page && (b.credits ?? []).length > 0 && (b.credits ?? []).every((c) => c.role === '作者')) {
      out[out.length - 1] = asByline({ ...prev, lines: [...prev.lines, ...b.lines], last: b.last, text: `${prev.text} ${b.text}`, display: `${prev.display} ${b.display}` });
      continue;
    }
    // …and a byline's last name cut by the line end into a box of its own (`…通讯员 周健 颜` / `伶俐`):
    // a surname alone at the byline's end takes the one or two characters after it
    const cut = prev?.kind === 'byline' ? /\s([\u4e00-\u9fff])$/u.exec(prev.display)?.[1] : undefined;
    if (prev !== undefined && cut !== undefined && isSurname(cut) && b.page === prev.page && b.kind !== 'byline' && /^[\u4e00-\u9fff]{1,2}$/u.test(b.display.trim())) {
      out[out.length - 1] = gluedOn(prev, b);
      continue;
    }
    // …and a role word cut by the line end into two boxes (`本报记者 孟秋 通讯` / `员 傅嘉`, pdf2md):
    // the byline goes on in the box that opens on the role word's rest
    const cutRole = prev?.kind === 'byline' ? /(?:^|\s)(通讯|通|记|实习)$/u.exec(prev.display)?.[1] : undefined;
    if (prev !== undefined && cutRole !== undefined && b.page === prev.page && b.lines.length === 1 && ROLE_WORD_ALONE.test(`${cutRole}${/^\S+/u.exec(b.display.trim())?.[0] ?? ''}`) && /^\S+\s+[\u4e00-\u9fff\s]{2,}$/u.test(b.display.trim())) {
      out[out.length - 1] = gluedOn(prev, b);
      continue;
    }
    out.push(b);
  }
  return out;
}

/**
 * A subtitle too long for its line goes on, with no blank line, on the next one
 * (`——加速构建具有株洲特色的现` / `代产业体系`, a word cut in two; `——“生态文明建设需要所有人` /
 * `一起努力”`, a quote left open): the pieces are one subtitle.
 */
function mergeWrappedSubtitles(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  const out: ClassifiedBlock[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    // a one-line explanation set tight under a headline where lines are otherwise spaced is its subtitle
    // (`多措并举建强村干部队伍` / `近5年来，有100多名村（社区）干部成为…`, tight, or wider than the column)
    if (prev?.kind === 'headline' && b.kind === 'body' && b.lines.length === 1 && ((b.lines[0].tight && !prev.lines[0].tight) || (b.overwide && b.lines[0].blanksBefore === 0)) && !b.terminal && b.text.length <= TIGHT_SUBTITLE_MAX_CHARS && (b.text.match(/[，,]/gu) ?? []).length < 2 && b.page === prev.page) {
      out.push({ ...b, kind: 'subtitle' });
      continue;
    }
    // (a dash alone on its line, `——`, has its subtitle in the display line after it)
    const wraps = prev?.kind === 'subtitle' && (b.lines[0].tight || /[“「《（﹃﹁『][^”」》）﹄﹂』]*$/u.test(prev.display) || continues(prev.display, b.display) || /^[—－]+$/u.test(prev.display.trim()));
    if (wraps && b.kind === 'headline' && b.lines[0].blanksBefore <= 1 && b.page === prev.page && b.heading === 0) {
      out[out.length - 1] = { ...prev, lines: [...prev.lines, ...b.lines], last: b.last, text: prev.text + b.text, display: prev.display + b.display };
      continue;
    }
    out.push(b);
  }
  return out;
}

/**
 * A paragraph's first line left a block of its own (rules/first-line.ts mends the lines where a
 * blank line sets it apart; this takes the blocks the paragraph stage still cut there, pypdf's
 * text without blank lines among them: `《…》…`, a first line opening on a book's title, / `反映了…`): a one-line block as
 * wide as the column of the paragraph under it less its indent (FIRST_LINE_INDENT_EM), with no
 * sentence end, that runs on into it (runsOnInto) is that paragraph's first line, not a headline.
 */
function joinBoxedFirstLines(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  const out: ClassifiedBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    if ((b.kind === 'headline' || b.kind === 'body') && b.lines.length === 1 && b.heading === 0 && next?.kind === 'body' && next.heading === 0 && next.page === b.page && next.lines.length >= 2 && next.lines[0].blanksBefore <= 1 && !endsSentence(b.text) && !/[：:]$/u.test(b.text)) {
      // (a printed line cut before its opening quote already carries its whole width here: paragraphs.ts)
      const measure = Math.max(...next.lines.slice(0, -1).map((l) => l.width));
      if (firstLineWide(b.lines[0].width, measure) && runsOnInto(b.display, next.display)) {
        out.push({ ...next, lines: [...b.lines, ...next.lines], first: b.first, text: b.text + next.text, display: b.display + next.display, short: false });
        i++;
        continue;
      }
    }
    out.push(b);
  }
  return out;
}
