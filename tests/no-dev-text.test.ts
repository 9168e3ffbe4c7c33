/**
 * The development corpus (../shared/corpus-dev/) is copyrighted and for evaluation only: none of
 * its text may be committed, not even a headline quoted in a comment to cite the artefact a rule
 * handles (describe it instead: "a kicker of 15 characters over a headline of 14"). This reads the
 * corpus's text at run time, when it is there, and looks through the project's own files for it:
 * any quote in backticks of QUOTE_MIN Han characters or more, and any run of RUN characters, that
 * the corpus prints and the project's own texts (the sample, the typeset news pages, the hand
 * annotations) do not. Skips when the corpus is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { DEVSET_DIR, devsetPresent, REPO_ROOT } from '../src/segment/eval/devset-load.ts';

const skip = devsetPresent() ? false : '../shared/corpus-dev is absent';

/** A quote this long (Han characters) is no common phrase by chance. */
const QUOTE_MIN = 8;
/** A run of text this long anywhere in a file (any characters but spaces; most of them Han). */
const RUN = 12;
/**
 * Stock phrases every political text of the time prints, which the corpus prints too: a campaign
 * slogan the code matches as a banner (rules/headline.ts), and the opening that quotes the Party
 * congress report.
 */
const STOCK = ['认真学习宣传贯彻党的十九大精神', '习近平同志在党的十九大报告'];

const squash = (t: string) => t.replace(/\s+/gu, '');
const hanCount = (t: string) => (t.match(/\p{Script=Han}/gu) ?? []).length;

/** Files of a folder, recursively, whose names end in one of `ends`, but for the folders in `skipDirs`. */
function filesUnder(dir: string, ends: readonly string[], skipDirs: ReadonlySet<string>): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!skipDirs.has(relative(REPO_ROOT, path)) && name !== 'node_modules') out.push(...filesUnder(path, ends, skipDirs));
    } else if (ends.some((e) => name.endsWith(e))) out.push(path);
  }
  return out;
}

/** Every window of `n` characters of `text`, as a set. */
function windows(text: string, n: number): Set<string> {
  const set = new Set<string>();
  const chars = [...text];
  for (let k = 0; k + n <= chars.length; k++) set.add(chars.slice(k, k + n).join(''));
  return set;
}

test('no text of the development corpus is in the repository', { skip }, () => {
  const dev = readdirSync(join(DEVSET_DIR, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => squash(readFileSync(join(DEVSET_DIR, 'text', f), 'utf8')))
    .join('\n');
  const own = [
    ...filesUnder(join(REPO_ROOT, 'content', 'raw'), ['.txt'], new Set()),
    ...filesUnder(join(REPO_ROOT, 'tests', 'corpus-news'), ['.txt', '.json'], new Set()),
    ...filesUnder(join(REPO_ROOT, 'tests', 'gold'), ['.txt', '.json', '.yaml'], new Set()),
  ]
    .map((f) => squash(readFileSync(f, 'utf8')))
    .join('\n');
  assert.ok(dev.length > 10_000 && own.length > 10_000, 'both the corpus text and the project texts are read');
  // (a quick sieve: a piece of the corpus has every window of QUOTE_MIN characters in it)
  const devWindows = windows(dev, QUOTE_MIN);
  const fromCorpus = (piece: string) => [...windows(piece, QUOTE_MIN)].every((w) => devWindows.has(w)) && dev.includes(piece) && !own.includes(piece);

  const skipDirs = new Set([join('tests', 'gold-eye'), join('tests', 'corpus-news'), join('tests', 'gold')]);
  const files = [
    ...['README.md', '.eleventy.ts'].map((f) => join(REPO_ROOT, f)).filter((f) => existsSync(f)),
    ...['src', 'tests', 'docs', 'scripts', '_data'].flatMap((d) => filesUnder(join(REPO_ROOT, d), ['.ts', '.md', '.txt', '.json', '.njk', '.js'], skipDirs)),
  ];
  assert.ok(files.length > 100, `${files.length} files read`);
  const found: string[] = [];
  for (const file of files) {
    let text = readFileSync(file, 'utf8');
    for (const phrase of STOCK) text = text.split(phrase).join('□');
    // quotes in backticks, a comment's line breaks and markers closed up so that a quote wrapped
    // over two comment lines reads whole
    const joined = text.replace(/\n\s*(?:\/\/|\*|#)?\s*/gu, '');
    for (const m of joined.matchAll(/`([^`]{1,300})`/gu)) {
      for (const piece of m[1]!.split(/\s*\/\s*|…|，|。|、/u).map(squash)) {
        if (hanCount(piece) >= QUOTE_MIN && fromCorpus(piece)) found.push(`${relative(REPO_ROOT, file)}: quote ${piece}`);
      }
    }
    // runs of text anywhere (a fixture's page, a test's string)
    for (const run of squash(text).match(/[\p{Script=Han}“”‘’：，、；（）《》·—]{12,}/gu) ?? []) {
      for (const w of windows(run, RUN)) {
        if (hanCount(w) >= RUN - 2 && fromCorpus(w)) {
          found.push(`${relative(REPO_ROOT, file)}: text ${w}`);
          break;
        }
      }
    }
  }
  assert.deepEqual(found, [], `text of ../shared/corpus-dev in the repository (describe it instead of quoting it):\n${found.join('\n')}`);
});
