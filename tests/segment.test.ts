import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { test } from 'node:test';
import matter from 'gray-matter';
import { toMarkdown } from '../src/contract/markdown.ts';
import { assemble, bestSplit, tailReadsOn } from '../src/segment/assemble.ts';
import { contentWords } from '../src/segment/rules/topic.ts';
import { classify } from '../src/segment/classify.ts';
import { decode } from '../src/segment/decode.ts';
import { segmentFile } from '../src/segment/index.ts';
import { keywordsOf } from '../src/segment/keywords.ts';
import { toLines } from '../src/segment/lines.ts';
import { detectFlavour, toBlocks } from '../src/segment/paragraphs.ts';
import { creditLoneBylines, dropGlyphHeadlines, joinBodilessHeads, joinOpeningsPrintedApart, joinSectionsPrintedApart, moveStrayHeads, partHeadsPrintedTogether, REPAIRS, titleFromBodilessHeads, titleHeadlessStories, undoOverprintedHeads } from '../src/segment/repair.ts';
import { threadBlocks } from '../src/segment/thread.ts';
import type { Article, BodyItem, Credit, SegmentResult } from '../src/segment/types.ts';
import { plainArticle, RAW_DIR, readSample, SAMPLE_FILES, unaccounted } from './helpers.ts';

const run = promisify(execFile);
const results = new Map(SAMPLE_FILES.map((f) => [f, segmentFile(f, readSample(f))]));
const all = [...results.values()].flatMap((r) => r.articles);
const byTitle = (t: string) => all.find((a) => a.title === t);

test('every sample file yields articles, each with running text or a caption', () => {
  for (const [file, r] of results) {
    assert.ok(r.articles.length >= 2, `${file}: ${r.articles.length} articles`);
    for (const a of r.articles) assert.ok(a.body.some((b) => b.kind === 'paragraph' && b.text.length > 0) || a.captions.length > 0, `${a.id} is empty`);
  }
});

test('every non-whitespace character ends in an article or the report', () => {
  for (const [file, r] of results) {
    const left = unaccounted(readSample(file).toString('utf8'), r.articles, r.report);
    assert.deepEqual([...left], [], `${file}: characters not accounted for`);
  }
});

test('front matter follows the contract and parses back with gray-matter', () => {
  for (const a of all) {
    const md = toMarkdown(a);
    const { data, content } = matter(md);
    assert.equal(data.id, a.id);
    assert.match(data.id, /^\d{3}-p\d+-\d{2}$/u);
    assert.equal(typeof data.title, 'string');
    assert.ok(Array.isArray(data.authors) && Array.isArray(data.photographers) && Array.isArray(data.captions));
    assert.ok(data.keywords.length >= 5 && data.keywords.length <= 8, `${a.id}: ${data.keywords}`);
    for (const k of data.keywords) assert.ok([...k].length >= 2, `single-character keyword ${k}`);
    assert.equal(data.source.file, a.source.file);
    assert.equal(data.source.lines.length, 2);
    assert.ok(data.source.lines[0] <= data.source.lines[1]);
    // paragraphs separated by one blank line, each on one line
    for (const para of content.trim().split('\n\n')) assert.ok(!para.includes('\n'), `${a.id}: paragraph spans lines`);
    if (data.subtitle) assert.doesNotMatch(data.subtitle, /^—/u);
  }
});

test('ids are stable and unique; output is byte-identical across runs', () => {
  const ids = all.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const f of SAMPLE_FILES) {
    const again = segmentFile(f, readSample(f)).articles.map(toMarkdown);
    assert.deepEqual(again, results.get(f)!.articles.map(toMarkdown));
  }
});

test('headline printed after its body is joined to that body (column text, 000)', () => {
  const a = byTitle('东安县公安局：便民服务获好评');
  assert.ok(a, 'article found');
  assert.match(a.body[0].text, /^政法队伍教育整顿开展以来，东安县公安局/u);
  assert.deepEqual(a.authors, ['魏龙元', '黄柳英']);
});

test('two headlines grouped at a page end go to their own bodies by topic (000)', () => {
  const a = byTitle('墙里墙外花都香');
  assert.ok(a);
  assert.equal(a.subtitle, '乡镇污水治理之“资阳模式”发展走笔');
  assert.ok(a.body.some((b) => b.text.includes('资阳')));
  assert.ok(!a.body.some((b) => b.text.includes('东安县公安局')), 'the 东安 story is not inside 资阳');
});

test('headline wrapped after a colon is one headline (祁东县公安局：)', () => {
  assert.ok(byTitle('祁东县公安局：民警凌晨送失明老人回家'));
});

test('padded and wrapped name list splits into persons (000 credit)', () => {
  const a = byTitle('鲲鹏展翅从兹起');
  assert.ok(a);
  for (const n of ['王斌', '徐敏', '谭延喜', '肖虹', '易佳星', '刘元', '张建平', '张咪']) assert.ok(a.authors.includes(n), `${n} in ${a.authors}`);
});

test('caption with its credit goes to the story it illustrates (学生实训 → 职教园)', () => {
  const a = byTitle('鲲鹏展翅从兹起');
  assert.deepEqual(a?.captions, [{ text: '学生实训。', credit: '刘任玉 摄' }]);
  assert.ok(a?.photographers.includes('刘任玉'));
});

test('dateline gives outlet, date and credits (004 株洲日报·掌上株洲讯)', () => {
  const a = byTitle('高新区举办中青年干部综合素质提升班');
  assert.ok(a);
  assert.equal(a.publication, '株洲日报');
  assert.equal(a.dateline, '11月23日');
  assert.deepEqual(a.authors, ['谢嘉', '周媛', '钟一苇']);
});

test('a paragraph printed twice is kept once and reported (004)', () => {
  const r = results.get('004_1ae44c768b257489.txt')!;
  assert.ok(r.report.duplicates.some((d) => d.text.startsWith('首发之举就是创新工作机制')));
  const text = r.articles.flatMap((a) => a.body.map((b) => b.text)).join('\n');
  assert.equal(text.split('首发之举就是创新工作机制').length - 1, 1);
});

test('text-box fragment is stitched to its continuation (…服务社30 + 个,完成…)', () => {
  const text = results.get('004_1ae44c768b257489.txt')!.articles.flatMap((a) => a.body.map((b) => b.text));
  assert.ok(text.some((p) => p.includes('服务社30个,完成土地托管服务')), 'stitched paragraph');
});

test('Markdown-like paragraph cut mid-sentence is joined (002 …和行 + 业产教融合共同体)', () => {
  const text = results.get('002_7d39d3f504dcdd3b.txt')!.articles.flatMap((a) => a.body.map((b) => b.text));
  assert.ok(text.some((p) => p.includes('市域产教联合体和行业产教融合共同体。')));
});

