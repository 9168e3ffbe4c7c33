/**
 * The articles folder rebuilt from the previous one (src/build/kept-folder.ts, issue #18): a
 * file whose text is unchanged stays the previous file (same inode, nothing written), a changed
 * one is written anew without touching the previous folder, and what the run did not write is
 * gone, so the folder holds what a run into an empty folder would have.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KeptFolder } from '../src/build/kept-folder.ts';
import { runSegment } from '../src/build/segment-run.ts';
import { fileKey } from '../src/segment/index.ts';
import { SAMPLE_FILES, readSample } from './helpers.ts';

test('an unchanged file is kept as it was, a changed one written anew, the previous folder never written', async () => {
  const root = await mkdtemp(join(tmpdir(), 'baoku-kept-'));
  try {
    const prev = join(root, 'articles');
    await mkdir(prev);
    await writeFile(join(prev, 'a.md'), '株洲日报 甲\n');
    await writeFile(join(prev, 'b.md'), '株洲日报 乙\n');
    await writeFile(join(prev, 'gone.md'), '已删\n');
    await mkdir(join(prev, 'stray'));
    const out = await KeptFolder.open(prev, join(root, 'next'));
    await out.write('a.md', '株洲日报 甲\n');
    await out.write('b.md', '株洲日报 乙，改\n');
    await out.write('c.md', '新\n');
    await out.finish();
    assert.deepEqual(out.counts, { kept: 1, written: 2, removed: 2 });
    assert.deepEqual((await readdir(join(root, 'next'))).sort(), ['a.md', 'b.md', 'c.md']);
    assert.equal(await readFile(join(root, 'next', 'b.md'), 'utf8'), '株洲日报 乙，改\n');
    // the previous folder is as it was: b.md's old text was not written through a shared link
    assert.equal(await readFile(join(prev, 'b.md'), 'utf8'), '株洲日报 乙\n');
    assert.deepEqual((await readdir(prev)).sort(), ['a.md', 'b.md', 'gone.md', 'stray']);
    assert.equal((await stat(join(root, 'next', 'a.md'))).ino, (await stat(join(prev, 'a.md'))).ino, 'a.md is the same file, not a copy');
    assert.notEqual((await stat(join(root, 'next', 'b.md'))).ino, (await stat(join(prev, 'b.md'))).ino);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('segmenting again after one raw file changed rewrites only that file\'s articles and gives a clean run\'s folder', async () => {
  const root = await mkdtemp(join(tmpdir(), 'baoku-kept-'));
  try {
    const raw = join(root, 'raw');
    await mkdir(raw);
    const names = SAMPLE_FILES.slice(0, 2);
    for (const n of names) await writeFile(join(raw, n), readSample(n));
    const articles = join(root, 'articles');
    const opts = { input: raw, output: articles, cacheDir: join(root, 'cache'), workers: 1 };
    await runSegment(opts);
    const before = new Map<string, number>();
    for (const n of await readdir(articles)) before.set(n, (await stat(join(articles, n))).ino);
    // one character of the second file changes
    const text = readSample(names[1]).toString('utf8');
    const at = text.indexOf('的');
    await writeFile(join(raw, names[1]), `${text.slice(0, at)}之${text.slice(at + 1)}`);
    await runSegment(opts);
    const after = (await readdir(articles)).sort();
    const inodes = new Map<string, number>();
    for (const n of after) inodes.set(n, (await stat(join(articles, n))).ino);
    const md = after.filter((n) => n.endsWith('.md'));
    const changed = md.filter((n) => inodes.get(n) !== before.get(n));
    const key = fileKey(names[1]);
    assert.ok(changed.length >= 1, 'the changed article is written');
    // only the changed file's articles are written again; the other file's are the same files
    for (const n of changed) assert.ok(n.startsWith(`${key}-`), `${n} was written again, but its file did not change`);
    assert.ok(md.filter((n) => !n.startsWith(`${key}-`)).length >= 5);
    // and the folder is the one a run into an empty folder gives
    const clean = join(root, 'clean');
    await runSegment({ ...opts, output: clean, cacheDir: join(root, 'cache2') });
    assert.deepEqual(after, (await readdir(clean)).sort());
    for (const n of after) assert.equal(await readFile(join(articles, n), 'utf8'), await readFile(join(clean, n), 'utf8'), n);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
