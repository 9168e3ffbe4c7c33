/**
 * One test per extraction artefact, each on a real snippet of the sample archive run through
 * the whole segmenter, so a rule is checked where it matters: in the articles it produces.
 * Snippets whose whole result is written out are fixtures (tests/fixtures/segment/, run by
 * tests/segment-fixtures.test.ts): the headline printed after its body, the grouped headlines,
 * the sidebar box and the photo story moved there.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentFile } from '../src/segment/index.ts';
import { readSample } from './helpers.ts';

const seg = (text: string) => segmentFile('snippet.txt', new TextEncoder().encode(text)).articles;
/** Lines `from`–`to` (1-based) of a sample file. */
const lines = (file: string, from: number, to: number) => readSample(file).toString('utf8').split('\n').slice(from - 1, to).join('\n');
const F001 = '001_9001b4056db087c2.txt';
const F003 = '003_7a688dd7e791429a.txt';
const F004 = '004_1ae44c768b257489.txt';

test('in-article subheads in column text stay inside the story (001 株洲 feature)', () => {
  const arts = seg(lines(F001, 164, 488));
  assert.equal(arts.length, 1);
  const a = arts[0];
  assert.equal(a.title, '制造名城澎湃“绿动力”');
  assert.equal(a.subtitle, '解读高水平生态环境赋能高质量发展的“株洲样本”');
  assert.deepEqual(a.authors, ['李永亮']);
  const subheads = a.body.filter((b) => b.kind === 'subhead').map((b) => b.text);
  // a subtitle wrapped on two lines with a word cut in two (`现` / `代`) is mended
  assert.ok(subheads.includes('绿色发展 培育新质生产力 ——加速构建具有株洲特色的现代产业体系'), subheads.join(' | '));
});

test('kicker printed beside another story`s headline goes to the story it names (资兴⑥)', () => {
  const arts = seg(lines(F001, 490, 803));
  const zixing = arts.find((a) => a.title === '资兴市掀起农耕文化“研学热”');
  const fenghuang = arts.find((a) => a.title === '凤凰纪委为农民工解“薪”愁');
  assert.equal(zixing?.kicker, '高质量发展看资兴⑥');
  assert.equal(fenghuang?.kicker, undefined);
  assert.equal(zixing?.subtitle, '五岭农耕文明博物馆近三年接待研学师生近20万人次');
});

test('two short phrases above a headline are its kicker (`征集项目 着力推动`)', () => {
  const arts = seg(lines(F001, 490, 612));
  const a = arts.find((x) => x.title.startsWith('韶山变民生'));
  assert.equal(a?.kicker, '征集项目 着力推动');
  assert.deepEqual(a?.authors, ['张弦']);
});

test('caption set as short spaced-out lines above its credit (`株 洲 生 态` … `张咪 摄`)', () => {
  const arts = seg(lines(F001, 739, 803));
  const captions = arts.flatMap((a) => a.captions);
  assert.ok(captions.some((c) => c.text === '株洲生态环境持续好转。图为株洲河西城区。' && c.credit === '张咪 摄'), JSON.stringify(captions));
  assert.ok(captions.some((c) => c.text === '正进行“后半篇文章”的清水塘老工业区。' && c.credit === '（石峰区委宣传部供图）'));
});

test('subtitle set wider than the column, then a dateline whose role word wraps (`讯（记` / `者`)', () => {
  const arts = seg(lines(F003, 250, 333));
  const cun = arts.find((a) => a.title === '多措并举建强村干部队伍');
  assert.equal(cun?.subtitle, '近5年来，有100多名村（社区）干部成为乡镇领导干部和事业编制人员');
  const school = arts.find((a) => a.title === '整治校园周边环境保畅安');
  assert.deepEqual(school?.authors, ['陈鸿飞', '周健', '颜伶俐']);
  assert.equal(school?.publication, '湖南日报');
});

test('kicker, then a headline wrapped on two short lines (`10个消防救援站` / `集中驻队执勤`)', () => {
  const arts = seg(lines(F003, 335, 380));
  const a = arts.find((x) => x.title === '10个消防救援站集中驻队执勤');
  assert.equal(a?.kicker, '长沙消防救援又添生力军');
  assert.deepEqual(a?.authors, ['周小雷']);
});

test('Markdown-like: paragraph printed twice kept once, fragment stitched (`芦淞` + `区始终`)', () => {
  const r = segmentFile('004.txt', new TextEncoder().encode(lines(F004, 17, 55)));
  const body = r.articles.flatMap((a) => a.body.map((b) => b.text));
  assert.ok(body.some((p) => p.includes('打造一流营商环境,芦淞区始终坚持“店小二”精神')));
  assert.equal(r.report.duplicates.length, 2);
  assert.deepEqual(r.articles[0].captions, [{ text: '白关服饰产业园一角。', credit: '通讯员供图' }]);
});

test('Markdown-like: photo byline ending in 摄 closes the story above it (反恐演练进幼儿园)', () => {
  const arts = seg(lines(F004, 67, 83));
  const a = arts.find((x) => x.title === '反恐演练进幼儿园');
  assert.deepEqual(a?.photographers, ['周嵩', '程书奇', '唐春媛']);
  assert.deepEqual(a?.authors, []);
  const next = arts.find((x) => x.title === '凝心聚力促改革 砥砺前行谱新篇');
  assert.deepEqual(next?.authors, ['王芳', '谭琰琳']);
});