/** A story as assemble() drafts it: written for the test, on page `page`, its body as paragraphs (`## ` marks a subhead). */
function draft(title: string, page: number, lines: [number, number], body: string[]): Omit<Article, 'id' | 'keywords'> {
  const items = body.map((t): BodyItem => (t.startsWith('## ') ? { kind: 'subhead', text: t.slice(3) } : { kind: 'paragraph', text: t }));
  const { id: _id, keywords: _keywords, ...rest } = plainArticle(title, [], { source: { file: 'x.txt', page, lines }, body: items });
  return rest;
}

test('headlines printed after the columns go to the headless stories that read of them; a pull quote and a line no story reads of stay', () => {
  const oldPapers = '老报纸是一座城市写给自己的日记。把老报纸搬进历史课堂，是许多历史老师的心愿，学生们在老报纸上找到了祖父母年轻时的街道。';
  const reading = '乡村阅读推广的关键在人。志愿者们每月走进村小，带孩子们读绘本，乡村书屋的灯光每晚亮到九点，阅读的火种一代代传下去。';
  const annals = '地方志是一方之全史。修志的人要坐得住冷板凳，一条材料要查三处出处，一个数字要核两遍，才敢写进志书。';
  const articles = deepFreeze([
    draft('', 1, [1, 6], [oldPapers]),
    draft('', 1, [8, 12], [reading]),
    draft('把地方志修成信史', 1, [14, 24], [annals, '## 守护乡村书屋的阅读火种', '## “一条材料要查三处出处”', '## 让老报纸走进历史课堂', '## 推进港口物流降本增效']),
    draft('', 2, [30, 34], [reading]),
  ]);
  const { articles: out, report } = titleHeadlessStories(articles);
  assert.deepEqual(out.map((a) => a.title), ['让老报纸走进历史课堂', '守护乡村书屋的阅读火种', '把地方志修成信史', '']);
  assert.deepEqual(out[2]!.body.map((b) => b.text), [annals, '“一条材料要查三处出处”', '推进港口物流降本增效']);
  assert.equal(report.length, 2);
  // a story that has its headline is never given another, even the one line that reads of it; the
  // headless story beside it does not read of that line, so the line stays where it was printed
  const titled = titleHeadlessStories([draft('乡村书屋', 1, [1, 5], [reading]), draft('', 1, [7, 9], [annals, '## 守护乡村书屋的阅读火种'])]).articles;
  assert.deepEqual(titled.map((a) => a.title), ['乡村书屋', '']);
  assert.equal(titled[1]!.body.length, 2);
});

test('a headless run that opens at a crosshead goes to the end of the story whose crossheads it reads of, as its later section', () => {
  const opening = '乡村图书室是农民身边的文化阵地。近年来，各地乡村图书室建起来了，但不少图书室平日里门可罗雀。';
  const books = '图书室的书要对上农民的胃口，种养技术、农村政策、少儿读物，都是农民需要的。';
  const crafts = '老手艺是一方水土的记忆。竹编、剪纸、土陶，每一门手艺背后都有几代人的心血。';
  const open = '图书室要有人管、常开门，有的村请退休教师当管理员，晚上和周末照常开放。';
  const lead = { ...draft('让乡村图书室热起来', 1, [5, 20], [opening, '## 让乡村图书室的书对上农民的胃口', books]), authors: ['周明川'] };
  const other = { ...draft('守护好老手艺', 1, [22, 30], [crafts]), authors: ['林秀山'] };
  const apart = draft('', 1, [32, 36], ['## 让乡村图书室的门常年开着', open]);
  const { articles: out, report } = joinSectionsPrintedApart(deepFreeze([lead, other, apart]));
  assert.deepEqual(out.map((a) => a.title), ['让乡村图书室热起来', '守护好老手艺']);
  assert.deepEqual(out[0]!.body.map((b) => b.text), [opening, '让乡村图书室的书对上农民的胃口', books, '让乡村图书室的门常年开着', open]);
  assert.deepEqual(out[0]!.source.ranges, [[5, 20], [32, 36]]);
  assert.equal(report.length, 1);
  // a story with no crossheads of its own takes no such run, however much its headline reads of it
  assert.equal(joinSectionsPrintedApart([{ ...lead, body: [{ kind: 'paragraph' as const, text: opening }] }, other, apart]).articles.length, 3);
  // nor is a run taken that opens on running text, that a name signs, that states a dateline, or that reads of no story's heads
  assert.equal(joinSectionsPrintedApart([lead, other, draft('', 1, [32, 36], [open])]).articles.length, 3);
  assert.equal(joinSectionsPrintedApart([lead, other, { ...apart, authors: ['吴子衡'] }]).articles.length, 3);
  assert.equal(joinSectionsPrintedApart([lead, other, { ...apart, dateline: '3月12日' }]).articles.length, 3);
  assert.equal(joinSectionsPrintedApart([lead, other, draft('', 1, [32, 36], ['## 竹编剪纸传承有人', open])]).articles.length, 3);
  // …and a run read as much by two stories' heads is left where it stands
  const twin = { ...draft('乡村图书室常开门', 1, [40, 50], [open, '## 乡村图书室有人管']), authors: ['孙立平'] };
  assert.equal(joinSectionsPrintedApart([lead, twin, draft('', 1, [52, 56], ['## 乡村图书室', open])]).articles.length, 3);
});

