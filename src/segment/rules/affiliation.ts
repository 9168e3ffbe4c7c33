/**
 * The note that closes a signed essay or commentary and says who its author is:
 * `（作者为某大学教授）`, `（作者单位：某省社会科学院）`, `（作者系…）`,
 * `（作者分别为…）`. It belongs to the article it closes — never a headline, never an article
 * of its own — and is kept as the article's `affiliations`, apart from the credited names.
 */

/** `（作者为`, `（作者单位：`, `（作 者 系` …: how a note opens, spaces of justified type allowed. */
const OPENING = '[（(]\\s*(?:本文)?作\\s*者\\s*(?:分\\s*别\\s*)?(?:为|系|是|单\\s*位\\s*[：:]|简\\s*介\\s*[：:])';
/** A note alone; the affiliation is what it states. */
const NOTE = new RegExp(`^${OPENING}\\s*([^（）()]{2,200}?)\\s*[）)]\\s*$`, 'u');
/** A note closing a paragraph. */
const NOTE_AT_END = new RegExp(`${OPENING}[^（）()]{2,200}[）)]\\s*$`, 'u');

/** Does a line open such a note (`（作者为某大学…`, maybe wrapped onto the next line)? */
export function opensAffiliation(text: string): boolean {
  return new RegExp(`^${OPENING}`, 'u').test(text.trim());
}

/** The affiliation a note states (spaces removed), or null when the text is not such a note. */
export function readAffiliation(text: string): string | null {
  const m = NOTE.exec(text.trim());
  if (!m) return null;
  return m[1].replace(/\s+/gu, '');
}

/** Where an affiliation note starts at the end of `text` (a paragraph that runs into it), or -1. */
export function affiliationStart(text: string): number {
  const m = NOTE_AT_END.exec(text);
  return m ? m.index : -1;
}
