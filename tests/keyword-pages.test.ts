/**
 * A keyword's articles come in pages of ARTICLES_PER_LIST_PAGE: one page with every article that
 * prints a common keyword grew with the archive (湖南 on the bench's 10,000 files: 28 MB of HTML,
 * and a render process that held a batch of such pages ran out of memory).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderWith } from '../src/build/render.ts';
import { batchesOf, itemSignatures, listedCounts } from '../src/build/incremental.ts';
import { loadArchive } from '../src/site/archive.ts';
import { ARTICLES_PER_LIST_PAGE } from '../src/site/entities.ts';
import { outputFor } from '../src/site/urls.ts';
import { RAW_DIR } from './helpers.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'site-articles', '000-p1-01.md');
const COPIES = 2 * ARTICLES_PER_LIST_PAGE + 5;

test('a keyword printed in more articles than a page holds gets pages of its own, linked in order', async (t) => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-kwpages-'));
  t.after(() => rm(work, { recursive: true, force: true }));
  const articles = join(work, 'articles');
  await mkdir(articles);
  const md = await readFile(FIXTURE, 'utf8');
  // the same story printed again and again on one page: every copy prints 东安县公安局
  for (let i = 1; i <= COPIES; i++) {
    const id = `000-p1-${String(i).padStart(3, '0')}`;
    await writeFile(join(articles, `${id}.md`), md.replace('id: 000-p1-01', `id: ${id}`).replace("title: ''", `title: 第${i}篇`));
  }
  const archive = await loadArchive({ articlesDir: articles, rawDir: RAW_DIR });
  const k = archive.keywords.find((x) => x.name === '东安县公安局')!;
  assert.equal(k.articles.length, COPIES);
  assert.deepEqual(
    k.pages.map((p) => [p.number, p.of, p.from, p.articles.length]),
    [
      [1, 3, 1, 100],
      [2, 3, 101, 100],
      [3, 3, 201, 5],
    ],
  );
  assert.equal(k.pages[0].url, k.url);
  assert.equal(k.pages[1].url, `${k.url}2/`);
  // every article once, in the keyword's order
  assert.deepEqual(k.pages.flatMap((p) => p.articles), k.articles);
  // each page is an item of its own for incremental builds
  const sigs = itemSignatures(archive, new Map());
  for (const p of k.pages) assert.ok(sigs.has(p.url), `${p.url} has a signature`);

  // a render process's batches hold few such pages: at most 8 listed articles an item
  const urls = [...sigs.keys()];
  const listed = listedCounts(archive);
  assert.equal(listed.get(k.pages[0].url), 100);
  const batches = batchesOf(urls, 10, listed);
  assert.deepEqual(batches.flat(), urls, 'every item once, in order');
  for (const b of batches) {
    const weight = b.reduce((n, u) => n + (listed.get(u) ?? 1), 0);
    assert.ok(b.length <= 10 && (b.length === 1 || weight <= 80), `a batch of ${b.length} items listing ${weight}`);
  }
  for (const p of k.pages.slice(0, 2)) assert.ok(batches.some((b) => b.length === 1 && b[0] === p.url), `${p.url} rendered alone`);

  const site = join(work, 'site');
  const written = new Set((await renderWith({ articlesDir: articles, rawDir: RAW_DIR, archive }, site)).map((w) => w.url));
  const page = async (url: string) => readFile(join(site, outputFor(url)), 'utf8');
  const first = await page(k.pages[0].url);
  const second = await page(k.pages[1].url);
  const third = await page(k.pages[2].url);
  assert.ok(!existsSync(join(site, outputFor(`${k.url}4/`))), 'no fourth page');
  const linked = (h: string) => [...h.matchAll(/<a href="(\/articles\/[^"]+\/)"/gu)].map((m) => m[1]);
  assert.deepEqual(new Set(linked(first)), new Set(k.pages[0].articles.map((a) => a.url)));
  assert.deepEqual(new Set(linked(third)), new Set(k.pages[2].articles.map((a) => a.url)));
  // the count is the keyword's, the pager walks the pages
  assert.match(first, new RegExp(`${COPIES} 篇文章提到它`, 'u'));
  assert.match(second, /第 2 页，共 3 页/u);
  assert.match(second, new RegExp(`rel="prev" href="${k.pages[0].url}"`, 'u'));
  assert.match(second, new RegExp(`rel="next" href="${k.pages[2].url}"`, 'u'));
  assert.doesNotMatch(first, /rel="prev"/u);
  assert.doesNotMatch(third, /rel="next"/u);
  // the run reports every page written (what the sitemap and incremental builds list)
  for (const p of k.pages) assert.ok(written.has(p.url) || written.has(decodeURIComponent(p.url)), `${p.url} reported written`);
});
