import nodejieba from 'nodejieba';
import { CUT_WINDOW } from '../thresholds.ts';

/** A paragraph that cannot open a sentence: it starts with punctuation, or a measure word after a number (`30` + `个`). */
export function continuesByStart(tail: string, head: string): boolean {
  return /^[，、。；：,.;:）)”]/u.test(head) || (/\d/u.test(tail.slice(-1)) && /^[个名家项条次件所座人元亩户万亿倍%％]/u.test(head));
}

/** Could `head` go on where `tail` stops? A word formed across the cut says yes (`芦淞` + `区`, `30` + `个`). */
export function continues(tail: string, head: string): boolean {
  if (continuesByStart(tail, head)) return true;
  const a = tail.slice(-CUT_WINDOW);
  const b = head.slice(0, CUT_WINDOW);
  let pos = 0;
  for (const w of nodejieba.cut(a + b)) {
    const end = pos + w.length;
    if (pos < a.length && end > a.length && /[\u4e00-\u9fff]/u.test(a.slice(pos)) && /[\u4e00-\u9fff]/u.test(b.slice(0, end - a.length))) return true;
    pos = end;
  }
  return false;
}


/**
 * continues() on the printed text with its spaces taken out: justified lines (`建 设 向 前`) and
 * box fragments keep inserted spaces that would hide a word run across the cut.
 */
export function continuesAcross(tail: string, head: string): boolean {
  return continues(tail.replace(/\s+/gu, ''), head.replace(/\s+/gu, ''));
}
