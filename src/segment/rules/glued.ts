import nodejieba from 'nodejieba';
import { continues, continuesAcross } from './continuation.ts';
import { displayWidth, endsSentence } from './chars.ts';
import { isSurname, looksLikeName } from './names.ts';
import { opensDateline } from './dateline.ts';
import { GLUED_BYLINE_REST_MIN, GLUED_TAIL_MIN_CHARS, GLUED_TAIL_SHORT_EM, NARROW_HEAD_MIN_LINES, NARROW_HEAD_MAX_CHARS, NARROW_HEADLINE_LINE_EM } from '../thresholds.ts';
/**
 * Text of two boxes glued on one line. pypdf prints the next box's first line right after the last
 * character of a story (`…6月13日凌晨1时30分，民警将老人送回家中。（记者 许天` / `喜 通讯员 聂沛）让阅读成为城市的日常`):
 * the story's closing credit, then the next story's headline, a photo's caption or the next story's
 * dateline, with nothing between.
 */

/** A credit's content: a role word or a photo mark. */
const CREDIT_WORDS = /记\s*者|通\s*讯\s*员|摄|供\s*图|撰\s*文|作\s*者\s*[为单系]/u;
/** What can follow a credit glued on: display type, short and without sentence punctuation … */
const DISPLAY_TAIL = /^[^，。！？；、,.;!?（()）]{4,30}$/u;
/** … or a photo caption ending in its credit (`青春涪口,创业新城。 咏洲 摄`). */
const PHOTO_CAPTION = /^[^（()）]{2,60}(?:\s摄|供图)[）)]?$/u;

/**
 * A column's last line and the next story's first, glued on one line by pypdf: a sentence's end,
 * then a dateline (`…更充分就业。本报讯“有坏人来啦！请老师们保护`, typeset news page 8, seed 17). Only a
 * dateline that names its outlet is parted off: `本报讯`, `本报北京1月4日电`, a paper's `…日报讯（…`
 * or `…新闻讯（…`, an agency's `新华社长沙6月25日电`. A date and `讯` or `电` alone read as much as a
 * sentence going on (`民警于3月5日讯问了…`), and a wire dateline quoted as a source follows `据`,
 * which no dateline starts with (`据新华社北京1月26日电，…`). Left whole, the next story's opening
 * paragraph began inside the last paragraph of the one before.
 */
const NAMED_DATELINE = /^(?:本报(?:讯|[\u4e00-\u9fff]{0,8}\d{1,2}\s*月\s*\d{1,2}\s*日\s*电)|(?:新华社|中新社|中国新闻社)[\u4e00-\u9fff]{0,8}\d{1,2}\s*月\s*\d{1,2}\s*日\s*电|[\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|晨报|时报|商报|都市报|新闻)(?:·[\u4e00-\u9fff]{2,8})?讯\s*[（(])/u;
export function splitGluedDateline(line: string): string[] {
  // (right after it: with a space between, the extractor kept the two apart, and the other rules
  // that part a caption from the story after it read them, `…老工业区。 本报讯（记者 …`, pdf2md)
  const end = /[。！？!?][”’」』）)]*(?=\S)/gu;
  for (let m = end.exec(line); m !== null; m = end.exec(line)) {
    const at = m.index + m[0].length;
    if (NAMED_DATELINE.test(line.slice(at)) && opensDateline(line.slice(at))) return [line.slice(0, at), line.slice(at)];
  }
  return [line];
}

/**
 * Where a line glues a headline after a closing credit, the two parts; else the line alone.
 * `before` is the text line printed before it, where the bracket may have begun
 * (`…送回家中。（记者 许天`). A closing credit follows a sentence's end (`。（记者 黎川）`); a
 * dateline's credit (`本报讯（记者 …）6月24日…`) follows the outlet and is left alone.
 */
