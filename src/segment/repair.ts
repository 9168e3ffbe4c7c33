import type { Article, BodyItem, ReportEntry } from './types.ts';
import { bracketsBalanced, endsSentence, leftOpen } from './rules/chars.ts';
import { cannotOpen, continues, continuesByStart } from './rules/continuation.ts';
import { halveDoubledLeadIn, halveOverprint } from './rules/overprint.ts';
import { readAffiliation } from './rules/affiliation.ts';
import { affinity, contentWords } from './rules/topic.ts';
import { LATE_HEAD_MIN_AFFINITY, LATE_HEAD_MIN_CHARS, REPEAT_MIN_CHARS, SECTION_MIN_AFFINITY, STITCH_LOOKAHEAD, STRAY_HEAD_MAX_AFFINITY } from './thresholds.ts';

type Draft = Omit<Article, 'id' | 'keywords'>;

/** A draft's running text: its paragraphs, subheads left out (what a head is read against). */
const paragraphText = (a: Draft) => a.body.filter((b) => b.kind === 'paragraph').map((b) => b.text).join('');

/** A draft with no part of a head: nothing of its own to lose when it is given one. */
const headless = (a: Draft) => !a.title && !a.kicker && !a.subtitle;

/**
 * One head a story, one story a head: the best-scoring pairs first (then in the drafts' order),
 * each taken unless its giver or its taker is already paired. Receiving story → its pair.
 */
function pairOnce<P extends { from: number; to: number; score: number }>(pairs: readonly P[]): Map<number, P> {
  const given = new Map<number, P>();
  const gave = new Set<number>();
  for (const p of [...pairs].sort((a, b) => b.score - a.score || a.from - b.from || a.to - b.to)) {
    if (given.has(p.to) || gave.has(p.from)) continue;
    given.set(p.to, p);
    gave.add(p.from);
  }
  return given;
}

/** What a repair made of the articles: new articles (the input is left as it was) and what it reports. */
export interface Repaired {
  articles: Draft[];
  report: ReportEntry[];
}

/**
 * A paragraph printed twice (`为推进产业项目建设,打造一流营商环境,芦淞` in 004 appears
 * before and after a photo): the later copy stays, in its context; the earlier one is
 * dropped and reported.
 */
export function dropRepeatedParagraphs(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const lastSeen = new Map<string, { a: number; p: number }>();
  articles.forEach((art, a) =>
    art.body.forEach((item, p) => {
      if (item.kind === 'paragraph' && item.text.length >= REPEAT_MIN_CHARS) lastSeen.set(item.text, { a, p });
    }),
  );
  const kept = articles.map((art, a) => {
    const body = art.body.filter((item, p) => {
      const last = lastSeen.get(item.text);
      if (item.kind !== 'paragraph' || !last || (last.a === a && last.p === p)) return true;
      report.push({ lines: art.source.lines, text: item.text, reason: 'paragraph printed twice; the later copy is kept' });
      return false;
    });
    return body.length === art.body.length ? art : { ...art, body };
  });
  return { articles: kept, report };
}

/**
 * Paragraphs cut mid-sentence are joined back. Usually the rest is the next paragraph (a
 * column or page break); but a text-box fragment that stops mid-sentence
 * (`…建成村级供销社服务社30`) can go on several paragraphs later (`个,完成土地托管服务…`):
 * when the next paragraph cannot continue it and a later one can, that one is stitched.
 */
export function stitchFragments(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const stitched = articles.map((art) => {
    // a working copy: paragraphs are replaced, never changed in place
    const body: BodyItem[] = [...art.body];
    let changed = false;
    for (let i = 0; i < body.length; i++) {
      const p = body[i];
      if (p.kind !== 'paragraph' || !leftOpen(p.text)) continue;
      const next = body.findIndex((q, j) => j > i && q.kind === 'paragraph');
      if (next < 0) continue;
      let target = next;
      if (!continues(p.text, body[next].text)) {
        for (let j = next + 1; j < Math.min(body.length, i + 1 + STITCH_LOOKAHEAD); j++) {
          if (body[j].kind === 'paragraph' && continuesByStart(p.text, body[j].text)) {
            target = j;
            report.push({ lines: art.source.lines, text: `${p.text.slice(-12)} + ${body[j].text.slice(0, 12)}`, reason: 'text-box fragment stitched to its continuation' });
            break;
          }
        }
      }
      body[i] = { ...p, text: p.text + body[target].text };
      body.splice(target, 1);
      changed = true;
      i--;
    }
    return changed ? { ...art, body } : art;
  });
  return { articles: stitched, report };
}

/**
 * Display type set in fake bold (each glyph drawn twice a hair apart) comes out of some extractors
 * twice over: a headline `甲乙丙甲乙丙：：…`, a signed name `甲乙丙甲乙丙`. Headline, kicker, subtitle,
 * bylines and names are printed once; the second copy goes to the report as a duplicate.
 */
export function undoOverprintedHeads(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const once = (art: Draft, s: string): string => {
    const half = halved(s);
    if (half === null) return s;
    report.push({ lines: art.source.lines, text: half, reason: 'display type printed twice (fake bold); one copy kept' });
    return half;
  };
  const fixed = articles.map((original) => {
    const reported = report.length;
    const art = joinOverprintedParts(original, report);
    const printedOnce = {
      ...art,
      title: once(art, art.title),
      ...(art.kicker !== undefined ? { kicker: once(art, art.kicker) } : {}),
      ...(art.subtitle !== undefined ? { subtitle: once(art, art.subtitle) } : {}),
      bylines: art.bylines.map((b) => once(art, b)),
      // names are read from the bylines: the same name halved, nothing reported twice
      authors: art.authors.map((a) => halveOverprint(a) ?? a),
      credits: art.credits.map((c) => ({ ...c, name: halveOverprint(c.name) ?? c.name })),
    };
    const changed = report.length > reported || printedOnce.authors.some((a, k) => a !== art.authors[k]) || printedOnce.credits.some((c, k) => c.name !== art.credits[k].name);
    return changed ? printedOnce : original;
  });
  return { articles: fixed, report };
}

