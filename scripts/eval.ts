/**
 * `npm run eval`: score the segmenter, in one table, against
 *   - the hand annotations in tests/gold/, on the sample files as they are and on generated variants
 *     of them (encoding, line ends, blank lines, spaces);
 *   - the development set (issue #12): gold derived from the PDFs in ../shared/corpus-dev/, scored on
 *     each of five extractors' text of the same pages (rows "n/a" when that folder is absent);
 *   - the same outputs against the eye-checked annotation of those pages (tests/gold-eye/devset-eye.json,
 *     hashes only; src/segment/eval/eye.ts): rows devset-eye/<extractor>, sentences and paragraph
 *     breaks "—" (the annotation has none).
 * Only arguments and printing here: the metrics live in src/segment/eval/metrics.ts, the variants in
 * variants.ts, the development set in devset.ts and devset-load.ts. Exits 0 whatever the scores (it is
 * a report); 1 only on bad gold files.
 *
 *   npm run eval                                          the table + final JSON line
 *   npm run eval -- --details                             per-file table and misses of the sample
 *   npm run eval -- --details --no-blank-lines            the misses on one variant
 *   npm run eval -- --details --corpus devset --extractor pypdf   per-page table and misses of one extractor
 *   npm run eval -- --details --corpus devset-eye --extractor pypdf   the same against the eye-checked annotation
 */
import { join, resolve } from 'node:path';
import { segmentFile } from '../src/segment/index.ts';
import type { Article } from '../src/segment/types.ts';
import { loadGoldSamples, type GoldSample } from '../src/segment/eval/sample.ts';
import {
  aggregate,
  meetsTarget,
  scoreFile,
  summarize,
  TARGETS,
  type FileScores,
  type Summary,
  type SummaryKey,
} from '../src/segment/eval/metrics.ts';
import { VARIANTS } from '../src/segment/eval/variants.ts';
import type { GoldFile } from '../src/segment/eval/gold.ts';
import { DEVSET_DIR, EXTRACTORS, loadDevset, scoreDevset, type Extractor } from '../src/segment/eval/devset-load.ts';
import { scoreEyePage, type EyeScores } from '../src/segment/eval/eye.ts';
import { EYE_GOLD_FILE, loadEyeGold } from '../src/segment/eval/eye-load.ts';
import { existsSync, readFileSync } from 'node:fs';
import { loadNewsCorpus, NEWS_CORPUS_DIR } from '../src/segment/eval/news/corpus.ts';
import { pdfjsText } from '../src/segment/eval/pdfjs-text.ts';
import { EXTRACTORS as NEWS_EXTRACTORS, HELD_OUT } from '../src/segment/eval/news/extract.ts';
import { heldOutDevsetTexts } from '../src/segment/eval/heldout.ts';
import { ROOT, cli, options } from './cli.ts';

const goldDir = join(ROOT, 'tests', 'gold');
const rawDir = join(ROOT, 'content', 'raw');
/** The rows of the news corpus and of the eye-checked development pages: their extractors, the held-out ones and pdf.js's text (made from the PDFs). */
const NEWS_ROWS = [...NEWS_EXTRACTORS, 'pdfjs'] as const;
const EYE_ROWS = [...EXTRACTORS, ...HELD_OUT, 'pdfjs'] as const;
const values = options(
  'eval',
  `usage: npm run eval -- [--news DIR] [--details [--corpus sample|devset|devset-eye|news] [--extractor ${NEWS_ROWS.join('|')}] [${VARIANTS.map((v) => `--${v.name}`).join(' | ')}]]`,
  {
    details: { type: 'boolean', default: false },
    // the typeset news pages of another folder (`npm run make-news-corpus -- --seed 7 --out DIR`)
    news: { type: 'string' },
    corpus: { type: 'string' },
    extractor: { type: 'string' },
    // --<variant> with --details: also list the misses on that variant
    ...Object.fromEntries(VARIANTS.map((v) => [v.name, { type: 'boolean', default: false } as const])),
  },
) as Record<string, string | boolean | undefined>;
const details = values.details === true;
const onlyCorpus = values.corpus as string | undefined;
const onlyExtractor = values.extractor as string | undefined;
if (onlyCorpus !== undefined && !['sample', 'devset', 'devset-eye', 'news'].includes(onlyCorpus)) {
  cli('eval').fail(2, `--corpus must be sample, devset, devset-eye or news, not ${onlyCorpus}`);
}
if (onlyExtractor !== undefined && !(NEWS_ROWS as readonly string[]).includes(onlyExtractor)) {
  cli('eval').fail(2, `--extractor must be one of ${NEWS_ROWS.join(', ')}`);
}
if (onlyExtractor === 'pdfjs' && onlyCorpus !== 'news' && onlyCorpus !== 'devset-eye') cli('eval').fail(2, '--extractor pdfjs goes with --corpus news or --corpus devset-eye (its text is made from their PDFs)');

