import type { ClassifiedBlock } from './types.ts';
import { vertical } from './classify.ts';
import { signedNames } from './rules/credits.ts';
import { readPageHeader } from './rules/page-header.ts';
import { endsPhrase, endsSentence, leftOpen } from './rules/chars.ts';
import { cannotOpen, closesLeftOpen, continuesAcross, framedAcross, leavesMarkOpen, opensMidSentence } from './rules/continuation.ts';
import { affinity, contentWords, similarity } from './rules/topic.ts';
import { EARLY_MIN_AFFINITY, GLYPH_APART_MAX_BLOCKS, INSIDE_MIN_WORD, NAME_LIFT_MAX_BLOCKS, THREAD_BACK_MAX_BLOCKS, THREAD_BACK_MIN_AFFINITY, THREAD_FAR_MAX_BLOCKS, THREAD_WINDOW } from './thresholds.ts';

const running = (b: ClassifiedBlock) => b.kind === 'body';
/** A block that opens a story (`本报讯…`, `新华社…电`) never continues another's sentence. */
const opener = (b: ClassifiedBlock) => b.kind === 'dateline' || b.opensStory === true;
/** Running text that stops mid-sentence and must go on somewhere. */
const open = (b: ClassifiedBlock) => (running(b) || b.kind === 'dateline') && leftOpen(b.text);
/** What closes a story or a page's top: a run of running text after one starts afresh. */
const closes = (b: ClassifiedBlock) => b.kind === 'credit' || b.kind === 'furniture';
/** What a story's head is made of: its first running text stands right under it. */
const heads = (b: ClassifiedBlock) => b.kind === 'headline' || b.kind === 'byline' || b.kind === 'subtitle' || b.kind === 'kicker';
/** The nearest headline at or above block k on `page`, or -1 when the page has none there. */
function headlineAbove(blocks: readonly ClassifiedBlock[], k: number, page: number): number {
  while (k >= 0 && blocks[k].page === page && blocks[k].kind !== 'headline') k--;
  return k >= 0 && blocks[k].page === page ? k : -1;
}
/** The first block of the head group block h stands in (kicker, names, subtitle, headlines printed together). */
function headGroupStart(blocks: readonly ClassifiedBlock[], h: number): number {
  let g = h;
  while (g > 0 && heads(blocks[g - 1]) && blocks[g - 1].page === blocks[h].page) g--;
  return g;
}
/** The first block under headline h past its head (kicker, subtitle, names), at most `limit`. */
function firstUnderHead(blocks: readonly ClassifiedBlock[], h: number, limit: number): number {
  let j = h + 1;
  while (j < limit && heads(blocks[j])) j++;
  return j;
}

/**
 * Stage 3b: running text threaded back into reading order. Extractors that follow the page's text
 * flow block by block interleave two stories set side by side (pdftotext on a page of two narrow
 * stories: four lines of one, four of the other, …), and print a story's column after a box that
 * stands between. A block that stops mid-sentence goes on in a later block that no story opens:
 * the first such block, within THREAD_WINDOW running blocks, where a word runs across the cut
 * (`…甲` / `乙…`); a break between words is left where it is. Each thread is then
 * given in one piece where it starts; everything else keeps its place.
 *
 * A miner that reads a page box by box can also print a story's opening column after its end: on
 * the development pages pdfminer gives head, byline, the second column (opening on a word's second
 * half), …, the closing credit, and only then the first column (a whole first sentence, then text
 * ending on that word's first half). Such a run — running text straight after a credit or the
 * page's furniture, holding a whole sentence, whose last block stops mid-sentence and no later
 * block goes on with it — goes in before the first
 * running text under the headline of the story it follows, when it reads of that headline
 * (THREAD_BACK_MIN_AFFINITY) more than of the next one; no word across the cut is asked for (the
 * development pages' cuts fall between words as often as inside one). An opening cut at a
 * paragraph's end goes back too when it stands whole between its story's credit and the next
 * head or the page's furniture (pdfminer on the development pages: a paragraph's end, `…。`,
 * then the page's header and the next essay's head). First of all, the page's header printed
 * inside a story's head goes before it (furnitureOutOfHeads). Pure: the blocks are not
 * changed, only their order (but for a headline's last character printed apart, set back into it).
 */
export function threadBlocks(printed: readonly ClassifiedBlock[]): ClassifiedBlock[] {
  const blocks = furnitureOutOfHeads(printed);
  const next = new Map<number, number>();
  const taken = new Set<number>();
  // a story's opening that goes on right under a head goes there, under the head, where its story
  // goes on (`新华社北京2月10日电（…）春运首日，全国铁路客流平稳有` / another story / `春运首日铁路…` /
  // `序，多个枢纽车站…`, pdftotext on typeset news page 5, seed 11)
  const openingUnder = new Map<number, number>();
  for (const [i, j] of continuationOwners(blocks)) {
    if (opener(blocks[i]) && heads(blocks[j - 1])) {
      openingUnder.set(j, i);
      taken.add(i);
      continue;
    }
    next.set(i, j);
    taken.add(j);
  }
  carryTails(blocks, next, taken);
  for (const [i, j] of continuationsPrintedFirst(blocks, next, taken)) {
    next.set(i, j);
    taken.add(j);
  }
  // a run threaded on after block i, in the order printed (a block of a run moved before goes on in
  // this run first, then in what followed it there)
  const threadRun = (i: number, run: readonly number[]) => {
    const after = next.get(i);
    run.forEach((k, n) => {
      next.set(n === 0 ? i : run[n - 1], k);
      taken.add(k);
    });
    if (after !== undefined) next.set(run[run.length - 1], after);
  };
  for (const [i, run] of tailsPrintedBeforeHead(blocks, next, taken)) threadRun(i, run);
  for (const [i, run] of columnAroundStory(blocks, next, taken)) threadRun(i, run);
  const under = columnsUnderOtherHeads(blocks, next, taken);
  for (const [i, run] of under.threaded) threadRun(i, run);
  // runs moved before a head are placed: no later rule takes them
  for (const run of under.before.values()) run.forEach((k) => taken.add(k));
  const before = openingsPrintedLate(blocks, next, taken);
  for (const [j, run] of under.before) before.set(j, run);
  for (const [j, run] of openingsPrintedInside(blocks, next, taken, before)) before.set(j, run);
  for (const [j, run] of openingLinesPrintedAfter(blocks, next, taken, before)) before.set(j, run);
  for (const [j, i] of openingUnder) before.set(j, [i, ...(before.get(j) ?? [])]);
  const swapped = nameBesideHeadline(blocks);
  const early = openingsPrintedEarly(blocks, taken, before, swapped);
  const lifted = nameBelowHeadline(blocks, swapped);
  const glyphs = lastGlyphsPrintedApart(blocks);
  if (next.size === 0 && before.size === 0 && early.size === 0 && swapped.size === 0 && lifted.size === 0 && glyphs.size === 0) return [...blocks];
  const moved = new Set([...[...before.values()].flat(), ...[...early.values()].flat(), ...lifted.values(), ...glyphs.values()]);
  const out: ClassifiedBlock[] = [];
  const give = (i: number) => {
    for (let k: number | undefined = i; k !== undefined; k = next.get(k)) out.push(blocks[k]);
  };
  const glyphOf = new Set(glyphs.values());
  // what goes right after block i: the name lifted under it, the run printed early for it
  const after = (i: number) => {
    const name = lifted.get(i);
    if (name !== undefined) give(name);
    for (const r of early.get(i) ?? []) give(r);
  };
  blocks.forEach((b, i) => {
    // a block given with the thread that takes it, or moved by another rule: what goes before it
    // (a head group's first block, a glyph or a name set back elsewhere) stays where it was printed
    if (taken.has(i) || moved.has(i) || swapped.has(i)) {
      for (const r of before.get(i) ?? []) give(r);
      // …and what goes after it, there too, but for a headline's last character: what goes after it
      // goes after the headline it is set back in
      if (!glyphOf.has(i)) after(i);
      return;
    }
    for (const r of before.get(i) ?? []) give(r);
    const glyph = glyphs.get(i);
    if (glyph === undefined) give(i);
    else out.push(withLastGlyph(b, blocks[glyph]));
    if (swapped.has(i - 1)) give(i - 1);
    after(i);
    // a name lifted under the last character (`鹤` / `林 晓 岚`) goes under the whole headline
    if (glyph !== undefined) after(glyph);
  });
  return out;
}

