import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLASSIFY_RULES, classifyBlock } from '../src/segment/classify.ts';
import { decode } from '../src/segment/decode.ts';
import { toLines } from '../src/segment/lines.ts';
import { detectFlavour, toBlocks } from '../src/segment/paragraphs.ts';
import { endsSentence } from '../src/segment/rules/chars.ts';
import { closesLeftOpen, framedAcross, opensMidSentence, pointsBack } from '../src/segment/rules/continuation.ts';
import { parseCaption, photographersOf } from '../src/segment/rules/caption.ts';
import { rejoinBoxedFirstLines, runMeasure } from '../src/segment/rules/first-line.ts';
import type { SourceLine } from '../src/segment/types.ts';
import { closingCreditStart, isBylineLine, isRoleByline, parseCredits } from '../src/segment/rules/credits.ts';
import { opensDateline, parseDateline, spacedCreditBracket } from '../src/segment/rules/dateline.ts';
import { isCampaignBanner, isFurniture, isKickerLabel, isSidebarLabel, isSubtitle } from '../src/segment/rules/headline.ts';
import { boxLineLength, namedPapers, splitGluedBoxEnd, splitGluedByline, splitGluedDisplayTail, splitGluedCredit, splitGluedDateline, splitGluedSignedName, splitGluedVertical } from '../src/segment/rules/glued.ts';
import { halveOverprint } from '../src/segment/rules/overprint.ts';
import { splitJoinedLines } from '../src/segment/rules/joined-lines.ts';
import { splitVerticalBeside } from '../src/segment/rules/vertical-beside.ts';
import { splitVerticalPair } from '../src/segment/rules/vertical-pair.ts';
import { segmentFile } from '../src/segment/index.ts';
import { splitNames } from '../src/segment/rules/names.ts';
import { isSpacedOut, isSpacedOutByRegex, repairSpacing } from '../src/segment/rules/spacing.ts';
import { readSample } from './helpers.ts';

const running = (s: string) => repairSpacing(s, { keepWordSpaces: false });
const display = (s: string) => repairSpacing(s, { keepWordSpaces: true });

test('a short line ending on a colon after a verb of saying is running text; a head part ending on a colon stays display type', () => {
  const kind = (text: string) => classifyBlock(toBlocks(toLines(text), 'markdown')[0]).kind;
  assert.equal(kind('老街的老街坊们常说这样一句话：'), 'body');
  assert.equal(kind('正如有关部门负责同志所指出的：'), 'body');
  assert.equal(kind('新时代：'), 'headline');
  assert.equal(kind('老街改造：'), 'headline');
  // labels: a verb of saying inside a word (`讲座`, `小说`), and too short to open a quotation
  assert.equal(kind('周末讲座：'), 'headline');
  assert.equal(kind('小说连载：'), 'headline');
});

test('a line that is a byline and nothing else: role words and the names after each, parted by spaces', () => {
  assert.ok(isBylineLine('本报记者 孙晓静 通讯员 刘莲苇'));
  assert.ok(isBylineLine('记者 王斌'));
  assert.ok(isBylineLine('新华社记者 卓一帆 韩露'));
  // running text that opens with a role word, a role word with no name after it, a name list alone
  assert.ok(!isBylineLine('记者从农业农村部门获悉，各地正抓住农闲'));
  assert.ok(!isBylineLine('记者 李永亮）6 月 24 日'));
  assert.ok(!isBylineLine('王斌 通讯员'));
  assert.ok(!isBylineLine('孙晓静 刘莲苇'));
  // such a line stands alone in column text, but not over the `摄` its photo credit wrapped before
  const blocks = (text: string) => { const lines = toLines(text); return toBlocks(lines, detectFlavour(lines)).map((b) => b.display); };
  const story = ['本报讯 新春将至，石门古镇的街巷挂起上', '千盏手工花灯，吸引不少市民游客前来观', '赏拍照。'];
  assert.ok(blocks(['古镇花灯迎新春', '游客在古镇观赏花灯。', '本报记者 龚毅', '摄', ...story].join('\n')).some((b) => /龚毅\s*摄/u.test(b)));
  assert.ok(blocks(['古镇花灯迎新春', '本报记者 龚毅 通讯员 唐欣', ...story].join('\n')).includes('本报记者 龚毅 通讯员 唐欣'));
});

test('a block that leaves a quotation or bracket open goes on in one whose first sentence closes it, not in one that opens another first', () => {
  assert.equal(closesLeftOpen('南浦校区打破原来“一校定', '终身”的人事管理体制，联合学校内部统筹。'), true);
  assert.equal(closesLeftOpen('新型智能化的“聚乙烯', '（PE）固定床生物膜污水处理技术”、高效复合剂技术。'), true);
  // closed before the cut: nothing to carry
  assert.equal(closesLeftOpen('推进“智慧社区”建设', '居民说：“方便多了。”'), false);
  // the next block opens a quotation of its own before any closing mark: another paragraph
  assert.equal(closesLeftOpen('打破原来“一校定', '“有坏人来啦！”老师喊道。'), false);
  // the closing mark only after the first sentence's end: no evidence
  assert.equal(closesLeftOpen('打破原来“一校定', '教育连着民生。他说“好”。'), false);
  assert.equal(closesLeftOpen('打破原来“一校定', '。教育连着民生。他说好”。'), false);
  // …but the closing marks right after the first sentence's end are that sentence's (`要。”`)
  assert.equal(closesLeftOpen('他说：“很有必', '要。”随后大家散了。'), true);
  assert.equal(closesLeftOpen('他喊：“快', '跑！”孩子们立刻散开。'), true);
  // a title's marks only when asked for
  assert.equal(closesLeftOpen('学习《习近平谈', '治国理政》第四卷。'), true);
  assert.equal(closesLeftOpen('学习《习近平谈', '治国理政》第四卷。', [['“', '”']]), false);
});

test('a paragraph that points back to its story (a linking word, 此次, 该院 in its first clause) is no story\'s first', () => {
  assert.equal(pointsBack('下一步，该院将继续走访用人单位。'), true);
  assert.equal(pointsBack('下一步,该院将持续深入开展专项行动。'), true);
  assert.equal(pointsBack('此次招聘会提供三百余个岗位。'), true);
  assert.equal(pointsBack('此外，县里还将新建两座公园。'), true);
  assert.equal(pointsBack('据了解，该县推行河长制已有五年。'), true);
  // a story's own first paragraph: a date, a place, a dateline; 该 far into the sentence names nothing before
  assert.equal(pointsBack('3月12日早上7时，城北小学门口的道路上排起长队。'), false);
  assert.equal(pointsBack('本报讯（记者 唐敏）城南职院日前举办招聘会。'), false);
  assert.equal(pointsBack('近年来，城南职院坚持校企合作，该做法受到企业欢迎。'), false);
  assert.equal(pointsBack('同时期的老建筑大多已被拆除。'), false);
  // 该 inside a word names nothing before
  assert.equal(pointsBack('干部应该站在群众中间，倾听群众呼声。'), false);
  assert.equal(pointsBack('我们应该区分两类问题。'), false);
  assert.equal(pointsBack('我们不该区别对待。'), false);
});

test('a block that starts with one glyph and a pause, or with a mark, opens no sentence under a head; a reply, a linking word or a word may', () => {
  assert.equal(opensMidSentence('全国铁路客流平稳有', '序，多个枢纽车站增开临时列车。'), true);
  assert.equal(opensMidSentence('他说', '，这件事要办好。'), true);
  // justified text keeps its inserted spaces: `序 ， 多 个`
  assert.equal(opensMidSentence('客流平稳有', '序 ， 多 个 枢 纽 车 站'), true);
  // a word, or a glyph of reply, then a pause opens a sentence
  assert.equal(opensMidSentence('全国铁路客流平稳有', '近日，多个枢纽车站增开临时列车。'), false);
  assert.equal(opensMidSentence('你去吗', '好，我们一起去。'), false);
  assert.equal(opensMidSentence('你去吗', '嗯，我们一起去。'), false);
  // under a head, cannotOpen's particles open words: `过去一年`, `地处`, `是否`; a linking word and a pause opens a sentence
  assert.equal(opensMidSentence('客流总量预计超', '过去一年，城南湿地共记录鸟类一百余种。'), false);
  assert.equal(opensMidSentence('今年将继续', '是否延长开放时间，将视情况而定。'), false);
  assert.equal(opensMidSentence('活动还将', '另，活动期间免费停车。'), false);
});

test('a quotation after 以 at the cut goes on where 为 finishes the frame, and only there', () => {
  assert.equal(framedAcross('一场以“科学点亮梦想”', '为主题的科普活动日前举行。'), true);
  assert.equal(framedAcross('以 《 乡 村 振 兴 》', '为 题 作 报 告'), true);
  // no 以 before the quotation, or no 为 after the cut: no frame
  assert.equal(framedAcross('一场名为“科学点亮梦想”', '为主题的科普活动日前举行。'), false);
  assert.equal(framedAcross('一场以“科学点亮梦想”', '主题的科普活动日前举行。'), false);
  // 以 of 可以, 所以…: no frame; 以…作为 is one
  assert.equal(framedAcross('群众办事可以“一网通办”', '为企业节省了时间。'), false);
  assert.equal(framedAcross('以“书香校园”', '作为今年的主题。'), true);
  // the quotation still open at the cut: continues() and closesLeftOpen() say where it goes
  assert.equal(framedAcross('一场以“科学点亮', '为主题'), false);
});

