/**
 * A keyword's articles, and a person's, come in pages of ARTICLES_PER_LIST_PAGE: one page with
 * every article that prints a common keyword grew with the archive (湖南 on the bench's 10,000
 * files: 28 MB of HTML, and a render process that held a batch of such pages ran out of memory),
 * and so did a prolific name's (2.5 MB).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { renderWith } from '../src/build/render.ts';
import { batchesOf, dealBatches, itemSignatures, listedCounts } from '../src/build/incremental.ts';
import { loadArchive } from '../src/site/archive.ts';
import { ARTICLES_PER_LIST_PAGE } from '../src/site/entities.ts';
import { outputFor } from '../src/site/urls.ts';
import { RAW_DIR } from './helpers.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'site-articles', '000-p1-01.md');
const COPIES = 2 * ARTICLES_PER_LIST_PAGE + 5;

/**
 * The same story printed again and again on one page (COPIES times, every copy prints 东安县公安局
 * and is signed by 魏龙元 and 黄柳英), each copy's Markdown passed through `edit`; in a temporary
 * folder removed after the test.
 */
async function copies(t: TestContext, edit: (md: string, i: number) => string = (md) => md): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'baoku-listpages-'));
  t.after(() => rm(work, { recursive: true, force: true }));
  const articles = join(work, 'articles');
  await mkdir(articles);
  const md = await readFile(FIXTURE, 'utf8');
  for (let i = 1; i <= COPIES; i++) {
    const id = `000-p1-${String(i).padStart(3, '0')}`;
    await writeFile(join(articles, `${id}.md`), edit(md.replace('id: 000-p1-01', `id: ${id}`).replace("title: ''", `title: 第${i}篇`), i));
  }
  return work;
}

const linked = (h: string) => [...h.matchAll(/<a href="(\/articles\/[^"]+\/)"/gu)].map((m) => m[1]);

test('a keyword printed in more articles than a page holds gets pages of its own, linked in order', async (t) => {
  const work = await copies(t);
  const articles = join(work, 'articles');
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
  // dealt to two render processes: every batch once, and the keyword's two full pages (the
  // heaviest items, last in the archive's order) to different processes
  const shares = dealBatches(batches, 2, listed);
  assert.equal(shares.length, 2);
  assert.deepEqual(shares.flat().flat().sort(), [...urls].sort());
  const holder = (url: string) => shares.findIndex((s) => s.flat().includes(url));
  assert.notEqual(holder(k.pages[0].url), holder(k.pages[1].url));

  const site = join(work, 'site');
  const written = new Set((await renderWith({ articlesDir: articles, rawDir: RAW_DIR, archive }, site)).map((w) => w.url));
  const page = async (url: string) => readFile(join(site, outputFor(url)), 'utf8');
  const first = await page(k.pages[0].url);
  const second = await page(k.pages[1].url);
  const third = await page(k.pages[2].url);
  assert.ok(!existsSync(join(site, outputFor(`${k.url}4/`))), 'no fourth page');
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

test('a person credited on more articles than a page holds gets pages of their own, role by role', async (t) => {
  // the first ten copies' photos are 魏龙元's too: they are listed again under 摄影, after every
  // article written, on the last page
  const work = await copies(t, (md, i) => (i <= 10 ? md.replace('photographers: []', 'photographers:\n  - 魏龙元').replace('credits:\n', 'credits:\n  - name: 魏龙元\n    role: 摄影\n') : md));
  const articles = join(work, 'articles');
  const archive = await loadArchive({ articlesDir: articles, rawDir: RAW_DIR });
  const p = archive.people.find((x) => x.name === '魏龙元')!;
  assert.deepEqual(p.roles, ['作者', '摄影']);
  assert.deepEqual(
    p.pages.map((pg) => [pg.number, pg.of, pg.from, pg.sections.map((s) => [s.role, s.articles.length])]),
    [
      [1, 3, 1, [['作者', 100]]],
      [2, 3, 101, [['作者', 100]]],
      [3, 3, 201, [['作者', 5], ['摄影', 10]]],
    ],
  );
  assert.equal(p.pages[0].url, p.url);
  assert.equal(p.pages[2].url, `${p.url}3/`);
  // 黄柳英 signs every copy too, as 作者 only
  assert.equal(archive.people.find((x) => x.name === '黄柳英')!.pages.length, 3);
  const sigs = itemSignatures(archive, new Map());
  for (const pg of p.pages) assert.ok(sigs.has(pg.url), `${pg.url} has a signature`);
  assert.equal(listedCounts(archive).get(p.pages[2].url), 15);

  const site = join(work, 'site');
  await renderWith({ articlesDir: articles, rawDir: RAW_DIR, archive }, site);
  const page = async (url: string) => readFile(join(site, outputFor(url)), 'utf8');
  const [first, , last] = await Promise.all(p.pages.map((pg) => page(pg.url)));
  assert.deepEqual(new Set(linked(first)), new Set(p.pages[0].sections[0].articles.map((a) => a.url)));
  // the counts are the person's on every page; the last page holds both roles' sections
  for (const h of [first, last]) assert.match(h, new RegExp(`署名 ${COPIES} 篇文章：作者 ${COPIES} 篇，摄影 10 篇`, 'u'));
  assert.match(last, /id="role-作者"[\s\S]*id="role-摄影"/u);
  assert.match(last, /第 3 页，共 3 页/u);
  assert.match(last, new RegExp(`rel="prev" href="${p.pages[1].url}"`, 'u'));
  assert.doesNotMatch(first, /rel="prev"/u);
});