/**
 * The page's furniture printed between a head line and the headline under it goes before both: a
 * miner that reads the page's top box by box gives a story's kicker, then the issue date and page
 * number beside it, then the story's headline (`民生实事看落实` / `二〇二三年四月十四日 星期五` / `综合` /
 * `12` / `社区食堂让老人吃上热乎饭`, pdfminer on typeset news page 12, seed 29). Left between them, the
 * furniture parted the kicker from its headline, and the kicker, a head of its own with no body,
 * took the names printed at the page's foot. The blocks as printed when no furniture stands so.
 */
function furnitureOutOfHeads(blocks: readonly ClassifiedBlock[]): readonly ClassifiedBlock[] {
  let out: ClassifiedBlock[] | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if ((b.kind !== 'headline' && b.kind !== 'kicker') || vertical(b) || !/\p{Script=Han}.*\p{Script=Han}/u.test(b.display)) continue;
    let j = i + 1;
    while (j < blocks.length && blocks[j].kind === 'furniture' && blocks[j].page === b.page) j++;
    if (j === i + 1 || j >= blocks.length || blocks[j].kind !== 'headline' || blocks[j].page !== b.page) continue;
    // (a line that reads as the page's header: its date, `第6版`, or its page with its section; a
    // label over briefs, `简讯`, heads what follows it)
    if (!blocks.slice(i + 1, j).some((x) => readPageHeader(x.display) !== null)) continue;
    out ??= [...blocks];
    // the furniture first, then the head line, right over its headline
    out.splice(i, j - i, ...blocks.slice(i + 1, j), b);
    i = j - 1;
  }
  return out ?? blocks;
}

/**
 * Where each open block goes on: the later running blocks, within THREAD_WINDOW, that no story opens
 * and no head stands right above, into which a word runs across the cut; when there is none, the
 * first block further on the page that also closes a quote or bracket the cut leaves open. Only a
 * word run across says where it goes on: taking the nearest block without one threaded stories'
 * first paragraphs into others on the development and news pages. Two open blocks may want the
 * same block (`…产业学` and `…一批年轻干` both read on into `部在一线…`: 学部, 干部), and taken first come, first served, the
 * first took it and left the second's sentence cut though the first could go on elsewhere (`院，…`:
 * pdftotext on typeset news, where a column of one story is printed between two of another). As
 * many open blocks as can go on do: augmenting paths over the candidates, the open blocks taken in
 * reading order. Where two could each go on either way, the later one, printed nearer the block
 * they both want, keeps it and the earlier takes its next candidate (`…进入上` / `部结构…` beside
 * `…产业学` / … / `院，…`, seed 11 page 3; a word read across by chance, 上院, makes both pairings
 * possible there); and the open block printed right before a block keeps it whatever else wants it.
 * A quotation closing the cut goes on where the frame `以…为` is finished (framedAcross), the one
 * case where no word runs across and the sentence still says so. Open block index → the block it
 * goes on in, open blocks in reading order.
 */
function continuationOwners(blocks: readonly ClassifiedBlock[]): Map<number, number> {
  const options = new Map<number, number[]>();
  blocks.forEach((b, i) => {
    if (!open(b)) return;
    const candidates: number[] = [];
    // running text no story opens, not right under a head either: that is a story's opening, not
    // another's sentence going on (`…更加民主` / head / `党的…` makes `民主党`; mutool on the
    // development pages, where the sentence goes on in the block printed right after it, cut between words)
    // …unless the open block opens a story itself and the block under the head starts mid-sentence
    // (`…客流平稳有` / … / head / `序，…`): the opening goes under that head (threadBlocks). Asked of
    // any open block, a crosshead's column pulled above it cost the development pages' `-layout`
    // boundaries 0.844 → 0.826
    const mayGoOn = (j: number) => running(blocks[j]) && !opener(blocks[j]) && (!heads(blocks[j - 1]) || (opener(b) && !(i > 0 && heads(blocks[i - 1])) && opensMidSentence(b.text, blocks[j].text))) && (continuesAcross(b.text, blocks[j].text) || framedAcross(b.text, blocks[j].text));
    let j = i + 1;
    for (let seen = 0; j < blocks.length && blocks[j].page === b.page && seen < THREAD_WINDOW; j++) {
      if (!running(blocks[j])) continue;
      seen++;
      if (mayGoOn(j)) candidates.push(j);
    }
    // past the window, only a block that closes a quote or bracket the cut leaves open, a word running
    // across too: a title cut inside a word goes on after the whole next story and the page's footer
    // (`…《2019年国家先进污染防治技术目` / … / `录（水污染防治领域）》…`, pdftotext on typeset news page 7,
    // seed 23), where nothing else says where
    // (at most THREAD_FAR_MAX_BLOCKS running blocks on, the cheap test first: a page that never ends,
    // one Markdown-like file without page marks, made the look to the page's end quadratic)
    if (candidates.length === 0 && leavesMarkOpen(b.text)) {
      for (let seen = 0; j < blocks.length && blocks[j].page === b.page && seen < THREAD_FAR_MAX_BLOCKS; j++) {
        if (!running(blocks[j])) continue;
        seen++;
        if (closesLeftOpen(b.text, blocks[j].text) && mayGoOn(j)) {
          candidates.push(j);
          break;
        }
      }
    }
    if (candidates.length > 0) options.set(i, candidates);
  });
  const owner = new Map<number, number>();
  const claim = (i: number, tried: Set<number>): boolean => {
    for (const j of options.get(i) ?? []) {
      if (tried.has(j)) continue;
      tried.add(j);
      const held = owner.get(j);
      // the block printed right before j keeps it, and the block that held it looks on: two cuts
      // that read on into one block, the nearer is the one printed against it (`…一场以“科学点亮梦想”`
      // / `为主题的…`, where `…老板称没有人` three boxes up reads 人为 into it by chance: pdfminer
      // and `-layout` on typeset news page 3, seed 23)
      if (held !== undefined && held === j - 1 && i !== j - 1) continue;
      if (held !== undefined && i === j - 1) {
        owner.set(j, i);
        claim(held, tried);
        return true;
      }
      if (held === undefined || claim(held, tried)) {
        owner.set(j, i);
        return true;
      }
    }
    return false;
  };
  for (const i of options.keys()) claim(i, new Set());
  return new Map([...owner].map(([j, i]): [number, number] => [i, j]).sort((x, y) => x[0] - y[0]));
}

