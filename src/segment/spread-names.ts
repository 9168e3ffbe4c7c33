import type { SourceLine } from './types.ts';
import { looksLikeName } from './rules/names.ts';
import { endsSentence } from './rules/chars.ts';
import { SPREAD_NAME_WINDOW } from './thresholds.ts';

/** One Han character alone on its line (a heading mark allowed: `## 肖`). */
const glyph = (l: SourceLine | undefined) => l !== undefined && /^\p{Script=Han}$/u.test(l.text.replace(/\s+/gu, ''));

/**
 * A lone glyph set apart from others: the lines either side of it are not lone glyphs too, as the
 * characters of a vertical headline or name are (`湿` / `地` / `迎`, or `叶` / `青` / `禾` with blank
 * lines between), which paragraphs.ts reads as one block. `except` is a neighbour that may be one:
 * the other half of the name.
 */
function isolated(lines: readonly SourceLine[], i: number, except = -1): boolean {
  return (i - 1 === except || !glyph(lines[i - 1])) && (i + 1 === except || !glyph(lines[i + 1]));
}

/**
 * Stage 1b: a signed essay's two-character name set large, its glyphs spaced a column apart
 * (`叶` … `帆` in rmrb pages read by pdftotext), comes out as two lone glyphs: the first under the
 * headline, the second dropped among the lines of the body it was printed beside, where it cuts a
 * sentence in two (`当时的中` / `帆` / `国一穷二白`). When a lone glyph that is a surname is followed,
 * within SPREAD_NAME_WINDOW lines of the same page, by another lone glyph and the two make a name,
 * the name goes on the first glyph's line and the second glyph's line goes. The line after it joins
 * the text before unless that ended a sentence (the blank line was the glyph's, not a paragraph's).
 * Returns new lines; the input is not changed.
 */
export function gatherSpreadNames(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [...lines];
  const dropped = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    if (dropped.has(i) || !glyph(out[i])) continue;
    for (let j = i + 1; j < out.length && out[j].no - out[i].no <= SPREAD_NAME_WINDOW && out[j].page === out[i].page; j++) {
      if (!glyph(out[j]) || dropped.has(j)) continue;
      const name = out[i].text.replace(/\s+/gu, '') + out[j].text.replace(/\s+/gu, '');
      if (isolated(out, i, j) && isolated(out, j, i) && looksLikeName(name)) {
        out[i] = { ...out[i], text: name, raw: out[i].raw.replace(/\S\s*$/u, name), width: 2 };
        dropped.add(j);
        const next = out[j + 1];
        const prev = out[j - 1];
        if (next && next.page === out[j].page && !next.pageStart) {
          const joins = prev !== undefined && !endsSentence(prev.text);
          out[j + 1] = { ...next, blanksBefore: joins ? next.blanksBefore : Math.max(next.blanksBefore, out[j].blanksBefore) };
        }
      }
      break;
    }
  }
  return out.filter((_, k) => !dropped.has(k));
}
