import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEVSET_DIR, devsetPresent } from '../src/segment/eval/devset-load.ts';
import { NEWS_CORPUS_DIR } from '../src/segment/eval/news/corpus.ts';
import { findBlocks, isLayoutText, readColumns } from '../src/segment/layout-columns.ts';
import { segmentFile } from '../src/segment/index.ts';
import { readLines } from '../src/segment/lines.ts';
import { RAW_DIR, SAMPLE_FILES } from './helpers.ts';

/** Lay out columns of text side by side the way `pdftotext -layout` does: one cell per character. */
function sideBySide(columns: string[][], width: number, gutter = 4): string[] {
  const rows = Math.max(...columns.map((c) => c.length));
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    out.push(columns.map((c) => [...(c[r] ?? '')].concat(Array(width).fill(' ')).slice(0, width).join('')).join(' '.repeat(gutter)).trimEnd());
  }
  return out;
}

const left = ['河边的老码头今年春天换了新', '模样，石阶修好了，栏杆也刷', '上了新漆。', ' 每天清早，附近的居民都来', '这里散步，孩子们在台阶上跑'];
const middle = ['来跑去。管理处的老王说，码', '头以后还要添几条长椅，让走', '累了的人歇歇脚。', ' 夏天的傍晚，这里会放露天', '电影，第一场定在七月初。'];
const right = ['城东新开了一家社区图书室，', '藏书三千多册，周末也开放。', ' 图书室的志愿者大多是附近', '的退休教师，他们还办起了', '少儿读书会。'];

test('layout columns: three columns side by side are read one after another', () => {
  const lines = [...sideBySide([left, middle, right], 16), ...sideBySide([right, left, middle], 16), ...sideBySide([middle, right, left], 16), ...sideBySide([left, right, middle], 16)];
  assert.ok(isLayoutText(lines));
  const text = readColumns(lines).map((l) => l.text.trim()).join('');
  for (const column of [left, middle, right]) assert.ok(text.includes(column.map((l) => l.trim()).join('')), column[0]);
  // every piece keeps the number of the line it came from
  const placed = readColumns(lines).filter((l) => l.text.trim() === right[0]).map((l) => l.no);
  assert.deepEqual(placed, [6, 11, 16, 1]);
});

test('layout columns: a headline across two columns opens a region read after it', () => {
  const head = `${' '.repeat(10)}社区里的新变化与老街坊的新生活`;
  // the headline crosses the gutter: the columns under it start new blocks, read after it
  const below = [...sideBySide([middle, middle], 16), ...sideBySide([left, right], 16), ...sideBySide([middle, left], 16), ...sideBySide([right, right], 16)];
  const lines = [...sideBySide([left, right], 16), head, ...below, ...below, ...below];
  const out = readColumns(lines).map((l) => l.text.trim()).filter(Boolean);
  const at = out.indexOf('社区里的新变化与老街坊的新生活');
  assert.ok(at > 0);
  // the text above the headline, both columns, comes before it; the text below it after
  assert.ok(out.slice(0, at).join('').includes(right.join('').replace(/\s/gu, '')));
  assert.equal(out[at + 1], middle[0]);
});

test('layout columns: text that is not laid out side by side is left alone', () => {
  for (const f of SAMPLE_FILES) assert.equal(isLayoutText(readFileSync(join(RAW_DIR, f), 'utf8').split(/\r?\n/u)), false, f);
  const single = [...left, ...middle, ...right, ...left, ...middle];
  assert.equal(isLayoutText(single), false);
});

// The development corpus, read at run time: every `-layout` page is recognised and no other
// extractor's text is; re-reading by columns keeps most sentences whole where the raw lines cut
// nearly all of them.
const DEV = join(DEVSET_DIR, 'text');
test('layout columns: development pages recognised, sentences whole after re-reading', { skip: !devsetPresent() && 'no ../shared/corpus-dev' }, () => {
  const squash = (s: string) => s.replace(/[\s\u3000]+/gu, '');
  let total = 0;
  let before = 0;
  let after = 0;
  for (const name of readdirSync(DEV).sort()) {
    const lines = readFileSync(join(DEV, name), 'utf8').split(/\r?\n/u);
    const layout = name.endsWith('.pdftotext-layout.txt');
    assert.equal(isLayoutText(lines), layout, name);
    if (!layout) continue;
    const reference = readFileSync(join(DEV, name.replace('-layout', '')), 'utf8');
    const sentences = squash(reference).split(/(?<=[。！？])/u).filter((s) => s.length >= 8);
    const raw = squash(lines.join(''));
    const reread = squash(readColumns(lines).map((l) => l.text).join(''));
    total += sentences.length;
    before += sentences.filter((s) => raw.includes(s)).length;
    after += sentences.filter((s) => reread.includes(s)).length;
  }
  assert.ok(before / total < 0.2, `raw ${before / total}`);
  // re-read region by region 0.90 (page-wide gutters read 0.84)
  assert.ok(after / total >= 0.88, `re-read ${after / total}`);
});

