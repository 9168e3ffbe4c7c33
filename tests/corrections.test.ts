/**
 * Corrections that survive every rebuild (issue 16): correction files beside the raw text,
 * applied after segmentation and before Markdown, on the sample's first file (000_…: articles
 * 000-p1-01, 000-p2-01 … 000-p2-06).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyCorrections } from '../src/corrections/apply.ts';
import { parseCorrections } from '../src/corrections/parse.ts';
import { runSegment, SegmentCliError } from '../src/build/segment-run.ts';
import { renderSite } from '../src/build/site-build.ts';
import { segmentFile } from '../src/segment/index.ts';
import { RAW_DIR, readSample, unaccounted } from './helpers.ts';

const FILE = '000_9b41f1c6617766a6.txt';
const OTHER = '001_9001b4056db087c2.txt';
const YML = FILE.replace(/\.txt$/u, '.yml');
const ROOT = join(import.meta.dirname, '..');

/** A content folder with the two first sample files in raw/ and the given correction files. */
async function content(corrections: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'baoku-corr-'));
  await mkdir(join(dir, 'raw'));
  await mkdir(join(dir, 'corrections'));
  for (const f of [FILE, OTHER]) await copyFile(join(RAW_DIR, f), join(dir, 'raw', f));
  for (const [name, text] of Object.entries(corrections)) await writeFile(join(dir, 'corrections', name), text);
  return dir;
}

async function segment(dir: string, out: string, cacheDir: string | false = false) {
  const warnings: string[] = [];
  const summary = await runSegment({ input: join(dir, 'raw'), output: join(dir, out), cacheDir, workers: 1, warn: (l) => warnings.push(l) });
  const md = new Map<string, string>();
  for (const f of (await readdir(join(dir, out))).sort()) md.set(f, await readFile(join(dir, out, f), 'utf8'));
  return { summary, warnings, md };
}

const ALL_OPS = `# one of each operation, on the real articles of ${FILE}
- article: 000-p2-03
  set:
    title: 东安县公安局便民服务获群众好评
    authors: 甲,乙
- merge: [000-p2-05, 000-p2-06]
- split: 000-p2-02
  before: "攻坚克难， 坚持分类施治"
- furniture: "凯清环保研发生产的"
- move: "此外，选派民警下沉联"
  to: 000-p2-04
- headline_of: 000-p2-01
  text: "创新体制机制推动拓展融合"
`;

