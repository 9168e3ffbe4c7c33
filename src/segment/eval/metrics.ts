/**
 * Scores of a segmenter's output against hand annotations (tests/gold/*.json).
 * Pure functions over typed trees: no I/O here.
 *
 * All comparisons are made on whitespace-removed text (`squash`), punctuation kept as printed.
 */
import type { Article } from '../types.ts';
import { squash, type GoldArticle, type GoldFile } from './gold.ts';

export { squash };

/** Counts for an F1 over multisets or matches. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Counts for an accuracy or recall. */
export interface Ratio {
  correct: number;
  total: number;
}

export interface BoundaryCounts {
  /** Gold articles found (one-to-one with matched output articles). */
  matched: number;
  gold: number;
  /** Output articles that count for precision: body ≥ MIN_BODY_CHARS, or matched. */
  outputs: number;
}

/** Which output article (index) each gold article was found in, or null. */
export type Matching = (number | null)[];

export interface FileScores {
  file: string;
  boundary: BoundaryCounts;
  headline: Ratio;
  kicker: Ratio;
  subtitle: Ratio;
  authors: Counts;
  photographers: Counts;
  captions: Counts;
  sentences: Ratio;
  breaks: Ratio;
  /** What went wrong, for diagnostics. */
  misses: Miss[];
}

export interface Miss {
  kind: 'article' | 'headline' | 'kicker' | 'subtitle' | 'authors' | 'photographers' | 'caption' | 'sentence' | 'break';
  detail: string;
}

/** The headline figures, each in [0, 1]; NaN when nothing was counted. */
export interface Summary {
  boundaryPrecision: number;
  boundaryRecall: number;
  boundaryF1: number;
  headline: number;
  kicker: number;
  subtitle: number;
  authorF1: number;
  photographerF1: number;
  captionF1: number;
  sentenceRecall: number;
  breakRecall: number;
}

export type SummaryKey = keyof Summary;

/** Targets the team aims for (metrics without a target are informational). */
export const TARGETS: Partial<Record<SummaryKey, number>> = {
  boundaryF1: 0.95,
  headline: 0.9,
  kicker: 0.8,
  subtitle: 0.8,
  authorF1: 0.95,
  captionF1: 0.95,
  sentenceRecall: 0.97,
  breakRecall: 0.95,
};

/** An output article shorter than this (whitespace removed) does not count against precision. */
export const MIN_BODY_CHARS = 20;

/** Whitespace-removed body text of an output article: all body items, in order, concatenated. */
export function bodyText(a: Article): string {
  return a.body.map((b) => squash(b.text)).join('');
}

/** Headline-like fields: whitespace removed, and leading/trailing dashes (—— kicker/subtitle marks) dropped. */
export function normTitle(s: string | undefined): string {
  if (s === undefined) return '';
  return squash(s).replace(/^[—―－\-–~～]+/u, '').replace(/[—―－\-–~～]+$/u, '');
}

/** Caption text: whitespace removed, leading picture pointers (▲ ↑ ◀ …) dropped. */
export function normCaption(s: string): string {
  return squash(s).replace(/^[▲△▼▽◀▶►◄↑↓←→■□◆◇●○]+/u, '');
}

/** Person names: whitespace removed. */
export function normName(s: string): string {
  return squash(s);
}

/**
 * Does this (squashed) body text contain the gold article: start, then end at or after it,
 * and no other gold article's start?
 */
export function containsArticle(body: string, gold: GoldArticle, others: readonly GoldArticle[]): boolean {
  const s = body.indexOf(gold.start);
  if (s === -1) return false;
  if (body.indexOf(gold.end, s) === -1) return false;
  return others.every((o) => o === gold || o.start === '' || !body.includes(o.start));
}

/**
 * One-to-one matching of gold articles to output articles: each gold article takes the first
 * not yet used output article that contains it.
 */
export function matchArticles(gold: readonly GoldArticle[], output: readonly Article[]): Matching {
  const bodies = output.map(bodyText);
  const used = new Set<number>();
  return gold.map((g) => {
    for (let i = 0; i < bodies.length; i++) {
      if (used.has(i)) continue;
      if (containsArticle(bodies[i]!, g, gold)) {
        used.add(i);
        return i;
      }
    }
    return null;
  });
}

