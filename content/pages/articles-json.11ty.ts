/** /articles.json: every article's front matter as the segmenter wrote it, plus its URL (and its absolute permalink when BAOKU_SITE_URL is set). */
import type { TemplateData } from '../../src/site/views.ts';

export const data = {
  layout: false,
  permalink: '/articles.json',
  eleventyExcludeFromCollections: true,
};

export function render(d: TemplateData): string {
  const articles = d.archive.articles.map((a) => ({
    ...a.frontMatter,
    url: a.url,
    ...(d.site.url ? { permalink: d.site.url + a.url } : {}),
  }));
  return JSON.stringify(articles, null, 1) + '\n';
}