test('a story that opens at a crosshead takes the headless run printed apart that reads of its headline as its opening', () => {
  const opening = '农家书屋是乡村文化的一扇窗。一个村子有没有读书的风气，看看农家书屋就知道；把书屋办成村民的文化客厅，是乡村文化振兴的实事。';
  const rest = '书屋不只是藏书的地方，也是村民议事、学技术的地方，农技培训和政策宣讲都可以放进来。';
  const market = '集市是乡村经济的晴雨表，逢五逢十，镇上人来人往，农产品卖得出、卖得上价。';
  const lead = { ...draft('农家书屋要成为乡村的文化客厅', 1, [5, 20], ['## 让书屋连起乡村的日常生活', rest]), authors: ['林清源'] };
  const other = { ...draft('办好乡村集市', 1, [22, 30], [market]), authors: ['周明远'], credits: [{ role: '作者', name: '周明远' }] as Credit[] };
  const apart = draft('', 1, [32, 36], [opening]);
  const { articles: out, report } = joinOpeningsPrintedApart(deepFreeze([lead, other, apart]));
  assert.deepEqual(out.map((a) => a.title), ['农家书屋要成为乡村的文化客厅', '办好乡村集市']);
  assert.deepEqual(out[0]!.body.map((b) => b.text), [opening, '让书屋连起乡村的日常生活', rest]);
  assert.deepEqual(out[0]!.source.ranges, [[5, 20], [32, 36]]);
  assert.equal(report.length, 1);
  // a story that opens with a paragraph has its opening: the run stays a story of its own
  const opened = { ...lead, body: [{ kind: 'paragraph' as const, text: rest }] };
  assert.equal(joinOpeningsPrintedApart([opened, other, apart]).articles.length, 3);
  // nor does a run that reads nothing of the headline, or one a name signs, or one printed before the story
  assert.equal(joinOpeningsPrintedApart([lead, draft('', 1, [32, 36], [market])]).articles.length, 2);
  assert.equal(joinOpeningsPrintedApart([lead, { ...apart, credits: [{ role: '作者', name: '周明远' }] as Credit[] }]).articles.length, 2);
  assert.equal(joinOpeningsPrintedApart([{ ...apart, source: { ...apart.source, lines: [1, 3] as [number, number] } }, lead]).articles.length, 2);
  // nor the story's own tail, printed apart: it goes on from where the story stops (joinOrphanTails' to join)
  const cut = { ...lead, body: [{ kind: 'subhead' as const, text: '让书屋连起乡村的日常生活' }, { kind: 'paragraph' as const, text: `${rest}农家书屋也就成了乡村的文化客` }] };
  const tail = draft('', 1, [32, 36], ['厅。来农家书屋的人多了，农家书屋的书常换常新，乡村的文化客厅一天比一天热闹。']);
  assert.equal(joinOpeningsPrintedApart([cut, other, tail]).articles.length, 3);
  // nor the last column of the story printed right before it, which reads of that story's headline
  // as much as of this one (集市 three times, 农家书屋 once)
  const fair = draft('', 1, [32, 36], ['办好乡村集市，农家书屋也可以摆进集市：集市逢五逢十，镇上人来人往，农产品卖得出、卖得上价，书也借得出去。']);
  assert.equal(joinOpeningsPrintedApart([lead, other, fair]).articles.length, 3);
  // …but an opening that names the other story's subject in passing is this one's
  const passing = draft('', 1, [32, 36], ['农家书屋是乡村文化的一扇窗。一个村子有没有读书的风气，看看农家书屋就知道；到集市上问问村民就知道，把书屋办成村民的文化客厅，是乡村文化振兴的实事。']);
  assert.equal(joinOpeningsPrintedApart([lead, other, passing]).articles.length, 2);
});

test('a head that reads nothing of its story and much of a headless story of its page goes there whole', () => {
  const library = '城南图书馆自本周起周末延长开放时间，每周六、周日开放至晚上九点，读者凭身份证即可入馆借阅图书。';
  const power = '因电网线路检修，今晚十点至明早六点，老城区解放路、中山路沿线部分路段将暂停供电，请居民提前做好准备。';
  const stray = { ...draft('城南图书馆周末延长开放', 1, [8, 12], [power]), kicker: '便民新举措' };
  const headless = draft('', 1, [1, 6], [library]);
  const { articles: out, report } = moveStrayHeads(deepFreeze([headless, stray]));
  assert.deepEqual(out.map((a) => [a.kicker, a.title]), [['便民新举措', '城南图书馆周末延长开放'], [undefined, '']]);
  assert.equal(report.length, 1);
  // a head that reads of its own story stays, even beside a headless story that reads of it too
  const own = draft('城南图书馆周末开放至晚上九点', 1, [8, 12], [library]);
  assert.deepEqual(moveStrayHeads([headless, own]).articles.map((a) => a.title), ['', '城南图书馆周末开放至晚上九点']);
});

test('two heads printed beside other stories that both read of one headless story are its kicker and headline: the headline the one read all through it', () => {
  const street = draft('', 1, [1, 9], [
    '今年以来，河口镇对老街进行改造，铺设青石路面，修缮沿街老屋。',
    '老街改造完工后，吸引了不少游客，河口镇沿街商铺生意红火。',
    '街坊王大爷笑着说：“从前一下雨满脚泥，如今出门踩的是石板路。”',
  ]);
  const power = draft('河口镇老街改造完工', 1, [11, 14], ['因电网线路检修，今晚十点至明早六点，解放路、中山路沿线部分路段将暂停供电，请居民提前做好准备。']);
  const library = draft('从前一下雨满脚泥如今出门踩石板路', 1, [16, 19], ['城南图书馆自本周起周末延长开放时间，每周六、周日开放至晚上九点，读者凭身份证即可入馆借阅图书。']);
  const { articles: out, report } = moveStrayHeads(deepFreeze([street, power, library]));
  assert.deepEqual(out.map((a) => [a.kicker, a.title]), [['从前一下雨满脚泥如今出门踩石板路', '河口镇老街改造完工'], [undefined, ''], [undefined, '']]);
  assert.equal(report.length, 2);
  // one such head alone is the headline, as before
  assert.deepEqual(moveStrayHeads([street, library]).articles.map((a) => [a.kicker, a.title]), [[undefined, '从前一下雨满脚泥如今出门踩石板路'], [undefined, '']]);
  // a second head that reads of two such stories goes to the one it reads most of, whatever the order
  const town = draft('', 1, [1, 5], ['今年以来，河口镇对老街进行改造，铺设石板路面，修缮沿街老屋。', '老街改造完工后，河口镇沿街商铺生意红火，新开了图书馆分馆。']);
  const books = draft('', 1, [6, 9], ['城南图书馆自本周起周末延长开放时间，读者凭身份证即可入馆借阅图书。', '图书馆还在老街设立分馆，河口镇居民在家门口就能借到青石路面旁的新书。']);
  const townHead = draft('河口镇老街改造完工', 1, [11, 14], ['因电网线路检修，今晚十点至明早六点，解放路沿线部分路段将暂停供电。']);
  const booksHead = draft('城南图书馆周末延长开放时间', 1, [16, 19], ['市气象台预计，本周后期将有一次明显降温过程，请市民注意添衣保暖。']);
  const branch = draft('图书馆老街分馆青石路面旁开张', 1, [21, 24], ['市场监管部门开展春季食品安全检查，抽检蔬菜水果三百余批次。']);
  for (const order of [[townHead, booksHead, branch], [branch, booksHead, townHead]]) {
    const heads = moveStrayHeads(deepFreeze([town, books, ...order])).articles.slice(0, 2).map((a) => [a.kicker, a.title]);
    assert.deepEqual(heads, [[undefined, '河口镇老街改造完工'], ['图书馆老街分馆青石路面旁开张', '城南图书馆周末延长开放时间']]);
  }
});

