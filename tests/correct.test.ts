/**
 * `npm run correct` and the 报告错误 / 更正 section of article pages (issue 16), on the sample's
 * first two files (000_…: articles 000-p1-01, 000-p2-01 … 000-p2-06; 001_…). The command writes
 * or amends the article's correction file and segments again; the page links to BAOKU_EDIT_URL
 * or shows the entry to paste.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { runSegment, readCorrections } from '../src/build/segment-run.ts';
import { renderSite } from '../src/build/site-build.ts';
import { stateFolderPath } from '../src/build/state-folder.ts';
import { CorrectError, runCorrect, type CorrectOptions } from '../src/corrections/correct-run.ts';
import { correctionSnippet, editCorrections } from '../src/corrections/edit.ts';
import { correctionPathOf } from '../src/corrections/files.ts';
import { parseCorrections } from '../src/corrections/parse.ts';
import { loadArchive } from '../src/site/archive.ts';
import { editLink } from '../src/site/correct.ts';
import { serveStatic } from '../src/site/serve.ts';
import { launchBrowser, pageProblems } from './browser.ts';
import { RAW_DIR } from './helpers.ts';

const FILE = '000_9b41f1c6617766a6.txt';
const OTHER = '001_9001b4056db087c2.txt';
const YML = correctionPathOf(FILE);
const ROOT = join(import.meta.dirname, '..');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

let tmp = '';
/** The two files segmented once, uncorrected: each test starts from a copy. */
let segmented = '';

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-correct-'));
  await mkdir(join(tmp, 'raw'));
  for (const f of [FILE, OTHER]) await copyFile(join(RAW_DIR, f), join(tmp, 'raw', f));
  segmented = join(tmp, 'segmented');
  await runSegment({ input: join(tmp, 'raw'), output: segmented, corrections: join(tmp, 'no-corrections'), cacheDir: false, workers: 1 });
});
after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A content folder of its own: raw/ (the two files), articles/ (segmented, uncorrected), corrections/. */
async function content(name: string, corrections: Record<string, string> = {}): Promise<{ dir: string; raw: string; articles: string; corrections: string }> {
  const dir = join(tmp, name);
  await cp(join(tmp, 'raw'), join(dir, 'raw'), { recursive: true });
  await cp(segmented, join(dir, 'articles'), { recursive: true });
  await mkdir(join(dir, 'corrections'));
  for (const [file, text] of Object.entries(corrections)) await writeFile(join(dir, 'corrections', file), text);
  return { dir, raw: join(dir, 'raw'), articles: join(dir, 'articles'), corrections: join(dir, 'corrections') };
}

const md = (articles: string, id: string) => readFile(join(articles, `${id}.md`), 'utf8');
const exists = (path: string) => stat(path).then(() => true, () => false);

