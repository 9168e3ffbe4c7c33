import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEVSET_DIR, devsetPresent } from '../src/segment/eval/devset-load.ts';
import { fromMarkdown, toMarkdown } from '../src/contract/markdown.ts';
import { segmentFile } from '../src/segment/index.ts';
import { toLines } from '../src/segment/lines.ts';
import { detectFlavour } from '../src/segment/paragraphs.ts';

// A page we write ourselves: a header on two lines, then one story in column lines.
const PAGE = [
  '2021 年 6 月 14 日 星期一',
  '',
  '3 要闻',
  '',
  '城东社区图书室开放',
  '',
  '本报记者 王小明',
  '城东新开了一家社区图书室，藏书三千多',
  '册，周末也开放。图书室的志愿者大多是',
  '附近的退休教师，他们还办起了少儿读书',
  '会，每周六上午都有故事课。',
  '  管理处的负责人说，图书室以后还要添',
  '置新书架，让更多居民来这里读书看报。',
].join('\n');

test('page facts: a section printed before the dated line and its page number after it, on lines of their own, are read as one header', () => {
  // (the page number reads as furniture alone, `第6版`; the section beside the date alone does not)
  const page = ['城东日报', '', '地方新闻', '', '2023年01月21日 周六', '', '第6版', '', '城东老街改造完工', '', '本报讯（记者 林远）历时两年，城东老街改造日前完工。'].join('\n');
  const [a] = segmentFile('p.txt', new TextEncoder().encode(page)).articles;
  assert.deepEqual([a.issue_date, a.page, a.section, a.title], ['2023-01-21', 6, '地方新闻', '城东老街改造完工']);
});

test('page facts: the header is furniture and its date, page and section reach the articles', () => {
  const r = segmentFile('p.txt', new TextEncoder().encode(PAGE));
  assert.ok(r.articles.length >= 1);
  for (const a of r.articles) {
    assert.equal(a.issue_date, '2021-06-14');
    assert.equal(a.page, 3);
    assert.equal(a.section, '要闻');
    const text = [a.title, ...a.body.map((b) => b.text)].join('');
    assert.ok(!text.includes('星期一') && !text.includes('要闻'), 'no header text in an article');
  }
  assert.ok(r.report.unassigned.some((u) => u.reason === 'page furniture' && u.text.includes('2021')));
  // the contract writes the three fields and reads them back
  const back = fromMarkdown(toMarkdown(r.articles[0]), 'p.md');
  assert.deepEqual([back.issue_date, back.page, back.section], ['2021-06-14', 3, '要闻']);
});

test('page facts: a page without a header has none, never a date from its text', () => {
  const r = segmentFile('p.txt', new TextEncoder().encode(PAGE.split('\n').slice(4).join('\n').replace('城东新开', '6月12日，城东新开')));
  for (const a of r.articles) assert.deepEqual([a.issue_date, a.page, a.section], [undefined, undefined, undefined]);
});

test('size marks: a converter that marks every line with #s is column text with display lines', () => {
  // a page's worth of body lines (BODY_LEVEL_MIN_LINES): the story's column lines four times over
  const printed = PAGE.split('\n').filter((l) => l !== '');
  const marked = [...printed, ...printed.slice(4), ...printed.slice(4), ...printed.slice(4)].map((l, i) => (i < 2 ? `## ${l}` : i === 2 ? `### ${l}` : i === 3 ? `#### ${l}` : `###### ${l}`)).join('\n\n');
  const lines = toLines(marked);
  assert.equal(detectFlavour(lines), 'column');
  assert.deepEqual(lines.filter((l) => l.heading > 0).map((l) => l.text), ['2021 年 6 月 14 日 星期一', '3 要闻', '城东社区图书室开放', '本报记者 王小明']);
  const r = segmentFile('m.txt', new TextEncoder().encode(marked));
  assert.equal(r.articles[0].title, '城东社区图书室开放');
  assert.equal(r.articles[0].issue_date, '2021-06-14');
});