/** Display text printed twice over, once; null when it was not (halveOverprint, halveDoubledLeadIn). */
const halved = (s: string): string | null => halveOverprint(s) ?? halveDoubledLeadIn(s);

/**
 * One headline set in fake bold on two lines that the head reader took for two parts: each copy
 * of a run is printed twice, the pair cut where the line broke (a headline `甲：乙丙`, each glyph a run
 * of words; pdftotext -raw: `甲甲：：乙` / `乙丙丙`; pdfminer: `甲甲：：乙乙丙` / `丙`).
 * Neither part is two copies of itself, the two together are: they are one headline, printed once.
 */
function joinOverprintedParts(art: Draft, report: ReportEntry[]): Draft {
  const doubled = (s: string | undefined) => s !== undefined && halved(s) !== null;
  const pair = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a !== '' && b !== '' && !(doubled(a) && doubled(b)) && halveOverprint(a + b);
  const withSubtitle = pair(art.title, art.subtitle);
  if (withSubtitle) {
    report.push({ lines: art.source.lines, text: withSubtitle, reason: 'a headline in fake bold read as headline and subtitle; one headline, printed once' });
    const { subtitle: _, ...rest } = art;
    return { ...rest, title: withSubtitle };
  }
  const withKicker = pair(art.kicker, art.title);
  if (withKicker) {
    report.push({ lines: art.source.lines, text: withKicker, reason: 'a headline in fake bold read as kicker and headline; one headline, printed once' });
    const { kicker: _, ...rest } = art;
    return { ...rest, title: withKicker };
  }
  return art;
}

/**
 * A signed name left on its own after an essay credits the essay before it, in two layouts the
 * pieces below name. (A credit line alone between stories, `…吃得放心、安心。` / `本报记者 张弦` /
 * the next head, is placed while the stories are assembled, where the heads beside it are known:
 * assemble.ts strayCreditsPass.)
 */
export function creditLoneBylines(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const out: Draft[] = [];
  for (const art of articles) {
    const prev = out[out.length - 1];
    // a signed name over a crosshead (a paragraph left open, `…走` / the name / a crosshead / …, pdftotext on the
    // development pages): no story opens at a crosshead, so the name closes the story printed before it
    // (the names only: a note closing the crossheaded run, `（作者为…）`, stays where it is printed)
    // a signed name printed after an essay's note (`…。` / an affiliation note, `（作者为…）` /
    // a signed name / the next run of text, pdftotext on the development pages): a note that says who the
    // author is comes with the author's name, so a story with a note and no name is the name's
    const noted = prev !== undefined && prev.bylines.some((b) => readAffiliation(b) !== null);
    const crosshead = signsOverCrosshead(art);
    if ((crosshead || (noted && signsAbove(art))) && prev !== undefined && prev.source.page === art.source.page && prev.body.length > 0 && prev.credits.length === 0 && art.source.lines[0] > prev.source.lines[1]) {
      const names = art.bylines.filter((b) => readAffiliation(b) === null);
      report.push({ lines: art.source.lines, text: names.join(' / '), reason: crosshead ? 'a signed name over a crosshead: the closing credit of the story before it' : 'a signed name after a story with its note and no name: that story\'s' });
      out[out.length - 1] = { ...prev, authors: [...art.authors], credits: [...art.credits], bylines: [...prev.bylines, ...names] };
      out.push({ ...art, authors: [], credits: [], bylines: art.bylines.filter((b) => readAffiliation(b) !== null) });
      continue;
    }
    out.push(art);
  }
  return { articles: out, report };
}

/** A headless draft credited with signed names only: no photographer, no reporter's role. */
const signedOnly = (a: Draft) => headless(a) && a.credits.length > 0 && a.credits.every((c) => c.role === '作者') && a.photographers.length === 0;

/** Such a draft with no dateline: names printed over its text. */
const signsAbove = (a: Draft) => signedOnly(a) && !a.dateline;

/** Such a draft that opens with a crosshead: the names are no head of it. */
const signsOverCrosshead = (a: Draft) => signedOnly(a) && a.body[0]?.kind === 'subhead';

/**
 * A line that can be a story's whole headline: no bracket left open or closed that it did not open
 * (`…（2017）》`, a line cut from a paragraph), not a quotation set alone (`“…”`, a pull quote), no
 * pause or sentence end (`…指出，…`, a paragraph's first line),
 * not a subtitle (`——…`), and not so short that it is as likely a kicker's piece (`绿色消费`).
 */
const headlineShaped = (t: string) =>
  bracketsBalanced(t) &&
  !/^“[^“”]*”$/u.test(t.replace(/\s+/gu, '')) &&
  !/[，,；;]/u.test(t) &&
  !endsSentence(t) &&
  !/^[—－-]/u.test(t) &&
  [...t.replace(/\s+/gu, '')].length >= LATE_HEAD_MIN_CHARS;

