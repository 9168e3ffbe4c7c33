import nodejieba from 'nodejieba';
import { CUT_WINDOW, TITLE_MAX_CHARS } from '../thresholds.ts';
import { BRACKET_PAIRS } from './chars.ts';

/** A paragraph that cannot open a sentence: it starts with punctuation, or a measure word after a number (`30` + `个`). */
export function continuesByStart(tail: string, head: string): boolean {
  return /^[，、。；：,.;:）)”]/u.test(head) || (/\d/u.test(tail.slice(-1)) && /^[个名家项条次件所座人元亩户万亿倍%％]/u.test(head));
}

/**
 * A paragraph that cannot open a sentence, whatever went before it: it starts as continuesByStart
 * says, or with a particle or suffix that only ever follows a word (`的。接到消息后…`, `是…`, `化建设…`). A column printed apart from the story it ends starts so when the column
 * break fell inside a phrase.
 */
export function cannotOpen(tail: string, head: string): boolean {
  return continuesByStart(tail, head) || /^[的地得了着过们么吗呢吧啊是性化者式]/u.test(head);
}

/**
 * A paragraph that points back to what a story has said, so cannot be a story's first: it opens on
 * a word that links to a sentence before (`下一步，`, `此外，`, `与此同时，`, `此次…`), or names its subject by
 * `该` within its first clause (`下一步,该院将持续…`, the close of a story on a college's job fair:
 * 该院 is the college its story has named; not 该 after a word it ends or a word that governs it: 应该, 本该, 活该, 不该, 也该, 早该 …). A
 * first paragraph that opens on 此次 (`此次全国两会…`) is barred too: rare in a story's lead, and the
 * cut then falls at the next paragraph that can open.
 */
export function pointsBack(paragraph: string): boolean {
  const p = paragraph.replace(/\s+/gu, '');
  return /^(?:下一步|此外|另外|与此同时|同时|对此|为此|此后)[，,]/u.test(p) || /^此次/u.test(p) || /^[^，,。；;]{0,6}[，,]?(?<![应本活理谁不也就都还更早])该(?:院|校|所|局|县|市|区|镇|乡|村|公司|企业|中心|项目|厂|馆|站|队|部门|单位)/u.test(p);
}

/**
 * A title mark `《` the tail leaves open within its last TITLE_MAX_CHARS characters, that the
 * head does not close before it opens another: the head cannot go on there (`…就像《中国共产` goes
 * on in `党章程》所要求的…`, never in `党员干部要带头…`, though both make a word across the cut:
 * opening-printed-inside.txt; an essay's opening threaded into the next essay's first words, pdfminer
 * on the development pages).
 */
function titleUnclosedBy(tail: string, head: string): boolean {
  const open = tail.lastIndexOf('《');
  if (open < 0 || tail.indexOf('》', open) >= 0 || tail.length - open > TITLE_MAX_CHARS) return false;
  // the rest of the title, as far as it can run; a head shorter than that with no sentence's end
  // may be the title's middle line
  const window = head.slice(0, TITLE_MAX_CHARS - (tail.length - open));
  const close = window.indexOf('》');
  const again = window.indexOf('《');
  return (again >= 0 && (close < 0 || again < close)) || (close < 0 && (window.length < head.length || /[。！？!?]/u.test(window)));
}

/**
 * Does `head` start in the middle of a sentence though a head stands above it: with a mark or a
 * measure word after the tail's figure (continuesByStart), or with one glyph and a pause (`序，多个
 * 枢纽车站…`), which opens no sentence but for a reply or a linking word (`好，`, `另，`, `但，`). Not
 * cannotOpen's particles: under a head they open words (`过去一年…`, `地处…`, `着力…`, `是否…`).
 */
export function opensMidSentence(tail: string, head: string): boolean {
  const h = head.replace(/\s+/gu, '');
  return continuesByStart(tail.replace(/\s+/gu, ''), h) || (/^[\u4e00-\u9fff][，；,;]/u.test(h) && !/^[嗯哦噢啊唉哎喂好对是嘿呀另又但且而故即若则总]/u.test(h));
}

/**
 * Could `head` go on where `tail` stops? A word formed across the cut says yes (`芦淞` + `区`, `30` + `个`);
 * `minWord` asks for a longer word where a chance one would mislead (`发` + `白`).
 */
export function continues(tail: string, head: string, minWord = 2): boolean {
  if (titleUnclosedBy(tail, head)) return false;
  if (continuesByStart(tail, head)) return true;
  const a = tail.slice(-CUT_WINDOW);
  const b = head.slice(0, CUT_WINDOW);
  let pos = 0;
  for (const w of nodejieba.cut(a + b)) {
    const end = pos + w.length;
    if (pos < a.length && end > a.length && end - pos >= minWord && /[\u4e00-\u9fff]/u.test(a.slice(pos)) && /[\u4e00-\u9fff]/u.test(b.slice(0, end - a.length))) return true;
    pos = end;
  }
  return false;
}


/**
 * continues() on the printed text with its spaces taken out: justified lines (`建 设 向 前`) and
 * box fragments keep inserted spaces that would hide a word run across the cut.
 */
export function continuesAcross(tail: string, head: string, minWord = 2): boolean {
  return continues(tail.replace(/\s+/gu, ''), head.replace(/\s+/gu, ''), minWord);
}

/**
 * Does `head` finish the frame `以…为` (or `以…作为`) that `tail` leaves open after a quotation (`…一场以“科学点亮梦想”`
 * / `为主题的科普活动…`)? No word runs across a closing mark, and nothing else says the sentence goes on there.
 * (Not 可以, 难以, 予以, 所以, 加以, 得以, 足以: `可以“一网通办”` / `为企业…` is no frame.)
 */
export function framedAcross(tail: string, head: string): boolean {
  return /(?<![可难予所加得足])以\s*[“《「][^”》」]{1,20}[”》」]\s*$/u.test(tail) && /^\s*作?为/u.test(head);
}

/** Does `tail` leave a quote or bracket open at its end (`…《…技术目`)? */
export function leavesMarkOpen(tail: string, pairs: readonly (readonly [string, string])[] = BRACKET_PAIRS): boolean {
  return pairs.some(([open, close]) => tail.lastIndexOf(open) > tail.lastIndexOf(close));
}

/**
 * Does `head` close, within its first sentence, a quote or bracket `tail` leaves open at its end
 * (`…打破原来“一校定` / `终身”的人事管理体制…`)? Then it goes on there, though no word runs across
 * the cut (nodejieba reads 一校 | 定 | 终身).
 */
export function closesLeftOpen(tail: string, head: string, pairs: readonly (readonly [string, string])[] = BRACKET_PAIRS): boolean {
  // the head's first sentence, with its end mark and the closing marks after it (`要。”随后…`)
  const end = /[。！？!?][”’」』）)]*/u.exec(head);
  const first = end === null ? head : head.slice(0, end.index + end[0].length);
  return pairs.some(([open, close]) => {
    if (!leavesMarkOpen(tail, [[open, close]])) return false;
    const c = first.indexOf(close);
    const o = first.indexOf(open);
    return c >= 0 && (o < 0 || c < o);
  });
}
