/**
 * The search evaluation (`npm run search-eval`, scripts/search-eval.ts): how well the site's search
 * finds Chinese strings, measured in headless Chromium through the search page itself, side by
 * side with the stock Pagefind UI over a stock Pagefind index of the same article pages.
 *
 * The query set is generated from the archive (queries.ts): dictionary words, substrings across
 * word boundaries, person names, traditional forms, and "never together" strings. The truth of a
 * query is the set of articles whose headline, text or credits contain it. Scores in score.ts.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import { Converter } from 'opencc-js';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchBrowser } from '../../../tests/browser.ts';
import { generateQueries, truth, corpus, type EvalArticle, type EvalQuery } from './queries.ts';
import { scoreQuery, summarize, type EngineSummary, type QueryRun, type QueryScore } from './score.ts';
import { fromMarkdown, toMarkdown } from '../../contract/markdown.ts';
import { synthesize } from './synth.ts';
import { SEARCH_CONFIG_PATH } from '../text.ts';
import { loadArchive } from '../../site/archive.ts';
import { serveStatic, type StaticServer } from '../../site/serve.ts';
import { indexHtmlPages } from '../../build/render.ts';
import { runSegment } from '../../build/segment-run.ts';
import { indexSite, renderSite } from '../../build/site-build.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const WAIT_MS = 30_000;

export interface EvalOptions {
  /** Segmented articles (`<id>.md`); default: segment content/raw into `<work>/articles`. */
  articles?: string;
  /** A site already built from `articles`; default: build one into `<work>/site`. */
  site?: string;
  /** Raw text folder for the site's raw views (default content/raw). */
  raw?: string;
  /** Working folder for what the evaluation builds (default .cache/search-eval). */
  work?: string;
  /** Reuse the site and baseline index built into `work` last time. */
  reuse?: boolean;
  /** Make this many articles out of `articles` and evaluate on them. */
  synth?: number;
  perKind?: number;
  seed?: number;
  /** How many queries to time on a freshly opened page too (default 10). */
  fresh?: number;
  /** Split Baoku's index over this many Pagefind bundles (indexSite's `bundles`). */
  bundles?: number;
  /** Also run the stock Pagefind UI (default true). */
  baseline?: boolean;
  /** Also run the stock index with every candidate checked (the design Baoku did not take). */
  alternatives?: boolean;
  log?: (line: string) => void;
}

export interface EngineResult {
  name: string;
  scores: QueryScore[];
  summary: EngineSummary;
}

export interface EvalResult {
  articles: number;
  queries: EvalQuery[];
  engines: EngineResult[];
  site: string;
}

// ---------------------------------------------------------------------------------------------
// Preparing the articles, the site and the baseline

async function segmentRaw(raw: string, out: string): Promise<void> {
  const s = await runSegment({ input: raw, output: out });
  if (s.articles === 0) throw new Error(`no articles could be segmented from ${raw} (${s.skipped} of ${s.files} files skipped)`);
}

async function writeSynth(from: string, to: string, n: number, seed: number): Promise<void> {
  const sources = [];
  for (const name of (await readdir(from)).filter((f) => f.endsWith('.md') && !f.startsWith('_')).sort()) {
    sources.push(fromMarkdown(await readFile(join(from, name), 'utf8'), join(from, name)));
  }
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  for (const a of synthesize(sources, n, seed)) await writeFile(join(to, `${a.id}.md`), toMarkdown(a));
}