/**
 * Headlines printed after every column of their page (pdftotext on the development pages: a
 * paragraph left open, `…走` / a signed name / … / a headline / another headline, then the next story's head): the heads
 * of stories already given with no headline end up as subheads at the end of whatever story runs last,
 * with no paragraph under them, which no subhead is. Each such trailing line goes to a story of its page
 * that has no headline, the one whose paragraphs hold most of its words (LATE_HEAD_MIN_AFFINITY at
 * least; the longer story on a tie), best pairs first, one headline a story; a line no story reads of
 * stays where it is. A headless story may take a line from its own end (its head printed after it).
 * The line's place in the raw file stays in its first story's ranges: body items carry no line numbers.
 */
export function titleHeadlessStories(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const texts = articles.map(paragraphText);
  const trailing = articles.map((a) => {
    let k = a.body.length;
    while (k > 0 && a.body[k - 1].kind === 'subhead') k--;
    // a story of nothing but subheads is a head group of its own, not a story they trail
    return k === 0 ? a.body.length : k;
  });
  const pairs: { from: number; item: number; to: number; score: number }[] = [];
  articles.forEach((host, from) => {
    for (let item = trailing[from]; item < host.body.length; item++) {
      if (!headlineShaped(host.body[item].text)) continue;
      const words = contentWords(host.body[item].text);
      articles.forEach((t, to) => {
        if (t.title || t.source.page !== host.source.page || trailing[to] === 0) return;
        const score = affinity(words, texts[to]);
        if (score >= LATE_HEAD_MIN_AFFINITY) pairs.push({ from, item, to, score });
      });
    }
  });
  pairs.sort((a, b) => b.score - a.score || texts[b.to].length - texts[a.to].length || a.from - b.from || a.item - b.item || a.to - b.to);
  const given = new Map<number, { from: number; item: number }>();
  const moved = new Set<string>();
  for (const p of pairs) {
    if (given.has(p.to) || moved.has(`${p.from}:${p.item}`)) continue;
    given.set(p.to, p);
    moved.add(`${p.from}:${p.item}`);
  }
  if (given.size === 0) return { articles: [...articles], report };
  const out = articles.map((a, i) => {
    const head = given.get(i);
    const body = a.body.filter((_, k) => !moved.has(`${i}:${k}`));
    if (!head) return body.length === a.body.length ? a : { ...a, body };
    const title = articles[head.from].body[head.item].text;
    report.push({ lines: a.source.lines, text: title, reason: 'a headline printed after the page\'s columns, given to the headless story that reads of it' });
    return { ...a, title, body };
  });
  return { articles: out, report };
}

/**
 * A single glyph is never a headline, kicker or subtitle: a character of large type the extractor
 * set apart from its line (`鲲`, a vertical headline's first glyph left over; `仁`, a spread name's
 * second glyph printed far from its first; `·`, a kicker's separator; `3`, a page number) can
 * stand in a head only by mistake. It leaves the head and goes to the report; where it was the
 * headline, the story's kicker, else its subtitle, is the headline when it has one.
 */
export function dropGlyphHeadlines(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const glyph = (t: string | undefined) => t !== undefined && [...t.replace(/\s+/gu, '')].length === 1;
  const out = articles.map((a) => {
    if (!glyph(a.title) && !glyph(a.kicker) && !glyph(a.subtitle)) return a;
    for (const t of [a.kicker, a.title, a.subtitle]) if (glyph(t)) report.push({ lines: a.source.lines, text: t!, reason: 'a single glyph is no part of a head' });
    const kicker = glyph(a.kicker) ? undefined : a.kicker;
    const subtitle = glyph(a.subtitle) ? undefined : a.subtitle;
    if (!glyph(a.title)) return { ...a, kicker, subtitle };
    if (kicker) return { ...a, title: kicker, kicker: undefined, subtitle };
    if (subtitle) return { ...a, title: subtitle, subtitle: undefined, kicker };
    return { ...a, title: '', kicker, subtitle };
  });
  return { articles: out, report };
}

/**
 * Two stories' heads printed together, read as one story's head: a miner that gives two short
 * stories' head boxes one after the other (`反恐演练进幼儿园` / `鲲鹏展翅从兹起` /
 * `——职业教育的株洲模式…`, pdfminer on the typeset news pages) leaves the second story headless and
 * the first with a kicker, headline and subtitle drawn from both. The head's parts (kicker,
 * headline, subtitle) are parted in two where one group reads of a headless story of its page
 * (LATE_HEAD_MIN_AFFINITY at least) more than of the story it heads, and the rest reads of that
 * story more than of the headless one: the group goes to the headless story. The split both
 * groups read best of wins; then best pairs first, one head a story. In each group the headline
 * stays the headline, or, where the group has none, its first part becomes it.
 */
export function partHeadsPrintedTogether(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const texts = articles.map(paragraphText);
  const moves: { from: number; to: number; moved: HeadPart[]; kept: HeadPart[]; score: number }[] = [];
  articles.forEach((host, from) => {
    const parts = headParts(host);
    if (parts.length < 2 || texts[from] === '') return;
    articles.forEach((t, to) => {
      // a story with any part of a head of its own is not headless: its subtitle would be lost
      if (!headless(t) || t.source.page !== host.source.page || texts[to] === '') return;
      let best: (typeof moves)[number] | undefined;
      // every way to part the head in two: the parts whose bit is set move
      for (let mask = 1; mask < (1 << parts.length) - 1; mask++) {
        const moved = parts.filter((_, k) => mask & (1 << k));
        const kept = parts.filter((_, k) => !(mask & (1 << k)));
        if (!headlineShaped(headOf(moved).title) || !headlineShaped(headOf(kept).title)) continue;
        const movedWords = contentWords(moved.map((p) => p.text).join(''));
        const keptWords = contentWords(kept.map((p) => p.text).join(''));
        const there = affinity(movedWords, texts[to]);
        const here = affinity(keptWords, texts[from]);
        if (there < LATE_HEAD_MIN_AFFINITY || there <= affinity(movedWords, texts[from]) || here <= affinity(keptWords, texts[to])) continue;
        if (!best || there + here > best.score) best = { from, to, moved, kept, score: there + here };
      }
      if (best) moves.push(best);
    });
  });
  const given = pairOnce(moves);
  const gave = new Map([...given.values()].map((m) => [m.from, m]));
  if (given.size === 0) return { articles: [...articles], report };
  const out = articles.map((a, i) => {
    const kept = gave.get(i);
    if (kept) return { ...a, ...headOf(kept.kept) };
    const m = given.get(i);
    if (!m) return a;
    const head = headOf(m.moved);
    report.push({ lines: a.source.lines, text: m.moved.map((p) => p.text).join(' / '), reason: "a head printed together with another story's, given to the headless story that reads of it" });
    return { ...a, ...head };
  });
  return { articles: out, report };
}

