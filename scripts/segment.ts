/**
 * `npm run segment [-- --input DIR --output DIR]`: raw page text files → one Markdown file
 * per article, plus `_report.json` accounting for everything not in an article (runSegment(),
 * src/build/segment-run.ts).
 *
 * Exit codes: 0 when articles were written (files that could not be used are skipped with a
 * warning on stderr), 1 when no file yielded an article (the previous output is left as it
 * was) or on an unexpected error, 2 for a bad command line or an input/output folder problem.
 * Errors are one line on stderr; set BAOKU_DEBUG=1 for a stack trace.
 */
import { resolve } from 'node:path';
import { runSegment, SegmentCliError } from '../src/build/segment-run.ts';
import { cli, options, ROOT } from './cli.ts';

const { fail, run, maxFileBytes: cliMaxFileBytes } = cli('segment');
const values = options('segment', 'usage: npm run segment -- [--input DIR] [--output DIR] [--max-file-mb N] [--quiet]', {
  input: { type: 'string' },
  output: { type: 'string' },
  'max-file-mb': { type: 'string' },
  quiet: { type: 'boolean', default: false },
});
const maxFileBytes = cliMaxFileBytes(values['max-file-mb']);
// given folders are relative to the working directory; the defaults are the project's own
const input = values.input ?? resolve(ROOT, 'content/raw');
const output = values.output ?? resolve(ROOT, 'content/articles');

await run(async () => {
  try {
    const summary = await runSegment({
      input,
      output,
      log: values.quiet ? () => {} : (l) => console.log(l),
      warn: (l) => console.error(l),
      maxFileBytes,
    });
    if (summary.articles === 0) fail(1, `no articles could be built from ${input} (${summary.skipped} of ${summary.files} files skipped; see the warnings above)`);
  } catch (err) {
    if (err instanceof SegmentCliError) fail(2, err.message);
    throw err;
  }
});