/** `npm run correct -- …`, as a process: its exit code, stdout and stderr. */
function correctCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'correct.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('correct: amends the article\'s existing entry (comments kept, no second entry), adds one for another article, and re-segments only that raw file', { timeout: 300_000 }, async () => {
  const existing = ['# 2026 年 3 月 校对', '- article: 000-p2-03   # 引题漏了', '  set:', '    kicker: 政法队伍教育整顿', '# 版面杂项', '- furniture: "凯清环保研发生产的"', ''].join('\n');
  const c = await content('cli', { [YML]: existing });
  // the segment cache `npm run segment` keeps for this input folder (.cache/segment/<hash>/)
  const cache = stateFolderPath('segment', c.raw, ROOT);
  try {
    assert.match(await md(c.articles, '000-p2-03'), /^title: 东安县公安局：便民服务获好评$/mu);
    const first = correctCli(['000-p2-03', '--title', '东安县公安局便民服务获群众好评', '--input', c.raw, '--articles', c.articles]);
    assert.equal(first.status, 0, first.stderr);
    const lines = first.stdout.trim().split('\n');
    assert.equal(lines.length, 1, first.stdout);
    assert.match(lines[0], new RegExp(`^correct: \\S*corrections/${YML.replace('.', '\\.')}: line 2 amended \\(000-p2-03: title\\); re-segmented ${FILE.replace('.', '\\.')} \\(2 files segmented, 0 from the segment cache\\) → \\S*articles$`, 'u'));
    const amended = await readFile(join(c.corrections, YML), 'utf8');
    // the comments, the other entry and the order stay; the one entry of 000-p2-03 has both fields
    assert.equal(amended, ['# 2026 年 3 月 校对', '- article: 000-p2-03 # 引题漏了', '  set:', '    kicker: 政法队伍教育整顿', '    title: 东安县公安局便民服务获群众好评', '# 版面杂项', '- furniture: "凯清环保研发生产的"', ''].join('\n'));
    assert.equal(parseCorrections(amended, 'c.yml').filter((o) => o.op === 'article').length, 1);
    const corrected = await md(c.articles, '000-p2-03');
    assert.match(corrected, /^title: 东安县公安局便民服务获群众好评$/mu);
    assert.match(corrected, /^kicker: 政法队伍教育整顿$/mu);
    assert.ok(!(await md(c.articles, '000-p2-04')).split(/^---$/mu)[2].includes('凯清环保研发生产的'), 'the other entry still applies');

    // a second article: a new entry at the end; the other raw file comes from the segment cache
    const second = correctCli(['000-p2-04', '--authors', '甲，乙', '--input', c.raw, '--articles', c.articles]);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /: line 8 added \(000-p2-04: authors\); re-segmented 000_9b41f1c6617766a6\.txt \(1 file segmented, 1 from the segment cache\) → /u);
    const added = await readFile(join(c.corrections, YML), 'utf8');
    assert.ok(added.startsWith(amended), 'what was there is unchanged');
    assert.equal(added.slice(amended.length), '- article: 000-p2-04\n  set:\n    authors: [甲, 乙]\n');
    assert.match(await md(c.articles, '000-p2-04'), /^authors:\n {2}- 甲\n {2}- 乙$/mu);
    assert.equal(await md(c.articles, '001-p1-01'), await md(segmented, '001-p1-01'));
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
});