type Sample = GoldSample;

function loadSamples(): Sample[] {
  const { samples, problems } = loadGoldSamples(goldDir, rawDir);
  for (const p of problems) {
    console.error(`${p.file}: ${p.errors.length === 1 ? p.errors[0] : `${p.errors.length} error(s)`}`);
    if (p.errors.length > 1) for (const e of p.errors) console.error(`  ${e}`);
  }
  if (problems.length) {
    console.error(`${problems.length} bad gold file(s)`);
    process.exit(1);
  }
  return samples;
}

// ---------------------------------------------------------------------------------------------
// Run the segmenter.

const failures: string[] = [];

function run(name: string, bytes: Uint8Array, label: string): Article[] {
  try {
    return segmentFile(name, bytes).articles;
  } catch (e) {
    failures.push(`${label} ${name}: segmentFile threw: ${(e as Error).stack ?? String(e)}`);
    return [];
  }
}

function scoreAll(samples: Sample[], label: string, bytesOf: (s: Sample) => Uint8Array, goldOf: (g: GoldFile) => GoldFile = (g) => g): FileScores[] {
  return samples.map((s) => scoreFile(goldOf(s.gold), run(s.gold.file, bytesOf(s), label)));
}

// ---------------------------------------------------------------------------------------------
// Printing.

const ROWS: { key: SummaryKey; label: string; counts: (s: FileScores) => string }[] = [
  { key: 'boundaryPrecision', label: 'boundary P', counts: (s) => `${s.boundary.matched}/${s.boundary.outputs}` },
  { key: 'boundaryRecall', label: 'boundary R', counts: (s) => `${s.boundary.matched}/${s.boundary.gold}` },
  { key: 'boundaryF1', label: 'boundary F1', counts: () => '' },
  { key: 'headline', label: 'headline acc', counts: (s) => `${s.headline.correct}/${s.headline.total}` },
  { key: 'kicker', label: 'kicker acc', counts: (s) => `${s.kicker.correct}/${s.kicker.total}` },
  { key: 'subtitle', label: 'subtitle acc', counts: (s) => `${s.subtitle.correct}/${s.subtitle.total}` },
  { key: 'authorF1', label: 'author F1', counts: (s) => tpfpfn(s.authors) },
  { key: 'photographerF1', label: 'photographer F1', counts: (s) => tpfpfn(s.photographers) },
  { key: 'captionF1', label: 'caption F1', counts: (s) => tpfpfn(s.captions) },
  { key: 'sentenceRecall', label: 'sentence recall', counts: (s) => `${s.sentences.correct}/${s.sentences.total}` },
  { key: 'breakRecall', label: 'para-break recall', counts: (s) => `${s.breaks.correct}/${s.breaks.total}` },
];

function tpfpfn(c: { tp: number; fp: number; fn: number }): string {
  return `tp${c.tp} fp${c.fp} fn${c.fn}`;
}

function fmt(v: number): string {
  return Number.isNaN(v) ? '—' : v.toFixed(3);
}

function fmtDelta(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (Math.abs(v) < 0.0005) return '±0';
  return (v > 0 ? '+' : '') + v.toFixed(3);
}

function mark(key: SummaryKey, v: number): string {
  const m = meetsTarget(key, v);
  return m === undefined ? ' ' : m ? '✓' : '✗';
}

