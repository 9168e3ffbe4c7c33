/**
 * Issue metadata (src/issues/): the file's path shapes, the manifest and its errors, the order
 * of the sources (manifest > path > page header), and the segment run writing the facts into the
 * front matter — through the worker pool and in this thread.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { runSegment, SegmentCliError } from '../src/build/segment-run.ts';
import { fromMarkdown, toMarkdown } from '../src/contract/markdown.ts';
import { withIssue } from '../src/issues/apply.ts';
import { manifestFacts, parseManifest, ManifestError } from '../src/issues/manifest.ts';
import { issueFromPath } from '../src/issues/path.ts';
import { segmentFile } from '../src/segment/index.ts';
import { plainArticle, RAW_DIR, SAMPLE_FILES } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'baoku-issues-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('path: the documented shapes give paper, date and page', () => {
  const cases: [string, object][] = [
    ['人民日报/2018-01-22/07.txt', { paper: '人民日报', issue_date: '2018-01-22', page: 7 }],
    ['rmrb2018012207.txt', { paper: '人民日报', issue_date: '2018-01-22', page: 7 }],
    ['rmrb2018010207.pypdf.txt', { paper: '人民日报', issue_date: '2018-01-02', page: 7 }],
    ['株洲日报20210614第02版.txt', { paper: '株洲日报', issue_date: '2021-06-14', page: 2 }],
    ['2021/06/14/p2.txt', { issue_date: '2021-06-14', page: 2 }],
    ['株洲日报/2021/6/14/第3版.txt', { paper: '株洲日报', issue_date: '2021-06-14', page: 3 }],
    ['人民日报_2018-01-22_07.txt', { paper: '人民日报', issue_date: '2018-01-22', page: 7 }],
    ['archive/湖南日报/20200105/page12.txt', { paper: '湖南日报', issue_date: '2020-01-05', page: 12 }],
    ['2019-03-08.txt', { issue_date: '2019-03-08' }],
  ];
  for (const [path, want] of cases) assert.deepEqual(issueFromPath(path), want, path);
});

test('path: hashes, serial numbers and impossible dates say nothing', () => {
  for (const path of [...SAMPLE_FILES, '20210231.txt', 'x/2021/13/01/3.txt', 'a/12345678.txt', 'scan-0001.txt', '2021/06/notes.txt', 'abcdefghijk20200101.txt']) {
    assert.deepEqual(issueFromPath(path), {}, path);
  }
});

const MANIFEST = [
  '# the archive of 2021',
  'file,publication,issue_date,page,section,edition',
  '',
  'zz/,株洲日报,2021-06-14,,,',
  'zz/a.txt,,,2,要闻,',
  '"zz/b, c.txt",,2021-06-15,3,"理论,评论",海外版',
].join('\n');

test('manifest: rows by file or folder, the nearest row winning field by field', () => {
  const rows = parseManifest(MANIFEST, '_issues.csv');
  assert.deepEqual(rows.map((r) => [r.path, r.line]), [['zz', 4], ['zz/a.txt', 5], ['zz/b, c.txt', 6]]);
  assert.deepEqual(manifestFacts(rows, 'zz/a.txt'), { paper: '株洲日报', issue_date: '2021-06-14', page: 2, section: '要闻' });
  assert.deepEqual(manifestFacts(rows, 'zz/b, c.txt'), { paper: '株洲日报', issue_date: '2021-06-15', page: 3, section: '理论,评论', edition: '海外版' });
  assert.deepEqual(manifestFacts(rows, 'zz/sub/d.txt'), { paper: '株洲日报', issue_date: '2021-06-14' });
  assert.deepEqual(manifestFacts(rows, 'zzz.txt'), {});
});

test('manifest: a bad row is one error naming the manifest and its line', () => {
  const header = 'file,publication,issue_date,page,section,edition';
  const bad: [string, RegExp][] = [
    [`${header}\na.txt,人民日报,2018-02-30,,,`, /^_issues\.csv:2: issue_date "2018-02-30" is not a date/],
    [`${header}\na.txt,人民日报,2018/02/03,,,`, /^_issues\.csv:2: issue_date "2018\/02\/03"/],
    [`${header}\n\na.txt,,,第二,,`, /^_issues\.csv:3: page "第二" is not a page number/],
    [`${header}\na.txt,x,,,`, /^_issues\.csv:2: 5 fields, the header has 6/],
    [`${header}\na.txt,x,,,,\na.txt/,y,,,,`, /^_issues\.csv:3: "a\.txt" is already given on line 2/],
    [`${header}\n../a.txt,x,,,,`, /^_issues\.csv:2: "\.\.\/a\.txt" is not a path under the input folder/],
    [`${header}\na.txt,,,,,`, /^_issues\.csv:2: the row for "a\.txt" states nothing/],
    [`file,date\na.txt,2018-01-01`, /^_issues\.csv:1: unknown column "date"/],
    [`publication\n人民日报`, /^_issues\.csv:1: the header has no "file" column/],
    [`${header}\n"a.txt,x,,,,`, /^_issues\.csv:2: a quoted field is not closed/],
    ['# nothing\n', /^_issues\.csv:1: the manifest is empty/],
  ];
  for (const [text, message] of bad) assert.throws(() => parseManifest(text), (e: Error) => e instanceof ManifestError && message.test(e.message) && !e.message.includes('\n'), text);
});

test('sources: manifest > path > page header, recorded in date_source; the article is not changed', () => {
  const headed = plainArticle('题', ['正文。'], { id: 'x-p1-01', issue_date: '2020-01-01', page: 5, section: '要闻', source: { file: 'rmrb2018012207.txt', page: 1, lines: [1, 2] } });
  const frozen = structuredClone(headed);
  const fromPath = withIssue(headed, {});
  assert.deepEqual([fromPath.paper, fromPath.issue_date, fromPath.page, fromPath.section, fromPath.date_source], ['人民日报', '2018-01-22', 7, '要闻', 'path']);
  const fromManifest = withIssue(headed, { paper: '光明日报', issue_date: '2018-01-23', page: 9, section: '理论', edition: '海外版' });
  assert.deepEqual(
    [fromManifest.paper, fromManifest.issue_date, fromManifest.page, fromManifest.section, fromManifest.edition, fromManifest.date_source],
    ['光明日报', '2018-01-23', 9, '理论', '海外版', 'manifest'],
  );
  const headerOnly = withIssue({ ...headed, source: { ...headed.source, file: '000_x.txt' } }, {});
  assert.deepEqual([headerOnly.issue_date, headerOnly.page, headerOnly.date_source], ['2020-01-01', 5, 'page-header']);
  const none = withIssue(plainArticle('题', ['6月12日晚，正文。'], { dateline: '6月12日' }), {});
  assert.deepEqual([none.issue_date, none.page, none.date_source, none.dateline], [undefined, undefined, 'unknown', '6月12日']);
  // the second page of a file: the page number counts on, the manifest's section is the first page's
  const second = withIssue({ ...headed, section: undefined, source: { ...headed.source, page: 2 } }, { page: 4, section: '要闻' });
  assert.deepEqual([second.page, second.section], [5, undefined]);
  assert.deepEqual(headed, frozen);
  // the contract writes and reads the new fields
  const back = fromMarkdown(toMarkdown(fromManifest), 'x.md');
  assert.deepEqual([back.paper, back.issue_date, back.page, back.section, back.edition, back.date_source], ['光明日报', '2018-01-23', 9, '理论', '海外版', 'manifest']);
});

/** Front matter of every article in a folder, by source file. */
function frontMatters(dir: string) {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => fromMarkdown(readFileSync(join(dir, n), 'utf8'), n));
}

