// The pure half of the search page (assets/search.js): how a query becomes Pagefind searches,
// how results are ranked, checked and excerpted. No DOM, no fetching: Node's tests import it too.
//
// The index (src/search/text.ts) gives every Han character of an article its own word position,
// so a Chinese query "消防救援站" is Pagefind's exact phrase search "消 防 救 援 站": the pages where
// those five words stand at consecutive positions, i.e. the pages containing the string.

/** Separates words in a record's content (Pagefind strips it for display). */
export const ZWSP = '\u200b';
/** Ends a field of a record: headline line, paragraph, caption, name. */
export const FIELD_SEP = '\u2e3f';
/** Pads the headline region of a record to `headlineSpan` word positions. */
export const HEADLINE_PAD = '\u2e3c';
export const DEFAULT_CONFIG = Object.freeze({ version: 1, bundles: ['/pagefind/'], headlineSpan: 256 });

const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+|\s+|[\s\S]/gu;
const WORD = /^(?:\p{Script=Han}|[\p{L}\p{N}\p{M}]+)$/u;
const SPACE = /\s/u;

/**
 * The matching rule (same as normalizeForMatch in src/search/text.ts): whitespace touching a Han
 * character is dropped, other whitespace runs become one space, letters are lower-cased.
 * Returns the normalized text and, for every code unit of it, its index in the original.
 * @param {string} s
 * @returns {{ norm: string, map: number[] }}
 */
export function normalizeWithMap(s) {
  const chars = Array.from(s);
  /** @type {number[]} */
  const starts = [];
  let at = 0;
  for (const c of chars) {
    starts.push(at);
    at += c.length;
  }
  let norm = '';
  /** @type {number[]} */
  const map = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (SPACE.test(c)) {
      let j = i;
      while (j + 1 < chars.length && SPACE.test(chars[j + 1])) j++;
      const before = i > 0 ? chars[i - 1] : '';
      const after = j + 1 < chars.length ? chars[j + 1] : '';
      if (before && after && !HAN.test(before) && !HAN.test(after)) {
        norm += ' ';
        map.push(starts[i]);
      }
      i = j;
      continue;
    }
    const lower = c.toLowerCase();
    for (let k = 0; k < lower.length; k++) map.push(starts[i]);
    norm += lower;
  }
  map.push(s.length);
  return { norm, map };
}

/** @param {string} s */
export const normalizeForMatch = (s) => normalizeWithMap(s).norm;

/**
 * Every occurrence of any needle in `text`, as [start, end) ranges of the original text, sorted,
 * overlapping ones merged. Needles are already normalized.
 * @param {string} text @param {string[]} needles
 * @returns {[number, number][]}
 */
