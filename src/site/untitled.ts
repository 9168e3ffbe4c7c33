/**
 * What an article the page prints without a headline is called. A photo item (`摄影报道`, or
 * credited to photographers only) is a 图片新闻; any other is 无题. Either way its title is
 * supplied from the first sentence of its text, and is shown as supplied — marked, never passed
 * off as the headline: the site's pages grey it behind its mark, plain text (page titles, the
 * feed, search records) puts the mark in brackets before it, and a citation puts the supplied
 * title itself in brackets, as GB/T 7714 does with anything the source does not print.
 *
 * One function for every place that names an article (entities.ts keeps the result on each
 * article; src/search/records.ts takes it from there), so all of them say the same.
 */

export type TitleMark = '无题' | '图片新闻';

export interface SuppliedTitle {
  mark: TitleMark;
  /** The first sentence of the text, cut at a clause when long (with … when cut). */
  text: string;
}

/** Longest supplied title, in characters: a headline's length, not a lead's. */
export const SUPPLIED_MAX = 24;
/** A cut at a clause mark is taken only if it keeps at least this many characters. */
const CLAUSE_MIN = 8;

/** The first sentence of `text`, cut at the last clause mark (，、；：) within SUPPLIED_MAX characters when longer. */
export function firstSentence(text: string, max = SUPPLIED_MAX): string {
  // a dateline's date leads many a photo caption (6月25日，浏阳经开区…): the title starts after it
  const chars = Array.from(text.trim().replace(/^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚|早)?[，,]\s*/u, ''));
  const end = chars.findIndex((c) => /[。！？!?]/u.test(c));
  const sentence = end >= 0 ? chars.slice(0, end) : chars;
  if (sentence.length <= max) return sentence.join('');
  let cut = -1;
  for (let i = Math.min(max, sentence.length - 1); i >= CLAUSE_MIN; i--) {
    if (/[，、；：,;:]/u.test(sentence[i])) {
      cut = i;
      break;
    }
  }
  return `${sentence.slice(0, cut >= 0 ? cut : max).join('')}…`;
}

/** A credit line that says the item is pictures: `摄影报道`, `图片报道`, `图片新闻`. */
const PHOTO_BYLINE = /摄影报道|图片报道|图片新闻/u;

/**
 * The supplied title of an article without a headline (null when it has one). `lead` is its first
 * paragraph (or, lacking one, its first caption).
 */
export function suppliedTitle(a: {
  title: string;
  lead: string;
  bylines: string[];
  authors: string[];
  photographers: string[];
}): SuppliedTitle | null {
  if (a.title.trim() !== '') return null;
  const photo = a.bylines.some((b) => PHOTO_BYLINE.test(b)) || (a.photographers.length > 0 && a.authors.length === 0);
  return { mark: photo ? '图片新闻' : '无题', text: firstSentence(a.lead) };
}

/** As plain text: `[无题] 今年以来，东安县公安局…` (the headline itself when there is one). */
export function plainTitle(title: string, supplied: SuppliedTitle | null): string {
  if (!supplied) return title;
  return supplied.text ? `[${supplied.mark}] ${supplied.text}` : `[${supplied.mark}]`;
}

/** In a citation: `[今年以来，东安县公安局…]`, `[图片新闻：6月25日，浏阳经开区…]` — supplied text in brackets. */
export function citedTitle(title: string, supplied: SuppliedTitle | null): string {
  if (!supplied) return title;
  const text = supplied.mark === '图片新闻' ? [supplied.mark, supplied.text].filter(Boolean).join('：') : supplied.text || supplied.mark;
  return `[${text}]`;
}
