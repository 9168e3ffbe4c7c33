/**
 * Stories taken from the sample archive (content/raw/*.txt, ours to reuse) for the typeset news
 * pages: the hand-checked facts (headline, kicker, subtitle, authors, captions) come from the
 * sample's gold (tests/gold/*.json), the body paragraphs from the segmenter's output, cut to the
 * gold's start and end so that no furniture the segmenter may have swept in reaches the pages.
 * The result is stored as sample-stories.json: the corpus must not change when the segmenter does.
 */
import type { Article } from '../../types.ts';
import { squash, type GoldFile } from '../gold.ts';
import { matchArticles } from '../metrics.ts';

export interface SampleStory {
  /** `<raw file stem>#<gold article index>`, for tracing a page's article back to the sample. */
  from: string;
  headline: string;
  kicker?: string;
  subtitle?: string;
  authors: string[];
  photographers: string[];
  captions: { text: string; photographer?: string }[];
  paragraphs: string[];
}

/** Paragraphs kept per story: the pages hold several stories each, as news pages do. */
export const MAX_PARAGRAPHS = 7;

/** A caption credit of the sample (`刘任玉 摄`, `记者/孙晓静 摄`) → the photographer's name. */
function photographerOf(credit: string | undefined): string | undefined {
  if (!credit) return undefined;
  const m = /([\p{Script=Han}·]{2,4})\s*摄/u.exec(credit.replace(/^.*[/／]/u, ''));
  return m ? m[1] : undefined;
}

/**
 * One sample file's stories: every gold article the segmenter found whole, with a headline
 * (a story without one cannot be typeset as news) and at least two paragraphs.
 */
export function sampleStories(gold: GoldFile, output: readonly Article[]): SampleStory[] {
  const matching = matchArticles(gold.articles, output);
  const stem = gold.file.replace(/\.txt$/u, '');
  const stories: SampleStory[] = [];
  gold.articles.forEach((g, gi) => {
    const oi = matching[gi];
    if (oi === null || oi === undefined || g.headline === '') return;
    const paras = output[oi]!.body.filter((b) => b.kind === 'paragraph').map((b) => squash(b.text));
    const first = paras.findIndex((p) => p.includes(g.start));
    const last = paras.findIndex((p, i) => i >= first && p.includes(g.end));
    if (first === -1 || last === -1) return;
    let kept = paras.slice(first, last + 1);
    kept[0] = kept[0]!.slice(kept[0]!.indexOf(g.start));
    const tail = kept[kept.length - 1]!;
    kept[kept.length - 1] = tail.slice(0, tail.lastIndexOf(g.end) + g.end.length);
    if (kept.length > MAX_PARAGRAPHS) kept = kept.slice(0, MAX_PARAGRAPHS);
    kept = kept.filter((p) => p !== '');
    if (kept.length < 2) return;
    stories.push({
      from: `${stem}#${gi}`,
      headline: g.headline,
      ...(g.kicker ? { kicker: g.kicker } : {}),
      ...(g.subtitle ? { subtitle: g.subtitle } : {}),
      authors: g.authors,
      photographers: g.photographers,
      captions: g.captions.map((c) => {
        const p = photographerOf(c.credit);
        return p ? { text: c.text, photographer: p } : { text: c.text };
      }),
      paragraphs: kept,
    });
  });
  return stories;
}
