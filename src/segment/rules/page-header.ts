/**
 * The page header (报眉) a newspaper prints above every page: the issue date and weekday, the page
 * number and the section name (版名), sometimes the paper's name, the lunar date and the editors.
 * It is furniture, never an article's text, and it is the best evidence of an issue's date and page
 * that the text itself holds.
 *
 * Extractors print it in many shapes, and the rule reads all of them the same way:
 * - on its own lines, date and page apart: `2021 年 6 月 14 日 星期一` / `3 要闻`;
 * - glued into one line, in either order: `3 要闻2021 年 6 月 14 日 星期一`;
 * - with a converter's separators and bold marks: `## 2021 年 6 月 14 日 星期一^3 要闻`,
 *   `**3 要闻** (^) 2021 年 6 月 14 日 星期一 **株洲日报**`;
 * - overprinted: papers set the page number and section in fake bold (each glyph drawn twice a hair
 *   apart) and text extractors keep both copies: `33 要闻要闻` is page 3, section 要闻;
 * - `第3版`, `A3版`, `03版：要闻`, `要闻 A3`, `星期一 农历五月初五`, `责任编辑：…`;
 * - the date in Han numerals: `二〇二三年三月八日 星期三`.
 */

export interface PageHeader {
  /** ISO date of the issue, when the header prints a full date. */
  issueDate?: string;
  /** `星期一` … `星期日` (or `周一` as printed). */
  weekday?: string;
  /** The paper's page number (the number in `A3` is 3). */
  page?: number;
  /** The page's label as printed, when it is more than a number: `A3`, `B12`. */
  pageLabel?: string;
  /** 版名: `要闻`, `理论`, `经济·民生`. */
  section?: string;
  /** The paper, when the header names one (`…日报`, `…晚报`). */
  publication?: string;
  /**
   * True when the line holds a full date or a `第N版`/`N版` mark: header lines that cannot be
   * anything else. A line with only a number and a short word (`3 要闻`) is a header only where a
   * page starts or beside a strong one; the caller decides.
   */
  strong: boolean;
}

import { undoOverprint } from './overprint.ts';

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
/** The longest line read as a header: date, weekday, lunar date, page, section, paper and editors fit in 80. */
const HEADER_MAX_CHARS = 80;

/** A full date: `2021 年 6 月 14 日`, `2021年06月14日`, `2021-06-14`, `2021.6.14`. */
const FULL_DATE = /(?<![\d])((?:19|20)\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./](\d{1,2})[-./](\d{1,2})(?![\d]))/u;
const WEEKDAY = /(星期|周|礼拜)\s*([一二三四五六日天])/u;
/** `农历辛丑年五月初五`, `农历五月初五`, `丁酉年腊月初六`. */
const LUNAR = new RegExp(`(?:农历\\s*[${HAN}]{2,10}|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年(?:[${HAN}]{0,2}月)?(?:[初十廿卅][${HAN}])?)`, 'u');
/** Editors and designers named in the header: `责任编辑：王某` `责编 王某` `美编：…` `版式：…` `校对：…`. */
const STAFF_ROLE = '(?:责任编辑|责编|编辑|美编|版式设计|版式|校对|制图|审读)';
const STAFF = new RegExp(`${STAFF_ROLE}\\s*[：:/]?\\s*[${HAN}·]{2,4}(?:\\s+(?!${STAFF_ROLE})[${HAN}]{2,4}(?![：:]))*`, 'gu');
/** `第3版`, `第 A3 版`, `3版`, `A3版`, `03 版`. */
const PAGE_MARK = /第?\s*([A-Z]?)\s*(\d{1,3})\s*版/u;
/** A paper's name: a few Han characters ending in 报 (日报, 晚报, 时报, 青年报 …). */
const PUBLICATION = new RegExp(`[${HAN}]{1,8}(?:日报|晚报|时报|早报|商报|都市报|青年报|法制报|经济报|农民报|工人报|周报|报)`, 'u');

