/**
 * `npm run search-eval`: how well the site's search finds Chinese strings, measured in headless
 * Chromium through the search page itself, side by side with the stock Pagefind UI over a stock
 * Pagefind index of the same article pages.
 *
 *   npm run search-eval                         segment content/raw, build the site, run ~200 queries
 *   npm run search-eval -- --reuse              reuse the site and baseline built last time (the
 *                                               site's assets/ are refreshed; index changes need a rebuild)
 *   npm run search-eval -- --articles DIR       build from these articles instead
 *   npm run search-eval -- --site DIR --articles DIR   a site already built (with `npm run build`)
 *   npm run search-eval -- --synth 1000         1,000 articles recombined from the sample
 *   npm run search-eval -- --alternatives       also the stock index with every candidate checked
 *   npm run search-eval -- --bundles 4          Baoku's index split over four Pagefind bundles
 *   npm run search-eval -- --per-kind 10 --seed 7 --fresh 10 --no-baseline --details --json out.json
 *
 * The query set is generated from the archive (src/search/eval/queries.ts): dictionary words,
 * substrings across word boundaries, person names, traditional forms, and "never together"
 * strings. The truth of a query is the set of articles whose headline, text or credits contain it.
 * Scores in src/search/eval/score.ts. Exits 0 whatever the scores; 1 when something fails to run.
 */
import { writeFile } from 'node:fs/promises';
import { runSearchEval, type EngineResult } from '../src/search/eval/run.ts';
import { missedTargets, table } from '../src/search/eval/score.ts';
import { cli, options } from './cli.ts';

function details(e: EngineResult): string[] {
  const lines: string[] = [];
  for (const s of e.scores) {
    const bad = s.missed.length || s.wrong.length;
    if (!bad) continue;
    lines.push(
      `  ${e.name} ${s.query.kind} "${s.query.q}"${s.query.from ? ` (${s.query.from})` : ''}: ${s.truth} true, ${s.returned} returned` +
        (s.missed.length ? `; missed ${s.missed.slice(0, 3).join(' ')}` : '') +
        (s.wrong.length ? `; wrong ${s.wrong.slice(0, 3).join(' ')}` : ''),
    );
  }
  return lines;
}

const { fail, run } = cli('search-eval');
const values = options(
  'search-eval',
  'usage: npm run search-eval -- [--reuse] [--articles DIR] [--site DIR] [--raw DIR] [--work DIR] [--synth N] [--per-kind N] [--seed S] [--no-baseline] [--alternatives] [--bundles N] [--fresh N] [--details] [--json FILE]',
  {
    articles: { type: 'string' },
    site: { type: 'string' },
    raw: { type: 'string' },
    work: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    synth: { type: 'string' },
    'per-kind': { type: 'string', default: '40' },
    seed: { type: 'string' },
    'no-baseline': { type: 'boolean', default: false },
    alternatives: { type: 'boolean', default: false },
    bundles: { type: 'string' },
    fresh: { type: 'string', default: '10' },
    details: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
);
if (values.site && !values.articles) fail(2, '--site needs --articles, the folder the site was built from (the truth comes from it)');

await run(async () => {
  const result = await runSearchEval({
    articles: values.articles,
    site: values.site,
    raw: values.raw,
    work: values.work,
    reuse: values.reuse,
    synth: values.synth ? Number(values.synth) : undefined,
    perKind: Number(values['per-kind']),
    seed: values.seed ? Number(values.seed) : undefined,
    baseline: !values['no-baseline'],
    alternatives: values.alternatives,
    bundles: values.bundles ? Number(values.bundles) : undefined,
    fresh: Number(values.fresh),
  });
  const counts = Object.entries(
    result.queries.reduce<Record<string, number>>((m, q) => ({ ...m, [q.kind]: (m[q.kind] ?? 0) + 1 }), {}),
  )
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(`\nsearch-eval: ${result.articles} articles, ${result.queries.length} queries (${counts}), site ${result.site}\n`);
  console.log(table(result.engines.map((e) => ({ name: e.name, summary: e.summary }))));
  const baoku = result.engines[0];
  const missed = missedTargets(baoku.summary);
  console.log(`\nBaoku ${missed.length ? `misses: ${missed.join('; ')}` : 'meets every target'}.`);
  if (values.details) for (const e of result.engines) console.log([`\n${e.name}: queries with misses or wrong results`, ...details(e)].join('\n'));
  if (values.json) {
    await writeFile(values.json, JSON.stringify({ ...result, engines: result.engines.map((e) => ({ ...e })) }, null, 1));
  }
});