interface HeadPart {
  role: 'kicker' | 'title' | 'subtitle';
  text: string;
}

/** A head's parts in print order: kicker, headline, subtitle. */
function headParts(a: Draft): HeadPart[] {
  const parts: HeadPart[] = [];
  if (a.kicker) parts.push({ role: 'kicker', text: a.kicker });
  if (a.title) parts.push({ role: 'title', text: a.title });
  if (a.subtitle) parts.push({ role: 'subtitle', text: a.subtitle });
  return parts;
}

/** The head a group of parts makes: its headline stays one; without it, the first part becomes it. */
function headOf(parts: readonly HeadPart[]): { kicker: string | undefined; title: string; subtitle: string | undefined } {
  const title = parts.find((p) => p.role === 'title') ?? parts[0];
  const other = (role: HeadPart['role']) => parts.find((p) => p.role === role && p !== title)?.text;
  return { kicker: other('kicker'), title: title.text, subtitle: other('subtitle') };
}

/**
 * A head given to the story beside its own: pdftotext prints a head set beside two stories' columns
 * after the first of them (`西洞庭力推人居环境整治` over the next story's text, its own story left
 * headless, typeset news page 10). A head that reads nothing of its story (STRAY_HEAD_MAX_AFFINITY
 * at most) and much of a headless story of its page (LATE_HEAD_MIN_AFFINITY at least) goes there,
 * whole; best pairs first. A second such head that reads of the same story as well, with no other
 * headless story left to go to, is the other part of the head of the story it reads most of
 * (`过去走路一身灰如今处处闻花香` and `西洞庭力推人居环境整治`, both printed apart from their story on
 * typeset news page 10, pdftotext):
 * the headline is the one whose words run through the story's paragraphs, the kicker the one read
 * in a few (the quotation its last sentence makes). On every corpus and seed this fires once, there:
 * news pdftotext headlines 0.800 → 0.844, kickers 0.286 → 0.429.
 */
export function moveStrayHeads(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const texts = articles.map(paragraphText);
  const pairs: { from: number; to: number; score: number }[] = [];
  articles.forEach((host, from) => {
    if (!host.title || !headlineShaped(host.title) || texts[from] === '') return;
    const words = contentWords([host.kicker, host.title, host.subtitle].filter(Boolean).join(''));
    if (affinity(words, texts[from]) > STRAY_HEAD_MAX_AFFINITY) return;
    articles.forEach((t, to) => {
      if (!headless(t) || t.source.page !== host.source.page || texts[to] === '') return;
      const score = affinity(words, texts[to]);
      if (score >= LATE_HEAD_MIN_AFFINITY) pairs.push({ from, to, score });
    });
  });
  const given = pairOnce(pairs);
  const gave = new Set([...given.values()].map((p) => p.from));
  if (given.size === 0) return { articles: [...articles], report };
  // a second stray head that reads of the same story as well (LATE_HEAD_MIN_AFFINITY), none other
  // left for it, is the other part of that story's head
  // (each such head to the story it reads most of, each story one at most, best pairs first)
  const plain = (i: number) => !articles[i].kicker && !articles[i].subtitle;
  const second = new Map<number, number>();
  for (const q of pairOnce(pairs.filter((q) => !gave.has(q.from) && given.has(q.to))).values()) {
    const best = Math.max(...pairs.filter((r) => r.from === q.from && given.has(r.to)).map((r) => r.score));
    if (q.score < best || !plain(q.from) || !plain(given.get(q.to)!.from)) continue;
    second.set(q.to, q.from);
  }
  for (const from of second.values()) gave.add(from);
  // of two, the headline names what the story is about all through; the other, read in one place, is its kicker
  const spread = (title: string, a: Draft) => {
    const words = contentWords(title);
    const paras = a.body.filter((b) => b.kind === 'paragraph');
    return paras.filter((b) => [...words.keys()].some((w) => b.text.includes(w))).length / Math.max(1, paras.length);
  };
  const out = articles.map((a, i) => {
    const pair = given.get(i);
    if (pair !== undefined) {
      const h = articles[pair.from];
      report.push({ lines: a.source.lines, text: h.title, reason: "a head printed beside another story's text, given to the headless story that reads of it" });
      const o = second.get(i);
      if (o !== undefined) {
        const k = articles[o];
        report.push({ lines: a.source.lines, text: k.title, reason: "a second head printed beside another story's text, the other part of the same story's head" });
        const [title, kicker] = spread(k.title, a) > spread(h.title, a) ? [k.title, h.title] : [h.title, k.title];
        return { ...a, kicker, title, subtitle: undefined };
      }
      return { ...a, kicker: h.kicker, title: h.title, subtitle: h.subtitle };
    }
    return gave.has(i) ? { ...a, kicker: undefined, title: '', subtitle: undefined } : a;
  });
  return { articles: out, report };
}

