/**
 * The Markdown contract (src/contract/markdown.ts): what the writer writes, the reader reads back
 * unchanged, and what the reader refuses it refuses naming the file. The articles are the
 * sample's own, segmented here; the synthetic archive of search-eval goes through the same pair.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArticleFormatError, fromMarkdown, readReport, toMarkdown, type ContractArticle } from '../src/contract/markdown.ts';
import { withIssue } from '../src/issues/apply.ts';
import { synthesize } from '../src/search/eval/synth.ts';
import { segmentFile } from '../src/segment/index.ts';
import type { Article } from '../src/segment/types.ts';
import { bodyBlocks } from '../src/site/markdown.ts';
import { readSample, SAMPLE_FILES } from './helpers.ts';

// as the build writes them: the issue facts settled (none in the sample: date_source unknown)
const sample: ContractArticle[] = SAMPLE_FILES.flatMap((f) => segmentFile(f, readSample(f)).articles.map((a) => withIssue(a, {})));

/** What the reader gives back for an article the writer wrote: optional text absent, not empty. */
function expected(a: ContractArticle) {
  const { body: _, ...fields } = a;
  const optional = (v: string | undefined) => v || undefined;
  return {
    ...fields,
    kicker: optional(a.kicker),
    subtitle: optional(a.subtitle),
    publication: optional(a.publication),
    dateline: optional(a.dateline),
    affiliations: a.affiliations?.length ? a.affiliations : undefined,
    issue_date: optional(a.issue_date),
    page: a.page,
    section: optional(a.section),
    paper: optional(a.paper),
    edition: optional(a.edition),
    // a file that does not say where its date came from: unknown when it has no date
    date_source: a.date_source ?? (a.issue_date ? undefined : 'unknown'),
    // a file without ranges: its one span is its range
    source: { ...a.source, ranges: a.source.ranges ?? [a.source.lines], caption_ranges: a.source.caption_ranges ?? [] },
  };
}

test('every sample article reads back as it was written: fields, and body text block by block', () => {
  assert.ok(sample.length > 20, `${sample.length} sample articles`);
  let kickers = 0;
  let bylines = 0;
  for (const a of sample) {
    const file = `${a.id}.md`;
    const { body, data, ...fields } = fromMarkdown(toMarkdown(a), file);
    assert.deepEqual(fields, expected(a), a.id);
    assert.deepEqual(bodyBlocks(body), a.body, `${a.id}: body`);
    assert.equal(data.id, a.id);
    if (a.kicker) kickers++;
    if (a.bylines.length) bylines++;
  }
  // the optional fields are exercised, not only the ones every article has
  assert.ok(kickers > 0 && bylines > 0, `kickers ${kickers}, bylines ${bylines}`);
});

test('the writer leaves empty optional fields out and keeps the contract order', () => {
  const a = sample.find((x) => !x.kicker && !x.subtitle)!;
  const yaml = toMarkdown({ ...a, bylines: [], dateline: undefined }).split('\n---\n')[0];
  const keys = [...yaml.matchAll(/^(\w+):/gmu)].map((m) => m[1]);
  assert.ok(!keys.includes('kicker') && !keys.includes('subtitle') && !keys.includes('bylines') && !keys.includes('dateline'), keys.join(' '));
  const order = ['id', 'title', 'authors', 'photographers', 'credits', 'captions', 'publication', 'paper', 'issue_date', 'page', 'section', 'edition', 'date_source', 'keywords', 'source'];
  assert.ok(keys.includes('date_source'), keys.join(' '));
  assert.deepEqual(keys.filter((k) => order.includes(k)), order.filter((k) => keys.includes(k)));
});

test('errors name the file and say what is wrong', () => {
  const a = sample[0];
  const good = toMarkdown(a);
  const cases: [string, string, RegExp][] = [
    ['bad-id.md', good.replace(`id: ${a.id}`, 'id: ../etc'), /^bad-id\.md: "id" must be letters/u],
    ['no-source.md', good.replace(/^source:[\s\S]*?(?=^---)/mu, ''), /^no-source\.md: front matter has no "source"/u],
    ['climbs.md', good.replace(`file: ${a.source.file}`, 'file: ../secret.txt'), /^climbs\.md: source\.file must be a path under the input folder/u],
    ['page.md', good.replace(`page: ${a.source.page}`, 'page: 0'), /^page\.md: source\.page must be a positive integer/u],
    ['yaml.md', '---\ntitle: [unclosed\n---\nbody\n', /^yaml\.md: cannot read front matter/u],
  ];
  for (const [file, text, message] of cases) {
    assert.notEqual(text, good, `${file}: the case changes the file`);
    assert.throws(() => fromMarkdown(text, file), (e: unknown) => e instanceof ArticleFormatError && message.test(e.message), file);
  }
});

test('the reader takes hand-written front matter: a YAML date, a single name, a caption as a string', () => {
  const text = '---\nid: hand-1\ntitle: 手写\ndateline: 2021-06-01\nauthors: 张三\ncaptions: [图为现场]\ncredits: [{name: 李四, role: 编辑}]\nsource: {file: a/b.txt, page: 2, lines: [3, 4]}\n---\n\n正文。\n';
  const r = fromMarkdown(text, 'hand.md');
  assert.equal(r.dateline, '2021-06-01');
  assert.deepEqual(r.authors, ['张三']);
  assert.deepEqual(r.captions, [{ text: '图为现场' }]);
  // a role outside the contract's four reads as 作者
  assert.deepEqual(r.credits, [{ name: '李四', role: '作者' }]);
  assert.deepEqual(r.source, { file: 'a/b.txt', page: 2, lines: [3, 4], ranges: [[3, 4]], caption_ranges: [] });
  assert.equal(r.body, '正文。\n');
});

test('readReport takes the segmenter list and leaves out entries without a plain file name', () => {
  assert.deepEqual(readReport([{ file: 'a.txt', encoding: 'gb18030', pages: 3, articles: 7 }, { file: 'x/y.txt' }, 5]), [
    { file: 'a.txt', encoding: 'gb18030', pages: 3, articles: 7 },
  ]);
  assert.deepEqual(readReport({ 'b.txt': { pages: 2 } }), [{ file: 'b.txt', encoding: undefined, pages: 2, articles: undefined }]);
});

test("search-eval's synthetic archive is written by the contract and reads back", () => {
  const sources = sample.map((a) => fromMarkdown(toMarkdown(a), `${a.id}.md`));
  const made = synthesize(sources, 120, 3);
  assert.deepEqual(made.map(toMarkdown), synthesize(sources, 120, 3).map(toMarkdown), 'deterministic');
  for (const a of made) {
    const { body, ...fields } = fromMarkdown(toMarkdown(a), `${a.id}.md`);
    assert.deepEqual({ ...fields, data: undefined }, { ...expected(a), data: undefined }, a.id);
    assert.deepEqual(bodyBlocks(body), a.body, `${a.id}: body`);
  }
});