test('a head with nothing under it, printed apart from its story, heads the headless story of its page that reads of it; a lone line under no head too', () => {
  const talent = ['乡村振兴，人才是关键。各地出台政策吸引人才返乡创业，一批新农人在田野上施展才干。', '## 留住乡村振兴人才的关键', '留住人才，既要待遇留人，也要事业留人，让乡村振兴人才安心扎根。'];
  const books = '一座城市的气质，藏在它的书店和图书馆里。要丰富阅读活动，让阅读空间成为市民的精神家园。';
  const names = (a: ReturnType<typeof draft>, name: string) => ({ ...a, credits: [{ name, role: '记者' as const }], authors: [name] });
  const lead = names(draft('', 1, [3, 20], talent), '苏明远');
  const second = names(draft('让书香浸润城市生活', 1, [22, 30], [books]), '韩松');
  // the lead's headline printed at the page's foot, read as a story of its own with one crosshead and no head
  const apart = draft('', 1, [32, 32], ['## 乡村振兴人才引得来留得住']);
  const { articles: out, report } = titleFromBodilessHeads(deepFreeze([lead, second, apart]));
  assert.deepEqual(out.map((a) => [a.title, a.authors, a.body.length]), [['乡村振兴人才引得来留得住', ['苏明远'], 3], ['让书香浸润城市生活', ['韩松'], 1]]);
  assert.deepEqual(out[0]!.source.ranges, [[3, 20], [32, 32]]);
  assert.equal(report.length, 1);
  // a head draft with its own title goes the same way
  const titled = titleFromBodilessHeads([lead, second, draft('乡村振兴人才引得来留得住', 1, [32, 32], [])]).articles;
  assert.deepEqual(titled.map((a) => a.title), ['乡村振兴人才引得来留得住', '让书香浸润城市生活']);
  // a photo item (a caption, no paragraph) is no head printed apart, titled or not
  const photo = { ...draft('乡村振兴人才引得来留得住', 1, [32, 33], []), captions: [{ text: '返乡青年在大棚里查看长势。', credit: '苏明远 摄' }] };
  assert.equal(titleFromBodilessHeads([lead, second, photo]).articles.length, 3);
  // a head no headless story reads of, or one on another page, stays where it is
  assert.equal(titleFromBodilessHeads([lead, second, draft('', 1, [32, 32], ['## 城南老街重新开街'])]).articles.length, 3);
  assert.equal(titleFromBodilessHeads([lead, second, draft('', 2, [32, 32], ['## 乡村振兴人才引得来留得住'])]).articles.length, 3);
});

test('a head with nothing under it heads the headless story right after it; the names printed under the head before it go back there', () => {
  const desk = '今年以来，青溪县把政务服务延伸到村一级，群众办事不出村，一百多个事项可以就近办理。';
  const school = '本报讯青溪县推行教师走教制度，偏远村小的音乐、美术、体育课都有了专职老师。';
  const names = (a: ReturnType<typeof draft>, credits: Credit[]) => ({ ...a, credits, authors: credits.filter((c) => c.role !== '摄影').map((c) => c.name), photographers: credits.filter((c) => c.role === '摄影').map((c) => c.name) });
  const before = names({ ...draft('政务服务送到家门口', 1, [1, 8], [desk]), subtitle: '青溪县推进一网通办' }, [{ name: '苏明', role: '摄影' }]);
  const bodiless = { ...names(draft('开齐音体美', 1, [10, 22], []), [{ name: '林平', role: '记者' }, { name: '周岚', role: '通讯员' }]), bylines: ['本报记者 林平', '通讯员 周岚'] };
  const caption = { text: '老师在村小上美术课。', credit: '苏明 摄' };
  const story = { ...draft('', 1, [24, 30], [school]), captions: [caption], source: { file: 'x.txt', page: 1, lines: [24, 30] as [number, number], caption_ranges: [[31, 31]] as [number, number][] } };
  const { articles: out, report } = joinBodilessHeads(deepFreeze([before, bodiless, story]));
  assert.deepEqual(out.map((a) => [a.title, a.authors, a.photographers, a.body.map((b) => b.text)]), [
    ['政务服务送到家门口', ['林平', '周岚'], ['苏明'], [desk]],
    ['开齐音体美', [], [], [school]],
  ]);
  assert.deepEqual(out[0]!.credits, [{ name: '苏明', role: '摄影' }, { name: '林平', role: '记者' }, { name: '周岚', role: '通讯员' }]);
  assert.deepEqual(out[0]!.bylines, ['本报记者 林平', '通讯员 周岚']);
  assert.deepEqual(out[1]!.captions, [caption]);
  assert.deepEqual(out[1]!.source.lines, [10, 30]);
  assert.deepEqual(out[1]!.source.caption_ranges, [[31, 31]]);
  assert.deepEqual(report.map((e) => e.reason.startsWith('names printed under the head before it')), [false, true]);
  // names stay with the bodiless head when the head before has names of its own; a headed story
  // after it, or one on another page, is not its body
  const signed = names(draft('政务服务送到家门口', 1, [1, 8], [desk]), [{ name: '何青', role: '记者' }]);
  assert.deepEqual(joinBodilessHeads([signed, bodiless, draft('', 1, [24, 30], [school])]).articles.map((a) => a.authors), [['何青'], ['林平', '周岚']]);
  assert.equal(joinBodilessHeads([signed, bodiless, draft('教师走教', 1, [24, 30], [school])]).articles.length, 3);
  assert.equal(joinBodilessHeads([signed, bodiless, draft('', 2, [24, 30], [school])]).articles.length, 3);
});

test('a single glyph is never a headline, kicker or subtitle: it goes to the report, and the kicker or subtitle heads the story', () => {
  const story = ['书屋的灯光每晚亮到九点，农闲时常常坐满了人。'];
  const { articles: out, report } = dropGlyphHeadlines(
    deepFreeze([
      draft('仁', 1, [1, 4], story),
      { ...draft('·', 1, [5, 8], story), kicker: '乡村书屋亮灯火' },
      { ...draft('鲲', 1, [9, 12], story), subtitle: '职教园的一年' },
      { ...draft('乡村书屋', 1, [13, 16], story), kicker: '3', subtitle: '外' },
      draft('书屋', 1, [17, 20], story),
    ]),
  );
  assert.deepEqual(out.map((a) => [a.kicker, a.title, a.subtitle]), [
    [undefined, '', undefined],
    [undefined, '乡村书屋亮灯火', undefined],
    [undefined, '职教园的一年', undefined],
    [undefined, '乡村书屋', undefined],
    [undefined, '书屋', undefined],
  ]);
  assert.deepEqual(report.map((e) => e.text), ['仁', '·', '鲲', '3', '外']);
});

