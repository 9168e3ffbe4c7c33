/**
 * `npm run screenshots [-- --site DIR --articles DIR --out DIR]`: pictures of the built site for a
 * person to look at: the home page, the article with the most parts (headline, kicker, subtitle,
 * captions, section heads, photographers) and a search for one of its keywords, each 375px and
 * 1280px wide, full page, as PNGs in --out (default tests/screenshots/, not committed). Prints each
 * file's path.
 *
 * The site is the one `npm run build` made (default _site/ from content/articles/). The browser and
 * its fonts are the ones tests/browser.ts chooses: with the npm Noto Sans Simplified Chinese beside the machine's
 * own, so the pictures show Chinese on a machine without CJK fonts too.
 *
 * Exit codes: 0 written; 1 a page failed; 2 a bad command line or no built site.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadArchive } from '../src/site/archive.ts';
import type { SiteArticle } from '../src/site/entities.ts';
import { serveStatic } from '../src/site/serve.ts';
import { ROOT, cli, options } from './cli.ts';
import { browserChoice, launchBrowser, waitSearchDone } from '../tests/browser.ts';

const WIDTHS = [375, 1280];
const { fail } = cli('screenshots');
const values = options('screenshots', 'usage: npm run screenshots -- [--site DIR] [--articles DIR] [--out DIR]', {
  site: { type: 'string' },
  articles: { type: 'string' },
  out: { type: 'string' },
});
const site = resolve(values.site ?? join(ROOT, '_site'));
const articlesDir = resolve(values.articles ?? join(ROOT, 'content', 'articles'));
const out = resolve(values.out ?? join(ROOT, 'tests', 'screenshots'));
if (!existsSync(join(site, 'index.html'))) fail(2, `no built site in ${site}: run npm run build first`);

/** The article that shows the most of the article page, first by id among equals. */
function richest(articles: readonly SiteArticle[]): SiteArticle {
  const score = (a: SiteArticle) =>
    (a.title ? 2 : 0) + (a.subtitle ? 1 : 0) + (a.kicker ? 1 : 0) + a.captions.length + (/^## /mu.test(a.body) ? 1 : 0) + (a.photographers.length ? 1 : 0);
  return [...articles].sort((x, y) => score(y) - score(x) || x.id.localeCompare(y.id))[0];
}

const archive = await loadArchive({ articlesDir, rawDir: join(ROOT, 'content', 'raw') });
if (archive.articles.length === 0) fail(2, `no articles in ${articlesDir}`);
const article = richest(archive.articles);
// a keyword finds at least this article; a title's first characters do when it has none
const query = article.keywords[0] ?? Array.from(article.displayTitle).slice(0, 2).join('');
const shots: [string, string][] = [
  ['home', '/'],
  ['article', article.url],
  ['search', `/search/?${new URLSearchParams({ q: query })}`],
];

await mkdir(out, { recursive: true });
console.log(`browser: ${(await browserChoice()).label}`);
const server = await serveStatic(site);
const browser = await launchBrowser();
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 812 : 900 } });
    const page = await context.newPage();
    for (const [name, path] of shots) {
      const res = await page.goto(`${server.url}${path}`);
      if (!res?.ok()) throw new Error(`${path}: HTTP ${res?.status()}`);
      if (name === 'search') await waitSearchDone(page);
      await page.evaluate(() => document.fonts.ready);
      const file = join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
} catch (err) {
  console.error(`screenshots: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
