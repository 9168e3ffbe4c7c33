/** Character classes shared by the rules. */

/** Han ideographs (BMP + extension A) and the 〇 numeral. */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3007';
/** Chinese full-width punctuation and brackets as printed in the papers. */
export const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2014\\u2015\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7\\u2022\\u25b2\\u25b3\\u2460-\\u24ff';
export const WIDE = `${HAN}${CJK_PUNCT}\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a`;

const HAN_ONE = new RegExp(`[${HAN}]`, 'u');
export const isHan = (c: string): boolean => HAN_ONE.test(c);
const WIDE_RE = new RegExp(`[${WIDE}\\u2e80-\\u2fdf\\u3100-\\u33ff\\ufe30-\\ufe4f]`);
export const isWide = (c: string): boolean => WIDE_RE.test(c);

/**
 * Printed width in em: a Han character is 1, punctuation, digits and Latin letters are
 * 0.5 (newspaper setting compresses CJK punctuation, so a full column line holds a
 * varying number of characters but a steady number of ems).
 */
export function displayWidth(s: string): number {
  // by code unit (HAN is BMP only); a surrogate pair counts as one character, not Han
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007) w += 1;
    else if (c === 0x20) continue;
    else {
      w += 0.5;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
  }
  return w;
}

/**
 * A line's width counting every full-width mark (`，` `“` `、`) as one cell, as the page prints it;
 * displayWidth counts it half, as a half-width mark (paragraphs.ts reads both).
 */
export function cellWidth(text: string): number {
  let w = 0;
  for (const c of text.replace(/\s+/gu, '')) w += /[\u3000-\u303f\uff01-\uff5e\u2018-\u201d\u2014\u2026]/u.test(c) ? 1 : displayWidth(c);
  return w;
}

const CLOSER_OR_SPACE = /[”’」』）)】\]》\s]/u;
const SPACE = /\s/u;

/** The position after the last character of s that is not in `skip` (0 when there is none). */
function endBefore(s: string, skip: RegExp): number {
  let end = s.length;
  while (end > 0 && skip.test(s[end - 1])) end--;
  return end;
}

/**
 * Sentence-final punctuation, seen through closing quotes and brackets. Reads the end of the
 * text only: called on paragraphs as they grow, an end-anchored pattern would rescan them.
 */
export function endsSentence(s: string): boolean {
  const t = endBefore(s, CLOSER_OR_SPACE);
  // `……` made half-width (NFKC) is `......`: three dots or more end a sentence, one does not (`1.5`)
  if (t > 0 && (/[。！？!?…；;]/u.test(s[t - 1]) || (t >= 3 && s.slice(t - 3, t) === '...'))) return true;
  const e = endBefore(s, SPACE);
  return e > 0 && /[”」』]/u.test(s[e - 1]) && /[。！？!?…]|\.\.\./u.test(s.slice(-5));
}

/**
 * A display line that ends a phrase (a pause, a sentence's end, a closing quote or bracket, a dash):
 * nothing of its head runs on after it, where a line ending in a word may still be cut.
 */
export function endsPhrase(s: string): boolean {
  return /[，,、；;。！？!?”」』）)—]$/u.test(s);
}

/** Text left mid-sentence: no sentence end, and no colon that opens what follows on a line of its own. */
export function leftOpen(s: string): boolean {
  return !endsSentence(s) && !/[：:]$/u.test(s);
}

/** Brackets and quotes that come in pairs, opening mark first. */
export const BRACKET_PAIRS: readonly [string, string][] = [['“', '”'], ['（', '）'], ['(', ')'], ['《', '》'], ['「', '」']];

/** Does every pair of marks in the text nest: none closed before it opened, none left open? */
export function bracketsBalanced(t: string): boolean {
  return BRACKET_PAIRS.every(([open, close]) => {
    let depth = 0;
    for (const ch of t) {
      if (ch === open) depth++;
      else if (ch === close && --depth < 0) return false;
    }
    return depth === 0;
  });
}
