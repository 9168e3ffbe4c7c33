/**
 * What the empty search page offers: a few example queries taken from the archive itself (its
 * most credited names, the places and the keywords most articles share), and the names of its
 * papers and sections, which the page turns into a filter when a query is exactly one of them
 * (searching `湖南日报` means "that paper's articles", not "articles whose text names it").
 * Computed at build time from the archive, so they change with it.
 */
import type { Archive, SiteArticle } from '../site/entities.ts';
import { collator } from '../site/entities.ts';
import { paperOf, searchFields, sectionOf } from './records.ts';
import { normalizeForMatch } from './text.ts';

export interface SearchExample {
  kind: 'name' | 'place' | 'keyword';
  q: string;
}

/** Examples of each kind shown. */
export const EXAMPLES_PER_KIND = 2;

/**
 * A keyword is taken for a place when it ends in an administrative unit (`东安县`, `株洲市`,
 * `芦淞区`): the archive has no gazetteer, and these are the places a reader of a local paper
 * looks for.
 */
const PLACE = /^\p{Script=Han}{2,}(?:省|市|县|区|州|镇|乡|村)$/u;
/** Words ending in 区 that name a kind of area, not a place (`居民小区`, `工业园区`, `风景区`). */
const NOT_PLACE = /(?:社|小|园|景|城|辖|片|街|校|营|灾|服务)区$/u;
const isPlace = (w: string) => PLACE.test(w) && !NOT_PLACE.test(w);

/** Does the article's searchable text (headline, body, captions, names) contain `q`, as the search page matches? */
function contains(a: SiteArticle, q: string): boolean {
  const f = searchFields(a);
  const needle = normalizeForMatch(q);
  return [...f.headline, ...f.text, ...f.names].some((t) => normalizeForMatch(t).includes(needle));
}

/**
 * Up to EXAMPLES_PER_KIND names (the people credited on most articles), places and keywords (the
 * keywords most articles have), none repeated, ties by the archive's collation. Each is checked
 * to be found by the search (one of the articles it is ranked by contains it as the page
 * matches), so an example never answers "nothing found"; only the candidates looked at are
 * checked, and each until its first hit, so the cost hardly grows with the archive. Deterministic.
 */
export function searchExamples(archive: Archive): SearchExample[] {
  const out: SearchExample[] = [];
  const taken = new Set<string>();
  const pick = (kind: SearchExample['kind'], candidates: { q: string; articles: SiteArticle[] }[]) => {
    const ranked = candidates
      .filter((c) => Array.from(c.q).length >= 2)
      .sort((x, y) => y.articles.length - x.articles.length || collator.compare(x.q, y.q));
    let n = 0;
    for (const c of ranked) {
      if (n >= EXAMPLES_PER_KIND) break;
      // `株洲` adds nothing beside `株洲市`
      if ([...taken].some((t) => t.includes(c.q) || c.q.includes(t)) || !c.articles.some((a) => contains(a, c.q))) continue;
      out.push({ kind, q: c.q });
      taken.add(c.q);
      n++;
    }
  };
  pick(
    'name',
    archive.people.filter((p) => p.roles.some((r) => r !== '摄影')).map((p) => ({ q: p.name, articles: p.articles })),
  );
  const keywords = archive.keywords.map((k) => ({ q: k.name, articles: k.articles }));
  pick('place', keywords.filter((k) => isPlace(k.q)));
  pick('keyword', keywords.filter((k) => !isPlace(k.q)));
  return out;
}

/** The papers and the sections of the archive, as the `publication` and `section` filters name them. */
export function searchFacets(archive: Archive): { papers: string[]; sections: string[] } {
  const papers = new Set<string>();
  const sections = new Set<string>();
  for (const a of archive.articles) {
    const p = paperOf(a);
    if (p) papers.add(p);
    const s = sectionOf(a);
    if (s) sections.add(s);
  }
  return { papers: [...papers].sort(collator.compare), sections: [...sections].sort(collator.compare) };
}
