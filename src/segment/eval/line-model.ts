/**
 * Issue #12, item 8: would a small learned model find a page's display type (headline, kicker,
 * subtitle) better than the hand-set rules of classify.ts? This module gives the two a fair race.
 * Every block the paragraph stage makes is labelled from the gold of its page (display type when
 * its text stands in one of the page's headlines, kickers or subtitles), described by features
 * that name no paper and no extractor (its length against the file's column, punctuation, blank
 * lines around it, its neighbours), and classified twice: by the rules (the kind classify() gives
 * it) and by a logistic regression trained on other pages only. Pure functions; the folds and the
 * printing are in scripts/line-model.ts.
 */
import { HEAD_KINDS } from '../assemble.ts';
import { classify, vertical } from '../classify.ts';
import { decode } from '../decode.ts';
import { readLines } from '../lines.ts';
import { detectFlavour, toBlocks } from '../paragraphs.ts';
import { endsSentence } from '../rules/chars.ts';
import { gatherSpreadNames } from '../spread-names.ts';
import { segmentFile } from '../index.ts';
import type { ClassifiedBlock } from '../types.ts';
import { squash } from './gold.ts';

/** What the gold of a page says its display type is. */
export interface DisplayGold {
  articles: { headline: string; kicker?: string; subtitle?: string }[];
  /** The page's running text, sentence by sentence (to tell a headline's piece from a body's). */
  sentences: string[];
}

export interface Example {
  /** The block's features, in FEATURES order. */
  x: number[];
  /** Display type by the gold. */
  head: boolean;
  /** A story's head by the rules: its text stands in a title, kicker or subtitle of the segmenter's articles. */
  rules: boolean;
  /** The block's text, for reading the errors. */
  text: string;
}

/** The features, by name, in the order of Example.x. */
export const FEATURES = [
  'chars (log)',
  'lines (log)',
  'longest line / file median line',
  'shortest line / file median line',
  'ends a sentence',
  'commas per 10 chars',
  'other punctuation per 10 chars',
  'digits share',
  'quote or bracket',
  'blank lines before',
  'blank lines after',
  'marked heading',
  'set vertically',
  'boxed',
  'line set tight',
  'previous ends a sentence',
  'previous chars (log)',
  'next chars (log)',
  'next opens a story',
  'names a reporter or photo',
  'dash at the start',
  'position on the page',
  'classify.ts: display type',
  'classify.ts: byline or credit',
  'classify.ts: dateline',
] as const;

const log1 = (n: number) => Math.log(1 + n);

function median(xs: number[]): number {
  if (xs.length === 0) return 1;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] || 1;
}

/** The blocks of a raw file as the rules classify them, before assembly. */
export function classifiedBlocks(bytes: Uint8Array): ClassifiedBlock[] {
  const lines = gatherSpreadNames(readLines(decode(bytes).text).lines);
  return classify(toBlocks(lines, detectFlavour(lines)));
}

