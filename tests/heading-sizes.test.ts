import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEVSET_DIR, devsetPresent } from '../src/segment/eval/devset-load.ts';
import { NEWS_CORPUS_DIR } from '../src/segment/eval/news/corpus.ts';
import { bodyHeadingLevel, sizeRank } from '../src/segment/rules/heading-sizes.ts';
import { segmentFile } from '../src/segment/index.ts';
import { RAW_DIR, SAMPLE_FILES } from './helpers.ts';

const levelsOf = (text: string): number[] => text.split(/\r?\n/u).filter((l) => l.trim() !== '').map((l) => /^(#{1,6})\s/u.exec(l)?.[1].length ?? 0);

test('heading sizes: a converter that marks every body line reads as sizes', () => {
  const column = ['###### 河边的老码头今年春天换了新', '###### 模样，石阶修好了，栏杆也刷', '###### 上了新漆。', '###### 每天清早，附近的居民都来'];
  const page = ['## 社区新闻', '#### 王小明', ...column, '### 一条小标题', ...column, ...column, ...column, ...column, ...column].join('\n');
  const body = bodyHeadingLevel(levelsOf(page));
  assert.equal(body, 6);
  assert.deepEqual(levelsOf(page).slice(0, 7).map((l) => sizeRank(l, body)), [4, 2, 0, 0, 0, 0, 3]);
  // a short Markdown text, a heading and a paragraph, is not a size-marked page
  assert.equal(bodyHeadingLevel(levelsOf('## 社区新闻\n城东新开了一家社区图书室。')), 0);
});

test('heading sizes: real Markdown headings stay headings (the sample)', () => {
  for (const f of SAMPLE_FILES) assert.equal(bodyHeadingLevel(levelsOf(readFileSync(join(RAW_DIR, f), 'utf8'))), 0, f);
  assert.equal(sizeRank(2, 0), 5);
  assert.equal(sizeRank(0, 0), 0);
});

const DEV = join(DEVSET_DIR, 'text');
test('heading sizes: every development page from the Markdown converter has a body level', { skip: !devsetPresent() && 'no ../shared/corpus-dev' }, () => {
  for (const name of readdirSync(DEV).sort()) {
    const level = bodyHeadingLevel(levelsOf(readFileSync(join(DEV, name), 'utf8')));
    assert.equal(level > 0, name.endsWith('.pdf2md.txt'), name);
  }
});

test('heading sizes: a converted page whose paragraphs are one line each is read as sizes too (typeset news page 9)', () => {
  // the converter writes each paragraph as one long line: 18 of the page's 34 lines are body type
  const name = 'news09.pdf2md.txt';
  const text = readFileSync(join(NEWS_CORPUS_DIR, name), 'utf8');
  assert.equal(bodyHeadingLevel(levelsOf(text)), 4);
  // read as sizes, the eight one-size lines of the narrow box are one headline and the body no subheads
  const [first] = segmentFile(name, Buffer.from(text)).articles;
  assert.equal(first.title, '入选国家首批,湖南唯一一个“新生命”“株洲产教联合体”正向你走来');
  assert.ok(first.body.every((b) => b.kind === 'paragraph'));
  // and every typeset page's converter text has a body level, none of the others
  for (const f of readdirSync(NEWS_CORPUS_DIR).filter((n) => n.endsWith('.txt')).sort()) {
    assert.equal(bodyHeadingLevel(levelsOf(readFileSync(join(NEWS_CORPUS_DIR, f), 'utf8'))) > 0, f.endsWith('.pdf2md.txt'), f);
  }
});