/** Text cut into lines of `width` characters: a column of the given paragraphs, each first line indented 2 cells. */
function column(paragraphs: string[], width: number): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const chars = [...`  ${p}`];
    for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  }
  return out;
}

/** A text cut into lines of `width` characters, as a column sets it (no indent). */
const wrap = (text: string, width: number): string[] => text.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [];

// Two stories on one page with different column grids: three columns of 16 cells under a
// headline over all three, then two columns of 26 cells under theirs. The gutter of the lower
// story (cells 26–29) runs through the middle column of the upper one, so no gutter holds for
// the whole page.
const upper = [
  column(['河边的老码头今年春天换了新模样，石阶修好了，栏杆也刷上了新漆。', '每天清早，附近的居民都来这里散步，孩子们在台阶上跑来跑去。'], 16),
  column(['管理处的老王说，码头以后还要添几条长椅，让走累了的人歇歇脚。', '夏天的傍晚，这里会放露天电影，第一场定在七月初。'], 16),
  column(['老码头边的小吃摊也搬进了新修的廊棚，摊主们说生意比去年好。', '码头的改造前后用了四个月，花费由街道和居民共同承担。'], 16),
];
const lower = [
  column(['城东新开了一家社区图书室，藏书三千多册，周末也开放，附近的学生放学后常来这里写作业。', '图书室的志愿者大多是附近的退休教师，他们还办起了少儿读书会，每月两次。'], 26),
  column(['读书会的第一课讲的是家乡的老地名，来了四十多个孩子和家长。', '图书室还准备开一个旧书交换角，居民可以拿家里的旧书来换。', '管理员说，明年想再添一间阅览室。'], 26),
];
const upperHead = '老码头换新颜居民散步有了好去处';
const lowerHead = '城东社区图书室开门迎客';

test('layout columns: regions with their own column grids are read column by column, each under its headline', () => {
  const lines = [
    `${' '.repeat(14)}${upperHead}`,
    '',
    ...sideBySide(upper, 16),
    '',
    '',
    '',
    `${' '.repeat(16)}${lowerHead}`,
    '',
    ...sideBySide(lower, 26),
  ];
  assert.ok(isLayoutText(lines));
  const squash = (s: string) => s.replace(/\s+/gu, '');
  const read = squash(readColumns(lines).map((l) => l.text).join(''));
  const want = squash([upperHead, ...upper.flat(), lowerHead, ...lower.flat()].join(''));
  assert.equal(read, want);
  // each piece keeps the number of the line it came from
  for (const l of readColumns(lines)) if (l.text.trim()) assert.ok(lines[l.no - 1].includes(l.text.trim()), `${l.no}: ${l.text}`);
});

test('layout columns: a column runs on across lines that hold text of another story only', () => {
  // the right-hand story is set at twice the line pitch: its lines fall on every second text line
  const left = column(['桥头的早市天不亮就热闹起来，卖菜的、卖豆腐的、卖早点的摆了一长排，买菜的老人提着篮子慢慢挑。', '早市九点收摊，清洁工随后把路面扫得干干净净。'], 18);
  const right = column(['山里的茶园开始采春茶了，采茶工清早上山。', '今年的新茶比往年早上市一周。'], 12);
  const lines: string[] = [];
  for (let r = 0; r < left.length; r++) {
    const other = r % 2 === 0 ? right[r / 2] : undefined;
    lines.push(other ? `${left[r].padEnd(18)}${' '.repeat(6)}${other}` : left[r]);
  }
  const squash = (s: string) => s.replace(/\s+/gu, '');
  const read = squash(readColumns(lines).map((l) => l.text).join(''));
  assert.ok(read.includes(squash(left.join(''))), 'the left column whole');
  assert.ok(read.includes(squash(right.slice(0, Math.ceil(left.length / 2)).join(''))), 'the right column whole');
});