export function findMatches(text, needles) {
  const { norm, map } = normalizeWithMap(text);
  /** @type {[number, number][]} */
  const found = [];
  for (const n of needles) {
    if (!n) continue;
    for (let i = norm.indexOf(n); i >= 0; i = norm.indexOf(n, i + 1)) {
      found.push([map[i], map[i + n.length - 1] + 1]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  /** @type {[number, number][]} */
  const merged = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  // A match that ends inside a surrogate pair ends after it.
  for (const r of merged) if (r[1] < text.length && /[\udc00-\udfff]/.test(text[r[1]])) r[1]++;
  return merged;
}

/**
 * @typedef {{ mode: 'none' }
 *   | { mode: 'plain', term: string, needles: string[] }
 *   | { mode: 'exact', needles: string[], phrases: string[], verify: boolean, simplified: string }} QueryPlan
 */

/**
 * What to ask Pagefind for a query. A query with a Han character is exact: each form of it
 * (as typed, and converted to simplified characters) becomes one exact phrase search of its
 * words (Han characters one by one, runs of letters or digits whole). Punctuation cannot be
 * part of a Pagefind phrase, so a query with punctuation searches its longest unpunctuated
 * stretch and every candidate is checked against the full string (`verify`). A query without
 * Han characters is left to Pagefind as it is.
 * @param {string} raw @param {(s: string) => string} toSimplified
 * @returns {QueryPlan}
 */
export function planQuery(raw, toSimplified) {
  const q = raw.normalize('NFC').trim();
  if (!q) return { mode: 'none' };
  const simplified = toSimplified(q);
  if (!/[\p{L}\p{N}]/u.test(q)) return { mode: 'none' };
  if (!HAN.test(q) && !HAN.test(simplified)) {
    return { mode: 'plain', term: simplified, needles: [...new Set(normalizeForMatch(simplified).split(' ').filter(Boolean))] };
  }
  const needles = [...new Set([simplified, q].map(normalizeForMatch).filter(Boolean))];
  /** @type {string[]} */
  const phrases = [];
  let verify = false;
  for (const form of needles) {
    /** @type {string[][]} */
    const runs = [[]];
    for (const m of form.matchAll(TOKEN)) {
      const t = m[0];
      if (SPACE.test(t)) continue;
      if (WORD.test(t)) runs[runs.length - 1].push(t);
      else {
        verify = true;
        runs.push([]);
      }
    }
    const best = runs.reduce((a, b) => (b.length > a.length ? b : a));
    if (best.length) phrases.push(`"${best.join(' ')}"`);
  }
  if (!phrases.length) return { mode: 'none' };
  return { mode: 'exact', needles, phrases: [...new Set(phrases)], verify, simplified };
}

/**
 * Merge the results of a plan's phrase searches and rank them: headline hits (a first match
 * inside the headline region) first, then the rest by where the string first appears; Pagefind's
 * order breaks ties. Exact phrase results carry the position of their first occurrence.
 * @template {{ id: string, words: number[] }} R
 * @param {R[][]} resultLists @param {number} headlineSpan
 * @returns {{ result: R, first: number, headline: boolean }[]}
 */
export function rankExact(resultLists, headlineSpan) {
  /** @type {Map<string, { result: R, first: number, headline: boolean, order: number }>} */
  const byId = new Map();
  let order = 0;
  for (const list of resultLists) {
    for (const r of list) {
      let first = Number.MAX_SAFE_INTEGER;
      for (const w of r.words) if (w < first) first = w;
      const seen = byId.get(r.id);
      if (!seen) byId.set(r.id, { result: r, first, headline: first < headlineSpan, order: order++ });
      else if (first < seen.first) Object.assign(seen, { first, headline: first < headlineSpan });
    }
  }
  return [...byId.values()]
    .sort((a, b) => Number(b.headline) - Number(a.headline) || a.first - b.first || a.order - b.order)
    .map(({ result, first, headline }) => ({ result, first, headline }));
}

/**
 * @typedef {{ headline: string[], text: string[], names: string[] }} Fields
 */

/**
 * A record's content (fragment.content: Pagefind has already taken the ZWSPs out) back into its
 * fields: the headline region, then the text (body, captions), then the credited names.
 * @param {string} content
 * @returns {Fields}
 */
export function decodeContent(content) {
  const [head = '', text = '', names = ''] = content.replaceAll(ZWSP, '').split(new RegExp(`${HEADLINE_PAD}+`, 'u'));
  /** @param {string} s */
  const split = (s) => s.split(FIELD_SEP).map((x) => x.trim()).filter(Boolean);
  return { headline: split(head), text: split(text), names: split(names) };
}

/**
 * Does any field contain any needle?
 * @param {Fields} fields @param {string[]} needles
 */
export function fieldsContain(fields, needles) {
  return [...fields.headline, ...fields.text, ...fields.names].some((f) => {
    const norm = normalizeForMatch(f);
    return needles.some((n) => n && norm.includes(n));
  });
}

/**
 * @typedef {{ text: string, mark: boolean }} Piece
 */

/**
 * Split `text` into plain and highlighted pieces.
 * @param {string} text @param {[number, number][]} ranges
 * @returns {Piece[]}
 */
export function highlight(text, ranges) {
  /** @type {Piece[]} */
  const out = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) out.push({ text: text.slice(at, s), mark: false });
    out.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/**
 * The excerpt for a result: a window of the first text field (body, captions) holding a match,
 * the match highlighted; or, when only the headline or the names match (the page shows those
 * highlighted already), the start of the text.
 * @param {Fields} fields @param {string[]} needles
 * @param {number} [length] characters around the first match
 * @returns {Piece[]}
 */
export function excerpt(fields, needles, length = 72) {
  for (const field of fields.text) {
    const ranges = findMatches(field, needles);
    if (!ranges.length) continue;
    const [s, e] = ranges[0];
    const chars = Array.from(field);
    // Window in code points: about a third before the match, the rest after.
    const cpIndex = (/** @type {number} */ unit) => Array.from(field.slice(0, unit)).length;
    const ms = cpIndex(s);
    const me = cpIndex(e);
    const before = Math.max(8, Math.floor((length - (me - ms)) / 3));
    let from = Math.max(0, ms - before);
    let to = Math.min(chars.length, Math.max(me, from + length));
    if (to - from < length) from = Math.max(0, to - length);
    const startUnit = chars.slice(0, from).join('').length;
    const window = chars.slice(from, to).join('');
    const local = ranges
      .map(([a, b]) => [Math.max(a, startUnit) - startUnit, Math.min(b, startUnit + window.length) - startUnit])
      .filter(([a, b]) => b > a);
    const pieces = highlight(window, /** @type {[number, number][]} */ (local));
    if (from > 0) pieces.unshift({ text: '…', mark: false });
    if (to < chars.length) pieces.push({ text: '…', mark: false });
    return pieces;
  }
  const lead = fields.text[0] ?? '';
  const chars = Array.from(lead);
  return [{ text: chars.length > length ? chars.slice(0, length).join('') + '…' : lead, mark: false }];
}

/**
 * Quote marks a reader may put around a query, opening and closing: straight, curly, corner
 * brackets. Every query already means "this exact string", so they are taken off, not searched.
 */
const QUOTE_PAIRS = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['＂', '＂'],
];
// sentence punctuation and brackets, not signs that belong to a value (`50%`, `#3`, `￥20`)
const EDGE_CHARS = '\\s。，、；：！？,.;:!?…·～~—–\\-()（）【】\\[\\]《》〈〉<>{}｛｝';
const EDGE_PUNCT = new RegExp(`^[${EDGE_CHARS}]+|[${EDGE_CHARS}]+$`, 'gu');
const QUOTE_CHARS = new Set(QUOTE_PAIRS.flat());

/**
 * The query as searched: quote marks and punctuation at the ends of the query, or of its
 * space-separated parts (`"职业" 教育`), taken off. Every query already means "this exact string";
 * Pagefind drops punctuation, and a leading `“` or trailing `。` would otherwise count as part of
 * the string, so `"产教融合"` found nothing. Only ends are trimmed, so the string searched is
 * always part of the one typed: a text holding what was typed holds what is searched. Marks
 * inside (`3.5亿`, `他说“好”吧`) stay: they are part of what the reader wants matched.
 * `removed` says what went: 'quotes', 'punctuation', both or neither.
 * @param {string} raw
 * @returns {{ q: string, removed: ('quotes' | 'punctuation')[] }}
 */
export function cleanQuery(raw) {
  let quotes = false;
  let punct = false;
  const parts = raw
    .normalize('NFC')
    .split(/\s+/u)
    .map((part) => {
      let p = part;
      for (;;) {
        const chars = Array.from(p);
        if (chars.length && QUOTE_CHARS.has(chars[0])) {
          quotes = true;
          p = chars.slice(1).join('');
        } else if (chars.length && QUOTE_CHARS.has(chars[chars.length - 1])) {
          quotes = true;
          p = chars.slice(0, -1).join('');
        } else {
          const t = p.replace(EDGE_PUNCT, '');
          // a part that is nothing but punctuation is left alone (it searches for nothing either way)
          if (t === p || !t) return p;
          punct = true;
          p = t;
        }
      }
    })
    .filter(Boolean);
  /** @type {('quotes' | 'punctuation')[]} */
  const removed = [];
  if (quotes) removed.push('quotes');
  if (punct) removed.push('punctuation');
  return { q: parts.join(' '), removed };
}

/**
 * Whether the traditional → simplified converter could change `q`: true when it holds one of
 * `triggers`, the characters the build found can set off a change (src/search/traditional.ts).
 * False means the converter would give `q` back as it is, so the page need not load it. Both the
 * query as typed and its NFC form are looked at (planQuery converts the NFC form).
 * @param {string} q @param {string} triggers
 */
export function mayConvert(q, triggers) {
  for (const c of q + q.normalize('NFC')) if (triggers.includes(c)) return true;
  return false;
}

/** The `date` filter value of an article whose issue date is not known (src/site/entities.ts UNDATED). */
export const UNDATED = '日期不详';

/**
 * The issue dates present among a search's results (Pagefind's filter counts of `date`, summed
 * over every shard) in the order asked for: newest or oldest first, undated last in both.
 * @param {Record<string, number>} counts @param {'newest' | 'oldest'} order
 * @returns {[string, number][]}
 */
export function dateGroups(counts, order) {
  const dated = Object.entries(counts).filter(([d, n]) => n > 0 && d !== UNDATED);
  dated.sort((a, b) => (order === 'newest' ? b[0].localeCompare(a[0]) : a[0].localeCompare(b[0])));
  const undated = counts[UNDATED] ?? 0;
  return undated > 0 ? [...dated, [UNDATED, undated]] : dated;
}

/**
 * The next dates to fetch for a page of `size` results, from `groups[from]` on: as many whole
 * dates as fit in `size` (at least one, however large it is). A page of several dates is put in
 * date order once its results are loaded; one date alone keeps the relevance order within it.
 * @param {[string, number][]} groups @param {number} from @param {number} size
 * @returns {string[]}
 */
export function nextDates(groups, from, size) {
  const out = [];
  let n = 0;
  for (let i = from; i < groups.length; i++) {
    if (out.length && n + groups[i][1] > size) break;
    out.push(groups[i][0]);
    n += groups[i][1];
  }
  return out;
}

/**
 * A date range from the URL (`from`, `to`: a year, a year-month or a full ISO date; either may
 * be missing) as the first and last ISO day it covers, or null when neither is a date.
 * @param {string | null | undefined} from @param {string | null | undefined} to
 * @returns {{ from: string, to: string } | null}
 */
export function dateRange(from, to) {
  const day = (/** @type {string | null | undefined} */ s, /** @type {boolean} */ end) => {
    const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/u.exec((s ?? '').trim());
    if (!m) return null;
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) : end ? 12 : 1;
    if (mo < 1 || mo > 12) return null;
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const d = m[3] ? Number(m[3]) : end ? last : 1;
    if (d < 1 || d > last) return null;
    return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const a = day(from, false);
  const b = day(to, true);
  if (!a && !b) return null;
  return { from: a ?? '0000-01-01', to: b ?? '9999-12-31' };
}

/**
 * The issue dates among `dates` (the archive's `date` filter values) that fall in `range`,
 * for Pagefind's `{ any: [...] }` (a filter matches values, not ranges). Undated never does.
 * @param {string[]} dates @param {{ from: string, to: string }} range
 */
export function datesIn(dates, range) {
  return dates.filter((d) => d !== UNDATED && d >= range.from && d <= range.to).sort();
}