test('spacing: justified line `发 布 信 息` loses its inserted spaces', () => {
  assert.ok(isSpacedOut('发 布 信 息 告 知 各 类 办 证 要 求 和 流'));
  assert.equal(running('发 布 信 息 告 知 各 类 办 证 要 求 和 流'), '发布信息告知各类办证要求和流');
  assert.equal(running('就 能 明 白 。 证 件 办 理“ 一 次 性 受'), '就能明白。证件办理“一次性受');
});

test('spacing: spaces around numbers and CJK punctuation go (`2020 年`, `“ 共 育 ”`)', () => {
  assert.equal(running('湖南化工职业技术学院 2020 年成'), '湖南化工职业技术学院2020年成');
  assert.equal(running('“ 共 育 ”队 伍 ，全 方 位'), '“共育”队伍，全方位');
  assert.equal(running('网的投入又太大 ，投资成本达 3000 万'), '网的投入又太大，投资成本达3000万');
});

test('spacing: meaningful spaces stay (Latin words, codes, headline parts)', () => {
  assert.equal(running('水 处 理 设 备 标 准（T/CCPITCUDC-'), '水处理设备标准（T/CCPITCUDC-');
  assert.equal(running('Smart City 项目'), 'Smart City项目');
  assert.equal(display('芦淞区:打好助企“组合拳” 梧桐枝茂产业兴'), '芦淞区:打好助企“组合拳” 梧桐枝茂产业兴');
  assert.equal(display('1 抓住关键 改革有力度'), '1 抓住关键 改革有力度');
  assert.equal(display('延 伸 阅 读'), '延伸阅读');
});

test('decoding: GB18030, UTF-16 and BOM are detected from the bytes', () => {
  const text = '株洲日报·掌上株洲讯 11月23日';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.equal(decode(utf16).text, text);
  assert.equal(decode(utf16).encoding, 'utf-16le');
  assert.equal(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).encoding, 'utf-8-bom');
  // 株洲 in GBK
  const gbk = Buffer.from([0xd6, 0xea, 0xd6, 0xde]);
  assert.deepEqual([decode(gbk).text, decode(gbk).encoding], ['株洲', 'gb18030']);
});

test('lines: a lone leading space starts a page; CRLF and U+3000 are read like LF and spaces', () => {
  const lines = toLines(readSample('000_9b41f1c6617766a6.txt').toString('utf8'));
  const page2 = lines.find((l) => l.page === 2)!;
  assert.equal(page2.no, 49);
  assert.equal(page2.text, '树木正华滋，清池激长流。');
  const crlf = toLines('发\u3000布\u3000信\u3000息\r\n\r\n第二行');
  assert.deepEqual(crlf.map((l) => [l.no, l.blanksBefore, l.spacedOut]), [[1, 0, true], [3, 1, false]]);
});

test('paragraphs: column lines re-join into one paragraph, ending at the short line', () => {
  const lines = toLines(readSample('000_9b41f1c6617766a6.txt').toString('utf8'));
  const blocks = toBlocks(lines, detectFlavour(lines));
  assert.equal(detectFlavour(lines), 'column');
  assert.equal(blocks[0].text, '今年以来，东安县公安局结合政法队伍教育整顿，把问策于民、问计于民与开门纳谏结合起来，在服务窗口实行三个“一次性”新举措，深化为民办实事活动。');
  assert.equal(blocks[0].first, 2);
  assert.equal(blocks[0].last, 10);
  // headline and subtitle lines printed together stay apart from the body
  const head = blocks.find((b) => b.text === '鲲鹏展翅从兹起');
  assert.ok(head, 'headline line stands alone');
});

test('paragraphs: lines with no pause set tight in a box whose first line holds one go on in their paragraph (pdfminer\'s boxes)', () => {
  // most boxes a line or two, blank lines between; the box of four lines is one paragraph, though its
  // second and third lines hold no pause (typeset news page 10, seed 37: the third read as a headline)
  const lines = toLines(['城南举办校企合作论坛', '', '本报记者 林思', '', '通讯员 陈静', '', '11月29日,城南区职业教育校企合作', '论坛暨城南区职教协会校企合作委员会', '2023年第一次会议在城南职业技术学', '院举行。', '', '会上,3所职业院校与3家企业分享了', '', '校企合作经验及感悟。', '', '城南职业技术学院(以下简称城南职院)', '', '与城南机电公司合作多年。', '', '城南机电公司与城南职院共建产', '', '业学院后，企业的新员工大多来自这里。', '', '随着订单增多，公司计划明年再招收', '', '一批实习生。', '', '社区书屋夜间开放', '', '本报讯 即日起，城东社区书屋每晚开放', '', '到九点，居民凭身份证即可借书。'].join('\n'));
  const blocks = toBlocks(lines, detectFlavour(lines));
  const opening = blocks.find((b) => b.text.startsWith('11月29日'));
  assert.ok(opening);
  assert.deepEqual([opening.first, opening.last], [7, 10]);
  assert.ok(opening.text.replace(/\s+/gu, '').endsWith('2023年第一次会议在城南职业技术学院举行。'), opening.text);
});

test('paragraphs: a vertical headline with quotation marks is one run of glyphs, its last glyph no headline of its own', () => {
  // typeset news pages, pdfminer: `…解` / `“` / `薪` / `”` / `愁` after a closing credit
  const text = ['附近居民和学生借走了两百多册书。（记者 陈立 通讯员 李华）', '', ...'社区帮老人解“网”忧', '', '老街书屋', '正式开张', '', '本报讯（记者 林晓）老街上的旧仓库改成了书屋，昨天正式开张。'].join('\n');
  const lines = toLines(text);
  const blocks = toBlocks(lines, detectFlavour(lines));
  assert.ok(blocks.some((b) => b.display === '社区帮老人解“网”忧'), blocks.map((b) => b.display).join(' | '));
  assert.ok(!blocks.some((b) => b.display === '忧'));
});

test('paragraphs: a printed line cut between two quotations set side by side is one line of the paragraph', () => {
  // pdftotext gives `“难事合力办”…，让` a line of its own after `…推动“小事马上办”`: together they are
  // one printed line wide, and a quotation closed without 。！？ inside ends no sentence
  const text = [
    '本报讯 近年来，青溪县坚持以群众需求为导向，推动政务服务',
    '事项网上办、就近办，全县二百多项事项实现了一次办结。县政',
    '务服务中心负责人说，接下来，中心将继续坚持以人民为中心，',
    '推动“小事马上办”',
    '“难事合力办”“急事加快办”“好事用心办”，让',
    '群众办事更省心、更顺心、更放心。',
  ].join('\n');
  const lines = toLines(text);
  const blocks = toBlocks(lines, detectFlavour(lines));
  assert.equal(blocks.length, 1, blocks.map((b) => b.text).join(' | '));
  assert.ok(blocks[0].text.includes('推动“小事马上办”“难事合力办”'));
  // a paragraph that ends on a quotation closing its sentence (`…。”`) still ends there
  const ended = toLines(['本报讯 县政务服务中心负责人说：“接下来，中心将继续坚持以人民为中', '心，把好事办好。”', '“难事合力办”是中心今年推出的新举措，群众办事更省心了。'].join('\n'));
  assert.equal(toBlocks(ended, detectFlavour(ended)).length, 2);
});

test('paragraphs: Markdown-like flavour keeps one paragraph per line and joins hard breaks', () => {
  const lines = toLines(readSample('002_7d39d3f504dcdd3b.txt').toString('utf8'));
  assert.equal(detectFlavour(lines), 'markdown');
  const blocks = toBlocks(lines, 'markdown');
  assert.ok(blocks.some((b) => b.display === '株洲日报全媒体记者/戴凇 通讯员/王培宏 摄'));
});

test('names: padded two-character names and a name cut by a line wrap', () => {
  assert.deepEqual(splitNames(['王 斌 徐 敏 谭 延 喜 肖 虹 易 佳', '星 刘元 余醴 喻星美 文媛 胡珂 张', '建平 张咪']), ['王斌', '徐敏', '谭延喜', '肖虹', '易佳星', '刘元', '余醴', '喻星美', '文媛', '胡珂', '张建平', '张咪']);
  assert.deepEqual(splitNames(['邱 莎 陈琴庆 聂 沛']), ['邱莎', '陈琴庆', '聂沛']);
  // a three-character name cut after two by the wrap, its last glyph alone ending the list
  assert.deepEqual(splitNames(['王立新 钟一', '苇']), ['王立新', '钟一苇']);
  assert.deepEqual(splitNames(['王立新 钟一', '李 华']), ['王立新', '钟一', '李华']);
  // …or before a name of its own on that line (a closing credit wrapped: `…谭延` / `喜 肖虹）`)
  assert.deepEqual(splitNames(['周敏 方文', '杰 李华']), ['周敏', '方文杰', '李华']);
  // not before more single glyphs, which are names set a glyph apart, nor a role's glyph (`文 王五`)
  assert.deepEqual(splitNames(['王立新 钟一', '李 华 刘 平']), ['王立新', '钟一', '李华', '刘平']);
  assert.deepEqual(parseCredits(['本报记者 张三 李四', '文 王五']).map((c) => c.name), ['张三', '李四', '王五']);
  // a role word cut by the line end is mended before the names are read (`实习` / `生 周岚`)
  assert.deepEqual(parseCredits(['本报记者 林川 实习', '生 周岚']).map((c) => c.name), ['林川', '周岚']);
});

