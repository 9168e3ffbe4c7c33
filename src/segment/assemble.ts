import nodejieba from 'nodejieba';
import type { Article, Block, BodyItem, Caption, ClassifiedBlock, Credit, Flavour, ReportEntry, SourceLine } from './types.ts';
import { isArtworkCredit, photographersOf } from './rules/caption.ts';
import { vertical } from './classify.ts';
import { endsPhrase, endsSentence, leftOpen } from './rules/chars.ts';
import { cannotOpen, continues, continuesByStart, pointsBack } from './rules/continuation.ts';
import { unclosed } from './rules/first-line.ts';
import { isCampaignBanner, isNarrowSet, isNumberedSubhead, partEnded } from './rules/headline.ts';
import { affinity, contentWords, shareAffinity, similarity, wordCounts } from './rules/topic.ts';
import { readAffiliation } from './rules/affiliation.ts';
import { makeBlock } from './paragraphs.ts';
import {
  ADJACENT_BONUS,
  CLEAR_TOPIC_BONUS,
  CLEAR_TOPIC_LEAD,
  CANDIDATES_OTHER,
  CANDIDATES_PRIOR,
  CAPTION_AFFINITY,
  CAPTION_LINE_MAX_CHARS,
  CAPTION_NEARBY_STORIES,
  COHESION,
  CREDIT_NAME_MAX_CHARS,
  COHESION_PARAGRAPHS,
  STORY_CHANGE_SIMILARITY,
  CUT_CAPTION_LINE_MAX_CHARS,
  CUT_CAPTION_MAX_LINES,
  HEAD_LOOKBACK_BLOCKS,
  HEADLINE_NOT_CAPTION_CHARS,
  HEADLINE_WRAP_MAX_CHARS,
  HEADLINE_WRAP_PREV_CHARS,
  HEADLINE_WRAP_TAIL_CHARS,
  HEAD_PARTS_LENGTH_RATIO,
  HEAD_PARTS_WRAP_SLACK_CHARS,
  WRAPPED_BOX_MIN_CHARS,
  HEAD_PARTS_MIN_CHARS,
  KICKER_LINE_MAX_CHARS,
  KICKER_MOVE_MARGIN,
  OPENS_AFTER_BONUS,
  HEAD_SIDE_MARGIN,
  PRIOR_SIDE_BONUS,
  RANK_PENALTY,
  SPLIT_BODY_MAX_BLOCKS,
  SPLIT_MIN_AFFINITY,
  SPLIT_MIN_VOTES,
  SPLIT_NEARBY_BLOCKS,
  SPLIT_NO_HEAD_AFFINITY,
  SPLIT_PART_MIN_CHARS,
  SPLIT_VOTE_AFFINITY,
  SPLIT_VOTE_MARGIN,
  TAIL_READS_ON_MIN_AFFINITY,
  TAIL_READS_ON_MAX_PARAGRAPHS,
  SPLIT_VOTER_MIN_CHARS,
  VERTICAL_HEAD_MIN_GLYPHS,
  PARALLEL_PHRASE_MAX_CHARS,
  PARALLEL_PHRASE_SLACK,
  SUBTITLE_PART_MIN_CHARS,
  WRAPPED_HEAD_MIN_WIDTH,
  NARROW_HEADLINE_LINE_EM,
  DISPLAY_MAX_LINES,
  SIGNED_NAMES_MAX,
  SIGNED_PAGE_MIN_HEADS,
  OPENING_MIN_AFFINITY,
} from './thresholds.ts';

/** Display blocks printed together: kicker, headline lines, subtitle, sidebar label, signed name. */
interface HeadGroup {
  blocks: ClassifiedBlock[];
  /** Position in the block stream. */
  at: number;
}

/** Running text of one article in the making, with the credits printed inside it. */
interface Segment {
  blocks: ClassifiedBlock[];
  head?: HeadGroup;
  /** Set when a dateline, byline or page start opened it. */
  opened: boolean;
  /** A brief closed apart by its own credit (briefClosedApart): it has no headline to take. */
  brief?: boolean;
}

export interface Assembled {
  articles: Omit<Article, 'id' | 'keywords'>[];
  unassigned: ReportEntry[];
  decisions: ReportEntry[];
  /** Subtitle dashes removed from the text (kept for the accounting of every character). */
  typography: string;
}

export const HEAD_KINDS: ReadonlySet<string> = new Set(['headline', 'kicker', 'subtitle', 'sidebar-label']);
const isSignedByline = (b: ClassifiedBlock) => {
  const n = b.credits?.length ?? 0;
  return b.kind === 'byline' && n >= 1 && n <= SIGNED_NAMES_MAX && b.credits!.every((c) => c.role === '作者') && b.display.replace(/\s/gu, '').length <= CREDIT_NAME_MAX_CHARS * n;
};

const textOf = (blocks: ClassifiedBlock[]) => blocks.filter((b) => b.kind === 'body' || b.kind === 'dateline').map((b) => b.text).join('');
const entry = (blocks: ClassifiedBlock[], reason: string): ReportEntry => ({
  lines: [blocks[0].first, blocks[blocks.length - 1].last],
  text: blocks.map((b) => b.display).join(' / '),
  reason,
});

/**
 * A caption's text printed as short lines above its credit in column text
 * (`株 洲 生 态` / `环 境 持 续 好` / `转。图为株洲` / `河西城区。` / `张咪 摄`): the lines
 * standing together with no blank line between them are the caption.
 */
