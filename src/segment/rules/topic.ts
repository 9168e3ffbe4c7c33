import nodejieba from 'nodejieba';
import { CONTENT_WORD_MIN_IDF } from '../thresholds.ts';

/**
 * Topic overlap between display type and running text, with nodejieba's words weighted by
 * IDF. Used where layout alone cannot tell: which of several grouped headlines belongs to
 * which body, whether a `##` line is a subhead or a new story.
 */
const idfCache = new Map<string, number>();

/** Drops the memoised IDF weights: they depend on nodejieba's dictionary (keywords.ts teach() calls this when it changes). */
export function forgetIdf(): void {
  idfCache.clear();
}

/**
 * nodejieba's IDF weight of a word (its keyword extractor's table; 0 for a word it would never
 * rank: one character, or one of its stop words), memoised until the dictionary changes.
 */
export function idf(word: string): number {
  let v = idfCache.get(word);
  if (v === undefined) {
    const r = nodejieba.extract(word, 1);
    v = r.length > 0 && r[0].word === word ? r[0].weight : 0;
    idfCache.set(word, v);
  }
  return v;
}

/** Content words of a text: two characters or more, not a number, with IDF weight. */
export function contentWords(text: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const w of nodejieba.cut(text)) {
    if ([...w].length < 2 || !/[\u4e00-\u9fff]/u.test(w)) continue;
    const weight = idf(w);
    if (weight > CONTENT_WORD_MIN_IDF) words.set(w, weight);
  }
  return words;
}

/** Share of the headline's word weight that occurs in the text (0–1). */
export function affinity(headWords: Map<string, number>, text: string): number {
  let total = 0;
  let found = 0;
  for (const [w, weight] of headWords) {
    total += weight;
    if (text.includes(w)) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

/**
 * Share of the headline's word weight in a part of a text, each word counted by the share of its
 * uses in the whole text that fall in the part (0–1): `inPart` and `inWhole` give each word's
 * count (wordCounts). Where affinity asks only whether a word is there, this asks how much of its
 * use is: a place name a story says in every paragraph leans to no cut of it.
 */
export function shareAffinity(headWords: Map<string, number>, inPart: ReadonlyMap<string, number>, inWhole: ReadonlyMap<string, number>): number {
  let total = 0;
  let found = 0;
  for (const [w, weight] of headWords) {
    total += weight;
    const all = inWhole.get(w) ?? 0;
    if (all > 0) found += (weight * (inPart.get(w) ?? 0)) / all;
  }
  return total === 0 ? 0 : found / total;
}

/** How many times each word occurs in `text`, without overlaps (a word of no characters: none). */
export function wordCounts(words: Iterable<string>, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) {
    let n = 0;
    if (w !== '') for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) n++;
    counts.set(w, n);
  }
  return counts;
}

/** Weighted overlap of two texts' vocabularies (0–1): are they about the same thing? */
export function similarity(a: string, b: string): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  let shared = 0;
  let total = 0;
  for (const [w, weight] of wa) {
    total += weight;
    if (wb.has(w)) shared += weight;
  }
  for (const [w, weight] of wb) {
    total += weight;
    if (wa.has(w)) shared += weight;
  }
  return total === 0 ? 0 : shared / total;
}
