import type { Caption } from '../types.ts';
import nodejieba from 'nodejieba';
import { BARE_CAPTION_MAX_CHARS, BARE_CAPTION_MIN_CHARS, CAPTION_MAX_CHARS } from '../thresholds.ts';
import { bracketsBalanced } from './chars.ts';
import { isSignedName } from './credits.ts';

/** The photo credit at the end of a caption: `何大明 摄`, `（唐欣 摄）`, `记者/孙晓静 摄`, `通讯员供图`, `（石峰区委宣传部供图）`. */
const CREDIT = /(?:^|[。！？!?\s])([（(]?[^。！？!?，、\s（(“”]{0,20}供图[）)]?|[（(]?[^。！？!?，、（(“”]{0,24}?\s?摄[）)]?)$/u;

/** A picture credited to where it came from, ending a caption: `（资料图片）`, `图片由县文旅局提供`. */
const SOURCE_CREDIT = /(?:^|[。！？!?\s])([（(]?(?:资料图片|图片由[^。！？!?，、（()）\s]{1,20}提供)[）)]?)$/u;

/** Caption openings used by the papers: `图为…`, `▲…`, `上图：…`. */
const OPENING = /^(图为|▲|△|■|上图|下图|左图|右图|图[:：])/u;

/**
 * The credit of a cartoon or drawing, printed under it like a photo's: the artist's name with 作,
 * 绘 or 画, and the agency that sent it (a caption, then `…作（新华社发）`, 人民日报 4 January 2018;
 * `宋知远 作（新华社发 ）` in pypdf's spacing). The agency's bracket alone says it is a credit; a name
 * with 作 alone must be a signed name (`合作` and `写作` end sentences).
 */
const ARTWORK = /(?:^|[\s。！？!?])([\u4e00-\u9fff·]{2,4})\s?([作绘画])\s?([（(][^（()）]{1,12}发\s?[）)])?$/u;

/** An artwork credit ending the text: the caption before it (maybe none) and the credit as printed. */
export function parseArtworkCredit(display: string): Caption | null {
  const t = display.trim();
  if (t.length > CAPTION_MAX_CHARS) return null;
  const m = ARTWORK.exec(t);
  if (!m || !isSignedName(m[1])) return null;
  // without the agency's bracket the name stands apart: on a line of its own or after a space
  if (!m[3] && m.index > 0 && !/\s/u.test(t[m.index])) return null;
  const credit = `${m[1]} ${m[2]}${m[3] ? m[3].replace(/\s+/gu, '') : ''}`;
  return { text: t.slice(0, m.index + (m[0].length - m[0].trimStart().length)).trim(), credit };
}

/** A credit parseArtworkCredit made: the artist's name, then `作` (`绘`, `画`) and the agency's bracket (`宋知远 作（新华社发）`). */
export function isArtworkCredit(credit: string | undefined): boolean {
  return credit !== undefined && / [作绘画](?:[（(]|$)/u.test(credit);
}

/**
 * A photo caption: a short text ending in a photo credit, or opening with 图为/▲.
 * `摄影报道` is a byline for a photo story, not a caption.
 */
export function parseCaption(display: string): Caption | null {
  const t = display.trim();
  if (t.length > CAPTION_MAX_CHARS || /摄影报道/u.test(t)) return null;
  const m = CREDIT.exec(t);
  if (m && /(摄|供图)[）)]?$/u.test(m[1])) {
    const credit = m[1].trim().replace(/\s+/gu, ' ').replace(/([^\s\/／])摄$/u, '$1 摄');
    const text = t.slice(0, m.index + (m[0].length - m[1].length)).trim();
    if (/记者|通讯员/u.test(credit) && text === '') return null; // a photo byline, handled as a byline
    return { text, credit };
  }
  const source = SOURCE_CREDIT.exec(t);
  if (source && source.index > 0) return { text: t.slice(0, source.index + (source[0].length - source[1].length)).trim(), credit: source[1].trim() };
  if (OPENING.test(t) && t.length <= CAPTION_MAX_CHARS) return { text: t };
  return parseArtworkCredit(t);
}

/** Persons named in a photo credit: `记者/孙晓静 摄` → 孙晓静; `通讯员供图` names none. */
export function photographersOf(credit: string): string[] {
  const core = credit.replace(/^[（(]?图片由(.+?)提供[）)]?$/u, '$1').replace(/[（()）]/gu, '').replace(/\s*(摄|供图)$/u, '').replace(/^.*(记者|通讯员)[\/：:\s]*/u, '');
  return core
    .split(/[\s、\/／]+/u)
    .filter((n) => /^[\u4e00-\u9fff]{2,4}$/u.test(n) && !/供图|资料|图片|宣传部|公司|中心|局|委|部/u.test(n));
}

/**
 * A photo caption printed without a credit reads as a noun phrase, not a sentence: one line ending in
 * `。`, no pause, and no predicate — no verb in it, or none after its last `的` and no `是` before it
 * (`白关服饰产业园一角。`, `正进行“后半篇文章”的清水塘老工业区。`; not `…是…的…。`,
 * `分享了校企合作经验及感悟。`). It ends in a noun or a measure (`一角`).
 */
export function isBareCaption(text: string): boolean {
  const t = text.trim();
  const n = [...t].length;
  if (n < BARE_CAPTION_MIN_CHARS || n > BARE_CAPTION_MAX_CHARS || !/^[^。！？!?，,、；;：:]+。$/u.test(t) || !bracketsBalanced(t)) return false;
  const tags = nodejieba.tag(t.slice(0, -1)).filter((x) => !/^[“”"‘’《》]$/u.test(x.word));
  const last = tags[tags.length - 1];
  if (!last || !/^(?:n|m)/u.test(last.tag)) return false;
  const de = tags.map((x) => x.word).lastIndexOf('的');
  if (tags.slice(0, Math.max(0, de)).some((x) => x.word === '是')) return false;
  return !tags.slice(de + 1).some((x) => /^v/u.test(x.tag));
}
