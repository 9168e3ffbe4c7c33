import nodejieba from 'nodejieba';
import type { Article } from './types.ts';
import { forgetIdf, idf } from './rules/topic.ts';
import { GUESSED_MIN_COUNT, KEYWORD_CANDIDATES, KEYWORDS_MAX, KEYWORDS_MIN, LEXICON_MAX_CHARS, LEXICON_MIN_CHARS, LEXICON_MIN_COUNT } from './thresholds.ts';

/** Function words and newspaper boilerplate that say nothing about a story's topic. */
const STOP = new Set(
  '我们 他们 一个 没有 进行 开展 工作 通过 实现 推进 推动 加强 全面 今年 近年来 目前 同时 以来 相关 有关 这个 这些 那些 已经 就是 还是 不断 积极 进一步 记者 通讯员 日报 客户端 表示 介绍 提供 成为 发展 建设 问题 方面 情况 其中 一些 可以 能够 以及 以上 以下 为了 因为 所以 但是 如果 这样 怎么 什么 自己 大家 一起 更加 主要 重要 表示 要求 部分 全市 全省 全县 全区 共计 累计 项目 活动 服务 工作'.split(' '),
);

/** What one text says of each candidate name: how often it is printed, and how often cut whole. */
export type LexiconTally = Record<string, [n: number, whole: number]>;

/** A candidate name: a place or organisation suffix after two to six characters, not before 的. */
const CANDIDATE = /[\u4e00-\u9fff]{2,6}?(?:省|市|县|区|镇|乡|村|街道|社区|公司|集团|学院|大学|学校|医院|中心|协会)(?![\u4e00-\u9fff]{0,0}[的])/gu;

/**
 * One text's tally of candidate names (learnLexicon's first stage, a function of the text alone,
 * so a build keeps it per raw file between runs: src/build/segment-run.ts). Cut with nodejieba's
 * own dictionary, whatever this process taught it before.
 */
export function lexiconTally(text: string): LexiconTally {
  teach([]);
  const out: LexiconTally = {};
  for (const m of text.matchAll(CANDIDATE)) {
    const t = (out[m[0]] ??= [0, 0]);
    t[0]++;
    if (cutAtEdges(text, m.index, m[0].length)) t[1]++;
  }
  return out;
}

/**
 * The lexicon the tallies of an archive's texts make (learnLexicon's second stage): names printed
 * often enough, mostly as a unit of their own, and read as a name (`isName`, nodejieba's tags by
 * default; a build passes them memoised between runs).
 */
export function lexiconOf(tallies: readonly LexiconTally[], isName: (word: string) => boolean = namelike): string[] {
  const found = new Map<string, { n: number; whole: number }>();
  for (const t of tallies) {
    for (const [w, [n, whole]] of Object.entries(t)) {
      const f = found.get(w) ?? { n: 0, whole: 0 };
      f.n += n;
      f.whole += whole;
      found.set(w, f);
    }
  }
  return [...found]
    .filter(
      ([w, { n, whole }]) =>
        n >= LEXICON_MIN_COUNT &&
        w.length >= LEXICON_MIN_CHARS &&
        w.length <= LEXICON_MAX_CHARS &&
        !/^(该|全|本|各|我|在|与|和|到|对|为|从|由|将)/u.test(w) &&
        // mostly printed as a unit of its own (服务区 of 服务区域 is not), and read as a name
        whole * 2 >= n &&
        isName(w),
    )
    .map(([w]) => w)
    .sort();
}

/**
 * Names of places and organisations the archive itself teaches (`芦淞区`, `株洲市`,
 * `中车株机`-style names ending in a place or organisation suffix): added to nodejieba's
 * dictionary so keywords keep them whole.
 */
export function learnLexicon(texts: string[]): string[] {
  return lexiconOf(texts.map(lexiconTally));
}

const NAME_SUFFIX = /(?:省|市|县|区|镇|乡|村|街道|社区|公司|集团|学院|大学|学校|医院|中心|协会)$/u;

/**
 * Whether the part before the suffix reads as a name, as nodejieba tags it: no verb in it
 * (人才跟着|市场, 打造战|区, 群众跨|省), and not led by a numeral (多名|村干部) or by a lone
 * measure word, adverb, preposition or pronoun (个|乡镇, 先|高标准实现县域).
 */
export function namelike(word: string): boolean {
  teach([]);
  const tags = nodejieba.tag(word.replace(NAME_SUFFIX, ''));
  if (tags.length === 0) return false;
  if (tags.some((t) => t.tag === 'v')) return false;
  const first = tags[0];
  return first.tag !== 'm' && !([...first.word].length === 1 && /^(q|d|p|c|r|u)$/u.test(first.tag));
}

/**
 * Whether nodejieba, cutting the text around `text[at, at + length)` with its own dictionary,
 * starts a word where it starts and ends one where it ends: `株洲市|委` does, `多名|村干部` does not.
 */
