/**
 * `npm run segment [-- --input DIR --output DIR]`: raw page text files → one Markdown file
 * per article, plus `_report.json` accounting for everything not in an article (runSegment(),
 * src/build/segment-run.ts).
 *
 * Exit codes: 0 when articles were written (files that could not be used are skipped with a
 * warning on stderr), 1 when no file yielded an article (the previous output is left as it
 * was) or on an unexpected error, 2 for a bad command line or an input/output folder problem.
 * Errors are one line on stderr; set BAOKU_DEBUG=1 for a stack trace. One run at a time per
 * output folder and segment cache (src/build/lock.ts): another run or build holding them stops
 * this one (exit 2), or `--wait` queues it; what an interrupted run left is cleared first.
 */
import { resolve } from 'node:path';
import { clearLeftovers } from '../src/build/leftovers.ts';
import { LockBusyError, LockWriteError, lockFolders } from '../src/build/lock.ts';
import { firstLine, printable } from '../src/build/messages.ts';
import { runSegment, SegmentCliError } from '../src/build/segment-run.ts';
import { stateFolderPath } from '../src/build/state-folder.ts';
import { cli, options, ROOT } from './cli.ts';

const { fail, run, maxFileBytes: cliMaxFileBytes } = cli('segment');
const values = options('segment', 'usage: npm run segment -- [--input DIR] [--output DIR] [--max-file-mb N] [--quiet] [--wait]', {
  input: { type: 'string' },
  output: { type: 'string' },
  'max-file-mb': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  wait: { type: 'boolean', default: false },
});
const maxFileBytes = cliMaxFileBytes(values['max-file-mb']);
// given folders are relative to the working directory; the defaults are the project's own
const input = values.input ?? resolve(ROOT, 'content/raw');
const output = values.output ?? resolve(ROOT, 'content/articles');

await run(async () => {
  const log = values.quiet ? () => {} : (l: string) => console.log(l);
  // the segment cache runSegment() uses by default (defaultCacheDir()), unless turned off
  const cache = process.env.BAOKU_SEGMENT_CACHE === '0' ? [] : [stateFolderPath('segment', input, ROOT)];
  const lock = await lockFolders([output, ...cache], { what: 'segment', wait: values.wait, onWait: (err) => log(`segment: waiting: ${err.message}`) }).catch((err: unknown) => {
    if (err instanceof LockBusyError) fail(2, `${err.message}; --wait queues this run behind it`);
    if (err instanceof LockWriteError) fail(2, `cannot write output folder ${printable(err.folder === resolve(output) ? output : err.folder)}: ${firstLine(err.cause)}`);
    throw err;
  });
  try {
    const cleared = await clearLeftovers(output);
    if (cleared.length) log(`segment: cleared what an interrupted run left: ${cleared.join(', ')}`);
    const summary = await runSegment({
      input,
      output,
      log,
      warn: (l) => console.error(l),
      maxFileBytes,
    });
    if (summary.articles === 0) fail(1, `no articles could be built from ${input} (${summary.skipped} of ${summary.files} files skipped; see the warnings above)`);
  } catch (err) {
    if (err instanceof SegmentCliError) fail(2, err.message);
    throw err;
  } finally {
    await lock.release();
  }
});
