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
    // about two shards of whole source files (cut where the content says, so that boundaries stay put)
    assert.ok(config.bundles.length >= 2, config.bundles.join(' '));
    assert.equal(config.bundles[0], '/pagefind/shard-00/');
    for (const b of config.bundles) assert.ok(existsSync(join(site, b, 'pagefind-entry.json')), b);
    assert.ok(!existsSync(join(site, 'search', 'records.json')), 'the records file is removed once indexed');

    const result = await runSearchEval({ work, articles: FIXTURES, site, perKind: 4, seed: 3, fresh: 0, baseline: false, log: () => {} });
    const [baoku] = result.engines;
    for (const s of baoku.scores) {
      assert.deepEqual(s.missed, [], `${s.query.kind} "${s.query.q}" finds every article containing it`);
      assert.deepEqual(s.wrong, [], `${s.query.kind} "${s.query.q}" finds only articles containing it`);
    }
    // articles of both shards found
    const found = [...new Set(baoku.scores.flatMap((s) => s.found))];
    assert.ok(found.some((u) => u.includes('/000-')) && found.some((u) => !u.includes('/000-')), `articles found: ${found.join(' ')}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
