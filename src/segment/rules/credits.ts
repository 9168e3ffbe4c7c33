import type { Credit, Role } from '../types.ts';
import { looksLikeName, splitNames } from './names.ts';
import { BYLINE_MAX_CHARS, CREDIT_NAME_MAX_CHARS, CREDIT_UNKNOWN_SURNAMES_MIN_NAMES, SIGNED_NAME_MAX_CHARS, SIGNED_NAMES_MAX } from '../thresholds.ts';

/** Role words as printed, longest first so `全媒体记者` wins over `记者`. */
const ROLE_WORDS: [RegExp, Role][] = [
  [/(?:全媒体|首席|特约|见习|实习)?记者/u, '记者'],
  [/通讯员|实习生/u, '通讯员'],
  [/摄影/u, '摄影'],
];
/** What stands between a role word and its names: a slash, a bar, a colon or a space. */
const ROLE_SEP = '[\\/／｜|：:\\s]';
/**
 * Role words a byline is cut at. Besides 记者 and 通讯员: who wrote and who took the pictures,
 * `文/王小明 图/李华`, `文｜王小明`, `撰文/…`, `文/图 王小明` (文 and 图 alone only before their separator).
 */
const ROLE_SPLIT = new RegExp(`((?:全媒体|首席|特约|见习|实习)?记者|通讯员|实习生|摄影报道|摄影|撰文|文字|图片|文\\s*[\\/／]\\s*图|图\\s*[\\/／]\\s*文|文(?=\\s*[\\/／｜|：:])|图(?=\\s*[\\/／｜|：:]))${ROLE_SEP}*`, 'u');
/** Marks some papers set before a byline: `■记者 …`, `□本报记者 …`, `◎…`. */
const ORNAMENT = /^[■□◎●○◆◇▲△★☆▶►◉\s]+/u;
/** Text and pictures credited by role: `文/王小明 图/李华`, `文｜王小明`, `撰文/王小明 摄影/李华`, `文/图 王小明`. */
const TEXT_PHOTO = new RegExp(`^(?:(?:撰文|文字|文\\s*[\\/／]\\s*图|图\\s*[\\/／]\\s*文|文|图片|图|摄影)\\s*${ROLE_SEP}\\s*[\\u4e00-\\u9fff·]{2,4}(?:\\s+[\\u4e00-\\u9fff·]{2,4})*\\s*)+$`, 'u');
/** The name first: `王小明 文/图`, `王小明 文` (a lone 文 set apart: names end in 文 too, `方幼文`). */
const NAME_THEN_ROLE = /^([\u4e00-\u9fff·]{2,4})(?:\s*(文\s*[\/／]\s*图|图\s*[\/／]\s*文)|\s+(文))$/u;

/** Outlet named in a dateline or byline: `株洲日报·掌上株洲讯`, `湖南日报·新湖南客户端记者`. */
export function findPublication(text: string): string | undefined {
  const m = /^[（(]?([\u4e00-\u9fff]{2,8}?(?:日报|晚报|早报|商报|时报|都市报|青年报|法治报|新闻网|报))/u.exec(text.trim());
  return m?.[1];
}

function roleOf(word: string): Role {
  for (const [re, role] of ROLE_WORDS) if (re.test(word)) return role;
  return '作者';
}

/**
 * Credits in a byline or dateline: `记者/谢嘉 通讯员/周媛 钟一苇`, `记者 徐行 通讯员 于坤 摄影报道`,
 * `通讯员 贾宏宇 宋振威`. `rawLines` keep the printed spacing so padded names split right.
 * A trailing `摄` or `摄影报道` also credits the named persons for the photos.
 */
export function parseCredits(rawLines: string[]): Credit[] {
  // a role word cut by the line wrap (`讯（记` / `者 陈鸿飞`) is mended first
  const joined = rawLines
    .map((l) => l.trim())
    .join('\n')
    .replace(ORNAMENT, '')
    .replace(/记\n者/gu, '记者')
    .replace(/通\n讯员|通讯\n员/gu, '通讯员')
    .replace(/实\n习生|实习\n生/gu, '实习生');
  const first = NAME_THEN_ROLE.exec(joined);
  if (first) return textAndPhotos(first[1], first[2] ?? first[3]);
  const photo = /摄影报道|(?:^|[\s\u4e00-\u9fff])摄[）)]?\s*$/u.test(joined);
  // `记者 王小明 报道`: 报道 names the work, not a person
  const parts = joined.replace(/(摄影报道|摄)[）)]?\s*$/u, '').replace(/\s报道$/u, '').split(ROLE_SPLIT);
  const credits: Credit[] = [];
  let role: string | undefined;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (k % 2 === 1) {
      role = part;
      continue;
    }
    if (role === undefined) continue; // text before the first role word: the outlet
    const cleaned = part.replace(/[（()）]/gu, ' ').replace(/\d{1,2}\s*月\s*\d{1,2}\s*日.*$/su, '');
    for (const name of splitNames(cleaned.split('\n'))) credits.push(...(/[文图]\s*[\/／]\s*[文图]|撰文|文字|^文|图片|^图/u.test(role) ? textAndPhotos(name, role) : [{ name, role: roleOf(role) }]));
  }
  // `… 摄` / `… 摄影报道`: every person named took the photos
  return photo ? credits.map((c) => ({ name: c.name, role: '摄影' as const })) : credits;
}

