/**
 * Eleventy runs in one process, each with its own folders (src/build/render.ts renderWith): the
 * options reach a run as its own config callback. They used to pass through one module-level
 * slot that the config file read, and every run had to wait for the one before.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fromMarkdown } from '../src/contract/markdown.ts';
import { renderWith } from '../src/build/render.ts';
import { RAW_DIR } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'site-articles');

test('two overlapping Eleventy runs in one process each render their own archive', async (t) => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-render-'));
  t.after(() => rm(work, { recursive: true, force: true }));
  const names = (await readdir(FIXTURES)).filter((n) => n.endsWith('.md')).sort();
  // two archives of the fixture articles, split in two halves with no article in common
  const halves = [names.slice(0, 3), names.slice(3)];
  const dirs = await Promise.all(
    halves.map(async (half, i) => {
      const dir = join(work, `articles-${i}`);
      await mkdir(dir);
      for (const n of half) await writeFile(join(dir, n), await readFile(join(FIXTURES, n)));
      return dir;
    }),
  );
  const ids = await Promise.all(
    halves.map((half) => Promise.all(half.map(async (n) => fromMarkdown(await readFile(join(FIXTURES, n), 'utf8'), n).id))),
  );

  const outs = dirs.map((_, i) => join(work, `site-${i}`));
  const written = await Promise.all(dirs.map((dir, i) => renderWith({ articlesDir: dir, rawDir: RAW_DIR }, outs[i])));

  for (const [i, own] of ids.entries()) {
    const other = ids[1 - i];
    const urls = new Set(written[i].map((w) => w.url));
    for (const id of own) {
      assert.ok(urls.has(`/articles/${id}/`), `run ${i} wrote ${id}`);
      assert.ok(existsSync(join(outs[i], 'articles', id, 'index.html')), `run ${i}: ${id} is in its own folder`);
    }
    for (const id of other) {
      assert.ok(!urls.has(`/articles/${id}/`), `run ${i} did not write the other run's ${id}`);
      assert.ok(!existsSync(join(outs[i], 'articles', id)), `run ${i}: no ${id} in its folder`);
    }
    // the site-wide pages count this run's articles only
    const json = JSON.parse(await readFile(join(outs[i], 'articles.json'), 'utf8')) as { id: string }[];
    assert.deepEqual(json.map((a) => a.id).sort(), [...own].sort());
  }
});
