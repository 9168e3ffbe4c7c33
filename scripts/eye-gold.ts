/**
 * `npm run eye-gold [-- --plain FILE --check]`: make tests/gold-eye/devset-eye.json, the hashed
 * eye-checked annotation of the development pages, from the plain annotation a person wrote
 * (default .cache/devset-eye/annotation.yaml; it quotes the copyrighted pages, so it stays out of
 * the repository). Every anchor is checked against the extractors' text of its page first; any
 * problem is listed and nothing is written (exit 1). `--check` writes nothing and exits 1 when the
 * file in the repository is not what the plain annotation makes.
 *
 * Needs ../shared/corpus-dev (exit 2 when absent) and the plain annotation.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { devsetPresent } from '../src/segment/eval/devset-load.ts';
import { buildEyeGold, EYE_GOLD_FILE, EYE_PLAIN_FILE } from '../src/segment/eval/eye-load.ts';
import { cli, options } from './cli.ts';

const values = options('eye-gold', 'usage: npm run eye-gold -- [--plain FILE] [--check]', {
  plain: { type: 'string' },
  check: { type: 'boolean' },
});
const c = cli('eye-gold');
const plainFile = values.plain ?? EYE_PLAIN_FILE;

await c.run(async () => {
  if (!devsetPresent()) c.fail(2, '../shared/corpus-dev is absent: the annotation is checked against its extractors\' text');
  if (!existsSync(plainFile)) c.fail(2, `${plainFile}: no plain annotation (it is kept out of the repository)`);
  const { gold, problems } = buildEyeGold(readFileSync(plainFile, 'utf8'));
  if (problems.length) {
    for (const p of problems) console.error(`  ${p}`);
    c.fail(1, `${problems.length} problem(s); nothing written`);
  }
  const json = JSON.stringify(gold, null, 1) + '\n';
  const n = gold.pages.reduce((k, p) => k + p.articles.length, 0);
  if (values.check) {
    const same = existsSync(EYE_GOLD_FILE) && readFileSync(EYE_GOLD_FILE, 'utf8') === json;
    console.log(same ? `${EYE_GOLD_FILE}: up to date (${gold.pages.length} pages, ${n} articles)` : `${EYE_GOLD_FILE}: differs from what ${plainFile} makes`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(EYE_GOLD_FILE, json);
  console.log(`${EYE_GOLD_FILE}: ${gold.pages.length} pages, ${n} articles`);
});