test('two stories\' heads read as one are parted where each group reads of its story; a true kicker stays', () => {
  const library = '城南图书馆自本周起周末延长开放时间，每周六、周日开放至晚上九点，读者凭身份证即可入馆借阅图书。';
  const power = '因电网线路检修，今晚十点至明早六点，老城区解放路、中山路沿线部分路段将暂停供电，请居民提前做好准备。';
  const together = { ...draft('老城区部分路段今晚停电检修', 1, [1, 6], [library]), kicker: '城南图书馆周末延长开放', subtitle: '解放路中山路沿线暂停供电' };
  const headless = draft('', 1, [8, 10], [power]);
  const { articles: out, report } = partHeadsPrintedTogether(deepFreeze([together, headless]));
  assert.deepEqual(out.map((a) => [a.kicker, a.title, a.subtitle]), [
    [undefined, '城南图书馆周末延长开放', undefined],
    [undefined, '老城区部分路段今晚停电检修', '解放路中山路沿线暂停供电'],
  ]);
  assert.equal(report.length, 1);
  // a subtitle that reads of the kicker's story stays with it
  const ownSubtitle = { ...together, subtitle: '周六周日开放至晚上九点' };
  assert.deepEqual(partHeadsPrintedTogether([ownSubtitle, headless]).articles.map((a) => a.subtitle), ['周六周日开放至晚上九点', undefined]);
  // a headline over its subtitle go together when the two read of the headless story (`凝心聚力…` /
  // `涪口区推进全面深化改革` under another story's headline set as its kicker)
  const poetic = { ...draft('灯火万家照归途', 1, [1, 6], [library]), kicker: '城南图书馆周末延长开放', subtitle: '老城区解放路中山路今晚暂停供电' };
  assert.deepEqual(partHeadsPrintedTogether([poetic, headless]).articles.map((a) => [a.kicker, a.title, a.subtitle]), [
    [undefined, '城南图书馆周末延长开放', undefined],
    [undefined, '灯火万家照归途', '老城区解放路中山路今晚暂停供电'],
  ]);
  // a kicker and subtitle of the headless story around the host's own headline: the kicker is its headline
  const around = { ...draft('城南图书馆周末延长开放', 1, [1, 6], [library]), kicker: '老城区部分路段今晚停电检修', subtitle: '解放路中山路沿线暂停供电' };
  assert.deepEqual(partHeadsPrintedTogether([around, headless]).articles.map((a) => [a.kicker, a.title, a.subtitle]), [
    [undefined, '城南图书馆周末延长开放', undefined],
    [undefined, '老城区部分路段今晚停电检修', '解放路中山路沿线暂停供电'],
  ]);
  // a story with a subtitle of its own is not headless: it takes nothing, and loses nothing
  const subtitled = { ...headless, subtitle: '检修期间有人值守' };
  assert.deepEqual(partHeadsPrintedTogether([together, subtitled]).articles.map((a) => [a.kicker, a.title, a.subtitle]), [
    [together.kicker, together.title, together.subtitle],
    [undefined, '', '检修期间有人值守'],
  ]);
  // a kicker and headline of one story stay together, headless story or not
  const own = { ...draft('周末延长开放至晚上九点', 1, [1, 6], [library]), kicker: '城南图书馆便民新举措' };
  assert.deepEqual(partHeadsPrintedTogether([own, headless]).articles.map((a) => [a.kicker, a.title]), [['城南图书馆便民新举措', '周末延长开放至晚上九点'], [undefined, '']]);
});

test('a headline in fake bold cut across two head parts is one headline, printed once; parts doubled each on their own stay apart', () => {
  const story = ['书屋的灯光每晚亮到九点，农闲时常常坐满了人。'];
  const asSubtitle = { ...draft('新气象新气象：：乡村书屋', 1, [1, 4], story), subtitle: '乡村书屋亮灯火亮灯火' };
  const asKicker = { ...draft('亮灯火', 1, [1, 4], story), kicker: '新气象新气象：：乡村书屋乡村书屋亮灯火' };
  const apart = { ...draft('乡村书屋乡村书屋', 1, [1, 4], story), kicker: '新气象新气象' };
  const { articles: out, report } = undoOverprintedHeads(deepFreeze([asSubtitle, asKicker, apart]));
  assert.deepEqual(out.map((a) => [a.kicker, a.title, a.subtitle]), [
    [undefined, '新气象：乡村书屋亮灯火', undefined],
    [undefined, '新气象：乡村书屋亮灯火', undefined],
    ['新气象', '乡村书屋', undefined],
  ]);
  assert.equal(report.filter((r) => /fake bold read as/u.test(r.reason)).length, 2);
});

test('a vertical name between two vertical headlines signs one story, never both', () => {
  const raw = readFileSync(new URL('./fixtures/segment/vertical-name-below-headline.txt', import.meta.url), 'utf8').split('\n.\n')[1]!;
  // another vertical headline set right under the name: the name is beside it too
  const text = raw.replace('郑\n晓\n岚\n', '郑\n晓\n岚\n\n法\n治\n中\n国\n建\n设\n');
  assert.notEqual(text, raw);
  const { articles } = segmentFile('x.txt', new TextEncoder().encode(text));
  assert.equal(articles.filter((a) => a.authors.includes('郑晓岚')).length, 1);
});

test('a signed name over a crosshead closes the story before it; the note closing the crossheaded run stays there', () => {
  const before = { ...draft('', 1, [1, 5], ['乡村阅读推广的关键在人，志愿者们每月走进村小。']) };
  const crossheaded = {
    ...draft('', 1, [7, 12], ['## 书屋的灯光每晚亮到九点', '农闲时常常坐满了人，老人们来看报。']),
    authors: ['郑晓岚'],
    credits: [{ name: '郑晓岚', role: '作者' as const }],
    bylines: ['郑晓岚', '（作者为某县文化馆馆员）'],
  };
  const { articles: out } = creditLoneBylines(deepFreeze([before, crossheaded]));
  assert.deepEqual(out.map((a) => a.bylines), [['郑晓岚'], ['（作者为某县文化馆馆员）']]);
  assert.deepEqual(out.map((a) => a.authors), [['郑晓岚'], []]);
  // printed before the story it would credit: no move
  const { articles: kept } = creditLoneBylines(deepFreeze([{ ...before, source: { ...before.source, lines: [20, 24] as [number, number] } }, crossheaded]));
  assert.deepEqual(kept.map((a) => a.authors), [[], ['郑晓岚']]);
});