/** Display width: CJK and full-width characters take two cells. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, n: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function target(key: SummaryKey): string {
  const t = TARGETS[key];
  return t === undefined ? '' : `≥ ${t.toFixed(2)}`;
}

function printPerFile(perFile: FileScores[], overall: FileScores): void {
  const cols = [...perFile, overall];
  const sums = cols.map(summarize);
  // Columns named short: the sample's number (000…), a devset page's month and day (rmrb2018012307 → 0123).
  const short = (f: string) => (/^rmrb\d{8}/u.test(f) ? f.slice(8, 12) : /^news\d+/u.test(f) ? f.slice(4, 6) : f.slice(0, 3));
  const header = ['metric', ...perFile.map((s) => short(s.file)), 'overall', 'counts', 'target'];
  const rows = ROWS.map((r) => [
    r.label,
    ...sums.map((s, i) => `${fmt(s[r.key])}${i === sums.length - 1 ? mark(r.key, s[r.key]) : ''}`),
    r.counts(overall),
    target(r.key),
  ]);
  printTable(header, rows);
  console.log(`files: ${perFile.map((s) => s.file).join(', ')}`);
}

function printMisses(perFile: FileScores[]): void {
  for (const s of perFile) {
    if (s.misses.length === 0) continue;
    console.log(`\n${s.file}:`);
    for (const m of s.misses) console.log(`  ${pad(m.kind, 13)} ${m.detail}`);
  }
}

// ---------------------------------------------------------------------------------------------

const samples = loadSamples();
const articleCount = samples.reduce((n, s) => n + s.gold.articles.length, 0);
const devset = await loadDevset();
console.log(
  `Baoku segmenter evaluation — sample: ${samples.length} gold files, ${articleCount} gold articles; ` +
    (devset
      ? `devset: ${devset.pages.length} pages, ${devset.pages.reduce((n, p) => n + p.gold.articles.length, 0)} derived articles ` +
        `(${devset.derived} derived in ${(devset.deriveMs / 1000).toFixed(1)} s, ${devset.cached} from .cache/devset)`
      : 'devset: ../shared/corpus-dev absent') +
    '\n',
);

interface Row {
  label: string;
  scores?: FileScores[];
  note?: string;
}
const rows: Row[] = [];

const perFile = scoreAll(samples, 'original', (s) => s.bytes);
rows.push({ label: 'sample', scores: perFile });
const variantSummaries: Record<string, Summary> = {};
for (const v of VARIANTS) {
  try {
    const scores = scoreAll(samples, v.name, (s) => v.make(s.text), v.gold);
    rows.push({ label: `sample/${v.name}`, scores });
    variantSummaries[v.name] = summarize(aggregate(v.name, scores));
  } catch (e) {
    failures.push(`variant ${v.name}: could not be generated: ${(e as Error).message}`);
  }
}
const devScores: Partial<Record<Extractor, FileScores[]>> = {};
/** Each extractor's outputs of each page, kept to be scored against the eye-checked annotation too. */
const devOutputs = new Map<string, Article[]>();
for (const e of EXTRACTORS) {
  if (!devset) {
    rows.push({ label: `devset/${e}`, note: 'n/a (../shared/corpus-dev absent)' });
    continue;
  }
  devScores[e] = scoreDevset(
    devset,
    e,
    (name, bytes) => {
      const out = run(name, bytes, e);
      devOutputs.set(name, out);
      return out;
    },
    scoreFile,
  );
  rows.push({ label: `devset/${e}`, scores: devScores[e] });
}
const eyeScores: Partial<Record<(typeof EYE_ROWS)[number], EyeScores[]>> = {};
const eyeGold = existsSync(EYE_GOLD_FILE) ? loadEyeGold() : undefined;
for (const e of EXTRACTORS) {
  if (!devset || !eyeGold) {
    rows.push({ label: `devset-eye/${e}`, note: devset ? `n/a (${EYE_GOLD_FILE} absent)` : 'n/a (../shared/corpus-dev absent)' });
    continue;
  }
  eyeScores[e] = eyeGold.pages.filter((g) => devOutputs.has(`${g.page}.${e}.txt`)).map((g) => scoreEyePage(g, devOutputs.get(`${g.page}.${e}.txt`)!));
  rows.push({ label: `devset-eye/${e}`, scores: eyeScores[e] });
}
// an extractor the development corpus has no text of, on its PDFs (heldout.ts)
for (const e of HELD_OUT) {
  const held = devset && eyeGold ? heldOutDevsetTexts(e) : { absent: devset ? `n/a (${EYE_GOLD_FILE} absent)` : 'n/a (../shared/corpus-dev absent)' };
  if ('absent' in held) {
    rows.push({ label: `devset-eye/${e}`, note: held.absent });
    continue;
  }
  eyeScores[e] = eyeGold!.pages.filter((g) => held.texts.has(`${g.page}.${e}.txt`)).map((g) => scoreEyePage(g, run(`${g.page}.${e}.txt`, held.texts.get(`${g.page}.${e}.txt`)!, `devset-eye/${e}`)));
  rows.push({ label: `devset-eye/${e}`, scores: eyeScores[e] });
}
/** pdf.js's plain text of a PDF (src/segment/eval/pdfjs-text.ts), undefined when the file is absent or unreadable (a failure then). */
async function pdfjsOf(pdf: string, label: string): Promise<Uint8Array | undefined> {
  if (!existsSync(pdf)) return undefined;
  try {
    return new TextEncoder().encode(await pdfjsText(readFileSync(pdf)));
  } catch (e) {
    failures.push(`${label} ${pdf}: pdf.js could not read it: ${(e as Error).message}`);
    return undefined;
  }
}
if (devset && eyeGold) {
  eyeScores.pdfjs = [];
  for (const g of eyeGold.pages) {
    const text = await pdfjsOf(join(DEVSET_DIR, 'pdf', `${g.page}.pdf`), 'devset-eye/pdfjs');
    if (text) eyeScores.pdfjs.push(scoreEyePage(g, run(`${g.page}.pdfjs.txt`, text, 'devset-eye/pdfjs')));
  }
  rows.push({ label: 'devset-eye/pdfjs', scores: eyeScores.pdfjs });
} else rows.push({ label: 'devset-eye/pdfjs', note: devset ? `n/a (${EYE_GOLD_FILE} absent)` : 'n/a (../shared/corpus-dev absent)' });
// the typeset news pages (tests/corpus-news/, or --news DIR): the exact answer is what was typeset
const newsDir = typeof values.news === 'string' ? resolve(values.news) : undefined;
if (newsDir !== undefined && !existsSync(join(newsDir, 'news01.gold.json'))) cli('eval').fail(2, `--news ${values.news}: no typeset news pages there (news01.gold.json; make them with npm run make-news-corpus -- --seed N --out DIR)`);
const news = loadNewsCorpus(newsDir);
const newsScores: Partial<Record<(typeof NEWS_ROWS)[number], FileScores[]>> = {};
for (const e of NEWS_EXTRACTORS) {
  newsScores[e] = news.filter((n) => n.extractor === e).map((n) => scoreFile(n.gold, run(n.gold.file, new TextEncoder().encode(n.text), `news/${e}`)));
  rows.push({ label: `news/${e}`, scores: newsScores[e] });
}
// pdf.js's plain text (src/segment/eval/pdfjs-text.ts), held out: made from the pages' PDFs
const newsPdfDir = newsDir ?? NEWS_CORPUS_DIR;
const pdfjsNews: FileScores[] = [];
for (const page of [...new Set(news.map((n) => n.page))]) {
  const text = await pdfjsOf(join(newsPdfDir, `${page}.pdf`), 'news/pdfjs');
  if (!text) continue;
  const file = `${page}.pdfjs.txt`;
  pdfjsNews.push(scoreFile({ ...news.find((n) => n.page === page)!.gold, file }, run(file, text, 'news/pdfjs')));
}
if (pdfjsNews.length) newsScores.pdfjs = pdfjsNews;
rows.push(pdfjsNews.length ? { label: 'news/pdfjs', scores: pdfjsNews } : { label: 'news/pdfjs', note: `n/a (no PDFs in ${newsPdfDir})` });

