import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEVSET_DIR, devsetPresent } from '../src/segment/eval/devset-load.ts';
import { readPageHeader } from '../src/segment/rules/page-header.ts';
import { halveDoubledLeadIn, undoOverprint } from '../src/segment/rules/overprint.ts';

// Header shapes as the extractors print them, on headers we write ourselves.
test('page header: date and weekday on a line of their own', () => {
  assert.deepEqual(readPageHeader('2021 年 6 月 14 日 星期一'), { issueDate: '2021-06-14', weekday: '星期一', strong: true });
  assert.deepEqual(readPageHeader('2019年11月3日  星期日'), { issueDate: '2019-11-03', weekday: '星期日', strong: true });
});

test('page header: the date in Han numerals', () => {
  assert.deepEqual(readPageHeader('二〇二三年三月八日星期三'), { issueDate: '2023-03-08', weekday: '星期三', strong: true });
  assert.deepEqual(readPageHeader('二○二一年十二月二十六日 星期日'), { issueDate: '2021-12-26', weekday: '星期日', strong: true });
  assert.deepEqual(readPageHeader('二〇二〇年十月十日'), { issueDate: '2020-10-10', strong: true });
  assert.equal(readPageHeader('二〇二三年三月三十二日'), null);
  // a sentence that prints a date in words stays running text
  assert.equal(readPageHeader('二〇二三年三月八日，县里召开了动员大会。'), null);
});

test('page header: page number and section, in either order, with a letter', () => {
  assert.deepEqual(readPageHeader('3 要闻'), { page: 3, section: '要闻', strong: false });
  assert.deepEqual(readPageHeader('经济·民生 12'), { page: 12, section: '经济·民生', strong: false });
  assert.deepEqual(readPageHeader('A3 国际'), { page: 3, pageLabel: 'A3', section: '国际', strong: false });
  // a separator dot after the section is the separator's
  assert.deepEqual(readPageHeader('要闻·A3'), { page: 3, pageLabel: 'A3', section: '要闻', strong: false });
  assert.deepEqual(readPageHeader('第 5 版：文体'), { page: 5, section: '文体', strong: true });
  assert.deepEqual(readPageHeader('05版 社会'), { page: 5, section: '社会', strong: true });
});

test('page header: glued in one line, converter separators, overprinted bold', () => {
  assert.deepEqual(readPageHeader('33 要闻要闻2021 年 6 月 14 日 星期一'), { issueDate: '2021-06-14', weekday: '星期一', page: 3, section: '要闻', strong: true });
  assert.deepEqual(readPageHeader('## 2021 年 6 月 14 日 星期一^33 要闻要闻 '), { issueDate: '2021-06-14', weekday: '星期一', page: 3, section: '要闻', strong: true });
  assert.equal(undoOverprint('33 要闻要闻'), '3 要闻');
  // a real page 33 with its section printed once stays page 33
  assert.equal(undoOverprint('33 要闻'), '33 要闻');
  // only the page number beside the doubled word is halved, never a day of the month
  assert.equal(undoOverprint('要闻要闻 332021 年 1 月 11 日'), '要闻 332021 年 1 月 11 日');
  assert.deepEqual(readPageHeader('55 体育体育2021 年 1 月 11 日 星期一'), { issueDate: '2021-01-11', weekday: '星期一', page: 5, section: '体育', strong: true });
  // a converter that keeps bold marks and draws its separator as `(^)`
  assert.deepEqual(readPageHeader('**3 要闻** (^) 2021 年 6 月 14 日 星期一 **澧兰日报**'), { issueDate: '2021-06-14', weekday: '星期一', publication: '澧兰日报', page: 3, section: '要闻', strong: true });
  assert.deepEqual(readPageHeader('**青溪晚报** (^) 2022年03月08日 周二 **民生 7**'), { issueDate: '2022-03-08', weekday: '星期二', publication: '青溪晚报', page: 7, section: '民生', strong: true });
});

test('page header: paper name, lunar date and editors are read past', () => {
  assert.deepEqual(readPageHeader('株洲日报 2020年6月13日 星期六 农历庚子年四月廿二'), { issueDate: '2020-06-13', weekday: '星期六', publication: '株洲日报', strong: true });
  assert.deepEqual(readPageHeader('第2版 综合  责任编辑：王小明  美编：李华'), { page: 2, section: '综合', strong: true });
  // a paper whose name does not end in 报, glued to the page, section and date (pypdf) or bold (a converter)
  const yunmeng = { issueDate: '2023-02-07', weekday: '星期二', publication: '溪口新闻', page: 1, section: '经济', strong: true };
  assert.deepEqual(readPageHeader('01经济2023年2月7日星期二溪口新闻'), yunmeng);
  assert.deepEqual(readPageHeader('**01经济**(^)2023年2月7日星期二**溪口新闻**'), yunmeng);
  assert.deepEqual(readPageHeader('溪口新闻 2023年2月7日 星期二 01 经济'), yunmeng);
  // a name beside a date and no page is no header's: a sentence stays running text
  assert.equal(readPageHeader('2023年2月7日星期二，溪口新闻'), null);
  assert.equal(readPageHeader('2023年2月7日 我们 来到'), null);
});

