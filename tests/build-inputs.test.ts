/**
 * What the file system may hold never fails a build (issue #14): a raw file named with a
 * backslash is built like any other; a FIFO, a socket, a symbolic link (to a file or a folder)
 * and a name that is not UTF-8 are skipped with one warning each, and a link is never followed
 * (its target never reaches the site); a full disk is one line naming it and exit code 2.
 * `scripts/build.ts` and `scripts/segment.ts` run in child processes on temporary folders.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diskFullMessage } from '../src/build/messages.ts';
import { startWarmWorkers, stopWorker } from '../src/build/segment-pool.ts';
import { readSample, siblings, snapshot } from './helpers.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = import.meta.resolve('tsx');
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', BAOKU_PROGRESS: '0', BAOKU_WORKERS: '1' };
/** Text that must never reach the site: the target of a link under the input folder. */
const SECRET = '绝密口令甲乙丙丁';

let tmp = '';
let raw = '';
let socket: Server | null = null;
let built: ReturnType<typeof run>;

function run(script: 'build' | 'segment', args: string[]) {
  const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: tmp, encoding: 'utf8', env: ENV, timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split('\n').filter(Boolean) };
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-inputs-'));
  raw = join(tmp, 'raw');
  await mkdir(raw);
  await writeFile(join(raw, 'a\\b.txt'), readSample('002_7d39d3f504dcdd3b.txt'));
  await writeFile(join(raw, '004_1ae44c768b257489.txt'), readSample('004_1ae44c768b257489.txt'));
  const fifo = spawnSync('mkfifo', [join(raw, 'fifo.txt')]);
  assert.equal(fifo.status, 0, String(fifo.stderr));
  socket = createServer();
  await new Promise<void>((ok) => socket!.listen(join(raw, 'sock.txt'), ok));
  await mkdir(join(tmp, 'elsewhere'));
  await writeFile(join(tmp, 'elsewhere', 'secret.txt'), `${SECRET}\n`);
  await symlink(join(tmp, 'elsewhere', 'secret.txt'), join(raw, 'link.txt'));
  await symlink(join(tmp, 'elsewhere'), join(raw, 'linked-folder'));
  // bytes 0xff 0xfe are no UTF-8: such a name cannot be said in the articles, the report or a URL
  await writeFile(Buffer.concat([Buffer.from(join(raw, 'bad')), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), readSample('000_9b41f1c6617766a6.txt'));
  built = run('build', ['--input', raw, '--articles', join(tmp, 'articles'), '--output', join(tmp, 'site')]);
});