/**
 * A block a thread takes brings what was printed right after it: running text it goes on in (the
 * cut between words, where no word runs across: `…近2000人` / `受益，…`) and the credit that closes
 * them. Taken alone, the block left its story's last lines and credit behind, under the next
 * story's head (pdfminer on typeset news page 7: `…就能考摩` / `托车驾驶证…` is threaded, then
 * `受益，…好评。（记者 …）` stayed after the next story and signed it). Adds to `next` and `taken`.
 */
function carryTails(blocks: readonly ClassifiedBlock[], next: Map<number, number>, taken: Set<number>): void {
  for (const [i, j] of [...next]) {
    // only across another story's head: a tail left behind within its own story still reads in it
    if (!blocks.slice(i + 1, j).some((b) => b.kind === 'headline')) continue;
    let k = j;
    // the block after k, on the page and in no thread yet, when k goes on in none yet
    const free = () => k + 1 < blocks.length && blocks[k + 1].page === blocks[j].page && !taken.has(k + 1) && !next.has(k);
    while (open(blocks[k]) && free() && running(blocks[k + 1]) && !opener(blocks[k + 1])) {
      next.set(k, k + 1);
      taken.add(k + 1);
      k++;
    }
    // the credit only after a column's worth (two lines or more): a fragment of one line taken
    // where a word seemed to run across the cut (`…尤其受` / `过十五分钟。`, typeset news page 2)
    // is as often another story's last line, and its credit that story's
    const carried = blocks.slice(j, k + 1).reduce((n, b) => n + b.lines.length, 0);
    if (carried >= 2 && free() && blocks[k + 1].kind === 'credit') {
      next.set(k, k + 1);
      taken.add(k + 1);
    }
  }
}

/** A headline with its last character, printed apart, set back at its end: one block, as the page prints it. */
function withLastGlyph(h: ClassifiedBlock, glyph: ClassifiedBlock): ClassifiedBlock {
  return { ...h, lines: [...h.lines, ...glyph.lines], text: h.text + glyph.text.trim(), display: h.display + glyph.display.trim(), short: false };
}

/** A headline block of one Han character alone (`味`, `鸟`). */
const glyphHead = (b: ClassifiedBlock) => b.kind === 'headline' && b.lines.length === 1 && /^\p{Script=Han}$/u.test(b.display.trim());
/** A headline block set across that ends no phrase, so that a character may still follow it. */
const endsNoPhrase = (h: ClassifiedBlock) => h.kind === 'headline' && !vertical(h) && !glyphHead(h) && !endsPhrase(h.display);

/**
 * A headline's last character printed apart from it. `-layout` cuts the page into rows and reads
 * each row's columns in turn, so a headline whose last character wraps to the next row comes back
 * after the other columns' heads and text (`天元区加快新冠疫苗加强针接`, another story's `智`, its
 * dateline, …, `种`: typeset news page 4, seed 29; `湿地迎来越冬候`, a boxed head, `鸟`), or right
 * under it with blank lines between (`课后服务“加餐”更有`, the rows of other columns, `味`: page 6, seed
 * 11). No head is one character. A headline block of one character, not set tight under a headline
 * (readHead reads that as its wrap), goes to the end of the nearest headline before it on its page,
 * within GLYPH_APART_MAX_BLOCKS blocks, that ends no phrase and into which a word runs across (接种,
 * 候鸟); where no word runs across into any, to the headline right above it when that is the only
 * one near that ends no phrase (有味: a word nodejieba does not know). Otherwise it stays where it is
 * and is reported (`八百` two heads up, `农民夜校开进村里` right above, `册`: which head it ends is a
 * guess). Headline index → the glyph's index.
 */
function lastGlyphsPrintedApart(blocks: readonly ClassifiedBlock[]): Map<number, number> {
  const found = new Map<number, number>();
  blocks.forEach((b, i) => {
    // (one of a run of such blocks is a head set down glyph by glyph, each a line of its own: `##
    // 株` / `## 洲` / …, a converter's marks)
    if (!glyphHead(b) || i === 0 || glyphHead(blocks[i - 1]) || (i + 1 < blocks.length && glyphHead(blocks[i + 1]))) return;
    const above = blocks[i - 1];
    const rightUnder = above.kind === 'headline' && above.page === b.page;
    if (rightUnder && b.lines[0].blanksBefore === 0) return;
    const takes = (h: ClassifiedBlock) => endsNoPhrase(h) && continuesAcross(h.display, b.display);
    const near: number[] = [];
    for (let k = i - 1; k >= 0 && k >= i - GLYPH_APART_MAX_BLOCKS && blocks[k].page === b.page; k--) if (endsNoPhrase(blocks[k]) && !found.has(k)) near.push(k);
    // (not a drop cap: a character that reads on into the running text right after it, `清` / `晨六点，…`)
    const after = blocks[i + 1];
    const dropCap = after !== undefined && after.page === b.page && running(after) && continuesAcross(b.display, after.text);
    const k = near.find((x) => takes(blocks[x])) ?? (rightUnder && !dropCap && near.length === 1 && near[0] === i - 1 ? i - 1 : undefined);
    if (k !== undefined) found.set(k, i);
  });
  return found;
}