// The development corpus, read at run time: every article of every page, from every extractor
// (header on lines of its own, glued to the first line, after a converter's `^`, beside other
// columns), carries the page's date, page 7 and its section.
const DEV = join(DEVSET_DIR, 'text');
test('page facts: development pages, every extractor', { skip: !devsetPresent() && 'no ../shared/corpus-dev' }, () => {
  const misses: string[] = [];
  for (const name of readdirSync(DEV).filter((n) => n.endsWith('.txt')).sort()) {
    const m = /(\d{4})(\d\d)(\d\d)(\d\d)\./u.exec(name)!;
    const r = segmentFile(name, readFileSync(join(DEV, name)));
    const want = `${m[1]}-${m[2]}-${m[3]}/${Number(m[4])}`;
    const got = [...new Set(r.articles.map((a) => `${a.issue_date}/${a.page}`))];
    if (got.length !== 1 || got[0] !== want || r.articles.some((a) => !a.section)) misses.push(`${name}: ${got.join(' ')}`);
  }
  assert.deepEqual(misses, []);
});

// A signed essay we write: headline, the author alone under it, two paragraphs and the note.
const ESSAY = [
  '让读书成为一种生活方式',
  '',
  '李文华',
  '',
  '读书是一件需要长久坚持的事情。社区图书',
  '室开放以来，来这里借书的居民一天比一天',
  '多，孩子们也在故事课上爱上了读书。',
  '  一座城市的书香，要靠每一个人去守护。',
  '愿更多的人走进图书室，让读书成为习惯。',
  '',
  '（作者为湘江大学文学院教授）',
].join('\n');

test('signed essay: the author note is kept as the affiliation, never a headline', () => {
  const r = segmentFile('e.txt', new TextEncoder().encode(ESSAY));
  assert.equal(r.articles.length, 1);
  const a = r.articles[0];
  assert.equal(a.title, '让读书成为一种生活方式');
  assert.deepEqual(a.authors, ['李文华']);
  assert.deepEqual(a.affiliations, ['湘江大学文学院教授']);
  assert.ok(!a.bylines.some((b) => b.includes('作者为')));
  const back = fromMarkdown(toMarkdown(a), 'e.md');
  assert.deepEqual(back.affiliations, ['湘江大学文学院教授']);
});

test('page facts: a header an extractor set in pieces, one a line around its dated line, is read whole and kept out of the stories', () => {
  const page = ['澧兰晨报', '', '7', '', '评论', '', '2022 年 5 月 9 日 星期一', '', '城东社区图书室开放', '', '本报记者 王小明', '城东新开了一家社区图书室，藏书三千多', '册，周末也开放。图书室的志愿者大多是', '附近的退休教师，他们还办起了少儿读书', '会，每周六上午都有故事课。', ''].join('\n');
  const { articles, report } = segmentFile('pieces.txt', new TextEncoder().encode(page));
  assert.equal(articles.length, 1);
  assert.equal(articles[0].title, '城东社区图书室开放');
  assert.deepEqual([articles[0].issue_date, articles[0].page, articles[0].section], ['2022-05-09', 7, '评论']);
  assert.deepEqual(report.unassigned.map((e) => e.text), ['澧兰晨报', '7', '评论', '2022年5月9日 星期一']);
  // after the dated line too (`2023年3月16日 星期四` / `教育` / `10`)
  const after = ['2023年3月16日 星期四', '', '教育', '', '10', '', '城东社区图书室开放', '', '本报记者 王小明', '城东新开了一家社区图书室，藏书三千多', '册，周末也开放。图书室的志愿者大多是', '附近的退休教师，他们还办起了少儿读书', '会，每周六上午都有故事课。', ''].join('\n');
  const second = segmentFile('after.txt', new TextEncoder().encode(after));
  assert.deepEqual([second.articles[0].title, second.articles[0].page, second.articles[0].section], ['城东社区图书室开放', 10, '教育']);
  // either side of it, each piece alone no header with the dated line (`教育` / `2023年3月16日 星期四` / `8`)
  const around = ['溪口晚报', '', '文体', '', '2024年5月9日 星期四', '', '6', '', ...after.split('\n').slice(6)].join('\n');
  const third = segmentFile('around.txt', new TextEncoder().encode(around));
  assert.deepEqual([third.articles.length, third.articles[0].title, third.articles[0].issue_date, third.articles[0].page, third.articles[0].section], [1, '城东社区图书室开放', '2024-05-09', 6, '文体']);
  assert.deepEqual(third.report.unassigned.map((e) => e.text), ['溪口晚报', '文体', '2024年5月9日 星期四', '6']);
});