test('page header: running text that mentions a date or a number is not a header', () => {
  assert.equal(readPageHeader('2020 年 6 月 10 日，全省推进乡镇污'), null);
  assert.equal(readPageHeader('2020年6月10日。'), null);
  assert.equal(readPageHeader('投资成本达 3000 万元'), null);
  assert.equal(readPageHeader('6月12日晚23时许'), null);
  assert.equal(readPageHeader('2021 年 13 月 40 日'), null);
  assert.equal(readPageHeader('第一部分 总则'), null);
});

// The development corpus (read at run time, never copied): every extractor's text of every page
// has a header line that gives the date in the file's name, page 7 and a section.
const DEV = join(DEVSET_DIR, 'text');
test('page header: every extractor of every development page yields date, page and section', { skip: !devsetPresent() && 'no ../shared/corpus-dev' }, () => {
  const misses: string[] = [];
  for (const name of readdirSync(DEV).filter((n) => n.endsWith('.txt')).sort()) {
    const m = /^[a-z]+(\d{4})(\d\d)(\d\d)(\d\d)\./u.exec(name);
    if (!m) continue;
    const found: { issueDate?: string; page?: number; section?: string } = {};
    for (const line of readFileSync(join(DEV, name), 'utf8').split(/\r?\n/u)) {
      // -layout prints other columns beside the header: read the widest run of it alone
      for (const part of line.trim().split(/\s{3,}/u)) {
        const h = readPageHeader(part);
        if (!h) continue;
        found.issueDate ??= h.issueDate;
        if (h.page !== undefined && (h.strong || h.section)) {
          found.page ??= h.page;
          found.section ??= h.section;
        }
      }
    }
    const want = `${m[1]}-${m[2]}-${m[3]}`;
    if (found.issueDate !== want || found.page !== Number(m[4]) || !found.section) misses.push(`${name}: ${JSON.stringify(found)}`);
  }
  assert.deepEqual(misses, []);
});

test('overprint: doubled headline words, names and punctuation are halved', () => {
  assert.equal(undoOverprint('新气象新气象：：新作为'), '新气象：新作为');
  assert.equal(undoOverprint('王小明王小明'), '王小明');
  assert.equal(undoOverprint('社区里的新变化'), '社区里的新变化');
});

test('overprint: a subtitle dash (two em dashes) is not a doubled mark', () => {
  assert.equal(undoOverprint('——写在新年到来之际'), '——写在新年到来之际');
});

test('page header: a number glued to words is a headline, not a page and section', () => {
  assert.equal(readPageHeader('10个消防救援站'), null);
  assert.equal(readPageHeader('3名村民获救'), null);
});

test('page header: glued once the line is a header; a weekday cut mid-character', () => {
  assert.deepEqual(readPageHeader('55体育体育2021年1月11日 星期一'), { issueDate: '2021-01-11', weekday: '星期一', page: 5, section: '体育', strong: true });
  assert.deepEqual(readPageHeader('2021 年 1 月 11 日 星\ufffd'), { issueDate: '2021-01-11', strong: true });
});

test('overprint: a headline lead-in printed twice on lines of its own is kept once', () => {
  assert.equal(halveDoubledLeadIn('新起点：新起点：绘就乡村振兴新图景'), '新起点：绘就乡村振兴新图景');
  assert.equal(halveDoubledLeadIn('新起点：新起点：  绘就乡村振兴新图景'), '新起点：绘就乡村振兴新图景');
  // a lead-in printed once, or a colon later in the line, is left alone
  assert.equal(halveDoubledLeadIn('新起点：绘就乡村振兴新图景'), null);
  assert.equal(halveDoubledLeadIn('产业兴旺：村里办起了合作社：社员一百多户'), null);
});

test('page header: a 第N版 mark, its section and a name at the line\'s end; a word inside the line is no name', () => {
  const read = { issueDate: '2022-05-09', weekday: '星期一', page: 9, section: '经济', publication: '溪口新闻', strong: true };
  assert.deepEqual(readPageHeader('第9版经济2022年5月9日 星期一 溪口新闻'), read);
  assert.deepEqual(readPageHeader('第9版 经济 2022年5月9日 星期一 溪口新闻'), read);
  // a head read together with the header lines around it (`延伸阅读` between the date and the mark)
  assert.equal(readPageHeader('2022年5月9日 周一 延伸阅读 第9版 图片新闻'), null);
});

test('page header: a section glued to the weekday, its page number printed apart', () => {
  // pdf.js (pdf-parse) text of a typeset news page: `2023年3月15日 星期三教育` / `6`
  assert.deepEqual(readPageHeader('2022年5月11日 星期三经济'), { issueDate: '2022-05-11', weekday: '星期三', section: '经济', strong: true });
  assert.deepEqual(readPageHeader('2022年5月11日 星期三经济 6'), { issueDate: '2022-05-11', weekday: '星期三', page: 6, section: '经济', strong: true });
  // set apart by a space, the word may be a head read with the header: no header
  assert.equal(readPageHeader('2022年5月11日 星期三 延伸阅读'), null);
  // a word glued to a second weekday-like word, set apart from the first weekday, is no section
  assert.equal(readPageHeader('2022年5月11日 星期三 周一见闻'), null);
  // a word of five characters or more is no section
  assert.equal(readPageHeader('2022年5月11日 星期三课后服务加餐'), null);
});