test('names: two names closed up by the extractor are cut where the commoner surname starts the second', () => {
  // made-up names: both cuts start the second at a surname (梅 and 李); 李 is the commoner
  assert.deepEqual(splitNames(['吴寒梅李璇']), ['吴寒梅', '李璇']);
  assert.deepEqual(splitNames(['方园王小川']), ['方园', '王小川']);
  assert.deepEqual(splitNames(['欧阳明远']), ['欧阳明远']);
  assert.deepEqual(splitNames(['赵敏周丽']), ['赵敏', '周丽']);
  assert.deepEqual(splitNames(['萧然']), ['萧然']);
});

test('credits: roles with slash and space forms; a photo byline credits photographers', () => {
  assert.deepEqual(parseCredits(['株洲日报·掌上株洲记者/杨凌凌 通讯员/安蓉']), [
    { name: '杨凌凌', role: '记者' },
    { name: '安蓉', role: '通讯员' },
  ]);
  const photo = parseCredits(['湖南日报·新湖南客户端记者 徐行 通讯员 于坤 摄影报道']);
  assert.deepEqual(photo, [
    { name: '徐行', role: '摄影' },
    { name: '于坤', role: '摄影' },
  ]);
  // a role word cut by the line end
  assert.deepEqual(parseCredits(['记', '者 陈鸿飞 通讯员 周健 颜伶俐']).map((c) => c.name), ['陈鸿飞', '周健', '颜伶俐']);
  assert.ok(!photo.some((c) => /记者|通讯员/u.test(c.name)), 'no role word as a name');
  assert.equal(closingCreditStart('辅警的业务水平。（魏龙元 黄柳英）'), 8);
  assert.equal(closingCreditStart('衡南县（区）'), -1);
  // 傅 is a surname (a correspondent's credit wrapped at a name: `…（记者 孟` / `秋 通讯员 傅嘉）`, typeset news page 1, seed 19)
  assert.equal(closingCreditStart('食堂二十六个。（记者 孟\n秋 通讯员 傅嘉）'), 7);
  assert.deepEqual(parseCredits(['（记者 孟', '秋 通讯员 傅嘉）']).map((c) => c.name), ['孟秋', '傅嘉']);
});

test('dateline: outlet, date and bracketed credits', () => {
  const d = parseDateline('湖南日报·新湖南客户端6月25日讯（记者 周小雷）“十三五”以来', ['湖南日报·新湖南客户端 6月 25日讯（记者 周小雷）“十三五”以来']);
  assert.deepEqual(d, { publication: '湖南日报', date: '6月25日', credits: [{ name: '周小雷', role: '记者' }] });
  assert.equal(parseDateline('通讯员 贾宏宇 宋振威', ['通讯员 贾宏宇 宋振威']), null);
});

test('captions: text and credit split; 摄影报道 is a byline, not a caption', () => {
  assert.deepEqual(parseCaption('茈湖口镇污水处理点。 何大明 摄'), { text: '茈湖口镇污水处理点。', credit: '何大明 摄' });
  assert.deepEqual(parseCaption('白关服饰产业园一角。通讯员供图'), { text: '白关服饰产业园一角。', credit: '通讯员供图' });
  assert.deepEqual(parseCaption('游客在古镇观赏花灯。（唐欣 摄）'), { text: '游客在古镇观赏花灯。', credit: '（唐欣 摄）' });
  assert.equal(parseCaption('湖南日报·新湖南客户端记者 徐行 通讯员 于坤 摄影报道'), null);
  assert.equal(parseCaption('为了吸引更多的研学团队，该馆每年都精心组织开展“博物馆里过大年”、国际博物馆日、新春生肖文物图片展、资兴民俗风光摄'), null);
});

test('captions: a cartoon credited to its artist and the agency that sent it', () => {
  assert.deepEqual(parseCaption('减负之后 柯明远作（新华社发）'), { text: '减负之后', credit: '柯明远 作（新华社发）' });
  assert.deepEqual(parseCaption('柯明远 作（新华社发 ）'), { text: '', credit: '柯明远 作（新华社发）' });
  assert.deepEqual(parseCaption('春耕图 蒋小禾 绘'), { text: '春耕图', credit: '蒋小禾 绘' });
  // 作 ending running text or a headline is no credit: the word before it is no name, or not set apart
  assert.equal(parseCaption('两地签约深化合作'), null);
  assert.equal(parseCaption('我们要加强合作'), null);
  assert.equal(parseCaption('老街坊的新生活蒋小禾作'), null);
});

test('first lines boxed apart: the blank line under a paragraph\'s first line goes, nowhere else', () => {
  const text = [
    '城东社区图书室开门迎客',
    '',
    '有利于居民就近借书、共同读书',
    '',
    '以社区图书室为平台推动全民阅读走进家门',
    '本报记者 严明远',
    '',
    '城东新开的社区图书室这个月正式对居民开放“书',
    '',
    '香角”藏书三千多册，周末也开，附近的学生放学后',
    '常来这里写作业，管理员说每天都坐得满满的，有',
    '时还要从隔壁的活动室借几把椅子来，图书室准备',
    '明年再添一间阅览室，让更多的居民有地方看书。',
  ].join('\n');
  const lines = rejoinBoxedFirstLines(toLines(text));
  const gapBefore = (start: string) => lines.find((l) => l.text.startsWith(start))!.blanksBefore;
  // the paragraph's first line and its rest are one paragraph again
  assert.equal(gapBefore('香角”藏书'), 0);
  // a kicker with a pause over a headline (no punctuation in the line under it) keeps its gap
  assert.equal(gapBefore('以社区图书室'), 1);
  // a headline keeps its gap: narrower than the column, no pause, no word across the cut
  assert.equal(gapBefore('有利于居民'), 1);
});

test('a first line boxed apart and cut between words: exactly the column less its indent over a full line, no credit', () => {
  const column = [
    '完工了，街道两旁的老房子修旧如旧，路',
    '面换上了青石板，沿街的店铺也重新开张',
    '了，周末来逛街的市民和游客越来越多。',
  ];
  const gapUnder = (first: string, rest: string[]) => rejoinBoxedFirstLines(toLines(['城西老街完成改造', '', first, '', ...rest].join('\n'))).find((l) => l.text === rest[0])!.blanksBefore;
  assert.equal(gapUnder('城西老街的改造工程历时一年终于', column), 0);
  // a line ending in a credit, or a caption and its credit, is no first line
  assert.equal(gapUnder('老街改造今年完工了。 （林晓岚 周明）', column), 1);
  assert.equal(gapUnder('改造后的城西老街街景。 林晓岚 摄', column), 1);
  // nor a line of another width
  assert.equal(gapUnder('城西老街改造完工', column), 1);
  // the line under it counted whole where it was cut before its opening quote (`…说：` / `“…`)
  assert.equal(gapUnder('城西老街的改造工程历时一年终于', ['街坊们说：', '“老房子修旧如旧，路面换成了', '青石板，沿街的店铺也重新开张了，周', '末来逛街的人越来越多。”']), 0);
  // the line under it may hold no punctuation, when the paragraph's rest does
  assert.equal(gapUnder('城西老街的改造工程历时一年终于', ['街道两旁的老房子修旧如旧路面都换成', '了青石板，沿街的店铺也重新开张了，周', '末来逛街的市民和游客越来越多。']), 0);
  assert.equal(gapUnder('城西老街的改造工程历时一年终于', ['街道两旁的老房子修旧如旧路面都换成', '了青石板沿街的店铺也重新开张了而且周', '末来逛街的市民和游客越来越多']), 1);
});

test('bylines of other papers: text and pictures by role, marks before the role, the name first', () => {
  const read = (t: string) => (isRoleByline(t) ? parseCredits([t]).map((c) => `${c.role}:${c.name}`) : null);
  assert.deepEqual(read('文/王小明 图/李华'), ['作者:王小明', '摄影:李华']);
  assert.deepEqual(read('文｜王小明'), ['作者:王小明']);
  assert.deepEqual(read('撰文/王小明 摄影/李华'), ['作者:王小明', '摄影:李华']);
  assert.deepEqual(read('□ 文/图 王小明'), ['作者:王小明', '摄影:王小明']);
  assert.deepEqual(read('王小明 文/图'), ['作者:王小明', '摄影:王小明']);
  assert.deepEqual(read('■记者 王小明'), ['记者:王小明']);
  assert.deepEqual(read('◎本报记者 王小明 通讯员 李华'), ['记者:王小明', '通讯员:李华']);
  assert.deepEqual(read('实习生 王小明'), ['通讯员:王小明']);
  assert.deepEqual(read('记者 王小明 报道'), ['记者:王小明']);
  // a signed name ending in 文 is a name, not a name and a role; a headline is no byline
  assert.equal(read('方幼文'), null);
  assert.equal(read('文化惠民走进乡村'), null);
  assert.equal(read('图说家乡新变化'), null);
  // a closing credit naming the outlet before 记者
  assert.equal(closingCreditStart('……的成果。（本报记者 王小明）'), 6);
  assert.deepEqual(parseCredits(['（新华社记者 王小明 李华）']), [{ name: '王小明', role: '记者' }, { name: '李华', role: '记者' }]);
});

