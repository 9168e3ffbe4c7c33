import assert from 'node:assert/strict';
import { test } from 'node:test';
import { affiliationStart, readAffiliation } from '../src/segment/rules/affiliation.ts';

test('affiliation: the author notes of signed essays, in their printed forms', () => {
  assert.equal(readAffiliation('（作者为湘江大学文学院教授）'), '湘江大学文学院教授');
  assert.equal(readAffiliation('（作者单位：某省社会科学院）'), '某省社会科学院');
  assert.equal(readAffiliation('(作者系县委党校讲师)'), '县委党校讲师');
  assert.equal(readAffiliation('（作 者 分 别 为 市 委 党 校 教 授 、讲 师）'), '市委党校教授、讲师');
});

test('affiliation: other bracketed text is not a note', () => {
  assert.equal(readAffiliation('（魏龙元 黄柳英）'), null);
  assert.equal(readAffiliation('（记者 王斌 通讯员 李华）'), null);
  assert.equal(readAffiliation('作者为湘江大学文学院教授，他说'), null);
  assert.equal(readAffiliation('（作者为湘江大学文学院教授）此后'), null);
});

test('affiliation: a note printed at the end of the last paragraph is found there', () => {
  const p = '这是我们必须回答好的时代课题。（作者为湘江大学文学院教授）';
  assert.equal(p.slice(affiliationStart(p)), '（作者为湘江大学文学院教授）');
  assert.equal(affiliationStart('这是我们必须回答好的时代课题。'), -1);
});
