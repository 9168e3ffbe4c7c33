/**
 * Eleventy configuration for the reader's site.
 *
 * Articles are not Eleventy templates: they are read from the segmenter's output folder
 * (SiteOptions.articlesDir) by src/site/archive.ts, their Markdown rendered
 * by the markdown-it instance below (html: false, linkify: false) and never by a template
 * engine. Page templates are TypeScript (`*.11ty.ts` in content/pages/, layouts in _includes/)
 * and escape all article data through src/site/html.ts.
 *
 * Not a config file Eleventy finds by itself: src/build/render.ts starts every run with
 * `configPath: false` and `config: configure(options)`, so that each run has its own folders and
 * two runs in one process share nothing.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { UserConfig } from '@11ty/eleventy';
import { markdown } from './src/site/markdown.ts';
import { loadArchive } from './src/site/archive.ts';
import type { Archive } from './src/site/entities.ts';

export const ROOT = dirname(fileURLToPath(import.meta.url));

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
    // The site's own files are addressed relative to the working directory, as Eleventy expects.
    const rel = (p: string) => relative(process.cwd(), resolve(ROOT, p)) || '.';
    eleventyConfig.setInputDirectory(rel('.'));
    eleventyConfig.setIncludesDirectory('_includes');
    eleventyConfig.setDataDirectory('_data');
    eleventyConfig.setUseGitIgnore(false);

    eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
    eleventyConfig.setTemplateFormats(['11ty.ts']);
    eleventyConfig.setLibrary('md', markdown);
    eleventyConfig.addDataExtension('ts', {
      read: false,
      parser: async (path: string) => {
        const mod = (await import(pathToFileURL(isAbsolute(path) ? path : resolve(path)).href)) as { default?: unknown };
        return typeof mod.default === 'function' ? await (mod.default as () => unknown)() : mod.default;
      },
    });

    for (const glob of [
      'content/raw/**',
      'content/articles/**',
      'README.md',
      'tests/**',
      'node_modules/**',
      'src/**',
      'scripts/**',
      '_site/**',
      '.cache/**',
    ]) {
      eleventyConfig.ignores.add(join(rel('.'), glob));
    }

    for (const t of options.skipTemplates ?? []) eleventyConfig.ignores.add(rel(t));

    eleventyConfig.addPassthroughCopy({
      [rel('assets')]: 'assets',
      [rel('node_modules/opencc-js/dist/esm/t2cn.js')]: 'assets/vendor/opencc-t2cn.js',
    });

    // One archive per build, reloaded when Eleventy starts a new build (watch mode).
    let archive: Promise<Archive> | null = null;
    const getArchive = () => (archive ??= options.archive ? Promise.resolve(options.archive) : loadArchive(options));
    eleventyConfig.on('eleventy.before', () => {
      archive = null;
    });
    if (existsSync(options.articlesDir)) eleventyConfig.addWatchTarget(options.articlesDir);

    eleventyConfig.addGlobalData('archive', getArchive);
    const only = options.only;
    const pick = <T>(items: T[], url: (item: T) => string): T[] => (only ? items.filter((x) => only.has(url(x))) : items);
    eleventyConfig.addCollection('articles', async () => pick((await getArchive()).articles, (a) => a.url));
    eleventyConfig.addCollection('files', async () => pick((await getArchive()).files, (f) => f.url));
    eleventyConfig.addCollection('rawFiles', async () => pick((await getArchive()).rawFiles, (f) => f.rawUrl));
    eleventyConfig.addCollection('filePages', async () => pick((await getArchive()).pages, (p) => p.url));
    eleventyConfig.addCollection('publications', async () => pick((await getArchive()).publications, (p) => p.url));
    eleventyConfig.addCollection('people', async () => pick((await getArchive()).people, (p) => p.url));
    eleventyConfig.addCollection('keywords', async () => pick((await getArchive()).keywords, (k) => k.url));
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
