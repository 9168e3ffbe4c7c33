/**
 * Bad input gets a clear message and the run goes on: encodings, line ends, damaged and binary
 * bytes, blank files, awkward names, nested folders, copies and Markdown look-alikes, through
 * decode(), segmentFile(), runSegment() and the `segment` CLI (in a child process with another
 * working directory).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { decode, UndecodableError } from '../src/segment/decode.ts';
import { toMarkdown } from '../src/contract/markdown.ts';
import { segmentFile } from '../src/segment/index.ts';
import { runSegment, type SegmentSummary } from '../src/build/segment-run.ts';
import { unaccounted } from './helpers.ts';
import { crlf, crOnly, damagedUtf8, fakePng, gb18030, MARKDOWN_LOOKALIKE, noise, sampleText, utf16be, utf16le, utf8bom } from './fixtures/hostile/inputs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = import.meta.resolve('tsx');

let tmp = '';
// one `before` hook only: hooks registered at the top level do not wait for each other
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-hostile-input-'));
  const inDir = join(tmp, 'hostile-raw');
  await writeTree(inDir, { ...GOOD, ...Object.fromEntries(Object.entries(BAD).map(([n, [b]]) => [n, b])) });
  await writeFile(join(inDir, 'notes.md'), '# not a raw file\n');
  outDir = join(tmp, 'hostile-articles');
  summary = await runSegment({ input: inDir, output: outDir, log: (l) => logs.push(l), warn: (l) => warnings.push(l) });
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs a CLI script of the project in a child process, from another working directory. */
function cli(script: 'segment' | 'build', args: string[], cwd = tmp) {
  const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split('\n').filter(Boolean) };
}

const noStack = (s: string) => !/^\s+at\s/mu.test(s) && !/\bError:/u.test(s);

// ---------------------------------------------------------------------------------------------
// decode() and segmentFile() on one file

const plain = sampleText(4);
const plainArticles = segmentFile('004.txt', Buffer.from(plain, 'utf8')).articles;
const textOf = (articles: typeof plainArticles) => JSON.stringify(articles.map((a) => [a.title, a.kicker, a.subtitle, a.body, a.bylines, a.captions, a.source.lines]));

for (const [name, bytes, encoding] of [
  ['UTF-8 with BOM', utf8bom(plain), 'utf-8-bom'],
  ['CRLF line ends', Buffer.from(crlf(plain)), 'utf-8'],
  ['CR line ends', Buffer.from(crOnly(plain)), 'utf-8'],
  ['GB18030', gb18030(plain), 'gb18030'],
  ['UTF-16LE with BOM', utf16le(plain, true), 'utf-16le'],
  ['UTF-16BE with BOM', utf16be(plain, true), 'utf-16be'],
  ['UTF-16LE without BOM', utf16le(plain, false), 'utf-16le'],
  ['UTF-16BE without BOM', utf16be(plain, false), 'utf-16be'],
] as const) {
  test(`${name}: decoded as ${encoding}, the same articles on the same lines as plain UTF-8`, () => {
    const d = decode(bytes);
    assert.equal(d.encoding, encoding);
    assert.deepEqual(d.damagedLines, []);
    const r = segmentFile('004.txt', bytes);
    assert.equal(r.report.encoding, encoding);
    assert.equal(textOf(r.articles), textOf(plainArticles));
    assert.deepEqual([...unaccounted(d.text, r.articles, r.report)], []);
  });
}

test('invalid UTF-8 sequences: U+FFFD in place, the damaged lines named in warnings, articles still built', () => {
  const text = sampleText(1);
  const bytes = damagedUtf8(text, [3, 40, 41]);
  const d = decode(bytes);
  assert.equal(d.encoding, 'utf-8');
  assert.deepEqual(d.damagedLines, [3, 40, 41]);
  const r = segmentFile('001.txt', bytes);
  assert.ok(r.articles.length >= 2);
  assert.deepEqual(
    r.report.warnings.map((w) => w.line),
    [3, 40, 41],
  );
  assert.ok(r.report.warnings.every((w) => /U\+FFFD/u.test(w.message)));
  assert.deepEqual([...unaccounted(d.text, r.articles, r.report)], []);
});