const COLUMNS: { key: SummaryKey; label: string }[] = [
  { key: 'boundaryPrecision', label: 'bound P' },
  { key: 'boundaryRecall', label: 'bound R' },
  { key: 'boundaryF1', label: 'bound F1' },
  { key: 'headline', label: 'headline' },
  { key: 'kicker', label: 'kicker' },
  { key: 'subtitle', label: 'subtitle' },
  { key: 'authorF1', label: 'author F1' },
  { key: 'photographerF1', label: 'photo F1' },
  { key: 'captionF1', label: 'caption F1' },
  { key: 'sentenceRecall', label: 'sentences' },
  { key: 'breakRecall', label: 'para breaks' },
];

/** A cell: the figure with its target mark; n/a for captions and photographers when the gold has none. */
function cell(s: FileScores, key: SummaryKey): string {
  if (key === 'captionF1' && s.captions.tp + s.captions.fn === 0) return 'n/a';
  if (key === 'photographerF1' && s.photographers.tp + s.photographers.fn === 0) return 'n/a';
  const v = summarize(s)[key];
  return fmt(v) + mark(key, v);
}

console.log('== scores (micro-averaged over the files of each row; ✓/✗ against the target)');
printTable(
  ['corpus/extractor', 'articles', ...COLUMNS.map((c) => c.label)],
  [
    ...rows.map((r) => {
      if (!r.scores) return [r.label, r.note!, ...COLUMNS.map(() => '')];
      const all = aggregate(r.label, r.scores);
      return [r.label, String(all.boundary.gold), ...COLUMNS.map((c) => cell(all, c.key))];
    }),
    ['target', '', ...COLUMNS.map((c) => target(c.key))],
  ],
);
for (const v of VARIANTS) console.log(`  sample/${v.name}: ${v.describe}`);

