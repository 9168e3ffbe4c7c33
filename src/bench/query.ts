/**
 * What a reader's browser fetches for one search: the built site served on 127.0.0.1, a fresh
 * headless Chromium context (empty cache) opening /search/?q=<query>, every response counted
 * until the page says the search is done (`<html data-search-done>`, set by assets/search.js).
 */
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../site/serve.ts';
import { launchBrowser } from '../../tests/browser.ts';

export interface QueryCost {
  query: string;
  /** Bytes received (headers and bodies) for the whole page load and search. */
  bytes: number;
  /** Of which from /pagefind/ (the index, its wasm and scripts). */
  pagefindBytes: number;
  requests: number;
  /** From navigation to the search being done, ms. */
  ms: number;
  /** From navigation to the first result on the page, ms (null: none shown). */
  firstMs: number | null;
  /** Results the page reports: every match, or those of the shards searched so far. */
  results: number | null;
  /**
   * Requests that had to follow one another, the page's own included (`requestSteps()`): the
   * round trips the search waited for at most.
   */
  steps: number;
  /** One line a step: what was fetched in it. */
  waterfall: string[];
  failed: boolean;
}

/** A request: its address, and when it was made and when its answer had arrived (ms, one clock). */
export interface TimedRequest {
  url: string;
  start: number;
  end: number;
}

/**
 * The requests in steps, in the order they were made: a request is one step after the latest
 * step of the requests whose answers had arrived when it was made (it may have waited for them;
 * it cannot have waited for one still under way). A request made before any answer had arrived
 * is in step 1. The number of steps is the most round trips that came one after another: each
 * step's requests went out together, so a page whose first search fetches its script, then the
 * script's imports, then Pagefind's script, then Pagefind's entry file… counts every one of them.
 * It is an upper bound: on a loaded machine the browser may be held up between two requests one
 * task makes, and the second then counts a step later if an answer came in meanwhile.
 */
export function requestSteps(requests: TimedRequest[]): TimedRequest[][] {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  const steps: TimedRequest[][] = [];
  sorted.forEach((r, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) if (sorted[j].end <= r.start) d = Math.max(d, depth[j] + 1);
    depth.push(d);
    (steps[d - 1] ??= []).push(r);
  });
  return steps;
}

/** A step as one line: its files by name, several of a kind counted (`index/… ×2`). */
function describeStep(step: TimedRequest[], origin: string): string {
  const names = new Map<string, number>();
  for (const r of step) {
    const path = r.url.startsWith(origin) ? r.url.slice(origin.length) : r.url;
    // a search's index chunks and result fragments have hashed names: counted by folder
    const name = path.replace(/\/(index|fragment|filter)\/[^/]+$/u, '/$1/…').replace(/\?.*$/u, '');
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  return [...names].map(([n, k]) => (k > 1 ? `${n} ×${k}` : n)).join(', ');
}

/**
 * When each request of the page and of its workers was made and answered, in one clock (ms since
 * 1970), from the Resource Timing entries of each: they say when the page asked, where the
 * browser's own request events may come later, when the browser holds a request back while
 * others to the same host are under way. The page's icon is left out: the browser asks for it
 * on its own once the page is in, and nothing waits on it.
 */
async function requestTimes(page: Page): Promise<TimedRequest[]> {
  const collect = () => {
    const origin = performance.timeOrigin;
    // the page's own requests can go out as soon as the head of the page is in: the page counts
    // as answered at its first bytes
    const page = performance.getEntriesByType('navigation').map((e) => ({ url: e.name, start: origin + e.startTime, end: origin + (e as PerformanceNavigationTiming).responseStart }));
    const resources = performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: origin + e.startTime, end: origin + (e as PerformanceResourceTiming).responseEnd }));
    return [...page, ...resources];
  };
  const lists = await Promise.all([page.evaluate(collect), ...page.workers().map((w) => w.evaluate(collect).catch(() => []))]);
  return lists.flat().filter((r) => !/\/favicon\.[a-z]+$/u.test(new URL(r.url).pathname));
}

export async function measureQueries(siteDir: string, queries: string[], opts: { executablePath?: string } = {}): Promise<QueryCost[]> {
  const server = await serveStatic(siteDir, { port: 0, host: '127.0.0.1' });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(opts);
    const out: QueryCost[] = [];
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      let pagefindBytes = 0;
      let requests = 0;
      const sizes: Promise<void>[] = [];
      page.on('requestfinished', (req) => {
        sizes.push(
          req.sizes().then((s) => {
            const n = s.responseBodySize + s.responseHeadersSize;
            bytes += n;
            requests++;
            if (new URL(req.url()).pathname.startsWith('/pagefind/')) pagefindBytes += n;
          }, () => undefined),
        );
      });
      // when the first result is shown, in the page's own clock (0 = navigation start)
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.querySelector('#results li')) {
            (window as unknown as { firstResultAt: number }).firstResultAt = performance.now();
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const t0 = performance.now();
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
      let failed = false;
      try {
        await page.waitForFunction(
          () => Boolean(document.documentElement.dataset.searchDone) || /加载失败/u.test(document.getElementById('search-status')?.textContent ?? ''),
          undefined,
          { timeout: 120_000, polling: 20 },
        );
        failed = /加载失败/u.test((await page.textContent('#search-status')) ?? '');
      } catch {
        failed = true;
      }
      const ms = performance.now() - t0;
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await Promise.all(sizes);
      // the total once every shard is searched; before, the count found so far (a lower bound)
      const total = await page.evaluate(() => {
        const status = document.getElementById('search-status');
        return status?.dataset.total ?? /已找到 (\d+)/u.exec(status?.textContent ?? '')?.[1] ?? null;
      });
      const first = await page.evaluate(() => (window as unknown as { firstResultAt?: number }).firstResultAt ?? null);
      const steps = requestSteps(await requestTimes(page));
      out.push({
        query,
        bytes,
        pagefindBytes,
        requests,
        ms: Math.round(ms),
        firstMs: first === null ? null : Math.round(first),
        results: total === null ? null : Number(total),
        steps: steps.length,
        waterfall: steps.map((step) => describeStep(step, server.url)),
        failed,
      });
      await context.close();
    }
    return out;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
  }
}