// Every character of a real page comes out once: the reader cuts lines at spaces only.
function conserved(lines: readonly string[]): void {
  const count = (texts: readonly string[]) => {
    const m = new Map<string, number>();
    for (const t of texts) for (const c of t.replace(/\s+/gu, '')) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  const placed = readColumns(lines);
  assert.deepEqual(count(placed.map((l) => l.text)), count(lines));
  for (const l of placed) if (l.text.trim()) assert.ok(lines[l.no - 1].includes(l.text.trim()), `line ${l.no}: ${l.text}`);
}

test('layout columns: the typeset news pages keep every character, and only their -layout text is layout', () => {
  const names = readdirSync(NEWS_CORPUS_DIR).filter((n) => n.endsWith('.txt')).sort();
  assert.ok(names.filter((n) => n.endsWith('.pdftotext-layout.txt')).length >= 12);
  for (const name of names) {
    const lines = readFileSync(join(NEWS_CORPUS_DIR, name), 'utf8').split(/\r?\n/u);
    const layout = name.endsWith('.pdftotext-layout.txt');
    assert.equal(isLayoutText(lines), layout, name);
    if (layout) conserved(lines);
  }
});

test('layout columns: the development pages keep every character', { skip: !devsetPresent() && 'no ../shared/corpus-dev' }, () => {
  const names = readdirSync(DEV).filter((n) => n.endsWith('.pdftotext-layout.txt')).sort();
  assert.ok(names.length >= 14);
  for (const name of names) conserved(readFileSync(join(DEV, name), 'utf8').split(/\r?\n/u));
});

test('layout columns: two stories stacked beside a story the page height are read one after the other, then the one beside', () => {
  // left: the upper story's three columns under its headline, then the lower story's three under
  // its own; right: a story in one narrow column running down past both, so that no blank line
  // crosses the page (人民日报's theory page of 2 January 2018 in `pdftotext -layout`)
  const lowerCols = [
    column(['城东新开了一家社区图书室，藏书三千多册，周末也开放。', '附近的学生放学后常来这里写作业。'], 16),
    column(['图书室的志愿者大多是附近的退休教师，他们还办起了少儿读书会。'], 16),
    column(['读书会的第一课讲的是家乡的老地名，来了四十多个孩子和家长。'], 16),
  ];
  // the lower headline in large type: the extractor leaves lines above and below it
  const leftPart = [`${' '.repeat(10)}${upperHead}`, '', ...sideBySide(upper, 16), '', '', '', `${' '.repeat(8)}${lowerHead}`, '', '', '', ...sideBySide(lowerCols, 16)];
  const side = column(['山里的茶园开始采春茶了，采茶工清早上山，中午前要把鲜叶送到茶厂。', '今年的新茶比往年早上市一周，茶农说这是因为开春以来雨水足、气温高。', '茶厂的师傅连夜炒茶，第一批新茶已经装箱发往省城，价格和去年差不多。', '镇上还准备在茶园边修一条步道，让城里来的游客也能上山看采茶。', '茶农们说，等步道修好，还想在山上开几家茶馆，请游客尝一尝新茶。', '县里的农技站也派人来了，教茶农给茶树施有机肥。'], 14);
  const sideLines = ['', '春茶上市', '', ...side];
  assert.ok(sideLines.length >= leftPart.length, 'the story beside runs the height of both');
  const lines = sideLines.map((r, k) => `${(leftPart[k] ?? '').padEnd(56)}${' '.repeat(4)}${r}`.trimEnd());
  assert.ok(isLayoutText(lines));
  const read = readColumns(lines).map((l) => l.text.trim()).filter(Boolean);
  const at = (t: string) => read.indexOf(t.trim());
  // each story read whole, in turn: upper, lower, the one beside
  const order = (texts: string[]) => texts.map(at);
  const upperAt = order([upperHead, ...upper.flat()]);
  const lowerAt = order([lowerHead, ...lowerCols.flat()]);
  const sideAt = order(['春茶上市', ...side]);
  for (const a of [...upperAt, ...lowerAt, ...sideAt]) assert.ok(a >= 0);
  assert.ok(Math.max(...upperAt) < Math.min(...lowerAt), 'the upper story read through before the lower one');
  assert.ok(Math.max(...lowerAt) < Math.min(...sideAt), 'the stacked stories before the one beside them');
  // every column read down whole
  for (const col of [...upper, ...lowerCols, side]) for (let k = 1; k < col.length; k++) assert.equal(at(col[k]), at(col[k - 1]) + 1, col[k]);
  // segmented: each headline heads the story under it (text read from the layout prints heads
  // where they stand, so no vote turns them into the last lines of the story before)
  const articles = segmentFile('stacked-beside.txt', new TextEncoder().encode(lines.join('\n'))).articles;
  const squash = (s: string) => s.replace(/\s+/gu, '');
  const bodyOf = (title: string) => squash(articles.find((a) => a.title === title)?.body.map((b) => b.text).join('') ?? '');
  assert.equal(bodyOf(upperHead), squash(upper.flat().join('')));
  assert.equal(bodyOf(lowerHead), squash(lowerCols.flat().join('')));
  assert.equal(bodyOf('春茶上市'), squash(side.join('')));
});

test('layout columns: a headline set a few characters a line in a box beside its story is read in one piece', () => {
  // typeset news page 3: the headline stands four characters a line in a box left of its story;
  // `-layout` gives each line of the large type a text line of its own, with lines of the story
  // and blank lines between, and the column rules alone read its last three lines after the story
  const file = 'news03.pdftotext-layout.txt';
  const lines = readFileSync(join(NEWS_CORPUS_DIR, file), 'utf8').split('\n');
  const out = readColumns(lines).map((l) => l.text.trim()).filter(Boolean);
  const pieces = ['衡阳县巡', '特警：暖', '心举动感', '动卖菜老', '人'];
  const at = out.indexOf(pieces[0]);
  assert.deepEqual(out.slice(at, at + pieces.length), pieces);
  // read where its first line is, before the story; the next story's wider headline under the box stays apart
  assert.match(out[at + pieces.length], /^本报讯/u);
  const headlines = segmentFile(file, readFileSync(join(NEWS_CORPUS_DIR, file))).articles.map((a) => a.title);
  assert.ok(headlines.includes(pieces.join('')), headlines.join(' | '));
});

test('layout columns: a column\'s first line set apart by blank lines is read as its first line, a caption over a column is not', () => {
  const column = ['的办法。遇到难题不绕道，碰到', '矛盾不回避，一件一件抓，一年', '一年干，就一定能见到成效，赢', '得群众的信任和支持。'];
  // the opening line at the top of the page, three blank rows under it in its strip, the
  // column below; a headline in large type (fewer characters than the column's lines) beside
  const page = (first: string) => [`${' '.repeat(30)}2024 年 3 月 8 日 星期五`, '', first, '', '', '', ...column, '', '', `${' '.repeat(40)}社区新事`, ...column.map((l) => `${' '.repeat(40)}${l}`)];
  const read = (first: string) => readColumns(page(first)).map((l) => l.text.trim());
  const opening = '要先把情况摸清楚，再拿出管用';
  const out = read(opening);
  assert.equal(out[out.indexOf(opening) + 1], column[0], 'the opening line goes on in the column, with no blank line between');
  // a caption and its credit over a story's first column stays a block of its own
  const caption = '菜农在基地采收白菜。本报记者欧阳摄';
  const under = read(caption);
  assert.equal(under[under.indexOf(caption) + 1], '', 'a blank line after the caption');
});

test('layout columns: lines spaced out one cell apart make no gutter through their column', () => {
  // justified lines spaced out one under the other leave their spaces in the same cells; a line
  // with a wider gap before a quotation mark (`方案，   “ 一 带`) stands in that strip of spaces
  const spaced = (s: string) => [...s].join(' ');
  const column = [
    '河边的老码头今年春天换了新模样，石阶',
    spaced('修好了，栏杆也刷上了'),
    spaced('新漆。每天清早，附近'),
    `居民都来散步，   ${spaced('“码头')}”${spaced('是大家')}`,
    spaced('的。”孩子们在台阶上'),
    spaced('跑来跑去，管理处的老'),
    spaced('王说码头以后还要添几'),
    spaced('条长椅，让走累了的人'),
    '歇歇脚。',
  ];
  const other = ['城东新开了一家社区图书室，', '藏书三千多册，周末也开放。', '图书室的志愿者大多是附近', '的退休教师，他们还办起了', '少儿读书会，每周六上午', '请老师给孩子们讲故事。', '去年冬天，读书会又添了', '一个书法班。', ''];
  const lines = [...sideBySide([column, other], 22), '', ...sideBySide([other, column], 22), '', ...sideBySide([column, other], 22)];
  assert.ok(isLayoutText(lines));
  // the column is one block, the line with the gap read whole in its place
  const blocks = findBlocks(lines).map((b) => b.text.replace(/\s/gu, ''));
  assert.ok(blocks.includes(column.join('').replace(/\s/gu, '')), blocks.join('\n'));
  assert.ok(blocks.includes(other.join('')), blocks.join('\n'));
});

test('layout columns: a justified first line stretched at one space stays one line of its column', () => {
  // the right-hand story starts lower than the left one (its headline's space above it), and its
  // first line is stretched to the column's width at the space before a quotation mark: the strip
  // through that space is empty from the top of the page, as tall as a gutter
  const leftCol = column(['河边的老码头今年春天换了新模样，石阶修好了，栏杆也刷上了新漆。每天清早，附近的居民都来这里散步，孩子们在台阶上跑来跑去。', '管理处的老王说，码头以后还要添几条长椅，让走累了的人歇歇脚，夏天的傍晚还会放露天电影。'], 16);
  const first = `市里的通知说，${' '.repeat(6)}“文明`;
  const rest = wrap('城市要从小事做起”，街道先从楼道里的杂物清起，再请居民们一起给花坛补种月季和海棠。不到一个月，七个小区都换了新面貌，居民们说，住着舒心多了。', 16);
  const rightCol = ['', '', '', '', '', first, ...rest];
  const lines = sideBySide([leftCol, rightCol], 16);
  assert.ok(isLayoutText(lines));
  const read = readColumns(lines).map((l) => l.text.trim()).filter(Boolean);
  // the stretched line read whole, right before the rest of its column
  const at = read.findIndex((t) => t.startsWith('市里的通知说，'));
  assert.ok(at >= 0 && read[at].endsWith('“文明'), read.join('\n'));
  assert.equal(read[at + 1], rest[0]);
  // a true gutter beside it is still cut: the left column is read whole on its own
  assert.ok(read.join('').includes(leftCol.map((l) => l.trim()).join('')));
});

test('layout columns: a kicker set higher over the right-hand columns is read with its headline, before the first column', () => {
  // the upper story, ended; then the lower story's head: the kicker two lines above the headline,
  // over the second and third columns, the headline over the first, the name over the third; the
  // first column starts lower than the others (the headline's large type takes its lines)
  const upper = sideBySide([
    column(['城东新开了一家社区图书室，藏书三千多册，周末也开放。'], 16),
    column(['图书室的志愿者大多是附近的退休教师，他们还办起了少儿读书会。'], 16),
    column(['读书会的第一课讲的是家乡的老地名，来了四十多个孩子和家长。'], 16),
  ], 16);
  const at = (col: number, text: string): string => `${' '.repeat(col)}${text}`;
  const col1 = wrap('中午十一点半，和平社区老年食堂里坐满了老人，今天的午饭是红烧鱼、炒青菜和冬瓜汤，价钱也实惠，', 16);
  const col2 = wrap('一荤两素一汤只要十二元，八十岁以上的老人还能再减三元。社区主任说，食堂开张三个月，每天有一百多位老人来吃饭，周末还有不少年轻人带着孩子来尝鲜。厨师是从附近饭店请来的老师傅，做的都是家常菜，少油少盐，软烂好嚼，米饭和汤可以随便添，吃不完的还能打包带回家，', 16);
  const col3 = wrap('老人们都说合口味。有了这个食堂，不少在外上班的子女也放心了。下一步，社区还打算给行动不便的老人送餐上门，让他们在家也能吃上热乎饭。菜单每周换一次，每月请老人们坐下来提一回意见，哪道菜咸了淡了，哪道菜想常吃，师傅都记在本子上。', 16);
  const head = [at(30, '为老街坊办实事的社区新食堂'), '', at(2, '社区食堂让老人吃上热乎饭'), at(48, '王小明')];
  const body = sideBySide([[...Array(8).fill(''), ...col1], col2, col3], 16);
  const lines = [...upper, '', '', '', ...head, ...body];
  assert.ok(isLayoutText(lines));
  const read = readColumns(lines).map((l) => l.text.trim()).filter(Boolean);
  const order = ['为老街坊办实事的社区新食堂', '社区食堂让老人吃上热乎饭', '王小明', col1[0] ?? '', col2[0] ?? '', col3[0] ?? ''].map((t) => read.indexOf(t));
  assert.ok(order.every((k) => k >= 0), read.join('\n'));
  assert.deepEqual([...order].sort((a, b) => a - b), order, read.join('\n'));
  const story = segmentFile('kicker-higher.txt', Buffer.from(lines.join('\n'))).articles.find((a) => a.title === '社区食堂让老人吃上热乎饭');
  assert.equal(story?.kicker, '为老街坊办实事的社区新食堂');
  assert.ok(story?.body.map((b) => b.text).join('').replace(/\s/gu, '').startsWith('中午十一点半'));
  // a name of a compound surname beside the headline is a name all the same, no head of a story beside
  const compound = lines.map((l) => l.replace('王小明', '欧阳小明'));
  const reread = readColumns(compound).map((l) => l.text.trim()).filter(Boolean);
  assert.ok(reread.indexOf('为老街坊办实事的社区新食堂') < reread.indexOf(col1[0] ?? ''), reread.join('\n'));
});

test('layout columns: a headline read in one block with its column is set apart from the indented first line by a blank line', () => {
  // the headline over the first column, the name beside it over the second, then the columns, the
  // first line set in by a paragraph's indent and ending on no punctuation; another story's column
  // runs down the right from the top, so that no line between is blank
  const col1 = ['    天天来社区图书室借书看报的人', ...wrap('越来越多，周末更是座无虚席。志愿者们轮流值班，帮老人找书，给孩子讲故事，还把旧报纸一份份整理好，按日期装订成册，放在阅览室的书架上，', 16)];
  const col2 = wrap('方便大家查阅。图书室还开了一个小小的读书会，每月请一位居民讲一本自己喜欢的书，来听的人越来越多。街道打算明年再添两个书架，多订几份报纸杂志，让图书室成为居民身边的文化客厅。', 16);
  const beside = wrap('山里的茶园开始采春茶了，采茶工清早上山，中午前要把鲜叶送到茶厂。今年的新茶比往年早上市一周，茶农说这是因为开春以来雨水足、气温高。茶厂的师傅连夜炒茶，第一批新茶已经装箱发往省城。', 16);
  const essay = ['   小小图书室成了文化客厅', `${' '.repeat(24)}李文华`, '', '', ...sideBySide([col1, col2], 20)];
  const lines = essay.map((r, k) => `${r.padEnd(44)}${' '.repeat(4)}${beside[k] ?? ''}`.trimEnd());
  assert.ok(isLayoutText(lines));
  // the head and the column are one block (no line between is blank), and a blank line sets the
  // head apart from the indented first line, which the column's lines follow
  assert.ok(findBlocks(lines).some((b) => b.text.startsWith('小小图书室成了文化客厅') && b.text.includes('天天来')));
  const read = readColumns(lines).map((l) => l.text.trim());
  const at = read.indexOf('小小图书室成了文化客厅');
  assert.deepEqual(read.slice(at, at + 4), ['小小图书室成了文化客厅', '', '天天来社区图书室借书看报的人', col1[1]]);
  // and segmented, the essay opens on that line
  const story = segmentFile('indented-first-line.txt', Buffer.from(lines.join('\n'))).articles.find((a) => a.title === '小小图书室成了文化客厅');
  assert.ok(story?.body.map((b) => b.text).join('').replace(/\s/gu, '').startsWith('天天来社区图书室借书看报的人越来越多'), story?.body[0]?.text);
});

test('layout columns: a paragraph\'s first line set in by an indent goes on into its column, after a credit, a head and a name', () => {
  // an essay ends on its author's note; the next essay's head and name, then its columns, the
  // first line set in and stopping on no punctuation: after a credit, a short line of no
  // punctuation reads as a headline line, but `-layout` gives the indent that says it opens a paragraph
  const prior = sideBySide([wrap('街道今年办成的十件实事，件件都从居民的意见里来。年初发放的问卷收回三千多份，大家最关心的是停车难、', 16), [...wrap('电梯旧和菜场远，街道就把这几件排在了最前面。', 16), '（作者为社区工作者）']], 20);
  const col1 = ['   习近平同志在党的十九大报告', ...wrap('中指出，社区是城市治理的基本单元，也是服务群众的最后一公里。近年来，我们在老旧小区改造中坚持问需于民，先开居民议事会，再定改造清单，请居民代表全程参与监督，施工队每周向居民通报进度，遇到分歧就坐下来商量，加装电梯、', 16)];
  const col2 = wrap('修缮屋面、增设停车位，一项一项落实。改造完成后，居民满意度明显提高。实践证明，把群众的事当成自己的事来办，就能赢得群众的信任和支持。下一步，还要把这些经验用到更多小区，让更多居民住得舒心、过得顺心，把好事办好、实事办实。', 16);
  const lines = [...prior, '', '', '      把群众的事当成自己的事', '', `${' '.repeat(26)}王建国`, '', '', ...sideBySide([col1, col2], 20)];
  assert.ok(isLayoutText(lines));
  assert.ok(readColumns(lines).some((l) => l.setIn === true && l.text.trim() === '习近平同志在党的十九大报告'));
  assert.ok(!readColumns(lines).some((l) => l.setIn === true && l.text.trim() === '把群众的事当成自己的事'));
  const essay = segmentFile('set-in-first-line.txt', Buffer.from(lines.join('\n'))).articles.find((a) => a.authors?.includes('王建国'));
  assert.equal(essay?.title, '把群众的事当成自己的事');
  assert.equal(essay?.kicker, undefined);
  assert.ok(essay?.body.map((b) => b.text).join('').replace(/\s/gu, '').startsWith('习近平同志在党的十九大报告中指出'), essay?.body[0]?.text);
});

test('layout columns: a head set beside the top of its columns is no column running on under the story', () => {
  // the upper story's head stands right of its columns (over its picture), nothing under it in its strip until
  // the columns start; its last line (the byline) ends no sentence. The columns all end their
  // sentences, blank lines follow, and the lower story's columns stand on the same grid: the
  // blank lines part two stories, the head is not a column left open across them
  const a = [wrap('入夏以来，湖边的小镇又迎来了许多参观学习的人。镇里的污水处理站建成两年，处理后的水达到排放标准，再流进湖里。站里的技术员每天早晚各取一次水样，', 14), wrap('数据在手机上就能看到。河水清了，岸边种上了花草，白鹭也回来了。附近的居民说，过去一到夏天河边就有味道，谁也不愿意多待，现在', 14), wrap('傍晚都愿意到河边走一走，带着孩子看看鱼、看看鸟。镇里还打算把河边的小路连起来，修几处歇脚的亭子，让来往的人多停一停。', 14)];
  const b = [wrap('本报讯 新学期开学第一周，城南小学的食堂换了新菜单，每天四菜一汤，荤素搭配，还有水果和酸奶，学生可以按自己的口味选。食堂的师傅说，', 14), wrap('菜单是请家长和老师一起定的，先在几个班试吃一周，再听孩子们的意见，哪道菜剩得多就换掉哪道，每个月换一次。', 14), wrap('新菜单用了一个月，孩子们吃得干净了，剩饭剩菜比过去少了一半。学校还请家长轮流来食堂陪餐，看看孩子们吃得好不好。', 14)];
  const headA = ['湖边小镇', '水清岸绿', '本报记者 陈小平'].map((t) => `${' '.repeat(56)}${t}`);
  const lines = [...headA, '', ...sideBySide(a, 14), '', '', '', `${' '.repeat(2)}城南小学食堂换新菜单`, '', ...sideBySide(b, 14)];
  assert.ok(isLayoutText(lines));
  // read region by region: every line of the upper story before the lower story's head
  const read = readColumns(lines).map((l) => l.text.trim());
  const lowerHead = read.indexOf('城南小学食堂换新菜单');
  for (const col of a) assert.ok(read.indexOf(col[col.length - 1]) < lowerHead, col[col.length - 1]);
  const articles = segmentFile('head-over-last-column.txt', Buffer.from(lines.join('\n'))).articles;
  const text = (t: string) => articles.find((x) => x.title === t)?.body.map((p) => p.text).join('').replace(/\s/gu, '') ?? '';
  assert.ok(text('湖边小镇水清岸绿').startsWith('入夏以来') && text('湖边小镇水清岸绿').endsWith('让来往的人多停一停。'), articles.map((x) => x.title).join(' / '));
  assert.ok(text('城南小学食堂换新菜单').startsWith('本报讯') && !text('城南小学食堂换新菜单').includes('入夏以来'));
});

test('layout columns: two columns under a line set across both are not one stretched line', () => {
  // a lead note set full width over the story's two columns, its last line full: the nearest line
  // over the columns' first lines is one piece spanning both, but the line under them shows the gutter
  const c1 = wrap('本报讯 中午十一点半，和平社区老年食堂里坐满了老人，今天的午饭是红烧鱼、炒青菜和冬瓜汤，价钱也实惠，一荤两素一汤只要十二元，八十岁以上的老人还能再减三元。社区主任说，食堂开张三个月，每天有一百多位老人来吃饭。', 16);
  const c2 = wrap('厨师是从附近饭店请来的老师傅，做的都是家常菜，少油少盐，软烂好嚼，米饭和汤可以随便添，吃不完的还能打包带回家。老人们都说合口味，不少在外上班的子女也放心了。', 16);
  const lead = '编者按：社区食堂开张三个月来，每天有上百位老人在这里吃上了热乎饭，价钱实惠，口味也好，子女们都说放心了。本报记者走进食堂，看看老人们的一日三餐怎样安排，听听他们对食堂有哪些新期待和好建议，也听听厨师傅们都是怎么说的。'.match(/.{1,36}/gu) ?? [];
  assert.equal(lead.at(-1)?.length, 36, 'the lead note\'s last line full');
  const lines = ['      社区食堂让老人吃上热乎饭', '', ...lead, '', ...sideBySide([c1, c2], 16)];
  assert.ok(isLayoutText(lines));
  const read = readColumns(lines).map((l) => l.text.trim());
  assert.ok(read.includes((c1[0] ?? '').trim()) && read.includes((c2[0] ?? '').trim()), read.join('\n'));
});

test('layout columns: heads of two stories side by side, one with a kicker higher, are each read with their story', () => {
  // the right-hand story's kicker stands two lines over the heads, which stand level: reading the
  // head band first would give the right story's kicker to the left story's headline
  const left = sideBySide([wrap('本报讯 中午十一点半，和平社区老年食堂里坐满了老人，今天的午饭是红烧鱼、炒青菜和冬瓜汤，价钱也实惠，一荤两素一汤只要十二元。厨师是从附近饭店请来的老师傅，做的都是家常菜，少油少盐，软烂好嚼，米饭和汤可以随便添。', 14), wrap('八十岁以上的老人还能再减三元。社区主任说，食堂开张三个月，每天有一百多位老人来吃饭，周末还有不少年轻人带着孩子来尝鲜。老人们都说合口味，不少在外上班的子女也放心了。下一步还要给行动不便的老人送餐上门。', 14)], 14);
  const right = sideBySide([wrap('本报讯 新学期开学第一周，城南小学的图书馆换了新书架，添了两千多册新书，还开辟了绘本角，低年级的学生可以坐在地垫上看书。高年级的学生还办起了读书会，每周交流一次，家长们也常来旁听，图书馆越来越热闹。', 14), wrap('图书馆的老师说，新书是请家长和老师一起挑的，每个月还会再添一批，学校还请家长轮流来图书馆当志愿者，帮孩子们找书。校长说，要让每个孩子都爱上读书，明年还要再建一间阅览室，添置更多的书。', 14)], 14);
  const pad = (s: string) => [...s].concat(Array(32).fill(' ')).slice(0, 32).join('');
  const heads = [`${pad('')}          城南小学办好书香校园`, '', `${pad('    社区食堂开张三个月')}        小学图书馆添了新书架`, ''];
  const lines = [...heads, ...left.map((l, k) => `${pad(l)}      ${right[k] ?? ''}`)].map((l) => l.trimEnd());
  assert.ok(isLayoutText(lines));
  const articles = segmentFile('heads-side-by-side.txt', Buffer.from(lines.join('\n'))).articles;
  const school = articles.find((a) => a.title === '小学图书馆添了新书架');
  assert.equal(school?.kicker, '城南小学办好书香校园');
  assert.ok(articles.some((a) => a.title === '社区食堂开张三个月' && a.kicker === undefined), articles.map((a) => `${a.kicker ?? ''}|${a.title}`).join(' / '));
});

test('layout columns: a first line set in keeps its mark where its column starts on the row another column ends', () => {
  const left = wrap('河边的老码头今年春天换了新模样，石阶修好了，栏杆也刷上了新漆。每天清早，附近的居民都来这里散步，孩子们在台阶上跑来跑去。管理处的老王说，码头以后还要添几条长椅，让走累了的人歇歇脚，夏天的傍晚还会放露天电影，第一场定在七月初，到时候欢迎大家都来看看。', 16);
  for (const start of [5, left.length - 1]) {
    const right = [...Array<string>(start).fill(''), '  城东新开了一家社区图书', ...wrap('室，藏书三千多册，周末也开放。图书室的志愿者大多是附近的退休教师，他们还办起了少儿读书会，来了四十多个孩子。', 16)];
    const lines = sideBySide([left, right], 16);
    const marked = readLines(lines.join('\n')).lines.filter((l) => l.setIn).map((l) => l.text);
    assert.deepEqual(marked, ['城东新开了一家社区图书'], `right column from row ${start}`);
  }
});

test('layout columns: vertical lines set side by side one cell apart are read each down its cell, the right one first', () => {
  // a story's body in two columns on the left; on the right, down the side of the story, its
  // headline (cell 38) and its subtitle (cell 36), a glyph of each on a text line, one space
  // between, so that no gutter parts them; the subtitle's dash and its digits stand as pieces
  const head = [...'春耕备耕要早谋划'];
  const sub = ['——', ...'各地储备化肥', '3', ...'万吨'];
  const body = [...sideBySide([left, middle], 16), ...sideBySide([right, left], 16), ...sideBySide([middle, right], 16), ...sideBySide([left, right], 16)];
  const lines = body.map((l, r) => {
    const s = sub[r] ?? '';
    const h = r % 2 === 1 ? (head[(r - 1) / 2] ?? '') : '';
    return `${l.padEnd(36, ' ')}${s.padEnd(2, ' ')}${h}`.trimEnd();
  });
  // (the pieces as they stand: `——`, `各 春`, `地`, `储 耕` …: read across, the head came out interleaved)
  assert.ok(lines.some((l) => /储 耕$/u.test(l)));
  assert.ok(isLayoutText(lines));
  const out = readColumns(lines).map((l) => l.text.trim()).filter(Boolean);
  const at = out.indexOf('春');
  assert.ok(at >= 0, out.join('|'));
  assert.deepEqual(out.slice(at, at + head.length), head, 'the headline, glyph after glyph');
  assert.deepEqual(out.slice(at + head.length, at + head.length + sub.length), sub, 'then the subtitle beside it');
  // the columns of running text are read as ever
  for (const column of [left, middle, right]) assert.ok(out.join('').includes(column.map((l) => l.trim()).join('')), column[0]);
  // a spaced-out line of running text (a justified line stretched, each glyph alone) is no vertical line
  const spaced = ['每 年 春 天 ， 村 里 都 要 修 整 水 渠', '每 年 春 天 ， 村 里 都 要 修 整 水 渠'.replace(/水 渠$/u, '田 埂')];
  const page = [...spaced, ...spaced, ...spaced, ...body];
  assert.ok(readColumns(page).some((l) => l.text.trim() === spaced[0]));
});

test('layout columns: a vertical line under a column left mid-sentence is no line of that column', () => {
  // story A in two columns, its left column stopping mid-sentence; two blank lines; then down the
  // left edge a byline set vertically (cell 0) and a headline beside it (cell 2), story B's text
  // to their right. The byline's first glyph stands at the left column's edge, two lines under it
  const colA = ['城东新开了一家社区图书室，藏书', '三千多册，周末也开放。图书室的', '志愿者大多是附近的退休教师，他'];
  const colB = ['们还办起了少儿读书会，每周六上', '午都有故事课。管理处的负责人说', '图书室以后还要添置新书架。'];
  const top = colA.map((l, r) => `${l.padEnd(18, ' ')}    ${colB[r]}`);
  const byline = [...'本报记者黄亮'];
  const head = [...'社区食堂开张了'];
  const body = ['', '中午十一点半，和平社区老年食堂里飘', '出饭菜香，两荤两素一汤，六十岁以上', '老人每餐只需十二元。食堂还为行动不', '便的老人提供送餐上门服务，每天配送', '五十多份。社区负责人介绍，食堂由社', '区提供场地、餐饮企业运营。', ''];
  // (the headline's first glyph a line lower than the byline's, as the two are set)
  const lower = body.map((l, r) => `${byline[r] ?? ' '} ${(r > 0 ? head[r - 1] : undefined) ?? ' '}     ${r > 0 ? l : ''}`.trimEnd());
  const lines = [...top, '', '', ...lower];
  assert.ok(isLayoutText(lines));
  const out = readColumns(lines).map((l) => l.text.trim()).filter(Boolean);
  // story A is read whole before anything of the lower story
  const a = out.indexOf(colB[colB.length - 1]);
  const b = out.indexOf('本');
  assert.ok(a >= 0 && b > a, out.join('|'));
  // and the two vertical lines come out each whole, the right one first
  const at = out.indexOf('社');
  assert.deepEqual(out.slice(at, at + head.length), head);
  assert.deepEqual(out.slice(at + head.length, at + head.length + byline.length), byline);
});
