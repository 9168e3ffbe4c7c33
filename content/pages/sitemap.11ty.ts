/** /sitemap.xml: every HTML page of the site except the 404 page; only when BAOKU_SITE_URL is set (its URLs are absolute). */
import { escapeXml } from '../../src/site/html.ts';
import type { TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  collections: { all: { url: string | false }[] };
  /** Pages an incremental build did not re-render (src/build/incremental.ts); none in a full build. */
  sitemapExtraUrls?: string[];
}

export const data = {
  layout: false,
  permalink: (d: Data) => (d.site.url ? '/sitemap.xml' : false),
  eleventyExcludeFromCollections: true,
};

export function render(d: Data): string {
  const all = [...d.collections.all.map((p) => p.url), ...(d.sitemapExtraUrls ?? [])];
  const urls = [...new Set(all.filter((u): u is string => typeof u === 'string' && u.endsWith('/')))].sort();
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${escapeXml(d.site.url + encodeURI(u))}</loc></url>`).join('\n')}
</urlset>
`;
}
