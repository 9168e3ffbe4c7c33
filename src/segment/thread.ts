import type { ClassifiedBlock } from './types.ts';
import { endsSentence } from './rules/chars.ts';
import { continuesAcross } from './rules/continuation.ts';
import { THREAD_WINDOW } from './thresholds.ts';

const running = (b: ClassifiedBlock) => b.kind === 'body';
/** A block that opens a story (`本报讯…`, `新华社…电`) never continues another's sentence. */
const opener = (b: ClassifiedBlock) => b.kind === 'dateline' || b.opensStory === true;
/** Running text that stops mid-sentence and must go on somewhere. */
const open = (b: ClassifiedBlock) => (running(b) || b.kind === 'dateline') && !endsSentence(b.text) && !/[：:]$/u.test(b.text);

/**
 * Stage 3b: running text threaded back into reading order. Extractors that follow the page's text
 * flow block by block interleave two stories set side by side (pdftotext on a page of two narrow
 * stories: four lines of one, four of the other, …), and print a story's column after a box that
 * stands between. A block that stops mid-sentence goes on in a later block that no story opens:
 * the first such block, within THREAD_WINDOW running blocks, where a word runs across the cut
 * (`…有效保` / `障了…`); a break between words is left where it is. Each thread is then
 * given in one piece where it starts; everything else keeps its place. Pure: the blocks are not
 * changed, only their order.
 */
export function threadBlocks(blocks: readonly ClassifiedBlock[]): ClassifiedBlock[] {
  const next = new Map<number, number>();
  const taken = new Set<number>();
  blocks.forEach((b, i) => {
    if (!open(b)) return;
    const candidates: number[] = [];
    for (let j = i + 1, seen = 0; j < blocks.length && seen < THREAD_WINDOW; j++) {
      const c = blocks[j];
      if (c.page !== b.page) break;
      if (!running(c)) continue;
      seen++;
      if (!taken.has(j) && !opener(c)) candidates.push(j);
    }
    if (candidates.length === 0) return;
    // only a word run across the cut says where it goes on: taking the nearest block without one
    // threaded stories' first paragraphs into others on the development and news pages
    const j = candidates.find((k) => continuesAcross(b.text, blocks[k].text));
    if (j === undefined) return;
    next.set(i, j);
    taken.add(j);
  });
  if (next.size === 0) return [...blocks];
  const out: ClassifiedBlock[] = [];
  blocks.forEach((_, i) => {
    if (taken.has(i)) return; // given with the thread that takes it
    for (let k: number | undefined = i; k !== undefined; k = next.get(k)) out.push(blocks[k]);
  });
  return out;
}