export function splitGluedCredit(line: string, before = ''): string[] {
  const photo = splitGluedPhotoCredit(line);
  if (photo.length > 1) return photo;
  const close = Math.max(line.lastIndexOf('）'), line.lastIndexOf(')'));
  if (close < 0 || close === line.length - 1) return [line];
  const tail = line.slice(close + 1).trim();
  // (or the next story's dateline: `静）本报讯“有坏人来啦！…`)
  const dateline = /^本报记者/u.test(tail) || opensDateline(tail);
  if (!(DISPLAY_TAIL.test(tail) || PHOTO_CAPTION.test(tail) || dateline) || /^[”’」』]/u.test(tail)) return [line];
  const text = before + line.slice(0, close + 1);
  const at = before.length + close;
  const start = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
  if (start < 0 || at - start > 40 || !CREDIT_WORDS.test(text.slice(start + 1, at))) return [line];
  if (!/[。！？!?”]\s*$/u.test(text.slice(0, start))) return [line];
  return [line.slice(0, close + 1), tail];
}

/**
 * A photo's caption ending in its credit, with the next story's dateline glued after it (`大桥施工
 * 现场全景。 本报记者 龚毅 摄 本报讯昨天上午，…`, pdf2md, which writes the two boxes as one line): the
 * caption is cut off where its credit ends.
 */
function splitGluedPhotoCredit(line: string): string[] {
  // (every line of a file comes here: most hold no photo credit at all)
  if (!line.includes('摄')) return [line];
  const m = /^(.{2,60}?[。！？]?\s*\S{0,12}\s+\S{2,4}\s摄)\s+(\S.*)$/u.exec(line.trim());
  if (!m || !PHOTO_CAPTION.test(m[1]) || !(/^本报记者/u.test(m[2]) || opensDateline(m[2]))) return [line];
  return [m[1], m[2]];
}

/** Lines of one glyph before a line that make a vertical run: a headline or name set vertically. */
const VERTICAL_RUN_MIN = 3;

/**
 * pypdf ends a vertical run without a line break: its last glyph is glued to the next box's first
 * line (`越` / `冬` / `候` / `鸟白鹤在湿地觅食。 谢岚 摄`). Where the glyph completes a word of the
 * run (`候鸟`, `纪实`, `幼儿园`) or closes a quote the run opened (`“株洲样本` / `”株洲生态环境…`), it is
 * split off onto a line of its own; `run` is the run's glyphs in order. A line that starts a word of
 * its own after the run (`…接种` / `北方多地迎来降雪`) is left alone.
 */
export function splitGluedVertical(line: string, run: string): string[] {
  const text = line.trim();
  if (run.length < VERTICAL_RUN_MIN || text.length < 3) return [line];
  const glyph = text[0];
  const rest = text.slice(1).trim();
  // two glyphs a line are two vertical runs side by side (`通本` / `讯报`), a mark after a glyph part of the run (`展·`)
  if (rest.length < 2 || /^[·—－-]/u.test(rest)) return [line];
  const closesQuote = /[”」』》）]/u.test(glyph) && run.lastIndexOf({ '”': '“', '」': '「', '』': '『', '》': '《', '）': '（' }[glyph] as string) > run.lastIndexOf(glyph);
  const endsWord = /[\u4e00-\u9fff]/u.test(glyph) && continues(run, glyph) && !continues(glyph, rest);
  // a vertical byline whose last name is a surname alone so far (`…通讯员吴寒梅李` / `璇“感谢…`):
  // the glyph completes the name
  // (the run ends in a role word and a surname, or in a whole name of two or three and a surname)
  const names = /(?:记者|通讯员|实习生)([\u4e00-\u9fff]{1,8})$/u.exec(run)?.[1];
  // (not where the glyph starts a word of its line: `…记者周小雷` / `黄永玉倡议并题名的吉首画桥启用`, a
  // headline opening with a name)
  const endsName = names !== undefined && /[\u4e00-\u9fff]/u.test(glyph) && isSurname(names.slice(-1)) && [0, 2, 3].includes(names.length - 1) && !continues(glyph, rest);
  // …or in a surname and one glyph more, after whole names or none, where the glyph starts no word
  // of the line (`本` / … / `者` / `严` / `明` / `远在经开区…`, `…通讯员` / `贾` / `宏` / `宇` / `宋` / `振` /
  // `威加强合作…`, pypdf on typeset news pages 12 and 8): the third glyph of the last name
  const endsThird = names !== undefined && names.length >= 2 && names.length !== 3 && isSurname(names[names.length - 2]) && /[\u4e00-\u9fff]/u.test(glyph) && !continues(glyph, rest);
  return closesQuote || endsWord || endsName || endsThird ? [glyph, rest] : [line];
}