test('a signed name after a story with its note and no name signs that story; one after a story without a note stays', () => {
  const noted = { ...draft('', 1, [1, 5], ['乡村阅读推广的关键在人，志愿者们每月走进村小。']), bylines: ['（作者为某县文化馆馆员）'] };
  const signed = {
    ...draft('', 1, [7, 12], ['农闲时书屋常常坐满了人，老人们来看报，孩子们来写作业。']),
    authors: ['郑晓岚'],
    credits: [{ name: '郑晓岚', role: '作者' as const }],
    bylines: ['郑晓岚'],
  };
  const { articles: out, report } = creditLoneBylines(deepFreeze([noted, signed]));
  assert.deepEqual(out.map((a) => a.authors), [['郑晓岚'], []]);
  assert.deepEqual(out.map((a) => a.bylines), [['（作者为某县文化馆馆员）', '郑晓岚'], []]);
  assert.match(report[0]!.reason, /note and no name/u);
  // no note above: the name signs the run under it, as printed
  assert.deepEqual(creditLoneBylines([{ ...noted, bylines: [] }, signed]).articles.map((a) => a.authors), [[], ['郑晓岚']]);
  // a story with a dateline under the name is a story of its own
  assert.deepEqual(creditLoneBylines([noted, { ...signed, dateline: '本报讯' }]).articles.map((a) => a.authors), [[], ['郑晓岚']]);
});

test('a head block of a headline over a longer line with pauses is headline and subtitle (typeset news page 1, pdftotext -raw and -layout)', () => {
  for (const extractor of ['pdftotext-raw', 'pdftotext-layout']) {
    const file = `news01.${extractor}.txt`;
    const { articles } = segmentFile(file, readFileSync(new URL(`./corpus-news/${file}`, import.meta.url)));
    const story = articles.find((a) => a.title.startsWith('株洲吉安'));
    assert.deepEqual([story?.title, story?.subtitle], ['株洲吉安43项高频事项“跨省通办”', '有效解决企业、群众跨省异地办事“多地跑”“折返跑”等问题'], extractor);
  }
});

/** Freezes a value and everything it holds, so that any stage writing to its input throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}

test('a short block read as display that leaves a quotation open over running text is running text; a head that closes its marks stays a head', () => {
  const kinds = (text: string) => {
    const lines = toLines(text);
    return classify(toBlocks(lines, detectFlavour(lines))).map((b) => [b.kind, b.text.replace(/\s+/gu, '')]);
  };
  // the open quotation goes on in a column printed further on, not in the text right under it
  const open = kinds('石门村发展特色产业\n本报讯（记者 张青）今年以来，石门村引进一家企业，\n发展特色种植，带动村民增收。\n\n主打产品是“石门\n\n另一边，河西村的道路改造也在推进，施工队伍分段\n作业，预计年底完工。\n');
  assert.deepEqual(open.find(([, t]) => t === '主打产品是“石门'), ['body', '主打产品是“石门']);
  // a head that quotes a phrase and closes it stays a head
  const closed = kinds('“石门红”唱响乡村振兴\n本报讯（记者 张青）今年以来，石门村引进一家企业，\n发展特色种植，带动村民增收。\n');
  assert.deepEqual(closed[0], ['headline', '“石门红”唱响乡村振兴']);
  // …as does one whose marks mix widths (`(之二）`), and one over a story's opening whatever it
  // leaves open (a typo's doubled opening quote)
  const story = '\n\n本报讯 今年以来，市教育局推进作业改革，学生的书包轻了，课后服务丰富了。\n';
  assert.deepEqual(kinds(`我市两会特别报道(之二）${story}`)[0], ['headline', '我市两会特别报道(之二）']);
  assert.deepEqual(kinds(`“双减“让孩子们回归快乐${story}`)[0], ['headline', '“双减“让孩子们回归快乐']);
});

test('every stage is a pure function: the whole pipeline runs on deep-frozen input and leaves it as it was', () => {
  for (const f of SAMPLE_FILES) {
    const bytes = readSample(f);
    const copy = Buffer.from(bytes);
    const decoded = deepFreeze(decode(bytes));
    assert.ok(bytes.equals(copy), `${f}: decode changed its bytes`);
    const lines = deepFreeze(toLines(decoded.text));
    const flavour = detectFlavour(lines);
    const blocks = deepFreeze(toBlocks(lines, flavour));
    const classified = deepFreeze(threadBlocks(deepFreeze(classify(blocks))));
    const assembled = deepFreeze(assemble(classified, flavour));
    let drafts = assembled.articles;
    for (const { repair } of REPAIRS) drafts = deepFreeze(repair(drafts)).articles;
    // the stages above are the whole pipeline: segmentFile keeps the same articles (those with anything to read)
    const staged = drafts.filter((a) => a.body.length > 0 || a.title || a.captions.length > 0).map((a) => ({ title: a.title, body: a.body, keywords: keywordsOf(a) }));
    assert.deepEqual(staged, results.get(f)!.articles.map((a) => ({ title: a.title, body: a.body, keywords: a.keywords })), f);
  }
});

/**
 * segmentFile(name, bytes, { lexicon }) as the first call of a fresh process: no earlier call
 * has taught nodejieba anything. Run in a child process (the only fresh nodejieba there is).
 */