test('datelines of other papers: credits without a bracket', () => {
  const credits = (t: string) => parseDateline(t.replace(/\s+/gu, ''), [t])?.credits.map((c) => `${c.role}:${c.name}`);
  assert.deepEqual(credits('本报讯 记者王小明 通讯员李华 报道：城东新开的社区图书室'), ['记者:王小明', '通讯员:李华']);
  assert.deepEqual(credits('本报记者 王小明 北京1月4日电 城东新开的社区图书室'), ['记者:王小明']);
  // a dateline's own bracket still wins, and a lead that merely names a reporter credits no one
  assert.deepEqual(credits('本报讯（记者 孟秋）记者王小明说：城东新开的社区图书室'), ['记者:孟秋']);
});

test('captions credited to where the picture came from', () => {
  assert.deepEqual(parseCaption('城东社区图书室一角。（资料图片）'), { text: '城东社区图书室一角。', credit: '（资料图片）' });
  const given = parseCaption('城东社区图书室一角。 图片由柯媛提供')!;
  assert.deepEqual(given, { text: '城东社区图书室一角。', credit: '图片由柯媛提供' });
  assert.deepEqual(photographersOf(given.credit!), ['柯媛']);
  assert.deepEqual(photographersOf('（资料图片）'), []);
  assert.deepEqual(photographersOf('柯媛/摄'), ['柯媛']);
  // running text that mentions pictures is no caption
  assert.equal(parseCaption('他说，这些图片由村民自发提供，记录了老街的变迁。'), null);
});

test('kickers and subtitles by their own marks', () => {
  assert.ok(isKickerLabel('高质量发展看资兴⑥'));
  // the circled number made plain by NFKC; a count with its unit is a headline's
  assert.ok(isKickerLabel('高质量发展看资兴6'));
  assert.ok(!isKickerLabel('全市新增就业岗位3000个'));
  assert.ok(endsSentence('分级诊疗制度建设成效明显......'));
  assert.ok(!endsSentence('增长了1.'));
  assert.ok(isKickerLabel('聚焦衡南县高质量发展·之三'));
  assert.ok(!isKickerLabel('东安县公安局：便民服务获好评'));
  assert.ok(isSubtitle('——职业教育的株洲模式之“产教融合”篇'));
  assert.ok(!isSubtitle('——打好碧水保卫战。创新出台全国首部跨省河流协同保护地方立法《株洲市萍水河—渌水流域协同保护条例》'));
});

test('isSpacedOut: the one-pass count agrees with the regex form on every line of the sample and on odd strings', () => {
  const lines = ['000_9b41f1c6617766a6.txt', '001_9001b4056db087c2.txt', '004_1ae44c768b257489.txt'].flatMap((n) => decode(readSample(n)).text.split('\n'));
  lines.push('发 布 信 息', ' 发 布 信 息\u3000', '株 洲 生 态 😀 文 明', '\ud83d 发 布 信', 'a b c d', '①　②　③　④', '— · “ ” …');
  for (const l of lines) assert.equal(isSpacedOut(l), isSpacedOutByRegex(l), JSON.stringify(l));
});

test('classify: the table runs its rules in order, each deciding its own example before a later rule could', () => {
  // one printed example per rule, in the table's order; each would also pass a later rule (headline, body)
  const examples: [string, string, string][] = [
    ['furniture', '责任编辑：王明', 'furniture'],
    ['page-header', '33 要闻要闻2021 年 6 月 14 日 星期一', 'furniture'],
    ['affiliation', '（作者为湘江大学文学院教授）', 'credit'],
    ['closing-credit', '（魏龙元 黄柳英）', 'credit'],
    ['dateline', '株洲日报·掌上株洲讯(记者/谢嘉 通讯员/周媛)', 'dateline'],
    ['role-byline', '株洲日报·掌上株洲记者/杨凌凌 通讯员/安蓉', 'byline'],
    ['caption', '图为株洲河西城区。张咪 摄', 'caption'],
    ['photo-byline', '王明 李华 摄影报道', 'byline'],
    ['signed-name', '谢能武', 'byline'],
    ['sidebar-label', '延 伸 阅 读', 'sidebar-label'],
    ['subtitle', '——职业教育的株洲模式之“产教融合”篇', 'subtitle'],
    ['kicker', '高质量发展看资兴⑥', 'kicker'],
    ['subhead', '1 抓住关键 改革有力度', 'subhead'],
    ['headline', '鲲鹏展翅从兹起', 'headline'],
    ['body', '政法队伍教育整顿开展以来，东安县公安局不断提升服务水平。', 'body'],
  ];
  assert.deepEqual(CLASSIFY_RULES.map((r) => r.name), examples.map(([name]) => name));
  for (const [name, text, kind] of examples) {
    const block = toBlocks(toLines(text), 'markdown')[0];
    const applying = CLASSIFY_RULES.filter((r) => r.apply(block) !== null).map((r) => r.name);
    assert.equal(applying[0], name, `${text}: decided by ${applying[0]}`);
    assert.equal(classifyBlock(block).kind, kind, text);
    if (name !== 'body') assert.ok(applying.length >= 2 && applying.at(-1) === 'body', `${text}: ${applying.join(', ')}`);
  }
});

test('furniture and labels: the paper name alone, brief-column labels, campaign banners', () => {
  assert.ok(isFurniture('澧兰日报'));
  assert.ok(isFurniture('青 溪 晚 报'));
  assert.ok(!isFurniture('澧兰日报社举办读者开放日'));
  assert.ok(isSidebarLabel('延伸阅读'));
  assert.ok(isFurniture('本地快讯'));
  assert.ok(isFurniture('新闻简讯'));
  assert.ok(isFurniture('一句话新闻'));
  assert.ok(!isFurniture('县城快讯员培训班开班'));
  // the page's staff credits, as pypdf prints them under a headline (`制图 ：许念真`)
  assert.ok(isFurniture('制图 ：王小川'));
  assert.ok(isFurniture('本版制图：王小川'));
  assert.ok(isFurniture('图片编辑：王小川'));
  assert.ok(!isFurniture('制图员王小川一干就是三十年'));
  // the paper's contact lines at the page's foot; a sentence that names a hotline is text
  assert.ok(isFurniture('新闻热线：0731-12345678'));
  assert.ok(isFurniture('投稿邮箱：news@example.com'));
  assert.ok(isFurniture('邮政编码 410005'));
  assert.ok(!isFurniture('热线电话让群众办事更方便'));
  assert.ok(!isFurniture('电话：打了三次都没人接，我们只好上门。'));
  assert.ok(isCampaignBanner('认真学习宣传贯彻党的二十大精神'));
  assert.ok(isCampaignBanner('学习贯彻习近平新时代中国特色社会主义思想'));
  assert.ok(!isCampaignBanner('学习贯彻全会精神要落到实处，县里召开动员会'));
  // the banner of a series of symposium papers labels the page's group of essays, not one of them
  assert.ok(isCampaignBanner('学习宣传贯彻党的二十大精神系列研讨会发言摘编'));
  assert.ok(isCampaignBanner('深入学习贯彻习近平总书记重要讲话座谈会发言'));
  assert.ok(!isCampaignBanner('学习贯彻全会精神研讨会在长沙召开'));
});

test('datelines: `…电` after a date opens a story; `讯` ending a word does not', () => {
  assert.deepEqual(parseDateline('新华社哈尔滨1月14日电（记者 秦朗）受较强冷空气影响', ['新华社哈尔滨1月14日电（记者 秦朗）受较强冷空气影响']), {
    publication: '新华社',
    date: '1月14日',
    credits: [{ name: '秦朗', role: '记者' }],
  });
  assert.equal(parseDateline('今年以来，厂里发电量同比增长两成', ['今年以来，厂里发电量同比增长两成']), null);
  assert.equal(parseDateline('本地快讯青溪县图书馆延长开放时间', ['本地快讯青溪县图书馆延长开放时间']), null);
  assert.equal(parseDateline('村民闻讯赶来帮忙', ['村民闻讯赶来帮忙']), null);
  // …but a paper whose name ends in 新闻 dates its own stories so (`云梦新闻讯（记者 …）`)
  assert.deepEqual(parseDateline('青溪新闻讯（记者 谢能武）入夏以来', ['青溪新闻讯（记者 谢能武）入夏以来'])?.credits, [{ name: '谢能武', role: '记者' }]);
  assert.ok(opensDateline('青溪新闻讯（记者 谢能武）入夏以来，位'));
  assert.ok(!opensDateline('群众闻讯赶来（图）'));
  // `本报讯` is a word of nothing else: it opens a story bare (`本报讯推进…`), not a `…讯` of another paper
  assert.ok(opensDateline('本报讯推进访企拓岗促就业'));
  assert.ok(!opensDateline('青溪晚报讯推进访企拓岗促就业'));
  assert.equal(parseDateline('电视新闻讯息中说，明天降温', ['电视新闻讯息中说，明天降温']), null);
});

