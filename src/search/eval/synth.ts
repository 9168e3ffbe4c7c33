/**
 * A bigger archive made from a small one, for `npm run search-eval -- --synth N`: N articles whose
 * headlines, paragraphs, captions and credits are drawn (deterministically) from the source
 * articles, paragraphs sometimes cut at a sentence end. Enough to see how index size, bytes
 * fetched and time grow with the archive; the text is real newspaper text, recombined. Pure.
 */
import type { ArticleFile } from '../../contract/markdown.ts';
import type { Article, BodyItem } from '../../segment/types.ts';
import { bodyBlocks } from '../../site/markdown.ts';
import { rng } from './queries.ts';

/**
 * Articles as the segmenter would hand them to the contract's writer (src/contract/markdown.ts
 * toMarkdown): `sources` are article files read by the contract (fromMarkdown).
 */
export function synthesize(sources: ArticleFile[], n: number, seed = 1): Article[] {
  if (!sources.length) throw new Error('synthesize: no source articles');
  const random = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const blocks = sources.flatMap((s) => bodyBlocks(s.body));
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
  const subheads = blocks.filter((b) => b.kind === 'subhead').map((b) => b.text);
  const titles = sources.map((s) => s.title).filter(Boolean);
  const kickers = sources.map((s) => s.kicker).filter((k): k is string => k !== undefined);
  const subtitles = sources.map((s) => s.subtitle).filter((k): k is string => k !== undefined);
  const captions = sources.flatMap((s) => s.captions);
  const credits = sources.flatMap((s) => s.credits);
  const publications = sources.map((s) => s.publication).filter((p): p is string => p !== undefined);
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const fileNo = Math.floor(i / 40);
    const page = 1 + Math.floor((i % 40) / 8);
    const seq = (i % 8) + 1;
    const file = `synth_${String(fileNo).padStart(4, '0')}.txt`;
    const id = `s${String(fileNo).padStart(4, '0')}-p${page}-${String(seq).padStart(2, '0')}`;
    const body: BodyItem[] = [];
    const count = 3 + Math.floor(random() * 10);
    for (let k = 0; k < count; k++) {
      if (k > 2 && subheads.length && random() < 0.08) body.push({ kind: 'subhead', text: pick(subheads) });
      let p = pick(paragraphs);
      if (random() < 0.3) {
        const sentences = p.match(/[^。！？]+[。！？]?/gu) ?? [p];
        const from = Math.floor(random() * sentences.length);
        p = sentences.slice(from, from + 1 + Math.floor(random() * 3)).join('');
      }
      body.push({ kind: 'paragraph', text: p });
    }
    const people = [...new Map(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(credits)).filter(Boolean).map((c) => [c.name, c])).values()];
    const title = random() < 0.05 ? '' : titles.length ? pick(titles) : '';
    // drawn in this order, as they always were: the same seed gives the same archive
    const caption = captions.length && random() < 0.25 ? [pick(captions)] : [];
    const kicker = kickers.length && random() < 0.15 ? pick(kickers) : undefined;
    const subtitle = subtitles.length && random() < 0.1 ? pick(subtitles) : undefined;
    out.push({
      id,
      title,
      kicker,
      subtitle,
      authors: people.filter((c) => c.role !== '摄影').map((c) => c.name),
      photographers: people.filter((c) => c.role === '摄影').map((c) => c.name),
      credits: people,
      bylines: [],
      captions: caption,
      publication: publications.length ? publications[fileNo % publications.length] : undefined,
      keywords: [],
      source: { file, page, lines: [1 + i, 1 + i] },
      body,
    });
  }
  return out;
}