test('correct: --split-before and --merge-with write a split and a merge, applied to the articles; the same merge twice is written once', { timeout: 300_000 }, async () => {
  const c = await content('split-merge');
  const opts = (edit: CorrectOptions['edit']): CorrectOptions => ({ edit, input: c.raw, articles: c.articles, cacheDir: join(c.dir, 'cache'), workers: 1 });
  const split = await runCorrect(opts({ id: '000-p2-02', set: {}, splitBefore: '攻坚克难，坚持分类施治' }));
  assert.deepEqual(split.notApplied, []);
  assert.equal(split.label, `corrections/${YML}`);
  const text = await readFile(join(c.corrections, YML), 'utf8');
  assert.match(text, /^- split: 000-p2-02\n {2}before: "攻坚克难，坚持分类施治"\n$/mu);
  assert.deepEqual(parseCorrections(text, 'c.yml').map(({ line: _, ...o }) => o), [{ op: 'split', id: '000-p2-02', before: '攻坚克难，坚持分类施治', set: {} }]);
  assert.match(await md(c.articles, '000-p2-02-2'), /^title: 攻坚克难，坚持分类施治$/mu);
  assert.ok(!(await md(c.articles, '000-p2-02')).includes('资阳区委、区政府主要'));

  const merge = await runCorrect(opts({ id: '000-p2-05', set: { title: '衡阳两则' }, mergeWith: '000-p2-06' }));
  assert.deepEqual(merge.outcome.entries.map((e) => [e.how, e.what]), [['added', '000-p2-05: title'], ['added', 'merge 000-p2-05, 000-p2-06']]);
  const merged = await readFile(join(c.corrections, YML), 'utf8');
  assert.ok(merged.startsWith(text));
  assert.equal(merged.slice(text.length), '- article: 000-p2-05\n  set:\n    title: 衡阳两则\n- merge: [000-p2-05, 000-p2-06]\n');
  assert.equal(await exists(join(c.articles, '000-p2-06.md')), false, 'the second article is merged away');
  assert.match(await md(c.articles, '000-p2-05'), /^## 衡阳县巡特警：暖心举动感动卖菜老人$/mu);
  assert.match(await md(c.articles, '000-p2-05'), /^title: 衡阳两则$/mu);

  // already there: the file is not rewritten, and the merged-away id is not an article any more
  const again = editCorrections(merged, 'c.yml', { id: '000-p2-05', set: {}, mergeWith: '000-p2-06' });
  assert.equal(again.changed, false);
  assert.equal(again.text, merged);
  assert.deepEqual(again.entries.map((e) => e.how), ['present']);
  await assert.rejects(runCorrect(opts({ id: '000-p2-05', set: {}, mergeWith: '000-p2-06' })), (e: Error) => e instanceof CorrectError && e.code === 2 && /unknown article id 000-p2-06/u.test(e.message));
  // a merge joins articles of one raw file only (corrections are applied file by file)
  await assert.rejects(runCorrect(opts({ id: '000-p2-05', set: {}, mergeWith: '001-p1-01' })), (e: Error) => e instanceof CorrectError && e.code === 2 && e.message === `000-p2-05 is in ${FILE} and 001-p1-01 in ${OTHER}: only articles of one raw file can be merged`);
  assert.equal(await readFile(join(c.corrections, YML), 'utf8'), merged);

  // on the site a split's new article follows the one it was split from, not the place its `-2` says
  await runCorrect(opts({ id: '000-p2-03', set: {}, splitBefore: '此外，选派民警下沉联' }));
  const archive = await loadArchive({ articlesDir: c.articles, rawDir: c.raw });
  const split3 = archive.articles.find((a) => a.id === '000-p2-03-2') ?? assert.fail('000-p2-03-2 not written');
  assert.deepEqual(split3.pageGroup.articles.map((a) => a.id), ['000-p2-01', '000-p2-02', '000-p2-02-2', '000-p2-03', '000-p2-03-2', '000-p2-04', '000-p2-05']);
  assert.deepEqual([split3.prev?.id, split3.next?.id], ['000-p2-03', '000-p2-04']);
});

test('correct: an unknown id, no id or nothing to change exits 2 with one line and writes nothing', async () => {
  const c = await content('unknown');
  const unknown = correctCli(['000-p9-99', '--title', '甲', '--input', c.raw, '--articles', c.articles]);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stdout, '');
  assert.match(unknown.stderr, /^correct: unknown article id 000-p9-99: there is no \S*000-p9-99\.md\n$/u);
  const none = correctCli(['--title', '甲', '--input', c.raw, '--articles', c.articles]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^correct: which article\? give its id first: [^\n]*\n$/u);
  const nothing = correctCli(['000-p2-03', '--input', c.raw, '--articles', c.articles]);
  assert.equal(nothing.status, 2);
  assert.match(nothing.stderr, /^correct: nothing to correct: give --title, [^\n]*\n$/u);
  const path = correctCli(['../../etc/passwd', '--title', '甲', '--input', c.raw, '--articles', c.articles]);
  assert.equal(path.status, 2);
  assert.match(path.stderr, /^correct: "\.\.\/\.\.\/etc\/passwd" is not an article id/u);
  const noArticles = correctCli(['000-p2-03', '--title', '甲', '--input', c.raw, '--articles', join(c.dir, 'never-segmented')]);
  assert.equal(noArticles.status, 2);
  assert.match(noArticles.stderr, /^correct: articles folder not found: \S*never-segmented \(npm run segment writes it\)\n$/u);
  assert.equal(await exists(join(c.corrections, YML)), false);
});

test('correct: a correction file the build would refuse is named with its line and left as it was; an anchor that is not there is reported, not applied (exit 1)', { timeout: 300_000 }, async () => {
  const broken = '- article: 000-p2-03\n  set: {title: 甲\n';
  const c = await content('refused', { [YML]: broken });
  const opts = (edit: CorrectOptions['edit']): CorrectOptions => ({ edit, input: c.raw, articles: c.articles, cacheDir: false, workers: 1 });
  await assert.rejects(runCorrect(opts({ id: '000-p2-03', set: { title: '乙' } })), (e: Error) => e instanceof CorrectError && e.code === 2 && e.message.startsWith(`corrections/${YML}:3: not valid YAML`));
  assert.equal(await readFile(join(c.corrections, YML), 'utf8'), broken);

  await rm(join(c.corrections, YML));
  const warnings: string[] = [];
  const r = await runCorrect({ ...opts({ id: '000-p2-02', set: {}, splitBefore: '这句话不在报纸上' }), warn: (l) => warnings.push(l) });
  assert.deepEqual(r.notApplied, [{ line: 3, message: 'anchor "这句话不在报纸上" not found; correction not applied' }]);
  assert.deepEqual(warnings, [`warning: corrections/${YML}:3: anchor "这句话不在报纸上" not found; correction not applied`]);
  assert.equal(await exists(join(c.articles, '000-p2-02-2.md')), false);
  // the command: the segment run's warning, then one line naming the entry, exit 1
  const cli = correctCli(['000-p2-04', '--split-before', '也不在报纸上', '--input', c.raw, '--articles', c.articles], { BAOKU_SEGMENT_CACHE: '0' });
  assert.equal(cli.status, 1);
  assert.equal(cli.stdout, '');
  assert.deepEqual(cli.stderr.trim().split('\n'), [
    `warning: corrections/${YML}:3: anchor "这句话不在报纸上" not found; correction not applied`,
    `warning: corrections/${YML}:5: anchor "也不在报纸上" not found; correction not applied`,
    `correct: corrections/${YML}:5: written, but not applied (the warning above says why): fix or remove it`,
  ]);
});

