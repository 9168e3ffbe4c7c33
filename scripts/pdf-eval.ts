/**
 * `npm run pdf-eval [-- --details]`: the PDF segmenter (src/pdf/, issue #17) scored on page PDFs,
 * with the metrics of `npm run eval` (src/segment/eval/metrics.ts), and its speed per page beside
 * the text segmenter's on the same pages' text.
 *
 *   - news: the twelve pages of tests/corpus-news/, typeset by the project; their gold is exactly
 *     what was typeset, independent of any segmenter.
 *   - devset: the fourteen 人民日报 pages of ../shared/corpus-dev/ (skipped when absent), scored
 *     against the gold src/segment/eval/devset.ts derives from the same PDFs. That derivation shares
 *     src/pdf/geometry.ts with the segmenter scored: the row says how far the two agree, not how
 *     right either is.
 *   - devset, eye-checked: the same outputs scored against tests/gold-eye/devset-eye.json, the
 *     annotation of those pages made by looking at them (src/segment/eval/eye.ts): accuracy.
 *     It holds hashes, no sentences, so those two columns stay n/a; it adds boundaries by the
 *     exact rule (the body begins and ends where the eye says) and the affiliation note.
 *
 *   npm run pdf-eval                     every row and the speed
 *   npm run pdf-eval -- --eye            the development pages only, derived gold beside eye-checked
 *   npm run pdf-eval -- --eye --details  … with every page's misses against the eye-checked annotation
 *
 * Exits 0 whatever the scores (it is a report).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdf } from '../src/pdf/read.ts';
import { segmentPdfFile } from '../src/pdf/file.ts';
import { segmentFile } from '../src/segment/index.ts';
import { aggregate, scoreFile, summarize, type FileScores, type Summary } from '../src/segment/eval/metrics.ts';
import { DEVSET_DIR, devGoldOf, devsetPresent } from '../src/segment/eval/devset-load.ts';
import { NEWS_CORPUS_DIR } from '../src/segment/eval/news/corpus.ts';
import type { GoldFile } from '../src/segment/eval/gold.ts';
import { aggregateEye, exactF1, scoreEyePage, type EyeGold, type EyeScores } from '../src/segment/eval/eye.ts';
import { EYE_GOLD_FILE, loadEyeGold } from '../src/segment/eval/eye-load.ts';
import type { Article } from '../src/segment/types.ts';
import { existsSync, readdirSync } from 'node:fs';
import { cli, options } from './cli.ts';

const values = options('pdf-eval', 'usage: npm run pdf-eval -- [--eye] [--details]', { details: { type: 'boolean' }, eye: { type: 'boolean' } });

interface Page {
  name: string;
  pdf: Buffer;
  gold: GoldFile;
  /** The same page's text from pdftotext, for the text segmenter's time. */
  text: Buffer;
}

async function newsPages(): Promise<Page[]> {
  return readdirSync(NEWS_CORPUS_DIR)
    .filter((n) => n.endsWith('.pdf'))
    .sort()
    .map((n) => {
      const base = n.slice(0, -4);
      return {
        name: base,
        pdf: readFileSync(join(NEWS_CORPUS_DIR, n)),
        gold: JSON.parse(readFileSync(join(NEWS_CORPUS_DIR, `${base}.gold.json`), 'utf8')) as GoldFile,
        text: readFileSync(join(NEWS_CORPUS_DIR, `${base}.pdftotext.txt`)),
      };
    });
}

async function devPages(): Promise<Page[]> {
  if (!devsetPresent()) return [];
  const out: Page[] = [];
  for (const n of readdirSync(join(DEVSET_DIR, 'pdf')).filter((f) => f.endsWith('.pdf')).sort()) {
    const base = n.slice(0, -4);
    const pdf = readFileSync(join(DEVSET_DIR, 'pdf', n));
    out.push({ name: base, pdf, gold: (await devGoldOf(base, pdf)).gold, text: readFileSync(join(DEVSET_DIR, 'text', `${base}.pdftotext.txt`)) });
  }
  return out;
}

const KEYS: [keyof Summary, string][] = [
  ['boundaryF1', 'boundaries F1'],
  ['headline', 'headline'],
  ['kicker', 'kicker'],
  ['subtitle', 'subtitle'],
  ['authorF1', 'author F1'],
  ['captionF1', 'caption F1'],
  ['sentenceRecall', 'sentences whole'],
  ['breakRecall', 'paragraph breaks'],
];
const fmt = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : v.toFixed(3));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