test('page facts: a paper name set over its page and section, or beside a 第N版 mark, is header, never a kicker', () => {
  const story = ['城东社区图书室开放', '', '本报记者 王小明', '城东新开了一家社区图书室，藏书三千多', '册，周末也开放。图书室的志愿者大多是', '附近的退休教师，他们还办起了少儿读书', '会，每周六上午都有故事课。', ''];
  // MuPDF: the dated line, then the name and `3 要闻` read as one block of two lines
  const stacked = segmentFile('stacked.txt', new TextEncoder().encode(['2022年5月9日 星期一', '澧兰晨报', '3 要闻', '', ...story].join('\n')));
  assert.equal(stacked.articles.length, 1);
  assert.deepEqual([stacked.articles[0].title, stacked.articles[0].kicker, stacked.articles[0].page, stacked.articles[0].section], ['城东社区图书室开放', undefined, 3, '要闻']);
  // a name not ending in 报, under the dated line, with `第N版 …` over it (MuPDF), or all glued (pypdf)
  for (const head of [['第9版 经济', '2022年5月9日 星期一', '溪口新闻'], ['第9版经济2022年5月9日 星期一 溪口新闻']]) {
    const r = segmentFile('mark.txt', new TextEncoder().encode([...head, '', ...story].join('\n')));
    assert.deepEqual([r.articles.length, r.articles[0].title, r.articles[0].kicker, r.articles[0].issue_date, r.articles[0].page, r.articles[0].section], [1, '城东社区图书室开放', undefined, '2022-05-09', 9, '经济'], head.join(' / '));
    assert.ok(r.report.unassigned.some((e) => e.text.includes('溪口新闻')), 'the name is reported as furniture');
  }
});

test('page facts: a header as pdf.js prints it, page number glued to its section, a masthead or the paper\'s name beside the dated line', () => {
  const story = ['城东社区图书室开放', '本报记者 王小明', '城东新开了一家社区图书室，藏书三千多', '册，周末也开放。图书室的志愿者大多是', '附近的退休教师，他们还办起了少儿读书', '会，每周六上午都有故事课。'];
  // the date, the masthead, then the page and section (`08图片新闻`); the page and section, the
  // date, then a paper named otherwise than …日报 (`7要闻` / … / `城东新闻`); no blank lines
  for (const header of [['2021年6月14日 星期一', '城东日报', '08社会'], ['7社会', '2021年6月14日 星期一', '城东新闻']]) {
    const r = segmentFile('p.txt', new TextEncoder().encode([...header, ...story].join('\n')));
    const [a] = r.articles;
    assert.equal(r.articles.length, 1, header.join(' / '));
    assert.equal(a.title, '城东社区图书室开放', header.join(' / '));
    assert.equal(a.kicker ?? '', '', header.join(' / '));
    assert.equal(a.issue_date, '2021-06-14');
    assert.equal(a.section, '社会');
    for (const piece of header) assert.ok(r.report.unassigned.some((u) => u.reason === 'page furniture' && u.text.replace(/\s+/gu, '') === piece.replace(/\s+/gu, '')), piece);
  }
});

test('page facts: the paper\'s name under the dated line, the page and section over it, stays out of a headline set in a narrow box under it', () => {
  // pdf.js, no blank lines: `01社会` / date / `城东新闻` / `城东社区` / `图书室开` / `放`: the name had run into the box
  const text = ['01社会', '2021年6月14日 星期一', '城东新闻', '城东社区', '图书室开', '放', '本报记者 王小明', '城东新开了一家社区图书室，藏书三千多', '册，周末也开放。图书室的志愿者大多是', '附近的退休教师，他们还办起了少儿读书', '会，每周六上午都有故事课。'];
  const r = segmentFile('p.txt', new TextEncoder().encode(text.join('\n')));
  assert.equal(r.articles.length, 1);
  assert.equal(r.articles[0].title, '城东社区图书室开放');
  assert.equal(r.articles[0].page, 1);
  assert.ok(r.report.unassigned.some((u) => u.reason === 'page furniture' && u.text === '城东新闻'));
  // where the paper is named already (a masthead over the page and section), the line under the
  // date is the headline's first line
  const named = ['城东日报', ...text.slice(0, 2), '城东社区', '图书室开', '放', ...text.slice(6)];
  assert.equal(segmentFile('p.txt', new TextEncoder().encode(named.join('\n'))).articles[0].title, '城东社区图书室开放');
  // and a headline's first line under the date is no paper's name, glued page line or not
  // (`01社会` / date / `坚守一线` / `护平安`)
  for (const page of ['01社会', '01 社会']) {
    const head = [page, '2021年6月14日 星期一', '坚守一线', '护平安', ...text.slice(6)];
    assert.equal(segmentFile('p.txt', new TextEncoder().encode(head.join('\n'))).articles[0].title, '坚守一线护平安', page);
  }
});
