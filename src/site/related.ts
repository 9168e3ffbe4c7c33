/**
 * Related articles: those sharing the most keyword weight with an article, a keyword shared by
 * n articles weighing 1/n (shared: both have it among their own keywords, Keyword.tagged). Found for every article when the archive is built (src/site/archive.ts).
 *
 * A build keeps what they were found from (RelatedState, issue #18): an article's list depends
 * only on its keywords and on which articles each of them tags, so after a change only the
 * articles tagged by a keyword whose articles changed, and those whose keywords changed, are
 * ranked again; every other list is the one kept. Finding all of them took 39 s of a one-character
 * rebuild of 10,000 files; a change that moves no keyword now ranks none.
 */
import { collator, type Keyword, type RelatedArticle, type SiteArticle } from './entities.ts';

/** What an archive's related lists were found from, and the lists, by article id and keyword name. */
export interface RelatedState {
  version: 1;
  /** Keyword → ids of the articles it tags, in order. */
  tagged: Record<string, string[]>;
  /** Article id → its keywords in order, and its related articles (id, keywords shared). */
  articles: Record<string, { keywords: string[]; related: [string, string[]][] }>;
}

/** The state `ordered`'s related lists were found from (after assignRelated). */
export function relatedState(ordered: readonly SiteArticle[]): RelatedState {
  const tagged: Record<string, string[]> = {};
  const articles: RelatedState['articles'] = {};
  for (const a of ordered) {
    for (const k of a.keywordNodes) tagged[k.name] ??= k.tagged.map((t) => t.id);
    articles[a.id] = { keywords: a.keywordNodes.map((k) => k.name), related: a.related.map((r) => [r.article.id, r.shared]) };
  }
  return { version: 1, tagged, articles };
}

/**
 * The articles whose related lists may differ from those `previous` holds: those tagged by a
 * keyword whose articles are not the same, and those whose keywords are not (new ones too).
 */
function affectedBy(ordered: readonly SiteArticle[], previous: RelatedState): Set<SiteArticle> {
  const out = new Set<SiteArticle>();
  const seen = new Set<Keyword>();
  for (const a of ordered) {
    const before = previous.articles[a.id];
    if (!before || before.keywords.length !== a.keywordNodes.length || a.keywordNodes.some((k, i) => k.name !== before.keywords[i])) out.add(a);
    for (const k of a.keywordNodes) {
      if (seen.has(k)) continue;
      seen.add(k);
      const ids = previous.tagged[k.name];
      if (!ids || ids.length !== k.tagged.length || k.tagged.some((t, i) => t.id !== ids[i])) for (const t of k.tagged) out.add(t);
    }
  }
  return out;
}

/**
 * Give every article its five related articles. With `previous` (the state of an earlier build),
 * the lists of articles no change reaches are taken from it (see the top of this file); the
 * result is the same either way (tests/related.test.ts).
 */
export function assignRelated(ordered: SiteArticle[], previous?: RelatedState): void {
  const related: RelatedContext = { keywordSets: new Map(ordered.map((a) => [a, new Set(a.keywordNodes)])), idRank: idRanks(ordered) };
  let toRank: SiteArticle[] = ordered;
  if (previous?.version === 1) {
    const affected = affectedBy(ordered, previous);
    const byId = new Map(ordered.map((a) => [a.id, a]));
    toRank = [];
    for (const a of ordered) {
      const kept = affected.has(a) ? undefined : keptList(a, previous.articles[a.id].related, byId);
      if (kept) a.related = kept;
      else toRank.push(a);
    }
  }
  // articles with the same keywords in the same order rank every other article alike: the list
  // is found once for them all, one longer, and each drops itself from it
  const twins = new Map<string, SiteArticle[]>();
  for (const a of toRank) {
    const key = a.keywords.join('\n');
    const list = twins.get(key);
    if (list) list.push(a);
    else twins.set(key, [a]);
  }
  for (const group of twins.values()) {
    if (group.length === 1) {
      group[0].related = relatedArticles(group[0], related);
      continue;
    }
    const shared = relatedArticles(group[0], related, 5 + 1, false);
    for (const a of group) a.related = shared.filter((r) => r.article !== a).slice(0, 5);
  }
}