/** Two bodies one after the other, the last paragraph of the first and the first of the second one paragraph (a sentence cut). */
function joinedBodies(a: readonly BodyItem[], b: readonly BodyItem[]): BodyItem[] {
  const last = a.map((x) => x.kind).lastIndexOf('paragraph');
  const first = b.findIndex((x) => x.kind === 'paragraph');
  if (last < 0 || first < 0) return [...a, ...b];
  return [...a.slice(0, last), { ...a[last], text: a[last].text + b[first].text }, ...a.slice(last + 1), ...b.slice(0, first), ...b.slice(first + 1)];
}

/**
 * A story's last column printed apart from it, as a story with no head of its own: `-layout` reads
 * a vertical headline's essay in two strips with another essay between (`…。…`, a sentence ended and the next
 * begun / another essay / `…，…`, that sentence's rest: 人民日报's theory page of 2 January 2018), pdftotext a
 * story's second column after the next story (typeset news pages). A story whose last paragraph
 * stops mid-sentence goes on in a headless story of its page (no headline, kicker, subtitle or
 * dateline) whose first paragraph cannot open a sentence (`cannotOpen`) or that a word runs
 * into; a word across the cut first, then the nearest, one tail a story. The two paragraphs
 * either side of the cut become one.
 *
 * Any headless story after an open end, the nearest first, was measured too: right on the
 * development pages' `-layout` text, but it joined an essay to another's opening there
 * (an end left open after a pause, `…；…`, + another essay's first paragraph) and briefs to stories on the news pages
 * (news pdftotext headlines 0.822 → 0.800, seed 29 pdf2md boundaries 0.885 → 0.854).
 */
export function joinOrphanTails(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  // each draft's paragraphs, read once: every pair below looks at two drafts' ends
  const paras = articles.map((a) => a.body.filter((b) => b.kind === 'paragraph'));
  const orphan = (j: number) => headless(articles[j]) && !articles[j].dateline && paras[j].length > 0;
  const pairs: { from: number; to: number; score: number }[] = [];
  articles.forEach((x, i) => {
    const last = paras[i].at(-1);
    if (headless(x) || last === undefined || !leftOpen(last.text)) return;
    const tail = last.text.replace(/\s+/gu, '');
    articles.forEach((y, j) => {
      if (j === i || !orphan(j) || y.source.page !== x.source.page) return;
      const head = paras[j][0].text.replace(/\s+/gu, '');
      const across = continues(tail, head);
      if (!across && !cannotOpen(tail, head)) return;
      // a word across the cut before all else; then the nearest, one printed after the story first
      pairs.push({ from: j, to: i, score: (across ? articles.length * 2 : 0) + 1 / (1 + Math.abs(j - i)) + (j > i ? 0.5 : 0) });
    });
  });
  const out = takeInto(articles, pairOnce(pairs), (a, y, i, j) => {
    report.push({ lines: y.source.lines, text: `${paras[i].at(-1)!.text.slice(-12)} + ${paras[j][0].text.slice(0, 12)}`, reason: 'a story with no head goes on where a story stopped mid-sentence' });
    return merged(a, y, joinedBodies(a.body, y.body));
  });
  return { articles: out, report };
}

/**
 * The drafts with each pair's giver taken into its taker (`join` makes the one draft of the two, and
 * may report), the givers dropped; the drafts as they were where no pair is given.
 */
function takeInto(articles: readonly Draft[], given: ReadonlyMap<number, { from: number }>, join: (a: Draft, y: Draft, to: number, from: number) => Draft): Draft[] {
  if (given.size === 0) return [...articles];
  const taken = new Set([...given.values()].map((p) => p.from));
  const out: Draft[] = [];
  articles.forEach((a, i) => {
    if (taken.has(i)) return;
    const p = given.get(i);
    out.push(p ? join(a, articles[p.from], i, p.from) : a);
  });
  return out;
}

/**
 * A story's opening printed apart from it: pdftotext gives the lead essay of a page of signed essays
 * from its first crosshead on (a signed name / a crosshead / …) and prints the paragraphs
 * that open it far below, after another essay's signed name and before the page's headlines
 * (another signed name / the opening paragraphs, `“…”…` / the page's headlines, `…` / `…`:
 * 人民日报's theory page of 19 January 2018). No story opens at a crosshead, and running text with
 * no head of its own is some story's. A story whose body starts with a subhead takes, as its
 * opening, a headless story of its page printed after it (no dateline, no name of its own, ending a
 * sentence, opening one: not the story's own tail) that reads of its headline (LATE_HEAD_MIN_AFFINITY)
 * more than of the headline of the story printed right before it, the best pairs first, one each.
 */
