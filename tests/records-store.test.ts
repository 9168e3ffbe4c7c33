/**
 * The search records kept per source file between builds (src/build/records-store.ts): a file's
 * records are encoded once and reused while its articles say the same, the list gives the index
 * stage each file's count and hash, and the shards' hashes move only where a file changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArchive } from '../src/site/archive.ts';
import { readRecordsList, removeRecords, storedRecords, writeRecords } from '../src/build/records-store.ts';
import { planShards } from '../src/build/shards.ts';
import { searchRecord } from '../src/search/records.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'site-articles');

async function fixtureCopy(work: string): Promise<string> {
  const dir = join(work, 'articles');
  await cp(FIXTURES, dir, { recursive: true });
  return dir;
}

const load = (articlesDir: string) => loadArchive({ articlesDir, rawDir: join(articlesDir, 'no-raw') });

test('records store: the listed records are the articles\' records, file by file, in the archive\'s order', async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-records-'));
  try {
    const archive = await load(await fixtureCopy(work));
    const site = join(work, 'site');
    const { list, encoded } = await writeRecords(archive.articles, site, { store: join(work, 'store'), salt: 's', language: 'zh-cn' });
    assert.equal(encoded, list.files.length, 'a new store encodes every file');
    assert.deepEqual(await readRecordsList(site), list, 'the list is written where the index stage reads it');
    const records = [];
    for await (const r of storedRecords(list, list.files)) records.push(r);
    assert.deepEqual(records, archive.articles.map(searchRecord), 'the same records, in the same order, as the articles give');
    assert.deepEqual(
      list.files.map((f) => f.file),
      [...new Set(archive.articles.map((a) => a.source.file))],
    );
    assert.equal(
      list.files.reduce((n, f) => n + f.records, 0),
      archive.articles.length,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test('records store: an unchanged file is not encoded again; a changed one is, and only its shard\'s hash moves', async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-records-'));
  try {
    const articles = await fixtureCopy(work);
    const store = join(work, 'store');
    const o = { store, salt: 's', language: 'zh-cn' };
    const first = await writeRecords((await load(articles)).articles, join(work, 'a'), o);
    const blobs = async () => new Map(await Promise.all((await readdir(store)).filter((n) => n !== 'index.json').map(async (n) => [n, (await stat(join(store, n))).mtimeMs] as const)));
    const before = await blobs();

    // nothing changed: nothing encoded, the blobs untouched
    const again = await writeRecords((await load(articles)).articles, join(work, 'b'), o);
    assert.equal(again.encoded, 0);
    assert.deepEqual(again.list.files, first.list.files);
    assert.deepEqual(await blobs(), before);

    // one article's text changed: its file alone is encoded again, the old blob goes
    const name = (await readdir(articles)).filter((n) => n.endsWith('.md')).sort()[0];
    const md = await readFile(join(articles, name), 'utf8');
    const edited = md.replace(/。/u, '！');
    assert.notEqual(edited, md, `${name} has a full stop to change`);
    await writeFile(join(articles, name), edited);
    const archive = await load(articles);
    const changedFile = archive.articles.find((a) => a.url.includes(name.replace(/\.md$/u, '')))!.source.file;
    const third = await writeRecords(archive.articles, join(work, 'c'), o);
    assert.equal(third.encoded, 1);
    const changed = third.list.files.filter((f, i) => f.hash !== first.list.files[i].hash).map((f) => f.file);
    assert.deepEqual(changed, [changedFile]);
    const after = await blobs();
    assert.equal(after.size, before.size, 'the store holds one blob a file');
    assert.equal([...after.keys()].filter((k) => !before.has(k)).length, 1);

    // a shard plan of one file a shard: the changed file's shard alone has another hash
    const plan = async (l: typeof first.list) => (await planShards(new Map(l.files.map((f) => [f.file, f])), l.language, 1)).shards;
    const [p1, p3] = [await plan(first.list), await plan(third.list)];
    assert.equal(p1.length, p3.length);
    assert.deepEqual(
      p3.filter((s, i) => s.hash !== p1[i].hash).map((s) => s.files[0]),
      [changedFile],
    );

    // another salt (the site's source changed): everything encoded again
    assert.equal((await writeRecords(archive.articles, join(work, 'd'), { ...o, salt: 't' })).encoded, third.list.files.length);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test('records store: a transient store goes with its list once indexed; a kept one stays', async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-records-'));
  try {
    const archive = await load(await fixtureCopy(work));
    const site = join(work, 'site');
    const transient = await writeRecords(archive.articles, site, { salt: 's', language: 'zh-cn' });
    assert.ok(transient.list.transient && transient.list.store.startsWith(site));
    await removeRecords(site, transient.list);
    assert.deepEqual(await readdir(join(site, 'search')), []);

    const kept = await writeRecords(archive.articles, site, { store: join(work, 'store'), salt: 's', language: 'zh-cn' });
    await removeRecords(site, kept.list);
    assert.deepEqual(await readdir(join(site, 'search')), []);
    assert.equal((await readdir(join(work, 'store'))).length, kept.list.files.length + 1, 'the blobs and the store index stay');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test('records store: a blob changed behind the list is refused, naming the file', async () => {
  const work = await mkdtemp(join(tmpdir(), 'baoku-records-'));
  try {
    const archive = await load(await fixtureCopy(work));
    const { list } = await writeRecords(archive.articles, join(work, 'site'), { store: join(work, 'store'), salt: 's', language: 'zh-cn' });
    const f = list.files[0];
    await writeFile(join(list.store, `${f.key}.json`), '[]');
    await assert.rejects(async () => {
      for await (const _ of storedRecords(list, [f]));
    }, new RegExp(`search records of ${f.file.replace(/[.]/gu, '\\.')} .* changed since they were listed`, 'u'));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
