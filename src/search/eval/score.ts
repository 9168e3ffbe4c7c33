/**
 * Scores of one search engine over the query set of `npm run search-eval`. Pure.
 *
 *   recall        share of the true articles a query returned (mean over queries with any)
 *   precision@10  share of the first ten results that contain the string (mean over queries
 *                 that returned anything, "never together" ones included)
 *   absent        share of "never together" queries that returned nothing
 *   time          median milliseconds from submitting the query to the first results shown
 */
import type { EvalQuery, QueryKind } from './queries.ts';

export interface QueryRun {
  query: EvalQuery;
  /** Result URLs in the order shown, every page of them. */
  results: string[];
  /** Milliseconds from submitting the query to the first page of results (or "none") shown. */
  ms: number;
  /** Bytes fetched until then. */
  bytes: number;
  /** The same on a freshly opened page, for the queries timed that way. */
  freshMs?: number;
  freshBytes?: number;
}

export interface QueryScore {
  query: EvalQuery;
  truth: number;
  returned: number;
  /** Found / truth; null when the truth is empty. */
  recall: number | null;
  /** Of the first ten results, the share that contain the string; null when none returned. */
  precision10: number | null;
  ms: number;
  bytes: number;
  freshMs?: number;
  freshBytes?: number;
  /** True articles returned. */
  found: string[];
  missed: string[];
  wrong: string[];
}

export interface EngineSummary {
  queries: number;
  recall: number;
  /** Found / truth over all queries together. */
  recallMicro: number;
  precision10: number;
  absentEmpty: number;
  medianMs: number;
  p90Ms: number;
  medianBytes: number;
  /** Queries timed on a fresh page, and their medians. */
  freshQueries: number;
  freshMedianMs: number;
  freshMedianBytes: number;
  byKind: Partial<Record<QueryKind, { queries: number; recall: number; precision10: number; absentEmpty: number }>>;
}

export const TARGETS = { recall: 0.99, precision10: 0.98, absentEmpty: 0.95, medianMs: 300 } as const;

export function scoreQuery(run: QueryRun, truth: Set<string>): QueryScore {
  const returned = [...new Set(run.results)];
  const found = returned.filter((u) => truth.has(u));
  const top = run.results.slice(0, 10);
  return {
    query: run.query,
    truth: truth.size,
    returned: returned.length,
    recall: truth.size ? found.length / truth.size : null,
    precision10: top.length ? top.filter((u) => truth.has(u)).length / top.length : null,
    ms: run.ms,
    bytes: run.bytes,
    freshMs: run.freshMs,
    freshBytes: run.freshBytes,
    found,
    missed: [...truth].filter((u) => !returned.includes(u)),
    wrong: returned.filter((u) => !truth.has(u)),
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

function partial(scores: QueryScore[]) {
  const withTruth = scores.filter((s) => s.recall !== null);
  const withResults = scores.filter((s) => s.precision10 !== null);
  const absent = scores.filter((s) => s.query.kind === 'absent');
  return {
    queries: scores.length,
    recall: mean(withTruth.map((s) => s.recall!)),
    precision10: mean(withResults.map((s) => s.precision10!)),
    absentEmpty: absent.length ? absent.filter((s) => s.returned === 0).length / absent.length : NaN,
  };
}

export function summarize(scores: QueryScore[]): EngineSummary {
  const truthTotal = scores.reduce((n, s) => n + s.truth, 0);
  const foundTotal = scores.reduce((n, s) => n + (s.truth - s.missed.length), 0);
  const byKind: EngineSummary['byKind'] = {};
  for (const kind of new Set(scores.map((s) => s.query.kind))) byKind[kind] = partial(scores.filter((s) => s.query.kind === kind));
  return {
    ...partial(scores),
    recallMicro: truthTotal ? foundTotal / truthTotal : NaN,
    medianMs: quantile(scores.map((s) => s.ms), 0.5),
    p90Ms: quantile(scores.map((s) => s.ms), 0.9),
    medianBytes: quantile(scores.map((s) => s.bytes), 0.5),
    freshQueries: scores.filter((s) => s.freshMs !== undefined).length,
    freshMedianMs: quantile(scores.flatMap((s) => (s.freshMs === undefined ? [] : [s.freshMs])), 0.5),
    freshMedianBytes: quantile(scores.flatMap((s) => (s.freshBytes === undefined ? [] : [s.freshBytes])), 0.5),
    byKind,
  };
}

/** Which targets a summary misses (empty: all met). */
export function missedTargets(s: EngineSummary): string[] {
  const out: string[] = [];
  if (!(s.recall >= TARGETS.recall)) out.push(`recall ${fmt(s.recall)} < ${TARGETS.recall}`);
  if (!(s.precision10 >= TARGETS.precision10)) out.push(`precision@10 ${fmt(s.precision10)} < ${TARGETS.precision10}`);
  if (!(s.absentEmpty >= TARGETS.absentEmpty)) out.push(`never-together empty ${fmt(s.absentEmpty)} < ${TARGETS.absentEmpty}`);
  if (!(s.medianMs <= TARGETS.medianMs)) out.push(`median time ${Math.round(s.medianMs)} ms > ${TARGETS.medianMs} ms`);
  return out;
}

const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

/** The side-by-side table `npm run search-eval` prints. */
export function table(columns: { name: string; summary: EngineSummary }[]): string {
  const rows: [string, (s: EngineSummary) => string, string][] = [
    ['queries', (s) => String(s.queries), ''],
    ['recall', (s) => fmt(s.recall), `≥ ${TARGETS.recall}`],
    ['recall (all hits pooled)', (s) => fmt(s.recallMicro), ''],
    ['precision@10', (s) => fmt(s.precision10), `≥ ${TARGETS.precision10}`],
    ['"never together" → nothing', (s) => fmt(s.absentEmpty), `≥ ${TARGETS.absentEmpty}`],
    ['median time to results', (s) => `${Math.round(s.medianMs)} ms`, `≤ ${TARGETS.medianMs} ms`],
    ['90th percentile time', (s) => `${Math.round(s.p90Ms)} ms`, ''],
    ['median bytes fetched / query', (s) => kib(s.medianBytes), ''],
    ['first search on a fresh page: queries', (s) => String(s.freshQueries), ''],
    ['  median time', (s) => (s.freshQueries ? `${Math.round(s.freshMedianMs)} ms` : '—'), ''],
    ['  median bytes fetched', (s) => (s.freshQueries ? kib(s.freshMedianBytes) : '—'), ''],
  ];
  const kinds = ([...new Set(columns.flatMap((c) => Object.keys(c.summary.byKind)))] as QueryKind[]).filter((k) => k !== 'absent');
  for (const k of kinds) {
    rows.push([`  ${k}: recall / p@10`, (s) => {
      const b = s.byKind[k];
      return b ? `${fmt(b.recall)} / ${fmt(b.precision10)}` : '—';
    }, '']);
  }
  const head = ['', ...columns.map((c) => c.name), 'target'];
  const body = rows.map(([label, f, target]) => [label, ...columns.map((c) => f(c.summary)), target]);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => width(r[i]))));
  return all.map((r) => r.map((cell, i) => pad(cell, widths[i], i === 0)).join('  ').trimEnd()).join('\n');
}

/** Display width: CJK and full-width characters count two columns. */
function width(s: string): number {
  let w = 0;
  for (const c of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, left: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return left ? s + fill : fill + s;
}