export function joinOpeningsPrintedApart(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const texts = articles.map(paragraphText);
  const pairs: { from: number; to: number; score: number }[] = [];
  articles.forEach((x, i) => {
    if (!x.title || x.body[0]?.kind !== 'subhead') return;
    const words = contentWords(x.title);
    const last = x.body.filter((b) => b.kind === 'paragraph').at(-1)?.text.replace(/\s+/gu, '') ?? '';
    articles.forEach((y, j) => {
      if (j <= i || y.source.page !== x.source.page || !headless(y) || y.dateline || y.credits.length > 0 || !endsSentence(texts[j])) return;
      // an opening opens: not a story's tail, which cannot open a sentence or goes on from where the
      // story stops (`…农家书屋也就成了乡村的文化客` / `厅。…`: joinOrphanTails' to join)
      const first = (y.body.find((b) => b.kind === 'paragraph')?.text ?? '').replace(/\s+/gu, '');
      if (cannotOpen(last, first) || (leftOpen(last) && continues(last, first))) return;
      // …nor the story printed right before it going on: a run that reads of that story's headline as
      // much as of this one is its last column (`…，…。甲乙丙…`, opening on the words that end the headline, after
      // `…甲乙丙`, not the lead's `…`: pdftotext, 5 January 2018)
      const score = affinity(words, texts[j]);
      const before = articles[j - 1];
      if (j - 1 !== i && before?.title && affinity(contentWords(before.title), texts[j]) >= score) return;
      if (score >= LATE_HEAD_MIN_AFFINITY) pairs.push({ from: j, to: i, score });
    });
  });
  const out = takeInto(articles, pairOnce(pairs), (a, y, _i, j) => {
    report.push({ lines: y.source.lines, text: texts[j].slice(0, 24), reason: 'a story that opens at a crosshead takes the headless run printed apart that reads of its headline as its opening' });
    return merged(a, y, [...y.body, ...a.body]);
  });
  return { articles: out, report };
}

/**
 * A story's later section printed apart from it, as a story with no head of its own: pdftotext gives
 * the lead essay of a page of signed essays up to a crosshead, then the other essays, and only then
 * that crosshead and the columns under it (a signed name / the lead essay's crosshead / its columns /
 * the page's headlines: 人民日报's theory page of 9, 11 and 15 January 2018, each such run read as a story of
 * its own). No story opens at a crosshead: a headless run that opens on one (no dateline, no names
 * of its own) is a section of the story of its page whose own crossheads and headline it reads of
 * most, by more than of any other (SECTION_MIN_AFFINITY at least), and goes at that story's end.
 * Only a story that has crossheads takes such a run; one whose body opens on a crosshead takes its
 * opening first (joinOpeningsPrintedApart).
 */
export function joinSectionsPrintedApart(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const heads = articles.map((x) => (x.title && x.body.some((b) => b.kind === 'subhead') ? [x.title, ...x.body.filter((b) => b.kind === 'subhead').map((b) => b.text)].join(' ') : ''));
  const pairs: { from: number; to: number; score: number }[] = [];
  articles.forEach((y, j) => {
    if (!headless(y) || y.dateline || y.credits.length > 0 || y.authors.length > 0 || y.body[0]?.kind !== 'subhead' || !y.body.some((b) => b.kind === 'paragraph')) return;
    const words = contentWords(y.body[0].text);
    const scores = articles.map((x, i) => (i !== j && heads[i] && x.source.page === y.source.page ? affinity(words, heads[i]) : 0));
    const best = Math.max(...scores);
    const to = scores.indexOf(best);
    if (best >= SECTION_MIN_AFFINITY && scores.filter((v) => v === best).length === 1) pairs.push({ from: j, to, score: best });
  });
  const out = takeInto(articles, pairOnce(pairs), (a, y) => {
    report.push({ lines: y.source.lines, text: y.body[0].text.slice(0, 24), reason: 'a run with no head that opens at a crosshead goes to the story whose crossheads it reads of, as its later section' });
    return merged(a, y, [...a.body, ...y.body]);
  });
  return { articles: out, report };
}

/** The names of `a` and then those of `y` that `a` does not hold: authors, photographers, credits, bylines. */
function namesOf(a: Draft, y: Draft): Pick<Draft, 'authors' | 'photographers' | 'credits' | 'bylines'> {
  return {
    authors: [...new Set([...a.authors, ...y.authors])],
    photographers: [...new Set([...a.photographers, ...y.photographers])],
    credits: [...a.credits, ...y.credits.filter((c) => !a.credits.some((d) => d.name === c.name && d.role === c.role))],
    bylines: [...new Set([...a.bylines, ...y.bylines])],
  };
}

/** Story `a` with headless story `y` taken into it: the given body, and everything else of both. */
function merged(a: Draft, y: Draft, body: BodyItem[]): Draft {
  return {
    ...a,
    body,
    captions: [...a.captions, ...y.captions],
    ...namesOf(a, y),
    dateline: a.dateline ?? y.dateline,
    publication: a.publication ?? y.publication,
    ...(a.affiliations || y.affiliations ? { affiliations: [...new Set([...(a.affiliations ?? []), ...(y.affiliations ?? [])])] } : {}),
    source: {
      ...a.source,
      lines: [Math.min(a.source.lines[0], y.source.lines[0]), Math.max(a.source.lines[1], y.source.lines[1])],
      ranges: [...(a.source.ranges ?? [a.source.lines]), ...(y.source.ranges ?? [y.source.lines])].sort((m, n) => m[0] - n[0]),
      ...(a.source.caption_ranges || y.source.caption_ranges ? { caption_ranges: [...(a.source.caption_ranges ?? []), ...(y.source.caption_ranges ?? [])].sort((m, n) => m[0] - n[0]) } : {}),
    },
  };
}

/**
 * A head with nothing under it, then a story with no head (`聚` / `焦` / … / `纪` / `实`, a vertical head
 * set left of its columns on a page whose other heads stand right of theirs, then `本报讯教育改革…`:
 * MuPDF on typeset news page 12, seed 11): the head was read as one printed after its body, found
 * none, and its story was left without one. The story under it is its body.
 */
