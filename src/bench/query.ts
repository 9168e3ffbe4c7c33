/**
 * What a reader's browser fetches for one search: the built site served on 127.0.0.1, a fresh
 * headless Chromium context (empty cache) opening /search/?q=<query>, every response counted
 * until the page says the search is done (`<html data-search-done>`, set by assets/search.js).
 */
import type { Browser } from 'playwright-core';
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
  failed: boolean;
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
      out.push({ query, bytes, pagefindBytes, requests, ms: Math.round(ms), firstMs: first === null ? null : Math.round(first), results: total === null ? null : Number(total), failed });
      await context.close();
    }
    return out;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
  }
}
