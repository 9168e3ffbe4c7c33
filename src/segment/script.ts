/**
 * Text in traditional characters (a Hong Kong or Taiwan paper, an old paper keyed as printed), read
 * through a simplified shadow. Every rule of the segmenter reads simplified text: its role words
 * (`记者`, `通讯员`, `摄`), datelines (`本报讯`), nodejieba's dictionary and its topic words. Read as
 * printed, the sample in traditional characters (`sample/traditional` in `npm run eval`) kept 0.63
 * of its article boundaries and 0.52 of its authors. So a file whose Han characters are traditional
 * is segmented as its shadow, the same text character for character in simplified characters and
 * with its corner quotes (`「」『』`) as the quotes the rules know, and every string of the result is
 * given back in the file's own characters (`Shadow.back`): nothing the reader sees is converted.
 *
 * The shadow changes no character's place: each character is converted alone (opencc-js, Taiwan →
 * mainland, as the search page's converter), never a phrase into one of another length, so the
 * shadow's n-th character stands where the file's n-th does.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { TRADITIONAL_MIN_SHARE } from './thresholds.ts';

/** The corner quotes of traditional typesetting, as the quotes the rules read. */
const CORNER_QUOTES: Readonly<Record<string, string>> = { '「': '“', '」': '”', '『': '‘', '』': '’', '﹁': '“', '﹂': '”', '﹃': '‘', '﹄': '’' };

let convertChar: ((c: string) => string) | undefined;

/** One character in simplified characters (itself when it has no other form). */
function simplified(c: string): string {
  if (CORNER_QUOTES[c] !== undefined) return CORNER_QUOTES[c];
  const convert = (convertChar ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  const s = convert(c);
  return [...s].length === 1 ? s : c;
}

export interface Shadow {
  /** The file's text in simplified characters, each where the file has its own. */
  text: string;
  /** A string made of the shadow's text, in the file's own characters again. */
  back(s: string): string;
}

const HAN = /\p{Script=Han}/u;

/** Characters read either side of a character with two originals to find where it stands. */
const BACK_RUN_CHARS = 8;

/** What each BMP code unit's character does in simplified characters: 0 not yet asked, 1 stays, 2 changes. */
const changes = new Uint8Array(0x10000);

/**
 * Are at least TRADITIONAL_MIN_SHARE of the text's Han characters (the BMP's unified ideographs
 * and their extension A) traditional? One pass over the code units, each character asked once a
 * process: a file of 50 MiB in simplified characters is read only this once more.
 */
function traditional(text: string): boolean {
  let han = 0;
  let changed = 0;
  for (let k = 0; k < text.length; k++) {
    const u = text.charCodeAt(k);
    if (!((u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf))) continue;
    han++;
    if (changes[u] === 0) changes[u] = simplified(text[k]!) === text[k] ? 1 : 2;
    if (changes[u] === 2) changed++;
  }
  return han > 0 && changed >= han * TRADITIONAL_MIN_SHARE;
}

/**
 * The simplified shadow of a text whose Han characters are traditional (at least
 * TRADITIONAL_MIN_SHARE of them change), or undefined: a file in simplified characters is read as it is.
 */
export function simplifiedShadow(text: string): Shadow | undefined {
  if (!traditional(text)) return undefined;
  const table = new Map<string, string>();
  const chars = [...text];
  const shadow = chars.map((c) => {
    let s = table.get(c);
    if (s === undefined) table.set(c, (s = HAN.test(c) || CORNER_QUOTES[c] !== undefined ? simplified(c) : c));
    return s;
  });
  // the file without white space, character for character beside its shadow: what the segmenter
  // gives is the shadow's characters with spaces and line ends taken out or put in
  const keep = (c: string) => !/\s/u.test(c);
  const original = chars.filter(keep);
  const flat = shadow.filter(keep);
  const flatText = flat.join('');
  // each shadow character's one original in this file, where it has only one (most: 發 alone
  // becomes 发); a character two originals became (后 from 後 and 后) is read where it stands
  const only = new Map<string, string | null>();
  flat.forEach((s, k) => {
    const o = original[k]!;
    const seen = only.get(s);
    if (seen === undefined) only.set(s, o);
    else if (seen !== null && seen !== o) only.set(s, null);
  });
  // UTF-16 offset in flatText → index in flat (a character beyond the BMP takes two units)
  const indexAt = new Map<number, number>();
  let offset = 0;
  flat.forEach((s, k) => {
    indexAt.set(offset, k);
    offset += s.length;
  });
  let hint = 0;
  /** Where `run` (no white space) stands in the shadow, nearest after the last run found first. */
  const find = (run: string): number => {
    const after = flatText.indexOf(run, hint);
    return after >= 0 ? after : flatText.indexOf(run);
  };
  const back = (s: string): string => {
    // (the runs are read in the shadow's characters, `src`; `out` takes the originals)
    const src = [...s];
    const out = [...src];
    let k = 0;
    while (k < src.length) {
      if (!keep(src[k]!) || only.get(src[k]!) !== null) {
        const o = only.get(src[k]!);
        if (typeof o === 'string') out[k] = o;
        k++;
        continue;
      }
      // a character with two originals: the run of text around it, found in the shadow, says which
      let start = k;
      while (start > 0 && keep(src[start - 1]!) && k - start < BACK_RUN_CHARS) start--;
      let end = k + 1;
      while (end < src.length && keep(src[end]!) && end - k < BACK_RUN_CHARS) end++;
      let [lo, hi] = [start, end];
      while (lo <= k && hi > k) {
        const p = find(src.slice(lo, hi).join(''));
        if (p >= 0) {
          out[k] = original[indexAt.get(p)! + (k - lo)]!;
          hint = p;
          break;
        }
        // a shorter run: the longer side first
        if (k - lo >= hi - k - 1 && lo < k) lo++;
        else if (hi > k + 1) hi--;
        else break;
      }
      k++;
    }
    return out.join('');
  };
  return { text: shadow.join(''), back };
}