export function joinBodilessHeads(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const out: Draft[] = [];
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i];
    const y = articles[i + 1];
    const bodiless = a.title !== '' && !a.body.some((b) => b.kind === 'paragraph');
    if (!bodiless || y === undefined || !headless(y) || y.source.page !== a.source.page || !y.body.some((b) => b.kind === 'paragraph')) {
      out.push(a);
      continue;
    }
    report.push({ lines: y.source.lines, text: a.title, reason: 'a head with nothing under it heads the story with no head right after it' });
    // its names were printed under the head before it, on a page that sets names under heads set
    // after their bodies (`凝心聚力…` / `——涪口区…` / `本报记者 王芳` / `通讯员 谭琰琳`, then the vertical
    // head): they credit that story when it has no names of its own
    const before = out.at(-1);
    if (before !== undefined && before.title && before.source.page === a.source.page && before.authors.length === 0 && a.authors.length > 0 && y.authors.length === 0) {
      report.push({ lines: a.source.lines, text: a.bylines.join(' / '), reason: `names printed under the head before it credit that story (${before.title})` });
      out[out.length - 1] = { ...before, ...namesOf(before, a) };
      out.push(merged({ ...a, authors: [], photographers: [], credits: [], bylines: [] }, y, [...a.body, ...y.body]));
    } else out.push(merged(a, y, [...a.body, ...y.body]));
    i++;
  }
  return { articles: out, report };
}

/**
 * A head with nothing under it, printed apart from its story: the lead essay's headline, set large
 * at the page's foot by its header (`7 理论`), read after the second essay's head (pdftotext on the
 * development page of 16 January), made a story of its own with no paragraph (its one line a
 * crosshead under no head), and the lead essay, opened by its signed name alone, had none. A head
 * draft with no paragraph and no caption (a photo item is none; or a lone line under no head) goes to a headless
 * story of its page that holds its words (LATE_HEAD_MIN_AFFINITY, as titleHeadlessStories), best
 * pairs first, one head a story; the draft's lines and names go with it. joinBodilessHeads, before
 * it, takes the story right after the head.
 */
export function titleFromBodilessHeads(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const texts = articles.map(paragraphText);
  const pairs: { from: number; to: number; score: number }[] = [];
  // the headline a draft with no paragraph holds: its own, or a lone line read as a crosshead under
  // no head; not a photo's (a draft with a caption is a photo item, titled or not)
  const headlineIn = (h: Draft): string => (h.captions.length > 0 || h.body.some((b) => b.kind === 'paragraph') ? '' : h.title ? h.title : headless(h) && h.body.length === 1 ? h.body[0].text : '');
  // the headless stories with text, by page, listed once
  const onPage = new Map<number, number[]>();
  articles.forEach((t, to) => {
    if (headless(t) && texts[to] !== '') onPage.set(t.source.page, [...(onPage.get(t.source.page) ?? []), to]);
  });
  const sameNames = (a: Draft, b: Draft) => a.authors.length === 0 || b.authors.length === 0 || a.authors.join('、') === b.authors.join('、');
  articles.forEach((h, from) => {
    const headline = headlineIn(h);
    if (!headline || !headlineShaped(headline)) return;
    const words = contentWords([h.kicker, headline, h.subtitle].filter(Boolean).join(''));
    for (const to of onPage.get(h.source.page) ?? []) {
      if (to === from || !sameNames(h, articles[to])) continue;
      const score = affinity(words, texts[to]);
      if (score >= LATE_HEAD_MIN_AFFINITY) pairs.push({ from, to, score });
    }
  });
  const given = new Map([...pairOnce(pairs)].map(([to, p]): [number, number] => [to, p.from]));
  if (given.size === 0) return { articles: [...articles], report };
  const out = headsGiven(articles, given, (h, a) => {
    const lone = h.title ? h : { ...h, title: h.body[0].text, body: [] };
    report.push({ lines: a.source.lines, text: lone.title, reason: 'a head with nothing under it, printed apart, heads the headless story of its page that reads of it' });
    return merged(lone, a, [...lone.body, ...a.body]);
  });
  return { articles: out, report };
}

/** The drafts with each head draft given to its story (story index → head index): the head drafts leave, each story is `make(head, story)`. */
function headsGiven(articles: readonly Draft[], given: ReadonlyMap<number, number>, make: (head: Draft, story: Draft) => Draft): Draft[] {
  const used = new Set(given.values());
  const out: Draft[] = [];
  articles.forEach((a, i) => {
    if (used.has(i)) return;
    const from = given.get(i);
    out.push(from === undefined ? a : make(articles[from], a));
  });
  return out;
}

/**
 * A head read as crossheads of a story of its own: a vertical head printed after its story's text
 * with its bylines set before it (`本` / `报` / `记` / `者` / `孟` / `秋`, `通` / `讯` / `员` / …, then
 * `民` / `生` / … the kicker, `社` / `区` / `食` / `堂` / … the headline: pdfminer on typeset news page 7,
 * seed 23). The bylines open a story, and the head's lines under them, in a story with no running
 * text, were read as its crossheads; the story they head was left without a head or names. A story
 * with no head and no paragraph, only one to three crossheads, whose last one reads of a headless
 * story next to it on its page (LATE_HEAD_MIN_AFFINITY; the one before first, where heads are
 * printed after their text) is that story's head, in print order kicker, headline, subtitle, and its
 * names are that story's.
 */