function cutAtEdges(text: string, at: number, length: number): boolean {
  const from = Math.max(0, at - 6);
  let pos = from;
  const edges = new Set([from]);
  for (const w of nodejieba.cut(text.slice(from, Math.min(text.length, at + length + 6)))) edges.add((pos += w.length));
  return edges.has(at) && edges.has(at + length);
}

/** Loads nodejieba's dictionaries now rather than at the first word cut (a second or so). */
export function loadDictionary(): void {
  nodejieba.cut('词典');
}

/** The words taught since nodejieba's dictionaries were loaded (a copy): none yet. */
let taught: string[] = [];
/**
 * Makes nodejieba's dictionary its own words plus exactly `lexicon`, whatever this process
 * taught before: insertWord() is process-wide and cannot be undone, so a different lexicon
 * reloads the dictionaries first (a second or so; a build teaches one lexicon, once). What is
 * memoised about words (parts of speech here, IDF weights in rules/topic.ts) is dropped with it.
 */
export function teach(lexicon: string[]): void {
  // compared word by word (every file of a run passes the same list: the same strings, compared at once)
  if (taught.length === lexicon.length && taught.every((w, i) => w === lexicon[i])) return;
  if (taught.length > 0) nodejieba.load();
  for (const w of lexicon) nodejieba.insertWord(w);
  taught = [...lexicon];
  tagOf.clear();
  forgetIdf();
}

/** Part of speech of a word nodejieba keeps whole, else null; memoised until the dictionary changes. */
const tagOf = new Map<string, string | null>();
function singleTag(word: string): string | null {
  let tag = tagOf.get(word);
  if (tag === undefined) {
    const tags = nodejieba.tag(word);
    tag = tags.length === 1 ? tags[0].tag : null;
    if (tagOf.size > 100_000) tagOf.clear();
    tagOf.set(word, tag);
  }
  return tag;
}

/**
 * Parts of speech that name a topic: nouns, places, organisations, names, verbal nouns,
 * abbreviations and idioms. Unknown words (`x`, `nr` guessed by the HMM, e.g. `占地约`) count
 * only when the text repeats them.
 */
const TOPIC_TAGS = /^(n|ns|nt|nz|vn|j|l|i|eng)$/u;
const GUESSED_TAGS = /^(x|nr|nrt)$/u;

function count(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

/** Administrative suffixes a place is printed with or without (株洲/株洲市, 凤凰/凤凰县, 芦淞/芦淞区). */
export const PLACE_SUFFIX = /^(.{2,})(?:省|市|县|区)$/u;

/**
 * 5–8 TF-IDF keywords: no stop words, no single characters, no numbers; ties broken by the word.
 * Each is a word of the text that nodejieba's dictionary cut keeps whole (without its guesses,
 * which make `于民` of 问策于民 and `社局` of 人社局); the names the archive taught (learnLexicon)
 * are words of that dictionary.
 * A place and its administrative form count once, as the administrative form (株洲市, not also 株洲).
 */
export function keywordsOf(article: Pick<Article, 'title' | 'subtitle' | 'body'>): string[] {
  const text = [article.title, article.title, article.subtitle ?? '', ...article.body.map((b) => b.text)].join('\n');
  // TF-IDF over the dictionary's cut (term frequency × nodejieba's IDF, as its extractor weighs),
  // without the extractor's second cut with the HMM on: the HMM's guesses were thrown away anyway
  const tf = new Map<string, number>();
  for (const w of nodejieba.cut(text, false)) if ([...w].length >= 2 && /^[\u4e00-\u9fffA-Za-z]+$/u.test(w) && !STOP.has(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
  const extracted = [...tf]
    .map(([word, n]) => ({ word, weight: n * idf(word) }))
    .filter((k) => k.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1))
    .slice(0, KEYWORD_CANDIDATES);
  // 株洲 and 株洲市 both ranked: one keyword, the administrative form, with the better weight
  const byWord = new Map(extracted.map((k) => [k.word, k]));
  const ranked = extracted
    .filter((k) => !['省', '市', '县', '区'].some((s) => byWord.has(k.word + s)))
    .map((k) => {
      const bare = PLACE_SUFFIX.exec(k.word)?.[1];
      const other = bare ? byWord.get(bare) : undefined;
      return other && other.weight > k.weight ? { word: k.word, weight: other.weight } : k;
    })
    .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1));
  const topical = ranked.filter((k) => {
    const tag = singleTag(k.word);
    if (tag === null) return false;
    return TOPIC_TAGS.test(tag) || (GUESSED_TAGS.test(tag) && count(text, k.word) >= GUESSED_MIN_COUNT);
  });
  const chosen = topical.slice(0, KEYWORDS_MAX);
  // a short story may have fewer than five topic words: fill from the rest of the ranking
  for (const k of ranked) {
    if (chosen.length >= KEYWORDS_MIN) break;
    if (!chosen.includes(k)) chosen.push(k);
  }
  return chosen.map((k) => k.word);
}