await cli('pdf-eval').run(async () => {
  // warm both paths once (module loading, nodejieba's dictionary, pdfjs' worker code)
  const news = await newsPages();
  await segmentPdfFile('warm.pdf', news[0]!.pdf);
  segmentFile('warm.txt', news[0]!.text);
  const rows: { label: string; scores: FileScores[]; pdfMs: number[]; textMs: number[]; readMs: number[] }[] = [];
  const dev = await devPages();
  if (values.eye && dev.length === 0) {
    // nothing to score: the development pages are what --eye is about
    console.log('devset, eye-checked: n/a (../shared/corpus-dev absent)');
    return;
  }
  const devOutputs = new Map<string, Article[]>();
  for (const [label, pages] of [
    ...(values.eye ? [] : [['news (typeset, exact gold)', news] as const]),
    ['devset (gold derived by the same geometry code: agreement, not accuracy)', dev] as const,
  ]) {
    if (pages.length === 0) {
      console.log(`${label}: n/a (../shared/corpus-dev absent)`);
      continue;
    }
    const scores: FileScores[] = [];
    const pdfMs: number[] = [];
    const textMs: number[] = [];
    const readMs: number[] = [];
    for (const p of pages) {
      const t = performance.now();
      await readPdf(p.pdf);
      readMs.push(performance.now() - t);
      const t0 = performance.now();
      const r = await segmentPdfFile(`${p.name}.pdf`, p.pdf);
      pdfMs.push(performance.now() - t0);
      const t1 = performance.now();
      segmentFile(`${p.name}.txt`, p.text);
      textMs.push(performance.now() - t1);
      if (pages === dev) devOutputs.set(p.name, r.articles);
      const s = scoreFile(p.gold, r.articles);
      scores.push(s);
      if (values.details && !values.eye) {
        const sm = summarize(s);
        console.log(`${p.name}: ${KEYS.map(([k, n]) => `${n} ${fmt(sm[k] as number | null)}`).join(', ')}`);
        for (const m of s.misses) console.log(`    ${m.kind}: ${m.detail}`);
      }
    }
    rows.push({ label, scores, pdfMs, textMs, readMs });
  }
  // the development pages' outputs once more, against the annotation checked by eye
  let eye: EyeScores | undefined;
  if (dev.length && existsSync(EYE_GOLD_FILE)) {
    const gold: EyeGold = loadEyeGold();
    const pages = gold.pages.filter((g) => devOutputs.has(g.page));
    const scores = pages.map((g) => scoreEyePage(g, devOutputs.get(g.page)!));
    eye = aggregateEye('eye', scores);
    if (values.details && values.eye) {
      for (const s of scores) {
        const sm = summarize(s);
        console.log(`${s.file} (eye-checked): boundaries ${fmt(sm.boundaryF1)} (exact ${fmt(exactF1(s))}), ${KEYS.slice(1, 6).map(([k, n]) => `${n} ${fmt(sm[k] as number)}`).join(', ')}`);
        for (const m of s.misses) console.log(`    ${m.kind}: ${m.detail}`);
      }
    }
  } else if (dev.length) console.log(`devset, eye-checked: n/a (${EYE_GOLD_FILE} absent)`);
  console.log(`\n| corpus | ${KEYS.map(([, n]) => n).join(' | ')} | exact boundaries F1 | affiliation |`);
  console.log(`| --- | ${KEYS.map(() => '---').join(' | ')} | --- | --- |`);
  for (const r of rows) {
    const sm = summarize(aggregate(r.label, r.scores));
    console.log(`| ${r.label} | ${KEYS.map(([k]) => fmt(sm[k] as number | null)).join(' | ')} | n/a | n/a |`);
  }
  if (eye) {
    const sm = summarize(eye);
    const aff = eye.affiliation.total ? eye.affiliation.correct / eye.affiliation.total : NaN;
    console.log(`| devset (eye-checked annotation, tests/gold-eye/devset-eye.json: accuracy) | ${KEYS.map(([k]) => fmt(sm[k] as number | null)).join(' | ')} | ${fmt(exactF1(eye))} | ${fmt(aff)} |`);
    console.log(
      `  eye-checked counts: boundaries ${eye.boundary.matched}/${eye.boundary.gold} annotated found, ${eye.boundary.outputs} outputs; exact ${eye.exact.matched}; ` +
        `headline ${eye.headline.correct}/${eye.headline.total}, kicker ${eye.kicker.correct}/${eye.kicker.total}, subtitle ${eye.subtitle.correct}/${eye.subtitle.total}, ` +
        `authors tp${eye.authors.tp} fp${eye.authors.fp} fn${eye.authors.fn}, captions tp${eye.captions.tp} fp${eye.captions.fp} fn${eye.captions.fn}, affiliation ${eye.affiliation.correct}/${eye.affiliation.total}`,
    );
  }
  console.log('\nspeed per page, one thread (median ms; the PDF path reads the PDF with pdfjs, then segments; the text path segments the page\'s pdftotext text):');
  for (const r of rows) {
    console.log(`  ${r.label.split(' ')[0]}: PDF ${median(r.pdfMs).toFixed(0)} ms/page (reading it with pdfjs ${median(r.readMs).toFixed(0)} ms of that), text ${median(r.textMs).toFixed(0)} ms/page (${r.scores.length} pages)`);
  }
});
