/**
 * A bigger archive made from a small one, for `npm run search-eval -- --synth N`: N articles whose
 * headlines, paragraphs, captions and credits are drawn (deterministically) from the source
 * articles, paragraphs sometimes cut at a sentence end. Enough to see how index size, bytes
 * fetched and time grow with the archive; the text is real newspaper text, recombined. Pure.
 */
import { rng } from './queries.ts';

export interface SourceArticle {
  /** Front matter as gray-matter read it. */
  data: Record<string, unknown>;
  /** Markdown body. */
  body: string;
}

export interface SynthArticle {
  name: string;
  data: Record<string, unknown>;
  body: string;
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

export function synthesize(sources: SourceArticle[], n: number, seed = 1): SynthArticle[] {
  if (!sources.length) throw new Error('synthesize: no source articles');
  const random = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const paragraphs = sources.flatMap((s) => s.body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !p.startsWith('#')));
  const subheads = sources.flatMap((s) => s.body.split('\n').filter((l) => l.startsWith('## ')));
  const titles = sources.map((s) => String(s.data.title ?? '')).filter(Boolean);
  const kickers = sources.map((s) => s.data.kicker).filter((k): k is string => typeof k === 'string');
  const subtitles = sources.map((s) => s.data.subtitle).filter((k): k is string => typeof k === 'string');
  const captions = sources.flatMap((s) => list<{ text: string; credit?: string }>(s.data.captions));
  const credits = sources.flatMap((s) => list<{ name: string; role: string }>(s.data.credits));
  const publications = sources.map((s) => s.data.publication).filter((p): p is string => typeof p === 'string');
  const out: SynthArticle[] = [];
  for (let i = 0; i < n; i++) {
    const fileNo = Math.floor(i / 40);
    const page = 1 + Math.floor((i % 40) / 8);
    const seq = (i % 8) + 1;
    const file = `synth_${String(fileNo).padStart(4, '0')}.txt`;
    const id = `s${String(fileNo).padStart(4, '0')}-p${page}-${String(seq).padStart(2, '0')}`;
    const body: string[] = [];
    const count = 3 + Math.floor(random() * 10);
    for (let k = 0; k < count; k++) {
      if (k > 2 && subheads.length && random() < 0.08) body.push(pick(subheads));
      let p = pick(paragraphs);
      if (random() < 0.3) {
        const sentences = p.match(/[^。！？]+[。！？]?/gu) ?? [p];
        const from = Math.floor(random() * sentences.length);
        p = sentences.slice(from, from + 1 + Math.floor(random() * 3)).join('');
      }
      body.push(p);
    }
    const people = [...new Map(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(credits)).filter(Boolean).map((c) => [c.name, c])).values()];
    const title = random() < 0.05 ? '' : titles.length ? pick(titles) : '';
    const data: Record<string, unknown> = {
      id,
      title,
      authors: people.filter((c) => c.role !== '摄影').map((c) => c.name),
      photographers: people.filter((c) => c.role === '摄影').map((c) => c.name),
      credits: people,
      captions: captions.length && random() < 0.25 ? [pick(captions)] : [],
      keywords: [],
      source: { file, page, lines: [1 + i, 1 + i] },
    };
    if (kickers.length && random() < 0.15) data.kicker = pick(kickers);
    if (subtitles.length && random() < 0.1) data.subtitle = pick(subtitles);
    if (publications.length) data.publication = publications[fileNo % publications.length];
    out.push({ name: `${id}.md`, data, body: body.join('\n\n') + '\n' });
  }
  return out;
}