/** Multiset overlap of two lists. */
export function multisetCounts(gold: readonly string[], output: readonly string[]): Counts {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  for (const o of output) {
    const n = left.get(o) ?? 0;
    if (n > 0) {
      tp++;
      left.set(o, n - 1);
    }
  }
  return { tp, fp: output.length - tp, fn: gold.length - tp };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function addRatio(a: Ratio, b: Ratio): Ratio {
  return { correct: a.correct + b.correct, total: a.total + b.total };
}

export function f1(c: Counts): number {
  const denom = 2 * c.tp + c.fp + c.fn;
  return denom === 0 ? NaN : (2 * c.tp) / denom;
}

export function ratio(r: Ratio): number {
  return r.total === 0 ? NaN : r.correct / r.total;
}

/**
 * Accuracy of an optional field (kicker, subtitle) over matched articles:
 * correct / (gold articles having one + outputs having one where gold has none).
 */
export function optionalFieldRatio(pairs: readonly { gold?: string; output?: string }[]): Ratio {
  let correct = 0;
  let total = 0;
  for (const p of pairs) {
    const g = normTitle(p.gold);
    const o = normTitle(p.output);
    if (g !== '') {
      total++;
      if (o === g) correct++;
    } else if (o !== '') {
      total++;
    }
  }
  return { correct, total };
}

/** Sentences found whole inside one output paragraph (any body item of any article). */
export function sentenceRecall(sentences: readonly string[], paragraphs: readonly string[]): { ratio: Ratio; missed: string[] } {
  const missed = sentences.filter((s) => !paragraphs.some((p) => p.includes(s)));
  return { ratio: { correct: sentences.length - missed.length, total: sentences.length }, missed };
}

/**
 * A paragraph break is kept when both sides occur in the output paragraphs and no single
 * paragraph holds the first side followed (anywhere later) by the second.
 */
export function breakKept(pair: readonly [string, string], paragraphs: readonly string[]): boolean {
  const [a, b] = pair;
  let foundA = false;
  let foundB = false;
  for (const p of paragraphs) {
    const ia = p.indexOf(a);
    if (ia !== -1) {
      foundA = true;
      if (p.indexOf(b, ia + a.length) !== -1) return false;
    }
    if (p.includes(b)) foundB = true;
  }
  return foundA && foundB;
}

export function breakRecall(pairs: readonly (readonly [string, string])[], paragraphs: readonly string[]): { ratio: Ratio; missed: (readonly [string, string])[] } {
  const missed = pairs.filter((p) => !breakKept(p, paragraphs));
  return { ratio: { correct: pairs.length - missed.length, total: pairs.length }, missed };
}

/** All body items of all output articles, whitespace removed. */
export function outputParagraphs(output: readonly Article[]): string[] {
  return output.flatMap((a) => a.body.map((b) => squash(b.text)));
}

const short = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** How a gold article is named in diagnostics. */
function label(g: GoldArticle): string {
  return g.headline ? short(g.headline) : `(no headline: ${short(g.start, 10)})`;
}

/** Why a gold article was not found: where its start and end went. */
export function whyMissed(g: GoldArticle, golds: readonly GoldArticle[], output: readonly Article[]): string {
  const bodies = output.map(bodyText);
  const name = (i: number) => `#${i} «${short(squash(output[i]!.title), 16)}»`;
  const si = bodies.findIndex((b) => b.includes(g.start));
  const ei = bodies.findIndex((b) => b.includes(g.end));
  if (si === -1 && ei === -1) return 'neither start nor end in any output body';
  if (si === -1) return `start in no output body; end in ${name(ei)}`;
  if (ei === -1) return `start in ${name(si)}; end in no output body`;
  if (si !== ei) return `start in ${name(si)}, end in ${name(ei)}`;
  const other = golds.find((o) => o !== g && o.start !== '' && bodies[si]!.includes(o.start));
  if (other) return `${name(si)} also holds the start of ${label(other)}`;
  return `end before start in ${name(si)}`;
}

/** Score one file's output against its gold annotations. */
export function scoreFile(gold: GoldFile, output: readonly Article[]): FileScores {
  const misses: Miss[] = [];
  const matching = matchArticles(gold.articles, output);
  const matchedOutputs = new Set(matching.filter((m): m is number => m !== null));
  const eligible = output.filter((a, i) => matchedOutputs.has(i) || bodyText(a).length >= MIN_BODY_CHARS).length;
  const boundary: BoundaryCounts = { matched: matchedOutputs.size, gold: gold.articles.length, outputs: eligible };

  const headline: Ratio = { correct: 0, total: 0 };
  const kickerPairs: { gold?: string; output?: string }[] = [];
  const subtitlePairs: { gold?: string; output?: string }[] = [];
  let authors: Counts = { tp: 0, fp: 0, fn: 0 };
  let photographers: Counts = { tp: 0, fp: 0, fn: 0 };

  gold.articles.forEach((g, gi) => {
    const oi = matching[gi];
    if (oi === null || oi === undefined) {
      misses.push({ kind: 'article', detail: `not found: ${label(g)} [${short(g.start, 14)} … ${short(g.end, 14)}] — ${whyMissed(g, gold.articles, output)}` });
      return;
    }
    const o = output[oi]!;
    headline.total++;
    if (normTitle(o.title) === normTitle(g.headline)) headline.correct++;
    else misses.push({ kind: 'headline', detail: `gold ${JSON.stringify(g.headline)} ≠ output ${JSON.stringify(squash(o.title))}` });
    kickerPairs.push({ gold: g.kicker, output: o.kicker });
    if (normTitle(g.kicker) !== normTitle(o.kicker))
      misses.push({ kind: 'kicker', detail: `${label(g)}: gold ${JSON.stringify(g.kicker ?? '')} ≠ output ${JSON.stringify(squash(o.kicker ?? ''))}` });
    subtitlePairs.push({ gold: g.subtitle, output: o.subtitle });
    if (normTitle(g.subtitle) !== normTitle(o.subtitle))
      misses.push({ kind: 'subtitle', detail: `${label(g)}: gold ${JSON.stringify(g.subtitle ?? '')} ≠ output ${JSON.stringify(squash(o.subtitle ?? ''))}` });
    const ga = g.authors.map(normName);
    const oa = o.authors.map(normName);
    const ac = multisetCounts(ga, oa);
    authors = addCounts(authors, ac);
    if (ac.fp || ac.fn) misses.push({ kind: 'authors', detail: `${label(g)}: gold [${ga.join(' ')}] output [${oa.join(' ')}]` });
    const gp = g.photographers.map(normName);
    const op = o.photographers.map(normName);
    const pc = multisetCounts(gp, op);
    photographers = addCounts(photographers, pc);
    if (pc.fp || pc.fn) misses.push({ kind: 'photographers', detail: `${label(g)}: gold [${gp.join(' ')}] output [${op.join(' ')}]` });
  });

  const goldCaps = gold.articles.flatMap((a) => a.captions.map((c) => normCaption(c.text)));
  const outCaps = output.flatMap((a) => a.captions.map((c) => normCaption(c.text)));
  const captions = multisetCounts(goldCaps, outCaps);
  if (captions.fp || captions.fn) {
    const missing = multisetDiff(goldCaps, outCaps);
    const extra = multisetDiff(outCaps, goldCaps);
    for (const c of missing) misses.push({ kind: 'caption', detail: `missing ${JSON.stringify(c)}` });
    for (const c of extra) misses.push({ kind: 'caption', detail: `spurious ${JSON.stringify(short(c, 40))}` });
  }

  const paragraphs = outputParagraphs(output);
  const sent = sentenceRecall(gold.sentences, paragraphs);
  for (const s of sent.missed) misses.push({ kind: 'sentence', detail: short(s, 40) });
  const br = breakRecall(gold.paragraph_breaks, paragraphs);
  for (const [a, b] of br.missed) misses.push({ kind: 'break', detail: `${a} ‖ ${b}` });

  return {
    file: gold.file,
    boundary,
    headline,
    kicker: optionalFieldRatio(kickerPairs),
    subtitle: optionalFieldRatio(subtitlePairs),
    authors,
    photographers,
    captions,
    sentences: sent.ratio,
    breaks: br.ratio,
    misses,
  };
}

/** Items of `a` not matched in `b` (multiset difference). */
export function multisetDiff(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

/** Micro-average several files' counts into one FileScores (misses concatenated). */
export function aggregate(name: string, scores: readonly FileScores[]): FileScores {
  const zeroC: Counts = { tp: 0, fp: 0, fn: 0 };
  const zeroR: Ratio = { correct: 0, total: 0 };
  return scores.reduce<FileScores>(
    (acc, s) => ({
      file: name,
      boundary: {
        matched: acc.boundary.matched + s.boundary.matched,
        gold: acc.boundary.gold + s.boundary.gold,
        outputs: acc.boundary.outputs + s.boundary.outputs,
      },
      headline: addRatio(acc.headline, s.headline),
      kicker: addRatio(acc.kicker, s.kicker),
      subtitle: addRatio(acc.subtitle, s.subtitle),
      authors: addCounts(acc.authors, s.authors),
      photographers: addCounts(acc.photographers, s.photographers),
      captions: addCounts(acc.captions, s.captions),
      sentences: addRatio(acc.sentences, s.sentences),
      breaks: addRatio(acc.breaks, s.breaks),
      misses: [...acc.misses, ...s.misses],
    }),
    {
      file: name,
      boundary: { matched: 0, gold: 0, outputs: 0 },
      headline: zeroR,
      kicker: zeroR,
      subtitle: zeroR,
      authors: zeroC,
      photographers: zeroC,
      captions: zeroC,
      sentences: zeroR,
      breaks: zeroR,
      misses: [],
    },
  );
}

/** The headline figures of a FileScores. */
export function summarize(s: FileScores): Summary {
  const p = s.boundary.outputs === 0 ? NaN : s.boundary.matched / s.boundary.outputs;
  const r = s.boundary.gold === 0 ? NaN : s.boundary.matched / s.boundary.gold;
  const bf = s.boundary.gold + s.boundary.outputs === 0 ? NaN : (2 * s.boundary.matched) / (s.boundary.gold + s.boundary.outputs);
  return {
    boundaryPrecision: p,
    boundaryRecall: r,
    boundaryF1: bf,
    headline: ratio(s.headline),
    kicker: ratio(s.kicker),
    subtitle: ratio(s.subtitle),
    authorF1: f1(s.authors),
    photographerF1: f1(s.photographers),
    captionF1: f1(s.captions),
    sentenceRecall: ratio(s.sentences),
    breakRecall: ratio(s.breaks),
  };
}

/** Does a figure meet its target? undefined when the metric has no target or no value. */
export function meetsTarget(key: SummaryKey, value: number): boolean | undefined {
  const t = TARGETS[key];
  if (t === undefined || Number.isNaN(value)) return undefined;
  return value >= t - 1e-9;
}