/**
 * A kept list, its scores summed again as relatedArticles() sums them (in the article's keyword
 * order); undefined when it names an article that is gone.
 */
function keptList(a: SiteArticle, list: [string, string[]][], byId: Map<string, SiteArticle>): RelatedArticle[] | undefined {
  const out: RelatedArticle[] = [];
  for (const [id, shared] of list) {
    const article = byId.get(id);
    if (!article) return undefined;
    let score = 0;
    for (const k of a.keywordNodes) if (shared.includes(k.name)) score += 1 / k.tagged.length;
    out.push({ article, shared: [...shared], score });
  }
  return out;
}

export interface RelatedContext {
  /** Each article's keywords as a set. */
  keywordSets: Map<SiteArticle, Set<Keyword>>;
  /** Each article's place in id order (collator order; ids the collator finds equal share it). */
  idRank: Map<SiteArticle, number>;
}

/** Articles ranked by id in collator order: comparing ranks is comparing ids, without the collator. */
function idRanks(articles: SiteArticle[]): Map<SiteArticle, number> {
  const sorted = [...articles].sort((x, y) => collator.compare(x.id, y.id));
  const rank = new Map<SiteArticle, number>();
  sorted.forEach((a, i) => rank.set(a, i > 0 && collator.compare(sorted[i - 1].id, a.id) === 0 ? rank.get(sorted[i - 1])! : i));
  return rank;
}

/**
 * The `limit` articles sharing the most keyword weight with `a` (a keyword shared by n articles
 * weighs 1/n), best first; ties by the number of shared keywords, then id. Exact, without
 * scoring every article that shares a common keyword (that is quadratic in an archive where a
 * place name tags thousands of articles): keywords are visited rarest first and every article
 * met is scored in full at once (summed in `a`'s keyword order, as a full pass would sum it).
 * An article not met yet shares none of the keywords visited, so it scores at most the weight
 * of those left; once that is below the `limit`-th score found, the list is final.
 */
export function relatedArticles(a: SiteArticle, ctx: RelatedContext, limit = 5, excludeSelf = true): RelatedArticle[] {
  const { keywordSets, idRank } = ctx;
  const byRelevance = (x: RelatedArticle, y: RelatedArticle) =>
    y.score - x.score || y.shared.length - x.shared.length || idRank.get(x.article)! - idRank.get(y.article)!;
  const ks = a.keywordNodes;
  const order = ks.map((_, i) => i).sort((x, y) => ks[x].tagged.length - ks[y].tagged.length || x - y);
  const rest: number[] = new Array(order.length + 1).fill(0);
  for (let j = order.length - 1; j >= 0; j--) rest[j] = rest[j + 1] + 1 / ks[order[j]].tagged.length;
  const seen = new Set<SiteArticle>(excludeSelf ? [a] : []);
  const best: RelatedArticle[] = [];
  for (let j = 0; j < order.length; j++) {
    // strictly less, with a margin for rounding: an article not met can neither tie nor pass
    if (best.length === limit && rest[j] * (1 + 1e-9) + 1e-12 < best[limit - 1].score) break;
    for (const other of ks[order[j]].tagged) {
      if (seen.has(other)) continue;
      seen.add(other);
      const own = keywordSets.get(other);
      const r: RelatedArticle = { article: other, shared: [], score: 0 };
      for (const k of ks) {
        if (own ? own.has(k) : other.keywordNodes.includes(k)) {
          r.shared.push(k.name);
          r.score += 1 / k.tagged.length;
        }
      }
      // keep the best `limit`, sorted (insertion into a short list)
      if (best.length === limit && (r.score < best[limit - 1].score || byRelevance(r, best[limit - 1]) >= 0)) continue;
      let at = best.length;
      while (at > 0 && byRelevance(r, best[at - 1]) < 0) at--;
      best.splice(at, 0, r);
      if (best.length > limit) best.pop();
    }
  }
  return best;
}