/**
 * A signed name printed below the first column under its headline: a miner that reads a column top
 * to bottom gives the headline, the paragraphs beside the name, then the name (`增` / `强` / … /
 * `觉`, two paragraphs, `梁` / `玉` / `春`, pdfminer on the development pages; `-layout` and pdfminer
 * give a level name after the essay's first column the same way), which would cut the story in two.
 * The name goes right after the headline when only running text stands between them: any depth
 * for a vertical name under a vertical headline, at most NAME_LIFT_MAX_BLOCKS blocks with running
 * text after it for a level name. Headline index → name index.
 */
function nameBelowHeadline(blocks: readonly ClassifiedBlock[], beside: ReadonlySet<number>): Map<number, number> {
  const lifted = new Map<number, number>();
  blocks.forEach((b, i) => {
    // a name right over a vertical headline signs that one (nameBesideHeadline), never two stories
    if (beside.has(i) || b.kind !== 'byline' || signedNames(b.display) === null) return;
    let k = i - 1;
    while (k >= 0 && running(blocks[k]) && blocks[k].page === b.page) k--;
    const h = blocks[k];
    // a name set level is lifted only from a column's depth under the head, with running text
    // after it: a name after a long run, or closing it, signs that run (a column-wrapped page
    // prints names after their essays). Nor is it lifted from inside a sentence to a head with a
    // head above it and no name yet on the page: that head is the unsigned first essay's crosshead
    // and the name that essay's, sorted by the miner into the column level with it (pdfminer on
    // the development page of 10 January, two crossheads down; name-inside-sentence-under-crosshead.txt):
    // lifted, it made the crosshead a story of its own. Left where it is printed, it
    // credits the essay it stands in (nameInsideSentence). Asked without the name before on the
    // page, a second essay's crosshead kept its name from the essay's own head below it
    // (development page of 11 January, `-layout`: boundaries 0.836 → 0.755)
    const after = blocks[i + 1];
    const level = !vertical(b) && i - 1 - k <= NAME_LIFT_MAX_BLOCKS && after !== undefined && running(after) && after.page === b.page && !(open(blocks[i - 1]) && unsignedAbove(blocks, k));
    if (k < i - 1 && h?.kind === 'headline' && (level || (vertical(b) && vertical(h))) && h.page === b.page && !lifted.has(k)) lifted.set(k, i);
  });
  return lifted;
}

/** A head above block k on its page and no name before k there (no byline, no dateline or credit that names anyone): the page's first story is unsigned so far. */
function unsignedAbove(blocks: readonly ClassifiedBlock[], k: number): boolean {
  let head = false;
  for (let j = k - 1; j >= 0 && blocks[j].page === blocks[k].page; j--) {
    if (blocks[j].kind === 'byline' || (blocks[j].credits?.length ?? 0) > 0) return false;
    if (blocks[j].kind === 'headline') head = true;
  }
  return head;
}

/**
 * Signed names set vertically beside their vertical headline: the page reads the headline's
 * column first, a miner that lists columns left to right gives the name first (`陈` / `先` / `达`,
 * blank, `法` / `治` / …, pdfminer on the development pages). The names' indices, each to go
 * after the headline that follows it.
 */
function nameBesideHeadline(blocks: readonly ClassifiedBlock[]): Set<number> {
  const names = new Set<number>();
  blocks.forEach((b, i) => {
    const h = blocks[i + 1];
    // a signed name only: a byline with its role word (`通讯员谭琰琳`) is set where the page's own
    // order of heads puts it (typeset news pages, seed 13)
    if (b.kind === 'byline' && vertical(b) && signedNames(b.display) !== null && h?.kind === 'headline' && vertical(h) && h.page === b.page) names.add(i);
  });
  return names;
}

/**
 * A story's later columns printed before its head: pdftotext can give the story before, then this
 * story's later columns (`为，整合全市旅游资源，…`), then its head and its first columns, the last of
 * which stops mid-sentence with nowhere to go on (`…市文旅部门主动作`: typeset news page 5, seed 17).
 * The story's last running block, left open, goes on in a block printed before its head group,
 * after a block that ends a sentence (the story before ends there), when a word runs across the
 * cut (作为) or the block's start can open no sentence; that block and every running block after
 * it up to the head group go on after it. The run holds a whole sentence and no dateline. On the
 * five seeds it moves two runs, both right (pdftotext, pages 3 and 5 of seeds 11 and 17:
 * boundaries +0.018 and +0.019); nothing else moves on any corpus.
 * Open block → the run.
 */
function tailsPrintedBeforeHead(blocks: readonly ClassifiedBlock[], next: ReadonlyMap<number, number>, taken: ReadonlySet<number>): Map<number, number[]> {
  const found = new Map<number, number[]>();
  const claimed = new Set<number>();
  blocks.forEach((b, i) => {
    if (!running(b) || !open(b) || next.has(i) || taken.has(i)) return;
    // the story's last running block: nothing printed after it goes on with it
    const after = blocks[i + 1];
    if (after !== undefined && after.page === b.page && running(after) && !opener(after)) return;
    const h = headlineAbove(blocks, i, b.page);
    if (h < 0) return;
    const hs = headGroupStart(blocks, h);
    const tail = b.text.replace(/\s+/gu, '');
    // where the run may start: after the story before ends, a word across the cut or a start no
    // sentence has; the latter, or a lone character before a pause (`为，整合…`), says it more surely
    // than a word read across by chance (`…主动作` / `为了吸引…`, the same story's later paragraph)
    let chosen: number | undefined;
    let sure = false;
    for (let j = hs - 1; j > 0 && blocks[j].page === b.page && running(blocks[j]) && !opener(blocks[j]) && !sure; j--) {
      const prev = blocks[j - 1];
      // the story before ends right there: its last text ends a sentence, or a credit closes it (not a
      // head: the text under a head is that story's opening)
      if (prev.page !== b.page || !(running(prev) ? endsSentence(prev.text) : closes(prev))) continue;
      const first = blocks[j].text.replace(/\s+/gu, '');
      sure = cannotOpen(tail, first) || (continuesAcross(tail, first) && /^\p{Script=Han}[，、；,]/u.test(first));
      if (sure || (chosen === undefined && continuesAcross(tail, first))) chosen = j;
    }
    if (chosen === undefined) return;
    const run = Array.from({ length: hs - chosen }, (_, k) => (chosen as number) + k);
    if (run.some((k) => taken.has(k) || claimed.has(k) || (k !== hs - 1 && next.has(k)))) return;
    if (!run.some((k) => /[。！？!?]/u.test(blocks[k].text))) return;
    found.set(i, run);
    run.forEach((k) => claimed.add(k));
  });
  return found;
}

