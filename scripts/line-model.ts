/**
 * `npm run line-model`: the race of issue #12, item 8 — display type (headline, kicker, subtitle)
 * found by the rules (the articles the whole segmenter makes) against a logistic regression over block features
 * (src/segment/eval/line-model.ts), each model scored only on pages it was not trained on:
 *   - by corpus: trained on the development pages and the sample, scored on the typeset news pages
 *     (and any --news folders); trained on the news pages, scored on the development pages;
 *   - by extractor and page: the pages in two halves, one extractor's text of one half scored by a
 *     model of the other extractors' text of the other half.
 * Prints precision, recall and F1 of each, side by side, and the weights of the first fold's model.
 * The rules were set on these same pages: their figures are not held out. A report: exits 0
 * whatever the scores.
 *
 *   npm run line-model
 *   npm run line-model -- --news .cache/news-seed11 --news .cache/news-seed17
 */
import { join, resolve } from 'node:path';
import { loadDevset } from '../src/segment/eval/devset-load.ts';
import { examplesOf, FEATURES, predict, score, train, type Example, type Model } from '../src/segment/eval/line-model.ts';
import { loadNewsCorpus } from '../src/segment/eval/news/corpus.ts';
import { loadGoldSamples } from '../src/segment/eval/sample.ts';
import { ROOT, cli, options } from './cli.ts';

const values = options('line-model', 'usage: npm run line-model -- [--news DIR]…', { news: { type: 'string', multiple: true } });

/** How sure the model must be of a block the rules leave out for it to count as one it could add. */
const SURE = 0.95;

interface Tagged {
  corpus: string;
  extractor: string;
  /** The page the text is of: one page read by several extractors is one page. */
  page: string;
  examples: Example[];
}

await cli('line-model').run(async () => {
  const files: Tagged[] = [];
  const { samples } = loadGoldSamples(join(ROOT, 'tests', 'gold'), join(ROOT, 'content', 'raw'));
  for (const s of samples) files.push({ corpus: 'sample', extractor: 'sample', page: `sample/${s.gold.file}`, examples: examplesOf(s.bytes, s.gold) });
  const devset = await loadDevset();
  for (const page of devset?.pages ?? []) for (const [e, bytes] of Object.entries(page.texts)) files.push({ corpus: 'devset', extractor: e, page: `devset/${page.name}`, examples: examplesOf(bytes, page.gold) });
  const newsDirs = [undefined, ...((values.news as string[] | undefined) ?? []).map((d) => resolve(d))];
  newsDirs.forEach((dir, k) => {
    for (const n of loadNewsCorpus(dir)) files.push({ corpus: k === 0 ? 'news' : 'seeds', extractor: n.extractor, page: `news${k}/${n.page}`, examples: examplesOf(new TextEncoder().encode(n.text), n.gold) });
  });

  const all = (f: (t: Tagged) => boolean) => files.filter(f).flatMap((t) => t.examples);
  const f3 = (v: number) => v.toFixed(3);
  const rows: string[][] = [];
  let shown: { label: string; model: Model } | undefined;
  // a race over one or more parts, each a model trained on its own files and scored on others; the
  // parts' answers are scored together
  const race = (label: string, parts: { trainOn: (t: Tagged) => boolean; testOn: (t: Tagged) => boolean }[]) => {
    const answers: { e: Example; says: boolean; sure: boolean }[] = [];
    for (const { trainOn, testOn } of parts) {
      const test = all(testOn);
      if (test.length === 0) continue;
      const model = train(all(trainOn));
      shown ??= { label, model };
      for (const e of test) {
        const p = predict(model, e.x);
        answers.push({ e, says: p >= model.cut, sure: p >= SURE });
      }
    }
    if (answers.length === 0) return;
    const test = answers.map((a) => a.e);
    const r = score(test, (e) => e.rules);
    const says = new Set(answers.filter((a) => a.says).map((a) => a.e));
    const m = score(test, (e) => says.has(e));
    // what the model could add to the rules: the blocks it is surest of that the rules leave out
    const sure = answers.filter((a) => !a.e.rules && a.sure).map((a) => a.e);
    rows.push([label, String(test.filter((e) => e.head).length), `${f3(r.p)} ${f3(r.r)} ${f3(r.f1)}`, `${f3(m.p)} ${f3(m.r)} ${f3(m.f1)}`, (m.f1 - r.f1 >= 0 ? '+' : '') + f3(m.f1 - r.f1), `${sure.filter((e) => e.head).length}/${sure.length}`]);
  };
  race('devset+sample → news', [{ trainOn: (t) => t.corpus === 'devset' || t.corpus === 'sample', testOn: (t) => t.corpus === 'news' }]);
  race('devset+sample → seeds', [{ trainOn: (t) => t.corpus === 'devset' || t.corpus === 'sample', testOn: (t) => t.corpus === 'seeds' }]);
  race('news+seeds → devset', [{ trainOn: (t) => t.corpus === 'news' || t.corpus === 'seeds', testOn: (t) => t.corpus === 'devset' }]);
  // by extractor, and by page too: the pages in two halves, each extractor's text of one half scored
  // by a model of the other extractors' text of the other half (no page is both trained and scored on)
  const pages = [...new Set(files.map((t) => t.page))].sort();
  const half = new Map(pages.map((p, k) => [p, k % 2]));
  const extractors = [...new Set(files.map((t) => t.extractor))].filter((e) => e !== 'sample').sort();
  for (const e of extractors) race(`others → ${e}`, [0, 1].map((h) => ({ trainOn: (t: Tagged) => t.extractor !== e && half.get(t.page) !== h, testOn: (t: Tagged) => t.extractor === e && half.get(t.page) === h })));

  const header = ['fold (train → test)', 'display blocks', 'rules P R F1', 'model P R F1', 'F1 model − rules', `model ≥ ${SURE}, rules no: heads/all`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`display type found, by block: ${files.length} files, ${files.reduce((n, t) => n + t.examples.length, 0)} blocks\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  if (shown) {
    console.log(`\nweights of the fold ${shown.label} (standardised features):`);
    FEATURES.map((name, j) => ({ name, w: shown!.model.weights[j] }))
      .sort((a, b) => Math.abs(b.w) - Math.abs(a.w))
      .forEach(({ name, w }) => console.log(`  ${(w >= 0 ? '+' : '') + w.toFixed(2)}  ${name}`));
  }
});
