/**
 * Scaling out: two parts of the archive built apart (as on two machines: separate raw folders,
 * separate `npm run build` processes, separate sites on separate origins) are searched through
 * one search page. Part A is built with BAOKU_SEARCH_ALSO naming part B's URL; A's search page
 * merges B's Pagefind shards at search time, and B's results link to B.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../src/site/serve.ts';
import { RAW_DIR, SAMPLE_FILES } from './helpers.ts';
import { launchBrowser, pageProblems, loadAllResults } from './browser.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WAIT = { timeout: 60_000 };

let tmp = '';
let browser: Browser | undefined;
const servers: StaticServer[] = [];
const parts = { a: SAMPLE_FILES.slice(0, 3), b: SAMPLE_FILES.slice(3) };
let siteA: StaticServer;
let siteB: StaticServer;

function build(part: 'a' | 'b', env: Record<string, string> = {}) {
  const dir = join(tmp, part);
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'scripts', 'build.ts'), '--input', join(dir, 'raw'), '--articles', join(dir, 'articles'), '--output', join(dir, 'site')], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', BAOKU_PROGRESS: '0', ...env },
    timeout: 300_000,
  });
  assert.equal(r.status, 0, `build ${part}: ${r.stderr}`);
}

/** Titles and plain bodies of a part's articles. */
async function articlesOf(part: 'a' | 'b'): Promise<{ title: string; body: string }[]> {
  const dir = join(tmp, part, 'articles');
  const out = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md')).sort()) {
    const { data, content } = matter(await readFile(join(dir, name), 'utf8'));
    out.push({ title: String(data.title ?? ''), body: content.replace(/\s+/gu, '') });
  }
  return out;
}

async function results(page: Page, q: string): Promise<string[]> {
  await page.goto(`${siteA.url}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => Boolean(document.documentElement.dataset.searchDone), undefined, WAIT);
  await loadAllResults(page, WAIT.timeout);
  return page.$$eval('#results > li a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-search-sites-'));
  for (const part of ['a', 'b'] as const) {
    await mkdir(join(tmp, part, 'raw'), { recursive: true });
    for (const f of parts[part]) await copyFile(join(RAW_DIR, f), join(tmp, part, 'raw', f));
  }
  // B first: A's pages must name B's origin (its search page fetches B's index)
  build('b');
  siteB = await serveStatic(join(tmp, 'b', 'site'), { cors: true });
  servers.push(siteB);
  build('a', { BAOKU_SEARCH_ALSO: `${siteB.url}/` });
  siteA = await serveStatic(join(tmp, 'a', 'site'));
  servers.push(siteA);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => undefined);
  for (const s of servers) await s.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('one search page finds articles of two sites built apart, and B’s results open on B', { timeout: 600_000 }, async () => {
  const config = JSON.parse(await readFile(join(tmp, 'a', 'site', 'search', 'config.json'), 'utf8'));
  assert.deepEqual(config.sites, [`${siteB.url}/`]);

  const [a, b] = [await articlesOf('a'), await articlesOf('b')];
  // a headline of B that no article of A contains
  const titleB = b.map((x) => x.title).find((t) => /^\p{Script=Han}{4,}$/u.test(t) && !a.some((y) => y.body.includes(t) || y.title.includes(t)));
  assert.ok(titleB, 'B has a headline A does not contain');
  // a two-character word in articles of both parts
  const words = new Map<string, number>();
  for (const x of a) for (const m of x.body.matchAll(/(?=(\p{Script=Han}{2}))/gu)) words.set(m[1], 0);
  const both = [...words.keys()].sort().find((w) => !/[的是了在和与]/u.test(w) && b.filter((x) => x.body.includes(w)).length >= 2 && a.filter((x) => x.body.includes(w)).length >= 2);
  assert.ok(both, 'a word both parts contain');

  const context = await browser!.newContext();
  const page = await context.newPage();
  const problems = pageProblems(page);
  try {
    const fromB = await results(page, titleB);
    assert.ok(fromB.length >= 1, `"${titleB}" found`);
    assert.ok(fromB.every((u) => u.startsWith(`${siteB.url}/articles/`)), `"${titleB}" links to B: ${fromB.join(' ')}`);

    const mixed = await results(page, both);
    const inA = mixed.filter((u) => u.startsWith(`${siteA.url}/articles/`));
    const inB = mixed.filter((u) => u.startsWith(`${siteB.url}/articles/`));
    assert.ok(inA.length >= 2 && inB.length >= 2, `"${both}": ${inA.length} results on A, ${inB.length} on B`);
    assert.equal(inA.length + inB.length, mixed.length);
    assert.equal(await page.getAttribute('html', 'data-search-missing'), null, 'every site answered');

    // a result of B opens B's article page
    await page.goto(`${siteA.url}/search/?q=${encodeURIComponent(titleB)}`);
    await page.waitForFunction(() => Boolean(document.documentElement.dataset.searchDone), undefined, WAIT);
    await page.click('#results > li a');
    await page.waitForURL(`${siteB.url}/articles/**`, WAIT);
    assert.equal((await page.textContent('h1'))?.replace(/\s+/gu, ''), titleB);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a site that cannot be reached is left out of the search, and the reader is told', { timeout: 300_000 }, async () => {
  const context = await browser!.newContext();
  const page = await context.newPage();
  try {
    // B stops answering: A's own articles are still found
    await context.route(`${siteB.url}/**`, (route) => route.abort());
    const a = await articlesOf('a');
    const titleA = a.map((x) => x.title).find((t) => /^\p{Script=Han}{4,}$/u.test(t))!;
    const found = await results(page, titleA);
    assert.ok(found.some((u) => u.startsWith(`${siteA.url}/articles/`)), `"${titleA}" still found on A`);
    assert.equal(await page.getAttribute('html', 'data-search-missing'), new URL(siteB.url).host);
    assert.match((await page.textContent('#search-note')) ?? '', /无法加载/u);
  } finally {
    await context.close();
  }
});
