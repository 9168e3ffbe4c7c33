/**
 * Eleventy configuration for the reader's site.
 *
 * Articles are not Eleventy templates: they are read from the segmenter's output folder
 * (SiteOptions.articlesDir) by src/site/archive.ts, their Markdown rendered by
 * src/site/markdown.ts (html: false, linkify: false) and never by a template engine. Page
 * templates are TypeScript (`*.11ty.ts` in content/pages/, the page shell in _includes/, set for
 * all of them by content/pages/pages.11tydata.ts) and escape all article data through
 * src/site/html.ts.
 *
 * Not a config file Eleventy finds by itself: src/build/render.ts starts every run with
 * `configPath: false` and `config: configure(options)`, so that each run has its own folders and
 * two runs in one process share nothing.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { UserConfig } from '@11ty/eleventy';
import { loadArchive } from './src/site/archive.ts';
import { COLLECTIONS, collectionItems, type CollectionName } from './src/site/collections.ts';
import type { Archive } from './src/site/entities.ts';

export const ROOT = dirname(fileURLToPath(import.meta.url));
/** The page templates' folder, relative to ROOT. */
export const INPUT_DIR = 'content/pages';

export interface SiteOptions {
  /** Folder holding `<id>.md` articles and `_report.json`. */
  articlesDir: string;
  /** Folder holding the raw `.txt` files the articles cite. */
  rawDir: string;
  /** The archive, already loaded from articlesDir (src/build/incremental.ts loads it once for both). */
  archive?: Archive;
  /**
   * Render only these pages of the paginated templates, by the URL of their item (article,
   * file, file page, raw file, keyword, person, publication); the other templates render as
   * usual. src/build/incremental.ts uses it to re-render what a change affects.
   */
  only?: Set<string>;
  /** URLs of pages not rendered this time (`only`), listed in the sitemap all the same. */
  extraUrls?: string[];
  /** Called once per page written (progress). */
  onPage?: () => void;
  /** Templates to leave out of this run (paths relative to the project), e.g. the site-wide pages when a run renders one batch of items. */
  skipTemplates?: string[];
}

export function configure(options: SiteOptions) {
  return function (eleventyConfig: UserConfig) {
    // Eleventy addresses the site's files relative to the working directory; the includes and
    // data folders relative to the input folder
    const rel = (p: string) => relative(process.cwd(), resolve(ROOT, p)) || '.';
    eleventyConfig.setInputDirectory(rel(INPUT_DIR));
    eleventyConfig.setIncludesDirectory('../../_includes');
    eleventyConfig.setDataDirectory('../../_data');

    eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
    eleventyConfig.setTemplateFormats(['11ty.ts']);
    // _data/site.ts and content/pages/pages.11tydata.ts: a module's default export, or what its default function returns
    eleventyConfig.addDataExtension('ts', {
      read: false,
      parser: async (path: string) => {
        const mod = (await import(pathToFileURL(isAbsolute(path) ? path : resolve(path)).href)) as { default?: unknown };
        return typeof mod.default === 'function' ? await (mod.default as () => unknown)() : mod.default;
      },
    });
    for (const t of options.skipTemplates ?? []) eleventyConfig.ignores.add(rel(t));

    eleventyConfig.addPassthroughCopy({
      [rel('assets')]: 'assets',
      [rel('node_modules/opencc-js/dist/esm/t2cn.js')]: 'assets/vendor/opencc-t2cn.js',
    });

    // the archive is loaded once per run, when a template first needs it
    let archive: Promise<Archive> | null = null;
    const getArchive = () => (archive ??= options.archive ? Promise.resolve(options.archive) : loadArchive(options));
    eleventyConfig.addGlobalData('archive', getArchive);
    for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
      eleventyConfig.addCollection(name, async () => collectionItems(name, await getArchive(), options.only));
    }
    eleventyConfig.addGlobalData('sitemapExtraUrls', options.extraUrls ?? []);
    const onPage = options.onPage;
    if (onPage) {
      eleventyConfig.addTransform('baoku-progress', (content: string) => {
        onPage();
        return content;
      });
    }
  };
}
