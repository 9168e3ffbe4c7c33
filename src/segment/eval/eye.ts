/**
 * The eye-checked annotation of the fourteen development pages (issue #17): what a person saw on
 * each page (rendered from ../shared/corpus-dev/pdf/) — its articles, their headline, kicker,
 * subtitle, authors, captions, closing affiliation note, and where each body starts and ends — held
 * as hashes, so that the repository carries no text of those copyrighted pages
 * (tests/gold-eye/devset-eye.json). The gold of devset.ts is derived by the same geometry code the PDF
 * segmenter uses, so scoring against it measures agreement; this measures accuracy.
 *
 * Every string is compared after `eyeNorm`: whitespace removed, then NFKC. NFKC because the
 * extractors and pdfjs disagree on code points the eye does not see (CJK radicals ⼀ for 一,
 * full-width ASCII, vertical presentation forms ﹃﹄ for 『』), and a hash cannot be compared any
 * looser than the string it hashes.
 *
 * How an output article is matched to an annotated one, with hashes only. A body's start is its
 * first 12 characters — more when those 12 occur elsewhere on the page too (a common phrase such
 * as the opening that quotes the Party congress report), as many as make it occur once; its end likewise.
 *   - contains (the rule of metrics.ts `containsArticle`, so the figures compare with the derived
 *     gold's row): the output body holds the annotated start, and at or after it the annotated
 *     end, and no other annotated article's start. Every window of the output body of each length
 *     annotated is hashed, so a hash stands in for `indexOf`.
 *   - exact (stricter, reported beside it): the output body begins with the annotated start and
 *     ends with the annotated end — nothing before or after.
 * Each annotated article takes the first unused output article that matches, as in metrics.ts.
 * Headline, kicker, subtitle, authors, photographers and the affiliation are scored on matched
 * articles only (as metrics.ts does); captions over the page, wherever they are attached.
 *
 * Pure: no I/O here. eye-load.ts reads the file and the corpus.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../types.ts';
import { readAffiliation } from '../rules/affiliation.ts';
import { aggregate, addRatio, MIN_BODY_CHARS, multisetCounts, addCounts, type Counts, type FileScores, type Miss, type Ratio, normTitle, normCaption, optionalFieldRatio } from './metrics.ts';
import { squash } from './gold.ts';

/** How many characters of a body's start and end are annotated, at least. */
export const EYE_WINDOW = 12;
/** At most: an anchor not unique on the page by then is reported, for a person to look at. */
const MAX_WINDOW = 60;

/** Whitespace removed, NFKC, whitespace removed again (NFKC turns U+3000 and some symbols into spaces). */
export function eyeNorm(s: string): string {
  return squash(squash(s).normalize('NFKC'));
}

/** A headline-like field: eyeNorm, then the opening and closing dashes of a kicker or subtitle dropped (metrics.ts normTitle). */
export function eyeTitle(s: string | undefined): string {
  return s === undefined ? '' : normTitle(eyeNorm(s));
}

/** A caption: eyeNorm, then a leading picture pointer (▲ …) dropped (metrics.ts normCaption). */
export function eyeCaption(s: string): string {
  return normCaption(eyeNorm(s));
}

/** An affiliation note `（作者为…）` or its content alone: what it states, normalised. */
export function eyeAffiliation(s: string): string {
  const n = eyeNorm(s);
  // the hash is of what the note states, so the full note and the contract's `affiliations` value agree
  return readAffiliation(n) ?? readAffiliation(`（作者为${n}）`) ?? n;
}