test('correction files of page PDFs are named as those of text files: a/b.pdf → a/b.yml', async () => {
  assert.equal(correctionPathOf('人民日报/2018-01-22/07.pdf'), '人民日报/2018-01-22/07.yml');
  assert.equal(correctionPathOf('a/b.TXT'), 'a/b.yml');
  const dir = join(tmp, 'pdf-corrections');
  await mkdir(join(dir, 'p'), { recursive: true });
  await writeFile(join(dir, 'p', '07.yml'), '- article: 07-p1-01\n  set: {title: 甲}\n');
  const read = await readCorrections(dir, ['p/07.pdf']);
  assert.equal(read.get('p/07.pdf')?.label, 'corrections/p/07.yml');
  assert.deepEqual(read.get('p/07.pdf')?.ops.map((o) => o.op), ['article']);
});

/** The entry of the page's snippet, as the reader copies it (its text, entities read back). */
function snippetOf(page: string): string | undefined {
  const m = /<pre class="correction-snippet" id="correction-yaml"><code>([^<]*)<\/code><\/pre>/u.exec(page);
  return m?.[1].replace(/&(quot|amp|lt|gt|#39);/gu, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'" })[e]!);
}

test('article page: 报告错误 / 更正 shows the entry to paste without BAOKU_EDIT_URL, links to it with; both pass axe and fit 375px under the CSP', { timeout: 300_000 }, async () => {
  const c = await content('page');
  const snippetSite = join(c.dir, 'site-snippet');
  const linkSite = join(c.dir, 'site-link');
  const saved = process.env.BAOKU_EDIT_URL;
  let browser: Browser | undefined;
  const servers: { close(): Promise<void> }[] = [];
  try {
    delete process.env.BAOKU_EDIT_URL;
    await renderSite({ articlesDir: c.articles, rawDir: c.raw, outDir: snippetSite });
    process.env.BAOKU_EDIT_URL = 'https://git.example/archive/edit/main/content/corrections/{file}?article={id}';
    await renderSite({ articlesDir: c.articles, rawDir: c.raw, outDir: linkSite });
    process.env.BAOKU_EDIT_URL = 'javascript:alert(1)//{file}';
    await assert.rejects(renderSite({ articlesDir: c.articles, rawDir: c.raw, outDir: join(c.dir, 'site-bad') }), /BAOKU_EDIT_URL: "javascript:alert\(1\)\/\/\{file\}" is not an http\(s\) URL/u);

    const page = (site: string, id: string) => readFile(join(site, 'articles', id, 'index.html'), 'utf8');
    const plain = await page(snippetSite, '000-p2-03');
    assert.match(plain, /<h2 id="correct-h">报告错误 \/ 更正<\/h2>/u);
    assert.doesNotMatch(plain, /git\.example/u);
    const snippet = snippetOf(plain);
    assert.equal(snippet, `# 写入 content/corrections/${YML}（没有这个文件就新建）\n- article: 000-p2-03\n  set:\n    title: "东安县公安局：便民服务获好评"\n`);
    // pasted as it is, it is a correction the build reads: this article, its title as printed now
    assert.deepEqual(parseCorrections(snippet!, 'c.yml').map(({ line: _, ...o }) => o), [{ op: 'article', id: '000-p2-03', set: { title: '东安县公安局：便民服务获好评' } }]);
    assert.equal(snippetOf(await page(snippetSite, '001-p1-01'))?.split('\n')[0], `# 写入 content/corrections/${correctionPathOf(OTHER)}（没有这个文件就新建）`);

    const linked = await page(linkSite, '000-p2-03');
    assert.ok(linked.includes(`<a href="https://git.example/archive/edit/main/content/corrections/${YML}?article=000-p2-03">报告错误 / 更正</a>`), 'the link, placeholders filled');
    assert.equal(snippetOf(linked), undefined);

    browser = await launchBrowser();
    for (const [site, what] of [[snippetSite, 'snippet'], [linkSite, 'link']] as const) {
      const server = await serveStatic(site);
      servers.push(server);
      // axe is injected as a script tag, which the site's CSP would (rightly) refuse
      const context = await browser.newContext({ viewport: { width: 375, height: 800 }, bypassCSP: true });
      const tab = await context.newPage();
      await tab.goto(`${server.url}/articles/000-p2-03/`);
      await tab.locator('.correct').scrollIntoViewIfNeeded();
      assert.ok(await tab.isVisible('.correct h2'), `${what}: the section is shown`);
      assert.ok((await tab.evaluate(() => document.documentElement.scrollWidth)) <= 375, `${what}: fits 375px`);
      await tab.addScriptTag({ path: AXE });
      for (const scheme of ['light', 'dark'] as const) {
        await tab.emulateMedia({ colorScheme: scheme });
        const violations = await tab.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Element, opts: object): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
          const r = await axe.run(document.querySelector('.correct')!, { resultTypes: ['violations'] });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
        });
        assert.deepEqual(violations, [], `${what} [${scheme}]`);
      }
      await context.close();
      // under the site's own CSP: the copy button is shown by assets/cite.js (no inline script) and copies
      const strict = await browser.newContext({ viewport: { width: 375, height: 800 } });
      const p = await strict.newPage();
      const problems = pageProblems(p);
      await p.goto(`${server.url}/articles/000-p2-03/`);
      await p.waitForLoadState('networkidle');
      if (what === 'snippet') {
        await p.click('button[data-copy="correction-yaml"]');
        await p.waitForFunction(() => (document.querySelector('.correct .copy-status')?.textContent ?? '') !== '');
        const selected = await p.evaluate(() => window.getSelection()?.toString() ?? '');
        const status = await p.textContent('.correct .copy-status');
        // the clipboard, or where there is none (headless, http) the entry selected for Ctrl+C
        assert.ok(status === '已复制' || selected.includes('- article: 000-p2-03'), `${status} / ${selected}`);
      } else {
        assert.equal(await p.locator('.correct button').count(), 0);
      }
      assert.deepEqual(problems, [], `${what}: no console error or CSP violation`);
      await strict.close();
    }
  } finally {
    if (saved === undefined) delete process.env.BAOKU_EDIT_URL;
    else process.env.BAOKU_EDIT_URL = saved;
    await browser?.close();
    for (const s of servers) await s.close();
  }
});