/** A name credited for the text (文, 撰文), the pictures (图, 图片) or both (文/图). */
function textAndPhotos(name: string, role: string): Credit[] {
  const text = /文/u.test(role);
  const pictures = /图/u.test(role);
  return [...(text ? [{ name, role: '作者' as const }] : []), ...(pictures ? [{ name, role: '摄影' as const }] : [])];
}

/** A byline standing alone: `株洲日报·掌上株洲记者/杨凌凌 通讯员/安蓉`, `通讯员 龙涛`. */
export function isRoleByline(text: string): boolean {
  const t = text.replace(ORNAMENT, '');
  if (t.length > BYLINE_MAX_CHARS || /[。！？]/u.test(t)) return false;
  if (/^[\u4e00-\u9fff·]{0,16}?(?:全媒体|首席|特约|见习)?(?:记者|通讯员|实习生)[\/／｜|：:\s]*[\u4e00-\u9fff]/u.test(t)) return true;
  const first = NAME_THEN_ROLE.exec(t);
  return TEXT_PHOTO.test(t) || (first !== null && isSignedName(first[1]));
}

/**
 * A line that is a byline and nothing else: role words (`本报记者`, `通讯员`, `新华社记者`) and the
 * names after each, parted by spaces (`本报记者 孙晓静 通讯员 刘莲苇`). Running text that opens with
 * a role word (`记者从农业农村部门获悉…`) has no space after it and no name.
 */
export function isBylineLine(text: string): boolean {
  const tokens = text.trim().split(/\s+/u);
  const role = (t: string) => /^[\u4e00-\u9fff]{0,6}?(?:记者|通讯员|实习生)$/u.test(t);
  if (tokens.length < 2 || !role(tokens[0]) || role(tokens[tokens.length - 1])) return false;
  return tokens.every((t) => role(t) || (t.length <= CREDIT_NAME_MAX_CHARS && looksLikeName(t)));
}

/**
 * The closing credit of a story: names alone in brackets, `（魏龙元 黄柳英）`, `（王 斌 徐 敏 …）`,
 * possibly printed at the end of the last paragraph. Returns where it starts in `text`.
 */
export function closingCreditStart(text: string): number {
  const m = /[（(]([\u4e00-\u9fff·\s]{2,100})[）)]\s*$/u.exec(text);
  // `（唐欣 摄）` credits a photo: the caption's, not the story's
  if (!m || /(摄|供\s*图)\s*$/u.test(m[1])) return -1;
  // role words (`（记者 方晓岚）`, `（记者 杨清 通\n讯员 李永亮）`) are not names: only the persons are judged
  // …with the outlet or rank before 记者 (`（本报记者 王小明）`, `（新华社记者 …）`, `（本报特派记者 …）`)
  const names = splitNames(m[1].replace(/[\u4e00-\u9fff]{0,6}?记\s*者|通\s*讯\s*员|实\s*习\s*生/gu, ' ').split('\n'));
  if (names.length === 0 || !names.every((n) => n.length <= CREDIT_NAME_MAX_CHARS)) return -1;
  if (names.some((n) => !looksLikeName(n)) && names.length < CREDIT_UNKNOWN_SURNAMES_MIN_NAMES) return -1;
  return m.index;
}

/** A lone signed name under a headline: `谢能武`, `李永亮`. */
export function isSignedName(text: string): boolean {
  const t = text.replace(/\s+/gu, '');
  return looksLikeName(t) && t.length <= SIGNED_NAME_MAX_CHARS;
}

/**
 * The names of a line that holds only signed names: one (`贺岚`, `谭 延 喜`), or two or three
 * printed apart (`吴 川 韩立坤`: a two-character name padded to three cells); null otherwise.
 */
export function signedNames(lines: string | string[]): string[] | null {
  const raw = typeof lines === 'string' ? [lines] : lines;
  const whole = raw.join('').replace(/\s+/gu, '');
  if (isSignedName(whole)) return [whole];
  if (!/\s/u.test(raw.join(' ').trim())) return null;
  const names = splitNames(raw);
  return names.length >= 2 && names.length <= SIGNED_NAMES_MAX && names.every(isSignedName) ? names : null;
}
