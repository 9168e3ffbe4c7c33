/**
 * Scaling out as an array job (issue #18): the sample (content/raw, 5 files) built as 2 parts by
 * two `npm run build -- --part K/2` processes at once, merged by a third (`--merge`) while the
 * raw input is out of reach, and built whole by a fourth. The merged site must be the whole
 * build: the same Markdown, the same pages byte for byte (article, browse, calendar, people,
 * keywords, feed, sitemap, search page), and searches in headless Chromium that find the same
 * articles with the same result entries. The one difference allowed is how the Pagefind index is
 * cut — a shard per part instead of one for all — which shows only in /pagefind/ and
 * /search/config.json, checked for what it must be.
 *
 * Then: the split is a function of each file's path alone (a new file moves no other, the same
 * in any process), and the merge refuses, in one line with exit code 2, parts that do not make
 * one archive: another N, the same K twice, a K missing, another input, a part whose search
 * index does not hold its articles, a folder that is no part.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { partOf } from '../src/build/parts.ts';
import { runSegment } from '../src/build/segment-run.ts';
import { serveStatic, type StaticServer } from '../src/site/serve.ts';
import { launchBrowser, pageProblems, loadAllResults, waitSearchDone } from './browser.ts';
import { RAW_DIR, SAMPLE_FILES, snapshot } from './helpers.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENV = { SOURCE_DATE_EPOCH: '1700000000', BAOKU_PROGRESS: '0', BAOKU_SITE_URL: 'https://archive.example/' };

let tmp = '';
let mergeRun: Run | undefined;
let browser: Browser | undefined;
const servers: StaticServer[] = [];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run build -- …args` in a process of its own, from the temporary folder. */
function build(args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'scripts', 'build.ts'), ...args], {
      cwd: tmp,
      env: { ...process.env, ...ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

async function built(args: string[]): Promise<Run> {
  const r = await build(args);
  assert.equal(r.status, 0, `build ${args.join(' ')}: ${r.stderr}`);
  return r;
}

/** A build that must be refused: exit code 2 and one line on stderr, matching `message`. */
async function refused(args: string[], message: RegExp): Promise<void> {
  const r = await build(args);
  assert.equal(r.status, 2, `build ${args.join(' ')} exits 2: ${r.stdout}${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.match(lines[0], message);
}

const at = (...p: string[]) => join(tmp, ...p);
const json = async <T>(...p: string[]) => JSON.parse(await readFile(at(...p), 'utf8')) as T;
// the index, and the search page whose head preloads the first bundle's files (named by the index)
const isIndex = (path: string) => path.startsWith('pagefind/') || path === 'search/config.json' || path === 'search/index.html';

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-parts-'));
  await cp(RAW_DIR, at('raw'), { recursive: true });
  // papers, issue dates and pages for four of the files, so that the site has its date pages
  // (years, months, issues, the calendar), each paper with files in both parts; one file undated
  const [f0, f1, f2, , f4] = SAMPLE_FILES;
  await writeFile(
    at('raw', '_issues.csv'),
    ['file,publication,issue_date,page,section,edition', `${f0},人民日报,2018-01-22,7,要闻,`, `${f1},人民日报,2018-01-23,3,理论,`, `${f2},株洲日报,2021-06-14,1,,`, `${f4},株洲日报,2021-06-15,1,,`, ''].join('\n'),
  );
  // two jobs of an array at once, as a CI matrix or an Indexed Job runs them (one core each)
  await Promise.all([1, 2].map((k) => built(['--part', `${k}/2`, '--input', 'raw', '--output', `part-${k}`, '--workers', '1'])));
  // the merge never reads the input: it is moved out of reach while the parts are merged; and
  // what a killed part build leaves beside its folder, which a glob (parts/*) picks up, is no part
  await rename(at('raw'), at('raw-away'));
  await cp(at('part-2'), at('part-2.next'), { recursive: true });
  mergeRun = await built(['--merge', 'part-1', 'part-2', 'part-2.next', '--articles', 'merged-articles', '--output', 'merged-site']);
  await rm(at('part-2.next'), { recursive: true });
  await rename(at('raw-away'), at('raw'));
  await built(['--input', 'raw', '--articles', 'whole-articles', '--output', 'whole-site']);
});

after(async () => {
  await browser?.close().catch(() => undefined);
  for (const s of servers) await s.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('each part holds the raw files its path hashes to, with their Markdown, raw text and shards', async () => {
  const all: string[] = [];
  for (const k of [1, 2]) {
    const m = await json<{ part: number; of: number; files: string[]; inputFiles: number; articles: number }>(`part-${k}`, 'part.json');
    assert.deepEqual([m.part, m.of, m.inputFiles], [k, 2, SAMPLE_FILES.length]);
    assert.deepEqual(m.files, SAMPLE_FILES.filter((f) => partOf(f, 2) === k));
    assert.ok(m.files.length >= 1, `part ${k} has files`);
    all.push(...m.files);
    // its articles are its files' and no other's; its raw files are copies of the input's
    const mds = (await readdir(at(`part-${k}`, 'articles'))).filter((n) => n.endsWith('.md'));
    assert.equal(mds.length, m.articles);
    const keys = new Set(m.files.map((f) => f.slice(0, 3)));
    assert.ok(mds.every((n) => keys.has(n.slice(0, 3))), `part ${k}: ${mds.join(' ')}`);
    for (const f of m.files) assert.deepEqual(await readFile(at(`part-${k}`, 'raw', f)), await readFile(at('raw', f)));
    const shards = await json<{ shards: { pages: number }[] }>(`part-${k}`, 'pagefind', 'shards.json');
    assert.equal(shards.shards.reduce((n, s) => n + s.pages, 0), m.articles);
  }
  assert.deepEqual(all.sort(), SAMPLE_FILES);
});

test('the merged site is the whole build: the same Markdown and every page byte for byte', async () => {
  assert.match(mergeRun!.stdout, /^build: left out part-2\.next: a build's own files beside the part folders, no parts$/mu);
  assert.match(mergeRun!.stdout, /^build: 2 parts merged: \d+ pages, 31 indexed in 2 shards → merged-site$/mu);
  assert.deepEqual(await snapshot(at('merged-articles')), await snapshot(at('whole-articles')));
  const merged = await snapshot(at('merged-site'));
  const whole = await snapshot(at('whole-site'));
  const pages = (m: Map<string, string>) => new Map([...m].filter(([p]) => !isIndex(p)));
  assert.deepEqual(pages(merged), pages(whole));
  // what the comparison covers: article pages; browse pages by paper, year, month, issue, file
  // and page; raw text views; people, keywords; the home page, the feed, the sitemap (the search page below)
  const paths = [...pages(whole).keys()];
  for (const re of [
    /^articles\/[^/]+\/index\.html$/u,
    /^browse\/index\.html$/u,
    /^browse\/[^/]+\/index\.html$/u,
    /^browse\/[^/]+\/\d{4}\/index\.html$/u,
    /^browse\/[^/]+\/\d{4}\/\d{2}\/index\.html$/u,
    /^browse\/[^/]+\/\d{4}-\d{2}-\d{2}\/index\.html$/u,
    /^files\/[^/]+\/p\d+\/index\.html$/u,
    /^raw\/[^/]+\/index\.html$/u,
    /^authors\/[^/]+\/index\.html$/u,
    /^keywords\/[^/]+\/index\.html$/u,
    /^index\.html$/u,
    /^feed\.xml$/u,
    /^sitemap\.xml$/u,
  ]) {
    assert.ok(paths.some((p) => re.test(p)), `the site has ${re}`);
  }

  // the index: one shard for the whole build; the merged site lists each part's shard, byte for byte the part's
  const config = await json<{ bundles: string[] }>('merged-site', 'search', 'config.json');
  const wholeConfig = await json<{ bundles: string[] }>('whole-site', 'search', 'config.json');
  assert.deepEqual(wholeConfig.bundles, ['/pagefind/shard-00/']);
  assert.deepEqual(config.bundles, ['/pagefind/part-1/shard-00/', '/pagefind/part-2/shard-00/']);
  assert.deepEqual({ ...config, bundles: [], metaCacheTag: '' }, { ...wholeConfig, bundles: [], metaCacheTag: '' });
  // the search page preloads its own first bundle's files; otherwise it is the whole build's
  const searchPage = async (site: string) => readFile(at(site, 'search', 'index.html'), 'utf8');
  const [mergedSearch, wholeSearch] = [await searchPage('merged-site'), await searchPage('whole-site')];
  assert.match(mergedSearch, /href="\/pagefind\/part-1\/shard-00\/pagefind\.js"/u);
  assert.match(wholeSearch, /href="\/pagefind\/shard-00\/pagefind\.js"/u);
  // …and its first bundle's chunk table (src/build/search-preload.ts)
  assert.match(mergedSearch, /id="search-chunks" data-first-bundle>\{"bundle":"\/pagefind\/part-1\/shard-00\/"/u);
  const unbundled = (html: string) =>
    html.replace(/href="\/pagefind\/[^"]*"/gu, 'href="/pagefind/…"').replace(/(id="search-chunks" data-first-bundle>)[^\n]*(<\/script>)/u, '$1…$2');
  assert.equal(unbundled(mergedSearch), unbundled(wholeSearch));
  for (const k of [1, 2]) {
    const own = await snapshot(at(`part-${k}`, 'pagefind', 'shard-00'));
    const inSite = new Map([...merged].filter(([p]) => p.startsWith(`pagefind/part-${k}/shard-00/`)).map(([p, h]) => [p.slice(`pagefind/part-${k}/shard-00/`.length), h]));
    assert.deepEqual(inSite, own);
  }
  const indexed = (await json<{ shards: { pages: number }[] }>('merged-site', 'pagefind', 'shards.json')).shards.reduce((n, s) => n + s.pages, 0);
  assert.equal(indexed, (await json<unknown[]>('whole-site', 'articles.json')).length);
});

/** Every result of a search (pressing "more" to the end): each entry as the reader sees it, in a stable order. */
async function results(page: Page, site: StaticServer, query: string): Promise<string[]> {
  await page.goto(`${site.url}/search/?${query}`);
  await waitSearchDone(page, 60_000);
  await loadAllResults(page, 60_000);
  const entries = await page.$$eval('#results > li', (lis) => lis.map((li) => li.outerHTML));
  // Pagefind links the results of a bundle merged into the first by the bundle's full URL (its
  // base is the part before /pagefind/), the first bundle's root-relative: the same address.
  // Across shards, results of equal rank come shard by shard: the order is the index's cut, the
  // results are the archive's.
  return entries.map((e) => e.replaceAll(`href="${site.url}/`, 'href="/')).sort();
}

test('searches in Chromium find the same articles, shown the same, on the merged site as on the whole build', { timeout: 600_000 }, async () => {
  const merged = await serveStatic(at('merged-site'));
  servers.push(merged);
  const whole = await serveStatic(at('whole-site'));
  servers.push(whole);
  browser = await launchBrowser();

  // queries from the articles themselves: a headline of part 1, a word in articles of both parts
  const data = await json<{ title: string; source: { file: string } }[]>('whole-site', 'articles.json');
  const inPart = (k: number) => (a: { source: { file: string } }) => partOf(a.source.file, 2) === k;
  const headline = data.filter(inPart(1)).map((a) => a.title).find((t) => /^\p{Script=Han}{4,}$/u.test(t));
  assert.ok(headline, 'part 1 has a headline of four characters or more');
  const texts = new Map<string, string>();
  for (const name of (await readdir(at('whole-articles'))).filter((n) => n.endsWith('.md'))) texts.set(name, (await readFile(at('whole-articles', name), 'utf8')).replace(/\s+/gu, ''));
  const count = (w: string, k: number) => data.filter(inPart(k)).filter((a) => [...texts].some(([n, t]) => n.startsWith(`${a.source.file.slice(0, 3)}-`) && t.includes(w))).length;
  const words = new Set<string>();
  for (const t of texts.values()) for (const m of t.matchAll(/(?=(\p{Script=Han}{2}))/gu)) words.add(m[1]);
  const both = [...words].sort().find((w) => !/[的是了在和与一不]/u.test(w) && count(w, 1) >= 2 && count(w, 2) >= 2);
  assert.ok(both, 'a word in articles of both parts');

  const queries = [
    `q=${encodeURIComponent(headline)}`,
    `q=${encodeURIComponent(both)}`,
    // date order and a filter search every shard at once
    `q=${encodeURIComponent(both)}&sort=newest`,
    `publication=${encodeURIComponent('株洲日报')}`,
    `q=${encodeURIComponent(both)}&publication=${encodeURIComponent('人民日报')}&sort=oldest`,
  ];
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = pageProblems(page);
  try {
    for (const q of queries) {
      const fromWhole = await results(page, whole, q);
      const fromMerged = await results(page, merged, q);
      assert.ok(fromWhole.length >= 1, `${decodeURIComponent(q)} finds something`);
      assert.deepEqual(fromMerged, fromWhole, decodeURIComponent(q));
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a file goes to the part its path hashes to: the same in any process, and a new file moves no other', async () => {
  // pinned: another hash would move files between parts built by different versions
  assert.deepEqual(
    SAMPLE_FILES.map((f) => partOf(f, 2)),
    [2, 1, 2, 2, 1],
  );
  const names = Array.from({ length: 2000 }, (_, i) => `人民日报/${2000 + (i % 20)}/${String(i).padStart(4, '0')}.txt`);
  const here = names.map((n) => partOf(n, 7));
  const child = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', `import { partOf } from ${JSON.stringify(join(ROOT, 'src/build/parts.ts'))}; process.stdout.write(JSON.stringify(${JSON.stringify(names)}.map((n) => partOf(n, 7))));`], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), here);
  // spread over every part
  for (let k = 1; k <= 7; k++) {
    const share = here.filter((p) => p === k).length / names.length;
    assert.ok(share > 0.1 && share < 0.19, `part ${k} of 7: ${(share * 100).toFixed(1)} %`);
  }

  // a part of the input with one file more, in this part: a copy of a file of the other part,
  // which this part finds (it reads every file) and skips as a whole build would; the files it
  // had stay, with the same Markdown (a skipped copy teaches the archive's lexicon nothing)
  const added = Array.from({ length: 20 }, (_, i) => `${String(5 + i).padStart(3, '0')}_added.txt`).find((n) => partOf(n, 2) === 1)!;
  const original = SAMPLE_FILES.find((f) => partOf(f, 2) === 2)!;
  await cp(at('raw'), at('raw-more'), { recursive: true });
  await writeFile(at('raw-more', added), await readFile(at('raw', original)));
  await built(['--part', '1/2', '--input', 'raw-more', '--output', 'part-1-more']);
  const before_ = await json<{ files: string[]; inputFiles: number }>('part-1', 'part.json');
  const after_ = await json<{ files: string[]; inputFiles: number }>('part-1-more', 'part.json');
  assert.deepEqual(after_.files, [...before_.files, added].sort());
  assert.equal(after_.inputFiles, before_.inputFiles + 1);
  const md = async (dir: string) => new Map([...(await snapshot(at(dir, 'articles')))].filter(([n]) => n.endsWith('.md')));
  assert.deepEqual(await md('part-1-more'), await md('part-1'));
  const report = await json<{ files: { file: string; articles: number; warnings: { message: string }[] }[] }>('part-1-more', 'articles', '_report.json');
  const entry = report.files.find((f) => f.file === added);
  assert.deepEqual([entry?.articles, entry?.warnings.map((w) => w.message)], [0, [`same content as ${original}: skipped`]]);
  // but it is a part of another input: it does not merge with the old part 2
  await refused(['--merge', 'part-1-more', 'part-2', '--articles', 'x-articles', '--output', 'x-site'], /^build: part-1-more \(part 1 of 2\) and part-2 \(part 2 of 2\) were built from different inputs \(6 and 5 raw files\)/u);
});

test('a part finds that its PDF is a copy of another part’s, as a whole build does', async () => {
  // another part's PDF is read only when its size could make it the copy of a file that matters here
  const names = Array.from({ length: 40 }, (_, i) => `page-${String(i).padStart(2, '0')}.pdf`);
  const original = names.find((n) => partOf(n, 2) === 2)!;
  const copy = names.find((n) => n > original && partOf(n, 2) === 1)!;
  const other = names.find((n) => n !== original && partOf(n, 2) === 2)!;
  await mkdir(at('pdf-raw'));
  const pdf = await readFile(join(ROOT, 'tests', 'corpus-news', 'news01.pdf'));
  await writeFile(at('pdf-raw', original), pdf);
  await writeFile(at('pdf-raw', copy), pdf);
  await writeFile(at('pdf-raw', other), await readFile(join(ROOT, 'tests', 'corpus-news', 'news02.pdf')));
  const summary = await runSegment({ input: at('pdf-raw'), output: at('pdf-part-1'), part: { k: 1, n: 2 }, cacheDir: false, workers: 1 });
  assert.deepEqual(summary.part?.files, [copy]);
  assert.deepEqual([summary.files, summary.articles, summary.written], [1, 0, true]);
  const report = await json<{ files: { file: string; warnings: { message: string }[] }[] }>('pdf-part-1', '_report.json');
  assert.deepEqual(
    report.files.map((f) => [f.file, f.warnings.map((w) => w.message)]),
    [[copy, [`same content as ${original}: skipped`]]],
  );
});

test('the merge refuses parts that do not make one archive, and --part a value that is not K/N, in one line with exit code 2', async () => {
  const merge = (...dirs: string[]) => ['--merge', ...dirs, '--articles', 'x-articles', '--output', 'x-site'];
  await refused(merge('part-1'), /^build: part 2 of 2 missing: the merge needs every part \(given: 1\)$/u);
  await cp(at('part-1'), at('part-1-again'), { recursive: true });
  await refused(merge('part-1', 'part-1-again', 'part-2'), /^build: part-1 and part-1-again are both part 1 of 2$/u);
  await refused(merge('part-1', 'part-1'), /^build: part-1 is given twice$/u);
  await refused(merge('part-1', 'raw'), /^build: raw is not a part folder \(no part\.json\): build it with --part K\/N$/u);
  await refused(merge('part-1', 'nowhere'), /^build: part folder not found: nowhere$/u);
  // a part being built (here: by a machine whose processes this one cannot see) is not merged
  await writeFile(at('part-2.lock'), `${JSON.stringify({ pid: 4242, started: new Date().toISOString(), since: null, host: 'node-7', what: 'build' })}\n`);
  await refused(merge('part-1', 'part-2', 'part-2.lock'), /^build: part-2 is being built \(part-2\.lock is held\): merge once that build is done/u);
  await rm(at('part-2.lock'));
  // another N: part 1 of 4 holds no sample file, a part all the same
  assert.deepEqual(SAMPLE_FILES.filter((f) => partOf(f, 4) === 1), []);
  await built(['--part', '1/4', '--input', 'raw', '--output', 'part-1-of-4']);
  await refused(merge('part-1-of-4', 'part-2'), /^build: part-1-of-4 \(part 1 of 4\) and part-2 \(part 2 of 2\) were cut with different N/u);
  // a part whose Markdown was edited after its index was built: its shard would find what the site no longer says
  await cp(at('part-2'), at('part-2-edited'), { recursive: true });
  const md = (await readdir(at('part-2-edited', 'articles'))).find((n) => n.endsWith('.md'))!;
  const text = await readFile(at('part-2-edited', 'articles', md), 'utf8');
  await writeFile(at('part-2-edited', 'articles', md), text.replace(/^title: .*$/mu, 'title: 改过的标题'));
  await refused(merge('part-1', 'part-2-edited'), /^build: the search index of part 2 of 2 \(.*part-2-edited\) does not hold the search records of its articles as merged/u);
  assert.ok(!(await readdir(tmp)).includes('x-site'), 'no site written');

  for (const [value, why] of [
    ['3/2', /there is no part 3 of 2$/u],
    ['0/2', /K counts from 1/u],
    ['2', /not of that form$/u],
    ['a/b', /not of that form$/u],
    ['1/0', /N counts the parts/u],
  ] as const) {
    await refused(['--part', value, '--input', 'raw'], new RegExp(`^build: --part must be K/N, two whole numbers with 1 ≤ K ≤ N \\(e\\.g\\. --part 2/8\\), not ${value}: ${why.source}`, 'u'));
  }
  await refused(['--part', '1/2', '--input', 'raw', '--output', 'raw/part-1'], /^build: the part folder raw\/part-1 is inside the input folder raw: its copies of the raw files would be read as input; write it elsewhere$/u);
  await refused(['--part', '1/2', '--merge', 'part-1'], /^build: --part builds one part and --merge merges them: give one of the two$/u);
  await refused(['--merge', 'part-1', 'part-2', '--input', 'raw'], /^build: --merge takes its articles, raw files and search shards from the parts: no --input$/u);
});