function isoDate(y: string, m: string, d: string): string | undefined {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Page number and section, in either order, with `apart` to 3 separators between them (`3 要闻`, `要闻 | 3`). */
const pageSection = (apart: number): RegExp =>
  new RegExp(`^\\s*(?:([A-Z]?)(\\d{1,3})[^${HAN}\\dA-Z]{${apart},3}([${HAN}][${HAN}·]{1,7})|([${HAN}][${HAN}·]{1,7})[^${HAN}\\dA-Z]{${apart},3}([A-Z]?)(\\d{1,3}))\\s*$`, 'u');
/** On a line not yet shown to be a header they must stand apart: glued, `10个消防救援站` is a headline. */
const PAGE_SECTION_APART = pageSection(1);
/** On a header line (a date or `第N版` read) they may be glued: each printed twice, run into the date (development pages). */
const PAGE_SECTION_ANY = pageSection(0);
/** A section name alone beside a `第N版` mark. */
const SECTION_ALONE = new RegExp(`^[^${HAN}]*([${HAN}][${HAN}·]{1,7})[^${HAN}]*$`, 'u');

/** Two words apart once a `第N版` mark and the date are taken out: the section and the paper's name. */
const NAME_BESIDE_SECTION = new RegExp(`^[^${HAN}]*([${HAN}][${HAN}·]{1,7})[^${HAN}]+([${HAN}]{2,8})[^${HAN}]*$`, 'u');
/** Page and section with a name apart before or after them: `云梦新闻 7要闻`, `01经济 云梦新闻`. */
const NAME_FIRST = new RegExp(`^(?<name>[${HAN}]{2,8}) (?<rest>.+)$`, 'u');
const NAME_LAST = new RegExp(`^(?<rest>.+) (?<name>[${HAN}]{2,8})$`, 'u');

/** What is left of a header line once its parts are taken out: separators and nothing else. */
const LEFTOVER = /^[\s^|｜·•\-—_#*/\\:：,，]*$/u;
/**
 * One word of 2–4 Han characters glued to the weekday at the line's end: a section's name
 * (`星期三教育`). Set apart by a space it may as well be a head read with the header.
 */
const GLUED_TO_WEEKDAY = new RegExp(`(?:星期|周|礼拜)[一二三四五六日天]([${HAN}]{2,4})\\s*$`, 'u');

/**
 * Read one line as a page header. Returns null when the line holds anything else — a sentence
 * that mentions a date is running text, not a header.
 */
/** Han digits of a date printed in words: `二〇二三年三月八日`, `二○二一年十二月二十六日`. */
const HAN_DIGIT: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_DATE = /([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,4})\s*日/u;

/** `十二` → 12, `二十六` → 26, `三十一` → 31, `八` → 8. */
function hanNumber(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return HAN_DIGIT[s] ?? NaN;
  const tens = ten === 0 ? 1 : (HAN_DIGIT[s.slice(0, ten)] ?? NaN);
  const units = ten === s.length - 1 ? 0 : (HAN_DIGIT[s.slice(ten + 1)] ?? NaN);
  return tens * 10 + units;
}

/** A date printed in Han numerals, as many papers print the issue date, in Arabic digits. */
function arabicDate(line: string): string {
  const m = HAN_DATE.exec(line);
  if (!m) return line;
  const year = [...m[1]].map((c) => HAN_DIGIT[c]).join('');
  return `${line.slice(0, m.index)}${year}年${hanNumber(m[2])}月${hanNumber(m[3])}日${line.slice(m.index + m[0].length)}`;
}

export function readPageHeader(line: string): PageHeader | null {
  // a header is one short line: longer text is never read further (and never costs more)
  // a converter's bold marks and separator (`**6 综合** (^) 2023 年 1 月 15 日 星期日 **青溪晚报**`) are no text
  const unmarked = line.replace(/^#{1,6}\s+/u, '').replace(/\*\*|__/gu, ' ').replace(/\(\^\)/gu, '^');
  const trimmed = arabicDate(unmarked.replace(/[\u3000\u00a0]/gu, ' ').trim());
  // every header has a date or a page number: a line without a digit is never one (most lines)
  if (trimmed === '' || trimmed.length > HEADER_MAX_CHARS || !/\d/u.test(trimmed)) return null;
  let rest = undoOverprint(trimmed);
  const header: PageHeader = { strong: false };
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
    return m;
  };

  const date = take(FULL_DATE);
  if (date) {
    const iso = date[2] ? isoDate(date[1], date[2], date[3]) : isoDate(date[1], date[4], date[5]);
    if (!iso) return null;
    header.issueDate = iso;
    header.strong = true;
  }
  // a weekday whose last character an extractor cut in the middle of its bytes (`星�`)
  rest = rest.replace(/(?:星期?|周)\s*\ufffd+/u, ' ');
  const weekday = take(WEEKDAY);
  if (weekday) header.weekday = `星期${weekday[2] === '天' ? '日' : weekday[2]}`;
  take(LUNAR);
  rest = rest.replace(STAFF, ' ');
  const publication = take(PUBLICATION);
  if (publication) header.publication = publication[0];

  const mark = take(PAGE_MARK);
  // where the mark stood in what was left of the line (the section is the word beside it)
  const markAt = mark?.index ?? -1;
  if (mark) {
    header.page = Number(mark[2]);
    if (mark[1]) header.pageLabel = `${mark[1]}${Number(mark[2])}`;
    header.strong = true;
  }
  // the section beside the page number: `3 要闻`, `要闻 3`, `A3 要闻`, `03版：要闻`, or alone after a mark
  // number and section stand apart (`3 要闻`, `要闻 | 3`): glued, `10个消防救援站` is a headline —
  // unless the line has shown itself a header already (page number and section, each printed twice, run into the date)
  const sectionRe = header.strong ? PAGE_SECTION_ANY : PAGE_SECTION_APART;
  const compact = rest.replace(/[\s^|｜]+/gu, ' ').trim();
  let pageSection = header.page === undefined ? sectionRe.exec(compact) : null;
  // a header with a date names the paper in words of its own (`01经济2023年2月7日星期二云梦新闻`): a
  // name standing apart first or last beside the page and section is the paper's, whatever its ending
  if (!pageSection && header.page === undefined && header.strong && !header.publication) {
    // both sides may read as a section (`溪口新闻 01 经济`): the page number stands before its section
    const readings = [NAME_FIRST.exec(compact), NAME_LAST.exec(compact)]
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ name: m.groups!.name, pageSection: sectionRe.exec(m.groups!.rest) }))
      .filter((r) => r.pageSection !== null)
      .sort((a, b) => Number(b.pageSection![2] !== undefined) - Number(a.pageSection![2] !== undefined));
    if (readings.length) {
      pageSection = readings[0].pageSection;
      header.publication = readings[0].name;
    }
  }
  if (pageSection) {
    const letter = pageSection[1] ?? pageSection[5] ?? '';
    const digits = pageSection[2] ?? pageSection[6];
    header.page = Number(digits);
    if (letter) header.pageLabel = `${letter}${Number(digits)}`;
    // a separator dot at the section's end belongs to the separator (`要闻·A3`)
    header.section = (pageSection[3] ?? pageSection[4]).replace(/·+$/u, '');
    rest = '';
  } else if (header.page !== undefined) {
    const alone = SECTION_ALONE.exec(compact);
    // a `第N版` mark, its section and the paper's name in words of its own (`第9版经济2023年2月8日
    // 星期三 云梦新闻`, pypdf on typeset news pages): the section is the word that stood by the mark,
    // the name heads or ends the line; a word inside it, before the mark (`…周三 延伸阅读 第9版
    // 图片新闻`, a head read with the header) is no name
    const two = alone || !header.strong || header.publication ? null : NAME_BESIDE_SECTION.exec(rest);
    const [section, name] = !two ? [] : Math.abs(rest.indexOf(two[1]) - markAt) <= Math.abs(rest.indexOf(two[2]) - markAt) ? [two[1], two[2]] : [two[2], two[1]];
    if (alone) {
      header.section = alone[1];
      rest = '';
    } else if (section && name && new RegExp(`^[^${HAN}]*${name}|${name}[^${HAN}]*$`, 'u').test(trimmed)) {
      header.section = section;
      header.publication = name;
      rest = '';
    }
  }
  // a full date and weekday with one short word glued on and no page number: the section, its number
  // printed apart (`2023年3月15日 星期三教育` / `6`, pdf.js text of a typeset news page)
  const glued = header.page === undefined && header.issueDate && header.weekday && !header.section ? GLUED_TO_WEEKDAY.exec(trimmed) : null;
  // (the word glued to the weekday read, and all that is left: `星期三 周一见闻` glues 见闻 to another 周一)
  if (glued && weekday && glued[1] === rest.trim() && trimmed.endsWith(`${weekday[0]}${glued[1]}`)) {
    header.section = glued[1];
    rest = '';
  }
  if (!LEFTOVER.test(rest)) return null;
  if (!header.issueDate && header.page === undefined) return null;
  if (header.page !== undefined && (header.page < 1 || header.page > 200)) return null;
  return header;
}

