/**
 * The query set of `npm run search-eval`, generated from the archive itself, and the truth for
 * each query. Pure: the segmenter (nodejieba) and the traditional converter (opencc-js) are
 * passed in.
 *
 * Kinds of query:
 *   word         a dictionary word (jieba over the bodies)
 *   substring    2–4 Han characters from the text that are not one word: they cross a boundary
 *   name         a person credited in the front matter
 *   traditional  a word, substring or name written in traditional characters
 *   absent       2–3 characters that all occur in the archive but never together ("never together")
 */
import { normalizeForMatch } from '../text.ts';
import { prng } from '../../util/prng.ts';

export type QueryKind = 'word' | 'substring' | 'name' | 'traditional' | 'absent';
export const QUERY_KINDS: readonly QueryKind[] = ['word', 'substring', 'name', 'traditional', 'absent'];

/** An article as the evaluation sees it: every searchable field, as plain text. */
export interface EvalArticle {
  url: string;
  title: string;
  /** Headline, kicker and subtitle. */
  headline: string[];
  /** Body paragraphs and subheads, captions and caption credits. */
  text: string[];
  /** Credited people. */
  names: string[];
}

export interface EvalQuery {
  q: string;
  kind: QueryKind;
  /** For a traditional query: the simplified string it was made from. */
  from?: string;
}

export interface GenerateOptions {
  /** Queries per kind (fewer when the archive does not have that many). */
  perKind: number;
  seed: number;
  /** nodejieba.cut */
  cut: (text: string) => string[];
  /** Simplified → traditional (opencc-js cn → tw). */
  toTraditional: (s: string) => string;
  /** Traditional → simplified (opencc-js tw → cn), as the search page converts queries. */
  toSimplified: (s: string) => string;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const ALL_HAN = /^\p{Script=Han}+$/u;

/** The seeded generator the evaluation draws from (src/util/prng.ts). */
export const rng = prng;

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/** `n` distinct items drawn without replacement (in draw order). */
function sample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
}

export const articleFields = (a: EvalArticle): string[] => [...a.headline, ...a.text, ...a.names];

/** Normalized fields of every article, for the truth. */
export interface Corpus {
  articles: EvalArticle[];
  normalized: string[][];
}

export function corpus(articles: EvalArticle[]): Corpus {
  return { articles, normalized: articles.map((a) => articleFields(a).map(normalizeForMatch)) };
}

/**
 * The articles that contain the query: some field (headline, text, names) contains the string
 * as typed or as converted to simplified characters, under the matching rule of
 * src/search/text.ts (whitespace touching a Han character does not count, letters ignore case).
 */
export function truth(c: Corpus, q: string, toSimplified: (s: string) => string): Set<string> {
  const forms = [...new Set([q, toSimplified(q)].map(normalizeForMatch).filter(Boolean))];
  const out = new Set<string>();
  c.articles.forEach((a, i) => {
    if (c.normalized[i].some((f) => forms.some((q) => f.includes(q)))) out.add(a.url);
  });
  return out;
}

/** Generate the query set: `perKind` queries of each kind, deterministic for a seed. */
export function generateQueries(articles: EvalArticle[], opts: GenerateOptions): EvalQuery[] {
  const random = rng(opts.seed);
  const c = corpus(articles);
  const seen = new Set<string>();
  const out: EvalQuery[] = [];
  const add = (q: EvalQuery) => {
    if (seen.has(q.q)) return false;
    seen.add(q.q);
    out.push(q);
    return true;
  };

  // Words: jieba over the text fields; half drawn among distinct words, half by frequency.
  const tokens: string[] = [];
  const boundaries: { run: string; cuts: Set<number> }[] = [];
  for (const a of articles) {
    for (const field of a.text) {
      for (const m of field.matchAll(HAN_RUN)) {
        const words = opts.cut(m[0]);
        const cuts = new Set<number>();
        let at = 0;
        for (const w of words) {
          at += w.length;
          cuts.add(at);
          if (w.length >= 2 && ALL_HAN.test(w)) tokens.push(w);
        }
        if (m[0].length >= 2) boundaries.push({ run: m[0], cuts });
      }
    }
  }
  const distinct = [...new Set(tokens)].sort();
  let words = 0;
  for (const w of sample(distinct, Math.ceil(opts.perKind / 2), random)) if (add({ q: w, kind: 'word' })) words++;
  for (let tries = 0; words < opts.perKind && tries < opts.perKind * 50 && tokens.length; tries++) {
    if (add({ q: pick(tokens, random), kind: 'word' })) words++;
  }

  // Substrings of 2–4 characters with a word boundary strictly inside: "援站" of 救援|站.
  let subs = 0;
  const runs = boundaries.filter((b) => b.run.length >= 3);
  for (let tries = 0; subs < opts.perKind && tries < opts.perKind * 200 && runs.length; tries++) {
    const { run, cuts } = pick(runs, random);
    const len = 2 + Math.floor(random() * 3);
    if (run.length < len) continue;
    const start = Math.floor(random() * (run.length - len + 1));
    let crosses = false;
    for (let k = start + 1; k < start + len; k++) if (cuts.has(k)) crosses = true;
    if (!crosses) continue;
    if (add({ q: run.slice(start, start + len), kind: 'substring' })) subs++;
  }

  // Names from the front matter.
  const names = [...new Set(articles.flatMap((a) => a.names))].filter((n) => n.length >= 2).sort();
  for (const n of sample(names, opts.perKind, random)) add({ q: n, kind: 'name' });

  // Traditional forms of words, substrings and names already chosen, where they differ.
  const simplified = out.filter((q) => q.kind !== 'absent');
  let trad = 0;
  for (const q of sample(simplified, simplified.length, random)) {
    if (trad >= opts.perKind) break;
    const t = opts.toTraditional(q.q);
    if (t !== q.q && add({ q: t, kind: 'traditional', from: q.q })) trad++;
  }

  // Never together: characters drawn by their frequency in the archive, joined into a string
  // that no article contains.
  const chars: string[] = [];
  for (const a of articles) for (const f of articleFields(a)) for (const m of f.matchAll(/\p{Script=Han}/gu)) chars.push(m[0]);
  let absent = 0;
  for (let tries = 0; absent < opts.perKind && tries < opts.perKind * 200 && chars.length; tries++) {
    const len = random() < 0.6 ? 2 : 3;
    let s = '';
    for (let k = 0; k < len; k++) s += pick(chars, random);
    if (truth(c, s, opts.toSimplified).size) continue;
    if (add({ q: s, kind: 'absent' })) absent++;
  }
  return out;
}