test('glued boxes: the next story\'s dateline printed right after a sentence\'s end goes on a line of its own', () => {
  assert.deepEqual(splitGluedDateline('居民不需出资。本报讯 本周六上午，'), ['居民不需出资。', '本报讯 本周六上午，']);
  assert.deepEqual(splitGluedDateline('他说：“我们都很满意。”新华社长沙6月25日电（记者 林晓）'), ['他说：“我们都很满意。”', '新华社长沙6月25日电（记者 林晓）']);
  assert.deepEqual(splitGluedDateline('活动顺利结束。江川日报讯（记者 孟凡）本周六'), ['活动顺利结束。', '江川日报讯（记者 孟凡）本周六']);
  // only a dateline naming its outlet: a date and 讯 or 电 read as much as a sentence going on, and a
  // wire dateline quoted as a source follows 据; a word ending in 讯 (简讯) opens no story
  for (const line of ['多次在小区内作案。民警于3月5日讯问了犯罪嫌疑人', '进行了报道。据新华社北京1月26日电，交通运输部表示', '活动结束。县里在3月5日电（', '活动已经结束。简讯栏目下周恢复', '居民不需出资。更换工作下月完成']) assert.deepEqual(splitGluedDateline(line), [line]);
});

test('glued boxes: a headline printed right after a closing credit goes on a line of its own', () => {
  assert.deepEqual(splitGluedCredit('资金已全部发放到位。（记者 黎川）部分路段今晚停水检修'), ['资金已全部发放到位。（记者 黎川）', '部分路段今晚停水检修']);
  // the bracket begun on the line before
  assert.deepEqual(splitGluedCredit('喜 通讯员 聂沛）让阅读成为城市的日常', '民警将老人送回家中。（记者 许天'), ['喜 通讯员 聂沛）', '让阅读成为城市的日常']);
  assert.deepEqual(splitGluedCredit('讯员 李永亮）青春涪口,创业新城。 咏洲 摄', '工作已全部完成。（记者 杨清 通'), ['讯员 李永亮）', '青春涪口,创业新城。 咏洲 摄']);
  // …or after an essay's affiliation note
  assert.deepEqual(splitGluedCredit('（作者为市农业科学研究所研究员）夏收夏种', '为全年粮食丰收打下坚实基础。'), ['（作者为市农业科学研究所研究员）', '夏收夏种']);
  // …or the next story's dateline
  assert.deepEqual(splitGluedCredit('龙）本报讯“开学啦！”九月一日上午，', '孩子们在操场上列队迎接新学期。（记者 王晓'), ['龙）', '本报讯“开学啦！”九月一日上午，']);
  // a dateline's credit is followed by the lead, not by a headline
  assert.deepEqual(splitGluedCredit('（记者 王芳 通讯员 谭琰琳）6 月 24', '湖南日报·新湖南客户端 6 月 25 日讯'), ['（记者 王芳 通讯员 谭琰琳）6 月 24']);
  assert.deepEqual(splitGluedCredit('新华社贵阳1月30日电（记者 冉静）记者日前'), ['新华社贵阳1月30日电（记者 冉静）记者日前']);
  // a bracket of other words, or running text after it, is left alone
  assert.deepEqual(splitGluedCredit('项目已经开工。（下转第二版）明天继续'), ['项目已经开工。（下转第二版）明天继续']);
  assert.deepEqual(splitGluedCredit('资金已全部发放到位。（记者 黎川）今天，县里又召开了会议，部署下一步工作'), ['资金已全部发放到位。（记者 黎川）今天，县里又召开了会议，部署下一步工作']);
});

test('glued boxes: a photo caption ending in its credit, the next story\'s dateline glued after it, is cut where the credit ends', () => {
  // pdf2md writes the caption's box and the story's first line as one line
  assert.deepEqual(splitGluedCredit('湖滨公园新步道全景。 本报记者 林平 摄 本报讯湖滨公园新修的健身步道昨天开放，'), ['湖滨公园新步道全景。 本报记者 林平 摄', '本报讯湖滨公园新修的健身步道昨天开放，']);
  assert.deepEqual(splitGluedCredit('游客在步道上散步。 龚毅 摄 新华社长沙6月25日电（记者 林晓）经过八个月的施工'), ['游客在步道上散步。 龚毅 摄', '新华社长沙6月25日电（记者 林晓）经过八个月的施工']);
  // a sentence that says 摄 before other words, or a credit with running text after it, is left alone
  assert.deepEqual(splitGluedCredit('他说，这些照片是老李摄 本报讯昨天'), ['他说，这些照片是老李摄 本报讯昨天']);
  assert.deepEqual(splitGluedCredit('游客在步道上散步。 龚毅 摄 今天上午又来了很多人'), ['游客在步道上散步。 龚毅 摄 今天上午又来了很多人']);
});

test('overprint: display type printed wholly twice over is printed once; anything printed once stays', () => {
  assert.equal(halveOverprint('新征途新征途：：乡村振兴的时代答卷乡村振兴的时代答卷'), '新征途：乡村振兴的时代答卷');
  assert.equal(halveOverprint('叶青禾叶青禾'), '叶青禾');
  assert.equal(halveOverprint('叶青禾 叶青禾'), '叶青禾');
  assert.equal(halveOverprint('一步一步走'), null);
  assert.equal(halveOverprint('看看'), null);
  assert.equal(halveOverprint('哈哈哈哈'), null);
  assert.equal(halveOverprint('乡村振兴的时代答卷'), null);
});

test('datelines: the credit bracket keeps the spaces between names, a role word on a new line parted from the name before it', () => {
  assert.equal(spacedCreditBracket(['湖南日报·新湖南客户端6月25日讯（记', '者 陈鸿飞 通讯员 周健 颜伶俐）6 月 23 日']), '（记者 陈鸿飞 通讯员 周健 颜伶俐）');
  assert.equal(spacedCreditBracket(['湖南日报·新湖南客户端 6月 25 日讯（通讯员 杨清', '', '记者 李永亮）6月24日，…']), '（通讯员 杨清 记者 李永亮）');
  assert.equal(spacedCreditBracket(['本报讯（记者 王', '芳）今年以来']), '（记者 王芳）');
  assert.equal(spacedCreditBracket(['本报讯 今年以来，县里开展了活动']), null);
});

test('display type: a headline wrapped every few characters in a narrow column is one headline, a paragraph of wide lines is not', () => {
  const blocksOf = (text: string) => {
    const lines = toLines(text);
    return toBlocks(lines, detectFlavour(lines)).map((b) => classifyBlock(b));
  };
  // four lines of 4 em: more lines than display type usually takes, each as narrow as a headline column
  const narrow = blocksOf('县城\n\n衡山县巡\n特警暖心\n举动感动\n卖菜老人\n\n本报讯（记者 龙晓）6月13日上午，县公安局巡特警大队接到指令称，城西市场有一位老奶奶卖菜时遇到了难处。\n');
  assert.deepEqual(
    narrow.map((b) => [b.kind, b.display]),
    [
      ['headline', '县城'],
      ['headline', '衡山县巡特警暖心举动感动卖菜老人'],
      ['body', '本报讯（记者 龙晓）6月13日上午，县公安局巡特警大队接到指令称，城西市场有一位老奶奶卖菜时遇到了难处。'],
    ],
  );
  // the same words on four lines of running-text width stay running text
  const wide = blocksOf('县城\n\n衡山县巡特警暖心举动感动\n卖菜老人的事在城西市场\n传开了大家都说这些年轻\n人做得好\n');
  assert.equal(wide[1].kind, 'body');
});

test('glued vertical run: the last glyph of a vertical headline glued to the next line goes back to the run', () => {
  // the glyph completes a word of the run (`候鸟`), or closes the quote the run opened
  assert.deepEqual(splitGluedVertical('鸟白鹭在滩涂上觅食。 龙晓 摄', '江滩迎来越冬候'), ['鸟', '白鹭在滩涂上觅食。 龙晓 摄']);
  assert.deepEqual(splitGluedVertical('”老街新景。图为修缮后的骑楼。', '留住“城市记忆'), ['”', '老街新景。图为修缮后的骑楼。']);
  // a line that starts a word of its own after the run is the next headline, whole
  assert.deepEqual(splitGluedVertical('北方多地迎来降雪', '全县加快疫苗接种'), ['北方多地迎来降雪']);
  // two runs side by side (`通本` / `讯报`), a mark in the run (`展·`), too short a run: left alone
  assert.deepEqual(splitGluedVertical('讯 报', '湖通'), ['讯 报']);
  assert.deepEqual(splitGluedVertical('展·之三', '高质量发'), ['展·之三']);
  assert.deepEqual(splitGluedVertical('鸟白鹭在滩涂上觅食。', '候'), ['鸟白鹭在滩涂上觅食。']);
  // a vertical byline ending in a surname and one glyph more, after whole names or none: the glued
  // glyph, starting no word of the line, is the last name's third
  assert.deepEqual(splitGluedVertical('华在城东一家老纺织厂的厂房里', '本报记者周立'), ['华', '在城东一家老纺织厂的厂房里']);
  assert.deepEqual(splitGluedVertical('威城区新增两条公交线路', '本报记者龚柏通讯员贾宏宇宋振'), ['威', '城区新增两条公交线路']);
  // …not after a single glyph (no name of one glyph), nor where the glyph starts a word of the line
  assert.deepEqual(splitGluedVertical('威城区新增两条公交线路', '本报记者龚宋振'), ['威城区新增两条公交线路']);
  assert.deepEqual(splitGluedVertical('明天起实行新的作息时间', '本报记者周立'), ['明天起实行新的作息时间']);
  // a whole name run on into a headline that opens with a name: the glyph starts a word of its line
  assert.deepEqual(splitGluedVertical('黄永玉倡议并题名的吉首画桥启用', '本报记者周小雷'), ['黄永玉倡议并题名的吉首画桥启用']);
});