const place = (root: string, rel: string, from: string) => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), readFileSync(join(RAW_DIR, from)));
};

test('segment run: a folder laid out <paper>/<date>/<page>.txt dates every article (worker pool)', async () => {
  const input = join(tmp, 'laid-out');
  place(input, '人民日报/2018-01-22/07.txt', SAMPLE_FILES[1]);
  place(input, '株洲日报/2021/06/14/p2.txt', SAMPLE_FILES[2]);
  const out = join(tmp, 'laid-out-articles');
  await runSegment({ input, output: out, workers: 1, cacheDir: false });
  const arts = frontMatters(out);
  assert.ok(arts.length >= 4);
  for (const a of arts) {
    // the sample's files hold two pages each: the path names the first, the second counts on
    const want = a.source.file.startsWith('人民日报') ? ['人民日报', '2018-01-22', 7 + a.source.page - 1] : ['株洲日报', '2021-06-14', 2 + a.source.page - 1];
    assert.deepEqual([a.paper, a.issue_date, a.page, a.date_source], [...want, 'path'], a.id);
  }
  assert.ok(arts.some((a) => a.source.page === 2));
});

test('segment run: the manifest dates, pages and names the sections; a bad row stops the run', async () => {
  const input = join(tmp, 'manifest');
  place(input, 'scans/a.txt', SAMPLE_FILES[3]);
  place(input, 'scans/rmrb2018012207.txt', SAMPLE_FILES[4]);
  writeFileSync(join(input, '_issues.csv'), 'file,publication,issue_date,page,section,edition\nscans,湖南日报,2020-03-02,,,\nscans/a.txt,,,4,经济,\nnot-there.txt,x,,,,\n');
  const out = join(tmp, 'manifest-articles');
  const warnings: string[] = [];
  await runSegment({ input, output: out, segmenter: segmentFile, warn: (l) => warnings.push(l) });
  assert.ok(warnings.some((w) => w.includes('_issues.csv:4: "not-there.txt" names no .txt file')), warnings.join('\n'));
  const arts = frontMatters(out);
  assert.ok(arts.some((a) => a.source.file === 'scans/a.txt') && arts.some((a) => a.source.file !== 'scans/a.txt'));
  for (const a of arts) {
    // the manifest's folder row beats the date in the name rmrb2018012207; its page still comes from the name
    const p = a.source.page - 1;
    const want = a.source.file === 'scans/a.txt' ? ['湖南日报', '2020-03-02', 4 + p, p === 0 ? '经济' : undefined] : ['湖南日报', '2020-03-02', 7 + p, undefined];
    assert.deepEqual([a.paper, a.issue_date, a.page, a.section, a.date_source], [...want, 'manifest'], a.id);
  }
  writeFileSync(join(input, '_issues.csv'), 'file,publication,issue_date,page,section,edition\nscans/a.txt,,2020-3-2,,,\n');
  await assert.rejects(runSegment({ input, output: out, segmenter: segmentFile }), (e: Error) => e instanceof SegmentCliError && /_issues\.csv:2: issue_date "2020-3-2" is not a date/.test(e.message));
  // the previous articles are left as they were
  assert.equal(frontMatters(out).length, arts.length);
});

test('segment run: the sample has no date anywhere but its datelines', async () => {
  const out = join(tmp, 'sample-articles');
  await runSegment({ input: RAW_DIR, output: out, segmenter: segmentFile });
  const arts = frontMatters(out);
  assert.ok(arts.length > 10);
  for (const a of arts) assert.deepEqual([a.issue_date, a.date_source, a.paper], [undefined, 'unknown', undefined], a.id);
  assert.ok(arts.some((a) => a.dateline));
});
