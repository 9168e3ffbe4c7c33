/**
 * The lexicon's cache (src/build/lexicon-cache.ts, issue #18): kept between builds, it gives the
 * lexicon learnLexicon() gives from the same texts, word for word, computing only what a changed
 * file brings; a cache file from another segmenter, or unreadable, is ignored.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { LexiconCache } from '../src/build/lexicon-cache.ts';
import { decode } from '../src/segment/decode.ts';
import { learnLexicon } from '../src/segment/keywords.ts';
import { SAMPLE_FILES, readSample } from './helpers.ts';

const texts = SAMPLE_FILES.map((n) => decode(readSample(n)).text);
const digest = (t: string) => createHash('sha256').update(t).digest('hex');

async function run(dir: string, list: string[]): Promise<{ lexicon: string[]; hits: number; misses: number }> {
  const cache = await LexiconCache.open(dir, 1_000_000);
  for (const t of list) cache.tally(digest(t), () => t);
  const lexicon = cache.lexicon();
  await cache.save();
  return { lexicon, hits: cache.hits, misses: cache.misses };
}

test('cold, warm and after one change, the cache gives learnLexicon()\'s lexicon, cutting only the changed text', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'baoku-lexicon-'));
  try {
    const expected = learnLexicon(texts);
    assert.ok(expected.length >= 5, `the sample teaches names: ${expected.join(' ')}`);
    const cold = await run(dir, texts);
    assert.deepEqual(cold.lexicon, expected);
    assert.equal(cold.misses, texts.length);
    const warm = await run(dir, texts);
    assert.deepEqual(warm.lexicon, expected);
    assert.deepEqual([warm.hits, warm.misses], [texts.length, 0]);
    // one file changes: a name it printed twice more now counts three times more
    const name = expected[0]!;
    const changed = [...texts.slice(0, -1), `${texts.at(-1)}\n${name}。${name}。${name}。`];
    const after = await run(dir, changed);
    assert.deepEqual(after.lexicon, learnLexicon(changed));
    assert.deepEqual([after.hits, after.misses], [texts.length - 1, 1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a first build saves the cache into a folder that is not there yet', async () => {
  const root = await mkdtemp(join(tmpdir(), 'baoku-lexicon-'));
  try {
    const dir = join(root, 'state', 'segment');
    await run(dir, texts);
    const again = await run(dir, texts);
    assert.deepEqual([again.hits, again.misses], [texts.length, 0]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a cache file of another segmenter, or not JSON, is ignored', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'baoku-lexicon-'));
  try {
    const expected = learnLexicon(texts);
    // a tally that would add a made-up name, under another segmenter's salt
    const forged = Object.fromEntries(texts.map((t) => [digest(t), { 青溪假想区: [9, 9] }]));
    await writeFile(join(dir, 'lexicon.json'), JSON.stringify({ salt: 'another segmenter', tallies: forged, names: { 青溪假想区: true } }));
    const r = await run(dir, texts);
    assert.deepEqual(r.lexicon, expected);
    assert.equal(r.misses, texts.length);
    await writeFile(join(dir, 'lexicon.json'), '{ not json');
    assert.deepEqual((await run(dir, texts)).lexicon, expected);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
