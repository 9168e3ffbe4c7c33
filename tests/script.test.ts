/**
 * The simplified shadow of a file in traditional characters (src/segment/script.ts): which files
 * are read through it, and how a string read in the shadow is given back in the file's characters.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simplifiedShadow } from '../src/segment/script.ts';

test('a file in simplified characters is read as it is, one in traditional characters through its shadow', () => {
  assert.equal(simplifiedShadow('本报讯（记者 陈嘉欣）经过三年重建，著名的老街坊昨日陆续回迁。'), undefined);
  assert.equal(simplifiedShadow('2024 05 08 ABC'), undefined);
  const shadow = simplifiedShadow('本報訊（記者 陳嘉欣）經過三年重建，「老街坊」昨日陸續回遷。');
  assert.ok(shadow);
  // character for character, in place, corner quotes as the quotes the rules read
  assert.equal(shadow.text, '本报讯（记者 陈嘉欣）经过三年重建，“老街坊”昨日陆续回迁。');
  assert.equal(shadow.back('本报讯（记者陈嘉欣）经过三年重建，“老街坊”昨日陆续回迁。'), '本報訊（記者陳嘉欣）經過三年重建，「老街坊」昨日陸續回遷。');
  assert.equal(shadow.back('陈嘉欣'), '陳嘉欣');
  // what the file does not hold is given back as it is
  assert.equal(shadow.back('2024年·综合'), '2024年·综合');
});

test('a character two originals became is given back as the text around it prints it', () => {
  // 后 stands for 後 (after) and for 后 (empress) in one file; “ for 「 and for “
  const shadow = simplifiedShadow('會後，皇后到場。他說「好」，又說“行”。會後散會。');
  assert.ok(shadow);
  assert.equal(shadow.text, '会后，皇后到场。他说“好”，又说“行”。会后散会。');
  assert.equal(shadow.back('会后，皇后到场。'), '會後，皇后到場。');
  assert.equal(shadow.back('他说“好”，又说“行”。'), '他說「好」，又說“行”。');
  assert.equal(shadow.back('皇后'), '皇后');
  assert.equal(shadow.back('会后散会。'), '會後散會。');
});

test('every string of a traditional page comes back as that page prints it, where one simplified character stands for two', async () => {
  const { segmentFile } = await import('../src/segment/index.ts');
  // 余 stands for 餘 and for 余 (a surname), 台 for 臺 and 台, 后 for 後 and 后; each story prints its own
  const raw = [
    '2024年5月8日 星期三 港灣日報 A05 港聞',
    '',
    '其餘文件下週送審',
    '本報訊（記者 余文）市政府昨日召開會議，會後公佈了臺灣',
    '客商投資的三個項目。臺灣客商表示，將在年內動工。',
    '其餘項目的文件將在下週送審。',
    '',
    '台灣同鄉會舉辦中秋晚會',
    '本報訊（記者 何家明）台灣同鄉會昨晚舉辦中秋晚會，',
    '皇后大道的會所坐滿了鄉親。晚會後，台灣同鄉互贈月餅。',
    '',
  ].join('\n');
  const { articles } = segmentFile('trad.txt', new TextEncoder().encode(raw));
  const printed = raw.replace(/\s/gu, '');
  assert.deepEqual(articles.map((a) => a.title), ['其餘文件下週送審', '台灣同鄉會舉辦中秋晚會']);
  assert.deepEqual(articles.map((a) => a.authors), [['余文'], ['何家明']]);
  for (const a of articles) {
    for (const p of a.body) assert.ok(printed.includes(p.text.replace(/\s/gu, '')), p.text);
    // a keyword is a word of its own story, as printed there
    for (const k of a.keywords) assert.ok([a.title, ...a.body.map((p) => p.text)].join('').includes(k), `${a.title}: ${k}`);
  }
});