/** One block's features (FEATURES), given the file's median line width and its neighbours. */
export function featuresOf(blocks: readonly ClassifiedBlock[], i: number, medianWidth: number): number[] {
  const b = blocks[i];
  const prev = blocks[i - 1];
  const next = blocks[i + 1];
  const t = squash(b.display);
  const n = Math.max(1, [...t].length);
  const widths = b.lines.map((l) => l.width);
  const count = (re: RegExp) => (t.match(re) ?? []).length;
  const onPage = blocks.filter((x) => x.page === b.page);
  return [
    log1(n),
    log1(b.lines.length),
    Math.max(...widths) / medianWidth,
    Math.min(...widths) / medianWidth,
    endsSentence(t) ? 1 : 0,
    (10 * count(/[，,、；;]/gu)) / n,
    (10 * count(/[。！？!?：:]/gu)) / n,
    count(/[0-9０-９]/gu) / n,
    /[“”"‘’《》（）()「」]/u.test(t) ? 1 : 0,
    Math.min(b.lines[0].blanksBefore, 3),
    next === undefined ? 3 : Math.min(next.lines[0].blanksBefore, 3),
    b.heading > 0 ? 1 : 0,
    vertical(b) ? 1 : 0,
    b.boxed === true ? 1 : 0,
    b.lines[0].tight ? 1 : 0,
    prev === undefined ? 1 : endsSentence(squash(prev.display)) ? 1 : 0,
    prev === undefined ? 0 : log1(squash(prev.display).length),
    next === undefined ? 0 : log1(squash(next.display).length),
    next?.opensStory === true || next?.kind === 'dateline' ? 1 : 0,
    /记者|通讯员|摄$|供图$|^（.{1,12}）$/u.test(t) ? 1 : 0,
    /^[—－-]/u.test(t) ? 1 : 0,
    onPage.length > 1 ? onPage.indexOf(b) / (onPage.length - 1) : 0,
    HEAD_KINDS.has(b.kind) ? 1 : 0,
    b.kind === 'byline' || b.kind === 'credit' ? 1 : 0,
    b.kind === 'dateline' || b.opensStory === true ? 1 : 0,
  ];
}

/**
 * A block is display type by the gold when its text stands inside one of the page's headlines,
 * kickers or subtitles, and, when it is short enough to stand in a sentence by chance (a glyph of a
 * vertical head, `人`), in no sentence of the page's running text.
 */
export function isGoldHead(text: string, gold: DisplayGold, sentences: string): boolean {
  // (a subtitle's dash is printed, and kept or not by the annotation: `——乡镇污水治理之“资阳模式”`)
  const bare = (s: string) => squash(s).replace(/^[—－-]+/u, '');
  const t = bare(text);
  if (t === '') return false;
  const heads = gold.articles.flatMap((a) => [a.headline, a.kicker ?? '', a.subtitle ?? ''].map(bare)).filter((h) => h !== '');
  if (!heads.some((h) => h.includes(t))) return false;
  return [...t].length > 4 || !sentences.includes(t);
}

/** Every block of one raw file, described and labelled, and what the whole segmenter made of it. */
export function examplesOf(bytes: Uint8Array, gold: DisplayGold): Example[] {
  const blocks = classifiedBlocks(bytes);
  const articles = segmentFile('page.txt', bytes).articles;
  const made: DisplayGold = { articles: articles.map((a) => ({ headline: a.title, kicker: a.kicker, subtitle: a.subtitle })), sentences: articles.flatMap((a) => a.body.map((x) => x.text)) };
  const madeText = made.sentences.map(squash).join('\n');
  const widths = blocks.filter((b) => b.kind === 'body').flatMap((b) => b.lines.map((l) => l.width));
  const medianWidth = median(widths.length ? widths : blocks.flatMap((b) => b.lines.map((l) => l.width)));
  const sentences = gold.sentences.map(squash).join('\n');
  return blocks
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => squash(b.display) !== '')
    .map(({ b, i }) => ({ x: featuresOf(blocks, i, medianWidth), head: isGoldHead(b.display, gold, sentences), rules: isGoldHead(b.display, made, madeText), text: squash(b.display) }));
}

/** A logistic regression over standardised features. */
export interface Model {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** The probability above which a block is called display type: the one of best F1 on the training examples. */
  cut: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Fit by full-batch gradient descent with an L2 penalty, the classes weighted to count alike
 * (display blocks are one in six). Deterministic: the same examples give the same model.
 */
export function train(examples: readonly Example[], { epochs = 400, rate = 0.5, l2 = 1e-3 } = {}): Model {
  const d = FEATURES.length;
  const n = examples.length;
  const mean = Array.from({ length: d }, (_, j) => examples.reduce((s, e) => s + e.x[j], 0) / n);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(examples.reduce((s, e) => s + (e.x[j] - mean[j]) ** 2, 0) / n) || 1);
  const xs = examples.map((e) => e.x.map((v, j) => (v - mean[j]) / scale[j]));
  const positives = examples.filter((e) => e.head).length;
  const wPos = n / (2 * Math.max(1, positives));
  const wNeg = n / (2 * Math.max(1, n - positives));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(d).fill(0);
    let gBias = 0;
    xs.forEach((x, k) => {
      const y = examples[k].head ? 1 : 0;
      const p = sigmoid(bias + x.reduce((s, v, j) => s + v * weights[j], 0));
      const err = (p - y) * (y ? wPos : wNeg);
      for (let j = 0; j < d; j++) grad[j] += err * x[j];
      gBias += err;
    });
    for (let j = 0; j < d; j++) weights[j] -= rate * (grad[j] / n + l2 * weights[j]);
    bias -= (rate * gBias) / n;
  }
  const model = { mean, scale, weights, bias, cut: 0.5 };
  let best = -1;
  for (let cut = 0.05; cut < 1; cut += 0.05) {
    const f1 = score(examples, (e) => predict(model, e.x) >= cut).f1;
    if (f1 > best) [best, model.cut] = [f1, cut];
  }
  return model;
}

/** The model's probability that a block is display type. */
export function predict(m: Model, x: readonly number[]): number {
  return sigmoid(m.bias + x.reduce((s, v, j) => s + ((v - m.mean[j]) / m.scale[j]) * m.weights[j], 0));
}

/** Precision, recall and F1 of display type found, against the gold. */
export function score(examples: readonly Example[], says: (e: Example) => boolean): { p: number; r: number; f1: number; tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of examples) {
    const s = says(e);
    if (s && e.head) tp++;
    else if (s) fp++;
    else if (e.head) fn++;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
}