test('a stray control byte is damage, not a silent loss: U+FFFD and a warning on its line (CR-only line ends counted)', () => {
  const text = crOnly(sampleText(4));
  const lines = text.split('\r');
  lines[5] = `\u0001${lines[5]}\u0000`;
  const bytes = Buffer.from(lines.join('\r'), 'utf8');
  const d = decode(bytes);
  assert.deepEqual(d.damagedLines, [6]);
  const r = segmentFile('004.txt', bytes);
  assert.deepEqual(r.report.warnings.map((w) => w.line), [6]);
  assert.deepEqual([...unaccounted(d.text, r.articles, r.report)], []);
});

test('binary files are not text: UndecodableError with what was found', () => {
  for (const bytes of [Buffer.alloc(4096), noise(20_000), fakePng(), Buffer.concat([Buffer.from('株洲日报\n'), Buffer.alloc(200)])]) {
    assert.throws(() => decode(bytes), (err: unknown) => err instanceof UndecodableError && /binary data/u.test(err.message));
    assert.throws(() => segmentFile('x.txt', bytes), UndecodableError);
  }
});

test('empty and blank files yield no article and one warning', () => {
  for (const bytes of [Buffer.alloc(0), Buffer.from(' \n\t\r\n\u3000\n'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\n\n\n')]) {
    const r = segmentFile('blank.txt', bytes);
    assert.equal(r.articles.length, 0);
    assert.deepEqual(r.report.warnings, [{ message: 'no text: the file is empty or blank' }]);
  }
});

test('a raw file that looks like Markdown with front matter is text: its --- lines never become our front matter', () => {
  const r = segmentFile('front-matter.txt', Buffer.from(MARKDOWN_LOOKALIKE));
  assert.ok(r.articles.length >= 1);
  for (const a of r.articles) {
    assert.notEqual(a.title, '伪造的标题');
    const { data } = matter(toMarkdown(a));
    assert.equal(data.id, a.id);
    assert.equal(data.title, a.title);
    assert.equal(data.layout, undefined);
    assert.equal(data.permalink, undefined);
  }
  assert.deepEqual([...unaccounted(MARKDOWN_LOOKALIKE, r.articles, r.report)], []);
});

// ---------------------------------------------------------------------------------------------
// runSegment() over a folder of hostile files

const GOOD = {
  '000_9b41f1c6617766a6.txt': Buffer.from(sampleText(0)),
  'nested/deeper/第 3 版 (终稿) [v2]!.txt': gb18030(sampleText(3)),
  "报纸 'quoted' & \"double\" #1.txt": utf16le(sampleText(4), true),
  'crlf bom.TXT': utf8bom(crlf(sampleText(2))),
  'damaged.txt': damagedUtf8(sampleText(1), [7]),
  'front-matter.txt': Buffer.from(MARKDOWN_LOOKALIKE),
  'name with\nnewline.txt': Buffer.from(crOnly(sampleText(2).replace(/。/u, '！'))),
};
const BAD: Record<string, [Buffer, RegExp]> = {
  'empty.txt': [Buffer.alloc(0), /no text: the file is empty or blank/u],
  'blank.txt': [Buffer.from('  \n\u3000\n\t\n'), /no text/u],
  'binary.txt': [Buffer.alloc(1000), /not text: binary data/u],
  'photo.txt': [fakePng(), /not text: binary data/u],
  'nested/copy of 000.txt': [Buffer.from(sampleText(0)), /same content as 000_9b41f1c6617766a6\.txt: skipped/u],
};

async function writeTree(dir: string, files: Record<string, Buffer>) {
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), bytes);
  }
}

let summary: SegmentSummary;
let warnings: string[] = [];
let logs: string[] = [];
let outDir = '';


test('the summary counts every .txt file: built, skipped, articles, warnings', () => {
  const txt = Object.keys(GOOD).length + Object.keys(BAD).length;
  assert.equal(summary.files, txt);
  assert.equal(summary.built, Object.keys(GOOD).length);
  assert.equal(summary.skipped, Object.keys(BAD).length);
  assert.equal(summary.warnings, warnings.length);
  assert.ok(summary.written);
  const last = logs[logs.length - 1];
  assert.match(last, new RegExp(`^segment: ${txt} files: ${summary.built} built, ${summary.skipped} skipped, ${summary.articles} articles, ${warnings.length} warnings → `, 'u'));
});

