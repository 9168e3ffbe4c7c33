/**
 * The search page's modules (assets/search.js and assets/search/) in Node: where they keep their
 * state, and the URL half of it, which needs only `location`. The rest runs in Chromium in
 * tests/site.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ASSETS = join(import.meta.dirname, '..', 'assets');
const MODULES = ['search.js', ...readdirSync(join(ASSETS, 'search')).filter((n) => n.endsWith('.js')).map((n) => `search/${n}`)];

type Query = { q: string; filters: Record<string, string>; sort: string; from: string; to: string };
interface Url {
  queryFromUrl(): Query;
  urlFor(query: Query): string;
}
// browser modules without type declarations; their shape is the interface above
const url = (await import('../assets/search/url.js' as string)) as Url;

test('the search modules keep no state of their own: every `let` and `var` is inside a function', () => {
  assert.ok(MODULES.length >= 5, MODULES.join(', '));
  for (const name of MODULES) {
    const topLevel = readFileSync(join(ASSETS, name), 'utf8')
      .split('\n')
      .filter((line) => /^(export\s+)?(let|var)\s/u.test(line));
    assert.deepEqual(topLevel, [], `${name} declares module state`);
  }
});

test('every relative import of a search module names a file that exists (or one the build puts beside the vendored converter)', () => {
  // copied from node_modules by .eleventy.ts; written from opencc-js by content/pages/search-triggers.11ty.ts
  const built = [join(ASSETS, 'vendor', 'opencc-t2cn.js'), join(ASSETS, 'vendor', 'opencc-t2cn-triggers.js')];
  for (const name of MODULES) {
    const text = readFileSync(join(ASSETS, name), 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/gu)) {
      const target = join(ASSETS, name, '..', spec);
      if (built.includes(target)) continue;
      assert.doesNotThrow(() => readFileSync(target), `${name} imports ${spec}`);
    }
  }
});

test('the query goes to the URL trimmed, with the filters, range and order in a fixed order, and comes back', () => {
  const g = globalThis as { location?: unknown };
  const saved = g.location;
  try {
    g.location = new URL('https://baoku.example/search/');
    const none = { sort: '', from: '', to: '' };
    const path = url.urlFor({ q: '  消防 救援 ', filters: { file: '000', section: '要闻', publication: '株洲日报' }, sort: 'newest', from: '2018-01-01', to: '2019' });
    assert.equal(path, `/search/?${new URLSearchParams([['q', '消防 救援'], ['publication', '株洲日报'], ['section', '要闻'], ['file', '000'], ['from', '2018-01-01'], ['to', '2019'], ['sort', 'newest']])}`);
    g.location = new URL(`https://baoku.example${path}&page=2&author=`);
    assert.deepEqual(url.queryFromUrl(), { q: '消防 救援', filters: { publication: '株洲日报', section: '要闻', file: '000' }, sort: 'newest', from: '2018-01-01', to: '2019' });
    g.location = new URL('https://baoku.example/search/?q=x&sort=random');
    assert.deepEqual(url.queryFromUrl(), { q: 'x', filters: {}, ...none }, 'an order the page does not know is relevance');
    assert.equal(url.urlFor({ q: ' ', filters: {}, ...none }), '/search/', 'an empty query leaves no parameter');
  } finally {
    g.location = saved;
  }
});
