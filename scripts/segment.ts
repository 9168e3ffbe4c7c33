/**
 * `npm run segment [-- --input DIR --output DIR]`: raw page text files → one Markdown file
 * per article, plus `_report.json` accounting for everything not in an article.
 * All I/O of the segmenter lives here; the stages in src/ are pure.
 *
 * Exit codes: 0 when articles were written (files that could not be used are skipped with a
 * warning on stderr), 1 when no file yielded an article (the previous output is left as it
 * was) or on an unexpected error, 2 for a bad command line or an input/output folder problem.
 * Errors are one line on stderr; set BAOKU_DEBUG=1 for a stack trace.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { firstLine } from '../src/build/messages.ts';
import { DEFAULT_MAX_FILE_BYTES, runSegment, SegmentCliError } from '../src/build/segment-run.ts';

const ROOT = resolve(import.meta.dirname, '..');
const USAGE = 'usage: npm run segment -- [--input DIR] [--output DIR] [--max-file-mb N] [--quiet]';

function fail(code: number, message: string, err?: unknown): never {
  console.error(`segment: ${message}`);
  if (err !== undefined && process.env.BAOKU_DEBUG) console.error(err);
  process.exit(code);
}

let values: { input?: string; output?: string; 'max-file-mb'?: string; quiet?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      input: { type: 'string' },
      output: { type: 'string' },
      'max-file-mb': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  }));
} catch (err) {
  fail(2, `${firstLine(err)} (--help lists the options)`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const maxMb = values['max-file-mb'] === undefined ? DEFAULT_MAX_FILE_BYTES / 1048576 : Number(values['max-file-mb']);
if (!(maxMb > 0)) fail(2, `--max-file-mb must be a positive number of MiB, not ${values['max-file-mb']}`);
// given folders are relative to the working directory; the defaults are the project's own
const input = values.input ?? resolve(ROOT, 'content/raw');
const output = values.output ?? resolve(ROOT, 'content/articles');

try {
  const summary = await runSegment({
    input,
    output,
    log: values.quiet ? () => {} : (l) => console.log(l),
    warn: (l) => console.error(l),
    maxFileBytes: maxMb * 1048576,
  });
  if (summary.articles === 0) fail(1, `no articles could be built from ${input} (${summary.skipped} of ${summary.files} files skipped; see the warnings above)`);
} catch (err) {
  if (err instanceof SegmentCliError) fail(2, err.message);
  fail(1, `unexpected error: ${firstLine(err)} (BAOKU_DEBUG=1 shows where)`, err);
}
