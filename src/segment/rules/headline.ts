import type { Block } from '../types.ts';
import { endsSentence } from './chars.ts';
import { COLON_QUOTE_MIN_CHARS, COMMA_HEADLINE_MAX_CHARS, DISPLAY_MAX_CHARS, NARROW_HEADLINE_LINE_EM, DISPLAY_MAX_LINES, NUMBERED_SUBHEAD_MAX_CHARS, SUBTITLE_MAX_CHARS, WRAPPED_LAST_LINE_SHARE } from '../thresholds.ts';

/**
 * Set in a narrow column: a headline there wraps every few characters (`衡阳县巡` / `特警：暖` /
 * `心举动感` / …), vertical type every one (`湿` / `地` / `迎` / …).
 */
export function isNarrowSet(b: Block): boolean {
  // (or set in a narrow box the paragraph stage found, wider than that: `“高职院校进校` / …, 7 em)
  return b.boxed === true || b.lines.every((l) => l.width <= NARROW_HEADLINE_LINE_EM);
}

/**
 * Could this block be display type (headline, kicker, subtitle, subhead, label)? Short,
 * without sentence-final punctuation, not ending on a comma.
 */
export function isDisplayLine(b: Block): boolean {
  const t = b.display;
  if (b.heading > 0) return true;
  if (t.length === 0 || t.length > DISPLAY_MAX_CHARS || (b.lines.length > DISPLAY_MAX_LINES && !isNarrowSet(b))) return false;
  if (endsSentence(t) && !/[！？!?]$/u.test(t)) return false;
  if (/[，,、；;]$/u.test(t)) return false;
  // a line that ends on a colon after a verb of saying opens a quotation: running text (`老街坊们常说这样一句话：`)
  // (the verb within a few characters of the colon, and the line longer than a label: `周末讲座：`, `小说连载：` are labels)
  if (b.heading === 0 && [...t].length >= COLON_QUOTE_MIN_CHARS && /(?:说|讲|指出|强调|表示|认为|提出|写道|谈到|告诫|问道)[^：:，。]{0,8}[：:]$/u.test(t)) return false;
  // a headline never ends on a particle or preposition: such a line is running text cut short (`…最偏远的`).
  // Not 了, which closes a headline's statement as often as it cuts a line (`夜市烟火气回来了`); no
  // headline, kicker or subtitle of any corpus ends on the others, and letting 了 through moved no figure
  if (/[的和与及或在把被对向从将为]$/u.test(t) && b.heading === 0) return false;
  if (/[。；;]/u.test(t.slice(0, -1))) return false;
  // a headline may hold one comma (`谋篇布局，绘就治污蓝图`); longer comma'd lines are running text cut short
  const commas = (t.match(/[，,]/gu) ?? []).length;
  // (or one set narrow on many lines, a few characters a line, with no other pause: large type wrapped
  // in a narrow column, `入选国家` / `首批,湖` / `南唯一一` / …; a list cut into short pieces,
  // `新时代、` / `新机遇、` / … / `新征程，` / `展`, pdftotext -raw, is running text)
  return commas === 0 || /[？?！!]$/u.test(t) || (commas === 1 && (t.length <= COMMA_HEADLINE_MAX_CHARS || (b.lines.length > DISPLAY_MAX_LINES && isNarrowSet(b) && !/[、；;]/u.test(t))));
}

/** A subtitle (副题) opens with a dash: `——职业教育的株洲模式之“产教融合”篇`. */
export function isSubtitle(text: string): boolean {
  return /^[—－-]{1,2}\s*\S/u.test(text) && text.length <= SUBTITLE_MAX_CHARS && !/[。]/u.test(text.slice(0, -1));
}

/**
 * Column labels and series kickers (引题): `高质量发展看资兴⑥`, `聚焦衡南县高质量发展·之三`,
 * `改革经典案例`-like series marks with a number.
 */
export function isKickerLabel(text: string): boolean {
  return (
    /[①-⑳㈠-㈩]$|·之[一二三四五六七八九十\d]+$|之[一二三四五六七八九十]+$|系列报道|（[一二三四五六七八九十\d]+）$|\([\d]+\)$/u.test(text) ||
    // the circled number made plain by NFKC (`高质量发展看资兴6`): a series name and its number alone
    /^[\u4e00-\u9fff·]{6,16}[1-9]\d?$/u.test(text)
  );
}

/** Sidebar labels printed above a box: `延伸阅读`, `相关链接`. */
export function isSidebarLabel(text: string): boolean {
  return /^(延伸阅读|相关链接|链接|背景链接|新闻链接|记者手记|编后|编者按|短评|小贴士|名词解释|相关阅读)$/u.test(text.replace(/\s+/gu, ''));
}

/**
 * The label over a column of briefs: `本地快讯`, `新闻简讯`, `一句话新闻`. A genre word, maybe
 * after a short qualifier (本地, 新闻, 综合). It names the column, not any one brief in it.
 */