function gatherCaptionText(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  const out: ClassifiedBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'caption' && b.caption && b.caption.text === '') {
      const taken: ClassifiedBlock[] = [];
      while (out.length > 0) {
        const prev = out[out.length - 1];
        const first = taken.length ? taken[0] : b;
        // caption lines stand together: tight where lines are spaced, else short lines that are no headline
        const close = taken.length === 0 ? first.lines[0].blanksBefore <= 1 : first.lines[0].tight || (first.lines[0].blanksBefore === 0 && !first.lines.some((l) => l.tight));
        const headlineLike = prev.kind === 'headline' && prev.text.length > HEADLINE_NOT_CAPTION_CHARS && !prev.lines[0].tight;
        if (!close || headlineLike || !['headline', 'body'].includes(prev.kind) || prev.text.length > CAPTION_LINE_MAX_CHARS || prev.page !== b.page) break;
        taken.unshift(out.pop() as ClassifiedBlock);
      }
      const text = taken.map((t) => t.text).join('');
      // a cartoon's title stands over its artist's credit as one short line with no sentence end
      // (`阅读时光` / `宋知远作（新华社发）`)
      const artworkTitle = taken.length === 1 && isArtworkCredit(b.caption.credit) && taken[0].lines.length === 1;
      if (taken.length && (endsSentence(text) || artworkTitle)) {
        out.push({ ...b, lines: [...taken.flatMap((t) => t.lines), ...b.lines], first: taken[0].first, caption: { text, credit: b.caption.credit } });
        continue;
      }
      out.push(...taken);
    } else if (b.kind === 'caption' && b.caption) {
      // a caption whose first line was cut off from it (`正进行“后半篇文章”的` / `清水塘老工业区。…供图`)
      const prev = out[out.length - 1];
      const together = b.lines[0].tight || (b.lines[0].blanksBefore === 0 && !b.lines.some((l) => l.tight));
      if (prev && together && (prev.kind === 'body' || prev.kind === 'headline') && prev.text.length <= CUT_CAPTION_LINE_MAX_CHARS && (/[的了和与及或在把被对向从将为是]$/u.test(prev.text) || continues(prev.text, b.caption.text)) && prev.page === b.page && prev.lines.length <= CUT_CAPTION_MAX_LINES) {
        out.pop();
        out.push({ ...b, lines: [...prev.lines, ...b.lines], first: prev.first, caption: { ...b.caption, text: prev.text + b.caption.text } });
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

/** The block printed before position `at`, page furniture and captions passed over. */
function textBefore(blocks: ClassifiedBlock[], at: number): ClassifiedBlock {
  let k = at - 1;
  while (k >= 0 && (blocks[k].kind === 'furniture' || blocks[k].kind === 'caption') && blocks[k].page === blocks[at].page) k--;
  return blocks[k];
}

/**
 * A display group that layout alone shows to head a story: a top-level heading, at a page's edge,
 * after a closing credit, above a byline or dateline, with a kicker, a label or a signed name.
 */
function surelyArticleHead(group: HeadGroup, blocks: ClassifiedBlock[]): boolean {
  const before = textBefore(blocks, group.at);
  const after = blocks[group.at + group.blocks.length];
  const kinds = group.blocks.map((b) => b.kind);
  if (group.blocks.some((b) => b.heading === 1)) return true;
  if (!before || !after || before.page !== group.blocks[0].page || after.page !== group.blocks[0].page) return true;
  if (before.kind === 'credit' || after.kind === 'byline' || after.kind === 'dateline' || after.opensStory) return true;
  return kinds.includes('sidebar-label') || kinds.includes('kicker') || group.blocks.some(isSignedByline);
}

/**
 * One head group's vote on the side a file prints bodies on: +1 when its words are clearly more
 * (by HEAD_SIDE_MARGIN) in the text before it than in the text after it, -1 the other way, 0 when
 * the two are too close to tell.
 */
function sideVote(g: HeadGroup, before: string, after: string): number {
  const words = contentWords(headText(g));
  const d = affinity(words, before) - affinity(words, after);
  return Math.abs(d) < HEAD_SIDE_MARGIN ? 0 : Math.sign(d);
}

/**
 * The running text beside a head group, from block `from` on in the direction `step`: at most
 * COHESION_PARAGRAPHS paragraphs, a story's dateline paragraph included, captions, credits and
 * the like skipped, up to the next head.
 */
function runningBeside(blocks: readonly ClassifiedBlock[], from: number, step: 1 | -1): string {
  const parts: string[] = [];
  for (let k = from; k >= 0 && k < blocks.length && parts.length < COHESION_PARAGRAPHS && !HEAD_KINDS.has(blocks[k].kind); k += step) if (blocks[k].kind === 'body' || blocks[k].kind === 'dateline') parts.push(blocks[k].text);
  return (step === 1 ? parts : parts.reverse()).join('');
}

/**
 * Which side of its head groups does this file print their stories' bodies on, by the groups'
 * own words against the paragraphs either side (sideVote): true for before, undefined on a tie.
 */
function bodySideVote(groups: HeadGroup[], blocks: ClassifiedBlock[]): boolean | undefined {
  // the running text on one side, a story's dateline paragraph included, up to the next head: a
  // caption or credit between is skipped, not counted (`凝心聚力…` / caption / `本报讯（记者 …）青春涪口…`,
  // pdfminer on typeset news page 1, found nothing after its head)
  const tally = (voters: HeadGroup[]) => voters.reduce((n, g) => n + sideVote(g, runningBeside(blocks, g.at - 1, -1), runningBeside(blocks, g.at + g.blocks.length, 1)), 0);
  // groups that surely head a story vote first: a subhead's words are in the paragraphs under it
  // whichever side the file prints bodies on; when none of them can tell, every group votes
  const sure = groups.filter((g) => surelyArticleHead(g, blocks));
  const total = tally(sure) || tally(groups.filter((g) => !sure.includes(g)));
  return total === 0 ? undefined : total > 0;
}

/**
 * Is this display group a subhead inside the running story rather than a new article's
 * headline? Layout cues first (a credit before it, a byline after it, a kicker or subtitle
 * with a signed name); then topic: the text after it continues the text before it.
 */
function isArticleHead(group: HeadGroup, blocks: ClassifiedBlock[], flavour: Flavour, bodyFirst: boolean, placed: boolean): boolean {
  const before = textBefore(blocks, group.at);
  const after = blocks[group.at + group.blocks.length];
  if (surelyArticleHead(group, blocks)) return true;
  // the shared vocabulary of a few paragraphs either side
  const cohesion = () => similarity(runningText(blocks, group.at - COHESION_PARAGRAPHS, group.at), runningText(blocks, group.at + group.blocks.length, group.at + group.blocks.length + COHESION_PARAGRAPHS));
  // column text prints a headline after its story: running text right after the group means a subhead
  if (flavour === 'column' && (HEAD_KINDS.has(after.kind) || HEAD_KINDS.has(before.kind) || after.kind === 'caption' || after.kind === 'credit')) return true;
  // a head between two paragraphs of column text stands where a sentence ends, or after a byline
  // that closes the story before (`…轮流值守。` / `本报记者 李永亮` / `县纪委为农民工追回欠薪`; in text
  // laid out like the page, a byline beside a head is read where it stands: not there)
  if (flavour === 'column' && !((before.kind === 'body' && endsSentence(before.text)) || (before.kind === 'byline' && !placed))) return false;
  // in a file that prints bodies before their heads, a display group between two paragraphs is a
  // crosshead of the running story, unless the paragraphs either side share next to no vocabulary:
  // then it is the late head of the story before, and the paragraphs after it open another that
  // has no dateline or byline to say so (`课后服务“加餐”更有味` between its story's last paragraph
  // and the next story's first, pdfminer, MuPDF, pdf2md and `-raw` on typeset news page 9, seed
  // 19; the sample's crossheads share more, STORY_CHANGE_SIMILARITY)
  if (flavour === 'column' && bodyFirst) return cohesion() < STORY_CHANGE_SIMILARITY;
  // a file that prints bodies after their headlines (a page typeset head first) has no headline
  // between two paragraphs of one story but subheads: topic decides, as for Markdown-like text.
  // A display line set right above a subhead is a box label or a fragment, not a story's headline
  if (after.kind === 'subhead' && group.blocks.every((b) => b.heading === 0)) return false;
  // a display line right under a headline, byline or caption, before any running text, belongs to that head
  let lastText: ClassifiedBlock | undefined;
  for (let k = group.at - 1; k >= 0 && k >= group.at - HEAD_LOOKBACK_BLOCKS && !lastText; k--) if (blocks[k].kind === 'body' || HEAD_KINDS.has(blocks[k].kind)) lastText = blocks[k];
  if (flavour === 'markdown' && lastText && HEAD_KINDS.has(lastText.kind)) return false;
  // topic: compare a few paragraphs on each side
  return cohesion() < COHESION;
}

/** The running paragraphs among blocks `from` to `to` (exclusive), joined. */
const runningText = (blocks: readonly ClassifiedBlock[], from: number, to: number): string =>
  blocks.slice(Math.max(0, from), to).filter((b) => b.kind === 'body').map((b) => b.text).join('');

function headText(g: HeadGroup): string {
  return g.blocks.filter((b) => b.kind !== 'byline').map((b) => b.text).join('');
}

/** A display line ending at a pause inside a sentence. */
const PAUSE_END = /[，,、]$/u;

/** Two to four short phrases set apart on one line (`征集项目 着力推动`, `书香校园 书香家庭 书香村庄`): a kicker, never a headline. */
const PHRASES_KICKER = /^\S{2,8}( \S{2,8}){1,3}$/u;

/**
 * A head set vertically, glyph by glyph, over a headline set across (`冬` / `春` / … / `进` over
 * `湖汽职院举办服饰人才专场招聘会`, MuPDF on typeset news page 8, seed 17): two stories' heads, for
 * no paper sets one head's parts two ways.
 */
const turnsAt = (blocks: readonly ClassifiedBlock[], k: number): boolean =>
  k > 0 && blocks[k - 1].kind === 'headline' && vertical(blocks[k - 1]) && blocks[k].lines.some(setAcross);

/** A line set across: two Han characters side by side or more (figures set across inside vertical type, `43`, `100`, turn nothing). */
const setAcross = (l: SourceLine): boolean => (l.text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2;

/**
 * Does the group part at k into the head of the story printed before it and a signed essay's head?
 * The story before the group opens on its dateline with no head over it (its head printed after
 * its body), the group ends on one headline with the one name signing it, and a headline stands
 * before that one: that headline, with its kicker, heads the story before, and the last headline
 * and its name the essay under the group (`抓好农时不放松` / `冬春农业` / `生产有序` / `推进`, then
 * `春耕备耕要早谋划` / `柏松`, under a wire story's last line: typeset news page 1, seed 23, every
 * extractor, where the three read as kicker, headline and kicker of the essay).
 */
function signedAfterHeadless(g: HeadGroup, blocks: readonly ClassifiedBlock[], k: number): boolean {
  const last = g.blocks.length - 1;
  // (two blocks before it at least: a line over a headline signed right under it is its kicker,
  // `把农家书屋办成…` / `点亮乡村童年` / `郑晓岚`, whatever story stands before the group)
  if (k < 2 || k !== last - 1 || g.blocks[k].kind !== 'headline' || !isSignedByline(g.blocks[last]) || !g.blocks.slice(0, k).some((b) => b.kind === 'headline')) return false;
  // back from the group over the story's running text to what opens it
  let j = g.at - 1;
  while (j >= 0 && blocks[j].page === g.blocks[0].page && (blocks[j].kind === 'body' || blocks[j].kind === 'caption') && blocks[j].opensStory !== true) j--;
  if (j < 0 || blocks[j].page !== g.blocks[0].page || !(blocks[j].kind === 'dateline' || blocks[j].opensStory === true)) return false;
  return j === 0 || blocks[j - 1].page !== blocks[j].page || (!HEAD_KINDS.has(blocks[j - 1].kind) && blocks[j - 1].kind !== 'byline');
}

/**
 * Two narrow boxes of large type in a row (Block.boxed): two stories' heads, however a narrow
 * column's lines run on (`加强合作` / `校企来了` / `一次经验` / `分享`, then `青少年科普活` / `动走进乡村学` /
 * `校`, the first story's head printed after its closing credit, set tight with no blank lines:
 * pdftotext -raw, pypdf and pdf.js on typeset news page 3, seed 11, where the first read as the
 * second's kicker). Not where the second opens on the piece of a line cut before its opening
 * quote, shorter than the box: one head the extractor cut (`南唯一一` / `个“新生` / `命”`, then `“株` /
 * `洲产教联` / …, pdftotext -layout on page 9).
 */
const twoBoxes = (above: ClassifiedBlock, below: ClassifiedBlock): boolean =>
  above.boxed === true && below.boxed === true && !(/^[“‘《「]/u.test(below.lines[0].text.trim()) && below.lines.length > 1 && below.lines[0].text.trim().length < below.lines[1].text.trim().length);

/** A box's width: its widest line, in characters. */
const boxCells = (b: ClassifiedBlock): number => Math.max(...b.lines.map((l) => [...l.text.replace(/\s+/gu, '')].length));

/** Where a new headline starts inside a group: after a subtitle, at a kicker after a headline, or a headline line that does not wrap the one before. */
function partStarts(g: HeadGroup, blocks: readonly ClassifiedBlock[]): number[] {
  // what follows the group: a story's dateline or byline under it says its last head is that story's
  const after = blocks[g.at + g.blocks.length];
  const opensAfter = after !== undefined && (after.kind === 'dateline' || after.kind === 'byline' || after.opensStory === true);
  // …and so does a head over the name that reads of the text before the group more than of the
  // text after it: a head printed after its body (asked only where a resized line follows names)
  const readsBack = (k: number) => {
    const words = contentWords(headText({ blocks: g.blocks.slice(0, k), at: g.at }));
    return affinity(words, sideText(blocks, g.at - 1, -1)) > affinity(words, sideText(blocks, g.at + g.blocks.length, 1));
  };
  const starts: number[] = [];
  g.blocks.forEach((b, k) => {
    if (k === 0) return;
    const prev = g.blocks[k - 1];
    // a kicker stands over its own headline: after a headline line it opens the next head
    if (b.kind === 'kicker' && prev.kind === 'headline' && g.blocks.slice(k + 1).some((x) => x.kind === 'headline')) starts.push(k);
    // a part cut from the display block above it by its size (Block.resized) is that head's part
    // (…but not a headline after a headline and the name signing it, where a story's dateline or
    // byline follows the group or the head reads of the text before the group: a headline wider
    // than the name over it read as resized, and an essay's head printed after its body, `把“小事”当成`
    // / `大事来办` / `郑远航`, became the kicker of the next story's `冬季蔬菜丰收上市` / `本报讯…`:
    // pdftotext -raw, pypdf and pdf.js on typeset news page 5, seed 29; and the development pages'
    // essays, printed so, in `-raw` and pdf.js text. Over the essay's own running text, a wider line
    // after its head and name is its subtitle)
    const nextHead = b.resized && headAfterNames(g.blocks, k) && (opensAfter || readsBack(k));
    if (b.secondHead) {
      starts.push(k);
      return;
    }
    if (b.kind !== 'headline' || (b.resized && !nextHead)) return;
    // (two boxes in a row part too, the first no wider than the second: a kicker's box of parallel
    // phrases, `昔日臭水沟` / `如今景观带` / `游人来打卡`, stands wider over its headline's)
    const boxes = twoBoxes(prev, b) && boxCells(prev) <= boxCells(b);
    if (prev.kind === 'subtitle' || (prev.kind === 'headline' && (!wrapsInto(prev, b) || boxes)) || headAfterNames(g.blocks, k) || turnsAt(g.blocks, k)) starts.push(k);
  });
  return starts;
}

/**
 * Is head block k a headline after a headline and the names under it, set the other way or after one signed name? That
 * head is whole, names and all, and k opens the next: an essay's head printed after its body
 * (`让阅读成为城市的日常` / `韦知秋`), then the next story's vertical head (`跨` / `江` / `大` / `桥` / …,
 * MuPDF on typeset news page 2, seed 17); a vertical head with its byline's names set down under
 * it (`阳` / … / `湖`, `本报记者龚柏威`, `通讯员贾宏宇宋振威`), then the next story's headline across
 * (pdf.js on typeset news page 8). A kicker stands over its headline, never over its names: after
 * a headline and one signed name under it, a headline opens the next head whichever way both are
 * set (`春耕备耕` / `要早谋划` / `柏松`, then `青少年科` / `普活动走` / …, two heads in narrow boxes printed
 * after their bodies, pdfminer on typeset news page 2, seed 31; over the development pages'
 * pdftotext text, signed essays' heads read apart so: authors 0.868 → 0.947).
 */
function headAfterNames(heads: readonly ClassifiedBlock[], k: number): boolean {
  if (heads[k].kind !== 'headline') return false;
  let named = k - 1;
  while (named > 0 && heads[named].kind === 'byline') named--;
  return named < k - 1 && heads[named].kind === 'headline' && (vertical(heads[named]) !== vertical(heads[k]) || (named === k - 2 && isSignedByline(heads[k - 1])));
}

/** 一 and a measure word at a line's end (opensInto). */
const ONE_AND_MEASURE_END = /一[个名家项条次件所座处批位只支台辆栋间块场起户张本种类]$/u;

/**
 * A display line that cannot end a head: it stops after a colon or an opening bracket, or leaves a
 * quotation or bracket open (`云田镇拆除一处“卫` / `片”违法建筑`, a headline across two columns that
 * pdftotext -layout cuts at the gutter), or stops on 一 and a measure word, which want the noun
 * they count (`云田镇拆除一处` / `“卫片”违法建筑`, the line cut before its opening quote: MuPDF, pdfminer,
 * `-raw` and pdf.js on typeset news page 10, seed 19, read as kicker and headline). Only 一: a
 * figure and its measure word end headlines (`…新增就业岗位300个`).
 */
const opensInto = (display: string): boolean => /[：:]$/u.test(display) || /[“「《（﹃﹁『]$/u.test(display) || unclosed(display) || ONE_AND_MEASURE_END.test(display);

/** A figure set across (`43`, `10`): digits alone. */
const FIGURE = /^[0-9]+$/u;

/**
 * A head set down glyph by glyph goes on past a figure set across inside it, which the extractor
 * set apart by blank lines (`株` / `洲` / `吉` / `安`, blank, `43`, blank, `项` / `高` / …: MuPDF on typeset
 * news page 3, seed 29), or set down too, a digit a line (`安` / `4` / `3` / `项`, pdftotext -raw). After
 * a figure only a digit or a measure word goes on (`43` + `项`). Read only by readHead, once a head
 * group is made: where it decided where groups split, two stories' vertical heads the second of
 * which opens on a figure (`衡` / … / `人`, `10`, `个` / `消` / …) became one. `after` is the block that
 * follows `b` in the group.
 */
function figureInsideGlyphs(prev: ClassifiedBlock, b: ClassifiedBlock, after: ClassifiedBlock | undefined): boolean {
  const glyphs = (x: ClassifiedBlock) => x.lines.every((l) => [...l.text.trim()].length === 1 || FIGURE.test(l.text.trim()));
  if (!glyphs(prev) || !glyphs(b) || prev.lines.length + b.lines.length <= 2 || endsPhrase(prev.display)) return false;
  // (a figure alone, `4`, goes on only where a digit or a measure word follows it: `4` / `3` / `项`;
  // a stray figure over another head, `…壮大` / `4` / `河长制…`, is no part of the head above)
  if (b.lines.every((l) => FIGURE.test(l.text.trim())) && !(after?.kind === 'headline' && continuesByStart(b.display, after.display))) return false;
  // (a figure's digits set down go on in one another: `4` / `3`)
  if (FIGURE.test(b.lines[0].text.trim())) return true;
  return FIGURE.test(prev.lines[prev.lines.length - 1].text.trim()) && continuesByStart(prev.display, b.display);
}

/**
 * One line of a narrow box holding a colon beside a full box of glyphs, half an em wider than the
 * box's other lines (`芦淞区:打好` / `助企“组合` / `拳”梧桐枝` / `茂产业兴`, MuPDF and six others on typeset
 * news page 3, seed 37).
 */
const narrowWithColon = (x: ClassifiedBlock): boolean => x.lines.length === 1 && /[:：]/u.test(x.lines[0].text) && x.lines[0].width <= NARROW_HEADLINE_LINE_EM + 0.5;

/** A headline line continued on the next line: after a colon or an opening bracket, or a short tight pair. */
function wrapsInto(prev: ClassifiedBlock, b: ClassifiedBlock): boolean {
  // a headline wrapped at its box's width fills every line alike: a line exactly as long as the
  // lines of the wrapped block over it, set tight under it, is the headline's next line (`我市启动冬季“高职院校进`
  // / `校园”活动全省23家高校` / `组团提供志愿填报“妙方”`, twelve characters each, the third a block of
  // its own: pypdf on typeset news page 7, seed 29)
  const cells = (l: SourceLine) => [...l.text.replace(/\s+/gu, '')].length;
  const width = cells(prev.lines[0]);
  if (b.lines[0].blanksBefore === 0 && prev.lines.length >= 2 && width >= WRAPPED_BOX_MIN_CHARS && prev.lines.every((l) => cells(l) === width) && cells(b.lines[0]) === width && !endsPhrase(prev.display)) return true;
  // a sentence-like line (`有效解决企业、群众跨省异地`) goes on in the line set tight under it
  if (/[，,、]/u.test(prev.display) && b.lines[0].blanksBefore === 0) return true;
  // a headline wrapped every few characters in a narrow column goes on in the next narrow lines
  // (its first line may hold a half-width colon beside a full box of glyphs: narrowWithColon)
  if (b.lines[0].blanksBefore === 0 && (isNarrowSet(prev) || narrowWithColon(prev)) && isNarrowSet(b) && prev.lines.length + b.lines.length > DISPLAY_MAX_LINES) return true;
  // a word cut by the line end (`…把“一门式”便` / `民服务送到群众“家门口”`)
  if ((b.lines[0].tight || b.lines[0].blanksBefore === 0) && continues(prev.display, b.display)) return true;
  // a line that opens on a particle no head starts with goes on from the line over it (`加强合作校企来`
  // / `了一次经验分享`, pdftotext on typeset news page 5, seed 29)
  if ((b.lines[0].tight || b.lines[0].blanksBefore === 0) && !endsPhrase(prev.display) && cannotOpen(prev.display, b.display)) return true;
  // a line of one or two characters tight under a line that ends no phrase is its wrap (`…失明老人` / `回家`)
  if (b.lines[0].blanksBefore === 0 && [...b.display.replace(/\s/gu, '')].length <= HEADLINE_WRAP_TAIL_CHARS && !endsPhrase(prev.display)) return true;
  return opensInto(prev.display) || (b.lines[0].blanksBefore === 0 && b.display.length <= HEADLINE_WRAP_MAX_CHARS && prev.display.length <= HEADLINE_WRAP_PREV_CHARS);
}

/**
 * A boxed headline, display lines set across, then another boxed headline: two stories' heads, the
 * lines between standing over the second box as its kicker or label (`衡阳县巡` / … / `人`, then
 * `长沙消防救援又添生` / `力军`, then `10个消防` / … / `勤`: pdfminer on typeset news page 3, two
 * late heads after their two bodies; `西洞庭力推…`, `延伸阅读`, `湖南凯清…`, seed 37 page 9). A
 * subtitle led by a dash (`——涪口区推进…`) is the first box's own, and so is a second box that is
 * no headline. Returns the second box's index, undefined where the group is no such pair.
 */
function boxThenLinesThenBox(heads: readonly ClassifiedBlock[], k: number): number | undefined {
  if (heads[k - 1].boxed !== true || heads[k].boxed === true) return undefined;
  const next = heads.findIndex((b, j) => j > k && b.boxed === true);
  return next > k && heads[next].kind === 'headline' && heads.slice(k, next).every((b) => HEAD_KINDS.has(b.kind) && !ledByDash(b)) ? next : undefined;
}

/** A display line led by a dash: a subtitle (`——涪口区推进…`). */
const ledByDash = (b: ClassifiedBlock) => /^[—－]/u.test(b.display);

/**
 * Several headlines printed together at a page end (`东安县公安局：便民服务获好评` right
 * above `墙里墙外花都香 / ——乡镇污水治理…`) are told apart from a kicker + headline pair by
 * topic: each of two real headlines has paragraphs nearby that speak of it and not of the other.
 */
function splitByTopic(g: HeadGroup, blocks: ClassifiedBlock[]): HeadGroup[] {
  const page = g.blocks[0].page;
  const nearby = blocks.slice(Math.max(0, g.at - SPLIT_NEARBY_BLOCKS), g.at + SPLIT_NEARBY_BLOCKS).filter((b) => b.page === page && b.kind === 'body' && b.text.length >= SPLIT_VOTER_MIN_CHARS);
  // (the lines between two boxes go with the second box, whole, and so does a subtitle led by a dash
  // under it; what follows is parted as ever)
  let from = -1;
  let box: number | undefined;
  for (let k = 1; k < g.blocks.length && box === undefined; k++) if ((box = boxThenLinesThenBox(g.blocks, k)) !== undefined) from = k;
  if (box !== undefined) {
    let to = box + 1;
    while (to < g.blocks.length && ledByDash(g.blocks[to])) to++;
    const rest = g.blocks.length > to ? splitByTopic({ blocks: g.blocks.slice(to), at: g.at + to }, blocks) : [];
    return [...splitByTopic({ blocks: g.blocks.slice(0, from), at: g.at }, blocks), { blocks: g.blocks.slice(from, to), at: g.at + from }, ...rest];
  }
  for (const k of partStarts(g, blocks)) {
    // two briefs' headlines over their two stories, in order (storiesInOrder): two heads, though each
    // part alone would pass for a kicker over the other
    const [upper, lower] = [g.blocks.slice(0, k), g.blocks.slice(k)];
    // each narrow box of large type holds a whole headline: two boxes in a row are two stories' heads
    // (`衡阳县巡` / … / `人`, then `10个消防` / … / `勤`, then `我市启动冬季` / …: pdfminer on typeset news
    // page 3), unless the second opens on the piece of a line cut before its opening quote, shorter
    // than the box: one head the extractor cut (`南唯一一` / `个“新生` / `命”`, then `“株` / `洲产教联` /
    // …, pdftotext -layout on page 9)
    if (turnsAt(g.blocks, k) || twoBoxes(g.blocks[k - 1], g.blocks[k]) || headAfterNames(g.blocks, k) || signedAfterHeadless(g, blocks, k) || g.blocks[k].secondHead === true) return [...splitByTopic({ blocks: upper, at: g.at }, blocks), ...splitByTopic({ blocks: lower, at: g.at + k }, blocks)];
    if (lower.every((x) => x.kind === 'headline') && upper.every((x) => x.kind === 'headline' || x.kind === 'kicker') && storiesInOrder(contentWords(headText({ blocks: upper, at: g.at })), contentWords(headText({ blocks: lower, at: g.at + k })), blocks, g.at + g.blocks.length)) {
      return [...splitByTopic({ blocks: upper, at: g.at }, blocks), { blocks: lower, at: g.at + k }];
    }
    // a lone short line or a few short phrases (`征集项目 着力推动`, `书香校园 书香家庭 书香村庄`) above a headline is its kicker
    const first = g.blocks.slice(0, k).filter((b) => b.kind === 'headline');
    if (first.length === 1 && (first[0].display.length <= KICKER_LINE_MAX_CHARS || PHRASES_KICKER.test(first[0].display))) continue;
    // a line ending in a dash (`…吉首画桥启用——`) leads into the next one
    if (/[—－]$/u.test(g.blocks[k - 1].display)) continue;
    // one line over a headline signed right under it (`把农家书屋办成乡亲们的精神家园` / `点亮乡村童年：…` /
    // `郑晓岚`, pypdf): the name signs the whole head, whose first line is its kicker
    if (k === 1 && g.blocks[0].kind === 'headline' && g.blocks[1]?.kind === 'headline' && g.blocks[2] !== undefined && isSignedByline(g.blocks[2])) continue;
    const a = contentWords(headText({ blocks: g.blocks.slice(0, k), at: g.at }));
    const b = contentWords(headText({ blocks: g.blocks.slice(k), at: g.at + k }));
    let votesA = 0;
    let votesB = 0;
    for (const p of nearby) {
      const fa = affinity(a, p.text);
      const fb = affinity(b, p.text);
      if (fa >= SPLIT_VOTE_AFFINITY && fa > fb + SPLIT_VOTE_MARGIN) votesA++;
      if (fb >= SPLIT_VOTE_AFFINITY && fb > fa + SPLIT_VOTE_MARGIN) votesB++;
    }
    if (votesA >= SPLIT_MIN_VOTES && votesB >= SPLIT_MIN_VOTES) {
      return [...splitByTopic({ blocks: g.blocks.slice(0, k), at: g.at }, blocks), ...splitByTopic({ blocks: g.blocks.slice(k), at: g.at + k }, blocks)];
    }
  }
  const k = sideSplit(g, blocks);
  return k === undefined ? [g] : [{ blocks: g.blocks.slice(0, k), at: g.at }, { blocks: g.blocks.slice(k), at: g.at + k }];
}

/**
 * Two briefs' headlines printed together over their two stories (`环湖半程马拉松开始报名` /
 * `部分路段今晚停水检修` / `第三届环湖半程马拉松…（记者 黎川）` / `本报讯因供水管网改造施工…`,
 * pdfminer on typeset news page 6): a brief has one paragraph, too few for the votes, but the first
 * story under the group, up to its credit or the next story's dateline, reads of the first head and
 * the second story of the second, each more than of the other.
 */
function storiesInOrder(a: Map<string, number>, b: Map<string, number>, blocks: readonly ClassifiedBlock[], from: number): boolean {
  const stories: string[] = [];
  let text = '';
  for (let k = from; k < blocks.length && blocks[k].page === blocks[from]?.page && stories.length < 2; k++) {
    const x = blocks[k];
    if (x.kind === 'body' && !(x.opensStory && text)) text += x.text;
    else if (x.kind === 'dateline' || x.opensStory) {
      if (text) stories.push(text);
      text = x.text;
    } else if (x.kind === 'credit' && text) {
      stories.push(text);
      text = '';
    } else break;
  }
  if (text && stories.length < 2) stories.push(text);
  if (stories.length < 2) return false;
  const reads = (mine: Map<string, number>, theirs: Map<string, number>, t: string) => affinity(mine, t) >= SPLIT_VOTE_AFFINITY && affinity(mine, t) > affinity(theirs, t) + SPLIT_VOTE_MARGIN;
  // (the second story need only read of its head more than of the other: a brief says its head in other words)
  return reads(a, b, stories[0]) && affinity(b, stories[1]) > affinity(a, stories[1]) + SPLIT_VOTE_MARGIN;
}

/**
 * The running text either side of a head group, up to the nearest credit or other display type on
 * its page: a story printed before a head it closes with a credit, or after a head it opens under.
 */
function sideText(blocks: readonly ClassifiedBlock[], from: number, step: 1 | -1): string {
  const page = blocks[from - step]?.page ?? blocks[from]?.page;
  const parts: string[] = [];
  for (let k = from; k >= 0 && k < blocks.length && blocks[k].page === page; k += step) {
    const b = blocks[k];
    if (b.kind === 'body' || b.kind === 'dateline') parts.push(b.text);
    else if (b.kind === 'credit' && step === -1 && parts.length === 0) continue;
    else if (b.kind !== 'furniture' && b.kind !== 'caption') break;
  }
  return parts.join('');
}

/**
 * A head printed after the story it heads, right before the head of the next story (a vertical
 * headline after its body's closing credit, then `聚焦…之三“改”出群众幸福满满` / `——…纪实` over the
 * next story; news pages, MuPDF): the first part reads of the story before the group and not of the
 * one after, the second part the other way round, by SPLIT_VOTE_MARGIN at least. Paragraph votes
 * miss it when the story before is short or the head long (its words spread over many paragraphs).
 * Returns where the group splits, or undefined.
 */
function sideSplit(g: HeadGroup, blocks: readonly ClassifiedBlock[]): number | undefined {
  // (a group of one part, most of them, has nowhere to cut: its sides are not read)
  const starts = partStarts(g, blocks);
  if (starts.length === 0) return undefined;
  const before = sideText(blocks, g.at - 1, -1);
  const after = sideText(blocks, g.at + g.blocks.length, 1);
  if (before.length < SPLIT_VOTER_MIN_CHARS || after.length < SPLIT_VOTER_MIN_CHARS) return undefined;
  // each part of the group (a headline with its wrapped lines), and which side it reads of
  const bounds = [0, ...starts, g.blocks.length];
  const leans = starts.concat(g.blocks.length).map((end, p) => {
    const words = contentWords(headText({ blocks: g.blocks.slice(bounds[p], end), at: g.at + bounds[p] }));
    return affinity(words, before) - affinity(words, after);
  });
  let best: number | undefined;
  let bestMargin = SPLIT_VOTE_MARGIN;
  for (const [p, k] of starts.entries()) {
    // no part before the split reads more of the story after it, and none after the split more of the
    // story before (a part that reads of neither side, `凝心聚力促改革砥砺前行谱新篇`, may go either way)
    if (!leans.slice(0, p + 1).every((x) => x >= 0) || !leans.slice(p + 1).every((x) => x <= 0)) continue;
    const a = contentWords(headText({ blocks: g.blocks.slice(0, k), at: g.at }));
    const b = contentWords(headText({ blocks: g.blocks.slice(k), at: g.at + k }));
    const [ab, bb, aa, ba] = [affinity(a, before), affinity(b, before), affinity(a, after), affinity(b, after)];
    if (ab < SPLIT_VOTE_AFFINITY || ba < SPLIT_VOTE_AFFINITY) continue;
    // of those, the split where each part reads of its own side by the widest margin: more of it
    // than the other part does, or more of it than of the other side. Either alone misses heads:
    // the story after `凝心聚力促改革砥砺前行谱新篇` / `涪口区推进全面深化改革` / `把“小事”当成大事来办` is
    // about 小事, and the story before says `小事不出村、大事不出镇` (the second part reads of the
    // story before more than the first); the words of `衡阳县巡特警：…` / `征集项目着力推动` are
    // found on both sides, those of `韶山变民生…` only after (the first part leans little either way).
    // Both together: the typeset news pages' headlines 0.766–0.923 → 0.809–0.942 for four
    // extractors, the development pages' `-layout` 0.914 → 0.943, no row lower
    const margin = Math.max(Math.min(ab - bb, ba - aa), Math.min(ab - aa, ba - bb));
    if (margin > bestMargin) [best, bestMargin] = [k, margin];
  }
  return best;
}

/** Two short phrases of about one length: the two lines of a parallel kicker. */
function parallelPair(a: string, b: string): boolean {
  const [la, lb] = [[...a].length, [...b].length];
  return la <= PARALLEL_PHRASE_MAX_CHARS && lb <= PARALLEL_PHRASE_MAX_CHARS && Math.abs(la - lb) <= PARALLEL_PHRASE_SLACK && !/[，。,]/u.test(a + b);
}

/**
 * The kind of report a subtitle names: at its end (`…改造见闻`, `…深化改革纪实`, `…会议侧记`, `…发展走笔`,
 * `…研讨会”述要`, a series' part named in quotes `…之“产教融合”篇`, not `…谱新篇`), or a portrait's `记…` at
 * its start (`记一位乡村教师…`; not `记住…`, `记录…`, `记忆…`).
 */
const REPORT_KIND = /(?:纪实|见闻|侧记|综述|巡礼|速写|手记|札记|纪事|探访|特写|走笔|述评|述要|之“[^”]+”篇)$|^记(?!者|住|录|忆|得|载)/u;

/** The pauses inside a sentence: a display line that has them explains rather than heads. */
const PAUSES = /[，,、；]/u;

/** A headline block of two lines: a line with no pause over a longer one with pauses, as two parts; null otherwise. */
function explainedHead(b: ClassifiedBlock): [string, string] | null {
  if (b.lines.length !== 2 || b.heading > 0) return null;
  const [a, c] = b.lines.map((l) => l.text.replace(/\s+/gu, ''));
  return !PAUSES.test(a!) && PAUSES.test(c!) && [...c!].length > [...a!].length ? [a!, c!] : null;
}

/**
 * Two display lines of like length in one block, no pause in the first and no word run across the
 * break, are two parts of a head (kicker and headline, or headline and subtitle), not one headline
 * wrapped: an extractor that prints no blank lines gives the kicker and the headline under it as
 * one block (a kicker of 15 characters / a headline of 14, pypdf on the development
 * pages; `过去走路一身灰如今处处闻花香` / `西洞庭力推人居环境整治`, typeset news page 3, seed 19), and a
 * converter that marks both in one size gives them as one display block too (`## …` /
 * `## …`, the same two, pdf2md: development headlines 0.887 → 0.906). A
 * headline wrapped fills its first line and leaves a shorter rest (`…民警凌晨送失明老人` / `回家`), or
 * breaks inside a word; a subtitle wrapped holds pauses (`有效解决企业、群众跨省异地` / `办事…`, the sample).
 */
function twoLineParts(b: ClassifiedBlock): [string, string] | undefined {
  if (b.lines.length !== 2 || vertical(b)) return undefined;
  const [x, y] = b.lines.map((l) => l.text.replace(/\s+/gu, ''));
  const nx = [...x].length;
  const ny = [...y].length;
  // (a second line longer than the first is no wrap: a wrapped line fills its line first — though
  // an editor may break display type at a sense boundary, and the measurement is what holds this
  // up. A subtitle set under its headline in one converter's heading size, `## 株洲吉安43项高频事项
  // “跨省通办”` / `## 有效解决企业、群众跨省异地办事“多地跑”“折返跑”等问题`, pdf2md on typeset news page 1)
  const longerRest = ny > nx + HEAD_PARTS_WRAP_SLACK_CHARS;
  if (Math.min(nx, ny) < HEAD_PARTS_MIN_CHARS || (Math.min(nx, ny) < HEAD_PARTS_LENGTH_RATIO * Math.max(nx, ny) && !longerRest)) return undefined;
  if (/[，,、；;]/u.test(x) || /[：:“「《（—]$/u.test(x) || unclosed(x) || continues(x, y)) return undefined;
  return [x, y];
}

/**
 * A part of a head wrapped over two lines or more by its box (across, not one glyph a line; its first
 * line full and the rest shorter, not cut at a pause), each narrower than the one line of the other
 * part: that line holds more glyphs in less room, so it is set in smaller type. Asked with the one
 * line printed first (a kicker over its headline). Lines an editor broke are not a box's wrap: two
 * phrases of one length (two of four characters, one a line) and a line ending at a pause (a
 * kicker broken after its `、`), kickers in a narrow box over a headline set wider on the
 * development pages (9 and 19 January), are left out.
 */
function wrappedNarrower(first: readonly { width: number; text: string }[], second: readonly { width: number }[]): boolean {
  if (first.length < 2 || second.length !== 1) return false;
  const widest = Math.max(...first.map((l) => l.width));
  return first[0]!.width >= WRAPPED_HEAD_MIN_WIDTH && first.at(-1)!.width < first[0]!.width && !first.slice(0, -1).some((l) => PAUSE_END.test(l.text.trim())) && second[0]!.width > widest;
}

/** Splits a head group into kicker, headline and subtitle the way the papers set them. */

function readHead(g: HeadGroup): { title: string; kicker?: string; subtitle?: string; credits: Credit[]; printed: string[]; dashes: string } {
  const kickers = g.blocks.filter((b) => b.kind === 'kicker' || b.kind === 'sidebar-label').map((b) => b.display);
  const subtitleBlocks = g.blocks.filter((b) => b.kind === 'subtitle');
  const subtitles = subtitleBlocks.map((b) => b.display.replace(/^[—－-]+\s*/u, ''));
  let dashes = subtitleBlocks.map((b) => /^[—－-]+/u.exec(b.display)?.[0] ?? '').join('');
  const credits = g.blocks.filter((b) => b.kind === 'byline').flatMap((b) => b.credits ?? []);
  const printed = g.blocks.filter((b) => b.kind === 'byline').map((b) => b.display);
  // headline lines: consecutive lines wrap one headline; a line cut after a colon or before a short rest continues it
  const parts: string[] = [];
  // each part's heading level, where a converter marks type sizes (`## 外贸企业…` / `### 港口…`)
  const levels: number[] = [];
  // each part set in a narrow box of large type (Block.boxed)
  const boxed: boolean[] = [];
  // each part's printed lines
  const partLines: { width: number; text: string }[][] = [];
  let prevLine: ClassifiedBlock | undefined;
  // the widths of the lines of the part being read (partEnded)
  let partWidths: number[] = [];
  g.blocks.forEach((b, bi) => {
    if (b.kind === 'subtitle' && parts.length === 0) return;
    if (b.kind !== 'headline') {
      prevLine = undefined;
      partWidths = [];
      return;
    }
    // a line stopping at a pause goes on, whatever size the next is set in (`入`/`选`/`国`/`家`/`首`/`批,`
    // down a narrow strip, then `湖南唯一一个“新生命”…` across: pdf2md on typeset news page 1, seed 17)
    const wraps = prevLine !== undefined && !b.secondHead && (figureInsideGlyphs(prevLine, b, g.blocks[bi + 1]) || (!b.resized && wrapsInto(prevLine, b) && !(partEnded(partWidths) && !opensInto(prevLine.display))) || PAUSE_END.test(prevLine.display));
    // a block of two lines set tight, a headline without a pause over a longer line with pauses
    // (`株洲吉安43项高频事项“跨省通办”` / `有效解决企业、群众跨省异地办事“多地跑”“折返跑”等问题`): two parts,
    // the second in smaller type explaining the first
    const explained = explainedHead(b) ?? twoLineParts(b);
    if (wraps) {
      parts[parts.length - 1] += b.display;
      partLines[partLines.length - 1]!.push(...b.lines);
    } else if (explained) {
      parts.push(explained[0], explained[1]);
      levels.push(b.heading, b.heading);
      boxed.push(false, false);
      partLines.push([], []);
      partWidths = [];
    } else {
      parts.push(b.display);
      levels.push(b.heading);
      boxed.push(b.boxed === true);
      partLines.push([...b.lines]);
      partWidths = [];
    }
    partWidths.push(...b.lines.map((l) => l.width));
    prevLine = b;
  });
  // a figure set across inside a vertical head comes apart from the glyphs set down (`10` … `个` /
  // `消` / `防` / …, pdftotext and pdf2md on typeset news): in any head, a part that is a figure alone
  // goes before the nearest part that opens on a measure word (`10个消防救援站集中驻队执勤`)
  for (let k = 0; k < parts.length; k++) {
    if (!FIGURE.test(parts[k]!)) continue;
    // the nearest part opening on a measure word (not on a mark, which continuesByStart also takes)
    const opensOnMeasure = (j: number) => j >= 0 && j < parts.length && j !== k && /^\p{Script=Han}/u.test(parts[j]!) && continuesByStart(parts[k]!, parts[j]!);
    let m = -1;
    for (let d = 1; d < parts.length && m < 0; d++) m = opensOnMeasure(k + d) ? k + d : opensOnMeasure(k - d) ? k - d : -1;
    if (m < 0) continue;
    parts[m] = parts[k] + parts[m];
    parts.splice(k, 1);
    levels.splice(k, 1);
    boxed.splice(k, 1);
    partLines.splice(k, 1);
    k--;
  }
  // two display parts without a dash: kicker + headline, or headline + subtitle. A subtitle
  // explains (long, with commas or figures); a kicker is short, or ends in a dash (`…启用——`).
  // three parts, the first two short and parallel, the last longer: a kicker in two phrases over
  // its headline (two phrases of four characters / a headline of fourteen)
  if (parts.length === 3 && parallelPair(parts[0]!, parts[1]!) && parts[2]!.length > Math.max(parts[0]!.length, parts[1]!.length)) {
    parts.splice(0, 2, `${parts[0]} ${parts[1]}`);
    levels.splice(0, 2, levels[0]!);
    boxed.splice(0, 2, boxed[0]!);
    partLines.splice(0, 2, []);
  }
  let title = parts[0] ?? '';
  let extraSubtitle: string | undefined;
  if (parts.length >= 2) {
    const [a, b] = parts;
    // …but a part built like a headline (`点亮乡村童年：让乡村孩子都爱上阅读`, a topic and a colon) or
    // one without the pauses of the part above it (a kicker of two phrases, `…、…`, over
    // a headline with no pause) is the headline under its kicker
    const headlineShaped = /^[^：:]{2,}[：:][^：:]{2,}$/u.test(b) || (PAUSES.test(a) && !PAUSES.test(b));
    // a part naming the report's kind (`经开区企业数字化改造见闻`, `…纪实`, `…侧记`) is a subtitle
    const explains = ((b.length >= SUBTITLE_PART_MIN_CHARS || PAUSES.test(b)) && !headlineShaped) || REPORT_KIND.test(b);
    // marked sizes say it outright: the larger type (the lower level) is the headline
    const sized = levels[0] > 0 && levels[1] > 0 && levels[0] !== levels[1];
    // …and so does a part set in a narrow box of large type, beside one that is not
    const inBox = boxed[0] !== boxed[1];
    // …and one line over a part wrapped by its box into lines each narrower is a kicker over its
    // headline (`征集项目着力推动` / `韶山变民生“实事` / `清单”为群众“幸` / `福账单”`, seeds 11–37 on seven
    // extractors), however long the headline, unless that part explains by its pauses or its kind
    // (`数字车间里的新变化` / `经开区企业数字化` / `改造见闻`: the review). The mirror, a part wrapped over
    // one line wider, read as headline and smaller subtitle, was measured and not kept: a kicker the
    // editor broke in two phrases of unlike length over a wider headline looks the same
    // (docs/segmenter.md, thirty-fifth session)
    const smallerBefore = wrappedNarrower(partLines[1] ?? [], partLines[0] ?? []) && !PAUSES.test(b) && !REPORT_KIND.test(b);
    if (sized ? levels[0] > levels[1] : inBox ? boxed[1] : smallerBefore || /[—－-]$/u.test(a) || PHRASES_KICKER.test(a) || !explains) {
      kickers.push(a.replace(/[—－-]+$/u, ''));
      if (/[—－-]+$/u.test(a)) dashes += /[—－-]+$/u.exec(a)![0];
      title = b;
    } else {
      title = a;
      extraSubtitle = b;
    }
    for (const rest of parts.slice(2)) kickers.push(rest);
  }
  if (!title && kickers.length > 0 && subtitles.length === 0) title = kickers.pop() as string;
  // a second headline part with a printed subtitle already present is kept as a kicker, never dropped
  if (extraSubtitle && subtitles.length) kickers.push(extraSubtitle);
  const subtitle = subtitles.length ? subtitles.join(' ') : extraSubtitle;
  return { title, kicker: kickers.length ? kickers.join(' ') : undefined, subtitle, credits, printed, dashes };
}

/** A caption waiting for its story: `after` is the index of the segment printed before it (-1: none). */
interface PendingCaption {
  block: ClassifiedBlock;
  after: number;
  /** The head group printed right before it, where no running text stands between. */
  underHead?: HeadGroup;
}

/**
 * What assembly knows so far about one file. Every pass reads it and adds to it; the
 * classified blocks given to assemble() are never changed (passes make new objects).
 */
interface AssemblyState {
  readonly flavour: Flavour;
  /** Was the text laid out like the page (layout-columns.ts)? Then heads stand where they are printed. */
  readonly placed: boolean;
  /** Does this file print a story's body before its headline (pass `headSide`)? */
  bodyFirst: boolean;
  /** The classified blocks, caption text gathered (pass `captionText`). */
  blocks: ClassifiedBlock[];
  /** Head groups that head an article, by their position in `blocks` (pass `headGroups`). */
  headAt: Map<number, HeadGroup>;
  /** Positions of display blocks that are subheads inside a story (pass `headGroups`). */
  subheadAt: Set<number>;
  /** Head groups holding a vertical headline that head no story where they stand (inside a story that reads on across them), by position (pass `headGroups`). */
  floatAt: Map<number, HeadGroup>;
  /** The block of the story running there printed right before each of them (pass `segments`). */
  floatAfter: Map<HeadGroup, ClassifiedBlock>;
  /** Stories' running text in reading order (pass `segments`; split by `splitRunTogether`). */
  segments: Segment[];
  /** Head groups and segments in reading order (pass `segments`). */
  slots: (HeadGroup | Segment)[];
  /** Reading-order neighbours of each head group and segment, kept up to date when a body is split. */
  nextOf: Map<HeadGroup | Segment, HeadGroup | Segment | undefined>;
  prevOf: Map<HeadGroup | Segment, HeadGroup | Segment | undefined>;
  /** Head groups found in `slots`, to be given a body (pass `pairHeads`). */
  pending: HeadGroup[];
  /** Head groups given a body. */
  usedHeads: Set<HeadGroup>;
  captions: PendingCaption[];
  /** Captions and photo credits by the story they went to (pass `placeCaptions`), and their blocks (for the source lines). */
  captionsOf: Map<Segment, Caption[]>;
  captionBlocksOf: Map<Segment, ClassifiedBlock[]>;
  photoCredits: Map<Segment, Credit[]>;
  /** Running text of each segment, memoised; a pass that changes a segment's blocks (openingBeforeHead, bodilessHead, tailBeforeHead) deletes its entry (moveSignedNames and strayCredits add only credits). */
  textOf: Map<Segment, string>;
  articles: Assembled['articles'];
  unassigned: ReportEntry[];
  decisions: ReportEntry[];
  typography: string;
}

/** One named pass of assembly over the state. */
interface AssemblyPass {
  name: string;
  run: (state: AssemblyState) => void;
}

const segText = (state: AssemblyState, s: Segment): string => {
  let t = state.textOf.get(s);
  if (t === undefined) state.textOf.set(s, (t = textOf(s.blocks)));
  return t;
};

/**
 * Segments near a head group on its page, in reading order from it: up to CANDIDATES_PRIOR on
 * the side the flavour prints a story's body (before its headline in column text, after it in
 * Markdown-like text), then CANDIDATES_OTHER on the other side.
 */
function candidatesFor(state: AssemblyState, g: HeadGroup, further = 0): Segment[] {
  const backward = state.bodyFirst;
  const near: Segment[] = [];
  const page = g.blocks[0].page;
  const walk = (dir: number, limit: number) => {
    const step = dir > 0 ? state.nextOf : state.prevOf;
    for (let s = step.get(g), n = 0; s !== undefined && n < limit; s = step.get(s)) {
      if ('at' in s) continue;
      if (s.blocks[0].page !== page) break;
      if (s.brief) continue;
      near.push(s);
      n++;
    }
  };
  walk(backward ? -1 : 1, CANDIDATES_PRIOR);
  walk(backward ? 1 : -1, CANDIDATES_OTHER + further);
  return near;
}

/**
 * One run of glyphs set down the page that holds two stories' heads: the head of the story printed
 * before it, closed by its credit with no head of its own, and the head of the story whose dateline
 * opens right under it (`凝` / `心` / … / `篇` / `涪` / … / `革` / `东` / `安` / … / `评`, then
 * `澧兰日报讯（…）…`: two vertical heads set side by side, which pypdf and pdf.js give glyph after
 * glyph, on typeset news page 1, seed 29, where the whole run headed the second story). The run is
 * cut between two words where the part before reads of the story before and the part after of the
 * story after, each by SPLIT_VOTE_AFFINITY and by the margin sideSplit asks of a head group.
 */
function twoVerticalHeadsPass(state: AssemblyState): void {
  const blocks = state.blocks;
  let out: ClassifiedBlock[] | undefined;
  for (let i = 1; i + 1 < blocks.length; i++) {
    const [prev, b, next] = [blocks[i - 1], blocks[i], blocks[i + 1]];
    if (b.kind !== 'headline' || !vertical(b) || prev.kind !== 'credit' || !(next.kind === 'dateline' || next.opensStory === true) || prev.page !== b.page || next.page !== b.page) continue;
    // the story the credit closes has no head: back over its running text to the page's top or to
    // what closed the story before it
    let j = i - 2;
    while (j >= 0 && blocks[j].page === b.page && (blocks[j].kind === 'body' || blocks[j].kind === 'caption' || blocks[j].kind === 'dateline')) j--;
    if (j >= 0 && blocks[j].page === b.page && (HEAD_KINDS.has(blocks[j].kind) || blocks[j].kind === 'byline')) continue;
    const at = verticalHeadsCut(b.lines.map((l) => l.text.trim()), sideText(blocks, i - 1, -1), sideText(blocks, i + 1, 1));
    if (at === undefined) continue;
    out ??= [...blocks];
    const part = (lines: SourceLine[]): ClassifiedBlock => ({ ...makeBlock(lines, false), kind: 'headline' });
    out.splice(out.indexOf(b), 1, part(b.lines.slice(0, at)), { ...part(b.lines.slice(at)), secondHead: true });
  }
  if (out) state.blocks = out;
}

/** Where a run of glyphs parts into a head of the text before and one of the text after (a glyph index), if anywhere. */
function verticalHeadsCut(glyphs: readonly string[], before: string, after: string): number | undefined {
  if (before.length < SPLIT_VOTER_MIN_CHARS || after.length < SPLIT_VOTER_MIN_CHARS) return undefined;
  let best: number | undefined;
  let bestMargin = SPLIT_VOTE_MARGIN;
  let at = 0;
  for (const word of nodejieba.cut(glyphs.join(''))) {
    at += [...word].length;
    if (at < VERTICAL_HEAD_MIN_GLYPHS || glyphs.length - at < VERTICAL_HEAD_MIN_GLYPHS) continue;
    const a = contentWords(glyphs.slice(0, at).join(''));
    const b = contentWords(glyphs.slice(at).join(''));
    const [ab, bb, aa, ba] = [affinity(a, before), affinity(b, before), affinity(a, after), affinity(b, after)];
    if (ab < SPLIT_VOTE_AFFINITY || ba < SPLIT_VOTE_AFFINITY) continue;
    const margin = Math.min(ab - aa, ba - bb);
    if (margin > bestMargin) [best, bestMargin] = [at, margin];
  }
  return best;
}

/** Caption text printed as short lines above its credit joins the caption (gatherCaptionText). */
function captionTextPass(state: AssemblyState): void {
  state.blocks = gatherCaptionText(state.blocks);
}

/**
 * Two marked heading lines of different sizes printed together (`## 外贸企业抢抓年初订单` /
 * `### 港口集装箱吞吐量保持增长`) are one head, a headline with its subtitle or kicker; lines of
 * one size are separate heads (a converter marks headlines and subheads alike), but for a subtitle,
 * which says it is one by its dash (`## 鲲鹏展翅从兹起` / `## ——职业教育的…篇`). A marked line that
 * ends a sentence is running text in a size of its own (`#### 一年之计在于春。…`), not a subtitle.
 */
const sizedPair = (a: ClassifiedBlock, b: ClassifiedBlock) =>
  (a.heading !== b.heading || b.resized === true) && HEAD_KINDS.has(a.kind) && b.lines[0].blanksBefore <= 1 && !endsSentence(b.display);

/** A byline set vertically right after a vertical headline (or its first byline): one run of glyphs, cut at its role words (paragraphs.ts). */
const verticalByline = (head: ClassifiedBlock, b: ClassifiedBlock) => (head.kind === 'headline' || head.kind === 'byline') && vertical(head) && b.kind === 'byline' && vertical(b) && b.lines[0].blanksBefore === 0;

/**
 * Display blocks printed together form head groups; grouped headlines of several stories are
 * split by topic (splitByTopic); each group then heads an article or is a subhead inside the
 * running story (isArticleHead).
 */
function headGroupsPass(state: AssemblyState): void {
  const { blocks } = state;
  const groups: HeadGroup[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (!HEAD_KINDS.has(blocks[i].kind)) continue;
    const start = i;
    while (i + 1 < blocks.length && (HEAD_KINDS.has(blocks[i + 1].kind) || isSignedByline(blocks[i + 1]) || verticalByline(blocks[i], blocks[i + 1])) && blocks[i + 1].page === blocks[start].page && !(blocks[i + 1].heading > 0 && blocks[i].heading > 0 && !isSignedByline(blocks[i + 1]) && blocks[i + 1].kind !== 'subtitle' && !sizedPair(blocks[i], blocks[i + 1]))) i++;
    groups.push({ blocks: blocks.slice(start, i + 1), at: start });
  }
  const split = groups.flatMap((x) => splitByTopic(x, blocks));
  // text read from a page's layout has every head where the page prints it: no vote on the side
  if (!state.placed) state.bodyFirst = bodySideVote(split, blocks) ?? state.bodyFirst;
  // a page of signed essays (a theory or commentary page) signs every piece under its headline: there a
  // display group with no name and no other mark of a story's start is a subhead of the running essay
  const signedOnPage = new Map<number, number>();
  for (const g of split) if (g.blocks.some(isSignedByline)) signedOnPage.set(g.blocks[0].page, (signedOnPage.get(g.blocks[0].page) ?? 0) + 1);
  for (const g of split) {
    const essayPage = (signedOnPage.get(g.blocks[0].page) ?? 0) >= SIGNED_PAGE_MIN_HEADS;
    const head = essayPage ? surelyArticleHead(g, blocks) : isArticleHead(g, blocks, state.flavour, state.bodyFirst, state.placed);
    if (head) state.headAt.set(g.at, g);
    // a headline set down the page is never a crosshead: where it stands inside a story that reads on
    // across it, it heads a story printed elsewhere
    else if (g.blocks.some((b) => b.kind === 'headline' && vertical(b))) state.floatAt.set(g.at, g);
    else g.blocks.forEach((_, k) => state.subheadAt.add(g.at + k));
  }
}

/**
 * A signed name printed inside its own essay's sentence: a miner that reads a column top to bottom
 * gives the essay's first column, the name set beside its foot, then the next column, which goes
 * on with the sentence the first one left open (`…在一次座谈会上的讲话中，` / `陈 立 群` / `深入阐述了…`,
 * as pdfminer gives the development pages; signed-name-inside-sentence.txt). A story never ends
 * mid-sentence, so the name credits the story it stands in when no name stands in that story's
 * running text yet, instead of opening another. (The head over the story is not asked: on a page
 * that prints heads after their bodies, that head and its name belong to the story before; asking
 * it cost development pdftotext boundaries 0.617 → 0.590.)
 */
function nameInsideSentence(blocks: readonly ClassifiedBlock[], i: number, current: Segment | undefined): boolean {
  const before = current?.blocks[current.blocks.length - 1];
  const after = blocks[i + 1];
  return (
    isSignedByline(blocks[i]) &&
    before !== undefined &&
    before.page === blocks[i].page &&
    before.kind === 'body' &&
    leftOpen(before.text) &&
    after?.kind === 'body' &&
    after.page === blocks[i].page &&
    after.opensStory !== true &&
    !current!.blocks.some((x) => x.kind === 'byline')
  );
}

/** Does the story being read name its author: a name in its running blocks, or in the head group it follows? */
function signedSoFar(current: Segment, slots: readonly (HeadGroup | Segment)[]): boolean {
  const head = slots.at(-1);
  return current.blocks.some((x) => x.kind === 'byline') || (head !== undefined && 'at' in head && head.blocks.some((x) => x.kind === 'byline'));
}

/**
 * A brief with no headline of its own, closed by its reporter's credit, printed on after a brief
 * that named its reporters in its dateline: `本报讯（记者 庞静怡 通讯员 邹恒）市人社局…申领办法。` /
 * `市博物馆新春特展…参观。` / `（记者 柯媛）`, the briefs column under `本地快讯` on typeset news
 * page 10, read into one story by every extractor. A story that opens on its dateline's credit does
 * not close on another reporter's, so a closing credit that names a reporter (记者) and none of the
 * dateline's persons closes a brief of its own. Returns the blocks before it and the brief's, the
 * block cut there split in two; undefined when the credit closes the story its dateline opened.
 */
function briefClosedApart(blocks: readonly ClassifiedBlock[], credit: ClassifiedBlock): [ClassifiedBlock[], ClassifiedBlock[]] | undefined {
  const [opening] = blocks;
  const named = opening?.opensStory === true ? opening.credits ?? [] : [];
  const closing = credit.credits ?? [];
  // (a reporter of its own: a correspondent or an intern named at the end of a story its dateline
  // credits to a reporter is that story's, `本报讯（记者 张三）…` / `（通讯员 李四）`)
  if (named.length === 0 || !closing.some((c) => c.role === '记者') || closing.some((c) => named.some((n) => n.name === c.name))) return undefined;
  if (!blocks.every((b) => b.kind === 'body' || b.kind === 'dateline')) return undefined;
  // the cut: the last line break after a sentence's end before the credit (never before the
  // dateline's first line). A brief whose own line ends a sentence is cut there, short; words do
  // not tell the place better (two briefs' sentences rarely share one)
  const lines = blocks.flatMap((b, bi) => b.lines.map((l, li) => ({ bi, li, l })));
  let k = lines.length - 1;
  while (k >= 1 && !endsSentence(lines[k - 1].l.text)) k--;
  if (k < 1) return undefined;
  const { bi, li } = lines[k];
  if (li === 0) return [blocks.slice(0, bi), blocks.slice(bi)];
  const b = blocks[bi];
  const kept = makeBlock(b.lines.slice(0, li), false);
  const moved = makeBlock(b.lines.slice(li), false);
  // the kept part keeps the text its rules gave it (a dateline's credit keeps its spaces), less the moved lines'
  const less = (whole: string, part: string, own: string) => (whole.endsWith(part) ? whole.slice(0, whole.length - part.length).trimEnd() : own);
  const first: ClassifiedBlock = { ...b, ...kept, text: less(b.text, moved.text, kept.text), display: less(b.display, moved.display, kept.display) };
  return [[...blocks.slice(0, bi), first], [{ ...moved, kind: 'body' }, ...blocks.slice(bi + 1)]];
}

/**
 * Running text is cut into segments where layout says a story starts or ends: an article's
 * head group, a dateline or byline, a page start, a closing credit or a photo credit ending in
 * 摄. Captions wait for their story; page furniture goes to the report.
 */
function segmentsPass(state: AssemblyState): void {
  const { blocks, segments, slots } = state;
  const floated = new Set([...state.floatAt].flatMap(([at, g]) => g.blocks.map((_, k) => at + k)));
  let current: Segment | undefined;
  // vertical heads printed inside the running story part nothing and stand after it (where no story
  // runs yet, after the next one)
  let floating: HeadGroup[] = [];
  const close = () => {
    if (current && current.blocks.length) {
      segments.push(current);
      slots.push(current);
    }
    slots.push(...floating);
    floating = [];
    current = undefined;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const f = state.floatAt.get(i);
    if (f) {
      floating.push(f);
      const last = current?.blocks.at(-1);
      if (last) state.floatAfter.set(f, last);
      i += f.blocks.length - 1;
      continue;
    }
    const g = state.headAt.get(i);
    if (g) {
      close();
      slots.push(g);
      i += g.blocks.length - 1;
      continue;
    }
    if (b.kind === 'caption') {
      const last = slots[slots.length - 1];
      state.captions.push({ block: b, after: segments.length + (current ? 1 : 0) - 1, underHead: !current && last !== undefined && 'at' in last ? last : undefined });
      continue;
    }
    if (b.kind === 'furniture') {
      state.unassigned.push(entry([b], 'page furniture'));
      // a campaign banner heads what is printed under it: the story before it ends there when its
      // text does and each side is signed, the story before it naming its author and the running
      // text after it (its crossheads too) running to an essay's signature of its own before any head
      // (`…。` / `认真学习宣传贯彻党的十九大精神` / running text / … / `（作者为…）`, pdftotext on
      // 人民日报's theory page of 10 January 2018, two essays run together; a banner printed at a
      // paragraph's end inside one story reads on into the same story). Not in text laid out like
      // the page, where a banner over a strip of the page is read where that strip is.
      const last = current?.blocks.at(-1);
      if (!state.placed && current !== undefined && last !== undefined && (last.kind === 'body' || last.kind === 'dateline') && endsSentence(last.text) && isCampaignBanner(b.display) && signedSoFar(current, slots)) {
        let k = i + 1;
        while (k < blocks.length && blocks[k].page === b.page && (blocks[k].kind === 'body' || blocks[k].kind === 'caption' || state.subheadAt.has(k) || floated.has(k))) k++;
        const end = blocks[k];
        // an essay's signature: its note (`（作者为…）`) or its signed name; a news story's closing
        // credit (`（通讯员 …）`) may close the same story the banner stands in
        if (k > i + 1 && end !== undefined && end.page === b.page && ((end.kind === 'credit' && readAffiliation(end.text) !== null) || isSignedByline(end))) close();
      }
      continue;
    }
    // a photo credit ending in 摄 closes the story it follows; other bylines open the next one
    const photoCredit = b.kind === 'byline' && /摄$|摄影报道$/u.test(b.display) && current !== undefined && current.blocks.some((x) => x.kind === 'body');
    const opens = b.kind === 'dateline' || b.opensStory === true || (b.kind === 'byline' && !photoCredit && !(current && current.blocks.every((x) => x.kind === 'byline')) && !nameInsideSentence(blocks, i, current));
    if (current && (opens || b.lines[0].pageStart || b.page !== current.blocks[0].page)) close();
    if (!current) current = { blocks: [], opened: opens || b.lines[0].pageStart };
    const brief = b.kind === 'credit' ? briefClosedApart(current.blocks, b) : undefined;
    if (brief !== undefined) {
      current.blocks = brief[0];
      close();
      current = { blocks: brief[1], opened: false, brief: true };
    }
    current.blocks.push(state.subheadAt.has(i) ? { ...b, kind: 'subhead' } : b);
    if (b.kind === 'credit' || photoCredit) close();
  }
  close();
  for (const slot of slots) if ('at' in slot) state.pending.push(slot);
  slots.forEach((x, k) => {
    state.nextOf.set(x, slots[k + 1]);
    state.prevOf.set(x, slots[k - 1]);
  });
}

/**
 * Which side of its headline does this file print a story's body? The sample's column text
 * prints it before (pdftotext reads a headline box after the columns under it), a page typeset
 * in a browser and most converters after. The flavour gives the default; the file's own head
 * groups vote: each whose words are clearly more in the running text after it than before it
 * (by HEAD_SIDE_MARGIN) says "after", and the other way round. Set per file, never per paper.
 */
function headSidePass(state: AssemblyState): void {
  let total = 0;
  for (const g of state.pending) {
    const prev = state.prevOf.get(g);
    const next = state.nextOf.get(g);
    if (!prev || !next || 'at' in prev || 'at' in next) continue;
    total += sideVote(g, segText(state, prev), segText(state, next));
  }
  if (total !== 0 && !state.placed) state.bodyFirst = total > 0;
}

/**
 * Headlines to bodies: every head group scores the segments near it (candidatesFor) by topic
 * (affinity) plus layout bonuses, and the best pairs are taken first, each head and each body
 * once. Column text prints a headline after its story (`东安县公安局：便民服务获好评` under its
 * body in 000), Markdown-like text before it.
 */
function pairHeadsPass(state: AssemblyState): void {
  const backward = state.bodyFirst;
  // positions in reading order, taken before any body is split (only this pass reads them)
  const pos = new Map<HeadGroup | Segment, number>(state.slots.map((x, k) => [x, k]));
  const at = (x: HeadGroup | Segment) => pos.get(x) as number;
  const pairs: { g: HeadGroup; s: Segment; score: number }[] = [];
  for (const g of state.pending) {
    const words = contentWords(headText(g));
    const near = candidatesFor(state, g);
    const reads = near.map((s) => affinity(words, segText(state, s)));
    // only a group holding a headline; a subtitle, kicker or label alone shares its headline's body
    // (`——经开区企业数字化改造见闻`, set apart from its headline by pdfminer on typeset news page 12, took the story)
    const headed = g.blocks.some((b) => b.kind === 'headline');
    near.forEach((s, rank) => {
      const onPriorSide = backward ? at(s) < at(g) : at(s) > at(g);
      const adjacent = Math.abs(at(s) - at(g)) === 1;
      let score = reads[rank]! + (onPriorSide ? PRIOR_SIDE_BONUS : 0) + (adjacent && onPriorSide ? ADJACENT_BONUS : 0) - rank * RANK_PENALTY;
      // a head that clearly reads of this body and of no other near it
      if (headed && clearlyReads(reads, rank)) score += CLEAR_TOPIC_BONUS;
      // a story opened by a dateline or byline that sits right after the headline takes it
      if (!backward && adjacent && at(s) > at(g)) score += OPENS_AFTER_BONUS;
      pairs.push({ g, s, score });
    });
  }
  pairs.sort((a, b) => b.score - a.score || at(a.g) - at(b.g));
  for (const p of pairs) {
    if (state.usedHeads.has(p.g) || p.s.head) continue;
    p.s.head = p.g;
    state.usedHeads.add(p.g);
  }
  // a head left over in a row of heads printed together reaches one story further on the other side
  // for each other head in the row, and takes a story with no head there that reads of it: the row
  // heads the stories before it in turn (`衡阳县巡…`, then `长沙消防…` / `10个消防…`, both after their
  // two bodies, pdfminer on typeset news page 3, on a page that otherwise sets heads over bodies; the
  // second head took the story next to the row and the first found no body)
  for (const g of state.pending) {
    if (state.usedHeads.has(g)) continue;
    const row = headsInRow(state, g);
    if (row < 2) continue;
    const words = contentWords(headText(g));
    const reads = candidatesFor(state, g, row - 1)
      .filter((s) => !s.head)
      .map((s) => ({ s, a: affinity(words, segText(state, s)) }))
      .filter((x) => x.a >= SPLIT_MIN_AFFINITY);
    const best = reads.reduce<(typeof reads)[number] | undefined>((b, x) => (b === undefined || x.a > b.a ? x : b), undefined);
    if (best === undefined) continue;
    best.s.head = g;
    state.usedHeads.add(g);
  }
}

/** Whether the affinity at `k` is at least CLEAR_TOPIC_LEAD and leads every other by as much. */
function clearlyReads(reads: readonly number[], k: number): boolean {
  const a = reads[k]!;
  return a >= CLEAR_TOPIC_LEAD && reads.every((x, j) => j === k || a - x >= CLEAR_TOPIC_LEAD);
}

/** How many head groups stand in a row with `g`, on its page, no segment between. */
function headsInRow(state: AssemblyState, g: HeadGroup): number {
  const page = g.blocks[0].page;
  let row = 1;
  // (a vertical head printed inside a story stands before the next head only in reading order, not in a row with it)
  for (const step of [state.prevOf, state.nextOf]) for (let s = step.get(g); s !== undefined && 'at' in s && s.blocks[0].page === page; s = step.get(s)) if (!floats(state, s)) row++;
  return row;
}

/** Is this slot a vertical head printed inside a story (headGroupsPass `floatAt`)? */
function floats(state: AssemblyState, x: HeadGroup | Segment | undefined): x is HeadGroup {
  return x !== undefined && 'at' in x && state.floatAt.get(x.at) === x;
}

/** Two sums of paragraph affinities closer than this are alike (floating-point rounding). */
const LEAN_EPSILON = 1e-9;

/**
 * Where a body turns from its own headline's topic (or from no headline's) to the topic of
 * `words`: the paragraph boundary, after a sentence's end or a credit, that best parts the two,
 * with the part of `words` before it (`headFirst`) or after it, as `sides` allow; undefined when
 * no part reads of `words` (SPLIT_MIN_AFFINITY). Of boundaries that score alike, one after a blank
 * line; then, where the body has a head of its own, the one that leaves each paragraph with the
 * head it reads of more (`lean`); then as `tie` says: the first, the last, or the one nearest `tie.near`.
 * No boundary before block `minAt`; of boundaries that score alike, the one at it goes first.
 * `byShare`: the score counts each head word in a part by the share of the body's uses of it that
 * part holds (shareAffinity), not by its being there at all: for a late head's opening in the story
 * before, where a word of the late head that the story before also uses (its town, `株洲`, said in
 * four of its paragraphs: MuPDF and six more extractors on typeset news page 6, seed 37) cut that
 * story after its first paragraph, the only one free of it. What the part must read of the head
 * (SPLIT_MIN_AFFINITY) and the leaning of tied cuts are asked by presence either way: a share
 * falls wherever the story before uses the late head's words too, and the right cut fell under
 * the minimum.
 */
export function bestSplit(words: Map<string, number>, s: Pick<Segment, 'blocks' | 'head'>, sides: readonly boolean[], tie: 'first' | 'last' | { near: number } = 'first', minAt = 1, byShare = false): { at: number; score: number; headFirst: boolean } | undefined {
  const paras = s.blocks;
  if (paras.length > SPLIT_BODY_MAX_BLOCKS) return undefined; // splitting is quadratic in the body's length; such a body keeps its headline
  const other = s.head ? contentWords(headText(s.head)) : undefined;
  // (byShare: each head word's uses in the paragraphs before each cut, counted once)
  const shareWords = byShare ? [...new Set([...words.keys(), ...(other?.keys() ?? [])])] : [];
  const usesUpTo: Map<string, number>[] = [new Map(shareWords.map((w) => [w, 0]))];
  if (byShare) {
    paras.forEach((p, k) => {
      const here = wordCounts(shareWords, textOf([p]));
      usesUpTo.push(new Map(shareWords.map((w) => [w, usesUpTo[k]!.get(w)! + here.get(w)!])));
    });
  }
  const usesOf = (from: number, to: number) => new Map(shareWords.map((w) => [w, usesUpTo[to]!.get(w)! - usesUpTo[from]!.get(w)!]));
  const allUses = byShare ? usesOf(0, paras.length) : undefined;
  // how much each paragraph reads of either head, summed from the start: where two boundaries score
  // alike, the paragraphs between them go with the head they read of (asked only where the body has
  // a head of its own: without one, nothing leans)
  const mineUpTo = [0];
  const theirsUpTo = [0];
  if (other !== undefined) {
    paras.forEach((p, k) => {
      mineUpTo.push(mineUpTo[k]! + (p.kind === 'body' ? affinity(words, p.text) : 0));
      theirsUpTo.push(theirsUpTo[k]! + (p.kind === 'body' ? affinity(other, p.text) : 0));
    });
  }
  // (the head's part before the boundary, the other after it, or the other way round)
  const lean = (at: number, headFirst: boolean) => {
    if (other === undefined) return 0;
    const [before, after] = headFirst ? [mineUpTo, theirsUpTo] : [theirsUpTo, mineUpTo];
    return before[at]! + (after[paras.length]! - after[at]!);
  };
  let best: { at: number; score: number; headFirst: boolean; edge: number; lean: number } | undefined;
  for (let at = minAt; at < paras.length; at++) {
    if (paras[at - 1].kind !== 'body' && paras[at - 1].kind !== 'credit') continue;
    if (!endsSentence(paras[at - 1].text) && paras[at - 1].kind !== 'credit') continue;
    const a = textOf(paras.slice(0, at));
    const b = textOf(paras.slice(at));
    if (a.length < SPLIT_PART_MIN_CHARS || b.length < SPLIT_PART_MIN_CHARS) continue;
    const [usesA, usesB] = allUses ? [usesOf(0, at), usesOf(at, paras.length)] : [undefined, undefined];
    // (a part's text and, byShare, its uses of the head words)
    const aff = (w: Map<string, number>, first: boolean) => (allUses ? shareAffinity(w, (first ? usesA : usesB)!, allUses) : affinity(w, first ? a : b));
    for (const headFirst of sides) {
      // (the head's part after the boundary opens its story: not on a paragraph that points back)
      if (!headFirst && pointsBack(paras[at].text)) continue;
      const mine = aff(words, headFirst);
      const theirs = other ? aff(other, !headFirst) : SPLIT_NO_HEAD_AFFINITY;
      const cross = aff(words, !headFirst);
      const score = mine + theirs - cross;
      const reads = allUses ? affinity(words, headFirst ? a : b) : mine;
      // (of two that score alike, one at a box's edge, a blank line before it, goes before one inside a
      // box: pdfminer sets a story's paragraphs tight in one box, `…地方标准。` / `放学铃响，…` / `学校负责人…`,
      // seed 37 page 9, where the tail taken would otherwise start a paragraph late)
      // (right after a photo that fences the cut, minAt, goes before either)
      const edge = minAt > 1 && at === minAt ? 2 : paras[at].lines[0].blanksBefore > 0 ? 1 : 0;
      const leans = lean(at, headFirst);
      const preferred = tie === 'first' ? false : tie === 'last' ? true : best !== undefined && Math.abs(at - tie.near) < Math.abs(best.at - tie.near);
      // (…then the one that leaves each paragraph with the head it reads of: `…藏书六千余册。` with the
      // reading room's story, not the bird tower's printed after it, pdf.js on typeset news page 8)
      // (affinities are fractions: sums alike up to rounding lean neither way)
      const leansOther = best !== undefined && Math.abs(leans - best.lean) > LEAN_EPSILON;
      const tieWins = best !== undefined && score === best.score && (edge !== best.edge ? edge > best.edge : leansOther ? leans > best.lean : preferred);
      if (reads >= SPLIT_MIN_AFFINITY && (!best || score > best.score || tieWins)) best = { at, score, headFirst, edge, lean: leans };
    }
  }
  return best;
}

/**
 * The story a vertical head was printed inside (headGroupsPass): the segment before it, past the
 * other heads printed inside the same story.
 */
function hostOf(state: AssemblyState, g: HeadGroup): Segment[] {
  let s = state.prevOf.get(g);
  while (floats(state, s)) s = state.prevOf.get(s);
  return s !== undefined && !('at' in s) && s.blocks[0].page === g.blocks[0].page ? [s] : [];
}

/**
 * A headline left over means two stories run together in one body (no credit between them):
 * the body is split where the paragraphs turn from one headline's topic to the other's. A
 * headline that finds no such place is reported. A vertical head printed inside a story splits
 * that story only, and of places that read alike, where it is printed: given the stories near it,
 * it split one that shared a few common words with it (pdfminer on a development theory page, a
 * signed vertical head set beside an essay).
 */
function splitRunTogetherPass(state: AssemblyState): void {
  const { segments, slots, nextOf, prevOf } = state;
  for (const g of state.pending) {
    if (state.usedHeads.has(g)) continue;
    let best: { s: Segment; at: number; score: number; headFirst: boolean } | undefined;
    const words = contentWords(headText(g));
    // (a floating head's host is the story it was printed in: of places alike, the one where it stands)
    const printedAfter = state.floatAfter.get(g);
    for (const s of floats(state, g) ? hostOf(state, g) : candidatesFor(state, g)) {
      const split = bestSplit(words, s, [true, false], printedAfter === undefined ? 'first' : { near: s.blocks.indexOf(printedAfter) + 1 });
      if (split && (!best || split.score > best.score)) best = { s, ...split };
    }
    if (!best) {
      state.unassigned.push(entry(g.blocks, 'headline with no body found'));
      continue;
    }
    const { s, at, headFirst } = best;
    const first: Segment = { blocks: s.blocks.slice(0, at), opened: s.opened, head: headFirst ? g : s.head };
    const second: Segment = { blocks: s.blocks.slice(at), opened: true, head: headFirst ? s.head : g };
    segments.splice(segments.indexOf(s), 1, first, second);
    slots.splice(slots.indexOf(s), 1, first, second);
    const before = prevOf.get(s);
    const after = nextOf.get(s);
    if (before) nextOf.set(before, first);
    if (after) prevOf.set(after, second);
    prevOf.set(first, before).set(second, first);
    nextOf.set(first, second).set(second, after);
    // captions counted by segment index shift by one after the split
    const k = segments.indexOf(first);
    for (const c of state.captions) if (c.after >= k + 1) c.after++;
    state.usedHeads.add(g);
    state.decisions.push({ ...entry(g.blocks, `headline assigned by topic; body split at line ${second.blocks[0].first}`) });
  }
}

/** Signed names (`孔立远` alone under a headline) a page holds, by page. */
function signedPages(blocks: readonly ClassifiedBlock[]): Map<number, number> {
  const signed = new Map<number, number>();
  for (const b of blocks) if (isSignedByline(b)) signed.set(b.page, (signed.get(b.page) ?? 0) + 1);
  return signed;
}

/**
 * Takes a segment out of the reading order: out of the segments and slots, its neighbours linked
 * to each other. Returns its index among the segments, which the stories after it leave.
 */
function unlinkSegment(state: AssemblyState, s: Segment): number {
  const k = state.segments.indexOf(s);
  state.segments.splice(k, 1);
  state.slots.splice(state.slots.indexOf(s), 1);
  const before = state.prevOf.get(s);
  const after = state.nextOf.get(s);
  if (before) state.nextOf.set(before, after);
  if (after) state.prevOf.set(after, before);
  state.nextOf.delete(s);
  state.prevOf.delete(s);
  return k;
}

/**
 * Is a segment printed right after the page's furniture? (Its first block may be a subhead copy:
 * the block stream is searched by line.)
 */
function afterFurniture(state: AssemblyState, s: Segment): boolean {
  const at = state.blocks.findIndex((b) => b.first === s.blocks[0].first);
  return state.blocks[at - 1]?.kind === 'furniture';
}

/** The story read before a head group or segment, past head groups. */
function storyBefore(state: AssemblyState, x: HeadGroup | Segment): Segment | undefined {
  let prev = state.prevOf.get(x);
  while (prev !== undefined && 'at' in prev) prev = state.prevOf.get(prev);
  return prev;
}

/**
 * A story's opening column printed before its head (pdfminer on the development pages: the first
 * column, then the headline and name set beside the columns after it) is a segment with no head
 * of its own, closed off from the story before (by a credit or the page's furniture, or with no
 * story before it but head groups): it joins the story of the head right after it when it reads of
 * that head (OPENING_MIN_AFFINITY) more than of the head before it.
 */
function openingBeforeHeadPass(state: AssemblyState): void {
  for (const s of [...state.segments]) {
    if (s.head || s.opened) continue;
    const g = state.nextOf.get(s);
    const t = g && 'at' in g ? state.nextOf.get(g) : undefined;
    if (!g || !('at' in g) || !t || 'at' in t || t.head !== g || t.blocks[0].page !== s.blocks[0].page) continue;
    const prev = state.prevOf.get(s);
    const closed = prev === undefined || 'at' in prev || prev.blocks[prev.blocks.length - 1].kind === 'credit' || afterFurniture(state, s);
    if (!closed) continue;
    const text = segText(state, s);
    const mine = affinity(contentWords(headText(g)), text);
    const owner = storyBefore(state, s);
    const theirs = owner?.head ? affinity(contentWords(headText(owner.head)), text) : 0;
    if (mine < OPENING_MIN_AFFINITY || mine <= theirs) continue;
    const k = unlinkSegment(state, s);
    t.blocks = [...s.blocks, ...t.blocks];
    state.textOf.delete(t);
    for (const c of state.captions) if (c.after > k) c.after--;
    state.decisions.push(entry(s.blocks, `opening printed before its head: joins the story headed at line ${g.blocks[0].first}`));
  }
}

/**
 * A head printed beside the end of its story's columns (`资兴市掀起农耕文化“研学热”` right of its
 * columns, under the story `冬春农业生产有序推进`: MuPDF, pypdf, pdf2md and `-raw` on typeset news
 * page 8, seed 11) comes after its opening columns, which run on from the story read before it.
 * Where that story turns from its own head's topic to this head's (bestSplit, the part after reading
 * of this head by SPLIT_VOTE_MARGIN more than of its own), the paragraphs from the turn open this
 * head's story. Not for a signed essay's head, nor a story that opens with its own dateline or
 * byline: the words of an essay's head are the page's (`把“小事”当成大事来办` and a story before it
 * that says `小事不出村`). Seeds' boundaries +0.13 summed (five rows up, seed 11 pdftotext down
 * 0.018), committed news pdftotext 0.818 → 0.836, development pages unchanged.
 */
function tailBeforeHeadPass(state: AssemblyState): void {
  // (not on a page of signed essays: its essays share the page's words, and a turn of topic inside
  // one is no other essay's opening — 人民日报's theory pages of 3, 4 and 23 January 2018)
  const signed = signedPages(state.blocks);
  for (const t of state.segments) {
    const g = t.head;
    // (a story opened by its dateline or byline has its opening)
    if (!g || t.blocks[0].kind === 'dateline' || t.blocks[0].opensStory === true || g.blocks.some(isSignedByline) || (signed.get(g.blocks[0].page) ?? 0) >= SIGNED_PAGE_MIN_HEADS) continue;
    // the story read before this one's text, past this head when it stands first
    const p = state.prevOf.get(t);
    const s = p === g ? state.prevOf.get(g) : p;
    // (the story before stands under its own head: a head over its body and one after it)
    if (!s || 'at' in s || !s.head || state.prevOf.get(s) !== s.head || s.blocks[0].page !== g.blocks[0].page) continue;
    const words = contentWords(headText(g));
    const split = bestSplit(words, s, [false], 'last', afterOwnPhoto(state, s, words), true);
    const own = contentWords(headText(s.head));
    const turns = (at: number) => {
      const after = textOf(s.blocks.slice(at));
      const before = textOf(s.blocks.slice(0, at));
      return affinity(words, after) >= affinity(own, after) + SPLIT_VOTE_MARGIN && affinity(own, before) >= affinity(words, before);
    };
    if (split && turns(split.at)) {
      const moved = moveTail(state, s, t, split.at);
      state.decisions.push(entry(moved, `opening printed before its head beside it: joins the story headed at line ${g.blocks[0].first}`));
      continue;
    }
    // (neither head reads of it: the text goes on into a story whose head is printed after its
    // text, never across a head printed over its story, and never text its own head reads of)
    if (g.blocks[0].first < t.blocks[0].first) continue;
    const at = tailReadsOn(s.blocks, textOf(t.blocks.filter((b) => b.kind === 'body').slice(0, 2)));
    if (at !== undefined && affinity(own, textOf(s.blocks.slice(at))) < SPLIT_MIN_AFFINITY) {
      const moved = moveTail(state, s, t, at);
      state.decisions.push(entry(moved, `paragraphs that go on into the story under the head at line ${g.blocks[0].first}: join it`));
    }
  }
}

/**
 * The last paragraphs of a story that go on in the next story's text, where neither head reads of
 * them: `…公众出行要注意防滑保暖。` (a 新华社 brief's end) / `6月23日下午5时，…二年级8班学生赵毅霖…` /
 * then, in the next story printed before its head, `5分钟左右，赵毅霖来到…` (pypdf on typeset news
 * page 4, seed 11). The paragraphs after a sentence's end, at the story's end, each of whose words the
 * first paragraphs of the story after hold (TAIL_READS_ON_MIN_AFFINITY) more than twice as much as the
 * story they stand in (`next`: the text of the story after): the latest such cut. Returns the
 * paragraph the moved tail starts at.
 */
export function tailReadsOn(paras: readonly Pick<ClassifiedBlock, 'kind' | 'text'>[], next: string): number | undefined {
  // (a paragraph that reads on with the story's text before it reads on with less of it: the
  // look stops at the first that does not, and at TAIL_READS_ON_MAX_PARAGRAPHS)
  for (let at = paras.length - 1; at >= 1 && paras.length - at <= TAIL_READS_ON_MAX_PARAGRAPHS; at--) {
    const own = paras.slice(0, at).map((b) => b.text).join('');
    const words = contentWords(paras[at].text);
    const on = affinity(words, next);
    if (paras[at].kind !== 'body' || on < TAIL_READS_ON_MIN_AFFINITY || on <= 2 * affinity(words, own)) return undefined;
    const before = paras[at - 1];
    if (before.kind === 'body' && endsSentence(before.text)) return at;
  }
  return undefined;
}

/**
 * A story's later columns printed after another story's end (pdftotext on typeset news page 10,
 * seed 11: `湖汽职院举办服饰人才专场招聘会` and its first paragraph, the next story whole with its
 * closing credit, then `此次招聘会涵盖…`, …, `…更充分就业。`): a segment with no head of its own,
 * opened by no dateline or byline, after a story its credit closed, starting a sentence. It goes to
 * the end of the story printed before it on its page whose head it reads of (OPENING_MIN_AFFINITY),
 * more than of any other's there, and before that story's closing credit.
 */
function tailAfterOtherStoryPass(state: AssemblyState): void {
  const signed = signedPages(state.blocks);
  for (const s of [...state.segments]) {
    if (s.head || s.opened || s.blocks[0].kind !== 'body' || cannotOpen('', s.blocks[0].text) || (signed.get(s.blocks[0].page) ?? 0) >= SIGNED_PAGE_MIN_HEADS) continue;
    const prev = storyBefore(state, s);
    if (!prev || prev.blocks[prev.blocks.length - 1].kind !== 'credit' || prev.blocks[0].page !== s.blocks[0].page) continue;
    const text = segText(state, s);
    const page = s.blocks[0].page;
    const k = state.segments.indexOf(s);
    // the stories printed before it on its page, the one its credit closed among them
    const scored = state.segments
      .slice(0, k)
      .filter((t) => t.head && t.blocks[0].page === page)
      .map((t) => {
        const words = contentWords(headText(t.head as HeadGroup));
        return { t, words, score: affinity(words, text) };
      })
      .sort((a, b) => b.score - a.score);
    const [first, second] = scored;
    if (!first || first.t === prev || first.score < OPENING_MIN_AFFINITY || (second && second.score >= first.score)) continue;
    const best = first.t;
    // (a run with its own closing credit is a story of its own when the one it reads of has one)
    if (s.blocks.some((b) => b.kind === 'credit') && best.blocks.some((b) => b.kind === 'credit')) continue;
    // (and the story it reads of reads of its own head: a head paired with another's body is no guide)
    if (affinity(first.words, segText(state, best)) < OPENING_MIN_AFFINITY) continue;
    // before the credit that closes it, when one does
    const end = best.blocks[best.blocks.length - 1].kind === 'credit' ? best.blocks.length - 1 : best.blocks.length;
    best.blocks = [...best.blocks.slice(0, end), ...s.blocks, ...best.blocks.slice(end)];
    state.textOf.delete(best);
    unlinkSegment(state, s);
    // a caption printed after the run followed it to its story; the stories after it move up one
    const to = state.segments.indexOf(best);
    for (const c of state.captions) c.after = c.after === k ? to : c.after > k ? c.after - 1 : c.after;
    state.decisions.push(entry(s.blocks, `later columns printed after another story's end: join the story headed at line ${best.head?.blocks[0].first}`));
  }
}

/** The blocks of `from` from `at` on, moved to the front of `to` (both segments' text forgotten); returns them. */
function moveTail(state: AssemblyState, from: Segment, to: Segment, at: number): ClassifiedBlock[] {
  const tail = from.blocks.slice(at);
  from.blocks = from.blocks.slice(0, at);
  to.blocks = [...tail, ...to.blocks];
  state.textOf.delete(from);
  state.textOf.delete(to);
  return tail;
}

/** Does a story name who wrote it? An affiliation note (`（作者为…教授）`) closes a signed essay but names no one: it credits nothing. */
const credited = (x: Segment) => x.blocks.some((b) => b.kind === 'byline' || (b.credits?.length ?? 0) > 0);

/** A segment of credits alone: bylines and credit lines, no running text. */
const creditsOnly = (s: Segment) => s.blocks.every((b) => b.kind === 'byline' || b.kind === 'credit');

/**
 * A head whose story holds nothing but credits (`河长巡河发现问题当天处理` / `本报记者 何子衿`, printed
 * after its body where the page otherwise sets heads first) has its body at the end of the headed
 * story read just before it: the paragraphs from where that story turns to this head's topic move
 * to it.
 */
function bodilessHeadPass(state: AssemblyState): void {
  // (over a copy: a story taken whole leaves the list)
  for (const s of [...state.segments]) {
    if (!s.head || !creditsOnly(s)) continue;
    const prev = storyBefore(state, s);
    if (prev === undefined || prev.blocks[0].page !== s.head.blocks[0].page) continue;
    // a story with no head of its own printed right before the head is its whole body when it reads
    // of it (`…株洲环保工作再上新台阶。` / `制造名城澎湃“绿动力”` / `——解读…` / `本报记者 李永亮`, the
    // next story's head after the byline: pdf2md on typeset news page 6, seed 31)
    if (!prev.head) {
      const next = state.nextOf.get(prev);
      // (a brief closed apart by its own credit takes no head)
      if (prev.brief) continue;
      if ((next !== s.head && next !== s) || affinity(contentWords(headText(s.head)), segText(state, prev)) < SPLIT_MIN_AFFINITY) continue;
      const k = unlinkSegment(state, prev);
      moveTail(state, prev, s, 0);
      for (const c of state.captions) if (c.after > k) c.after--;
      state.decisions.push(entry(s.head.blocks, `headline with credits only: takes the story printed right before it, from line ${s.blocks[0].first}`));
      continue;
    }
    if (prev.blocks.length < 2) continue;
    // of parts that read of it alike (and that leave each paragraph with the head it reads of more),
    // the shortest: the story before keeps what it can
    const words = contentWords(headText(s.head));
    const split = bestSplit(words, prev, [false], 'last', afterOwnPhoto(state, prev, words), true);
    // …and only where the story before reads of its own head in what it keeps: a head that speaks
    // of none of its body (`前行谱新篇`, a piece of a broken headline) parts nothing
    if (!split || affinity(contentWords(headText(prev.head)), textOf(prev.blocks.slice(0, split.at))) < SPLIT_MIN_AFFINITY) continue;
    const tail = moveTail(state, prev, s, split.at);
    state.decisions.push(entry(s.head.blocks, `headline with credits only: takes the body from line ${tail[0].first}, where the story before turns to its topic`));
  }
}

/**
 * Where the text of story `s` may be cut at the earliest when another story's opening, the story of
 * a head whose words are `words`, is looked for in it (bestSplit's `minAt`): after the last photo of
 * its own printed inside it, a caption between its blocks whose photographer a byline or credit of
 * `s` printed before the caption names, and that reads of `s`'s head at least as much as of that
 * other head. The story's text runs to its photo: the caption of the story signed `本报记者 孙晓静`,
 * `学生、家长现场咨询。 孙晓静 摄`, stands between its last paragraph and the next story's text,
 * printed before that story's late head (every extractor on typeset news page 9, seed 23, where that
 * head's one word 服务 found in the paragraph before the photo cut the story there). (A photo of the
 * other story by the same reporter, printed inside its text, reads of that story's head: no fence.)
 */
function afterOwnPhoto(state: AssemblyState, s: Segment, words: Map<string, number>): number {
  const own = s.head ? contentWords(headText(s.head)) : undefined;
  let at = 1;
  for (const { block } of state.captions) {
    const credit = block.caption?.credit;
    if (!credit || block.page !== s.blocks[0].page) continue;
    const k = s.blocks.findIndex((b) => b.first > block.last);
    if (k <= 0 || s.blocks[k - 1].last >= block.first) continue;
    const names = new Set([...(s.head?.blocks ?? []), ...s.blocks.slice(0, k)].flatMap((b) => (b.kind === 'byline' || b.kind === 'credit' || b.opensStory ? (b.credits ?? []).map((c) => c.name) : [])));
    if (!photographersOf(credit).some((n) => names.has(n))) continue;
    const text = block.caption?.text ?? '';
    if (own === undefined || affinity(words, text) > affinity(own, text)) continue;
    at = Math.max(at, k);
  }
  return at;
}

/**
 * Credits that stand between stories with no running text of their own (a segment of credits
 * alone, no head paired to it) sign a story beside them, not none: where a page prints a story's
 * byline under its head and the head after its body, the byline follows the head (`衡阳县巡特警：…` /
 * `本报记者 邱莎 通讯员 陈琴庆 聂沛` / the next story's head, pdfminer on typeset news page 12, seed
 * 17), and a closing credit or signed name printed apart from its body follows the body (`…群众的
 * 信任。` / `郑远航` / the next story's head, pdftotext, seed 31). So credits right after a head
 * group sign that head's story; credits right after running text sign that story when it names no
 * one yet, or when its own head is printed right after them (the byline set beside a vertical
 * head, `本报记者黄亮力` / `通讯员吴寒梅李璇` / `凤凰纪委为农民工解“薪”愁` under the story's columns,
 * pdfminer on typeset news page 11). A story so signed twice, its first blocks bylines printed
 * right after the head before it, gives those bylines to the head's story when that one names no
 * one (`本报记者 张弦` under `韶山变民生…`, the story it headed printed before its head there); so
 * does a story whose head, printed after its body, is followed by its own byline, apart or run into
 * the head's group (`鲲鹏展翅从兹起` / `本报记者 王斌…` / the next story's text / its vertical head /
 * `本报记者 李逸峰…`, typeset news page 5, seed 31).
 */
function strayCreditsPass(state: AssemblyState): void {
  for (const c of [...state.segments]) {
    if (c.head || !creditsOnly(c)) continue;
    const prev = state.prevOf.get(c);
    const next = state.nextOf.get(c);
    if (prev === undefined || prev.blocks[0].page !== c.blocks[0].page) continue;
    // a name right after a label of the page's furniture is the label's (`制图：` / `许念真`, a chart's
    // credit: pdftotext -raw on the development page of 2 January), not a story's
    if (afterFurniture(state, c)) continue;
    let to: Segment | undefined;
    let giveBack = false;
    if ('at' in prev) {
      // (a story that names its writer already, in its dateline or a byline, keeps its own: a byline
      // under a head printed after its body is as often the next story's, its text cut off there —
      // `湖南日报·新湖南客户端记者 龚柏威` under `10个消防救援站集中驻队执勤`, the sample's page 3 —
      // unless what names it is a byline printed right under the head before it, whose story names no
      // one: heads and bylines printed after their bodies, story after story (`鲲鹏展翅从兹起` /
      // `本报记者 王斌…` / the next story's text / its vertical head / `本报记者 李逸峰…`, every
      // extractor on typeset news page 5, seed 31)
      const story = storyOf(state, prev);
      if (story !== undefined && !credited(story)) to = story;
      else if (story !== undefined && lateHead(story) && bylineOwner(state, story) !== undefined) [to, giveBack] = [story, true];
    }
    else if (!creditsOnly(prev) && (!credited(prev) || (next !== undefined && prev.head === next))) [to, giveBack] = [prev, credited(prev) && prev.head === next];
    if (to === undefined) continue;
    const k = unlinkSegment(state, c);
    // a caption printed after the credits goes with the story they sign
    for (const cap of state.captions) cap.after = cap.after === k ? state.segments.indexOf(to) : cap.after > k ? cap.after - 1 : cap.after;
    to.blocks = [...to.blocks, ...c.blocks];
    state.decisions.push(entry(c.blocks, `credits with no story of their own: sign the story at line ${to.blocks[0].first}`));
    if (giveBack) giveBylinesBack(state, to);
  }
  // a story whose head, printed after its body, carries its byline (a vertical byline run into the
  // vertical head's group) is signed twice the same way; not a head printed before the body it was
  // threaded to, whose name may be its neighbour's (one essay's headline with the other essay's
  // signed name under it, over another essay's columns: pdftotext on the development page of 23
  // January)
  for (const s of state.segments) if (lateHead(s) && s.head!.blocks.some((b) => b.kind === 'byline')) giveBylinesBack(state, s);
}

/** The story a head group heads. */
function storyOf(state: AssemblyState, g: HeadGroup): Segment | undefined {
  return state.segments.find((x) => x.head === g);
}

/** A story whose head is printed after its body, on the same page (its first glyph may share the body's last line: `…拆除。云`, `-raw`). */
function lateHead(s: Segment): boolean {
  return s.head !== undefined && s.head.blocks[0].page === s.blocks.at(-1)!.page && s.head.blocks[0].first >= s.blocks.at(-1)!.last;
}

/**
 * The story a story's opening bylines go back to: the one whose head is printed right before them,
 * on the same page, when it names no one (undefined when the story opens on no byline).
 */
function bylineOwner(state: AssemblyState, s: Segment): Segment | undefined {
  const above = state.prevOf.get(s);
  const owner = above !== undefined && 'at' in above ? storyOf(state, above) : undefined;
  return s.blocks[0].kind === 'byline' && owner !== undefined && owner !== s && owner.blocks[0].page === s.blocks[0].page && !credited(owner) ? owner : undefined;
}

/** A story signed twice gives the bylines it opens with to the head printed right before them (bylineOwner). */
function giveBylinesBack(state: AssemblyState, s: Segment): void {
  const owner = bylineOwner(state, s);
  const opening = s.blocks.findIndex((b) => b.kind !== 'byline');
  if (owner === undefined || opening <= 0) return;
  const moved = s.blocks.slice(0, opening);
  s.blocks = s.blocks.slice(opening);
  owner.blocks = [...owner.blocks, ...moved];
  state.decisions.push(entry(moved, `byline under the head at line ${(state.prevOf.get(s) as HeadGroup).blocks[0].first}: signs its story, the story after it signed by its own credits`));
}

/**
 * A series label printed beside another story's headline (`高质量发展看资兴⑥` under
 * `凤凰纪委为农民工解“薪”愁`) goes to the story on the page it names.
 */
function moveKickersPass(state: AssemblyState): void {
  const headed = state.segments.filter((s) => s.head);
  const headedOnPage = new Map<number, Segment[]>();
  for (const s of headed) {
    const list = headedOnPage.get(s.blocks[0].page);
    if (list) list.push(s);
    else headedOnPage.set(s.blocks[0].page, [s]);
  }
  for (const s of headed) {
    const g = s.head as HeadGroup;
    for (const label of g.blocks.filter((b) => b.kind === 'kicker')) {
      const words = contentWords(label.text);
      const own = affinity(words, textOf(s.blocks) + headText({ blocks: g.blocks.filter((b) => b !== label), at: g.at }));
      let best: Segment | undefined;
      let bestScore = own + KICKER_MOVE_MARGIN;
      for (const t of headedOnPage.get(s.blocks[0].page) ?? []) {
        if (t === s) continue;
        const sc = affinity(words, textOf(t.blocks) + headText(t.head as HeadGroup));
        if (sc > bestScore) [best, bestScore] = [t, sc];
      }
      if (!best) continue;
      g.blocks = g.blocks.filter((b) => b !== label);
      const target = best.head as HeadGroup;
      target.blocks = [label, ...target.blocks];
      state.decisions.push(entry([label], 'kicker assigned by topic'));
    }
  }
}

/**
 * A signed name under a headline (`谢能武`) signs the story that follows it when the
 * headline's own story is already credited and the next one is not.
 */
function moveSignedNamesPass(state: AssemblyState): void {
  for (const s of state.segments.filter((x) => x.head)) {
    const g = s.head as HeadGroup;
    const last = g.blocks[g.blocks.length - 1];
    if (!last || !isSignedByline(last)) continue; // the group may have lost its only block, a kicker, in moveKickers
    const next = state.nextOf.get(g);
    if (!next || 'at' in next || next === s) continue;
    if (credited(s) && !credited(next)) {
      g.blocks = g.blocks.slice(0, -1);
      next.blocks = [last, ...next.blocks];
    }
  }
}

/**
 * Captions go to the story near them on their page they share most words with (above
 * CAPTION_AFFINITY), else to the story printed before them; their photo credits credit it.
 */
function placeCaptionsPass(state: AssemblyState): void {
  const { segments } = state;
  for (const { block, after, underHead } of state.captions) {
    const cap = block.caption as Caption;
    // stories near the caption on its page: a page without page marks may hold thousands
    const near = segments.slice(Math.max(0, after - CAPTION_NEARBY_STORIES), after + CAPTION_NEARBY_STORIES + 1).filter((x) => x.blocks[0].page === block.page);
    const words = contentWords(cap.text);
    // a caption printed between a head and its story is that story's (`跨江大桥主塔封顶` / `建设者在主塔
    // 顶部作业。 龚毅 摄` / `本报讯昨天上午…`, pdftotext), not the story's printed before them
    const headed = underHead ? segments.find((x) => x.head === underHead && x.blocks[0].page === block.page) : undefined;
    // (and that story is among those the topic vote weighs, wherever its body was printed)
    const onPage = headed && !near.includes(headed) ? [...near, headed] : near;
    let target: Segment | undefined = headed ?? segments[Math.max(0, Math.min(after, segments.length - 1))];
    let bestScore = CAPTION_AFFINITY;
    // (printed under a head, one word shared with another story does not take it away: `学生实训。
    // 刘任玉 摄` under `鲲鹏展翅从兹起`, whose text never says 学生, beside a story that does)
    for (const s of headed && !state.bodyFirst && words.size < 2 ? [] : onPage) {
      const sc = affinity(words, segText(state, s) + (s.head ? headText(s.head) : ''));
      if (sc > bestScore) [bestScore, target] = [sc, s];
    }
    if (!target) {
      state.unassigned.push(entry([block], 'caption with no article on its page'));
      continue;
    }
    if (bestScore > CAPTION_AFFINITY) state.decisions.push(entry([block], `caption assigned by topic (${bestScore.toFixed(2)})`));
    state.captionsOf.set(target, [...(state.captionsOf.get(target) ?? []), cap]);
    state.captionBlocksOf.set(target, [...(state.captionBlocksOf.get(target) ?? []), block]);
    if (cap.credit) state.photoCredits.set(target, [...(state.photoCredits.get(target) ?? []), ...photographersOf(cap.credit).map((name) => ({ name, role: '摄影' as const }))]);
  }
}

/**
 * The lines of some blocks as sorted ranges: blocks next to each other, or apart by blank lines
 * only (the gap is the next block's blanksBefore), make one range; a line of another block
 * between them starts a new one.
 */
export function lineRanges(blocks: readonly Block[]): [number, number][] {
  // (a line a block holds outside its first…last, a headline's last character printed apart and
  // set back into it by thread.ts, counts as a range of its own)
  const spans = blocks.flatMap((b) => [
    { first: b.first, last: b.last, gap: b.lines[0]?.blanksBefore ?? 0 },
    ...b.lines.filter((l) => l.no < b.first || l.no > b.last).map((l) => ({ first: l.no, last: l.no, gap: l.blanksBefore })),
  ]);
  const sorted = spans.sort((a, b) => a.first - b.first);
  const out: [number, number][] = [];
  for (const b of sorted) {
    const prev = out[out.length - 1];
    if (prev && b.first - b.gap <= prev[1] + 1) prev[1] = Math.max(prev[1], b.last);
    else out.push([b.first, b.last]);
  }
  return out;
}

/**
 * Each segment becomes an article: its head read into kicker, title and subtitle (readHead),
 * credits from bylines, credits, datelines and photo credits, display lines in the running
 * text as subheads (a subhead set on two lines, `创新体制机制` / `推动拓展融合深度`, as one).
 */
function articlesPass(state: AssemblyState): void {
  for (const s of state.segments) {
    const head = s.head ? readHead(s.head) : { title: '', credits: [] as Credit[], printed: [] as string[], dashes: '' };
    state.typography += head.dashes;
    const credits: Credit[] = [...head.credits];
    const bylines: string[] = [...head.printed];
    let publication: string | undefined;
    let dateline: string | undefined;
    const items: { item: BodyItem; block: ClassifiedBlock }[] = [];
    for (const b of s.blocks) {
      if (b.kind === 'byline' || b.kind === 'credit') {
        credits.push(...(b.credits ?? []));
        bylines.push(b.display);
        publication ??= b.publication;
        continue;
      }
      if (b.opensStory) {
        credits.push(...(b.credits ?? []));
        publication ??= b.publication;
        dateline ??= b.dateline;
      }
      const isSub = b.kind === 'subhead' || HEAD_KINDS.has(b.kind) || (b.kind === 'headline') || isNumberedSubhead(b.display) && b.short;
      items.push({ item: { kind: isSub ? 'subhead' : 'paragraph', text: isSub ? b.display : b.text }, block: b });
    }
    credits.push(...(state.photoCredits.get(s) ?? []));
    const body: BodyItem[] = [];
    items.forEach(({ item, block }, k) => {
      const prev = body[body.length - 1];
      if (prev && prev.kind === 'subhead' && item.kind === 'subhead' && items[k - 1].block.kind !== 'body' && block.lines[0].blanksBefore === 0 && block.heading === 0) {
        body[body.length - 1] = { ...prev, text: prev.text + (/[：:“（]$/u.test(prev.text) || continues(prev.text, item.text) ? item.text : ` ${item.text}`) };
      } else body.push({ ...item });
    });
    const all = [...s.blocks, ...(s.head?.blocks ?? [])];
    const lead = body.find((x) => x.kind === 'paragraph')?.text ?? '';
    dateline ??= /^[^。]{0,30}?(\d{1,2}月\d{1,2}日)/u.exec(lead)?.[1];
    const dedupe = (names: string[]) => [...new Set(names)];
    state.articles.push({
      title: head.title,
      kicker: head.kicker,
      subtitle: head.subtitle,
      authors: dedupe(credits.filter((c) => c.role !== '摄影').map((c) => c.name)),
      photographers: dedupe(credits.filter((c) => c.role === '摄影').map((c) => c.name)),
      credits: credits.filter((c, k) => credits.findIndex((d) => d.name === c.name && d.role === c.role) === k),
      bylines,
      captions: state.captionsOf.get(s) ?? [],
      publication,
      dateline,
      source: {
        file: '',
        page: s.blocks[0].page,
        lines: [Math.min(...all.map((b) => b.first)), Math.max(...all.map((b) => b.last))],
        ranges: lineRanges(all),
        caption_ranges: lineRanges(state.captionBlocksOf.get(s) ?? []),
      },
      body,
    });
  }
}

/**
 * The passes of assembly in the order they run. Each handles one layout artefact; later
 * passes rely on what the earlier ones settled (captions are placed once bodies are final).
 */
export const ASSEMBLY_PASSES: readonly AssemblyPass[] = [
  { name: 'twoVerticalHeads', run: twoVerticalHeadsPass },
  { name: 'captionText', run: captionTextPass },
  { name: 'headGroups', run: headGroupsPass },
  { name: 'segments', run: segmentsPass },
  { name: 'headSide', run: headSidePass },
  { name: 'pairHeads', run: pairHeadsPass },
  { name: 'splitRunTogether', run: splitRunTogetherPass },
  { name: 'openingBeforeHead', run: openingBeforeHeadPass },
  { name: 'bodilessHead', run: bodilessHeadPass },
  { name: 'strayCredits', run: strayCreditsPass },
  { name: 'tailBeforeHead', run: tailBeforeHeadPass },
  { name: 'tailAfterOtherStory', run: tailAfterOtherStoryPass },
  { name: 'moveKickers', run: moveKickersPass },
  { name: 'moveSignedNames', run: moveSignedNamesPass },
  { name: 'placeCaptions', run: placeCaptionsPass },
  { name: 'articles', run: articlesPass },
];

/** Stage 4: classified blocks → articles, with what could not be placed reported. */
export function assemble(input: ClassifiedBlock[], flavour: Flavour, placed = false): Assembled {
  const state: AssemblyState = {
    flavour,
    placed,
    bodyFirst: flavour === 'column' && !placed,
    blocks: input,
    headAt: new Map(),
    subheadAt: new Set(),
    floatAt: new Map(),
    floatAfter: new Map(),
    segments: [],
    slots: [],
    nextOf: new Map(),
    prevOf: new Map(),
    pending: [],
    usedHeads: new Set(),
    captions: [],
    captionsOf: new Map(),
    captionBlocksOf: new Map(),
    photoCredits: new Map(),
    textOf: new Map(),
    articles: [],
    unassigned: [],
    decisions: [],
    typography: '',
  };
  for (const pass of ASSEMBLY_PASSES) pass.run(state);
  return { articles: state.articles, unassigned: state.unassigned, decisions: state.decisions, typography: state.typography };
}