/**
 * A story printed whole inside another story's column: the column stops mid-sentence, a short story
 * stands under it from its head to its closing credit, and the column goes on after that credit
 * (`…同时，随着“研学游”的` / `民生实事看落实` / `社区食堂让老人吃上热乎饭` / … / `（记者 孟秋 通讯员 傅嘉）`
 * / `兴起，该市文旅部门…`: seven extractors of typeset news page 4, seed 31, where no word runs
 * across the cut, 的 | 兴起). The text after the credit goes on after the open block when it reads of
 * that block's headline (THREAD_BACK_MIN_AFFINITY) more than of the boxed story's: the running
 * blocks from there up to the next head, credit or furniture, and a credit that closes them.
 * Open block → the run.
 */
function columnAroundStory(blocks: readonly ClassifiedBlock[], next: ReadonlyMap<number, number>, taken: ReadonlySet<number>): Map<number, number[]> {
  const found = new Map<number, number[]>();
  const claimed = new Set<number>();
  blocks.forEach((b, i) => {
    if (!running(b) || !open(b) || next.has(i) || taken.has(i)) return;
    const box = blocks[i + 1];
    if (box === undefined || box.page !== b.page || !heads(box)) return;
    const own = headlineAbove(blocks, i, b.page);
    if (own < 0) return;
    // the boxed story: its head, then running text and captions up to the credit that closes it
    let c = i + 1;
    while (c < blocks.length && blocks[c].page === b.page && heads(blocks[c])) c++;
    const boxHead = c - 1;
    if (blocks[boxHead]?.kind === 'byline' && !blocks.slice(i + 1, c).some((x) => x.kind === 'headline')) return;
    let text = 0;
    while (c < blocks.length && blocks[c].page === b.page && (running(blocks[c]) || blocks[c].kind === 'dateline' || blocks[c].kind === 'caption')) {
      if (running(blocks[c]) || blocks[c].kind === 'dateline') text++;
      c++;
    }
    // (a credit that names its reporters: an essay's affiliation note, `（作者为…）`, closes an essay,
    // and a page of essays shares its words, so no topic would tell whose column goes on after it —
    // development page of 2 January in pdftotext)
    if (text === 0 || blocks[c]?.kind !== 'credit' || blocks[c].page !== b.page || (blocks[c].credits?.length ?? 0) === 0) return;
    const headWords = (from: number, to: number) => contentWords(blocks.slice(from, to).filter((x) => x.kind === 'headline').map((x) => x.text).join(''));
    const mineWords = headWords(headGroupStart(blocks, own), own + 1);
    const theirWords = headWords(i + 1, c);
    // the column going on after it, up to a block that reads of the boxed heads more than of its own
    // (a box that heads two stories, the second with no dateline to open it: its text follows the
    // column's, seed 37 page 1 in pdftotext)
    // …and, past the block that finishes the sentence, up to one that reads nothing of its own head
    // either (a third story's text, then its credit and late head). A block that goes on elsewhere
    // already (a thread of its own) ends the run: what it threads to stays after it
    const run: number[] = [];
    for (let k = c + 1; k < blocks.length && blocks[k].page === b.page && running(blocks[k]) && !opener(blocks[k]) && !taken.has(k) && !claimed.has(k); k++) {
      const mine = affinity(mineWords, blocks[k].text);
      if (affinity(theirWords, blocks[k].text) > mine || (run.length > 0 && mine === 0)) break;
      run.push(k);
      if (next.has(k)) break;
    }
    if (run.length === 0) return;
    const last = run[run.length - 1];
    if (!next.has(last) && blocks[last + 1]?.kind === 'credit' && blocks[last + 1].page === b.page && !taken.has(last + 1)) run.push(last + 1);
    const said = run.map((k) => blocks[k].text).join('');
    const mine = affinity(mineWords, said);
    if (mine < THREAD_BACK_MIN_AFFINITY || mine <= affinity(theirWords, said)) return;
    found.set(i, run);
    run.forEach((k) => claimed.add(k));
  });
  return found;
}

/**
 * Another story's column printed under a head: pdftotext, giving a page's blocks in its own flow,
 * can print a story's head, then a column of a story set beside or above it, and only then the
 * story's own opening, `本报讯…` (`冬季蔬菜丰收上市` / `器械与“歹徒”周旋,…` / `本报讯连日来，…`:
 * typeset news page 6, seed 23). Text between a head group and the first dateline after it, with
 * no other head between, is not that story's opening: a story that opens with its dateline opens
 * there. It is another story's column when
 *   - a block before the head stops mid-sentence and goes on nowhere (not in a thread, not in the
 *     block printed after it), and the run can go on there: a word across the cut, a start no
 *     sentence has (`的。接到消息后…`), or, for the nearest such block only, the run reads of that
 *     block's headline (THREAD_BACK_MIN_AFFINITY) more than of any headline of its own group. The
 *     run goes on after it, in `threaded`; what was printed between that block and the head goes
 *     back to the story before that block's head when it shares more of that story's words
 *     (`教育的一头连着民生，…`, the lead's column);
 *   - or else it reads of the headline of the story printed before the head, as above: it goes
 *     before the head, at that story's end, in `before`.
 * Measured on pdftotext's typeset news pages, five seeds and the corpus (no other extractor's row
 * moves, nor the development set's or the sample's): headlines +0.15 summed, kickers +0.20,
 * subtitles +0.15; boundaries +0.041 on seed 23 and +0.006 on seed 29, but −0.025, −0.023 and
 * −0.018 on seed 19, seed 11 and the corpus, each a story found before by chance and lost when
 * the column it held went back where it belongs (a head printed after its body then took the text
 * of the story before it, bodilessHeadPass in assemble.ts; a body line read as a headline,
 * `公司拥有三项环保核心技术：…`, split a story).
 */
