/**
 * Eleventy and Pagefind as the build starts them: renderWith() is the one place an Eleventy run
 * of the site starts (src/build/incremental.ts and its render children call it; the build
 * sequence and renderSite() are in src/build/site-build.ts); indexHtmlPages() is Pagefind's stock
 * indexing, for comparison.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import * as pagefind from 'pagefind';
import { INPUT_DIR, ROOT, configure, type SiteOptions } from '../../.eleventy.ts';

interface EleventyResult {
  url?: string | false;
  outputPath?: string | false;
}

/** Eleventy's own errors (TemplateWriteError, EleventyPassthroughCopyError, …) by class name. */
const isEleventyError = (e: unknown) => e instanceof Error && /^(Template|Eleventy)\w*Error$/u.test(e.constructor.name);

/** An Eleventy error nobody awaited, since the last renderWith() began. */
let straggler: Error | null = null;
let watching = false;

/**
 * When a run fails, Eleventy may leave a second failure unawaited (its passthrough copy, when
 * the templates failed first: seen on a full disk), and Node would end the process on it with a
 * stack trace instead of the build's one line (issue #14). Such rejections are kept here and
 * handed to the run they belong to; any other unhandled rejection ends the process as before.
 */
function watchStragglers(): void {
  if (watching) return;
  watching = true;
  process.on('unhandledRejection', (reason) => {
    if (!isEleventyError(reason)) throw reason;
    straggler ??= reason as Error;
  });
}

/**
 * One Eleventy run into `outDir` with the given site options (the one place Eleventy is
 * started); resolves to the pages it wrote (URL, path). The options reach the run as its own
 * config callback, not through a config file, so runs may overlap.
 */
export async function renderWith(options: SiteOptions, outDir: string): Promise<{ url: string; outputPath: string }[]> {
  await mkdir(outDir, { recursive: true });
  watchStragglers();
  straggler = null;
  const input = relative(process.cwd(), join(ROOT, INPUT_DIR));
  const elev = new Eleventy(input, outDir, { quietMode: true, configPath: false, config: configure(options) });
  const results = (await elev.write()) as unknown;
  // a run that resolved with a failure left unawaited did not write everything
  await new Promise((ok) => setImmediate(ok));
  if (straggler) throw straggler;
  const flat = (Array.isArray(results) ? results.flat(3) : []) as EleventyResult[];
  return flat
    .filter((r) => r && typeof r.outputPath === 'string' && typeof r.url === 'string')
    .map((r) => ({ url: r.url as string, outputPath: resolve(r.outputPath as string) }));
}

/** Read the page count Pagefind wrote into a bundle's entry file. */
async function bundlePageCount(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
}

/**
 * Pagefind's stock indexing of the rendered HTML pages (data-pagefind-body, -meta, -filter,
 * -ignore as the views mark them), into `outputPath`. Baoku's site does not ship this index;
 * scripts/search-eval.ts builds it to compare against the stock Pagefind UI.
 */
export async function indexHtmlPages(siteDir: string, outputPath: string): Promise<{ pages: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) throw new Error(errors.join('; ') || 'no index returned');
    const added = await index.addDirectory({ path: resolve(siteDir) });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: resolve(outputPath) });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    return { pages: await bundlePageCount(resolve(outputPath)) };
  } catch (e) {
    throw new Error(`indexHtmlPages: Pagefind could not index ${siteDir}: ${(e as Error).message}`, { cause: e });
  } finally {
    await pagefind.close();
  }
}
