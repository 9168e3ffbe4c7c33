import { HAN, CJK_PUNCT, WIDE } from './chars.ts';
import { SPACED_OUT_GAPS_PER_SOLID, SPACED_OUT_MIN_GAPS } from '../thresholds.ts';

/**
 * Justified PDF lines come out as `发 布 信 息`: a space between almost every pair of
 * CJK characters. Such a line is "spaced out" and every space in it is an artefact.
 */
const GAP = new RegExp(`[${WIDE}] (?=[${WIDE}])`, 'gu');
const ADJACENT = new RegExp(`[${WIDE}](?=[${WIDE}])`, 'gu');

/** isWide(c) of chars.ts minus the extra ranges: the class WIDE, by code unit (it holds BMP ranges only). */
function inWide(c: number): boolean {
  if (c < 0x2014) return c === 0x00b7;
  if (c >= 0x4e00) return c <= 0x9fff || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff01 && c <= 0xff65);
  if (c >= 0x3400) return c <= 0x4dbf;
  if (c >= 0x3000) return c <= 0x303f;
  if (c >= 0x2460) return c <= 0x24ff || c === 0x25b2 || c === 0x25b3;
  return c === 0x2014 || c === 0x2015 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2026 || c === 0x2022;
}

/**
 * Counts of `GAP` and `ADJACENT` matches in t, in one pass over its code units (the regexes
 * with their large Unicode classes were the segmenter's costliest JavaScript): a GAP is a wide
 * character, one space, a wide character; ADJACENT, two wide characters in a row.
 */
function gapsAndTight(t: string): [number, number] {
  let gaps = 0;
  let tight = 0;
  let prevWide = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const wide = inWide(c);
    if (wide && prevWide) tight++;
    else if (wide && i >= 2 && t.charCodeAt(i - 1) === 0x20 && inWide(t.charCodeAt(i - 2))) gaps++;
    prevWide = wide;
  }
  return [gaps, tight];
}

export function isSpacedOut(line: string): boolean {
  const t = line.trim();
  // no space, no gap: the common case of a line set solid
  if (t.indexOf(' ') < 0) return false;
  const [gaps, tight] = gapsAndTight(t);
  return gaps >= SPACED_OUT_MIN_GAPS && gaps >= tight * SPACED_OUT_GAPS_PER_SOLID;
}

/** The regex form of isSpacedOut(), kept as the reference for tests. */
export function isSpacedOutByRegex(line: string): boolean {
  const t = line.trim();
  const gaps = (t.match(GAP) ?? []).length;
  const tight = (t.match(ADJACENT) ?? []).length;
  return gaps >= SPACED_OUT_MIN_GAPS && gaps >= tight * SPACED_OUT_GAPS_PER_SOLID;
}

const ANY_SPACE = /\s/u;
const WIDE_SPACE_WIDE = new RegExp(`([${WIDE}]) +(?=[${WIDE}])`, 'gu');
const PUNCT_SPACE = new RegExp(`([${CJK_PUNCT}]) +`, 'gu');
const SPACE_PUNCT = new RegExp(` +(?=[${CJK_PUNCT}])`, 'gu');
/** Separating punctuation: a space beside it never means anything. Quotes and brackets may close a headline part. */
const SEP_SPACE = / *([，。、；：？！,;:?!·]) */gu;
const HAN_SPACE_ASCII = new RegExp(`([${HAN}]) +(?=[0-9A-Za-z%(\\[.])`, 'gu');
const ASCII_SPACE_HAN = new RegExp(`([0-9A-Za-z%).\\]]) +(?=[${HAN}])`, 'gu');
/** A numbered subhead keeps the space after its number: `1 抓住关键 改革有力度`. */
const LIST_NUMBER = new RegExp(`^(\\d{1,2}) (?=[${HAN}])(?![年月日时分个名家项条次件人元亩户万亿倍岁天周])`, 'u');

export interface SpacingOptions {
  /** Keep single spaces between CJK runs (headline parts `芦淞区:打好助企“组合拳” 梧桐枝茂产业兴`, name lists). */
  keepWordSpaces: boolean;
}

/**
 * Removes the spaces that text extraction inserted (between CJK characters, around CJK
 * punctuation, between CJK and digits as in `2020 年`) and keeps the ones with meaning:
 * between Latin words, inside codes such as `T/CCPITCUDC-001-2020`.
 */
export function repairSpacing(line: string, opts: SpacingOptions): string {
  // every rule below removes or keeps whitespace: a line without any is returned as it is
  if (!ANY_SPACE.test(line)) return line;
  let s = line.replace(/\s+/gu, ' ').trim();
  const spaced = isSpacedOut(s);
  const numbered = LIST_NUMBER.exec(s);
  if (numbered) s = s.slice(numbered[0].length);
  s = spaced || !opts.keepWordSpaces ? s.replace(PUNCT_SPACE, '$1').replace(SPACE_PUNCT, '') : s.replace(SEP_SPACE, '$1');
  s = s.replace(HAN_SPACE_ASCII, '$1').replace(ASCII_SPACE_HAN, '$1');
  if (spaced || !opts.keepWordSpaces) s = s.replace(WIDE_SPACE_WIDE, '$1');
  if (numbered) s = (opts.keepWordSpaces ? `${numbered[1]} ` : numbered[1]) + s;
  return s;
}

/** Joins two wrapped pieces of one paragraph: no space, except between two Latin words. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  // the last character only: an end-anchored pattern rescans all of `a`, which grows with the block
  if (/[A-Za-z]/.test(a[a.length - 1]) && /^[A-Za-z]/.test(b)) return `${a} ${b}`;
  return a + b;
}