/**
 * A line that may be one line of a headline set in a narrow box (`衡阳县巡`, `特警：暖`): short, no
 * sentence punctuation, no space. Its length in the box's cells (at least `least`, at most
 * NARROW_HEAD_MAX_CHARS), or 0. Two figures
 * or Latin letters take one character's room (`10个消防` over `救援站集`: four of the box's cells).
 */
export function boxLineLength(line: string, least = 3): number {
  const t = line.trim();
  // (each run of them by itself: `1个2个` is four cells, `12个` two)
  const paired = (t.match(/[0-9A-Za-z]+/gu) ?? []).reduce((sum, run) => sum + Math.floor(run.length / 2), 0);
  const n = [...t].length - paired;
  return n >= least && n <= NARROW_HEAD_MAX_CHARS && !/[\s，。；、,;]/u.test(t) ? n : 0;
}

/**
 * The papers a file names standing alone, as a masthead or a page header names its paper (`青溪晚报`,
 * `第12版综合2023 年 1 月 15 日 星期日 青溪晚报`): a name ending in a paper's word, with no other
 * Han character either side of it. A paper named inside a sentence (`据青溪晚报报道`) is not one.
 */
export function namedPapers(lines: readonly string[]): string[] {
  const found = new Set<string>();
  for (const l of lines) for (const m of l.matchAll(/(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}(?:日报|晚报|晨报|时报|早报|商报)(?![\u4e00-\u9fff])/gu)) found.add(m[0]);
  return [...found].sort();
}

/** The outlet a dateline opens with when no paper's name is known: this paper or a news agency. */
const OUTLET_FIRST = /^(?:本报|新华社|中新社|中国新闻社)/u;

/**
 * pypdf ends a headline set in a narrow box without a line break before the story's dateline:
 * the box's last characters are glued to it (`衡阳县巡` / `特警：暖` / `心举动感` / `动卖菜老` /
 * `人本报讯（记者 邱莎 …`). After `lines` box lines of `width` characters, a line whose first
 * characters, no more than a box line holds, are followed by a dateline is split there.
 */
export function splitGluedBoxEnd(line: string, width: number, lines: number, outlets: readonly string[] = [], next = ''): string[] {
  // the dateline after it says the box has ended: two lines of it are enough, and the glued part
  // may fill a whole line of the box (`古村落保` / `护利用取` / `得新进展新华社贵阳3月5日电（记者`)
  if (lines < NARROW_HEAD_MIN_LINES - 1) return [line];
  const text = line.trim();
  const chars = [...text];
  // …or the next headline, set in a narrow box of its own, which the line after goes on with: the
  // first box's last characters, then a line as long as the next box's (`校企来了` / `一次经验` /
  // `分享青少年科普活` / `动走进乡村学` / `校`, pypdf on typeset news page 3, seed 11)
  const nextWidth = boxLineLength(next);
  const cut = chars.length - nextWidth;
  if (nextWidth > 0 && nextWidth !== width && chars.length > width && cut >= 1 && cut <= width && /^[\u4e00-\u9fff“”‘’《》]+$/u.test(text)) return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
  for (let k = 1; k <= width && k < chars.length; k++) {
    const head = chars.slice(0, k).join('');
    const rest = chars.slice(k).join('');
    // the dateline opens with the outlet, this paper's or an agency's, or a paper the file names
    // standing alone (namedPapers: `勤` / `青溪晚报讯（记者 …` under a masthead `青溪晚报`): a
    // dateline's pattern alone would also read the paper's name cut short (`青` / `溪晚报讯（记者 …`)
    // (`本报讯` with nothing after it but the lead opens one too: `招聘会` / `本报讯推进访企拓岗…`)
    const outlet = OUTLET_FIRST.exec(rest)?.[0] ?? outlets.find((o) => rest.startsWith(o));
    if (/^[\u4e00-\u9fff”」』》）]+$/u.test(head) && outlet !== undefined && (opensDateline(rest) || rest.startsWith(`${outlet}讯`))) return [head, rest];
  }
  return [line];
}