async function segmentedFresh(file: string, lexicon: string[] | undefined): Promise<unknown> {
  const index = new URL('../src/segment/index.ts', import.meta.url).href;
  const script = `import { readFileSync } from 'node:fs';
import { segmentFile } from ${JSON.stringify(index)};
const [file, lexicon] = JSON.parse(process.argv[1]);
const r = segmentFile(file, readFileSync(${JSON.stringify(RAW_DIR)} + '/' + file), lexicon ? { lexicon } : {});
process.stdout.write(JSON.stringify(r));`;
  const { stdout } = await run(process.execPath, ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script, JSON.stringify([file, lexicon ?? null])], { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  return JSON.parse(stdout);
}

test('a file segments the same whatever ran before it in the process: the lexicon is taught before any stage cuts text', async () => {
  // `株洲河` taught whole changes how 001's `株洲河西城区` caption is matched to its story by topic:
  // segmentFile used to teach the lexicon after assembly, so 001 came out one way as a process's
  // first file and another after any file segmented with the same lexicon
  const [a, b] = [SAMPLE_FILES[0], SAMPLE_FILES[1]];
  const lexicon = ['株洲河'];
  const [freshWith, freshWithout] = await Promise.all([segmentedFresh(b, lexicon), segmentedFresh(b, undefined)]);
  const plain = (x: unknown): SegmentResult => JSON.parse(JSON.stringify(x));
  segmentFile(a, readSample(a), { lexicon });
  const afterA = plain(segmentFile(b, readSample(b), { lexicon }));
  assert.deepEqual(afterA, freshWith, `${b} after ${a} differs from ${b} alone`);
  // a lexicon taught before does not linger either: without one, the file is as in a fresh process
  const without = plain(segmentFile(b, readSample(b)));
  assert.deepEqual(without, freshWithout, `${b} without a lexicon, after one was taught, differs from ${b} alone`);
  // and the case shows something: the lexicon changes what is reported for this file
  assert.notDeepEqual(afterA.report.decisions, without.report.decisions);
});

test('a story\'s last paragraph that reads on into the story after it goes there (tailReadsOn)', () => {
  // a 新华社 brief's end, then a paragraph neither head reads of, whose words the next story's first
  // paragraphs hold (王桂兰, 摊位, 小吃, 邻居) and the brief does not
  const brief = [
    { kind: 'dateline' as const, text: '新华社广州3月2日电（记者周平）受暖湿气流影响，南方多地迎来入春以来首场大范围降雨，部分山区道路采取临时交通管制。' },
    { kind: 'body' as const, text: '气象专家提醒，降雨过后气温将有所回升，公众出行要注意防滑。' },
  ];
  const tail = { kind: 'body' as const, text: '傍晚7点，是城南小广场最热闹的时候。在广场东侧，退休教师王桂兰和邻居们围在摊位前，挑选小吃和日用品，摊主们忙着招呼客人。' };
  const next = '半个小时后，王桂兰拎着买好的东西坐在长椅上休息，她告诉记者，每周有三个晚上可以来逛，摊位由社区统一安排。社区负责人介绍，摊位主要卖小吃和日用品，摊主大多是附近的居民，邻居们都愿意来逛一逛。';
  assert.equal(tailReadsOn([...brief, tail], next), 2);
  // the brief's own last paragraph reads of the brief: nothing moves
  assert.equal(tailReadsOn(brief, next), undefined);
  // a paragraph that reads of its own story as much stays (the brief's words in it)
  const own = { kind: 'body' as const, text: '降雨期间，南方多地的邻居们互相帮忙，把摊位上的小吃和日用品搬进屋里，公众出行要注意防滑。' };
  assert.equal(tailReadsOn([...brief, own], next), undefined);
  // never past a paragraph left open: the cut falls after a sentence's end
  assert.equal(tailReadsOn([brief[0], { kind: 'body', text: '气象专家提醒，降雨过后气温将有所回升，公众' }, tail], next), undefined);
});

/** The blocks of a made-up text after threading, in the order given: each block's first 8 characters, spaces out. */
/** The classified blocks of a text. */
function classified(text: string) {
  const lines = toLines(text);
  return classify(toBlocks(lines, detectFlavour(lines)));
}

function threaded(text: string): string[] {
  return threadBlocks(classified(text)).map((b) => b.text.replace(/\s+/gu, '').slice(0, 8));
}

/** Where in a threaded order the block starting with `start` stands. */
function startAt(order: readonly string[], start: string): number {
  return order.findIndex((t) => t.startsWith(start));
}

test('an opening printed whole after its story\'s credit goes back under its head only when the text under that head reads of it (openingsPrintedLate)', () => {
  // the essay under `让乡村书屋亮起来` reads of its head (书屋), so its opening, closed at a
  // paragraph's end and printed after the credit, goes back before the column under the head
  const fixture = readFileSync(new URL('fixtures/segment/opening-printed-after-end-closed.txt', import.meta.url), 'utf8').split('\n.\n')[1]!;
  const order = threaded(fixture);
  assert.ok(order.indexOf('乡村书屋是农家的') >= 0 && order.indexOf('乡村书屋是农家的') < order.indexOf('书屋建起来以后，'), order.join(' / '));
  // under `把群众的小事当成大事` stands another story's tail and another essay, closed by that essay's
  // credit: the head is not yet paired with its text, and the run after the credit stays where it
  // is for assemble's pairing by topic (typeset news page 5, seed 23, pdfminer)
  const tangled = [
    '让阅读成为小城的日常', '', '宋 清 和', '',
    '湘东日报讯（记者 杨 帆 通讯员 李 明）3月2日，湘东市与赣西市签署政务服务跨省通办合作协议。', '',
    '把群众的小事当成大事', '', '郑 远 帆', '',
    '去年12月，湘东市与周边五个城市签订政务服务跨省通', '办协议，拉开了区域政务服务跨省通办的序幕。', '',
    '一座小城的气质，藏在它的书店和图书馆里。近年来，不少', '社区建起了小而美的阅读空间，让居民在家门口就能读书。', '',
    '（作者单位：湘东市文化馆）', '',
    '群众身边的事，往往都是具体的小事：一盏路灯、一段台阶、', '一个车棚。小事办得好不好，直接关系到群众的获得感。', '',
  ].join('\n');
  const kept = threaded(tangled);
  assert.ok(kept.indexOf('（作者单位：湘东') >= 0 && kept.indexOf('群众身边的事，往') > kept.indexOf('（作者单位：湘东'), kept.join(' / '));
  // a note set after the story under its label reads of the story's head as much, but it is no
  // opening: it stays after the credit
  const noted = [
    '让乡村书屋亮起来', '', '本报记者 王 磊', '',
    '书屋建起来以后，关键在于用起来。一些地方的乡村书屋', '平时锁着门，村民想借书也找不到人。', '',
    '（记者 王 磊）', '',
    '记者手记：乡村书屋亮起来，乡村的精神生活就会丰富起来。', '书屋不能只建不用，更要让村民愿意走进书屋读书看报。', '',
    '修好老街上的每一块石板', '', '周 立 新', '',
    '老街是一座小城的记忆。今年春天，县里对老街进行了一次', '整修，换下了破损的石板，修补了两侧的木门窗。', '',
  ].join('\n');
  const note = threaded(noted);
  assert.ok(note.indexOf('（记者王磊）') >= 0 && note.indexOf('记者手记：乡村书') > note.indexOf('（记者王磊）'), note.join(' / '));
});

test('an open block keeps the block printed right after it, though an earlier cut line reads a word into that block by chance (continuationOwners)', () => {
  // pdfminer's boxes (typeset news page 3, seed 23): `…称没有人` makes 人为 with `为主题…` three boxes
  // on, but `…一场以“书香润童心”` printed right before it goes on there (the frame 以…为 read across)
  const order = threaded(
    [
      '社区旧书交换受欢迎', '',
      '本报讯（记者 林 思）周六上午，城北社区举办旧书交换活动，居民带来的旧书很快摆满了长桌。', '',
      '随后，记者来到报名处询问换书规则，工作人员称没有人', '',
      '收钱给他们。书籍全部由居民自愿捐出，换书的居民络绎不绝。（通讯员 王 琳）', '',
      '乡村小学迎来阅读周', '',
      '新华社长沙3月5日电（记者 何 青）一场以“书香润童心”', '',
      '为主题的阅读活动日前在多所乡村小学举行，志愿者为孩子们带来了绘本和故事会。', '',
    ].join('\n'),
  );
  assert.equal(startAt(order, '收钱给他们'), startAt(order, '随后，记者来到') + 1, order.join(' / '));
  assert.equal(startAt(order, '为主题的阅读'), startAt(order, '新华社长沙3月') + 1, order.join(' / '));
});

test('a story\'s opening line printed inside another story goes to a story\'s first text under its head that it reads a word into, before a nearer headless story (openingLinesPrintedAfter)', () => {
  // `…涵` makes 涵盖 with the first text under `春季招聘会岗位多`, which opens with no dateline; the
  // story `城区新增…` nearer up opens with none either, and without the word would take the line
  const order = threaded(
    [
      '春季招聘会岗位多', '',
      '盖装备制造、电子商务和家政服务等行业。现场还设置了政策咨询台。（记者 庞静怡）', '',
      '城区新增两条公交线路', '',
      '集团近日开通两条微循环线路，串联菜市场、社区医院和地铁站。（记者 邓明）', '',
      '新春特展昨天开展', '',
      '市博物馆新春特展“年画里的团圆”昨天开展，展出馆藏年画两百余件，展期至三月', '',
      '本报讯（记者 庞静怡）市人社局日前举办春季招聘会，八十余家企业带来岗位三千余个，涵', '',
      '底，市民可免费预约参观。', '',
    ].join('\n'),
  );
  assert.equal(startAt(order, '盖装备制造'), startAt(order, '本报讯（记者庞静') + 1, order.join(' / '));
});

test('a late head\'s word the story before says throughout does not cut that story after its first paragraph (bestSplit byShare)', () => {
  // the story before names its town (青溪) in two later paragraphs and its head's words all through;
  // counted by presence, the one paragraph free of 青溪, its first, was all it kept
  const text = [
    '县职业学校举办春季招聘会',
    '',
    '本报讯（记者 王晓雯）三月八日，县职业学校举办春',
    '季招聘会，八十多家企业带来两千多个岗位。',
    '当日上午，青溪一家机械企业的展位前排起了长队，',
    '企业负责人说，今年招聘会收到的简历比去年多了一',
    '倍。',
    '职业学校就业办负责人介绍，近年来青溪的制造企业',
    '发展很快，学校的毕业生在招聘会上很受欢迎。',
    '学校还将在秋季再举办一场招聘会。',
    '青溪老码头的旧仓库改成了夜市，五十多个摊位沿着',
    '江边排开。',
    '夜市每晚六点开市，周末还有民乐表演，老码头又热',
    '闹了起来。',
  ].join('\n');
  const [head, ...blocks] = classified(text);
  assert.equal(head.kind, 'headline');
  assert.deepEqual(blocks.map((b) => b.text.slice(0, 4)), ['本报讯（', '当日上午', '职业学校', '学校还将', '青溪老码', '夜市每晚']);
  const words = contentWords('青溪老码头旧仓库变身夜市');
  const story = { blocks, head: { blocks: [head], at: 0 } };
  assert.equal(bestSplit(words, story, [false], 'last', 1, true)?.at, 4);
  // (by presence, the cut falls after the first paragraph)
  assert.equal(bestSplit(words, story, [false], 'last')?.at, 1);
});

test('what a late head\'s part must read of it is asked by presence, not by share (bestSplit byShare)', () => {
  // the story before says both of the late head's words, 青溪 and 夜市, early on: the share of their
  // uses in the right part falls under SPLIT_MIN_AFFINITY, and only the cut after the first paragraph
  // passed it
  const text = [
    '县职业学校举办春季招聘会',
    '',
    '本报讯（记者 王晓雯）三月八日，县职业学校在青溪夜',
    '市旁的广场举办春季招聘会，八十多家企业参加。',
    '当日上午，青溪一家机械企业的展位前排起了长队，',
    '不少求职者是从夜市赶来的摊主。',
    '职业学校就业办负责人介绍，近年来青溪的制造企业',
    '发展很快，学校毕业生很受欢迎。',
    '学校还将在秋季再举办一场招聘会。',
    '入夜，青溪夜市灯火通明，五十多个摊位沿着江边排',
    '开，游客络绎不绝。',
    '摊主们说，开张以来生意一天比一天好，不少外地游客',
    '也慕名而来。',
  ].join('\n');
  const [head, ...blocks] = classified(text);
  assert.deepEqual(blocks.map((b) => b.text.slice(0, 4)), ['本报讯（', '职业学校', '学校还将', '入夜，青', '摊主们说']);
  assert.equal(bestSplit(contentWords('青溪夜市人气旺'), { blocks, head: { blocks: [head], at: 0 } }, [false], 'last', 1, true)?.at, 3);
});

test('of split points that score alike, one at a box\'s edge goes first (bestSplit)', () => {
  // another story's paragraph, then a story's paragraphs set tight in one box (pdfminer), its first
  // reading of neither head: the tail for `午休室里睡得香` starts at the box's edge, not a paragraph late
  const text = [
    '城西环保科技公司是一家从事农村污水处理设备研发、生产和运营维护的企业，落户城西工业园已有八年。',
    '',
    '公司研发的一体化污水处理设备已在全省两百多个村庄使用，获得多项国家专利，被列入省里的推荐技术目录。',
    '',
    '中午十二点半，学生们吃过午饭，铺好小被子，教学楼很快安静下来。',
    '学校负责人介绍，午休室由闲置教室改造而成，配备了床铺和空调。',
    '“孩子中午睡得好，下午上课精神足。”一位家长说。',
  ].join('\n');
  const blocks = classified(text);
  assert.deepEqual(blocks.map((b) => b.text.slice(0, 4)), ['城西环保', '公司研发', '中午十二', '学校负责', '“孩子中']);
  const split = bestSplit(contentWords('午休室里睡得香'), { blocks, head: undefined }, [false], 'last');
  assert.equal(split?.at, 2);
  assert.equal(split?.headFirst, false);
});
