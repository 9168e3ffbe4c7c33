import type { Block, ClassifiedBlock } from './types.ts';
import { parseCaption } from './rules/caption.ts';
import { closingCreditStart, findPublication, isRoleByline, isSignedName, parseCredits } from './rules/credits.ts';
import { parseDateline } from './rules/dateline.ts';
import { isDisplayLine, isFurniture, isKickerLabel, isNumberedSubhead, isSidebarLabel, isSubtitle } from './rules/headline.ts';
import { continues } from './rules/continuation.ts';
import { splitNames } from './rules/names.ts';
import { repairSpacing } from './rules/spacing.ts';
import { BYLINE_MAX_CHARS, DATELINE_MAX_CHARS, TIGHT_SUBTITLE_MAX_CHARS } from './thresholds.ts';

/** Raw printed lines of a block, for name lists whose spacing matters. */
const rawLinesOf = (b: Block) => b.lines.map((l) => l.text);

/**
 * A closing credit printed on the paragraph's last line, `…业务水平。（魏龙元 黄柳英）`, is
 * split off into a block of its own so the body keeps only running text. Detected on the
 * printed lines: `（邱 莎 陈琴庆 聂 沛）` needs its spaces to be read as names.
 */
function splitClosingCredit(b: Block): Block[] {
  const raw = rawLinesOf(b).join('\n');
  const at = closingCreditStart(raw);
  if (at < 0 || b.heading > 0) return [b];
  const creditRaw = raw.slice(at);
  const creditLines = creditRaw.split('\n');
  const creditDisplay = creditLines.map((l) => l.trim()).join(' ');
  const credit: Block = {
    ...b,
    lines: b.lines.slice(b.lines.length - creditLines.length),
    first: b.lines[b.lines.length - creditLines.length].no,
    text: repairSpacing(creditDisplay, { keepWordSpaces: false }),
    display: creditDisplay,
    short: true,
    terminal: false,
    heading: 0,
  };
  if (at === 0) return [credit];
  const cut = Math.max(b.display.lastIndexOf('（'), b.display.lastIndexOf('('));
  const bodyDisplay = b.display.slice(0, cut).trim();
  if (!/[。！？!?”…]$/u.test(bodyDisplay)) return [b];
  const body: Block = { ...b, text: repairSpacing(bodyDisplay, { keepWordSpaces: false }), display: bodyDisplay, terminal: true };
  return [body, credit];
}

/** Stage 3: the part each block plays on the page. Rules are tried from the most specific. */
export function classify(blocks: Block[]): ClassifiedBlock[] {
  const out: ClassifiedBlock[] = [];
  for (const block of blocks.flatMap(splitClosingCredit)) {
    const t = block.display;
    if (isFurniture(t)) {
      out.push({ ...block, kind: 'furniture' });
      continue;
    }
    if (closingCreditStart(t) === 0) {
      const raw = rawLinesOf(block).join('\n');
      const open = Math.max(raw.lastIndexOf('（'), raw.lastIndexOf('('));
      const names = splitNames(raw.slice(open + 1).replace(/[）)]\s*$/u, '').split('\n'));
      out.push({ ...block, kind: 'credit', credits: names.map((name) => ({ name, role: '作者' as const })) });
      continue;
    }
    const dateline = block.heading === 0 ? parseDateline(block.text, rawLinesOf(block)) : null;
    if (dateline) {
      out.push({ ...block, kind: block.text.length <= DATELINE_MAX_CHARS && !block.terminal ? 'dateline' : 'body', opensStory: true, dateline: dateline.date, publication: dateline.publication, credits: dateline.credits });
      continue;
    }
    if (block.heading === 0 && isRoleByline(t)) {
      out.push({ ...block, kind: 'byline', credits: parseCredits(rawLinesOf(block)), publication: findPublication(t) });
      continue;
    }
    const caption = block.heading === 0 ? parseCaption(t) : null;
    if (caption) {
      out.push({ ...block, kind: 'caption', caption });
      continue;
    }
    if (block.heading === 0 && t.length <= BYLINE_MAX_CHARS && /摄影报道$|(记者|通讯员).*摄$/u.test(t)) {
      out.push({ ...block, kind: 'byline', credits: parseCredits(rawLinesOf(block)), publication: findPublication(t) });
      continue;
    }
    if (block.heading === 0 && block.short && isSignedName(t)) {
      out.push({ ...block, kind: 'byline', credits: [{ name: t.replace(/\s+/gu, ''), role: '作者' }] });
      continue;
    }
    if (isSidebarLabel(t)) {
      out.push({ ...block, kind: 'sidebar-label' });
      continue;
    }
    if (isDisplayLine(block)) {
      if (isSubtitle(t)) out.push({ ...block, kind: 'subtitle' });
      else if (isKickerLabel(t)) out.push({ ...block, kind: 'kicker' });
      else if (isNumberedSubhead(t) && block.heading !== 1) out.push({ ...block, kind: 'subhead' });
      else out.push({ ...block, kind: 'headline' });
      continue;
    }
    out.push({ ...block, kind: 'body' });
  }
  return mergeWrappedSubtitles(out);
}

/**
 * A subtitle too long for its line goes on, with no blank line, on the next one
 * (`——加速构建具有株洲特色的现` / `代产业体系`, a word cut in two; `——“生态文明建设需要所有人` /
 * `一起努力”`, a quote left open): the pieces are one subtitle.
 */
function mergeWrappedSubtitles(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  const out: ClassifiedBlock[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    // a one-line explanation set tight under a headline where lines are otherwise spaced is its subtitle
    // (`多措并举建强村干部队伍` / `近5年来，有100多名村（社区）干部成为…`, tight, or wider than the column)
    if (prev?.kind === 'headline' && b.kind === 'body' && b.lines.length === 1 && ((b.lines[0].tight && !prev.lines[0].tight) || (b.overwide && b.lines[0].blanksBefore === 0)) && !b.terminal && b.text.length <= TIGHT_SUBTITLE_MAX_CHARS && b.page === prev.page) {
      out.push({ ...b, kind: 'subtitle' });
      continue;
    }
    const wraps = prev?.kind === 'subtitle' && (b.lines[0].tight || /[“「《（][^”」》）]*$/u.test(prev.display) || continues(prev.display, b.display));
    if (wraps && b.kind === 'headline' && b.lines[0].blanksBefore <= 1 && b.page === prev.page && b.heading === 0) {
      out[out.length - 1] = { ...prev, lines: [...prev.lines, ...b.lines], last: b.last, text: prev.text + b.text, display: prev.display + b.display };
      continue;
    }
    out.push(b);
  }
  return out;
}
