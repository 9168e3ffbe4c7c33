/**
 * /feed.xml: an Atom feed of the archive's articles, in archive order, each entry dated by its
 * issue. Written only when BAOKU_SITE_URL is set: a feed's links must be absolute.
 */
import { escapeXml } from '../../src/site/html.ts';
import { excerpt } from '../../src/site/entities.ts';
import { articleWhere, authorNames, type TemplateData } from '../../src/site/views.ts';

export const data = {
  layout: false,
  permalink: (d: TemplateData) => (d.site.url ? '/feed.xml' : false),
  eleventyExcludeFromCollections: true,
};

export function render(d: TemplateData): string {
  const { site } = d;
  const updated = site.updated;
  const entries = d.archive.articles.map((a) => {
    const link = site.url + a.url;
    const authors = authorNames(a);
    return `<entry>
<title>${escapeXml(a.displayTitle)}</title>
<link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
<id>${escapeXml(link)}</id>
<updated>${a.issueDate ? `${a.issueDate}T00:00:00Z` : updated}</updated>
${a.issueDate ? `<published>${a.issueDate}T00:00:00Z</published>\n` : ''}${authors.map((n) => `<author><name>${escapeXml(n)}</name></author>`).join('\n')}
<summary>${escapeXml(excerpt(a.lead, 140))}</summary>
${a.keywords.map((k) => `<category term="${escapeXml(k)}"/>`).join('')}
<source><title>${escapeXml(articleWhere(a))}</title></source>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.lang}">
<title>${escapeXml(site.title)}</title>
<subtitle>${escapeXml(site.description)}</subtitle>
<link rel="self" type="application/atom+xml" href="${escapeXml(site.url)}/feed.xml"/>
<link rel="alternate" type="text/html" href="${escapeXml(site.url)}/"/>
<id>${escapeXml(site.url)}/</id>
<updated>${updated}</updated>
<author><name>${escapeXml(site.title)}</name></author>
${entries.join('\n')}
</feed>
`;
}
