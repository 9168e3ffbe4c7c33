/**
 * `npm run keyword-eval [-- --articles DIR --input DIR --tagged-only]`: the keyword pages of a
 * segmented archive measured (src/site/keyword-measure.ts): pages, the share listing two
 * articles or more, doubles (株洲 / 株洲市) and fragments left, each listed. `--tagged-only`
 * measures them as the site made them before issue #15 (one page per keyword string, only the
 * articles naming it). Prints a table and a final JSON line; exits 0 whatever the figures.
 */
import { resolve } from 'node:path';
import { loadArchive } from '../src/site/archive.ts';
import { measureKeywords } from '../src/site/keyword-measure.ts';
import { cli, options, ROOT } from './cli.ts';

const { run } = cli('keyword-eval');
const values = options('keyword-eval', 'usage: npm run keyword-eval -- [--articles DIR] [--input DIR] [--tagged-only]', {
  articles: { type: 'string' },
  input: { type: 'string' },
  'tagged-only': { type: 'boolean', default: false },
});
const articlesDir = values.articles ?? resolve(ROOT, 'content/articles');
const rawDir = values.input ?? resolve(ROOT, 'content/raw');

await run(async () => {
  const archive = await loadArchive({ articlesDir, rawDir });
  const m = await measureKeywords(archive, rawDir, { taggedOnly: values['tagged-only'] });
  console.log(`keyword pages                 ${m.pages}${values['tagged-only'] ? '  (as before: tagged articles only, no forms merged)' : ''}`);
  console.log(`with ≥ 2 articles             ${m.multi} (${(m.share * 100).toFixed(1)} %)`);
  console.log(`doubles (place / its form)    ${m.doubles.length}${m.doubles.length ? `: ${m.doubles.map(([a, b]) => `${a}/${b}`).join(' ')}` : ''}`);
  console.log(`fragments (not a word)        ${m.fragments.length}${m.fragments.length ? `: ${m.fragments.join(' ')}` : ''}`);
  console.log(JSON.stringify({ pages: m.pages, multi: m.multi, share: Number(m.share.toFixed(4)), doubles: m.doubles, fragments: m.fragments }));
});