/** A story's last sentence, then display type with no punctuation (`…一位家长说。民生实事看落实`). */
const SENTENCE_THEN_DISPLAY = /^(.*[。！？][”’」』]?)([\u4e00-\u9fff]+)$/u;
/** Sentence punctuation, pauses included: display type holds none. */
const PUNCTUATION = /[，。；！？、,;!?：:]/u;

/**
 * pypdf joins text printed on one baseline into one line, so a story's last line can carry the
 * first characters of a kicker or headline printed beside it, in the next box (`特长，我们接送也
 * 方便。”一位家长说。民生实事看落实` / `社区食堂` / `让老人吃`, typeset news pages of seeds 11,
 * 19, 23 and 29; `…时令不等人。抓好农时不放松` / `冬春农业生产有序`). The glued characters go
 * on a line of their own when they follow a sentence's end, are Han characters only, at least
 * GLUED_TAIL_MIN_CHARS of them, the line is wider than its column (`column`, the width of the
 * lines around it) by more than one character and would fit it without them, and the line after
 * it, set tight under it, is display type too: shorter than the column, without punctuation. A
 * blank line after it (pdftotext, mutool) says the extractor kept its boxes apart: left alone.
 * `below`: the lines right under it, the first being `next`.
 */
export function splitGluedDisplayTail(line: string, column: number, next: string, opening = next, below: readonly string[] = [next]): string[] {
  const m = displayTail(line);
  if (!m || column <= 0) return [line];
  const after = next.trim();
  if (after === '') return [line];
  const whole = displayWidth(line.trim());
  // a one-line headline glued after a paragraph's short last line, its story under it: the line
  // is well short of its column, as a paragraph's last line is, yet goes on after its sentence's
  // end, and the glued words come again in the story's first lines, as a headline's do (`…已接诊
  // 患者` / `一百二十余人次。环湖半程马拉松开始报名` / `第三届环湖半程马拉松将于…`, pypdf, seed 29);
  // a sentence that goes on runs a word across into the next line (`…谭国平与海` / `鲜店老板…`)
  // (or set before the story's dateline, however wide the line: `…拓市场。青少年科普活动走进乡村学校` /
  // `新华社成都1月1日电（记者 …）…`, seed 17)
  if ((opensDateline(after) || whole <= column - GLUED_TAIL_SHORT_EM) && recurs(m[2], opening) && !continuesAcross(m[2], after)) return [m[1], m[2]];
  // …and the first line of a headline set in a narrow box, its other lines tight under it
  // (`…一位调度负责人说。春运首日` / `铁路发送` / `旅客超预` / `期`, `…八百余件。河长巡河` / `发现问题` /
  // `当天处理`: pypdf, seeds 17 and 19), however wide the line: its story may be printed before it
  if (boxUnder(m[2]!, below)) return [m[1], m[2]];
  if (PUNCTUATION.test(after) || displayWidth(after) >= column) return [line];
  if (whole <= column + 1 || displayWidth(m[1]) > column + 1) return [line];
  return [m[1], m[2]];
}

/**
 * The lines under glued words make a narrow box with them (NARROW_HEADLINE_LINE_EM at most): the
 * first exactly as wide, the second no wider, Han characters and quotation marks only.
 */
function boxUnder(tail: string, below: readonly string[]): boolean {
  const n = displayWidth(tail);
  const [first, second] = below.map((t) => t.trim());
  const han = (t: string | undefined) => t !== undefined && /^[\u4e00-\u9fff“”‘’]+$/u.test(t);
  if (n > NARROW_HEADLINE_LINE_EM || !han(first) || displayWidth(first!) !== n || second === undefined) return false;
  if (han(second) && displayWidth(second) <= n) return true;
  // (the box's last characters glued to the story's dateline: `71.9%。古村落保` / `护利用取` /
  // `得新进展新华社贵阳4月4日电（记者 …`, pypdf, seed 11; the box so far is the tail and `first`)
  return splitGluedBoxEnd(second, n, 2).length > 1;
}

/** A line's last sentence end and the GLUED_TAIL_MIN_CHARS or more Han characters after it, or null. */
function displayTail(line: string): RegExpExecArray | null {
  const m = SENTENCE_THEN_DISPLAY.exec(line.trim());
  return m && [...m[2]!].length >= GLUED_TAIL_MIN_CHARS ? m : null;
}