test('corrections: each operation is applied and visible in the Markdown; uncorrected articles keep their ids and text', async () => {
  const dir = await content({ [YML]: ALL_OPS });
  try {
    const plain = await segment(dir, 'plain');
    await rm(join(dir, 'corrections', YML));
    const before = await segment(dir, 'before');
    await writeFile(join(dir, 'corrections', YML), ALL_OPS);
    const after = await segment(dir, 'after');
    assert.deepEqual(plain.md.get('000-p2-03.md'), after.md.get('000-p2-03.md'), 'the same corrections give the same output');
    assert.deepEqual(after.warnings, []);
    const md = (id: string) => after.md.get(`${id}.md`) ?? assert.fail(`${id}.md not written`);
    const orig = (id: string) => before.md.get(`${id}.md`)!;
    // the body alone: the front matter's 更正记录 quotes the anchors
    const body = (id: string) => md(id).split(/^---$/mu)[2];
    // set
    assert.match(md('000-p2-03'), /^title: 东安县公安局便民服务获群众好评$/mu);
    assert.match(md('000-p2-03'), /^authors:\n {2}- 甲\n {2}- 乙$/mu);
    // merge: the second article's text and headline follow the first's; its file is gone
    assert.equal(after.md.has('000-p2-06.md'), false);
    assert.ok(md('000-p2-05').includes('## 衡阳县巡特警：暖心举动感动卖菜老人'));
    assert.ok(md('000-p2-05').indexOf('6月13日凌晨1时30分') < md('000-p2-05').indexOf('6月13日上午9时20分'));
    // split: the new article starts at the anchor, its subhead its title; the old one ends before it
    assert.match(md('000-p2-02-2'), /^title: 攻坚克难，坚持分类施治$/mu);
    assert.ok(md('000-p2-02-2').includes('资阳区委、区政府主要'));
    assert.ok(!md('000-p2-02').includes('资阳区委、区政府主要'));
    assert.ok(md('000-p2-02').includes('善谋者胜，远谋者兴。'));
    // furniture: out of the article, into the report
    assert.ok(orig('000-p2-04').includes('凯清环保研发生产的'));
    // (its front matter's 更正记录 names it: the body must not hold it)
    assert.ok(!body('000-p2-04').includes('凯清环保研发生产的'));
    const report = JSON.parse(after.md.get('_report.json')!) as { files: { file: string; unassigned: { text: string; reason: string }[]; corrections?: { file: string; applied: { line: number; ids: string[] }[] } }[] };
    const file = report.files.find((f) => f.file === FILE)!;
    assert.ok(file.unassigned.some((e) => e.text.startsWith('凯清环保研发生产的') && /furniture/u.test(e.reason)));
    assert.equal(file.corrections?.file, `corrections/${YML}`);
    assert.deepEqual(file.corrections?.applied.map((a) => a.line), [2, 6, 7, 9, 10, 12]);
    // move: the paragraph leaves 000-p2-03 for 000-p2-04
    assert.ok(!body('000-p2-03').includes('此外，选派民警下沉联'));
    assert.ok(body('000-p2-04').includes('此外，选派民警下沉联'));
    // headline_of: the subhead becomes the headline; the old headline is kept in the report
    assert.match(md('000-p2-01'), /^title: 创新体制机制 推动拓展融合深度$/mu);
    assert.ok(!md('000-p2-01').includes('## 创新体制机制'));
    assert.ok(file.unassigned.some((e) => e.text === '鲲鹏展翅从兹起'));
    // ids: only the merged article went and the split one came; the untouched articles are byte for byte the same
    const ids = (m: Map<string, string>) => [...m.keys()].filter((k) => k.endsWith('.md')).sort();
    assert.deepEqual(ids(after.md), [...ids(before.md).filter((k) => k !== '000-p2-06.md'), '000-p2-02-2.md'].sort());
    for (const id of ['000-p1-01', ...ids(before.md).filter((k) => k.startsWith('001-')).map((k) => k.slice(0, -3))]) assert.equal(md(id), orig(id), id);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('corrections: every character stays in an article or the report (conservation)', () => {
  const raw = readSample(FILE);
  const text = raw.toString('utf8');
  const { articles, report } = segmentFile(FILE, raw, { key: '000' });
  const base = unaccounted(text, articles, report);
  // no text of the correction's own: the accounting is exactly as before
  const moves = parseCorrections(ALL_OPS, 'c.yml').filter((o) => o.op !== 'article' && o.op !== 'headline_of');
  assert.deepEqual(moves.map((o) => o.op), ['merge', 'split', 'furniture', 'move']);
  const moved = applyCorrections(articles, report, moves);
  assert.equal(moved.warnings.length, 0);
  assert.deepEqual(unaccounted(text, moved.articles, moved.report), base);
  // a new title adds only its own characters: the printed one went to the report
  const set = applyCorrections(articles, report, parseCorrections('- article: 000-p2-03\n  set: {title: 新题}\n- headline_of: 000-p2-01\n  text: 创新体制机制\n', 's.yml'));
  const expected = new Map(base);
  for (const c of '新题') expected.set(c, (expected.get(c) ?? 0) - 1);
  assert.deepEqual(unaccounted(text, set.articles, set.report), new Map([...expected].filter(([, n]) => n !== 0)));
  // the inputs are left as they were (the segment cache may hold them)
  assert.deepEqual(unaccounted(text, articles, report), base);
});

test('corrections: a stale anchor or id is reported with its line and the rest is applied; a move to a missing article is refused', async () => {
  const yml = ['- furniture: "这句话不在报纸上"', '- article: 000-p9-09', '  set: {title: 无}', '- move: "此外，选派民警下沉联"', '  to: 000-p9-09', '- article: 000-p2-03', '  set: {kicker: 政法队伍教育整顿}', ''].join('\n');
  const dir = await content({ [YML]: yml });
  try {
    const { warnings, md, summary } = await segment(dir, 'out');
    assert.deepEqual(warnings, [
      `warning: corrections/${YML}:1: anchor "这句话不在报纸上" not found; correction not applied`,
      `warning: corrections/${YML}:2: article 000-p9-09 not found; correction not applied`,
      `warning: corrections/${YML}:4: article 000-p9-09 not found; correction not applied`,
    ]);
    assert.equal(summary.warnings, 3);
    assert.ok(md.get('000-p2-03.md')!.split(/^---$/mu)[2].includes('此外，选派民警下沉联'), 'the refused move left the paragraph where it was');
    assert.match(md.get('000-p2-03.md')!, /^kicker: 政法队伍教育整顿$/mu);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('corrections: a correction file with a YAML error stops the build with its file and line (exit 2)', async () => {
  const yml = '- article: 000-p2-03\n  set: {title: 甲\n- merge: [000-p2-05, 000-p2-06]\n';
  const dir = await content({ [YML]: yml });
  try {
    await assert.rejects(runSegment({ input: join(dir, 'raw'), output: join(dir, 'out'), cacheDir: false, workers: 1 }), (e: Error) => e instanceof SegmentCliError && e.message.startsWith(`corrections/${YML}:3: not valid YAML`));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), '--input', join(dir, 'raw'), '--articles', join(dir, 'articles'), '--output', join(dir, 'site')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BAOKU_SEGMENT_CACHE: '0' } });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`corrections/${YML.replace('.', '\\.')}:3: not valid YAML`, 'u'));
    assert.doesNotMatch(r.stderr, /\n\s+at /u, 'no stack trace');
    // not a list of known operations: named too
    assert.throws(() => parseCorrections('- article: 1\n- rename: x\n', 'c.yml'), /^Error: c\.yml:2: unknown correction/u);
    assert.throws(() => parseCorrections('- article: 000-p2-03\n  set: {colour: red}\n', 'c.yml'), /c\.yml:1: "colour" is not a field/u);
    assert.throws(() => parseCorrections('- article: 000-p2-03\n- article: 000-p2-04\n  set: {issue_date: 6月13日}\n', 'c.yml'), /c\.yml:2: "issue_date" must be a date/u);
    assert.throws(() => parseCorrections('- merge: [000-p2-05]\n', 'c.yml'), /c\.yml:1: "merge" takes two article ids/u);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('corrections: changing one correction file re-segments only its raw file (segment cache)', async () => {
  const dir = await content({ [YML]: '- article: 000-p2-03\n  set: {title: 甲}\n' });
  const cache = join(dir, 'cache');
  try {
    const first = await segment(dir, 'a', cache);
    assert.equal(first.summary.pool?.segmented, 2);
    await writeFile(join(dir, 'corrections', YML), '- article: 000-p2-03\n  set: {title: 乙}\n');
    const second = await segment(dir, 'b', cache);
    assert.deepEqual([second.summary.pool?.segmented, second.summary.pool?.cached], [1, 1]);
    assert.match(second.md.get('000-p2-03.md')!, /^title: 乙$/mu);
    const third = await segment(dir, 'c', cache);
    assert.deepEqual([third.summary.pool?.segmented, third.summary.pool?.cached], [0, 2]);
    assert.equal(third.md.get('000-p2-03.md'), second.md.get('000-p2-03.md'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('corrections: survive a segmenter change that respaces the text, as long as their anchors exist', () => {
  const raw = readSample(FILE);
  const { articles, report } = segmentFile(FILE, raw, { key: '000' });
  // a simulated later segmenter: another spacing repair puts a space after every second character
  const respace = (s: string) => s.replace(/(\S\S)(?=\S)/gu, '$1 ');
  const other = articles.map((a) => ({ ...a, title: respace(a.title), body: a.body.map((b) => ({ ...b, text: respace(b.text) })), captions: a.captions.map((c) => ({ ...c, text: respace(c.text) })) }));
  assert.notDeepEqual(other[2].body[0].text, articles[2].body[0].text);
  const ops = parseCorrections(ALL_OPS, 'c.yml');
  const now = applyCorrections(articles, report, ops);
  const later = applyCorrections(other, report, ops);
  assert.deepEqual(later.warnings, []);
  assert.deepEqual(later.applied.map((a) => a.ids), now.applied.map((a) => a.ids));
  const shape = (list: typeof articles) => list.map((a) => [a.id, a.title.replace(/\s+/gu, ''), a.body.map((b) => b.text.replace(/\s+/gu, '')).join('|')]);
  assert.deepEqual(shape(later.articles), shape(now.articles));
  // one anchor gone from the new text: only that correction is reported, the others still apply
  const gone = other.map((a) => ({ ...a, body: a.body.filter((b) => !b.text.replace(/\s+/gu, '').startsWith('凯清环保研发生产的')) }));
  const partial = applyCorrections(gone, report, ops);
  assert.deepEqual(partial.warnings, [{ line: 9, message: 'anchor "凯清环保研发生产的" not found; correction not applied' }]);
  assert.equal(partial.applied.length, 5);
});

test('corrections: a corrected article says what was changed (更正记录) in its front matter and on its page; others say nothing', async () => {
  const dir = await content({ [YML]: ALL_OPS });
  try {
    const { md } = await segment(dir, 'articles');
    assert.match(md.get('000-p2-03.md')!, /^corrections:\n {2}- 更正标题、作者\n {2}- “此外，选派民警下沉联/mu);
    assert.match(md.get('000-p2-05.md')!, /^corrections:\n {2}- 并入 000-p2-06（原为两篇）$/mu);
    assert.doesNotMatch(md.get('000-p1-01.md')!, /^corrections:/mu);
    await renderSite({ articlesDir: join(dir, 'articles'), rawDir: join(dir, 'raw'), outDir: join(dir, 'site') });
    const page = (id: string) => readFile(join(dir, 'site', 'articles', id, 'index.html'), 'utf8');
    const corrected = await page('000-p2-02-2');
    assert.match(corrected, /<dt>更正记录<\/dt><dd><ul class="corrections"><li>000-p2-02 在“攻坚克难， 坚持分类施治”处拆为两篇，后一篇为 000-p2-02-2<\/li><\/ul>据更正文件 <code>corrections\/000_9b41f1c6617766a6\.yml<\/code>/u);
    assert.match(await page('000-p2-03'), /<li>更正标题、作者<\/li>/u);
    assert.doesNotMatch(await page('000-p1-01'), /更正记录/u);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
