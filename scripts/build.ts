/**
 * `npm run build [-- --input DIR --articles DIR --output DIR --skip-segment --pages-per-shard N --workers N --wait]`:
 * segment → Eleventy → Pagefind, in one command (runBuild(), src/build/build-run.ts). The site is
 * built into a temporary folder and swapped into `_site/` only when every stage succeeded, so a
 * failed build leaves the previous site intact. A rebuild segments only the raw files that
 * changed and renders only the pages they touch (state under .cache/). One build at a time per
 * folder: another build holding the same folders stops this one (exit 2), or `--wait` queues it.
 *
 * Exit codes: 0 built; 1 a stage failed or no file yielded an article; 2 a bad command line
 * or an input/output folder problem. Errors are one line on stderr; BAOKU_DEBUG=1 adds the
 * stack trace.
 */
import { resolve } from 'node:path';
import { runBuild } from '../src/build/build-run.ts';
import { BuildError } from '../src/build/site-build.ts';
import { cli, options, ROOT } from './cli.ts';

const { fail, count, run, maxFileBytes: cliMaxFileBytes } = cli('build');
const values = options('build', 'usage: npm run build -- [--input DIR] [--articles DIR] [--output DIR] [--skip-segment] [--max-file-mb N] [--pages-per-shard N] [--workers N] [--wait]', {
  input: { type: 'string' },
  articles: { type: 'string' },
  output: { type: 'string' },
  'skip-segment': { type: 'boolean', default: false },
  'max-file-mb': { type: 'string' },
  'pages-per-shard': { type: 'string' },
  workers: { type: 'string' },
  wait: { type: 'boolean', default: false },
});
const maxFileBytes = cliMaxFileBytes(values['max-file-mb']);
const pagesPerShard = count('pages-per-shard', values['pages-per-shard']);
const workers = count('workers', values.workers);

await run(async () => {
  try {
    // given folders are relative to the working directory; the defaults are the project's own
    await runBuild({
      input: values.input ?? resolve(ROOT, 'content/raw'),
      articles: values.articles ?? resolve(ROOT, 'content/articles'),
      output: values.output ?? resolve(ROOT, '_site'),
      skipSegment: values['skip-segment'],
      maxFileBytes,
      pagesPerShard,
      workers,
      wait: values.wait,
      log: (l) => console.log(l),
      warn: (l) => console.error(l),
    });
  } catch (err) {
    if (err instanceof BuildError) fail(err.code, err.message);
    throw err;
  }
});
