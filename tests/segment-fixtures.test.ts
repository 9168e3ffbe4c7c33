/**
 * Segmenter fixtures, one artefact per file, in the manner of markdown-it's fixture files:
 * tests/fixtures/segment/*.txt each hold a description, a raw snippet and the articles a
 * careful reader makes of it, separated by lines holding a single `.`:
 *
 *     what the fixture shows and where the snippet comes from (one or more lines)
 *     .
 *     the raw text, verbatim (leading spaces mark a page start; two trailing spaces a hard break)
 *     .
 *     # headline                     one article; `#` alone when it has no headline
 *     kicker: …   subtitle: …        display type around the headline
 *     byline: …                      a credit line as printed (one line each)
 *     authors: a, b                  reporters, correspondents, signed names
 *     photographers: a, b
 *     publication: …   dateline: …
 *     caption: text | credit         a photo caption and its credit (` | credit` when there is one)
 *     ## subhead                     then the body, one paragraph a line
 *     paragraph
 *                                    a blank line between articles
 *     unassigned (reason): text      text the report keeps out of every article
 *     duplicate: text                a paragraph printed twice (the earlier copy, dropped)
 *     .
 *
 * The raw part goes through the whole segmenter (segmentFile, as tests/artefacts.test.ts does)
 * and the result, written the same way, must equal the expected part. Expected parts say what
 * is right, not what the segmenter happens to do: a snippet it gets wrong today lives in
 * known-misses/, whose fixtures are run and listed, and the only assertion on them is that
 * their number of misses does not grow (a miss mended there should move up a folder).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { segmentFile } from '../src/segment/index.ts';
import type { SegmentResult } from '../src/segment/types.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'segment');
const MISSES_DIR = join(DIR, 'known-misses');
/** Misses in known-misses/ today. Lower it when one is mended; it must never be raised. */
const KNOWN_MISSES = 0;

export interface Fixture {
  name: string;
  description: string;
  raw: string;
  expected: string;
}

/** Reads a fixture file: description, raw text and expected articles between `.` lines. */
export function parseFixture(name: string, text: string): Fixture {
  const lines = text.replace(/\r\n/gu, '\n').split('\n');
  const dots = lines.flatMap((l, k) => (l === '.' ? [k] : []));
  if (dots.length !== 3) throw new Error(`${name}: expected three lines holding a single '.', found ${dots.length}`);
  const [a, b, c] = dots;
  return {
    name,
    description: lines.slice(0, a).join('\n').trim(),
    raw: `${lines.slice(a + 1, b).join('\n')}\n`,
    expected: lines.slice(b + 1, c).join('\n').trim(),
  };
}

/** The segmenter's result written in the fixtures' expected form. */
export function renderResult({ articles, report }: SegmentResult): string {
  const out: string[] = [];
  for (const a of articles) {
    out.push(a.title ? `# ${a.title}` : '#');
    if (a.kicker) out.push(`kicker: ${a.kicker}`);
    if (a.subtitle) out.push(`subtitle: ${a.subtitle}`);
    for (const b of a.bylines) out.push(`byline: ${b}`);
    if (a.authors.length) out.push(`authors: ${a.authors.join(', ')}`);
    if (a.photographers.length) out.push(`photographers: ${a.photographers.join(', ')}`);
    if (a.publication) out.push(`publication: ${a.publication}`);
    if (a.dateline) out.push(`dateline: ${a.dateline}`);
    for (const c of a.captions) out.push(`caption: ${c.text}${c.credit ? ` | ${c.credit}` : ''}`);
    for (const item of a.body) out.push(item.kind === 'subhead' ? `## ${item.text}` : item.text);
    out.push('');
  }
  for (const u of report.unassigned) out.push(`unassigned (${u.reason}): ${u.text}`);
  for (const d of report.duplicates) out.push(`duplicate: ${d.text}`);
  return out.join('\n').trim();
}

export const runFixture = (f: Fixture): string => renderResult(segmentFile(`${f.name}`, new TextEncoder().encode(f.raw)));

// a folder git does not keep when it is empty (known-misses/ with every miss mended) holds no fixture
const read = (dir: string) =>
  (existsSync(dir) ? readdirSync(dir) : [])
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => parseFixture(n, readFileSync(join(dir, n), 'utf8')));

const fixtures = read(DIR);

test('the fixture folder holds the artefact fixtures', () => {
  assert.ok(fixtures.length >= 20, `only ${fixtures.length} fixtures`);
  for (const f of fixtures) assert.ok(f.description && f.raw.trim() && f.expected, `${f.name}: a part is empty`);
});

for (const f of fixtures) {
  test(`fixture ${f.name}: ${f.description.split('\n')[0]}`, () => {
    assert.equal(runFixture(f), f.expected);
  });
}

test('known misses: the segmenter gets no more of them wrong than it did', (t) => {
  const all = read(MISSES_DIR);
  const misses = all.filter((f) => runFixture(f) !== f.expected);
  for (const f of misses) t.diagnostic(`known miss: ${f.name}: ${f.description.split('\n')[0]}`);
  for (const f of all.filter((x) => !misses.includes(x))) t.diagnostic(`mended: ${f.name} passes now; move it up to tests/fixtures/segment/`);
  assert.ok(misses.length <= KNOWN_MISSES, `${misses.length} misses, ${KNOWN_MISSES} known: ${misses.map((f) => f.name).join(', ')}`);
});