function columnsUnderOtherHeads(blocks: readonly ClassifiedBlock[], next: ReadonlyMap<number, number>, taken: ReadonlySet<number>): { threaded: Map<number, number[]>; before: Map<number, number[]> } {
  const threaded = new Map<number, number[]>();
  const before = new Map<number, number[]>();
  const claimed = new Set<number>();
  // what stood between a block and the run it now goes on in (`教育的一头连着民生，…`, after
  // `…盾牌、警棍等`, before `冬季蔬菜丰收上市` / `器械与…`) is a third column: the column of the story
  // printed before that block's head, when it shares more of that story's words (its head and text)
  // than of this one's
  const leftBetween = (i: number, g: number) => {
    const rest = Array.from({ length: g - i - 1 }, (_, k) => i + 1 + k);
    if (rest.length === 0 || rest.some((k, n) => !running(blocks[k]) || opener(blocks[k]) || taken.has(k) || claimed.has(k) || (n < rest.length - 1 && next.has(k)))) return;
    const hi = headlineAbove(blocks, i, blocks[i].page);
    if (hi < 0) return;
    const gi = headGroupStart(blocks, hi);
    const p = headlineAbove(blocks, gi - 1, blocks[hi].page);
    if (p < 0 || before.has(gi)) return;
    const restText = rest.map((k) => blocks[k].text).join('');
    const textOf = (from: number, to: number) => blocks.slice(from, to).map((b) => b.text).join('');
    const theirs = similarity(restText, textOf(headGroupStart(blocks, p), gi));
    const mine = similarity(restText, textOf(gi, i + 1));
    if (mine >= theirs) return;
    before.set(gi, rest);
    rest.forEach((k) => claimed.add(k));
  };
  blocks.forEach((h, g) => {
    // the head group's first block, past kicker, names and subtitle: once per group
    if (!heads(h) || (g > 0 && heads(blocks[g - 1]) && blocks[g - 1].page === h.page)) return;
    let e = g;
    while (e + 1 < blocks.length && heads(blocks[e + 1]) && blocks[e + 1].page === h.page) e++;
    const head = blocks.slice(g, e + 1).find((b) => b.kind === 'headline');
    if (head === undefined) return;
    let m = e + 1;
    while (m < blocks.length && blocks[m].page === h.page && running(blocks[m]) && !opener(blocks[m])) m++;
    if (m === e + 1 || m >= blocks.length || blocks[m].page !== h.page || !opener(blocks[m])) return;
    const run = Array.from({ length: m - e - 1 }, (_, k) => e + 1 + k);
    if (run.some((k) => taken.has(k) || claimed.has(k) || (k !== m - 1 && next.has(k)))) return;
    const first = blocks[run[0]].text.replace(/\s+/gu, '');
    const runText = run.map((k) => blocks[k].text).join('');
    // of the head group's headlines, the one it reads most of (a group can hold the head of the story
    // before, printed after its body, over this one's)
    const own = Math.max(...blocks.slice(g, e + 1).filter((b) => b.kind === 'headline').map((b) => affinity(contentWords(b.text), runText)));
    // reads of the headline of the story at block k more than of its own head
    const readsOf = (k: number) => {
      const p = headlineAbove(blocks, k, h.page);
      if (p < 0) return false;
      const theirs = affinity(contentWords(blocks[p].text), runText);
      return theirs >= THREAD_BACK_MIN_AFFINITY && theirs > own;
    };
    // a block before the head that stops mid-sentence and goes on nowhere yet (in no thread, and not
    // itself a thread's continuation): the run goes on there
    // when a word runs across, or the run's start can open no sentence, or (the nearest such block
    // only) the run reads of that block's story
    let nearest = true;
    for (let i = g - 1; i >= 0 && blocks[i].page === h.page; i--) {
      // (a block of a run this rule moved already may take this run too, which then goes on in what
      // followed it in that run, when this run's last block goes on nowhere of its own)
      if (!running(blocks[i]) || !open(blocks[i]) || next.has(i) || taken.has(i) || threaded.has(i) || (claimed.has(i) && next.has(m - 1))) continue;
      const tail = blocks[i].text.replace(/\s+/gu, '');
      // nor one that goes on in the block printed after it (`…一校定` / `终身”的…`)
      const after = blocks[i + 1].text.replace(/\s+/gu, '');
      if (running(blocks[i + 1]) && (continuesAcross(tail, after) || cannotOpen(tail, after) || closesLeftOpen(tail, after))) continue;
      // (past the nearest, a word of three characters or more: two read across by chance far back)
      if (continuesAcross(tail, first, nearest ? 2 : INSIDE_MIN_WORD) || cannotOpen(tail, first) || (nearest && readsOf(i))) {
        threaded.set(i, run);
        run.forEach((k) => claimed.add(k));
        leftBetween(i, g);
        return;
      }
      nearest = false;
    }
    if (before.has(g) || !readsOf(g - 1)) return;
    before.set(g, run);
    run.forEach((k) => claimed.add(k));
  });
  return { threaded, before };
}

/** Runs printed after their story's end (see threadBlocks): the block each goes before → the run. */
function openingsPrintedLate(blocks: readonly ClassifiedBlock[], next: ReadonlyMap<number, number>, taken: ReadonlySet<number>): Map<number, number[]> {
  const before = new Map<number, number[]>();
  const claimed = new Set<number>();
  blocks.forEach((b, i) => {
    // the run ends where it stops mid-sentence, or, closed, where running text stops (`whole`)
    const whole = !open(b) && (i + 1 >= blocks.length || blocks[i + 1].page !== b.page || !running(blocks[i + 1]));
    if (!running(b) || !(open(b) || whole) || next.has(i)) return;
    let s = i;
    while (s > 0 && running(blocks[s - 1]) && blocks[s - 1].page === b.page && i - s + 1 < THREAD_BACK_MAX_BLOCKS) s--;
    if (s === 0 || !closes(blocks[s - 1]) || blocks[s - 1].page !== b.page) return;
    // a closed run only after a story's closing credit: after the page's furniture (`责任编辑：…`
    // printed between two columns of one story, pdftotext on typeset news page 11) it is that
    // story's next column, in its place already
    if (whole && blocks[s - 1].kind !== 'credit') return;
    const run = Array.from({ length: i - s + 1 }, (_, k) => s + k);
    // …and never one that opens a story of its own (`本报讯（记者 …）…`, a brief after the essay), nor
    // a note set after a story under its label (`记者手记：…`, `编后：…`): what follows a credit
    // closed is a story's opening only when nothing in it says it is something else
    if (whole && (run.some((k) => opener(blocks[k])) || /^\s*\p{Script=Han}{2,6}[：:]/u.test(blocks[s].text))) return;
    if (run.some((k) => taken.has(k) || next.has(k) || claimed.has(k))) return;
    // a column of running text holds a whole sentence; a headline's lines cut apart (a headline's
    // first half ending on a comma, pdftotext) hold none
    if (!run.some((k) => /[。！？!?]/u.test(blocks[k].text))) return;
    // the story the run follows is the one it opens: the first running text under its headline
    const h = headlineAbove(blocks, s - 1, b.page);
    if (h < 0) return;
    const j = firstUnderHead(blocks, h, s);
    const c = blocks[j];
    if (j >= s || !running(c) || taken.has(j) || opener(c) || before.has(j)) return;
    // and reads of that story's headline, more than of the next one: on the development pages a
    // run after a credit that goes before the next story's head is that story's opening (pdftotext)
    const runText = run.map((k) => blocks[k].text).join('');
    const mine = affinity(contentWords(blocks[h].text), runText);
    const nextHead = blocks.find((x, k) => k > i && x.kind === 'headline' && x.page === b.page);
    if (mine < THREAD_BACK_MIN_AFFINITY || (nextHead && affinity(contentWords(nextHead.text), runText) >= mine)) return;
    // a closed run goes back only into a story that reads of its own head: where the text under
    // that head is another story's (a tail, then another essay closed by the credit: typeset news
    // page 5, seed 23, pdfminer), the head is not yet paired with its text, and assemble's pairing
    // by topic does better with the run left where it is
    if (whole && affinity(contentWords(blocks[h].text), blocks.slice(j, s).filter(running).map((x) => x.text).join('')) < THREAD_BACK_MIN_AFFINITY) return;
    before.set(j, run);
    run.forEach((k) => claimed.add(k));
  });
  return before;
}

