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
const CORNER_QUOTES: Readonly<Record<string, string>> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

let fromHk: ((c: string) => string) | undefined;
let fromTw: ((c: string) => string) | undefined;

/**
 * One character in simplified characters (itself when it has no other form, or when its other form
 * takes another number of UTF-16 units: the shadow keeps every offset). Hong Kong's variants first
 * (衞, 衹), then Taiwan's.
 */
function simplified(c: string): string {
  if (CORNER_QUOTES[c] !== undefined) return CORNER_QUOTES[c];
  const hk = (fromHk ??= OpenCC.Converter({ from: 'hk', to: 'cn' }))(c);
  const s = hk !== c ? hk : (fromTw ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))(c);
  return s.length === c.length && [...s].length === 1 ? s : c;
}

export interface Shadow {
  /** The file's text in simplified characters, each where the file has its own. */
  text: string;
  /**
   * A string made of the shadow's text, in the file's own characters again; `lines` (first and last
   * line of the file, 1-based) says where it was printed, where a character two originals became is
   * looked for first.
   */
  back(s: string, lines?: readonly [number, number]): string;
}

/** The characters the shadow converts: Han characters and the corner quotes. */
const CONVERTED = /[\p{Script=Han}「」『』]/gu;

/** Characters read either side of a character with two originals to find where it stands. */
const BACK_RUN_CHARS = 8;

/** How far around the last place found a run is looked for first (UTF-16 units). */
const BACK_NEAR_UNITS = 4096;

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
  const shadow = text.replace(CONVERTED, (c) => {
    let s = table.get(c);
    if (s === undefined) table.set(c, (s = simplified(c)));
    return s;
  });
  // the file and its shadow without white space, offset for offset: what the segmenter gives is
  // the shadow's characters with spaces and line ends taken out or put in
  const flat = shadow.replace(/\s/gu, '');
  const original = text.replace(/\s/gu, '');
  // each shadow character's one original in this file, where it has only one (most: 發 alone
  // becomes 发); a character two originals became (后 from 後 and 后) is read where it stands
  const only = new Map<string, string | null>();
  for (const [o, s] of table) {
    if (s === o) continue;
    const seen = only.get(s);
    only.set(s, seen === undefined ? o : seen === o ? o : null);
  }
  // (a shadow character the file also prints as itself: two originals, itself among them)
  for (const s of only.keys()) if (table.get(s) === s || (!table.has(s) && text.includes(s))) only.set(s, null);
  // the offset in `flat` where each line of the file starts (line n at lineStart[n - 1])
  const starts: number[] = [0];
  let units = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[k + 1] === '\n') k++;
      starts.push(units);
    } else if (!/\s/u.test(c)) units++;
  }
  const lineStart = Uint32Array.from(starts);
  let hint = 0;
  /**
   * Where `run` (no white space) stands in `flat` within [from, to): first near the last run found
   * (BACK_NEAR_UNITS either side, forward first); anywhere in [from, to) only when `wide` (a single
   * character), so that runs an extractor's columns cut apart cost a window each, not the file.
   */
  const find = (run: string, from: number, to: number, wide: boolean): number => {
    const near = Math.max(from, Math.min(hint, to));
    const lo = Math.max(from, near - BACK_NEAR_UNITS);
    const window = flat.slice(lo, Math.min(to, near + BACK_NEAR_UNITS));
    const ahead = window.indexOf(run, near - lo);
    if (ahead >= 0) return lo + ahead;
    const behind = window.lastIndexOf(run, near - lo);
    if (behind >= 0) return lo + behind;
    if (!wide) return -1;
    const p = flat.slice(from, to).indexOf(run);
    return p >= 0 ? from + p : -1;
  };
  const back = (s: string, lines?: readonly [number, number]): string => {
    const [from, to] = lines ? [lineStart[Math.max(0, lines[0] - 1)] ?? 0, lineStart[lines[1]] ?? flat.length] : [0, flat.length];
    // (a string of another article starts looking where that article was printed)
    if (hint < from || hint >= to) hint = from;
    // (the runs are read in the shadow's characters, `src`; `out` takes the originals)
    const src = [...s];
    const out = [...src];
    for (let k = 0; k < src.length; k++) {
      const c = src[k]!;
      const o = only.get(c);
      if (o === undefined) continue;
      if (o !== null) {
        out[k] = o;
        continue;
      }
      // a character with two originals: the run of text around it, found where the string was
      // printed, says which; the whole run, then five characters, then the character alone (a run
      // that a line's end cuts, where an extractor sets columns side by side, is found as the
      // character alone, nearest to the last run found: the review's synthetic page of three
      // columns, phrases that all hold such characters drawn at random, 221 of 36,000 characters
      // given back wrong; one-sided runs as well, 302)
      let start = k;
      while (start > 0 && !/\s/u.test(src[start - 1]!) && k - start < BACK_RUN_CHARS) start--;
      let end = k + 1;
      while (end < src.length && !/\s/u.test(src[end]!) && end - k < BACK_RUN_CHARS) end++;
      for (const [lo, hi] of [[start, end], [Math.max(start, k - 2), Math.min(end, k + 3)], [k, k + 1]] as const) {
        const run = src.slice(lo, hi).join('');
        let p = find(run, from, to, hi - lo === 1);
        if (p < 0 && hi - lo === 1) p = find(run, 0, flat.length, true);
        if (p < 0) continue;
        const at = p + src.slice(lo, k).join('').length;
        out[k] = original.slice(at, at + c.length);
        hint = p + run.length;
        break;
      }
    }
    return out.join('');
  };
  return { text: shadow, back };
}
