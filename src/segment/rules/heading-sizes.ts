/**
 * Converters that mark lines by type size (a PDF→Markdown tool that writes `######` before every
 * line of body type, `####` before the author's name, `##` before headlines): their `#` marks are
 * sizes, not headings. The level that marks most of the lines is the body type; a line marked
 * larger (fewer `#`) is display type, one marked smaller is small type (notes, captions), and
 * neither of the last two is a heading of the Markdown kind.
 */

/**
 * At least this share of the non-blank lines carries one heading level: that level is body type.
 * Markdown-like converter output with real headings marks a few lines in a hundred (the sample:
 * 15 of 184 lines); a converter that marks sizes marks nearly all (the development pages' pdf2md
 * text: 0.93–0.98).
 */
export const BODY_LEVEL_SHARE = 0.5;

/** A line's Markdown heading mark (`## …`): up to three spaces, one to six `#`, a space, text. */
export const HEADING_MARK = /^\s{0,3}(#{1,6})\s+\S/u;

/** The number of `#` a line is marked with, 0 when none. */
export function markLevel(line: string): number {
  return HEADING_MARK.exec(line)?.[1].length ?? 0;
}
/**
 * …and at least this many lines carry it: a short Markdown text (a headline and a paragraph) has
 * half its lines marked without marking sizes. A converted page has hundreds (the development
 * pages' pdf2md text: 360–441), or, where the converter writes a paragraph's lines as one, as few
 * as 18 (typeset news page 9: 18 of 34, whose body was read as 18 subheads at the 20 this was).
 * News pdf2md at 8, 12 and 16 alike: boundaries 0.981 → 1.000, headlines 0.849 → 0.889,
 * sentences 0.972 → 0.992, paragraph breaks 0.956 → 0.941; seeds 17 and 23 boundaries 0.879 →
 * 0.907 and 0.868 → 0.879; nothing else moves.
 */
export const BODY_LEVEL_MIN_LINES = 12;

/** The heading level that marks body type, or 0 when the marks are headings (or there are none). */
export function bodyHeadingLevel(levels: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [level, count] of counts) {
    if (level > 0 && count > bestCount) {
      best = level;
      bestCount = count;
    }
  }
  return bestCount >= BODY_LEVEL_MIN_LINES && bestCount / levels.length >= BODY_LEVEL_SHARE ? best : 0;
}

/**
 * A line's heading level read as a size: 0 for body type and smaller, and for display type the
 * number of size steps above the body (1 = one step larger), so the largest type has the
 * highest rank whatever levels the converter used.
 */
export function sizeRank(level: number, bodyLevel: number): number {
  if (bodyLevel === 0) return level === 0 ? 0 : 7 - level;
  return level > 0 && level < bodyLevel ? bodyLevel - level : 0;
}
