import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEVSET_DIR, devsetPresent } from '../src/segment/eval/devset-load.ts';
import { findColumns, isLayoutText, readColumns } from '../src/segment/layout-columns.ts';
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
  assert.equal(findColumns(lines).length, 3);
  assert.ok(isLayoutText(lines));
  const text = readColumns(lines).map((l) => l.text.trim()).join('');
  for (const column of [left, middle, right]) assert.ok(text.includes(column.map((l) => l.trim()).join('')), column[0]);
  // every piece keeps the number of the line it came from
  const placed = readColumns(lines).filter((l) => l.text.trim() === right[0]).map((l) => l.no);
  assert.deepEqual(placed, [6, 11, 16, 1]);
});

test('layout columns: a headline across two columns opens a region read after it', () => {
  const head = `${' '.repeat(10)}社区里的新变化与老街坊的新生活`;
  // a page long enough that one headline line is a small share of the cells it crosses (GUTTER_OCCUPANCY)
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
  assert.ok(after / total >= 0.8, `re-read ${after / total}`);
});
