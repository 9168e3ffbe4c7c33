/** Validate tests/gold/*.json against content/raw/: `npx tsx scripts/check-gold.ts`. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateGold } from '../src/segment/eval/gold.ts';

const root = new URL('..', import.meta.url).pathname;
const goldDir = join(root, 'tests', 'gold');
let bad = 0;
for (const f of readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()) {
  const data: unknown = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
  const rawName = (data as { file?: string }).file ?? f.replace(/\.json$/, '.txt');
  const raw = readFileSync(join(root, 'content', 'raw', rawName), 'utf8');
  const { gold, errors } = validateGold(data, raw);
  if (errors.length) {
    bad++;
    console.log(`${f}: ${errors.length} error(s)`);
    for (const e of errors) console.log(`  ${e}`);
  } else {
    console.log(
      `${f}: ok — ${gold!.articles.length} articles, ${gold!.sentences.length} sentences, ${gold!.paragraph_breaks.length} breaks`,
    );
  }
}
process.exit(bad ? 1 : 0);