test('a BAOKU_EDIT_URL that is not an http(s) URL template stops the build before any work (exit 2, one line)', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), '--input', join(tmp, 'raw'), '--articles', join(tmp, 'never', 'articles'), '--output', join(tmp, 'never', 'site')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BAOKU_EDIT_URL: 'javascript:alert(1)' },
  });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'build: BAOKU_EDIT_URL: "javascript:alert(1)" is not an http(s) URL (e.g. https://github.com/you/archive/edit/main/content/corrections/{file})\n');
  assert.equal(r.stdout, '', 'nothing segmented');
});

test('BAOKU_EDIT_URL placeholders: {file} path-encoded folder by folder, {id}; an untitled article\'s entry still reads', () => {
  assert.equal(editLink('https://x.example/edit/{file}', '人民日报/2018 01/07.yml', '07-p1-01'), 'https://x.example/edit/%E4%BA%BA%E6%B0%91%E6%97%A5%E6%8A%A5/2018%2001/07.yml');
  assert.equal(editLink('https://x.example/new?title={id}&f={file}', 'a.yml', 'a-p1-01'), 'https://x.example/new?title=a-p1-01&f=a.yml');
  const untitled = correctionSnippet('000-p2-02-2', '', 'content/corrections/000.yml');
  assert.match(untitled, /^ {4}title: ""$/mu);
  assert.deepEqual(parseCorrections(untitled, 'c.yml')[0], { op: 'article', line: 2, id: '000-p2-02-2', set: { title: '' } });
});