test('each skipped file gets exactly one warning line naming it, with the reason', () => {
  for (const [name, [, reason]] of Object.entries(BAD)) {
    const mine = warnings.filter((w) => w.startsWith(`warning: ${name}:`));
    assert.equal(mine.length, 1, `${name}: ${JSON.stringify(mine)}`);
    assert.match(mine[0], reason);
  }
});

test('warnings are single lines; a damaged file is named with its line; a name with a line break is shown escaped', () => {
  assert.ok(warnings.every((w) => !/[\n\r]/u.test(w)));
  assert.ok(warnings.includes('warning: damaged.txt:7: undecodable bytes replaced by U+FFFD'), warnings.join('\n'));
  assert.ok(logs.some((l) => l.includes('name with\\u000anewline.txt')));
  assert.ok(logs.every((l) => !/[\n\r]/u.test(l)));
});

test('every file that is text yields articles, with safe unique ids and its relative name as source', async () => {
  const names = (await readdir(outDir)).filter((n) => n.endsWith('.md'));
  assert.equal(names.length, summary.articles);
  const files = new Set<string>();
  for (const n of names) {
    assert.match(n, /^[a-z0-9-]+\.md$/u);
    const { data } = matter(await readFile(join(outDir, n), 'utf8'));
    assert.equal(`${data.id}.md`, n);
    files.add(data.source.file);
  }
  assert.deepEqual([...files].sort(), Object.keys(GOOD).sort());
  const report = JSON.parse(await readFile(join(outDir, '_report.json'), 'utf8')) as { files: { file: string; encoding: string }[] };
  assert.equal(report.files.length, summary.files);
  const enc = Object.fromEntries(report.files.map((f) => [f.file, f.encoding]));
  assert.equal(enc['nested/deeper/第 3 版 (终稿) [v2]!.txt'], 'gb18030');
  assert.equal(enc["报纸 'quoted' & \"double\" #1.txt"], 'utf-16le');
  assert.equal(enc['crlf bom.TXT'], 'utf-8-bom');
  assert.equal(enc['binary.txt'], 'skipped');
  assert.ok(!existsSync(`${outDir}.tmp-${process.pid}`), 'no temporary folder left');
});

test('a file the segmenter fails on is skipped with its error in one line; the others are built', async () => {
  const dir = join(tmp, 'crashing');
  await writeTree(dir, { 'a.txt': Buffer.from(sampleText(0)), 'b.txt': Buffer.from(sampleText(1)) });
  const w: string[] = [];
  const s = await runSegment({
    input: dir,
    output: join(tmp, 'crashing-out'),
    warn: (l) => w.push(l),
    segmenter: (name, bytes, opts) => {
      if (name === 'b.txt') throw new TypeError("Cannot read properties of undefined (reading 'kind')\n    at isSignedByline (src/segment/assemble.ts:39:50)");
      return segmentFile(name, bytes, opts);
    },
  });
  assert.deepEqual([s.built, s.skipped], [1, 1]);
  assert.ok(s.articles > 0 && s.written);
  assert.deepEqual(w, ["warning: b.txt: could not be segmented: Cannot read properties of undefined (reading 'kind')"]);
});

test('files over the size limit are skipped with a warning before they are read', async () => {
  const dir = join(tmp, 'big');
  await writeTree(dir, { 'a.txt': Buffer.from(sampleText(4)), 'huge.txt': Buffer.from(sampleText(0)) });
  const w: string[] = [];
  const s = await runSegment({ input: dir, output: join(tmp, 'big-out'), warn: (l) => w.push(l), maxFileBytes: 20_000 });
  assert.equal(s.skipped, 1);
  assert.deepEqual(w, ['warning: huge.txt: too large: 23 KiB (the limit is 20 KiB; see --max-file-mb)']);
});

// ---------------------------------------------------------------------------------------------
// The CLI: exit codes and one-line messages, from another working directory