async function buildSite(articles: string, raw: string, out: string, bundles: number | undefined, log: (l: string) => void): Promise<void> {
  const tmp = `${out}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  let t = performance.now();
  const rendered = await renderSite({ articlesDir: articles, rawDir: raw, outDir: tmp });
  log(`search-eval: Eleventy wrote ${rendered.pages} pages in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const indexed = await indexSite(tmp, { bundles });
  log(`search-eval: Baoku's index holds ${indexed.pages} articles (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  await rm(out, { recursive: true, force: true });
  await rename(tmp, out);
}

/** The stock Pagefind UI over a stock index of the same article pages. */
async function buildBaseline(site: string, out: string, log: (l: string) => void): Promise<void> {
  await rm(out, { recursive: true, force: true });
  const t = performance.now();
  const { pages } = await indexHtmlPages(site, join(out, 'pagefind'));
  log(`search-eval: stock Pagefind index holds ${pages} pages (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  await writeFile(
    join(out, 'index.html'),
    `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>Pagefind default UI</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script>
</head>
<body>
<div id="search"></div>
<script>
  // The stock UI with its defaults, except that it searches as soon as the query is set
  // (no 300 ms typing pause, which would only add to its time).
  window.addEventListener('DOMContentLoaded', () => {
    window.pfui = new PagefindUI({ element: '#search', showImages: false, debounceTimeoutMs: 0 });
  });
</script>
</body>
</html>
`,
  );
}

/** Every searchable field of every article, as the site shows it. */
async function evalArticles(articles: string, raw: string): Promise<EvalArticle[]> {
  const archive = await loadArchive({ articlesDir: articles, rawDir: raw });
  return archive.articles.map((a) => ({
    url: a.url,
    title: a.displayTitle,
    headline: [a.kicker ?? '', a.title, a.subtitle ?? ''].filter(Boolean),
    text: [...a.blocks.map((b) => b.text), ...a.captions.flatMap((c) => [c.text, c.credit ?? ''])].filter(Boolean),
    names: [...new Set([...a.credits.map((c) => c.name), ...a.authors, ...a.photographers])],
  }));
}

// ---------------------------------------------------------------------------------------------
// Running queries in the browser

/**
 * Count the bytes of every response the page and its workers received (Pagefind fetches in a
 * worker). Sizes are asked for after the timed part, so the counting does not slow it down.
 */
function byteCounter(context: BrowserContext) {
  let finished: Request[] = [];
  context.on('requestfinished', (req) => finished.push(req));
  return {
    reset() {
      finished = [];
    },
    async read() {
      const sizes = await Promise.all(finished.map((r) => r.sizes().catch(() => null)));
      return sizes.reduce((n, s) => n + (s ? s.responseBodySize + s.responseHeadersSize : 0), 0);
    },
  };
}

/**
 * One search engine as the evaluation drives it. `open` loads the page and waits until Pagefind
 * is ready (nothing searched yet); `submit` runs a query in the page and resolves, inside the
 * page, when its first results (or its "nothing found") are shown, returning the milliseconds;
 * `collect` then loads every further page of results and returns their paths in order.
 */
interface Driver {
  name: string;
  open(page: Page, base: string): Promise<void>;
  submit(page: Page, q: string): Promise<number>;
  collect(page: Page, q: string, log: (l: string) => void): Promise<string[]>;
}

// (No named helper functions inside page.evaluate callbacks: tsx wraps them in a __name() the
// page does not have.)

const baokuDriver: Driver = {
  name: 'Baoku',
  async open(page, base) {
    await page.goto(`${base}/search/`);
    // Pagefind and its filters are loaded before anything is searched (opening the filter box
    // loads both), so that the timings are of searches, not of the first load.
    await page.click('#search-filters summary');
    await page.waitForFunction(() => document.documentElement.dataset.filtersReady === 'true', null, { timeout: WAIT_MS });
  },
  submit(page, q) {
    return page.evaluate(
      async ({ q, wait }) => {
        const input = document.getElementById('search-q') as HTMLInputElement;
        const form = document.getElementById('search-q-form') as HTMLFormElement;
        const url = `${location.pathname}?${new URLSearchParams({ q: q.trim() })}`;
        const root = document.documentElement;
        const done = new Promise<void>((ok, fail) => {
          const timer = setTimeout(() => fail(new Error(`no results for ${q} after ${wait} ms`)), wait);
          const observer = new MutationObserver(() => {
            if (root.dataset.searchDone === url) {
              observer.disconnect();
              clearTimeout(timer);
              ok();
            }
          });
          observer.observe(root, { attributes: true, attributeFilter: ['data-search-done'] });
        });
        const t0 = performance.now();
        input.value = q;
        form.requestSubmit();
        await done;
        return performance.now() - t0;
      },
      { q, wait: WAIT_MS },
    );
  },
  collect(page) {
    return page.evaluate(async (wait) => {
      const more = document.getElementById('more-results') as HTMLButtonElement;
      const list = document.getElementById('results') as HTMLOListElement;
      const t0 = performance.now();
      while (!more.hidden && performance.now() - t0 < wait) {
        const before = list.dataset.loaded;
        more.click();
        while (list.dataset.loaded === before && performance.now() - t0 < wait) await new Promise((r) => setTimeout(r, 2));
      }
      return [...list.querySelectorAll(':scope > li h2 a')].map((a) => new URL((a as HTMLAnchorElement).href).pathname);
    }, WAIT_MS);
  },
};

const stockUiDriver: Driver = {
  name: 'Pagefind UI',
  async open(page, base) {
    await page.goto(`${base}/`);
    await page.waitForSelector('.pagefind-ui__search-input', { timeout: WAIT_MS });
    // The stock UI loads Pagefind (and its filters) when the box gets the focus.
    await page.focus('.pagefind-ui__search-input');
    await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__filter-block').length > 0, null, { timeout: WAIT_MS }).catch(() => undefined);
    await page.waitForLoadState('networkidle');
  },
  async submit(page, q) {
    // Clear the box first: the message and results of the last query go away.
    await page.evaluate(() => {
      const input = document.querySelector('.pagefind-ui__search-input') as HTMLInputElement;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => !document.querySelector('.pagefind-ui__message, .pagefind-ui__result'), null, { timeout: WAIT_MS });
    return page.evaluate(
      async ({ q, wait }) => {
        const input = document.querySelector('.pagefind-ui__search-input') as HTMLInputElement;
        const area = document.querySelector('#search') as HTMLElement;
        const done = new Promise<void>((ok, fail) => {
          const timer = setTimeout(() => fail(new Error(`no results for ${q} after ${wait} ms`)), wait);
          const observer = new MutationObserver(() => {
            // Done: the message reports the outcome (zh-CN strings: "找到 N 个 … 的相关结果",
            // "未找到 … 的相关结果"; "正在搜索 …" while searching) and no result is still loading.
            const message = area.querySelector('.pagefind-ui__message')?.textContent ?? '';
            const settled =
              message.includes('找到') &&
              !message.includes('正在搜索') &&
              !area.querySelector('.pagefind-ui__loading, .pagefind-ui__result:not(:has(.pagefind-ui__result-link))');
            if (settled) {
              observer.disconnect();
              clearTimeout(timer);
              ok();
            }
          });
          observer.observe(area, { subtree: true, childList: true, attributes: true, characterData: true });
        });
        const t0 = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await done;
        return performance.now() - t0;
      },
      { q, wait: WAIT_MS },
    );
  },
  async collect(page, q, log) {
    // Every result, in the order the UI lists them (five at a time behind "load more"): read
    // from the Pagefind instance the UI itself uses (same module URL, same options), which is
    // much faster than pressing "load more" a hundred times. The results the UI shows must
    // be the first of them.
    const { shown, all } = await page.evaluate(async (q) => {
      const pagefind = await import('/pagefind/pagefind.js' as string);
      const search = await pagefind.search(q);
      const datas = await Promise.all(search.results.map((r: { data(): Promise<{ url: string }> }) => r.data()));
      return {
        shown: [...document.querySelectorAll('.pagefind-ui__result-link')].map((a) => new URL((a as HTMLAnchorElement).href).pathname),
        all: datas.map((d) => new URL(d.url, location.href).pathname),
      };
    }, q);
    if (shown.some((u, i) => all[i] !== u)) log(`search-eval: ${q}: the stock UI shows ${shown.join(' ')}, its Pagefind lists ${all.slice(0, shown.length).join(' ')}`);
    return all;
  },
};

/**
 * The design the brief suggested, for comparison: the stock index queried with the query as
 * Pagefind takes it (converted to simplified characters), every candidate's data loaded and kept
 * only when its text contains the string, ten at a time until a page of checked results is full.
 * Run in the stock UI's page, with the Pagefind module the UI uses.
 */
function checkedStockDriver(toSimplified: (s: string) => string): Driver {
  return {
    name: 'Pagefind + check',
    async open(page, base) {
      // The matching rule of src/search/text.ts, as a plain script (see the note on __name above).
      await page.addInitScript({
        content: `window.baokuNorm = function (x) {
          return x.replace(/\\s+/gu, ' ').replace(/ (?=\\p{Script=Han})|(?<=\\p{Script=Han}) /gu, '').trim().toLowerCase();
        };`,
      });
      await stockUiDriver.open(page, base);
    },
    submit(page, q) {
      return page.evaluate(
        async ({ q, simplified }) => {
          const w = window as unknown as { checked: { results: { data(): Promise<{ url: string; content: string }> }[]; next: number; kept: string[]; forms: string[] } };
          const t0 = performance.now();
          const pagefind = await import('/pagefind/pagefind.js' as string);
          const search = await pagefind.search(simplified);
          const norm = (window as unknown as { baokuNorm(x: string): string }).baokuNorm;
          w.checked = { results: search.results, next: 0, kept: [], forms: [...new Set([norm(q), norm(simplified)])] };
          const c = w.checked;
          while (c.kept.length < 10 && c.next < c.results.length) {
            const batch = c.results.slice(c.next, c.next + 10);
            c.next += batch.length;
            for (const d of await Promise.all(batch.map((r) => r.data()))) {
              const text = norm(d.content);
              if (c.forms.some((f) => text.includes(f))) c.kept.push(new URL(d.url, location.href).pathname);
            }
          }
          return performance.now() - t0;
        },
        { q, simplified: toSimplified(q) },
      );
    },
    collect(page) {
      return page.evaluate(async () => {
        const w = window as unknown as { checked: { results: { data(): Promise<{ url: string; content: string }> }[]; next: number; kept: string[]; forms: string[] } };
        const c = w.checked;
        const norm = (window as unknown as { baokuNorm(x: string): string }).baokuNorm;
        const rest = await Promise.all(c.results.slice(c.next).map((r) => r.data()));
        for (const d of rest) if (c.forms.some((f) => norm(d.content).includes(f))) c.kept.push(new URL(d.url, location.href).pathname);
        return c.kept;
      });
    },
  };
}

/**
 * Run every query with one engine, three ways:
 *   session  one page, the queries one after another, first page of results only: the time and
 *            bytes of each search as a reader would see them in a session (index chunks and
 *            result data already loaded by earlier searches are not fetched again);
 *   fresh    the first `fresh` queries each on a newly opened page (Pagefind loaded, nothing
 *            searched yet): the first search's time and bytes;
 *   recall   one more page, every page of results loaded, for recall and precision.
 */
async function runEngine(
  browser: Browser,
  driver: Driver,
  base: string,
  queries: EvalQuery[],
  fresh: number,
  log: (l: string) => void,
): Promise<QueryRun[]> {
  const context = await browser.newContext();
  const counter = byteCounter(context);
  const onError = (e: Error) => log(`search-eval: ${driver.name} page error: ${e.message}`);
  const measured: { ms: number; bytes: number; freshMs?: number; freshBytes?: number }[] = [];
  let t = performance.now();
  const phase = (what: string) => {
    log(`search-eval: ${driver.name}: ${what} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
  };
  try {
    const session = await context.newPage();
    session.on('pageerror', onError);
    await driver.open(session, base);
    for (const query of queries) {
      counter.reset();
      const ms = await driver.submit(session, query.q);
      measured.push({ ms, bytes: await counter.read() });
    }
    await session.close();
    phase(`${queries.length} queries in one session`);
    for (const [i, query] of queries.slice(0, fresh).entries()) {
      const page = await context.newPage();
      page.on('pageerror', onError);
      await driver.open(page, base);
      counter.reset();
      measured[i].freshMs = await driver.submit(page, query.q);
      measured[i].freshBytes = await counter.read();
      await page.close();
    }
    if (fresh) phase(`${Math.min(fresh, queries.length)} queries on fresh pages`);
    const page = await context.newPage();
    page.on('pageerror', onError);
    await driver.open(page, base);
    const runs: QueryRun[] = [];
    for (const [i, query] of queries.entries()) {
      await driver.submit(page, query.q);
      runs.push({ query, results: await driver.collect(page, query.q, log), ...measured[i] });
    }
    phase('every result of every query');
    return runs;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

export async function runSearchEval(opts: EvalOptions = {}): Promise<EvalResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const work = resolve(opts.work ?? join(ROOT, '.cache', 'search-eval'));
  const raw = resolve(opts.raw ?? join(ROOT, 'content', 'raw'));
  const seed = opts.seed ?? 20240625;
  await mkdir(work, { recursive: true });

  let articles = opts.articles ? resolve(opts.articles) : join(work, 'articles');
  if (!opts.articles && !(opts.reuse && existsSync(articles))) {
    log(`search-eval: segmenting ${raw}`);
    await segmentRaw(raw, articles);
  }
  if (opts.synth) {
    const to = join(work, `synth-${opts.synth}`, 'articles');
    if (!(opts.reuse && existsSync(to))) {
      await writeSynth(articles, to, opts.synth, seed);
      log(`search-eval: ${opts.synth} articles made from ${articles}`);
    }
    articles = to;
  }
  const siteDir = opts.site ? resolve(opts.site) : join(work, opts.synth ? `synth-${opts.synth}` : '', 'site');
  const rebuilt = !opts.site && !(opts.reuse && existsSync(join(siteDir, SEARCH_CONFIG_PATH)));
  if (rebuilt) await buildSite(articles, raw, siteDir, opts.bundles, log);
  else if (!opts.site) {
    // A reused site gets the current search page scripts (changes to the index need a rebuild).
    await cp(join(ROOT, 'assets'), join(siteDir, 'assets'), { recursive: true });
  }
  if (!existsSync(join(siteDir, SEARCH_CONFIG_PATH))) {
    throw new Error(`${siteDir} has no ${SEARCH_CONFIG_PATH}: build it with \`npm run build\` (or leave out --site)`);
  }
  const baselineDir = opts.site ? join(work, 'baseline-of-site') : join(dirname(siteDir), 'baseline');
  if (opts.baseline !== false && (rebuilt || !opts.reuse || !existsSync(join(baselineDir, 'pagefind')))) {
    await buildBaseline(siteDir, baselineDir, log);
  }

  const evalSet = await evalArticles(articles, raw);
  const toSimplified = Converter({ from: 'tw', to: 'cn' });
  const queries = generateQueries(evalSet, {
    perKind: opts.perKind ?? 40,
    seed,
    cut: (t) => nodejieba.cut(t),
    toTraditional: Converter({ from: 'cn', to: 'tw' }),
    toSimplified,
  });
  const c = corpus(evalSet);
  const truths = new Map(queries.map((q) => [q.q, truth(c, q.q, toSimplified)]));
  log(`search-eval: ${evalSet.length} articles, ${queries.length} queries`);

  const servers: StaticServer[] = [];
  const browser = await launchBrowser();
  try {
    const engines: EngineResult[] = [];
    const score = (name: string, runs: QueryRun[]) => {
      const scores = runs.map((r) => scoreQuery(r, truths.get(r.query.q)!));
      engines.push({ name, scores, summary: summarize(scores) });
    };
    const site = await serveStatic(siteDir);
    servers.push(site);
    score('Baoku', await runEngine(browser, baokuDriver, site.url, queries, opts.fresh ?? 10, log));
    if (opts.baseline !== false) {
      const stock = await serveStatic(baselineDir);
      servers.push(stock);
      score('Pagefind UI', await runEngine(browser, stockUiDriver, stock.url, queries, opts.fresh ?? 10, log));
      if (opts.alternatives) {
        score('Pagefind + check', await runEngine(browser, checkedStockDriver(toSimplified), stock.url, queries, opts.fresh ?? 10, log));
      }
    }
    return { articles: evalSet.length, queries, engines, site: siteDir };
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
}
