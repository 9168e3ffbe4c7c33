/**
 * `npm run build [-- --input DIR --articles DIR --output DIR --skip-segment --pages-per-shard N --workers N --wait]`:
 * segment → Eleventy → Pagefind, in one command (runBuild(), src/build/build-run.ts). The site is
 * built into a temporary folder and swapped into `_site/` only when every stage succeeded, so a
 * failed build leaves the previous site intact. A rebuild segments only the raw files that
 * changed and renders only the pages they touch (state under .cache/). One build at a time per
 * folder: another build holding the same folders stops this one (exit 2), or `--wait` queues it.
 *
 * Scaling out (docs/scaling.md): `--part K/N [--output DIR]` builds the K-th of N parts of the
 * input into a part folder (default `_parts/K-of-N`; runPartBuild()), `--merge DIR…` merges
 * part folders into the site (runMergeBuild()).
 *
 * Exit codes: 0 built; 1 a stage failed or no file yielded an article; 2 a bad command line,
 * an input/output folder problem or parts that do not make one archive. Errors are one line on
 * stderr; BAOKU_DEBUG=1 adds the stack trace.
 */
import { resolve } from 'node:path';
import { runBuild, runMergeBuild, runPartBuild } from '../src/build/build-run.ts';
import { printable } from '../src/build/messages.ts';
import { parsePartSpec, PartsError, type PartSpec } from '../src/build/parts.ts';
import { BuildError } from '../src/build/site-build.ts';
import { cli, commandLine, ROOT } from './cli.ts';

const USAGE = [
  'usage: npm run build -- [--input DIR] [--articles DIR] [--output DIR] [--skip-segment] [--max-file-mb N] [--pages-per-shard N] [--workers N] [--wait]',
  '       npm run build -- --part K/N [--input DIR] [--output DIR] [--max-file-mb N] [--pages-per-shard N] [--workers N] [--wait]',
  '       npm run build -- --merge DIR… [--articles DIR] [--output DIR] [--wait]',
].join('\n');

const { fail, count, run, maxFileBytes: cliMaxFileBytes } = cli('build');
const { values, positionals } = commandLine(
  'build',
  USAGE,
  {
    input: { type: 'string' },
    articles: { type: 'string' },
    output: { type: 'string' },
    'skip-segment': { type: 'boolean', default: false },
    'max-file-mb': { type: 'string' },
    'pages-per-shard': { type: 'string' },
    workers: { type: 'string' },
    wait: { type: 'boolean', default: false },
    part: { type: 'string' },
    merge: { type: 'string', multiple: true },
  },
  Infinity,
);

// the part folders: `--merge a b c` (a shell glob) or `--merge a --merge b`
const merge = values.merge ? [...values.merge, ...positionals] : null;
if (!merge && positionals.length) fail(2, `unexpected argument ${printable(positionals[0])}: folders are given with --input, --output or --merge (--help lists the options)`);
let part: PartSpec | null = null;
if (values.part !== undefined) {
  try {
    part = parsePartSpec(values.part);
  } catch (err) {
    if (err instanceof PartsError) fail(2, err.message);
    throw err;
  }
}
const given = (names: string[]) => names.filter((n) => values[n as keyof typeof values] !== undefined && values[n as keyof typeof values] !== false);
if (part && merge) fail(2, '--part builds one part and --merge merges them: give one of the two');
if (part && given(['articles', 'skip-segment']).length) fail(2, `--part writes its articles into its part folder: no --${given(['articles', 'skip-segment'])[0]}`);
if (merge && given(['input', 'skip-segment', 'max-file-mb', 'pages-per-shard', 'workers']).length) {
  fail(2, `--merge takes its articles, raw files and search shards from the parts: no --${given(['input', 'skip-segment', 'max-file-mb', 'pages-per-shard', 'workers'])[0]}`);
}
const maxFileBytes = cliMaxFileBytes(values['max-file-mb']);
const pagesPerShard = count('pages-per-shard', values['pages-per-shard']);
const workers = count('workers', values.workers);
const log = (l: string) => console.log(l);
const warn = (l: string) => console.error(l);

await run(async () => {
  try {
    // given folders are relative to the working directory; the defaults are the project's own
    const input = values.input ?? resolve(ROOT, 'content/raw');
    const articles = values.articles ?? resolve(ROOT, 'content/articles');
    if (part) {
      const output = values.output ?? resolve(ROOT, '_parts', `${part.k}-of-${part.n}`);
      await runPartBuild({ part, input, output, maxFileBytes, pagesPerShard, workers, wait: values.wait, log, warn });
    } else if (merge) {
      await runMergeBuild({ parts: merge, articles, output: values.output ?? resolve(ROOT, '_site'), wait: values.wait, log, warn });
    } else {
      await runBuild({ input, articles, output: values.output ?? resolve(ROOT, '_site'), skipSegment: values['skip-segment'], maxFileBytes, pagesPerShard, workers, wait: values.wait, log, warn });
    }
  } catch (err) {
    if (err instanceof BuildError) fail(err.code, err.message);
    throw err;
  }
});
