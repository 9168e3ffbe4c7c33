import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/segment/types.ts';
import { plainArticle } from './helpers.ts';
import { squash, validateGold, type GoldArticle, type GoldFile } from '../src/segment/eval/gold.ts';
import {
  aggregate,
  breakKept,
  breakRecall,
  containsArticle,
  f1,
  matchArticles,
  meetsTarget,
  multisetCounts,
  normCaption,
  normTitle,
  optionalFieldRatio,
  scoreFile,
  sentenceRecall,
  summarize,
  whyMissed,
} from '../src/segment/eval/metrics.ts';
import {
  encodeGb18030,
  encodeUtf8,
  removeBlankLines,
  spacesToIdeographic,
  toCrlf,
  VARIANTS,
} from '../src/segment/eval/variants.ts';

const root = join(new URL('.', import.meta.url).pathname, '..');
const rawDir = join(root, 'content', 'raw');
const goldDir = join(root, 'tests', 'gold');

/** A minimal output article. */
const art = plainArticle;

// Two short police stories from sample 000 (page 2), as gold.
const dongan: GoldArticle = {
  headline: '东安县公安局：便民服务获好评',
  authors: ['魏龙元', '黄柳英'],
  photographers: [],
  captions: [],
  start: '政法队伍教育整顿开展以来',
  end: '受到群众广泛好评。',
  pages: [2],
};
const qidong: GoldArticle = {
  headline: '祁东县公安局：民警凌晨送失明老人回家',
  authors: ['许天喜', '聂沛'],
  photographers: [],
  captions: [],
  start: '6月12日晚23时许，祁东县公',
  end: '民警将老人送回家中。',
  pages: [2],
};
const DONGAN_P1 = '政法队伍教育整顿开展以来， 东安县公安局要求全局民警下沉到企业、校区、乡镇，扎实开展为民办 实事活动。';
const DONGAN_P2 = '此外，选派民警下沉联点学校担任“法制宣传员”，……近 2000 人受益，受到群众广泛好评。';
const QIDONG_P1 = '6 月 12 日晚 23 时许，祁东县公安局马杜桥派出所接警称：有一位双目失明老人疑似迷路。';
const QIDONG_P2 = '6 月 13 日凌晨 1 时 30 分，民警将老人送回家中。';

function goldOf(articles: GoldArticle[], extra: Partial<GoldFile> = {}): GoldFile {
  return { file: 'test.txt', articles, sentences: [], paragraph_breaks: [], ...extra };
}

test('squash removes ASCII spaces, U+3000, NBSP and line ends', () => {
  assert.equal(squash('发 布 信 息\u3000告知\u00a0各类\r\n办证'), '发布信息告知各类办证');
});

test('a gold article is found in an output article holding its start and end', () => {
  const out = [art('东安县公安局：便民服务获好评', [DONGAN_P1, DONGAN_P2])];
  assert.deepEqual(matchArticles([dongan], out), [0]);
});

test('a gold article is not found when its end is missing (article cut short)', () => {
  const out = [art('东安县公安局：便民服务获好评', [DONGAN_P1])];
  assert.deepEqual(matchArticles([dongan], out), [null]);
});

test('a gold article is not found when the output merges it with another gold article', () => {
  const merged = [art('东安县公安局：便民服务获好评', [DONGAN_P1, DONGAN_P2, QIDONG_P1, QIDONG_P2])];
  assert.deepEqual(matchArticles([dongan, qidong], merged), [null, null]);
  const split = [art('a', [DONGAN_P1, DONGAN_P2]), art('b', [QIDONG_P1, QIDONG_P2])];
  assert.deepEqual(matchArticles([dongan, qidong], split), [0, 1]);
});

