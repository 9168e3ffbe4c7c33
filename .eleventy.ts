/**
 * Eleventy configuration for the reader's site.
 *
 * Articles are not Eleventy templates: they are read from the segmenter's output folder
 * (BAOKU_ARTICLES_DIR, default content/articles) by src/site/model.ts, their Markdown rendered
 * by the markdown-it instance below (html: false, linkify: false) and never by a template
 * engine. Page templates are TypeScript (`*.11ty.ts` in content/pages/, layouts in _includes/)
 * and escape all article data through src/site/html.ts.
 *
 * Paths come from the environment (BAOKU_ARTICLES_DIR, BAOKU_RAW_DIR) unless src/build/render.ts
 * has set them with `useSiteOptions()` for the build it runs.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): SiteOptions {
  return {
    articlesDir: resolve(ROOT, env.BAOKU_ARTICLES_DIR ?? 'content/articles'),
    rawDir: resolve(ROOT, env.BAOKU_RAW_DIR ?? 'content/raw'),
  };
}

/** The parts of Eleventy's UserConfig this file uses. */
interface EleventyConfig {
  addExtension(ext: string[], options: { key: string }): void;
  setTemplateFormats(formats: string[]): void;
  setLibrary(name: 'md', lib: unknown): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  addDataExtension(ext: string, options: { parser: (path: string) => unknown; read: false }): void;
  addGlobalData(name: string, value: unknown): void;
  addCollection(name: string, fn: () => unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addTransform(name: string, fn: (content: string) => string): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addWatchTarget(path: string): void;
  setUseGitIgnore(on: boolean): void;
  setQuietMode(on: boolean): void;
  on(event: string, fn: () => void): void;
  ignores: { add(glob: string): void };
}

export function configure(options: SiteOptions) {
  return function (eleventyConfig: EleventyConfig) {
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

    return config;
  };
}

/** Template-engine settings Eleventy only takes from a config file's return value or `config` export. */
export const config = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
} as const;

let pending: SiteOptions | null = null;
/** The options the last Eleventy run of this config used (render.ts checks it got its own). */
export let configuredWith: SiteOptions | null = null;

/** Set the paths for the next Eleventy run in this process (null: back to the environment). */
export function useSiteOptions(options: SiteOptions | null): void {
  pending = options;
}

export default function eleventyConfig(cfg: EleventyConfig) {
  const options = pending ?? optionsFromEnv();
  configuredWith = options;
  return configure(options)(cfg);
}
