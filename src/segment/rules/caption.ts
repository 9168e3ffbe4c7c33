import type { Caption } from '../types.ts';
import { CAPTION_MAX_CHARS } from '../thresholds.ts';

/** The photo credit at the end of a caption: `何大明 摄`, `（唐欣 摄）`, `记者/孙晓静 摄`, `通讯员供图`, `（石峰区委宣传部供图）`. */
const CREDIT = /(?:^|[。！？!?\s])([（(]?[^。！？!?，、\s（(“”]{0,20}供图[）)]?|[（(]?[^。！？!?，、（(“”]{0,24}?\s?摄[）)]?)$/u;

/** Caption openings used by the papers: `图为…`, `▲…`, `上图：…`. */
const OPENING = /^(图为|▲|△|■|上图|下图|左图|右图|图[:：])/u;

/**
 * A photo caption: a short text ending in a photo credit, or opening with 图为/▲.
 * `摄影报道` is a byline for a photo story, not a caption.
 */
export function parseCaption(display: string): Caption | null {
  const t = display.trim();
  if (t.length > CAPTION_MAX_CHARS || /摄影报道/u.test(t)) return null;
  const m = CREDIT.exec(t);
  if (m && /(摄|供图)[）)]?$/u.test(m[1])) {
    const credit = m[1].trim().replace(/\s+/gu, ' ').replace(/([^\s])摄$/u, '$1 摄');
    const text = t.slice(0, m.index + (m[0].length - m[1].length)).trim();
    if (/记者|通讯员/u.test(credit) && text === '') return null; // a photo byline, handled as a byline
    return { text, credit };
  }
  if (OPENING.test(t) && t.length <= CAPTION_MAX_CHARS) return { text: t };
  return null;
}

/** Persons named in a photo credit: `记者/孙晓静 摄` → 孙晓静; `通讯员供图` names none. */
export function photographersOf(credit: string): string[] {
  const core = credit.replace(/[（()）]/gu, '').replace(/\s*(摄|供图)$/u, '').replace(/^.*(记者|通讯员)[\/：:\s]*/u, '');
  return core
    .split(/[\s、]+/u)
    .filter((n) => /^[\u4e00-\u9fff]{2,4}$/u.test(n) && !/供图|宣传部|公司|中心|局|委|部/u.test(n));
}
