import type { Credit } from '../types.ts';
import { findPublication, parseCredits } from './credits.ts';

export interface Dateline {
  publication?: string;
  /** The date as printed, spaces removed: `6月25日`. */
  date?: string;
  credits: Credit[];
}

/**
 * The dateline that opens a news story: `湖南日报·新湖南客户端 6 月 25 日讯（记者 … 通讯员 …）`,
 * `株洲日报·掌上株洲讯(记者/谢嘉 通讯员/周媛 钟一苇) 11月23日,…`, and a wire or bureau dateline
 * `新华社长沙6月25日电(记者 林晓)`, `本报北京1月4日电`. `电` alone ends too many words (`发电`,
 * `来电`), so it counts only after a printed date; `讯` ending a word (`快讯`, `简讯`, `闻讯`) is no dateline, but a paper named `…新闻` dates its stories `云梦新闻讯（记者 …）`. `rawLines` are the block's printed lines, so
 * padded names in the brackets split right.
 */
const DATELINE_HEAD = /^[\u4e00-\u9fff·]{2,24}?(?:(?:\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?(?:(?<=新闻)|(?<![快简短资通喜音传审问查死凶警电视闻]))\s*讯(?![员息])|\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电(?![视话脑器力网影站源])|(?:\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*专电)/u;

/**
 * Does this line open a story with a dateline that names its reporters or its date
 * (`青溪晚报讯（记者 孟秋 通讯`, `新华社长沙6月25日电`)? Only those: a bare `…讯` could be a word. But
 * `本报讯` is a word of nothing else, so a line it opens opens a story without a bracket or a date
 * (`本报讯推进访企拓岗促就业`, pdftotext on typeset news page 8, seed 31, where the headline as wide
 * as the column above it was read as the story's first line). A line where `本报` comes after other
 * characters is a dateline with something glued before it, which the glued-text rules part; it is
 * not set on a line of its own.
 */
export function opensDateline(line: string): boolean {
  if (/^\s*本报讯/u.test(line)) return true;
  const head = DATELINE_HEAD.exec(line.trim());
  if (head === null || /^.+本报/u.test(head[0])) return false; // `人本报讯（…`: a headline's last glyph glued on (pypdf)
  return /\d\s*日/u.test(head[0]) || /^\s*[（(]/u.test(line.trim().slice(head[0].length));
}

/** News agencies whose datelines name no paper: the outlet of a `…电` dateline. */
const AGENCY = /^(新华社|中新社|中国新闻社|人民网|央视网|中央广播电视总台|法新社|路透社|美联社|共同社|塔斯社)/u;

/** Role words opening a run of names: `记者王小明 通讯员李华`, `本报记者 王小明`. */
const ROLE_RUN = '(?:[\\u4e00-\\u9fff]{0,6}?记\\s*者|通\\s*讯\\s*员|实\\s*习\\s*生)';
const OPEN_CREDITS = new RegExp(`[讯电]\\s+(${ROLE_RUN}[^，。：:（）()]{1,60}?)\\s*(?:报道)?\\s*[：:]`, 'u');
const CREDITS_BEFORE_PLACE = new RegExp(`^\\s*(${ROLE_RUN}(?:\\s+[\\u4e00-\\u9fff·]{2,4})+)\\s+[\\u4e00-\\u9fff]{2,8}\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*电`, 'u');

export function parseDateline(text: string, rawLines: string[]): Dateline | null {
  const head = DATELINE_HEAD.exec(text);
  if (!head) return null;
  const raw = rawLines.join('\n');
  const bracket = /[讯电]\s*[（(]([^（）()]{2,120})[）)]/u.exec(raw);
  // credits without a bracket: after the dateline up to `报道：` (`本报讯 记者王小明 通讯员李华 报道：`),
  // or before the place and date (`本报记者 王小明 北京1月4日电`, as 人民日报 prints its own staff's)
  const open = bracket ? null : (OPEN_CREDITS.exec(raw) ?? CREDITS_BEFORE_PLACE.exec(raw));
  const credits = bracket ? parseCredits(bracket[1].split('\n')) : open ? parseCredits([open[1]]) : [];
  const dateInHead = /(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(head[0]);
  const after = text.slice(head[0].length).replace(/^\s*[（(][^（）()]*[）)]/u, '');
  const dateInLead = /^\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(after) ?? /(?:^|[，,])\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(after.slice(0, 40));
  const d = dateInHead ?? dateInLead;
  return {
    publication: findPublication(text) ?? AGENCY.exec(text)?.[1],
    date: d ? `${d[1]}月${d[2]}日` : undefined,
    credits,
  };
}

/**
 * A dateline's credit bracket as printed, the spaces between its names kept (`（记者 陈鸿飞 通讯员 周健
 * 颜伶俐）`): running text drops every space between Han characters, and with them the only sign of
 * where one name ends. A line break before a role word parts it from the name before it
 * (`通讯员 杨清` / `记者 李永亮`); other line breaks are closed up (a name or a role word cut by the wrap).
 * Null when the dateline has no such bracket.
 */
export function spacedCreditBracket(rawLines: string[]): string | null {
  const m = /[讯电]\s*([（(][^（）()]{2,120}[）)])/u.exec(rawLines.join('\n'));
  if (!m) return null;
  return m[1]
    .replace(/\s*\n\s*(?=记\s*者|通\s*讯\s*员|实\s*习\s*生)/gu, ' ')
    .replace(/[ \t\u3000]*\n[ \t\u3000]*/gu, '')
    .replace(/[ \t\u3000]+/gu, ' ')
    .replace(/([（(]) /u, '$1')
    .replace(/ ([）)])$/u, '$1');
}