if (details) {
  const showSample = onlyCorpus !== 'devset';
  if (showSample) {
    console.log('\n== sample, per file');
    printPerFile(perFile, aggregate('overall', perFile));
    printMisses(perFile);
    for (const v of VARIANTS) {
      if (values[v.name] !== true) continue;
      console.log(`\n== misses on variant ${v.name}`);
      printMisses(rows.find((r) => r.label === `sample/${v.name}`)?.scores ?? []);
    }
  }
  if (onlyCorpus === 'news') {
    for (const e of NEWS_ROWS) {
      const scores = newsScores[e];
      if (!scores || (onlyExtractor !== undefined && e !== onlyExtractor)) continue;
      console.log(`\n== news/${e}, per page`);
      printPerFile(scores, aggregate('overall', scores));
      printMisses(scores);
    }
  }
  if (onlyCorpus === 'devset-eye') {
    for (const e of EYE_ROWS) {
      const scores = eyeScores[e];
      if (!scores || (onlyExtractor !== undefined && e !== onlyExtractor)) continue;
      console.log(`\n== devset-eye/${e}, per page`);
      printPerFile(scores, aggregate('overall', scores));
      printMisses(scores);
    }
  }
  if (onlyCorpus === undefined || onlyCorpus === 'devset') {
    if (!devset) console.log('\n== devset: n/a (../shared/corpus-dev absent)');
    for (const e of EXTRACTORS) {
      const scores = devScores[e];
      if (!scores || (onlyExtractor !== undefined && e !== onlyExtractor)) continue;
      console.log(`\n== devset/${e}, per page`);
      printPerFile(scores, aggregate('overall', scores));
      if (onlyExtractor !== undefined || onlyCorpus === 'devset') printMisses(scores);
    }
  }
} else {
  const n = perFile.reduce((k, s) => k + s.misses.length, 0);
  console.log(`(${n} misses on the sample; \`npm run eval -- --details [--corpus devset --extractor pypdf]\` lists them)`);
}

if (failures.length) {
  console.log(`\n${failures.length} run failure(s):`);
  for (const f of failures) console.log(`  ${f.split('\n').slice(0, 4).join('\n    ')}`);
}

const base = summarize(aggregate('overall', perFile));
const round = (s: Summary) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Number.isNaN(v) ? null : Math.round(v * 1000) / 1000]));
console.log(
  '\n' +
    JSON.stringify({
      overall: round(base),
      variants: Object.fromEntries(Object.entries(variantSummaries).map(([k, v]) => [k, round(v)])),
      devset: devset ? Object.fromEntries(EXTRACTORS.map((e) => [e, round(summarize(aggregate(e, devScores[e]!)))])) : null,
      devsetEye: devset && eyeGold ? Object.fromEntries(EYE_ROWS.filter((e) => eyeScores[e]).map((e) => [e, round(summarize(aggregate(e, eyeScores[e]!)))])) : null,
      news: Object.fromEntries(NEWS_ROWS.filter((e) => newsScores[e]).map((e) => [e, round(summarize(aggregate(e, newsScores[e]!)))])),
      targets: TARGETS,
      failures: failures.length,
    }),
);
process.exit(0);
