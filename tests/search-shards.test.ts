/**
 * The search page reads its bundle list from /search/config.json and merges the others into the
 * first (Pagefind's mergeIndex): a site indexed into two bundles answers like one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSearchEval } from '../scripts/search-eval.ts';
import { indexSite, renderSite } from '../src/site/render.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'site-articles');

test('a site indexed into two Pagefind bundles is searched as one', { timeout: 60_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-search-shards-'));
  try {
    const site = join(work, 'site');
    await renderSite({ articlesDir: FIXTURES, outDir: site });
    const { pages } = await indexSite(site, { bundles: 2 });
    assert.equal(pages, 6, 'every fixture article indexed once');
    const config = JSON.parse(await readFile(join(site, 'search', 'config.json'), 'utf8'));
    assert.deepEqual(config.bundles, ['/pagefind/', '/pagefind-2/']);
    assert.ok(existsSync(join(site, 'pagefind-2', 'pagefind-entry.json')));
    assert.ok(!existsSync(join(site, 'search', 'records.json')), 'the records file is removed once indexed');

    const result = await runSearchEval({ work, articles: FIXTURES, site, perKind: 4, seed: 3, fresh: 0, baseline: false, log: () => {} });
    const [baoku] = result.engines;
    for (const s of baoku.scores) {
      assert.deepEqual(s.missed, [], `${s.query.kind} "${s.query.q}" finds every article containing it`);
      assert.deepEqual(s.wrong, [], `${s.query.kind} "${s.query.q}" finds only articles containing it`);
    }
    // Three articles per bundle: finding more than three means both bundles answered.
    const found = new Set(baoku.scores.flatMap((s) => s.found));
    assert.ok(found.size > 3, `articles found: ${[...found].join(' ')}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