/** Could splitGluedDisplayTail split this line (asked before its column is measured)? */
export const mayEndInDisplayTail = (line: string): boolean => displayTail(line) !== null;

/** At least half the character pairs of `words` are in `text`. */
function recurs(words: string, text: string): boolean {
  const chars = [...words];
  let found = 0;
  for (let k = 0; k + 1 < chars.length; k++) if (text.includes(chars[k]! + chars[k + 1]!)) found++;
  return chars.length > 1 && found * 2 >= chars.length - 1;
}

/**
 * pypdf runs a story's byline into its first line (`本报记者 张弦冬日暖阳下，韶山市…`): the byline goes
 * on a line of its own. Where the name ends is read from the word cut: jieba leaves an unknown
 * name in single characters (`张/弦/冬日/暖/阳`), so the name is the single characters after the role
 * word (two or three), or a surname and the short word after it (`鲁/融冰/近日`), and the text that
 * follows must open with a word and run on (at least GLUED_BYLINE_REST_MIN characters).
 */
export function splitGluedByline(line: string): string[] {
  const m = /^(\s*(?:本报|本台)?(?:记者|通讯员|实习生)\s+)(\S+)(.*)$/u.exec(line);
  // another role on the line (`… 通讯员 龙晓`), a photo credit: a byline, nothing glued
  if (!m || /记者|通讯员/u.test(m[2].slice(0, 6)) || /(?:^|\s)(?:记者|通讯员)\s|摄\s*$/u.test(m[3])) return [line];
  // names whole before the one the text is glued to (`通讯员 周媛 钟一苇11月23日,…`)
  let before = m[1];
  let token = m[2];
  let after = m[3];
  for (let more = /^(\s+)(\S+)(.*)$/u.exec(after); more && looksLikeName(token) && token.length <= 3 && /^[\u4e00-\u9fff]/u.test(more[2]); more = /^(\s+)(\S+)(.*)$/u.exec(after)) {
    before += token + more[1];
    token = more[2];
    after = more[3];
  }
  const words = nodejieba.cut(token);
  let name = '';
  let k = 0;
  while (k < words.length && words[k].length === 1 && name.length < 3 && /\p{Script=Han}/u.test(words[k])) name += words[k++];
  if (name.length === 1 && k < words.length && words[k].length === 2) name += words[k++];
  const rest = token.slice(name.length) + after;
  if (name.length < 2 || !looksLikeName(name) || rest.replace(/\s+/gu, '').length < GLUED_BYLINE_REST_MIN || !/[，。,]/u.test(rest)) return [line];
  return [before + name, rest];
}

/** Single characters set apart that make a spaced-out (justified) line: at least this many. */
const SPACED_RUN_MIN = 6;

/**
 * pypdf runs a signed name into the first line of the text beside it (`甲乙丙 子 丑 寅 卯 辰 巳…`,
 * the name under one essay's headline, the line the first of the next essay). A justified line
 * spaces out every character; a name closed up before such a run is not of it: the name goes on
 * a line of its own. So does a name before a sentence under way at the start of an essay, after a
 * head or a sentence's end (`before`, the line above).
 */
export function splitGluedSignedName(line: string, before = ''): string[] {
  const m = /^\s*([\u4e00-\u9fff]{2,3})\s+(\S(?:\s+\S)+.*)$/u.exec(line);
  if (m && looksLikeName(m[1])) {
    const tokens = m[2].split(/\s+/u);
    let spaced = 0;
    while (spaced < tokens.length && [...tokens[spaced]].length === 1) spaced++;
    if (spaced >= SPACED_RUN_MIN) return [m[1], m[2]];
  }
  // …or into the first paragraph of the next essay, after the head or the last sentence of its
  // own (a crosshead `### …` / ` 甲乙丙 子丑，…`, pdf2md): a name, then a
  // sentence under way (a pause within its first dozen characters)
  const n = /^\s*([\u4e00-\u9fff]{2,3})\s+([\u4e00-\u9fff]{2,}[^\s，。]*[，。][\s\S]{8,})$/u.exec(line);
  const ended = before !== '' && (endsSentence(before) || !/[，。；、,;]/u.test(before));
  if (n && ended && looksLikeName(n[1]) && /^[^\s，。]{2,12}[，。]/u.test(n[2])) return [n[1], n[2]];
  return [line];
}