export function headsReadAsCrossheads(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const texts = articles.map(paragraphText);
  const headOnly = (a: Draft) => headless(a) && a.body.length >= 1 && a.body.length <= 3 && a.body.every((b) => b.kind === 'subhead');
  const taken = new Set<number>();
  const given = new Map<number, number>();
  articles.forEach((a, i) => {
    if (!headOnly(a)) return;
    const words = contentWords(a.body[a.body.length - 1].text);
    const to = [i - 1, i + 1].find((k) => {
      const t = articles[k];
      return t !== undefined && !taken.has(k) && headless(t) && t.source.page === a.source.page && texts[k] !== '' && affinity(words, texts[k]) >= LATE_HEAD_MIN_AFFINITY;
    });
    if (to === undefined) return;
    taken.add(to);
    given.set(to, i);
  });
  if (given.size === 0) return { articles: [...articles], report };
  const out = headsGiven(articles, given, (h, a) => {
    const parts = h.body.map((b) => b.text);
    const [kicker, title, subtitle] = parts.length === 1 ? [undefined, parts[0], undefined] : [parts[0], parts[1], parts[2]];
    report.push({ lines: a.source.lines, text: parts.join(' / '), reason: 'a head read as the crossheads of a story of its own heads the story with no head next to it' });
    const joined = merged(a, h, a.body);
    return { ...joined, title, ...(kicker ? { kicker } : {}), ...(subtitle ? { subtitle } : {}) };
  });
  return { articles: out, report };
}

/**
 * Two headlines glued into one line: a converter gives two heads set side by side (two vertical
 * heads, read across) one line (`# 东安县公安局：便民服务获好评凤凰纪委为农民工解“薪”愁`, pdf2md on
 * typeset news page 5, seed 11), which heads one story and leaves the other without a head. A
 * headline cut in two where no word runs across (each part LATE_HEAD_MIN_CHARS at least), one part
 * reading of a headless story of its page and the other of its own story (LATE_HEAD_MIN_AFFINITY
 * each, and each more than of the other story), is two headlines: the part that reads of the
 * headless story heads it. The best cut of the best pair, each story once.
 */
export function partGluedHeadlines(articles: readonly Draft[]): Repaired {
  const report: ReportEntry[] = [];
  const texts = articles.map(paragraphText);
  const pairs: { from: number; to: number; own: string; other: string; score: number }[] = [];
  articles.forEach((a, from) => {
    const chars = [...a.title];
    if (chars.length < 2 * LATE_HEAD_MIN_CHARS || texts[from] === '') return;
    // the headline's cuts where no word runs across, each way round, with their words
    const cuts: { own: string; other: string; ow: Map<string, number>; tw: Map<string, number> }[] = [];
    for (let k = LATE_HEAD_MIN_CHARS; k <= chars.length - LATE_HEAD_MIN_CHARS; k++) {
      const left = chars.slice(0, k).join('');
      const right = chars.slice(k).join('');
      if (continues(left, right)) continue;
      for (const [own, other] of [[left, right], [right, left]]) cuts.push({ own, other, ow: contentWords(own), tw: contentWords(other) });
    }
    articles.forEach((y, to) => {
      if (!headless(y) || y.source.page !== a.source.page || texts[to] === '') return;
      for (const { own, other, ow, tw } of cuts) {
        const mine = affinity(ow, texts[from]);
        const theirs = affinity(tw, texts[to]);
        if (mine >= LATE_HEAD_MIN_AFFINITY && theirs >= LATE_HEAD_MIN_AFFINITY && mine > affinity(ow, texts[to]) && theirs > affinity(tw, texts[from])) pairs.push({ from, to, own, other, score: mine + theirs });
      }
    });
  });
  // (a story with a headline gives, a headless one takes: no story is both)
  const given = pairOnce(pairs);
  const out = [...articles];
  for (const p of given.values()) {
    report.push({ lines: articles[p.to].source.lines, text: p.other, reason: `two headlines glued into one line (${articles[p.from].title}): the part that reads of the story with no head heads it` });
    out[p.from] = { ...out[p.from], title: p.own };
    out[p.to] = { ...out[p.to], title: p.other };
  }
  return { articles: out, report };
}

/**
 * The repairs after assembly, in the order they run, each with the part of the file's report its
 * entries go to: paragraphs printed twice and heads in fake bold are duplicates, a glyph taken out of
 * a head is text no article holds, everything else a decision.
 */
export const REPAIRS: readonly { name: string; repair: (articles: readonly Draft[]) => Repaired; report: 'duplicates' | 'decisions' | 'unassigned' }[] = [
  { name: 'repeated-paragraphs', repair: dropRepeatedParagraphs, report: 'duplicates' },
  { name: 'overprinted-heads', repair: undoOverprintedHeads, report: 'duplicates' },
  { name: 'fragments', repair: stitchFragments, report: 'decisions' },
  { name: 'lone-bylines', repair: creditLoneBylines, report: 'decisions' },
  { name: 'glyph-heads', repair: dropGlyphHeadlines, report: 'unassigned' },
  { name: 'heads-printed-together', repair: partHeadsPrintedTogether, report: 'decisions' },
  { name: 'glued-headlines', repair: partGluedHeadlines, report: 'decisions' },
  { name: 'stray-heads', repair: moveStrayHeads, report: 'decisions' },
  { name: 'headless-stories', repair: titleHeadlessStories, report: 'decisions' },
  { name: 'openings-printed-apart', repair: joinOpeningsPrintedApart, report: 'decisions' },
  { name: 'orphan-tails', repair: joinOrphanTails, report: 'decisions' },
  { name: 'sections-printed-apart', repair: joinSectionsPrintedApart, report: 'decisions' },
  { name: 'bodiless-heads', repair: joinBodilessHeads, report: 'decisions' },
  { name: 'bodiless-heads-apart', repair: titleFromBodilessHeads, report: 'decisions' },
  { name: 'crossheads-as-head', repair: headsReadAsCrossheads, report: 'decisions' },
];
