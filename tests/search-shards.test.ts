/**
 * The search page reads its bundle list from /search/config.json and merges the others into the
 * first (Pagefind's mergeIndex) as the reader asks for more results: a site indexed into several
 * shards answers like one, and its first results cost only the first shard.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import type { Browser } from 'playwright-core';
import { runSegment } from '../src/build/segment-run.ts';
import { runSearchEval } from '../src/search/eval/run.ts';
import { indexSite, renderSite } from '../src/build/site-build.ts';
import { serveStatic } from '../src/site/serve.ts';
import { indexShards } from '../src/build/shards.ts';
import { RAW_DIR } from './helpers.ts';
import { launchBrowser, loadAllResults } from './browser.ts';

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

test('a sharded index: the first results cost the first shard only; "more" brings the others in, up to every match', { timeout: 300_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-search-shards-'));
  const server = { close: async () => {} } as { close(): Promise<void>; url?: string };
  let browser: Browser | undefined;
  try {
    const articles = join(work, 'articles');
    await runSegment({ input: RAW_DIR, output: articles, cacheDir: false });
    const site = join(work, 'site');
    await renderSite({ articlesDir: articles, outDir: site });
    await indexSite(site, { bundles: 2 });
    const shards = JSON.parse(await readFile(join(site, 'pagefind', 'shards.json'), 'utf8')) as { shards: { bundle: string; files: [string, string] }[] };
    assert.ok(shards.shards.length >= 2, 'at least two shards');

    // which shard holds each article, and each article's text
    const docs: { shard: number; text: string }[] = [];
    for (const name of (await readdir(articles)).filter((n) => n.endsWith('.md'))) {
      const { data, content } = matter(await readFile(join(articles, name), 'utf8'));
      const file = String((data.source as { file: string }).file);
      const shard = shards.shards.findIndex((s) => file >= s.files[0] && file <= s.files[1]);
      docs.push({ shard, text: `${data.title ?? ''}${content}`.replace(/\s+/gu, '') });
    }
    // a character in more than a page of the first shard's articles and in some of a later shard
    const chars = [...new Set(docs.flatMap((d) => [...d.text.matchAll(/\p{Script=Han}/gu)].map((m) => m[0])))].sort();
    const q = chars.find((c) => docs.filter((d) => d.shard === 0 && d.text.includes(c)).length > 10 && docs.some((d) => d.shard > 0 && d.text.includes(c)));
    assert.ok(q, 'a character common in the first shard and found in a later one');
    const expected = docs.filter((d) => d.text.includes(q)).length;

    const served = await serveStatic(site);
    Object.assign(server, served);
    browser = await launchBrowser();
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${served.url}/search/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => Boolean(document.documentElement.dataset.searchDone), undefined, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('#results > li').count(), 10, 'a full first page');
    const later = shards.shards.slice(1).map((s) => s.bundle);
    assert.deepEqual(fetched.filter((p) => later.some((b) => p.startsWith(b))), [], 'nothing of the later shards fetched for the first page');
    assert.equal(await page.getAttribute('#search-status', 'data-total'), null, 'no total claimed before every shard is searched');
    assert.match((await page.textContent('#search-status')) ?? '', /更多结果/u);

    await loadAllResults(page, 60_000);
    for (const b of later) assert.ok(fetched.some((p) => p.startsWith(b)), `${b} searched once more was asked for`);
    const links = await page.$$eval('#results > li h2 a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    assert.equal(new Set(links).size, links.length, 'no article listed twice');
    assert.equal(links.length, expected, `every article containing "${q}"`);
    assert.equal(await page.getAttribute('#search-status', 'data-total'), String(expected));
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
});

test('shards indexed by two Pagefind services at once are the files one service writes', { timeout: 120_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-search-shards-'));
  try {
    const trees: Map<string, string>[] = [];
    for (const concurrency of [1, 2]) {
      const site = join(work, `site-${concurrency}`);
      await renderSite({ articlesDir: FIXTURES, outDir: site });
      const r = await indexShards(site, { shards: 3, concurrency });
      assert.ok(r.shards >= 2, `${r.shards} shards`);
      const tree = new Map<string, string>();
      for (const e of await readdir(join(site, 'pagefind'), { withFileTypes: true, recursive: true })) {
        if (e.isFile()) tree.set(join(relative(site, e.parentPath), e.name), createHash('sha256').update(await readFile(join(e.parentPath, e.name))).digest('hex'));
      }
      trees.push(tree);
    }
    assert.ok(trees[0].size > 10);
    assert.deepEqual(trees[1], trees[0]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