test('CLI: a folder with bad files among good ones exits 0; warnings on stderr, the summary on stdout', () => {
  const r = cli('segment', ['--input', join(tmp, 'hostile-raw'), '--output', join(tmp, 'cli-out')]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.lines.length >= Object.keys(BAD).length);
  assert.ok(r.lines.every((l) => l.startsWith('warning: ')), r.stderr);
  assert.match(r.stdout, /^segment: 12 files: 7 built, 5 skipped, \d+ articles, \d+ warnings → /mu);
  assert.ok(existsSync(join(tmp, 'cli-out', '_report.json')));
});

test('CLI: a missing input folder, an empty input folder, an unwritable output: exit 2, one line, no stack trace', async () => {
  await mkdir(join(tmp, 'no-txt'), { recursive: true });
  await writeFile(join(tmp, 'no-txt', 'readme.md'), 'x');
  await writeFile(join(tmp, 'a-file'), 'x');
  const cases: [string[], RegExp][] = [
    [['--input', join(tmp, 'does-not-exist')], /^segment: input folder not found: /u],
    [['--input', join(tmp, 'no-txt')], /^segment: no \.txt or \.pdf files in input folder: /u],
    [['--input', join(tmp, 'hostile-raw'), '--output', join(tmp, 'a-file', 'articles')], /^segment: cannot write output folder /u],
    [['--input', join(tmp, 'hostile-raw'), '--output', join(tmp, 'a-file')], /^segment: cannot write output folder .*not a folder/u],
    [['--input', join(tmp, 'hostile-raw'), '--output', join(tmp, 'hostile-raw')], /^segment: the output folder .* would replace the input folder/u],
    [['--bogus'], /^segment: Unknown option '--bogus'/u],
  ];
  for (const [args, message] of cases) {
    const r = cli('segment', args.includes('--output') || args.includes('--bogus') ? args : [...args, '--output', join(tmp, 'never')]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.lines.length, 1, r.stderr);
    assert.match(r.lines[0], message);
    assert.ok(noStack(r.stderr), r.stderr);
  }
  assert.ok(!existsSync(join(tmp, 'never')));
});

test('CLI: when no file yields an article it exits 1 and leaves the previous output as it was', async () => {
  const dir = join(tmp, 'all-bad');
  await writeTree(dir, { 'x.txt': Buffer.alloc(100), 'y.txt': Buffer.from('\n \n') });
  const out = join(tmp, 'previous');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'keep.md'), 'previous output');
  const r = cli('segment', ['--input', dir, '--output', out]);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(
    r.lines.filter((l) => !l.startsWith('warning: ')),
    [`segment: no articles could be built from ${dir} (2 of 2 files skipped; see the warnings above)`],
  );
  assert.equal(r.lines.filter((l) => l.startsWith('warning: ')).length, 2);
  assert.deepEqual(await readdir(out), ['keep.md']);
  assert.equal(await readFile(join(out, 'keep.md'), 'utf8'), 'previous output');
});

test('an article whose text begins with --- neither breaks the run nor its front matter', async () => {
  const dir = join(tmp, 'dashes');
  const page = ['# 标题', '', '---本报讯，今天天气很好，记者看到很多人在公园散步。', '', '第二段也很长，记者继续采访了很多市民。', ''].join('\n');
  await writeTree(dir, { 'a.txt': Buffer.from(sampleText(4)), 'dash.txt': Buffer.from(page) });
  const w: string[] = [];
  const out = join(tmp, 'dashes-out');
  const s = await runSegment({ input: dir, output: out, warn: (l) => w.push(l) });
  assert.ok(s.written);
  assert.deepEqual(w, []);
  const dash: string[] = [];
  for (const n of (await readdir(out)).filter((f) => f.endsWith('.md'))) {
    const { data, content } = matter(await readFile(join(out, n), 'utf8'));
    assert.equal(`${data.id}.md`, n);
    if (data.source.file === 'dash.txt') dash.push(content);
  }
  // written, its dashes escaped so that neither gray-matter nor markdown-it reads them as markup
  assert.ok(dash.some((c) => c.startsWith('\\---本报讯')), JSON.stringify(dash));
});
