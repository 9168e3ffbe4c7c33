/**
 * Fake bold: papers set headlines, bylines and the page header in bold by drawing each glyph
 * twice a hair apart, and text extractors keep both copies — `33 要闻要闻` for page 3 要闻,
 * `王小明王小明` for a signed name, `新气象新气象：：新作为` for a headline. Applied to display
 * lines only (a header, a headline, a name): running text may repeat a word on purpose.
 */

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';

/**
 * Undo an overprint: `33 要闻要闻` → `3 要闻`, `新气象新气象：：新作为` → `新气象：新作为`. Only a word
 * that is exactly two copies of itself, a doubled punctuation mark, and the digits beside a doubled
 * word are halved, so a real page 33 with its section printed once stays page 33.
 */
export function undoOverprint(s: string): string {
  const word = `([${HAN}·]{2,8})`;
  // the words printed twice, found once (asking the whole line for each match would cost its length every time)
  const doubled = new Set([...s.matchAll(new RegExp(`${word}\\1`, 'gu'))].map((m) => m[1]));
  return s
    .replace(/([：:，、])\1/gu, '$1')
    .replace(new RegExp(`(?<![\\dA-Z])(?:([A-Z]?\\d{1,3})\\1(\\s*))?${word}\\3`, 'gu'), (_m, n: string | undefined, gap: string | undefined, w: string) => `${n ?? ''}${gap ?? ''}${w}`)
    .replace(new RegExp(`${word}(\\s*)([A-Z]?\\d{1,3})\\3(?![\\d])`, 'gu'), (m, w: string, gap: string, n: string) => (doubled.has(w) ? `${w}${gap}${n}` : m));
}


/**
 * A display line printed wholly twice over, piece by piece: `甲乙甲乙：：丙丁戊己丙丁戊己` (a headline),
 * `甲乙丙甲乙丙` (a signed name). Returns the line printed once (spaces dropped), or null when any piece of it is
 * printed once only (`一步一步走`: `走` is not doubled) or the line is too short to tell (`看看`).
 */
export function halveOverprint(s: string): string | null {
  const t = s.replace(/\s+/gu, '');
  if (t.length < 4 || t.length % 2 !== 0) return null;
  // pieces that are two copies of themselves, from position i to the end (shortest pieces first)
  const failed = new Set<number>();
  const halve = (i: number): string | null => {
    if (i === t.length) return '';
    if (failed.has(i)) return null;
    for (let k = 1; i + 2 * k <= t.length; k++) {
      if (t.slice(i, i + k) !== t.slice(i + k, i + 2 * k)) continue;
      const rest = halve(i + 2 * k);
      if (rest !== null) return t.slice(i, i + k) + rest;
    }
    failed.add(i);
    return null;
  };
  const once = halve(0);
  // a line of one character repeated (`哈哈哈哈`) is a word, not a bold face
  return once !== null && new Set(once).size > 1 ? once : null;
}

/**
 * A headline whose lead-in alone was printed twice, its copies on lines of their own
 * (`甲乙丙：` / `甲乙丙` / `：丁戊 己庚` read as `甲乙丙：甲乙丙：丁戊 己庚`): the
 * lead-in once. Returns null when the line does not open with a doubled lead-in ending in a colon.
 */
export function halveDoubledLeadIn(s: string): string | null {
  const m = /^\s*([^：:\s]{1,8}[：:])\s*\1\s*/u.exec(s);
  return m ? m[1] + s.slice(m[0].length) : null;
}
