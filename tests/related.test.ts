/**
 * Related lists found again after a change from what an earlier build kept (src/site/related.ts):
 * the lists of articles no change reaches are kept, the others ranked again, and the result is
 * the one a build from nothing gives. A seeded property test over the sample's articles: each
 * round changes a few articles' keywords (one swapped for another of the archive's, or for a new
 * word), removes some and adds copies under new ids, then compares both ways of finding the lists.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown, type ArticleFile } from '../src/contract/markdown.ts';
import { runSegment } from '../src/build/segment-run.ts';
import { buildArchive } from '../src/site/archive.ts';
import { SiteArticle } from '../src/site/entities.ts';
import { relatedState } from '../src/site/related.ts';
import { prng } from '../src/util/prng.ts';
import { RAW_DIR } from './helpers.ts';

const lists = (articles: readonly SiteArticle[]) => articles.map((a) => [a.id, a.related.map((r) => [r.article.id, r.shared, r.score])]);
const build = (files: readonly ArticleFile[], previous?: ReturnType<typeof relatedState>) => buildArchive(files.map((f) => new SiteArticle(f)), [], '/nonexistent', previous);

test('related lists found again from a kept state are those a build from nothing finds, round after round of changes', async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-related-'));
  try {
    await runSegment({ input: RAW_DIR, output: work, cacheDir: false });
    const names = (await readdir(work)).filter((n) => n.endsWith('.md')).sort();
    let files: ArticleFile[] = await Promise.all(names.map(async (n) => fromMarkdown(await readFile(join(work, n), 'utf8'), n)));
    assert.ok(files.length >= 20);
    const vocabulary = [...new Set(files.flatMap((f) => f.keywords))].sort();
    const random = prng(18);
    let state = relatedState(build(files).articles);
    let kept = 0;
    let ranked = 0;
    for (let round = 0; round < 40; round++) {
      const pick = (n: number) => Math.floor(random() * n);
      files = files.map((f) => ({ ...f, keywords: [...f.keywords] }));
      const kind = round % 4;
      if (kind === 0) {
        // one article's keyword swapped for another of the archive's
        const f = files[pick(files.length)];
        if (f.keywords.length) f.keywords[pick(f.keywords.length)] = vocabulary[pick(vocabulary.length)];
      } else if (kind === 1) {
        // a new word
        const f = files[pick(files.length)];
        f.keywords.push(`新词${round}`);
      } else if (kind === 2) {
        // an article gone
        files.splice(pick(files.length), 1);
      } else {
        // a copy of an article under a new id, with its keywords
        const f = files[pick(files.length)];
        files.push({ ...f, id: `${f.id}-copy${round}`, keywords: [...f.keywords] });
      }
      const fresh = build(files);
      const again = build(files, state);
      assert.deepEqual(lists(again.articles), lists(fresh.articles), `round ${round}: the lists found again are a fresh build's`);
      const next = relatedState(again.articles);
      assert.deepEqual(next, relatedState(fresh.articles));
      // how many lists were kept, not ranked (an unchanged round keeps every one)
      for (const a of again.articles) {
        const before = state.articles[a.id];
        if (before && JSON.stringify(before.related) === JSON.stringify(next.articles[a.id].related)) kept++;
        else ranked++;
      }
      state = next;
    }
    assert.ok(kept > ranked, `most lists kept over the rounds (${kept} kept, ${ranked} changed)`);
    // nothing changed: every list is the kept one, not ranked again — a kept list put in another
    // order shows through
    const target = Object.keys(state.articles).find((id) => state.articles[id].related.length >= 2)!;
    const altered = { ...state, articles: { ...state.articles, [target]: { ...state.articles[target], related: [...state.articles[target].related].reverse() } } };
    const same = build(files, altered);
    assert.deepEqual(
      same.articles.find((a) => a.id === target)!.related.map((r) => r.article.id),
      altered.articles[target].related.map(([id]) => id),
    );
    const others = (l: ReturnType<typeof lists>) => l.filter(([id]) => id !== target);
    assert.deepEqual(others(lists(same.articles)), others(lists(build(files).articles)));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