/** SHA-256 (hex) of a string already normalised. */
export function sha(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

export interface EyeArticle {
  headline: string;
  kicker?: string;
  subtitle?: string;
  authors: string[];
  photographers: string[];
  captions: string[];
  /** What the closing note states (`eyeAffiliation`), absent when the article has none. */
  affiliation?: string;
  /** The first startLen and last endLen body characters (the affiliation note is not body). */
  start: string;
  end: string;
  /** EYE_WINDOW, or more where that many characters are not unique on the page. */
  startLen: number;
  endLen: number;
  /** Characters of each normalised string hashed: lets a test find them in a text by hashing windows of that length only. */
  lengths: { headline: number; kicker?: number; subtitle?: number; authors: number[]; photographers: number[]; captions: number[]; affiliation?: number };
  /** Body characters, rounded to hundreds (from the extractors' text between start and end: a sanity figure, not scored). */
  chars: number;
  /** Set as a vertical headline. */
  vertical?: boolean;
}

export interface EyePage {
  /** The page's name, the PDF's without `.pdf` (rmrb2018010207). */
  page: string;
  /** The page header as printed: date (`2018年1月2日`), weekday and section hashed, page number plain. */
  header: { date: string; weekday: string; section: string; page: number };
  articles: EyeArticle[];
  /** Things on the page that are not articles (graphics, banners, column labels): how many, for the record. */
  other: number;
}

export interface EyeGold {
  version: 1;
  /** What was looked at, how, and how strings were normalised: the file documents itself. */
  about: string;
  window: number;
  pages: EyePage[];
}

const HEX = /^[0-9a-f]{64}$/u;

/** Check the shape of a parsed annotation file; the errors, empty when it is sound. */
export function validateEyeGold(data: unknown): string[] {
  const errors: string[] = [];
  const d = data as Partial<EyeGold>;
  if (typeof d !== 'object' || d === null) return ['not an object'];
  if (d.version !== 1) errors.push('version: expected 1');
  if (d.window !== EYE_WINDOW) errors.push(`window: expected ${EYE_WINDOW}`);
  if (!Array.isArray(d.pages)) return [...errors, 'pages: not an array'];
  d.pages.forEach((p, i) => {
    const at = `pages[${i}]`;
    if (typeof p.page !== 'string') errors.push(`${at}.page: not a string`);
    for (const k of ['date', 'weekday', 'section'] as const) if (!HEX.test(p.header?.[k] ?? '')) errors.push(`${at}.header.${k}: not a SHA-256`);
    if (!Array.isArray(p.articles) || p.articles.length === 0) errors.push(`${at}.articles: missing or empty`);
    (p.articles ?? []).forEach((a, j) => {
      const aat = `${at}.articles[${j}]`;
      for (const k of ['headline', 'start', 'end'] as const) if (!HEX.test(a[k] ?? '')) errors.push(`${aat}.${k}: not a SHA-256`);
      for (const k of ['startLen', 'endLen'] as const) if (!Number.isInteger(a[k]) || a[k] < EYE_WINDOW) errors.push(`${aat}.${k}: not a length of ${EYE_WINDOW} or more`);
      for (const k of ['kicker', 'subtitle', 'affiliation'] as const) if (a[k] !== undefined && !HEX.test(a[k]!)) errors.push(`${aat}.${k}: not a SHA-256`);
      for (const k of ['authors', 'photographers', 'captions'] as const)
        if (!Array.isArray(a[k]) || !a[k].every((h) => HEX.test(h))) errors.push(`${aat}.${k}: not a list of SHA-256`);
      for (const k of ['authors', 'photographers', 'captions'] as const)
        if (!Array.isArray(a.lengths?.[k]) || a.lengths[k].length !== a[k]?.length) errors.push(`${aat}.lengths.${k}: missing or not one per ${k.slice(0, -1)}`);
      for (const k of ['kicker', 'subtitle', 'affiliation'] as const)
        if ((a[k] === undefined) !== (a.lengths?.[k] === undefined)) errors.push(`${aat}.lengths.${k}: present when, and only when, ${k} is`);
      if (!Number.isInteger(a.chars) || a.chars < 0) errors.push(`${aat}.chars: not a count`);
    });
  });
  return errors;
}

/** Every n-character window of a normalised text, hashed: hash → the positions it starts at. */
export function windowHashes(text: string, n: number): Map<string, number[]> {
  const chars = [...text];
  const out = new Map<string, number[]>();
  for (let i = 0; i + n <= chars.length; i++) {
    const h = sha(chars.slice(i, i + n).join(''));
    const at = out.get(h);
    if (at) at.push(i);
    else out.set(h, [i]);
  }
  return out;
}

/** An output article's body, normalised: every body item (paragraphs and crossheads) in order. */
export function eyeBody(a: Article): string {
  return eyeNorm(a.body.map((b) => b.text).join(''));
}

/** An output article as the scorer sees it: its body's windows of every annotated length, hashed. */
export interface Seen {
  windows: Map<number, Map<string, number[]>>;
  /** Hash of the body's first / last n characters, by n. */
  first: Map<number, string>;
  last: Map<number, string>;
  length: number;
}

/** The windows of a normalised body, for the lengths `lengths`. */
export function seenText(body: string, lengths: Iterable<number>): Seen {
  const chars = [...body];
  const s: Seen = { windows: new Map(), first: new Map(), last: new Map(), length: chars.length };
  for (const n of new Set(lengths)) {
    s.windows.set(n, windowHashes(body, n));
    if (chars.length >= n) {
      s.first.set(n, sha(chars.slice(0, n).join('')));
      s.last.set(n, sha(chars.slice(-n).join('')));
    }
  }
  return s;
}

const has = (s: Seen, n: number, h: string) => s.windows.get(n)?.get(h);

/** Does this output body hold the annotated article: its start, its end at or after it, and no other annotated start? */
function holds(s: Seen, g: EyeArticle, all: readonly EyeArticle[]): boolean {
  const starts = has(s, g.startLen, g.start);
  const ends = has(s, g.endLen, g.end);
  if (!starts || !ends) return false;
  if (!ends.some((e) => e >= starts[0]!)) return false;
  return all.every((o) => o === g || !has(s, o.startLen, o.start));
}

/** Is this output body exactly the annotated article's: nothing before its start or after its end? */
function isExactly(s: Seen, g: EyeArticle): boolean {
  return s.first.get(g.startLen) === g.start && s.last.get(g.endLen) === g.end;
}

/** One-to-one matching, in annotation order: each takes the first unused output article that `fits`. */
function match(gold: readonly EyeArticle[], outs: readonly Seen[], fits: (s: Seen, g: EyeArticle) => boolean): (number | null)[] {
  const used = new Set<number>();
  return gold.map((g) => {
    for (let i = 0; i < outs.length; i++) {
      if (!used.has(i) && fits(outs[i]!, g)) {
        used.add(i);
        return i;
      }
    }
    return null;
  });
}

export interface EyeScores extends FileScores {
  /** Boundaries by the exact rule: matched, and outputs counted for precision (the `boundary` field holds the contains rule). */
  exact: { matched: number; gold: number; outputs: number };
  /** The closing note's affiliation on matched articles (an optional field, like kicker). */
  affiliation: Ratio;
}

const hashOrUndefined = (s: string | undefined, norm: (x: string) => string): string | undefined => {
  if (s === undefined) return undefined;
  const n = norm(s);
  return n === '' ? undefined : sha(n);
};

/** How an output article is named in a miss: its own headline (output text, never the annotation's). */
const named = (a: Article) => `«${squash(a.title).slice(0, 16) || '(no headline)'}»`;

/** Score one page's output against its eye annotation. Misses name annotated articles by number only. */
export function scoreEyePage(page: EyePage, output: readonly Article[]): EyeScores {
  const gold = page.articles;
  const lengths = gold.flatMap((g) => [g.startLen, g.endLen]);
  const outs = output.map((a) => seenText(eyeBody(a), lengths));
  const misses: Miss[] = [];
  const matching = match(gold, outs, (s, g) => holds(s, g, gold));
  const exactMatching = match(gold, outs, isExactly);
  const countable = (m: (number | null)[]) => {
    const used = new Set(m.filter((x): x is number => x !== null));
    return { matched: used.size, gold: gold.length, outputs: outs.filter((s, i) => used.has(i) || s.length >= MIN_BODY_CHARS).length };
  };

  const headline: Ratio = { correct: 0, total: 0 };
  const kickers: { gold?: string; output?: string }[] = [];
  const subtitles: { gold?: string; output?: string }[] = [];
  const affiliations: { gold?: string; output?: string }[] = [];
  let authors: Counts = { tp: 0, fp: 0, fn: 0 };
  let photographers: Counts = { tp: 0, fp: 0, fn: 0 };
  gold.forEach((g, gi) => {
    const name = `article ${gi + 1}${g.vertical ? ' (vertical headline)' : ''}`;
    const oi = matching[gi];
    if (oi === null || oi === undefined) {
      const withStart = outs.findIndex((s) => has(s, g.startLen, g.start));
      const withEnd = outs.findIndex((s) => has(s, g.endLen, g.end));
      const where = (i: number) => (i === -1 ? 'no output' : `#${i} ${named(output[i]!)}`);
      misses.push({ kind: 'article', detail: `${page.page} ${name} not found: start in ${where(withStart)}, end in ${where(withEnd)}` });
      return;
    }
    const o = output[oi]!;
    headline.total++;
    if (hashOrUndefined(o.title, eyeTitle) === g.headline) headline.correct++;
    else misses.push({ kind: 'headline', detail: `${page.page} ${name}: output headline ${named(o)} is not the annotated one` });
    const field = (kind: 'kicker' | 'subtitle', out: string | undefined) => {
      const h = hashOrUndefined(out, eyeTitle);
      if (h !== g[kind]) misses.push({ kind, detail: `${page.page} ${name} ${named(o)}: ${g[kind] ? 'annotated' : 'none annotated'}, output ${out ? JSON.stringify(squash(out)) : 'none'}${g[kind] && h ? ' (differs)' : ''}` });
      return { gold: g[kind], output: h };
    };
    kickers.push(field('kicker', o.kicker));
    subtitles.push(field('subtitle', o.subtitle));
    const oa = o.affiliations?.[0];
    affiliations.push({ gold: g.affiliation, output: hashOrUndefined(oa, eyeAffiliation) });
    const ac = multisetCounts(g.authors, o.authors.map((n) => sha(eyeNorm(n))));
    authors = addCounts(authors, ac);
    if (ac.fp || ac.fn) misses.push({ kind: 'authors', detail: `${page.page} ${name} ${named(o)}: ${g.authors.length} annotated, output [${o.authors.join(' ')}], ${ac.tp} agree` });
    const pc = multisetCounts(g.photographers, o.photographers.map((n) => sha(eyeNorm(n))));
    photographers = addCounts(photographers, pc);
    if (pc.fp || pc.fn) misses.push({ kind: 'photographers', detail: `${page.page} ${name} ${named(o)}: ${g.photographers.length} annotated, output [${o.photographers.join(' ')}]` });
  });
  const captions = multisetCounts(
    gold.flatMap((g) => g.captions),
    output.flatMap((a) => a.captions.map((c) => sha(eyeCaption(c.text)))),
  );
  if (captions.fp || captions.fn) misses.push({ kind: 'caption', detail: `${page.page}: captions ${captions.tp} agree, ${captions.fn} annotated not found, ${captions.fp} output not annotated` });
  return {
    file: page.page,
    boundary: countable(matching),
    exact: countable(exactMatching),
    headline,
    kicker: optionalFieldRatio(kickers),
    subtitle: optionalFieldRatio(subtitles),
    affiliation: optionalFieldRatio(affiliations),
    authors,
    photographers,
    captions,
    // the annotation holds no sentences or paragraph breaks: these stay n/a
    sentences: { correct: 0, total: 0 },
    breaks: { correct: 0, total: 0 },
    misses,
  };
}

/** Micro-average pages' scores: metrics.ts `aggregate` for the shared fields, the EyeScores extras summed beside it. */
export function aggregateEye(name: string, scores: readonly EyeScores[]): EyeScores {
  return {
    ...aggregate(name, scores),
    exact: scores.reduce((a, s) => ({ matched: a.matched + s.exact.matched, gold: a.gold + s.exact.gold, outputs: a.outputs + s.exact.outputs }), { matched: 0, gold: 0, outputs: 0 }),
    affiliation: scores.reduce((a, s) => addRatio(a, s.affiliation), { correct: 0, total: 0 }),
  };
}

/** Boundary F1 by the exact rule. */
export function exactF1(s: EyeScores): number {
  const d = s.exact.gold + s.exact.outputs;
  return d === 0 ? NaN : (2 * s.exact.matched) / d;
}

// ---------------------------------------------------------------------------------------------
// Making the hashed file from a plain annotation (kept in .cache/devset-eye/, never committed).

/** One article as a person wrote it down: plain text, anchors read on the page. */
export interface PlainArticle {
  headline: string;
  kicker?: string;
  subtitle?: string;
  authors: string[];
  photographers?: string[];
  captions?: { text: string; credit?: string }[];
  affiliation?: string;
  /** The first characters of the body (at least a few; the body starts here). */
  start: string;
  /** The last characters of the body (it ends here). */
  end: string;
  vertical?: boolean;
}

export interface PlainPage {
  header: { date: string; weekday: string; page: number; section: string };
  articles: PlainArticle[];
  other?: string[];
}

/**
 * Turn a plain annotation into the hashed one. `texts` are the page's extractor texts: each anchor
 * must occur, once, in the majority of them (an anchor found in none is a typo; found twice, it
 * does not say where the article is), and the 12-character windows are read there — the start's
 * from the anchor on, the end's up to the anchor's last character. Returns the page or the
 * problems found.
 */
export function hashPage(name: string, plain: PlainPage, texts: readonly string[]): { page?: EyePage; problems: string[] } {
  const problems: string[] = [];
  const flat = texts.map(eyeNorm);
  const windowOf = (anchor: string, side: 'start' | 'end', where: string): { w: string; n: number } | undefined => {
    const a = eyeNorm(anchor);
    // where the anchor is, in each text that has it once
    const found: { chars: string[]; at: number; text: string }[] = [];
    flat.forEach((t, ti) => {
      const i = t.indexOf(a);
      if (i === -1) return;
      if (t.indexOf(a, i + 1) !== -1) return problems.push(`${name} ${where}: ${side} anchor occurs twice in extractor text ${ti}`);
      found.push({ chars: [...t], at: [...t.slice(0, i)].length, text: t });
    });
    if (found.length * 2 <= flat.length) {
      problems.push(`${name} ${where}: ${side} anchor found in ${found.length} of ${flat.length} texts`);
      return undefined;
    }
    const len = [...a].length;
    const cut = (f: (typeof found)[number], n: number) =>
      (side === 'start' ? f.chars.slice(f.at, f.at + n) : f.chars.slice(Math.max(0, f.at + len - n), f.at + len)).join('');
    // the shortest window (EYE_WINDOW or more) that most texts agree on and that occurs once in each of them
    for (let n = EYE_WINDOW; n <= MAX_WINDOW; n++) {
      const votes = new Map<string, number>();
      for (const f of found) {
        const w = cut(f, n);
        if ([...w].length === n) votes.set(w, (votes.get(w) ?? 0) + 1);
      }
      const best = [...votes].sort((x, y) => y[1] - x[1])[0];
      if (!best || best[1] * 2 <= flat.length) continue;
      const [w] = best;
      if (found.every((f) => f.text.indexOf(w) === f.text.lastIndexOf(w))) return { w, n };
    }
    problems.push(`${name} ${where}: no ${side} window of ${EYE_WINDOW}–${MAX_WINDOW} characters that the extractors agree on and that occurs once`);
    return undefined;
  };
  const articles: EyeArticle[] = [];
  plain.articles.forEach((a, i) => {
    const where = `article ${i + 1}`;
    const s = windowOf(a.start, 'start', where);
    const e = windowOf(a.end, 'end', where);
    if (!s || !e) return;
    // A body's length, roughly: the span from start to end in each text that has them in that
    // order, the lower median of those. Extractors that read columns out of order make a span too
    // short or too long (another article in between); the median of several is near the page.
    const spans = flat
      .map((t) => {
        const si = t.indexOf(s.w);
        const ei = si === -1 ? -1 : t.indexOf(e.w, si);
        return si === -1 || ei === -1 ? NaN : [...t.slice(si, ei)].length + e.n;
      })
      .filter((n) => n > 0)
      .sort((x, y) => x - y);
    const chars = spans.length ? Math.round(spans[Math.floor((spans.length - 1) / 2)]! / 100) * 100 : 0;
    const t = (x: string) => eyeTitle(x);
    articles.push({
      headline: sha(t(a.headline)),
      ...(a.kicker ? { kicker: sha(t(a.kicker)) } : {}),
      ...(a.subtitle ? { subtitle: sha(t(a.subtitle)) } : {}),
      authors: a.authors.map((n) => sha(eyeNorm(n))),
      photographers: (a.photographers ?? []).map((n) => sha(eyeNorm(n))),
      captions: (a.captions ?? []).map((c) => sha(eyeCaption(c.text))),
      ...(a.affiliation ? { affiliation: sha(eyeAffiliation(a.affiliation)) } : {}),
      start: sha(s.w),
      end: sha(e.w),
      startLen: s.n,
      endLen: e.n,
      lengths: {
        headline: [...t(a.headline)].length,
        ...(a.kicker ? { kicker: [...t(a.kicker)].length } : {}),
        ...(a.subtitle ? { subtitle: [...t(a.subtitle)].length } : {}),
        authors: a.authors.map((n) => [...eyeNorm(n)].length),
        photographers: (a.photographers ?? []).map((n) => [...eyeNorm(n)].length),
        captions: (a.captions ?? []).map((c) => [...eyeCaption(c.text)].length),
        ...(a.affiliation ? { affiliation: [...eyeAffiliation(a.affiliation)].length } : {}),
      },
      chars,
      ...(a.vertical ? { vertical: true } : {}),
    });
  });
  if (problems.length) return { problems };
  return {
    page: {
      page: name,
      header: { date: sha(eyeNorm(plain.header.date)), weekday: sha(eyeNorm(plain.header.weekday)), section: sha(eyeNorm(plain.header.section)), page: plain.header.page },
      articles,
      other: plain.other?.length ?? 0,
    },
    problems,
  };
}
