/**
 * The citation downloads of every article, beside its page: /articles/<id>/<id>.ris, .bib and
 * .json (CSL-JSON), written by citation-js (src/site/citation.ts). Three templates, one per
 * format (content/pages/cite-ris, cite-bib, cite-json.11ty.ts), share this.
 */
import { citationFiles, cslItem } from './citation.ts';
import type { SiteArticle } from './entities.ts';
import { outputFor } from './urls.ts';
import type { TemplateData } from './views.ts';

interface Data extends TemplateData {
  article: SiteArticle;
}

export const CITE_FORMATS = { ris: 'ris', bib: 'bibtex', json: 'csl' } as const;

/** The file name of an article's citation in a format: `000-p2-03.ris`. */
export const citeFile = (a: SiteArticle, ext: keyof typeof CITE_FORMATS) => `${a.id}.${ext}`;

/** Each article's three files, made once: the three templates of one run ask for the same article. */
const made = new WeakMap<SiteArticle, Map<string, ReturnType<typeof citationFiles>>>();
function filesOf(a: SiteArticle, permalink: string | null): ReturnType<typeof citationFiles> {
  const byUrl = made.get(a) ?? new Map<string, ReturnType<typeof citationFiles>>();
  made.set(a, byUrl);
  let files = byUrl.get(permalink ?? '');
  if (!files) byUrl.set(permalink ?? '', (files = citationFiles(cslItem(a, permalink))));
  return files;
}

export function citeTemplate(ext: keyof typeof CITE_FORMATS) {
  return {
    data: {
      layout: false,
      pagination: { data: 'collections.articles', size: 1, alias: 'article' },
      permalink: (d: Data) => outputFor(d.article.url).replace(/index\.html$/u, citeFile(d.article, ext)),
      eleventyExcludeFromCollections: true,
    },
    render: (d: Data) => filesOf(d.article, d.site.url ? d.site.url + d.article.url : null)[CITE_FORMATS[ext]],
  };
}