/**
 * A story's opening printed inside it: a miner can give head, name, the second column (`党章程》所
 * 要求的…`, …, `…也让乡村的日子更加红火`), the opening (`人才是乡村振兴的第一资源。…`, …, `…就像
 * 《中国共产`), then the rest (`和兴旺。…`: opening-printed-inside.txt; pdfminer on the development
 * pages). The run that starts after a block stopped mid-sentence with nowhere found to go on, and
 * ends in a block a word runs across from into the first running text under the story's head
 * (`共产` / `党`), is that story's opening: it goes before that text. The run holds a whole
 * sentence. Where the run goes → the run.
 */
function openingsPrintedInside(blocks: readonly ClassifiedBlock[], next: ReadonlyMap<number, number>, taken: ReadonlySet<number>, before: ReadonlyMap<number, number[]>): Map<number, number[]> {
  const found = new Map<number, number[]>();
  const claimed = new Set([...before.values()].flat());
  blocks.forEach((b, i) => {
    if (!running(b) || !open(b) || next.has(i) || claimed.has(i)) return;
    const h = headlineAbove(blocks, i - 1, b.page);
    if (h < 0) return;
    const j = firstUnderHead(blocks, h, i);
    if (j >= i || !running(blocks[j]) || taken.has(j) || opener(blocks[j]) || before.has(j) || found.has(j)) return;
    // a word of three characters or more across the cut (`共产` / `党`, `一代` / `人`): a word of
    // two is found by chance between two columns far apart (`…“三方发` / `白关服饰…`, a caption:
    // mutool on typeset news page 7, seed 11)
    if (!continuesAcross(b.text, blocks[j].text, INSIDE_MIN_WORD)) return;
    let m = i - 1;
    while (m > j && !(open(blocks[m]) && !next.has(m))) m--;
    if (m === j && !(open(blocks[m]) && !next.has(m))) return;
    const run = Array.from({ length: i - m }, (_, k) => m + 1 + k);
    if (run.some((k) => !running(blocks[k]) || taken.has(k) || claimed.has(k) || (k !== i && next.has(k)))) return;
    if (!run.some((k) => /[。！？!?]/u.test(blocks[k].text))) return;
    found.set(j, run);
    run.forEach((k) => claimed.add(k));
  });
  return found;
}

/**
 * A story's opening line printed after the lines it goes on in: a miner that gives a brief's first
 * line, set in, a box of its own can print it after the brief's other lines, even after the next
 * brief (`盖装备制造、电子商务和家政服务等行业。…`, `市博物馆新春特展…`, then `本报讯（记者 …）市人社局日前
 * 举办春季招聘会，…涵`: pdfminer on typeset news page 10, seed 23). A block of one line, with a
 * dateline or without one (a brief signed at its end: seeds 11 and 29, page 2), that stops
 * mid-sentence, goes on nowhere after it and stands between a cut line and the line threaded on
 * from it (`…展期至三月` / it / `底，…`), goes before the nearest earlier
 * block on its page, one that continues no other block, into which a word runs across (涵盖); where
 * no word runs across into any, before the nearest such block that is a story's first text under its
 * head group, opening with no dateline, in another story than the one the line interrupts (`…市公交` /
 * `集团近日开通…`, nodejieba cuts 公交 | 集团: pdfminer on typeset news page 2, seeds 17, 19 and 23;
 * boundaries +0.026 to +0.031 each, no row lower).
 * Where it goes → the line.
 */
function openingLinesPrintedAfter(blocks: readonly ClassifiedBlock[], next: ReadonlyMap<number, number>, taken: ReadonlySet<number>, before: ReadonlyMap<number, number[]>): Map<number, number[]> {
  const found = new Map<number, number[]>();
  const claimed = new Set([...before.values()].flat());
  blocks.forEach((b, i) => {
    // set between a column's cut line and the line it goes on in, where pdfminer prints such a line
    // (taken anywhere else, a word read across by chance moved stories' openings: seeds' boundaries −0.19)
    if (!open(b) || b.lines.length !== 1 || next.has(i) || taken.has(i) || claimed.has(i) || next.get(i - 1) !== i + 1) return;
    // not the cut line, nor a block threaded on into it: that text is the other story's (`…县交通运`
    // / `动员更多志愿者…`, the cut line, reads 运动员 across by chance)
    const cutThread = (j: number) => {
      for (let k: number | undefined = j; k !== undefined; k = next.get(k)) if (k === i - 1) return true;
      return false;
    };
    const free = (j: number) => running(blocks[j]) && !opener(blocks[j]) && !taken.has(j) && !before.has(j) && !found.has(j) && !claimed.has(j) && !cutThread(j);
    // block j is a story's first text under its head (past a kicker, subtitle or name)
    const firstTextUnderHead = (j: number) => {
      const h = headlineAbove(blocks, j - 1, b.page);
      return h >= 0 && firstUnderHead(blocks, h, j + 1) === j;
    };
    let under: number | undefined;
    for (let j = i - 1; j >= 0 && blocks[j].page === b.page; j--) {
      if (!free(j)) continue;
      // (a story found nearer whose text under its head opens with no dateline, `under` below, goes
      // before a paragraph further up that the line makes a word with: `…市公交`
      // makes 公交公司 with `公司拥有三项…`, a paragraph of the story at the page's top, pdfminer on
      // typeset news page 2, seed 31)
      // (…but not before a story's own first text under its head: a word run into that is the
      // story the line opens, `…涵` / `盖装备制造…`)
      if (continuesAcross(b.text, blocks[j].text)) {
        found.set(under !== undefined && !firstTextUnderHead(j) ? under : j, [i]);
        return;
      }
      // where no word runs across (`…市公交` / `集团近日开通…`: nodejieba cuts 公交 and 集团), the
      // nearest story whose text under its head (past a kicker, subtitle or name) opens with no
      // dateline is the one it opens; not the story the line interrupts, read on to the cut with no
      // head or credit between
      if (under === undefined && firstTextUnderHead(j) && blocks.slice(j + 1, i).some((x) => heads(x) || closes(x))) under = j;
    }
    if (under !== undefined) found.set(under, [i]);
  });
  return found;
}

