/**
 * `npm run correct -- <id> [--title "…" --kicker "…" --subtitle "…" --authors 甲,乙
 * --split-before "…" --merge-with <id>]`: writes the correction into the correction file of the
 * article's raw file (content/corrections/<raw path>.yml; an existing entry for the article is
 * amended, comments and order kept), then segments again so that content/articles shows it —
 * only that raw file, the others come from the segment cache (runCorrect(),
 * src/corrections/correct-run.ts). Prints one line: what was written, where.
 *
 * Exit codes: 0 written and applied; 1 written but it did not apply (the warning names the line)
 * or an unexpected error; 2 a bad command line, an unknown id, a correction file that is not
 * valid, or a folder held by another run. Errors are one line on stderr.
 */
import { resolve } from 'node:path';
import { CorrectError, correctLine, runCorrect } from '../src/corrections/correct-run.ts';
import { splitNames } from '../src/corrections/edit.ts';
import type { FieldValues } from '../src/corrections/parse.ts';
import { cli, commandLine, ROOT } from './cli.ts';

const USAGE = `usage: npm run correct -- <article id> [--title TEXT] [--kicker TEXT] [--subtitle TEXT] [--authors 甲,乙]
                            [--split-before TEXT] [--merge-with <article id>] [--input DIR] [--articles DIR] [--wait]
  --title, --kicker, --subtitle, --authors   replace the article's fields ("" empties one)
  --split-before TEXT   the article becomes two; the new one (<id>-2) starts at the block starting with TEXT
  --merge-with ID       the article ID (of the same raw file) is joined to the end of this one`;

const { fail, run } = cli('correct');
const { values, positionals } = commandLine('correct', USAGE, {
  title: { type: 'string' },
  kicker: { type: 'string' },
  subtitle: { type: 'string' },
  authors: { type: 'string' },
  'split-before': { type: 'string' },
  'merge-with': { type: 'string' },
  input: { type: 'string' },
  articles: { type: 'string' },
  wait: { type: 'boolean', default: false },
}, 1);
const id = positionals[0];
if (id === undefined) fail(2, 'which article? give its id first: npm run correct -- 000-p2-03 --title "…" (--help lists the options)');

const set: FieldValues = {};
for (const k of ['title', 'kicker', 'subtitle'] as const) if (values[k] !== undefined) set[k] = values[k];
if (values.authors !== undefined) set.authors = splitNames(values.authors);
// given folders are relative to the working directory; the defaults are the project's own
const articles = values.articles ?? resolve(ROOT, 'content/articles');

await run(async () => {
  try {
    const r = await runCorrect({
      edit: { id: id!, set, splitBefore: values['split-before'], mergeWith: values['merge-with'] },
      input: values.input ?? resolve(ROOT, 'content/raw'),
      articles,
      wait: values.wait,
      warn: (l) => console.error(l),
      onWait: (m) => console.log(`correct: waiting: ${m}`),
    });
    if (r.notApplied.length) {
      const lines = r.notApplied.map((w) => w.line);
      fail(1, `${r.label}:${lines.join(', ')}: written, but not applied (the warning above says why): fix or remove ${lines.length === 1 ? 'it' : 'them'}`);
    }
    console.log(correctLine(r, articles));
  } catch (err) {
    if (err instanceof CorrectError) fail(err.code, err.message);
    throw err;
  }
});