test('affiliation note: a line opening `（作者为…` never runs into the paragraph before it', () => {
  const text =
    '乡村振兴，人才是关键。要让懂农业、爱农村的年轻人留得下、干得好，就要在住房、子女上学和职业发展上给出实实在在的保障。\n各地的探索表明，人才回流的地方，产业也跟着兴旺起来。\n（作者为某农业大学教授）\n让人才在乡村留得住\n贺岚\n' +
    '城市更新不是大拆大建，而是要在保留城市记忆的同时改善居民生活。老街区的改造，应当先听居民怎么说。\n一些城市的实践证明，微改造同样能让老街区焕发新的活力。\n（作者为某城市规划研究院研究员）\n城市更新要留住烟火气\n龙晓\n';
  const lines = toLines(text);
  const blocks = toBlocks(lines, detectFlavour(lines)).map((b) => classifyBlock(b));
  assert.deepEqual(
    blocks.slice(-4).map((b) => [b.kind, b.display]),
    [
      ['body', '一些城市的实践证明，微改造同样能让老街区焕发新的活力。'],
      ['credit', '（作者为某城市规划研究院研究员）'],
      ['headline', '城市更新要留住烟火气'],
      ['byline', '龙晓'],
    ],
  );
});

test('glued byline: a byline run into the story\'s first line goes on a line of its own', () => {
  assert.deepEqual(splitGluedByline('本报记者 贺岚峰今年以来，全县新建乡村图书室四十二个，'), ['本报记者 贺岚峰', '今年以来，全县新建乡村图书室四十二个，']);
  assert.deepEqual(splitGluedByline('记者 龙晓春节前夕，记者走进城东社区，看到'), ['记者 龙晓', '春节前夕，记者走进城东社区，看到']);
  // two names, the text glued to the second (typeset news pages, pypdf)
  assert.deepEqual(splitGluedByline('通讯员 周媛 林一帆11月23日,全区中青年干部培训班开班。'), ['通讯员 周媛 林一帆', '11月23日,全区中青年干部培训班开班。']);
  // a byline alone, two roles on one line, a photo credit: left alone
  assert.deepEqual(splitGluedByline('本报记者 贺岚峰'), ['本报记者 贺岚峰']);
  assert.deepEqual(splitGluedByline('本报记者 贺岚峰 通讯员 龙晓'), ['本报记者 贺岚峰 通讯员 龙晓']);
  assert.deepEqual(splitGluedByline('本报记者 贺岚峰 摄'), ['本报记者 贺岚峰 摄']);
});

test('glued signed name: an essay author run into the first line of the next essay goes on a line of its own', () => {
  // pdf2md: after the essay's head (display, no sentence punctuation) or its last sentence, a name,
  // a space, then a sentence under way
  assert.deepEqual(splitGluedSignedName(' 李文华 近年来，不少城市兴起了“网红街区”热，一些地方照搬外地模式。', '### 让老街留住烟火气'), ['李文华', '近年来，不少城市兴起了“网红街区”热，一些地方照搬外地模式。']);
  assert.deepEqual(splitGluedSignedName('李文华 近年来，不少城市兴起了“网红街区”热，一些地方照搬外地模式。', '千街一面的问题值得重视。'), ['李文华', '近年来，不少城市兴起了“网红街区”热，一些地方照搬外地模式。']);
  // pypdf: a name closed up before a justified (spaced-out) line
  assert.deepEqual(splitGluedSignedName('李文华 城 市 更 新 要 尊 重 历 史'), ['李文华', '城 市 更 新 要 尊 重 历 史']);
  // inside a paragraph left mid-sentence, a list of names, a word that is no name: left alone
  assert.deepEqual(splitGluedSignedName('李文华 近年来，不少城市兴起了“网红街区”热，一些地方照搬外地模式。', '据介绍，'), ['李文华 近年来，不少城市兴起了“网红街区”热，一些地方照搬外地模式。']);
  assert.deepEqual(splitGluedSignedName('李文华 王小明 陈晓雨', '### 让老街留住烟火气'), ['李文华 王小明 陈晓雨']);
  assert.deepEqual(splitGluedSignedName('近年来 不少城市兴起了“网红街区”热，一些地方照搬外地模式。', '### 让老街留住烟火气'), ['近年来 不少城市兴起了“网红街区”热，一些地方照搬外地模式。']);
});

test('glued narrow box: the last characters of a boxed headline glued to the dateline go back to the box', () => {
  // after three lines of four: the last glyph (`人本报讯（…`)
  assert.deepEqual(splitGluedBoxEnd('民本报讯（记者 龙晓）本月起，', 4, 3), ['民', '本报讯（记者 龙晓）本月起，']);
  // after two: a whole line of the box, before an agency's dateline
  assert.deepEqual(splitGluedBoxEnd('得新进展新华社长沙3月5日电（记者', 4, 2), ['得新进展', '新华社长沙3月5日电（记者']);
  // a paper's own name opening its dateline is not cut short (`青溪晚报讯`), nor a line after one box line
  assert.deepEqual(splitGluedBoxEnd('青溪晚报讯（记者 何子衿）一早，', 4, 3), ['青溪晚报讯（记者 何子衿）一早，']);
  assert.deepEqual(splitGluedBoxEnd('民本报讯（记者 龙晓）本月起，', 4, 1), ['民本报讯（记者 龙晓）本月起，']);
  // …unless the file names that paper standing alone (its masthead): then its name opens the dateline
  assert.deepEqual(splitGluedBoxEnd('民青溪晚报讯（记者 何子衿）一早，', 4, 3, ['青溪晚报']), ['民', '青溪晚报讯（记者 何子衿）一早，']);
  assert.deepEqual(splitGluedBoxEnd('青溪晚报讯（记者 何子衿）一早，', 4, 3, ['青溪晚报']), ['青溪晚报讯（记者 何子衿）一早，']);
  // `本报讯` opens a dateline with no reporter or date after it
  assert.deepEqual(splitGluedBoxEnd('招聘会本报讯日前，城区举办春季招聘会，', 4, 3), ['招聘会', '本报讯日前，城区举办春季招聘会，']);
  assert.deepEqual(splitGluedBoxEnd('招聘会新讯日前，城区举办春季招聘会，', 4, 3), ['招聘会新讯日前，城区举办春季招聘会，']);
  // …or to the next headline set in a narrow box of its own, as long as the line after it
  assert.deepEqual(splitGluedBoxEnd('交流乡村书屋迎来', 4, 2, [], '新一批小读者'), ['交流', '乡村书屋迎来']);
  // a box's last line shorter than the others is no glued line (`人才专场` / `招聘会`)
  assert.deepEqual(splitGluedBoxEnd('人才专场', 4, 2, [], '招聘会'), ['人才专场']);
});