after(async () => {
  await new Promise((ok) => (socket ? socket.close(ok) : ok(undefined)));
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('a raw file named a\\b.txt is built like any other: its articles, its pages, its raw view', async () => {
  assert.equal(built.code, 0, built.stderr);
  const report = JSON.parse(await readFile(join(tmp, 'articles', '_report.json'), 'utf8')) as { files: { file: string; articles: number }[] };
  assert.deepEqual(
    report.files.map((f) => f.file),
    ['004_1ae44c768b257489.txt', 'a\\b.txt'],
  );
  const mine = report.files.find((f) => f.file === 'a\\b.txt')!;
  assert.ok(mine.articles > 0);
  const md = (await readdir(join(tmp, 'articles'))).filter((n) => n.endsWith('.md'));
  const fromIt = [];
  for (const n of md) if ((await readFile(join(tmp, 'articles', n), 'utf8')).includes('file: a\\b.txt')) fromIt.push(n);
  assert.equal(fromIt.length, mine.articles);
  const site = await snapshot(join(tmp, 'site'));
  for (const n of fromIt) assert.ok(site.has(`articles/${n.replace(/\.md$/u, '')}/index.html`), n);
  assert.ok([...site.keys()].some((k) => k.startsWith('raw/') && k.endsWith('index.html')));
});

test('a FIFO, a socket, links and a name that is not UTF-8 are skipped with one warning each; a link is never followed', async () => {
  assert.equal(built.code, 0, built.stderr);
  assert.deepEqual(built.lines.sort(), [
    'warning: bad\ufffd\ufffd.txt: the name is not valid UTF-8: skipped (rename it)',
    'warning: fifo.txt: not a regular file: a FIFO, skipped',
    'warning: link.txt: not a regular file: a symbolic link, not followed',
    'warning: linked-folder: not a regular file: a symbolic link to a folder, not followed',
    'warning: sock.txt: not a regular file: a socket, skipped',
  ]);
  for (const dir of ['site', 'articles']) {
    for (const e of await readdir(join(tmp, dir), { recursive: true, withFileTypes: true })) {
      if (e.isFile()) assert.ok(!(await readFile(join(e.parentPath, e.name), 'utf8')).includes(SECRET), `${dir}: ${e.name} shows the link's target`);
    }
  }
});

/** Runs `fn` with a 64 KiB file system mounted at `dir` (root only: skipped with the reason elsewhere). */
async function withTinyDisk(t: { skip(reason: string): void }, dir: string, fn: () => Promise<void>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    t.skip(`cannot mount a small file system here: ${mount.stderr.trim() || mount.error?.message}`);
    return;
  }
  try {
    await fn();
  } finally {
    spawnSync('umount', [dir]);
  }
}

test('a full disk while Eleventy writes, or while the articles are written, is one line and exit code 2', async (t) => {
  assert.equal(built.code, 0, built.stderr);
  const full = join(tmp, 'full');
  await withTinyDisk(t, full, async () => {
    const r = run('build', ['--skip-segment', '--input', raw, '--articles', join(tmp, 'articles'), '--output', join(full, 'site')]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.lines.length, 1, r.stderr);
    assert.match(r.lines[0], /^build: no space left on device while writing full\/site\.next\.render\/\S+$/u);
    assert.deepEqual(await readdir(full), [], 'the failed build left nothing on the full disk');

    const s = run('segment', ['--input', join(ROOT, 'content', 'raw'), '--output', join(full, 'articles')]);
    assert.equal(s.code, 2, s.stderr);
    assert.deepEqual(s.lines, ['segment: no space left on device while writing full/articles']);
    assert.deepEqual(await readdir(full), []);
    assert.deepEqual(await siblings(join(full, 'articles')), []);
  });
});

test('workers still loading their dictionaries when a run stops exit on their own, between two calls into nodejieba', async () => {
  // a thread torn down from outside inside nodejieba aborts the process (seen once in CI on a full
  // disk): a stopped worker exits with code 0 by itself, where a terminated one reports code 1
  const workers = startWarmWorkers(2);
  const codes = workers.map((w) => new Promise<number>((resolve) => w.once('exit', resolve)));
  await Promise.all(workers.map((w) => once(w, 'online')));
  await Promise.all(workers.map(stopWorker));
  assert.deepEqual(await Promise.all(codes), [0, 0]);
  await stopWorker(workers[0]!); // a worker already stopped: nothing to wait for
});

test('the disk-full message reads the errors as Node, Eleventy and Pagefind give them, and nothing else', async () => {
  // a real ENOSPC from the kernel: /dev/full refuses every write
  const err = await writeFile('/dev/full', 'x').then(
    () => null,
    (e: unknown) => e,
  );
  assert.equal((err as NodeJS.ErrnoException).code, 'ENOSPC');
  assert.equal(diskFullMessage(err, join(tmp, 'site')), `no space left on device while writing ${join(tmp, 'site')}`);
  const eleventy = Object.assign(new Error('Having trouble writing to "/srv/site.next.render/feed.xml" from "./content/pages/feed.11ty.ts"'), { originalError: err });
  assert.equal(diskFullMessage(eleventy, '/srv/site'), 'no space left on device while writing /srv/site.next.render/feed.xml');
  const pagefind = new Error('indexShards: Pagefind could not index /srv/site.next: Os { code: 28, kind: StorageFull, message: "No space left on device" }');
  assert.equal(diskFullMessage(pagefind, '/srv/site.next/pagefind'), 'no space left on device while writing /srv/site.next/pagefind');
  assert.equal(diskFullMessage(Object.assign(new Error('EDQUOT: disk quota exceeded, write'), { code: 'EDQUOT' }), '/srv/a'), 'disk quota exceeded while writing /srv/a');
  assert.equal(diskFullMessage(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/srv/a' }), '/srv/a'), null);
  assert.equal(diskFullMessage(new Error('Having trouble writing to "/srv/x.html"'), '/srv'), null);
});
