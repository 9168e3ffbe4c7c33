/**
 * The pieces of Baoku's search that need no browser: the record encoding (src/search/text.ts),
 * the page's query planning, ranking, checking and excerpts (assets/search-core.js), and the
 * evaluation's query generation and scores (src/search/eval/).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Converter } from 'opencc-js';
import nodejieba from 'nodejieba';
import {
  FIELD_SEP,
  HEADLINE_PAD,
  HEADLINE_SPAN,
  ZWSP,
  decodeContent,
  encodeContent,
  encodeField,
  normalizeForMatch,
  textContains,
} from '../src/search/text.ts';
import { generateQueries, truth, corpus, type EvalArticle } from '../src/search/eval/queries.ts';
import { missedTargets, scoreQuery, summarize } from '../src/search/eval/score.ts';

type Fields = { headline: string[]; text: string[]; names: string[] };
type Piece = { text: string; mark: boolean };
type Plan =
  | { mode: 'none' }
  | { mode: 'plain'; term: string; needles: string[] }
  | { mode: 'exact'; needles: string[]; phrases: string[]; verify: boolean; simplified: string };
interface Core {
  ZWSP: string;
  FIELD_SEP: string;
  HEADLINE_PAD: string;
  DEFAULT_CONFIG: { bundles: string[]; headlineSpan: number };
  normalizeForMatch(s: string): string;
  findMatches(text: string, needles: string[]): [number, number][];
  planQuery(q: string, toSimplified: (s: string) => string): Plan;
  rankExact<R extends { id: string; words: number[] }>(lists: R[][], span: number): { result: R; first: number; headline: boolean }[];
  decodeContent(content: string): Fields;
  fieldsContain(fields: Fields, needles: string[]): boolean;
  excerpt(fields: Fields, needles: string[], length?: number): Piece[];
  cleanQuery(raw: string): { q: string; removed: string[] };
  UNDATED: string;
  dateGroups(counts: Record<string, number>, order: 'newest' | 'oldest'): [string, number][];
  nextDates(groups: [string, number][], from: number, size: number): string[];
  dateRange(from: string | null, to: string | null): { from: string; to: string } | null;
  datesIn(dates: string[], range: { from: string; to: string }): string[];
}
interface Order {
  compareDates(a: string, b: string, sort: 'newest' | 'oldest'): number;
}
// The browser module has no type declarations; its shape is the interface above.
const core = (await import('../assets/search-core.js' as string)) as Core;
const order = (await import('../assets/search/order.js' as string)) as Order;
const toSimplified = Converter({ from: 'tw', to: 'cn' });
const render = (pieces: Piece[]) => pieces.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

test('the page and the index builder share their markers and layout', () => {
  assert.equal(core.ZWSP, ZWSP);
  assert.equal(core.FIELD_SEP, FIELD_SEP);
  assert.equal(core.HEADLINE_PAD, HEADLINE_PAD);
  assert.equal(core.DEFAULT_CONFIG.headlineSpan, HEADLINE_SPAN);
  assert.deepEqual(core.DEFAULT_CONFIG.bundles, ['/pagefind/']);
});

test('every Han character is its own word; letter and digit runs stay whole', () => {
  assert.equal(encodeField('消防救援站').encoded, ['消', '防', '救', '援', '站'].join(ZWSP));
  assert.equal(encodeField('2020年5G网络').encoded, ['2020', '年', '5G', '网', '络'].join(ZWSP));
  assert.equal(encodeField('记者 周小雷').encoded, `记${ZWSP}者 周${ZWSP}小${ZWSP}雷`);
  assert.equal(encodeField('“产教融合”').tokens, 6, 'punctuation takes a position of its own');
  assert.equal(encodeField(`a${FIELD_SEP}b`).encoded.includes(FIELD_SEP), false, 'a marker in the text is replaced');
});

test('a record keeps its fields apart and the headline inside its span', () => {
  const fields = {
    headline: ['聚焦衡南县', '10个消防救援站集中驻队执勤'],
    text: ['第一段，有“引号”。', '## 不是标题', '图片说明'],
    names: ['周小雷', '王斌'],
  };
  const content = encodeContent(fields);
  // Pagefind gives every ZWSP-separated token one position: the body starts at the span or later.
  const tokens = content.split(/[\u200b ]/u).filter(Boolean);
  const firstBody = tokens.indexOf('第');
  assert.ok(firstBody >= HEADLINE_SPAN, `body starts at ${firstBody}`);
  assert.ok(tokens.indexOf('执') < HEADLINE_SPAN);
  assert.deepEqual(decodeContent(content), fields);
  assert.deepEqual(core.decodeContent(content.replaceAll(ZWSP, '')), fields, 'the page decodes what the builder wrote');
  for (const f of [
    { headline: [], text: ['正文'], names: [] },
    { headline: ['标题'], text: [], names: ['王斌'] },
    { headline: [], text: [], names: [] },
  ]) {
    assert.deepEqual(decodeContent(encodeContent(f)), f);
    assert.deepEqual(core.decodeContent(encodeContent(f)), f);
  }
});

test('the matching rule: whitespace next to Han characters does not count, case does not either', () => {
  for (const [text, q, yes] of [
    ['加强合作 校企来了', '合作校企', true],
    ['王 斌', '王斌', true],
    ['New  York 时报', 'new york时报', true],
    ['New York', 'NewYork', false],
    ['校企来了一次经验分享', '一次性', false],
    ['援助站点', '援站', false],
  ] as const) {
    assert.equal(textContains(text, q), yes, `${text} ∋ ${q}`);
    assert.equal(core.normalizeForMatch(text).includes(core.normalizeForMatch(q)), yes, `page: ${text} ∋ ${q}`);
    assert.equal(core.normalizeForMatch(text), normalizeForMatch(text));
  }
});

test('a Chinese query becomes exact phrase searches of its characters, in both scripts', () => {
  const plan = core.planQuery(' 消防救援站 ', toSimplified);
  assert.deepEqual(plan, { mode: 'exact', needles: ['消防救援站'], phrases: ['"消 防 救 援 站"'], verify: false, simplified: '消防救援站' });
  const trad = core.planQuery('職業教育', toSimplified);
  assert.equal(trad.mode, 'exact');
  if (trad.mode === 'exact') {
    assert.deepEqual(trad.needles, ['职业教育', '職業教育']);
    assert.deepEqual(trad.phrases, ['"职 业 教 育"', '"職 業 教 育"']);
    assert.equal(trad.simplified, '职业教育');
  }
  const mixed = core.planQuery('2020年 5G网络', toSimplified);
  assert.equal(mixed.mode === 'exact' && mixed.phrases[0], '"2020 年 5g 网 络"');
  const quoted = core.planQuery('“产教融合”篇', toSimplified);
  assert.ok(quoted.mode === 'exact' && quoted.verify && quoted.phrases[0] === '"产 教 融 合"', 'punctuation: longest stretch, then checked');
  assert.deepEqual(core.planQuery('Pagefind', toSimplified), { mode: 'plain', term: 'Pagefind', needles: ['pagefind'] });
  assert.deepEqual(core.planQuery('  ', toSimplified), { mode: 'none' });
  assert.deepEqual(core.planQuery('“”', toSimplified), { mode: 'none' });
});

test('results rank headline hits first, then by where the string first appears', () => {
  const r = (id: string, ...words: number[]) => ({ id, words });
  const ranked = core.rankExact([[r('a', 900), r('b', 300), r('c', 12), r('d', 300)], [r('e', 5), r('a', 260)]], 256);
  assert.deepEqual(ranked.map((x) => x.result.id), ['e', 'c', 'a', 'b', 'd']);
  assert.deepEqual(ranked.map((x) => x.headline), [true, true, false, false, false]);
});

test('a shown result is checked, and its excerpt highlights the string', () => {
  const fields: Fields = {
    headline: ['加强合作 校企来了一次经验分享'],
    text: ['前面的话。'.repeat(20) + '办证实行“一次性”告知，一次性办结。后面还有很多话。'.repeat(3), '图片说明'],
    names: ['王斌'],
  };
  assert.equal(core.fieldsContain(fields, ['一次性']), true);
  assert.equal(core.fieldsContain(fields, ['湖蟹']), false);
  assert.equal(core.fieldsContain(fields, ['合作校企']), true, 'across a space in the headline');
  const ex = render(core.excerpt(fields, ['一次性'], 40));
  assert.match(ex, /^…/);
  assert.ok(ex.includes('“[一次性]”告知，[一次性]办结'), ex);
  assert.ok(Array.from(ex.replace(/[[\]…]/g, '')).length <= 40);
  // Only the headline or a name matches: the excerpt is the start of the text, unmarked.
  assert.ok(render(core.excerpt(fields, ['经验分享'])).startsWith('前面的话。'));
  assert.deepEqual(core.findMatches('王 斌和王斌', ['王斌']), [
    [0, 3],
    [4, 6],
  ]);
  assert.deepEqual(core.findMatches('𠀀援站', ['援站']), [[2, 4]], 'astral characters keep their offsets');
});

test('quotes and punctuation at the ends of a query (or of its parts) are taken off, and said', () => {
  const word = '产教融合';
  for (const q of [`"${word}"`, `“${word}”`, `「${word}」`, `『${word}』`, `'${word}'`, `＂${word}＂`]) assert.deepEqual(core.cleanQuery(q), { q: word, removed: ['quotes'] }, q);
  for (const q of [`${word}。`, `——${word}`, `《${word}》`, `（${word}）`, ` ${word}？ `]) assert.deepEqual(core.cleanQuery(q), { q: word, removed: ['punctuation'] }, q);
  assert.deepEqual(core.cleanQuery(`“${word}。”`), { q: word, removed: ['quotes', 'punctuation'] });
  assert.deepEqual(core.cleanQuery('"职业" 教育'), { q: '职业 教育', removed: ['quotes'] }, 'each part');
  // inside the string, and signs that belong to a value, stay
  for (const q of ['3.5亿', '50%', '他说“好”吧', word]) assert.deepEqual(core.cleanQuery(q), { q, removed: [] }, q);
  // what is searched is part of what was typed: an article with the typed string has the searched one
  for (const q of ['“他说“好”', '「3.5亿」。', '——“产教融合”']) assert.ok(q.includes(core.cleanQuery(q).q), q);
  assert.deepEqual(core.cleanQuery('。。'), { q: '。。', removed: [] }, 'nothing but punctuation is left to find nothing');
  // the cleaned query plans as the bare one: one exact phrase, nothing to verify
  const plan = core.planQuery(core.cleanQuery(`“${word}”`).q, toSimplified);
  assert.deepEqual(plan.mode === 'exact' && [plan.phrases, plan.verify], [['"产 教 融 合"'], false]);
});

test('date order: the dates of the results newest or oldest first, undated last; a page of dates at a time', () => {
  const counts = { '2018-01-22': 4, [core.UNDATED]: 3, '2020-06-14': 1, '2018-01-23': 0, '2019-12-31': 12 };
  assert.deepEqual(core.dateGroups(counts, 'newest'), [['2020-06-14', 1], ['2019-12-31', 12], ['2018-01-22', 4], [core.UNDATED, 3]]);
  assert.deepEqual(core.dateGroups(counts, 'oldest'), [['2018-01-22', 4], ['2019-12-31', 12], ['2020-06-14', 1], [core.UNDATED, 3]]);
  const groups = core.dateGroups(counts, 'newest');
  assert.deepEqual(core.nextDates(groups, 0, 10), ['2020-06-14'], 'the next date would overflow the page');
  assert.deepEqual(core.nextDates(groups, 1, 10), ['2019-12-31'], 'a date larger than a page comes alone');
  assert.deepEqual(core.nextDates(groups, 2, 10), ['2018-01-22', core.UNDATED]);
  assert.deepEqual(core.nextDates(groups, 4, 10), []);
  const dates = ['2019-12-31', '2018-01-22', core.UNDATED, '2020-06-14'];
  assert.deepEqual([...dates].sort((a, b) => order.compareDates(a, b, 'newest')), ['2020-06-14', '2019-12-31', '2018-01-22', core.UNDATED]);
  assert.deepEqual([...dates].sort((a, b) => order.compareDates(a, b, 'oldest')), ['2018-01-22', '2019-12-31', '2020-06-14', core.UNDATED]);
});

test('a date range: days, months or years, either end open; the archive dates within it', () => {
  assert.deepEqual(core.dateRange('2018-01-23', '2020-12-31'), { from: '2018-01-23', to: '2020-12-31' });
  assert.deepEqual(core.dateRange('2020', '2020'), { from: '2020-01-01', to: '2020-12-31' });
  assert.deepEqual(core.dateRange('2020-2', '2020-02'), { from: '2020-02-01', to: '2020-02-29' }, 'a leap year');
  assert.deepEqual(core.dateRange('', '2018-6'), { from: '0000-01-01', to: '2018-06-30' });
  assert.deepEqual(core.dateRange('2018-02-30', null), null, 'no such day');
  assert.equal(core.dateRange('last week', ''), null);
  const range = core.dateRange('2018-01-23', '2020')!;
  assert.deepEqual(core.datesIn(['2020-06-14', '2018-01-22', core.UNDATED, '2018-01-23', '2021-01-01'], range), ['2018-01-23', '2020-06-14']);
});

test('the evaluation generates every kind of query, and its truth is the exact string', () => {
  const articles: EvalArticle[] = [
    { url: '/a/', title: '消防', headline: ['10个消防救援站集中驻队执勤'], text: ['长沙市消防救援又添生力军。职业教育发展很快。'], names: ['周小雷'] },
    { url: '/b/', title: '螃蟹', headline: ['阳澄湖“蟹”逅洞庭湖'], text: ['阳澄湖蟹种苗培育基地。援助站点建设。'], names: ['龚柏威', '贾宏宇'] },
  ];
  const queries = generateQueries(articles, {
    perKind: 3,
    seed: 1,
    cut: (t) => nodejieba.cut(t),
    toTraditional: Converter({ from: 'cn', to: 'tw' }),
    toSimplified,
  });
  const kinds = new Set(queries.map((q) => q.kind));
  for (const k of ['word', 'substring', 'name', 'traditional', 'absent']) assert.ok(kinds.has(k as never), `has ${k} queries`);
  const c = corpus(articles);
  for (const q of queries) {
    const t = truth(c, q.q, toSimplified);
    if (q.kind === 'absent') assert.equal(t.size, 0, q.q);
    else assert.ok(t.size > 0, `${q.kind} ${q.q} occurs`);
  }
  assert.deepEqual([...truth(c, '援站', toSimplified)], ['/a/'], '援助站点 does not count');
  assert.deepEqual([...truth(c, '職業教育', toSimplified)], ['/a/']);
  assert.deepEqual([...truth(c, '湖蟹', toSimplified)], ['/b/']);

  const s = scoreQuery({ query: { q: '援站', kind: 'substring' }, results: ['/a/', '/b/'], ms: 10, bytes: 5 }, new Set(['/a/']));
  assert.equal(s.recall, 1);
  assert.equal(s.precision10, 0.5);
  const none = scoreQuery({ query: { q: '湖援', kind: 'absent' }, results: [], ms: 30, bytes: 0 }, new Set());
  const sum = summarize([s, none]);
  assert.equal(sum.absentEmpty, 1);
  assert.equal(sum.medianMs, 20);
  assert.deepEqual(missedTargets(sum), ['precision@10 0.500 < 0.98']);
});