test('glued display tail: a kicker printed beside a story\'s last line, on its baseline, goes on a line of its own', () => {
  // a column of 16: the story's last line and the first characters of the next box's kicker
  assert.deepEqual(splitGluedDisplayTail('夜间开放后，每晚读者多了不少。书香进万家', 16, '城南社区'), ['夜间开放后，每晚读者多了不少。', '书香进万家']);
  // the line after it is running text, or a blank line stands between: left alone
  assert.deepEqual(splitGluedDisplayTail('夜间开放后，每晚读者多了不少。书香进万家', 16, '书屋负责人介绍，'), ['夜间开放后，每晚读者多了不少。书香进万家']);
  assert.deepEqual(splitGluedDisplayTail('夜间开放后，每晚读者多了不少。书香进万家', 16, ''), ['夜间开放后，每晚读者多了不少。书香进万家']);
  // a sentence's next words that fill the column's line (`下一步将`), or fewer than four characters
  assert.deepEqual(splitGluedDisplayTail('每晚读者由十几人增加到五十多人。下一步将', 20, '城南社区'), ['每晚读者由十几人增加到五十多人。下一步将']);
  assert.deepEqual(splitGluedDisplayTail('夜间开放后，每晚读者多了不少。书香进', 16, '城南社区'), ['夜间开放后，每晚读者多了不少。书香进']);
  // a one-line headline glued after a paragraph's short last line, its story under it: its words
  // come again in the story's first lines
  assert.deepEqual(splitGluedDisplayTail('接待读者三百余人次。社区书屋夜读成风尚', 26, '城南社区书屋本月起延长开放时间，夜读', '城南社区书屋本月起延长开放时间，夜读的读者一天比一天多。'), ['接待读者三百余人次。', '社区书屋夜读成风尚']);
  // …or before the story's dateline, however wide the line
  assert.deepEqual(splitGluedDisplayTail('书屋还将增设亲子阅读区。社区书屋夜读成风尚', 18, '本报讯（记者 唐小溪）城南社区书屋', '本报讯（记者 唐小溪）城南社区书屋本月起夜读开放'), ['书屋还将增设亲子阅读区。', '社区书屋夜读成风尚']);
  // a sentence's first words on a line a little short of its column, going on in the next line
  assert.deepEqual(splitGluedDisplayTail('打赢这场硬仗。社区书屋夜读', 15.5, '服务实施以来，社区书屋夜读的', '服务实施以来，社区书屋夜读的人多了。'), ['打赢这场硬仗。社区书屋夜读']);
  // or a word running across into the next line (`…夜读` / `书屋`): the sentence goes on
  assert.deepEqual(splitGluedDisplayTail('接待读者三百余人次。城南社区书', 26, '屋本月起延长开放时间，城南社区书屋', '屋本月起延长开放时间，城南社区书屋夜读'), ['接待读者三百余人次。城南社区书']);
  // without the glued characters the line would still be too wide for its column: not glued there
  assert.deepEqual(splitGluedDisplayTail('夜间开放后，每晚到书屋的读者由十几人增加到五十多人。书香进万家', 16, '城南社区'), ['夜间开放后，每晚到书屋的读者由十几人增加到五十多人。书香进万家']);
  // the first line of a headline set in a narrow box, the box's lines under it (as wide, then no
  // wider), glued to a line as wide as its column
  const full = '做好了迎接新学期的准备。“教室都检查过了，”一位校长说。开学首日';
  assert.deepEqual(splitGluedDisplayTail(full, 33, '校园迎来', '校园迎来新学期', ['校园迎来', '新学期']), ['做好了迎接新学期的准备。“教室都检查过了，”一位校长说。', '开学首日']);
  // lines under it wider than the glued words, or only one of them, or running text: no box
  assert.deepEqual(splitGluedDisplayTail(full, 33, '校园迎来了', '校园迎来了新学期', ['校园迎来了', '新学期']), [full]);
  assert.deepEqual(splitGluedDisplayTail(full, 33, '校园迎来', '校园迎来', ['校园迎来', '']), [full]);
  assert.deepEqual(splitGluedDisplayTail(full, 33, '校园迎来', '校园迎来新学期，', ['校园迎来', '新学期，']), [full]);
});

test('the papers a file names standing alone: a masthead or a page header, never a paper named in a sentence', () => {
  assert.deepEqual(namedPapers(['第12版综合2023 年 1 月 15 日 星期日 青溪晚报', '芷汀时报', '据云梦日报报道，城区新增两条公交线路。']), ['芷汀时报', '青溪晚报']);
});

test('joined printed lines: a converter line of printed lines joined by spaces splits where a short line ends a sentence', () => {
  const story = '本报讯 为方便上班族借阅图书，城南街道 社区书屋从本月起延长开放时间，每晚开 放至九点。 书屋负责人介绍，夜间开放后， 每晚到馆读者由十几人增加到五十多人， 不少家长带孩子来看书。 下一步，书屋还将增设亲子阅读区，并 定期举办读书分享会。';
  const { paragraphs, column } = splitJoinedLines(story);
  assert.deepEqual(
    paragraphs.map((p) => p.text.replace(/ /gu, '')),
    ['本报讯为方便上班族借阅图书，城南街道社区书屋从本月起延长开放时间，每晚开放至九点。', '书屋负责人介绍，夜间开放后，每晚到馆读者由十几人增加到五十多人，不少家长带孩子来看书。', '下一步，书屋还将增设亲子阅读区，并定期举办读书分享会。'],
  );
  assert.equal(column, 17.5); // the upper quartile of the printed lines (`，` is half an em)
  assert.deepEqual(paragraphs.map((p) => p.lastWidth), [4.5, 10.5, 9.5]);
  // a sentence that ends on a full printed line goes on: the paragraph ends only at a short one
  assert.equal(splitJoinedLines('书屋负责人介绍，夜间开放后读者增加了。 每晚到馆读者由十几人增加到五十多人， 不少家长带着孩子一起来馆里看书， 书屋还将增设亲子阅读区。').paragraphs.length, 1);
  // names and a justified line spaced a character apart are no printed lines
  assert.equal(splitJoinedLines('本报记者 王芳 通讯员 谭琰琳 李明').paragraphs.length, 1);
  assert.equal(splitJoinedLines('发 布 信 息 告 知 各 类 办 证 要 求 和 流 程 。 办 证').paragraphs.length, 1);
});

test('narrow box: two figures or Latin letters take one cell of a box line', () => {
  assert.equal(boxLineLength('12个充电'), 4);
  assert.equal(boxLineLength('站集中投'), 4);
  // each run by itself: `1个2个` is four cells, not three
  assert.equal(boxLineLength('1个2个'), 4);
  // a line with sentence punctuation is no box line
  assert.equal(boxLineLength('12个，充电'), 0);
});

test('quote cut: the measure of a run counts a printed line cut before its opening quote whole, not two full lines', () => {
  const line = (text: string, width: number, blanksBefore = 0): SourceLine => ({ no: 1, raw: text, text, heading: 0, blanksBefore, tight: false, pageStart: false, page: 1, spacedOut: false, width, hardBreak: false });
  // `…大会上讲：` / `“书要…`: 8.5 + 9.5 em make one 18-em line of the run
  assert.equal(runMeasure([line('书在村民大会上讲：', 8.5, 1), line('“书要让每户都读上。”', 9.5), line('如今书屋每月借出图书两百多册农闲时', 17)]), 18);
  // a full line ending in a colon and a full line opening a quotation are two lines
  assert.equal(runMeasure([line('村里的书屋办起来已经三年了老支书讲：', 18, 1), line('“书屋的书要让每户人家都读上还要常', 18), line('来看。”', 3)]), 18);
});

test('narrow head boxes: a short run before a box does not hide it, and a box as wide as a kicker wants four lines or three full', () => {
  const boxedTexts = (text: string) => {
    const lines = toLines(text);
    return toBlocks(lines, detectFlavour(lines)).filter((b) => b.boxed).map((b) => b.display);
  };
  // a line of the box's length a blank line above it (a masthead) and too short a run with it: the
  // box starts at the next line all the same, and is not cut from its first line by the column's width
  const masthead = '本报讯城东新建的两座公共停车场昨天投入使用，共提供停车位六百\n余个，缓解了周边医院和学校的停车难。（记者 苏禾）\n\n青溪晚报\n\n';
  assert.deepEqual(boxedTexts(`${masthead}老街入选\n首批,全\n省唯一一\n个“示范\n街”“老\n字号”集\n聚区来了\n\n本报记者 林川`), ['老街入选首批,全省唯一一个“示范街”“老字号”集聚区来了']);
  // seven wide: the first line one short before an opening quote, the last line's closing quote hung
  assert.deepEqual(boxedTexts('城区开展冬季\n“文明交通进社\n区”活动百余名\n志愿者走上街头\n劝导市民“礼让”\n本报记者 林川'), ['城区开展冬季“文明交通进社区”活动百余名志愿者走上街头劝导市民“礼让”']);
  // seven wide, three lines, the last short: no box (a kicker over a headline of two)
  assert.deepEqual(boxedTexts('织密冬季防火网\n老旧小区消防设\n施全面更新\n本报讯入冬以来，城区对老旧小区的消防设施逐一排查。'), []);
  // …but three full ones are (a box's line may fall one short where a mark may not open the next)
  assert.deepEqual(boxedTexts('城西区:建好助\n企“服务站”解\n企业发展难题\n本报讯城西区日前建成企业服务站。'), ['城西区:建好助企“服务站”解企业发展难题']);
});

// A page of typeset news (seed 11 page 3, pypdf): a closing credit set tight over the next story's
// head box (`（记者 戴凇 通讯员` / `朱泉霖）` / `加强合作` / …)
const CREDIT_OVER_BOX = '随着国内储能市场井喷式发\n展,中车株洲所在与湖南铁科职院\n合作建立了“时代工匠产业学院”,并在湖南省首次开设了储能\n专业。双方秉承“专业共建、人才\n共育、师资共培、就业共担”的原\n则,特别强调了校企共同开发的理\n念。在此基础上,双方积极推动储\n能专业的实践培训,以确保学生毕\n业后具备符合实际工作需要的专业\n技能。通过对标岗位需求,目前每\n年为企业量身培养100名以上新能\n源行业技术人才,填补了新兴产业\n的人才缺口。（记者 戴凇 通讯员\n朱泉霖）加强合作\n校企来了\n一次经验\n分享青少年科普活\n动走进乡村学\n校';
/** The blocks of a page and the one its credit opens. */
function creditBlock(text: string) {
  const lines = toLines(text);
  const blocks = toBlocks(lines, detectFlavour(lines));
  const credit = blocks.find((b) => b.display.startsWith('（记者 戴凇'));
  assert.ok(credit, 'the credit opens a block');
  return { blocks, credit };
}

test('narrow head boxes: a block that opens on a closing credit is no box (typeset news, seed 11 page 3, pypdf)', () => {
  // the credit's lines join the head box's block; read as a box, the credit became that head's kicker
  const { blocks, credit } = creditBlock(CREDIT_OVER_BOX);
  assert.notEqual(credit.boxed, true);
  // the next head's box, a block of its own, still is one
  assert.equal(blocks.find((b) => b.display.startsWith('青少年科普活'))?.boxed, true);
});