test('whyMissed says where a lost article went', () => {
  const split = [art('甲', [DONGAN_P1]), art('乙', [DONGAN_P2])];
  assert.match(whyMissed(dongan, [dongan], split), /start in #0 «甲», end in #1 «乙»/);
  const merged = [art('甲', [DONGAN_P1, DONGAN_P2, QIDONG_P1, QIDONG_P2])];
  assert.match(whyMissed(dongan, [dongan, qidong], merged), /also holds the start of 祁东县公安局/);
});

test('start must come before end', () => {
  const body = squash(DONGAN_P2 + DONGAN_P1); // end text first, start text last
  assert.equal(containsArticle(body, dongan, [dongan]), false);
  assert.equal(containsArticle(squash(DONGAN_P1 + DONGAN_P2), dongan, [dongan]), true);
});

test('matching is one-to-one: a duplicated output article counts once', () => {
  const out = [art('a', [DONGAN_P1, DONGAN_P2]), art('a', [DONGAN_P1, DONGAN_P2])];
  const s = scoreFile(goldOf([dongan]), out);
  assert.equal(s.boundary.matched, 1);
  assert.equal(s.boundary.outputs, 2);
  assert.equal(summarize(s).boundaryPrecision, 0.5);
  assert.equal(summarize(s).boundaryRecall, 1);
});

test('short output fragments do not count against precision', () => {
  const out = [art('a', [DONGAN_P1, DONGAN_P2]), art('', ['（魏龙元 黄柳英）'])];
  const s = scoreFile(goldOf([dongan]), out);
  assert.equal(s.boundary.outputs, 1);
  assert.equal(summarize(s).boundaryF1, 1);
});

test('headline: exact match after whitespace removal; a wrong headline is counted', () => {
  const good = scoreFile(goldOf([dongan]), [art('东安县公安局： 便民服务获好评', [DONGAN_P1, DONGAN_P2])]);
  assert.deepEqual(good.headline, { correct: 1, total: 1 });
  const bad = scoreFile(goldOf([dongan]), [art('（魏龙元 黄柳英）', [DONGAN_P1, DONGAN_P2])]);
  assert.deepEqual(bad.headline, { correct: 0, total: 1 });
  assert.ok(bad.misses.some((m) => m.kind === 'headline'));
});

test('headline is scored only over matched gold articles', () => {
  const s = scoreFile(goldOf([dongan, qidong]), [art('东安县公安局：便民服务获好评', [DONGAN_P1, DONGAN_P2])]);
  assert.deepEqual(s.headline, { correct: 1, total: 1 });
  assert.equal(summarize(s).boundaryRecall, 0.5);
});

test('subtitle dashes are ignored; a spurious kicker is penalised', () => {
  assert.equal(normTitle('——职业教育的株洲模式之“产教融合”篇'), '职业教育的株洲模式之“产教融合”篇');
  assert.equal(normTitle('黄永玉倡议并题名的吉首画桥启用——'), '黄永玉倡议并题名的吉首画桥启用');
  const r = optionalFieldRatio([
    { gold: '职业教育的株洲模式之“产教融合”篇', output: '—— 职业教育的株洲模式之“产教融合”篇' },
    { gold: undefined, output: '延伸阅读' },
    { gold: undefined, output: undefined },
    { gold: '征集项目着力推动', output: undefined },
  ]);
  assert.deepEqual(r, { correct: 1, total: 3 });
});

test('kicker and subtitle are read from the matched output article', () => {
  const g: GoldArticle = { ...dongan, kicker: '延伸阅读', subtitle: '乡镇污水治理之“资阳模式”发展走笔' };
  const s = scoreFile(goldOf([g]), [
    art('东安县公安局：便民服务获好评', [DONGAN_P1, DONGAN_P2], { kicker: '延 伸 阅 读', subtitle: '乡镇污水治理' }),
  ]);
  assert.deepEqual(s.kicker, { correct: 1, total: 1 });
  assert.deepEqual(s.subtitle, { correct: 0, total: 1 });
});

test('authors: multiset F1, names compared without the padding spaces', () => {
  const c = multisetCounts(['王斌', '徐敏', '聂沛'], ['王斌', '徐敏', '谭延喜']);
  assert.deepEqual(c, { tp: 2, fp: 1, fn: 1 });
  assert.equal(f1(c), 2 / 3);
  const s = scoreFile(goldOf([qidong]), [art('x', [QIDONG_P1, QIDONG_P2], { authors: ['许天喜', '聂 沛'] })]);
  assert.deepEqual(s.authors, { tp: 2, fp: 0, fn: 0 });
  const dup = multisetCounts(['聂沛'], ['聂沛', '聂沛']);
  assert.deepEqual(dup, { tp: 1, fp: 1, fn: 0 });
});

test('photographers are scored like authors, over matched articles only', () => {
  const g: GoldArticle = { ...qidong, photographers: ['徐行', '于坤'] };
  const s = scoreFile(goldOf([g]), [art('x', [QIDONG_P1, QIDONG_P2], { photographers: ['徐行'] })]);
  assert.deepEqual(s.photographers, { tp: 1, fp: 0, fn: 1 });
  const unmatched = scoreFile(goldOf([g]), [art('x', [QIDONG_P1], { photographers: ['徐行', '于坤'] })]);
  assert.deepEqual(unmatched.photographers, { tp: 0, fp: 0, fn: 0 });
});

test('captions: text match across the file, whitespace and ▲ ignored, credit not compared', () => {
  const g: GoldArticle = { ...dongan, captions: [{ text: '青春涪口,创业新城。', credit: '咏洲 摄' }, { text: '茈湖口镇污水处理点。', credit: '何大明 摄' }] };
  assert.equal(normCaption('▲青春涪口, 创业新城。'), '青春涪口,创业新城。');
  const s = scoreFile(goldOf([g]), [
    art('x', ['无关的正文，足够长的一段文字用来凑满二十个字符。'], { captions: [{ text: '▲青春涪口,创业新城。', credit: '咏洲摄' }] }),
    art('y', ['另一段无关的正文，也足够长，用来凑满二十个字符。'], { captions: [{ text: '学生实训。' }] }),
  ]);
  assert.deepEqual(s.captions, { tp: 1, fp: 1, fn: 1 });
});

test('a sentence must come out whole inside one paragraph', () => {
  const sentence = '因是半夜，民警将老人带回派出所进一步核实身份信息。';
  const whole = ['因是半夜，民警将老人带回派 出所进一步核实身份信息。经与老人耐心沟通'].map(squash);
  const broken = ['因是半夜，民警将老人带回派', '出所进一步核实身份信息。'].map(squash);
  assert.deepEqual(sentenceRecall([sentence], whole).ratio, { correct: 1, total: 1 });
  assert.deepEqual(sentenceRecall([sentence], broken).ratio, { correct: 0, total: 1 });
  assert.deepEqual(sentenceRecall([sentence], broken).missed, [sentence]);
});

test('a paragraph break is kept only when the two sides are in different paragraphs', () => {
  const pair: [string, string] = ['找不到回家的路。', '6月13日凌晨1时30分'];
  const separate = ['因双目失明，找不到回家的路。', '6月13日凌晨1时30分，民警将老人送回家中。'];
  const merged = ['因双目失明，找不到回家的路。6月13日凌晨1时30分，民警将老人送回家中。'];
  assert.equal(breakKept(pair, separate), true);
  assert.equal(breakKept(pair, merged), false);
  assert.equal(breakKept(pair, ['因双目失明，找不到回家的路。']), false, 'a lost side is not a kept break');
  assert.deepEqual(breakRecall([pair], merged).ratio, { correct: 0, total: 1 });
});

test('scoreFile: break across articles counts as kept; sentences searched in every article', () => {
  const g = goldOf([dongan, qidong], {
    sentences: ['6月13日凌晨1时30分，民警将老人送回家中。'],
    paragraph_breaks: [['受到群众广泛好评。', '6月12日晚23时许']],
  });
  const s = scoreFile(g, [art('a', [DONGAN_P1, DONGAN_P2]), art('b', [QIDONG_P1, QIDONG_P2])]);
  assert.deepEqual(s.sentences, { correct: 1, total: 1 });
  assert.deepEqual(s.breaks, { correct: 1, total: 1 });
  const merged = scoreFile(g, [art('a', [DONGAN_P1, DONGAN_P2 + QIDONG_P1, QIDONG_P2])]);
  assert.deepEqual(merged.breaks, { correct: 0, total: 1 });
});

test('aggregate micro-averages counts and summarize/meetsTarget read them', () => {
  const a = scoreFile(goldOf([dongan]), [art('东安县公安局：便民服务获好评', [DONGAN_P1, DONGAN_P2])]);
  const b = scoreFile(goldOf([qidong]), []);
  const all = aggregate('overall', [a, b]);
  assert.deepEqual(all.boundary, { matched: 1, gold: 2, outputs: 1 });
  const sum = summarize(all);
  assert.equal(sum.boundaryPrecision, 1);
  assert.equal(sum.boundaryRecall, 0.5);
  assert.equal(sum.boundaryF1, 2 / 3);
  assert.ok(Number.isNaN(sum.kicker), 'no kicker anywhere: no figure');
  assert.equal(meetsTarget('boundaryF1', sum.boundaryF1), false);
  assert.equal(meetsTarget('boundaryF1', 0.95), true);
  assert.equal(meetsTarget('photographerF1', 0.1), undefined);
});

// ---------------------------------------------------------------------------------------------
// Gold files.

test('every gold file validates against its raw file', () => {
  const names = readdirSync(goldDir).filter((n) => n.endsWith('.json'));
  assert.equal(names.length, 5);
  for (const n of names) {
    const data = JSON.parse(readFileSync(join(goldDir, n), 'utf8')) as GoldFile;
    const { errors } = validateGold(data, readFileSync(join(rawDir, data.file), 'utf8'));
    assert.deepEqual(errors, [], n);
  }
});

test('validateGold rejects a start that is not in the raw file and one that is not unique', () => {
  const raw = readFileSync(join(rawDir, '000_9b41f1c6617766a6.txt'), 'utf8');
  const ok = validateGold(goldOf([dongan]), raw);
  assert.deepEqual(ok.errors, []);
  const typo = validateGold(goldOf([{ ...dongan, start: '政法队伍教育整顿展开以来' }]), raw);
  assert.ok(typo.errors.some((e) => e.includes('start: not in raw file')));
  const dup = validateGold(goldOf([{ ...dongan, start: '（魏龙元黄柳英）' }]), raw);
  assert.ok(dup.errors.some((e) => e.includes('more than once')));
  const spaced = validateGold(goldOf([{ ...dongan, authors: ['聂 沛'] }]), raw);
  assert.ok(spaced.errors.some((e) => e.includes('whitespace')));
});

// ---------------------------------------------------------------------------------------------
// Variants.

const rawFiles = readdirSync(rawDir).filter((n) => n.endsWith('.txt'));

test('GB18030: known byte sequences', () => {
  assert.deepEqual([...encodeGb18030('中A')], [0xd6, 0xd0, 0x41]);
  assert.deepEqual([...encodeGb18030('\u0080')], [0x81, 0x30, 0x81, 0x30]);
  assert.deepEqual([...encodeGb18030('\u{20000}')], [0x95, 0x32, 0x82, 0x36]);
  assert.deepEqual([...encodeGb18030('\u3000')], [0xa1, 0xa1]);
});

test('GB18030: every sample file round-trips through the decoder', () => {
  const dec = new TextDecoder('gb18030', { fatal: true });
  for (const n of rawFiles) {
    const text = readFileSync(join(rawDir, n), 'utf8');
    const bytes = encodeGb18030(text);
    assert.notDeepEqual(bytes, new TextEncoder().encode(text), `${n}: not just UTF-8`);
    assert.equal(dec.decode(bytes), text, n);
  }
});

test('CRLF + BOM: BOM first, every LF preceded by CR, content unchanged', () => {
  const text = readFileSync(join(rawDir, '004_1ae44c768b257489.txt'), 'utf8');
  const bytes = VARIANTS.find((v) => v.name === 'crlf+bom')!.make(text);
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const back = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  assert.equal(back.charCodeAt(0), 0xfeff);
  assert.equal(/[^\r]\n/.test(back), false);
  assert.equal(back.slice(1).replace(/\r\n/g, '\n'), text);
  assert.equal(toCrlf('a\r\nb\nc'), 'a\r\nb\r\nc');
});

test('blank-line removal: no blank line left, other lines kept in order, page-start space kept', () => {
  const text = readFileSync(join(rawDir, '000_9b41f1c6617766a6.txt'), 'utf8');
  const out = removeBlankLines(text);
  const lines = out.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
  assert.ok(lines.every((l) => l.trim() !== ''));
  assert.deepEqual(
    lines,
    text.split('\n').filter((l) => l.trim() !== ''),
  );
  assert.ok(lines.includes(' 树木正华滋，清池激长流。'));
  assert.ok(out.length < text.length);
  assert.equal(removeBlankLines('a\n\n \n\u3000\nb\n'), 'a\nb\n');
  assert.equal(squash(out), squash(text));
});

test('ideographic spaces: no ASCII space left, one U+3000 per former space', () => {
  const text = readFileSync(join(rawDir, '002_7d39d3f504dcdd3b.txt'), 'utf8');
  const spaces = text.split(' ').length - 1;
  assert.ok(spaces > 0);
  const out = spacesToIdeographic(text);
  assert.equal(out.includes(' '), false);
  assert.equal(out.split('\u3000').length - 1, spaces + (text.split('\u3000').length - 1));
  assert.equal(out.length, text.length);
  assert.equal(squash(out), squash(text));
  const bytes = VARIANTS.find((v) => v.name === 'ideographic-spaces')!.make(text);
  assert.deepEqual(bytes, encodeUtf8(out));
});
