/**
 * How Baoku's search sees text: the encoding of an article into the content of a Pagefind
 * record (one word position per Chinese character) and the matching rule every result obeys.
 *
 * Pagefind's extended build segments Chinese with jieba at index time, while the browser splits
 * queries with ICU, so a query rarely lines up with the indexed words. Baoku sidesteps both
 * segmenters: every Han character of an article becomes its own word, separated by U+200B (the
 * separator Pagefind itself uses between segmented words, and strips for display). A query of
 * n characters is then Pagefind's exact phrase search `"c1 c2 … cn"`: n words at consecutive
 * positions, which is exactly "the text contains the string".
 *
 * assets/search-core.js is the browser half of this file (decoding, matching, excerpts); the two
 * share the constants below, which tests/search-core.test.ts checks.
 */

/** Separates the words of a record's content; Pagefind splits on it and hides it in display. */
export const ZWSP = '\u200b';
/**
 * Ends a field (headline, paragraph, caption, name). A punctuation mark, so Pagefind gives it a
 * word position but never indexes it: no phrase can run from one field into the next.
 */
export const FIELD_SEP = '\u2e3f';
/** Pads the headline region to a fixed number of positions (also punctuation, also unindexed). */
export const HEADLINE_PAD = '\u2e3c';
/**
 * Word positions reserved for the headline region (kicker, headline, subtitle) at the start of
 * every record: a match at a position below this is a headline hit, read from the search result
 * alone, before any page data is fetched. The body starts at this position or later.
 */
export const HEADLINE_SPAN = 256;
/** Written next to the Pagefind bundle(s) as /search/config.json. */
export const SEARCH_CONFIG_PATH = 'search/config.json';
/** Bumped when the content encoding changes (written into /search/config.json). */
export const ENCODING_VERSION = 1;

/** One token: a Han character, a run of other letters/digits, a whitespace run, or one other character. */
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+|\s+|[\s\S]/gu;

/**
 * The matching rule: whitespace touching a Han character does not count (newspaper line breaks,
 * names padded to width: `王 斌`, `加强合作 校企…`), other whitespace runs count as one space,
 * and letters compare case-insensitively (Pagefind lower-cases words). Used on the query and on
 * the text alike.
 */
export function normalizeForMatch(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '')
    .trim()
    .toLowerCase();
}

/** Does `text` contain `query` under the matching rule? */
export function textContains(text: string, query: string): boolean {
  const q = normalizeForMatch(query);
  return q.length > 0 && normalizeForMatch(text).includes(q);
}

/** Remove the two marker characters from article text (they would read as field ends). */
function clean(s: string): string {
  return s.replaceAll(FIELD_SEP, '\u00b7').replaceAll(HEADLINE_PAD, '\u00b7').replaceAll(ZWSP, '');
}

/**
 * Encode one field: a ZWSP between every two adjacent non-space tokens, spaces kept as they are
 * (Pagefind splits on them too and gives them no position). `tokens` is the number of words
 * Pagefind will see at least.
 */
export function encodeField(text: string): { encoded: string; tokens: number } {
  let encoded = '';
  let tokens = 0;
  let prevWord = false;
  for (const m of clean(text).matchAll(TOKEN)) {
    const t = m[0];
    if (/^\s+$/u.test(t)) {
      encoded += ' ';
      prevWord = false;
      continue;
    }
    if (prevWord) encoded += ZWSP;
    encoded += t;
    prevWord = true;
    tokens++;
  }
  return { encoded: encoded.trim(), tokens };
}

export interface SearchFields {
  /** Kicker, headline and subtitle, in reading order (empty ones left out). */
  headline: string[];
  /** Body paragraphs and subheads, then captions and their credits. */
  text: string[];
  /** The people credited (text, photos). */
  names: string[];
}

/**
 * A record's content: the headline region padded to HEADLINE_SPAN positions, a FIELD_SEP, the
 * text fields, one more HEADLINE_PAD, then the names; every field closed by FIELD_SEP. (The
 * FIELD_SEP after the padding keeps the text section apart when it is empty.) When the headline
 * region is longer than the span (a mis-segmented article), it simply runs on; its later hits
 * rank as body hits.
 */
export function encodeContent(fields: SearchFields, span = HEADLINE_SPAN): string {
  const parts: string[] = [];
  const add = (texts: string[]) => {
    let tokens = 0;
    for (const t of texts) {
      const f = encodeField(t);
      if (!f.tokens) continue;
      parts.push(f.encoded, FIELD_SEP);
      tokens += f.tokens + 1;
    }
    return tokens;
  };
  // Every token takes at least one word position, so the padding puts the first body word at
  // position `span` or later.
  const headlineTokens = add(fields.headline);
  for (let i = Math.max(1, span - headlineTokens); i > 0; i--) parts.push(HEADLINE_PAD);
  parts.push(FIELD_SEP);
  add(fields.text);
  parts.push(HEADLINE_PAD);
  add(fields.names);
  return parts.join(ZWSP);
}

/** Split the content of a record (as Pagefind returns it, ZWSPs in or out) back into fields. */
export function decodeContent(content: string): SearchFields {
  const [head = '', text = '', names = ''] = content.replaceAll(ZWSP, '').split(new RegExp(`${HEADLINE_PAD}+`, 'u'));
  const split = (s: string) => s.split(FIELD_SEP).map((x) => x.trim()).filter(Boolean);
  return { headline: split(head), text: split(text), names: split(names) };
}