export function isColumnLabel(text: string): boolean {
  const t = text.replace(/\s+/gu, '');
  return /^[\u4e00-\u9fff]{0,4}(快讯|简讯|短讯|速递|简报|速览)$/u.test(t) || /^(一句话新闻|图片新闻|简明新闻|新闻集锦)$/u.test(t);
}

/** In-article subheads that say so themselves: `1 抓住关键 改革有力度`, `【农村改厕】…`, `一、…`. */
export function isNumberedSubhead(text: string): boolean {
  return /^(\d{1,2}\s|[一二三四五六七八九十]{1,2}[、.．]|【[^】]{1,16}】)/u.test(text) && text.length <= NUMBERED_SUBHEAD_MAX_CHARS;
}

/**
 * A campaign banner printed over a page or a group of its stories, not any one story's
 * headline: `认真学习宣传贯彻党的十九大精神`, `学习贯彻习近平新时代中国特色社会主义思想`. Chinese papers
 * of every province run such banners; their words are in most stories under them, so topic
 * alone would give the banner to one of them.
 */
export function isCampaignBanner(text: string): boolean {
  return /^(认真|深入|全面|坚决)?学习(宣传)?贯彻[\u4e00-\u9fff“”]{2,30}(精神|思想|重要讲话|重要论述)((系列)?(理论)?(研讨会|座谈会|笔谈)(发言|文章)?(选编|摘编|摘登|选登)?)?$/u.test(text.replace(/\s+/gu, ''));
}

/**
 * The paper's name alone on a line (`澧兰日报`, `青溪晚报`): the masthead or the running head
 * of the page, never a story's headline.
 */
export function isMasthead(text: string): boolean {
  return /^[\u4e00-\u9fff]{2,6}(日报|晚报|晨报|时报|早报|商报|都市报|青年报|法治报|农民报|工人报)$/u.test(text.replace(/\s+/gu, ''));
}

/**
 * A paper's name as its masthead prints it: a masthead (isMasthead), or a name ending in 新闻, 报,
 * 刊 or 周末 (`云梦新闻`, `城东周报`, `民生周刊`). Asked of a short line beside the page's dated line,
 * where a headline's first line stands too (`坚守一线` / `护平安`): only a name so made is taken for
 * the paper's.
 */
export function looksLikePaperName(text: string): boolean {
  return isMasthead(text) || /^[\u4e00-\u9fff]{2,6}(?:新闻|报|刊|周末)$/u.test(text.replace(/\s+/gu, ''));
}

/**
 * The paper's own contact lines at a page's foot: `新闻热线：0731-…`, `广告热线…`, `投稿邮箱：…`,
 * `邮政编码 410005`, `社址：…` — a label and a number, an address or a mailbox.
 */
const CONTACT = /^(?:新闻|报料|广告|发行|读者|服务|值班)?(?:热线|电话|邮箱|传真|投稿邮箱|邮政编码|邮编|社址|地址|网址)\s*[:：\s]\s*[\d\-—（()）@.a-zA-Z\u4e00-\u9fff\s]{3,60}$/u;

/** The page's staff roles, as a credit line names them (`责任编辑：戴晨 版式：戴晨`, `本版制图：…`). */
const STAFF_ROLE = '^(?:本版)?(?:责任编辑|责编|美编|美术编辑|版式设计|版式|校对|组版|编辑|制图|图片编辑|审读)\\s*';
const STAFF_CREDIT = new RegExp(`${STAFF_ROLE}[:：]`, 'u');
const STAFF_LINE = new RegExp(`${STAFF_ROLE}[:：\\s]`, 'u');

/** The page's staff credits with their colon: furniture, never a story's last line. */
export function isStaffCredit(text: string): boolean {
  return STAFF_CREDIT.test(text.trim());
}

/** Page furniture: page numbers, editor credits, issue dates, the paper's name, a column's label, contact lines. */
export function isFurniture(text: string): boolean {
  return isMasthead(text) || isColumnLabel(text) || STAFF_LINE.test(text) || /^第?\s*\d{1,3}\s*版$/u.test(text) || /^\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]$/u.test(text) || (CONTACT.test(text.trim()) && /\d|@/u.test(text));
}

/**
 * Has the head part made of these lines ended? A head wrapped over two lines or more ends with
 * a line markedly shorter than the lines above it (`## 长沙消防救援又添生` / `## 力军`); a line after
 * it starts the next part, set in another size (`## 10个消防` / `## 救援站集` …), not the same
 * head going on. The wrap width tells the sizes apart where a converter marks them all alike.
 */
export function partEnded(widths: readonly number[]): boolean {
  if (widths.length < 2) return false;
  const last = widths[widths.length - 1];
  return last <= WRAPPED_LAST_LINE_SHARE * Math.max(...widths.slice(0, -1));
}
