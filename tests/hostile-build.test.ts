/**
 * The build never leaves a half-written site, and the same input gives the same bytes.
 * `scripts/build.ts` runs in child processes from other working directories, with
 * --input/--articles/--output in temporary folders.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gb18030, injectionText, sampleText } from './fixtures/hostile/inputs.ts';
import { SAMPLE_FILES, siblings, snapshot } from './helpers.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = import.meta.resolve('tsx');
/**
 * Fixed feed timestamp: the only input of the build that is not a file. No segment cache: the
 * second build must segment again, not read back the first one's results.
 */
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', BAOKU_SEGMENT_CACHE: '0' };

let tmp = '';
let raw = '';

function build(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'scripts', 'build.ts'), ...args], { cwd, encoding: 'utf8', env: ENV, timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, errors: r.stderr.split('\n').filter((l) => l && !l.startsWith('warning: ')) };
}


let first: ReturnType<typeof build>;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-hostile-build-'));
  raw = join(tmp, 'raw');
  await mkdir(raw, { recursive: true });
  for (const [k, f] of SAMPLE_FILES.entries()) await writeFile(join(raw, f), sampleText(k));
  await writeFile(join(raw, `报纸 <b>&"'页 {{x}}.txt`), injectionText());
  await writeFile(join(raw, '第 2 版 GB18030 副本.txt'), gb18030(sampleText(2).replace('。', '！')));
  await writeFile(join(raw, 'empty.txt'), '');
  for (const run of ['one', 'two']) await mkdir(join(tmp, run), { recursive: true });
  first = build(['--input', raw, '--articles', join(tmp, 'one', 'articles'), '--output', join(tmp, 'one', 'site')], join(tmp, 'one'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

test('a build with a bad file among good ones succeeds, warns once about it, leaves no temporary folder', async () => {
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(first.stderr.split('\n').filter(Boolean), ['warning: empty.txt: no text: the file is empty or blank']);
  assert.match(first.stdout, /^build: \d+ pages, \d+ indexed → site$/mu);
  assert.ok(existsSync(join(tmp, 'one', 'site', 'index.html')));
  assert.ok(existsSync(join(tmp, 'one', 'site', 'pagefind')));
  assert.deepEqual(await siblings(join(tmp, 'one', 'site')), []);
  assert.deepEqual(await siblings(join(tmp, 'one', 'articles')), []);
});

test('same input, same bytes: every Markdown file, the report and every page of two builds are identical', async () => {
  const second = build(['--input', raw, '--articles', join(tmp, 'two', 'articles'), '--output', join(tmp, 'two', 'site')], join(tmp, 'two'));
  assert.equal(second.code, 0, second.stderr);
  const [a1, a2] = [await snapshot(join(tmp, 'one', 'articles')), await snapshot(join(tmp, 'two', 'articles'))];
  assert.ok([...a1.keys()].filter((k) => k.endsWith('.md')).length > 30);
  assert.ok(a1.has('_report.json'));
  assert.deepEqual(a2, a1);
  const [s1, s2] = [await snapshot(join(tmp, 'one', 'site')), await snapshot(join(tmp, 'two', 'site'))];
  assert.ok([...s1.keys()].filter((k) => k.startsWith('articles/') && k.endsWith('.html')).length > 30);
  const differing = [...new Set([...s1.keys(), ...s2.keys()])].filter((k) => s1.get(k) !== s2.get(k));
  assert.deepEqual(differing, []);
});

test('a failing Eleventy stage (a bad articles folder) leaves the previous site as it was', async () => {
  const site = join(tmp, 'one', 'site');
  const before = await snapshot(site);
  const bad = join(tmp, 'bad-articles');
  await mkdir(bad, { recursive: true });
  await writeFile(join(bad, 'x-p1-01.md'), '---\nid: x-p1-01\ntitle: [unclosed\n---\n正文。\n');
  const r = build(['--skip-segment', '--input', raw, '--articles', bad, '--output', site], tmp);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.errors.length, 1, r.stderr);
  assert.match(r.errors[0], /^build: eleventy failed: /u);
  assert.ok(!/^\s+at /mu.test(r.stderr), r.stderr);
  assert.deepEqual(await snapshot(site), before);
  assert.deepEqual(await siblings(site), []);
});

test('an unwritable output, a missing input, an input with no usable file: one line, non-zero, nothing replaced', async () => {
  const site = join(tmp, 'one', 'site');
  const articles = join(tmp, 'one', 'articles');
  const [siteBefore, articlesBefore] = [await snapshot(site), await snapshot(articles)];
  await writeFile(join(tmp, 'a-file'), 'x');
  const allBad = join(tmp, 'all-bad');
  await mkdir(allBad, { recursive: true });
  await writeFile(join(allBad, 'zero.txt'), Buffer.alloc(64));
  const cases: [string[], number, RegExp][] = [
    [['--input', raw, '--articles', articles, '--output', join(tmp, 'a-file', 'site')], 2, /^build: cannot write output folder /u],
    [['--input', join(tmp, 'missing'), '--articles', articles, '--output', site], 2, /^build: input folder not found: /u],
    [['--input', allBad, '--articles', articles, '--output', site], 1, /^build: no articles could be built from /u],
    [['--skip-segment', '--input', raw, '--articles', join(tmp, 'missing'), '--output', site], 2, /^build: articles folder not found: /u],
  ];
  for (const [args, code, message] of cases) {
    const r = build(args, tmp);
    assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.errors.length, 1, r.stderr);
    assert.match(r.errors[0], message);
    assert.ok(!/^\s+at /mu.test(r.stderr), r.stderr);
  }
  assert.deepEqual(await snapshot(site), siteBefore);
  assert.deepEqual(await snapshot(articles), articlesBefore);
  assert.deepEqual(await siblings(site), []);
  assert.deepEqual(await siblings(articles), []);
});