/** What the headers of one page state together: the first date, page number and section found. */
export interface PageFacts {
  issueDate?: string;
  page?: number;
  section?: string;
}

/**
 * The facts of each page (by its index in the file) from its header lines, which extractors may
 * print apart (the date and weekday / page number and section) or at the page's foot. A page whose headers
 * disagree keeps what it read first.
 */
export function pageFacts(headers: readonly { page: number; display: string }[]): Map<number, PageFacts> {
  const facts = new Map<number, PageFacts>();
  for (const { page, display } of headers) {
    const h = readPageHeader(display);
    if (!h) continue;
    const f = facts.get(page) ?? {};
    f.issueDate ??= h.issueDate;
    f.page ??= h.page;
    f.section ??= h.section;
    facts.set(page, f);
  }
  return facts;
}

/** A paper's name over its page number and section, read as one block: `澧兰日报` / `3 要闻`. */
const PUBLICATION_THEN_PAGE = new RegExp(`^${PUBLICATION.source}[A-Z]?\\d{1,3}[${HAN}·]{2,6}$`, 'u');

/**
 * What a piece of a page header printed apart can be: a page number, a short word (a section, the
 * paper's name), or the two together (`地方新闻12`, `A3要闻`).
 */
export function isHeaderPiece(text: string): boolean {
  const t = text.replace(/\s+/gu, '');
  // (or a paper's name set over its page and section: `澧兰日报` / `3 要闻`, mutool on typeset news pages)
  return /^(?:[A-Z]?\d{1,3}|[\u4e00-\u9fff·]{2,6}|[\u4e00-\u9fff·]{2,6}[A-Z]?\d{1,3}|[A-Z]?\d{1,3}[\u4e00-\u9fff·]{2,6})$/u.test(t) || PUBLICATION_THEN_PAGE.test(t);
}