test('narrow head boxes: a credit over three lines, set tight over the next head box, makes its block no box', () => {
  // the same page with one more name in the credit (`…通讯员` / `朱泉霖 李` / `明）`): the block opens
  // on the bracket, closed two lines down
  const threeLines = CREDIT_OVER_BOX.replace('朱泉霖）加强合作', '朱泉霖 李\n明）加强合作');
  assert.notEqual(threeLines, CREDIT_OVER_BOX);
  assert.notEqual(creditBlock(threeLines).credit.boxed, true);
});

test('a box opened by a set-in line: the line goes on into the full lines set tight under it, a miner boxing heads apart', () => {
  // pdfminer's boxes, blank lines between them and inside paragraphs (typeset news page 8, seed 31)
  const text = [
    '老街夜市人气旺', '', '——摊位增至八十个', '', '新华社长沙3月8日电（记者', '', '孙晓悦）入夜以来，滨江老街夜', '',
    '市人头攒动，小吃摊前围满游客', '十分热闹。', '', '在一家开了二十多年的米粉', '老店里，食客们坐满了每一张桌',
    '子和长板凳。店主老陈介绍，', '', '今晚生意比平时多了一倍，备好', '', '的米粉早早就全部卖完了。',
  ].join('\n');
  const lines = toLines(text);
  const blocks = toBlocks(lines, detectFlavour(lines)).map((b) => b.text.replace(/\s+/gu, ''));
  assert.ok(blocks.includes('在一家开了二十多年的米粉老店里，食客们坐满了每一张桌子和长板凳。店主老陈介绍，'), blocks.join(' | '));
});

test('a vertical headline printed beside a narrow box, a glyph and a box line a text line, is taken apart: the box, a blank line, the glyphs', () => {
  const text = ['防 未雨', '汛 绸缪', '物', '资', '运', '抵', '乡', '镇', '', '本报讯近日，一批编织袋、救生衣和抽水泵运抵各乡镇，入库备用。', '', '各乡镇还组织了抢险队伍，开展防汛演练。'];
  const lines = splitVerticalBeside(text.map((t, i) => ({ no: i + 1, text: t })));
  assert.deepEqual(lines.map((l) => l.text), ['未雨', '绸缪', '', '防', '汛', '物', '资', '运', '抵', '乡', '镇', '', ...text.slice(9)]);
  // each piece keeps the number of the line it came from
  assert.deepEqual(lines.filter((l) => l.text === '未雨' || l.text === '防').map((l) => l.no), [1, 1]);
  // read through the segmenter: the box is the kicker, the glyphs the headline
  const [article] = segmentFile('beside.txt', Buffer.from(text.join('\n'))).articles;
  assert.equal(article.title, '防汛物资运抵乡镇');
  assert.equal(article.kicker, '未雨绸缪');
  // a spaced surname over a name list is no such run (one line, and names after it), nor are three
  // lines side by side, glyphs of two of them alone between (too little to part)
  for (const other of [['王 明远', '李', '华'], ['衡 改南', '南 ”县', '县 出高', '质', '全', '面 群发']]) {
    assert.deepEqual(splitVerticalBeside(other.map((t, i) => ({ no: i + 1, text: t }))).map((l) => l.text), other);
  }
});

test('two vertical lines side by side, a glyph of each a text line, are taken apart: the right line, a blank line, the left; not when two splits read as well, nor inside text', () => {
  const lines = (text: string[]) => text.map((t, i) => ({ no: i + 1, text: t }));
  const run = ['百', '年 老', '骑', '楼 街', '重', '现 换', '昔', '日 新', '风', '貌 颜'];
  const text = ['', ...run, '', '本报讯历时两年，城东老街改造日前完工。'];
  const out = splitVerticalPair(lines(text));
  assert.deepEqual(out.map((l) => l.text), ['', '老', '街', '换', '新', '颜', '', '百', '年', '骑', '楼', '重', '现', '昔', '日', '风', '貌', '', text.at(-1)]);
  // each glyph keeps the number of the row it came from
  assert.deepEqual(out.filter((l) => l.text === '老' || l.text === '年' || l.text === '百').map((l) => l.no), [3, 2, 3]);
  // a dash on a row of its own over the run opens the line of more glyphs, the subtitle
  assert.deepEqual(splitVerticalPair(lines(['——', '', ...run, ''])).map((l) => l.text).slice(0, 8), ['老', '街', '换', '新', '颜', '', '——', '百']);
  // `完工` reads as well at the end of either line (城东老街改造 / 百年骑楼重现昔日风貌完工): left as printed
  const tie = ['', '城', '百 东', '年', '骑 老', '楼', '重 街', '现', '昔 改', '日', '风 造', '貌', '完', '工', ''];
  assert.deepEqual(splitVerticalPair(lines(tie)).map((l) => l.text), tie);
  // rows run into from text are a part of three lines side by side, which the rows cannot part
  const inside = ['衡 改南', ...run, ''];
  assert.deepEqual(splitVerticalPair(lines(inside)).map((l) => l.text), inside);
  // one row of two is a spaced surname as often
  const name = ['', '王 明', '远', ''];
  assert.deepEqual(splitVerticalPair(lines(name)).map((l) => l.text), name);
  // rows of two and no glyph alone give nodejieba nothing to judge
  const twos = ['', '男 女', '老 少', ''];
  assert.deepEqual(splitVerticalPair(lines(twos)).map((l) => l.text), twos);
  // a row led by a space is a new page's first line: the run is left as printed, the mark with it
  const paged = ['', ` ${run[0]}`, ...run.slice(1), ''];
  assert.deepEqual(splitVerticalPair(lines(paged)).map((l) => l.text), paged);
  assert.deepEqual(splitVerticalBeside(lines([' 防 未雨', '汛 绸缪', '物', '资'])).map((l) => l.text), [' 防 未雨', '汛 绸缪', '物', '资']);
});

test('paragraphs: a subtitle led by a dash takes its wrapped end, the shorter line set tight under it; not a name under it, nor the story', () => {
  const blocksOf = (text: string[]) => {
    const lines = toLines(text.join('\n'));
    return toBlocks(lines, detectFlavour(lines)).map((b) => b.text);
  };
  const story = ['', '本报讯（记者 林远）5 月 6 日，城东市与江', '北市签订政务服务“跨省通办”协议，二', '十项高频事项可以异地办理。', '', '两市将开设“跨省通办”专窗，企业、群', '众办事不再来回跑，办事时间大大缩短。'];
  const head = ['2023 年 5 月 8 日 星期一', '', '两市二十项事项实现“跨省通办”', ''];
  // the end of the subtitle had stood as a line of its own, read as a headline
  const wrapped = blocksOf([...head, '——有效解决企业、群众异地办事“多地跑”', '“折返跑”等问题', ...story]);
  assert.ok(wrapped.includes('——有效解决企业、群众异地办事“多地跑”“折返跑”等问题'), wrapped.join(' | '));
  // two names glued under a one-line subtitle sign the piece
  const signed = blocksOf([...head, '——有效解决企业、群众异地办事“多地跑”', '林远王知秋', ...story]);
  assert.ok(signed.includes('——有效解决企业、群众异地办事“多地跑”') && signed.includes('林远王知秋'), signed.join(' | '));
});

test('paragraphs: a full line left open goes on into the line set tight under it, no word across; not a short crosshead with a comma, nor into a caption', () => {
  // (the fixture box-full-line-left-open-no-word-across.txt holds the case that went wrong; this test
  // holds the rule's two guards, each of which fails it when taken out)
  const blocksOf = (text: string[]) => {
    const lines = toLines(text.join('\n'));
    return toBlocks(lines, detectFlavour(lines)).map((b) => b.text);
  };
  const column = ['城东新开了一家社区图书室，藏书三千多', '册，周末也开放。图书室的志愿者大多是', '附近的退休教师。', ''];
  // boxes a blank line apart: the box's full first line, stopping after a pause, and the line under
  // it are one paragraph (`…队长汪` / `平接到电话：…`, no word across: 汪平 is a name)
  const box = blocksOf([...column, '5日晚9时许，城东街道志愿服务队队长汪', '平接到电话：一位老人在十字路口徘徊', '很久，疑似迷路。他带队赶到现场。', '', ...column]);
  assert.ok(box.some((t) => t.startsWith('5日晚9时许，城东街道志愿服务队队长汪平接到电话：')), box.join(' | '));
  // a crosshead with a comma over its paragraph, no blank lines in the file: two blocks
  const cross = blocksOf(['城东新开了一家社区图书室，藏书三千多', '册，周末也开放。图书室的志愿者大多是', '附近的退休教师。', '谋篇布局，绘就蓝图', '图书室以后还要添置新书架，让更多居民', '来这里读书看报。']);
  assert.ok(cross.includes('谋篇布局，绘就蓝图'), cross.join(' | '));
  // a line left open over a caption with its credit: the caption stands apart
  const caption = blocksOf([...column, '通过整治，校园路段通行变得畅通，家住', '城迎宾路的罗女士说，现在接孩子只要十来', '分钟就能到家了。古镇花灯迎新春', '游客在古镇观赏花灯。（唐欣 摄）', '', ...column]);
  assert.ok(caption.includes('游客在古镇观赏花灯。（唐欣摄）'), caption.join(' | '));
});
