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

