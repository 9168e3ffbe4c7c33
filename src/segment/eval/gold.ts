/**
 * Gold annotations (tests/gold/*.json): their shape, and checks that every
 * string in them really occurs in the raw file they describe.
 * Pure functions; reading the files is left to scripts/.
 */

export interface GoldCaption {
  text: string;
  credit?: string;
}

export interface GoldArticle {
  headline: string;
  kicker?: string;
  subtitle?: string;
  authors: string[];
  photographers: string[];
  captions: GoldCaption[];
  /** First characters of the body text, whitespace removed. */
  start: string;
  /** Last characters of the body text (before any closing credit), whitespace removed. */
  end: string;
  pages: number[];
}

export interface GoldFile {
  file: string;
  articles: GoldArticle[];
  sentences: string[];
  paragraph_breaks: [string, string][];
}

/** Remove every whitespace character (ASCII, U+3000, NBSP, BOM, line ends). */
export function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0\ufeff]+/gu, '');
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function countOccurrences(hay: string, needle: string): number {
  if (needle === '') return 0;
  let n = 0;
  let i = hay.indexOf(needle);
  while (i !== -1) {
    n++;
    i = hay.indexOf(needle, i + 1);
  }
  return n;
}

/** How far apart (in characters of squashed raw text) the two sides of a paragraph break may be. */
export const MAX_BREAK_GAP = 160;

/**
 * Check the shape of a parsed gold file and that its strings occur in the raw text.
 * Returns the typed gold when there are no errors.
 */
export function validateGold(data: unknown, rawText: string): { gold?: GoldFile; errors: string[] } {
  const errors: string[] = [];
  const raw = squash(rawText);
  if (typeof data !== 'object' || data === null) return { errors: ['gold is not an object'] };
  const d = data as Record<string, unknown>;
  if (typeof d.file !== 'string') errors.push('file: missing');
  if (!Array.isArray(d.articles) || d.articles.length === 0) errors.push('articles: missing or empty');
  if (!isStringArray(d.sentences)) errors.push('sentences: not a string array');
  if (
    !Array.isArray(d.paragraph_breaks) ||
    !d.paragraph_breaks.every((p) => Array.isArray(p) && p.length === 2 && isStringArray(p))
  )
    errors.push('paragraph_breaks: not an array of string pairs');
  if (errors.length) return { errors };

  const articles = d.articles as unknown[];
  articles.forEach((a, i) => {
    const where = `articles[${i}]`;
    if (typeof a !== 'object' || a === null) {
      errors.push(`${where}: not an object`);
      return;
    }
    const r = a as Record<string, unknown>;
    for (const k of ['headline', 'start', 'end'] as const)
      if (typeof r[k] !== 'string') errors.push(`${where}.${k}: not a string`);
    for (const k of ['kicker', 'subtitle'] as const)
      if (r[k] !== undefined && (typeof r[k] !== 'string' || r[k] === ''))
        errors.push(`${where}.${k}: must be a non-empty string when present`);
    for (const k of ['authors', 'photographers'] as const)
      if (!isStringArray(r[k])) errors.push(`${where}.${k}: not a string array`);
    if (!Array.isArray(r.pages) || !r.pages.every((p) => Number.isInteger(p) && (p as number) >= 1))
      errors.push(`${where}.pages: not an array of page numbers`);
    if (
      !Array.isArray(r.captions) ||
      !r.captions.every(
        (c) =>
          typeof c === 'object' &&
          c !== null &&
          typeof (c as GoldCaption).text === 'string' &&
          ((c as GoldCaption).credit === undefined || typeof (c as GoldCaption).credit === 'string'),
      )
    )
      errors.push(`${where}.captions: not an array of {text, credit?}`);
  });
  if (errors.length) return { errors };

  const gold = data as GoldFile;
  const noSpace = (label: string, s: string) => {
    if (squash(s) !== s) errors.push(`${label}: contains whitespace: ${JSON.stringify(s)}`);
  };
  const mustOccur = (label: string, s: string) => {
    if (s === '') errors.push(`${label}: empty`);
    else if (!raw.includes(s)) errors.push(`${label}: not in raw file: ${JSON.stringify(s)}`);
  };

  gold.articles.forEach((a, i) => {
    const where = `articles[${i}]`;
    for (const k of ['headline', 'kicker', 'subtitle', 'start', 'end'] as const) {
      const v = a[k];
      if (v !== undefined) noSpace(`${where}.${k}`, v);
    }
    a.authors.forEach((n, j) => noSpace(`${where}.authors[${j}]`, n));
    a.photographers.forEach((n, j) => noSpace(`${where}.photographers[${j}]`, n));
    a.captions.forEach((c, j) => {
      noSpace(`${where}.captions[${j}].text`, c.text);
      mustOccur(`${where}.captions[${j}].text`, c.text);
    });
    mustOccur(`${where}.start`, a.start);
    mustOccur(`${where}.end`, a.end);
    if (countOccurrences(raw, a.start) > 1) errors.push(`${where}.start: occurs more than once in raw file`);
    const s = raw.indexOf(a.start);
    const e = raw.lastIndexOf(a.end);
    if (s !== -1 && e !== -1 && e < s) errors.push(`${where}: end occurs before start`);
  });
  const starts = gold.articles.map((a) => a.start);
  starts.forEach((s, i) => {
    starts.forEach((t, j) => {
      if (i !== j && s !== '' && t.includes(s)) errors.push(`articles[${i}].start is contained in articles[${j}].start`);
    });
  });
  gold.sentences.forEach((s, i) => {
    noSpace(`sentences[${i}]`, s);
    mustOccur(`sentences[${i}]`, s);
    if (!/[。！？!?…”」』）)]$/u.test(s)) errors.push(`sentences[${i}]: does not end like a sentence`);
  });
  gold.paragraph_breaks.forEach(([a, b], i) => {
    noSpace(`paragraph_breaks[${i}][0]`, a);
    noSpace(`paragraph_breaks[${i}][1]`, b);
    mustOccur(`paragraph_breaks[${i}][0]`, a);
    mustOccur(`paragraph_breaks[${i}][1]`, b);
    const ia = raw.indexOf(a);
    if (ia !== -1) {
      const ib = raw.indexOf(b, ia + a.length);
      if (ib === -1 || ib - (ia + a.length) > MAX_BREAK_GAP)
        errors.push(`paragraph_breaks[${i}]: second side does not follow the first closely`);
    }
  });
  return errors.length ? { errors } : { gold, errors };
}