/**
 * A story's opening printed before its head: a miner that reads a page box by box gives the columns
 * left of a vertical headline, then its name and the headline (the page's furniture, `读懂基层治理，
 * 先要读懂社区。…`, …, `高` / `明` / `远`, `读` / `懂` / … / `位`: opening-printed-before-vertical-head.txt;
 * pdfminer on the development pages). A run of running text between what closes a story (a credit,
 * the furniture) and a vertical head goes after that head when it holds EARLY_MIN_AFFINITY of that
 * headline's words and more than of the headline of the story before it, which it would otherwise
 * end. Head's last block → the run.
 */
function openingsPrintedEarly(blocks: readonly ClassifiedBlock[], taken: ReadonlySet<number>, before: ReadonlyMap<number, number[]>, swapped: ReadonlySet<number>): Map<number, number[]> {
  const after = new Map<number, number[]>();
  const claimed = new Set([...before.values()].flat());
  blocks.forEach((h, i) => {
    // type set on its side stands beside its story's columns, which a box-by-box reading gives
    // first; a head set across its columns stands over them (on pdftotext's development pages a run
    // moved under a level head was another story's, read of the head by chance)
    if (h.kind !== 'headline' || !vertical(h)) return;
    const samePage = (k: number) => k >= 0 && k < blocks.length && blocks[k].page === h.page;
    let hs = i;
    while (samePage(hs - 1) && heads(blocks[hs - 1]) && blocks[hs - 1].kind !== 'headline') hs--;
    // the head must read headline first once names beside it are swapped (nameBesideHeadline): a
    // byline printed over it (`本报记者 …` / `凤凰纪委…`, pdfminer on typeset news page 6, seed 19)
    // is read with the run before it by assemble, which a moved run would leave headless
    for (let k = hs; k < i; k++) if (!swapped.has(k)) return;
    let he = i;
    while (samePage(he + 1) && heads(blocks[he + 1]) && blocks[he + 1].kind !== 'headline') he++;
    let s = hs;
    while (samePage(s - 1) && running(blocks[s - 1])) s--;
    if (s === hs || !samePage(s - 1) || !closes(blocks[s - 1])) return;
    const run = Array.from({ length: hs - s }, (_, k) => s + k);
    if (run.some((k) => taken.has(k) || claimed.has(k) || before.has(k))) return;
    const runText = run.map((k) => blocks[k].text).join('');
    const mine = affinity(contentWords(h.text), runText);
    // a story stands before the run on the page: what comes first under the page's furniture is
    // read by assemble (a lead printed over the head it belongs to)
    const p = headlineAbove(blocks, s - 1, h.page);
    if (p < 0) return;
    const theirs = affinity(contentWords(blocks[p].text), runText);
    if (mine < EARLY_MIN_AFFINITY || theirs >= mine) return;
    after.set(he, run);
    run.forEach((k) => claimed.add(k));
  });
  return after;
}

/** A sentence ends before the text's last character. */
const sentenceInside = (text: string) => /[。！？!?]/u.test(text.slice(0, -1));

/**
 * A story's closing box printed before the columns that run into it: a miner that reads a page box
 * by box can give the head, the box that ends the story (`为一条步行街，…老街又热闹起来了。`),
 * the first column, and only then the column that stops mid-sentence into that box (`…从一条车行道
 * 改`: pdfminer on the development pages; continuation-printed-before-opening.txt). When the
 * story's last running block stops mid-sentence with no later block to go on in, and a word runs across the cut into the first running block
 * under the story's head, that block goes on after it. The block moved must hold a whole sentence
 * past the cut. Without these two tests (the story's last block, a whole sentence) the rule moved
 * 17 blocks on the three corpora and four news seeds, 10 of them wrongly (a line's fragment of seven
 * characters; a cut between words read as one inside a word); with them, 2, both right. The
 * same goes for another column's one-line paragraph end printed inside the story (below), which
 * needs no head above it.
 * Open block → the block it goes on in.
 */
function continuationsPrintedFirst(blocks: readonly ClassifiedBlock[], next: ReadonlyMap<number, number>, taken: ReadonlySet<number>): Map<number, number> {
  const found = new Map<number, number>();
  const used = new Set<number>();
  blocks.forEach((b, i) => {
    if (!running(b) || !open(b) || next.has(i)) return;
    // the story's last running block: one with running text after it goes on there (a cut between words)
    const after = blocks[i + 1];
    if (after !== undefined && after.page === b.page && running(after)) return;
    let h = i - 1;
    while (h >= 0 && running(blocks[h]) && blocks[h].page === b.page) h--;
    // …or another column's paragraph end, one line closing one sentence, printed between an open
    // block and the block that block is threaded into (`…沿海外贸企业加紧生` / `欢迎。` / `产，…`,
    // pdfminer printing two columns' boxes in turn on typeset news page 2; the paragraph stage kept
    // it apart, endsOtherColumn in paragraphs.ts): it goes after the story's last block when a word
    // runs across into it (columns-printed-in-turn-closing-line.txt; only open blocks are threaded,
    // so k - 1 is one). Only there: a story's
    // one-line opening under its head is no such line (first-line-under-head-stays.txt)
    for (let k = Math.max(h + 1, 1); k < i; k++) {
      const c = blocks[k];
      if (taken.has(k) || used.has(k) || opener(c) || c.lines.length !== 1 || !endsSentence(c.text) || sentenceInside(c.text) || next.get(k - 1) !== k + 1) continue;
      if (!continuesAcross(b.text, c.text)) continue;
      found.set(i, k);
      used.add(k);
      return;
    }
    if (h < 0 || !heads(blocks[h]) || blocks[h].page !== b.page) return;
    const j = h + 1;
    if (j >= i || taken.has(j) || used.has(j) || opener(blocks[j])) return;
    // the chain from j must not come back to i
    for (let k: number | undefined = j; k !== undefined; k = next.get(k)) if (k === i) return;
    // a column printed out of place holds a whole sentence after the cut; a line's fragment does not
    if (!sentenceInside(blocks[j].text)) return;
    if (!continuesAcross(b.text, blocks[j].text)) return;
    found.set(i, j);
    used.add(j);
  });
  return found;
}
