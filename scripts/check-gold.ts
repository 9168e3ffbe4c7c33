/** Validate tests/gold/*.json against content/raw/: `npx tsx scripts/check-gold.ts`. */
import { join } from 'node:path';
import { loadGoldSamples } from '../src/segment/eval/sample.ts';
import { ROOT } from './cli.ts';

const { samples, problems } = loadGoldSamples(join(ROOT, 'tests', 'gold'), join(ROOT, 'content', 'raw'));
for (const p of problems) {
  console.log(`${p.file}: ${p.errors.length} error(s)`);
  for (const e of p.errors) console.log(`  ${e}`);
}
for (const { gold } of samples) {
  console.log(`${gold.file}: ok — ${gold.articles.length} articles, ${gold.sentences.length} sentences, ${gold.paragraph_breaks.length} breaks`);
}
process.exit(problems.length ? 1 : 0);
